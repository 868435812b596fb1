/**
 * `npm run bench:parquet`: memory of a batch that writes Parquet, printed as figures (never a unit
 * test: they depend on the machine and its load).
 *
 * 1. A real batch of Drenthe runs (PARQUET_BENCH_RUNS, default 300) with `--municipalities yearly
 *    --format both`: peak RSS of the process (main thread and workers) while it runs, and while the
 *    tables are streamed into Parquet at its end; rows and bytes of every table as CSV and Parquet.
 * 2. The export alone at growing sizes, each in a fresh process: the batch's tables repeated ×1,
 *    ×4, ×16 (run indices shifted, so every copy is a valid table) and streamed into Parquet. Flat
 *    memory: the export completes with V8's old generation capped at 64 MB at every size, and its
 *    peak RSS (VmHWM) under that cap stays the same while the tables grow 16-fold (with the default
 *    heap V8 lets garbage accumulate before collecting, so that peak is printed too).
 */
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadNationalData } from '../data/load.js';
import { defaultScenario } from '../scenarios/default.js';
import type { ExperimentPlan } from '../scenarios/plan.js';
import { forEachLine } from '../workers/csv-lines.js';
import { exportPlanOf, runBatch } from '../workers/engine.js';
import { exportParquet, parquetName } from '../workers/parquet-export.js';
import { runsTable } from '../workers/runs-table.js';
import { rowTables } from '../workers/tables.js';

const RUNS = Number(process.env.PARQUET_BENCH_RUNS ?? 300);
const MB = 1024 * 1024;
/** Old-generation cap of the second export measurement, MB. */
const HEAP_CAP_MB = 64;
const mb = (b: number) => `${(b / MB).toFixed(1)} MB`;

/** Samples RSS every 20 ms; `peak()` is the highest seen since the last `reset()`. */
class RssSampler {
  private max = 0;
  private readonly timer = setInterval(() => this.sample(), 20);
  sample(): void {
    this.max = Math.max(this.max, process.memoryUsage.rss());
  }
  reset(): void {
    this.max = process.memoryUsage.rss();
  }
  peak(): number {
    this.sample();
    return this.max;
  }
  stop(): void {
    clearInterval(this.timer);
  }
}

const TABLES = ['runs.csv', 'series.csv', 'municipalities.csv', 'municipality-series.csv'];

function rows(path: string): number {
  let n = -1;
  forEachLine(path, () => {
    n++;
    return true;
  });
  return n;
}

/** Writes `copies` copies of the table body into `out`, shifting run indices by `runs` per copy (streamed). */
function repeat(src: string, out: string, copies: number, runs: number): void {
  const fd = openSync(out, 'w');
  try {
    for (let c = 0; c < copies; c++) {
      let chunk = '';
      let header = true;
      forEachLine(src, (line) => {
        if (header) {
          if (c === 0) chunk += `${line}\n`;
          header = false;
          return true;
        }
        const comma = line.indexOf(',');
        chunk += `${Number(line.slice(0, comma)) + c * runs}${line.slice(comma)}\n`;
        if (chunk.length > 1 << 22) {
          writeSync(fd, chunk);
          chunk = '';
        }
        return true;
      });
      writeSync(fd, chunk);
    }
  } finally {
    closeSync(fd);
  }
}

/** Peak resident memory of this process so far (VmHWM), bytes. */
function highWater(): number {
  const m = readFileSync('/proc/self/status', 'utf8').match(/VmHWM:\s+(\d+) kB/);
  return m ? Number(m[1]) * 1024 : Number.NaN;
}

/**
 * Child mode (`--export DIR RUNS`): the export alone in a fresh process, so its peak memory is the
 * export's own; prints RSS before, the high-water mark after, seconds, as JSON.
 */
function exportChild(d: string, runs: number): void {
  const input = defaultScenario(loadNationalData());
  const plan = {
    points: [{ id: input.name, scenario: input.name, sweep: {}, input }],
    replicates: runs,
  } as unknown as ExperimentPlan;
  const before = process.memoryUsage.rss();
  const t = performance.now();
  exportParquet(
    d,
    exportPlanOf(plan, runsTable(plan), rowTables({ series: 'yearly', municipalities: 'yearly' }), 'yearly'),
    'both',
  );
  process.stdout.write(JSON.stringify({ before, peak: highWater(), seconds: (performance.now() - t) / 1000 }));
}

async function main(): Promise<void> {
  const data = loadNationalData();
  const input = defaultScenario(data);
  const plan: ExperimentPlan = {
    name: input.name,
    description: 'parquet bench',
    baseline: input.name,
    masterSeed: 1,
    replicates: RUNS,
    points: [{ id: input.name, scenario: input.name, sweep: {}, input }],
    sourceFiles: [],
  };
  const dir = mkdtempSync(join(tmpdir(), 'regiosim-parquet-bench-'));
  const rss = new RssSampler();
  try {
    process.stdout.write(
      `regiosim parquet bench: ${RUNS} runs of ${input.name} (${input.municipalities.length} municipalities, ${input.horizonMonths} months), --municipalities yearly --format both; load average ${loadavg()[0].toFixed(2)}\n`,
    );
    const rss0 = process.memoryUsage.rss();
    rss.reset();
    const t0 = performance.now();
    const result = await runBatch(plan, { outDir: join(dir, 'batch'), municipalities: 'yearly', format: 'both' });
    const batchPeak = rss.peak();
    if (result.status !== 'complete') throw new Error(`the batch ended ${result.status}: ${result.error ?? ''}`);
    process.stdout.write(
      `  batch: ${((performance.now() - t0) / 1000).toFixed(1)} s on ${result.threads} threads; RSS ${mb(rss0)} at start, peak ${mb(batchPeak)} (simulation, CSV and Parquet)\n`,
    );
    process.stdout.write('  table                      rows        CSV       Parquet   ratio\n');
    for (const t of TABLES) {
      const csv = join(dir, 'batch', t);
      const pq = join(dir, 'batch', parquetName(t));
      const c = statSync(csv).size;
      const p = statSync(pq).size;
      process.stdout.write(
        `  ${t.padEnd(25)} ${String(rows(csv)).padStart(10)} ${mb(c).padStart(10)} ${mb(p).padStart(10)}   ${(c / p).toFixed(1)}×\n`,
      );
    }

    // 2. The export alone, at ×1, ×4 and ×16 the batch's tables, each in a fresh process.
    process.stdout.write('  export alone (CSV → Parquet, row groups of 65,536 rows), each in a fresh process:\n');
    for (const copies of [1, 4, 16]) {
      const d = join(dir, `x${copies}`);
      mkdirSync(d);
      for (const t of TABLES) repeat(join(dir, 'batch', t), join(d, t), copies, RUNS);
      let csvBytes = 0;
      let rowCount = 0;
      for (const t of TABLES) {
        csvBytes += statSync(join(d, t)).size;
        rowCount += rows(join(d, t));
      }
      // Once with V8's default heap (it lets garbage grow before collecting), once with the old
      // generation capped at 64 MB: that it still completes, at every size, shows the live memory is flat.
      const measure = (flags: string[]) => {
        const child = spawnSync(
          process.execPath,
          [...flags, fileURLToPath(import.meta.url), '--export', d, String(RUNS * copies)],
          { encoding: 'utf8' },
        );
        if (child.status !== 0) throw new Error(`the export child (${flags.join(' ')}) failed: ${child.stderr}`);
        return JSON.parse(child.stdout) as { before: number; peak: number; seconds: number };
      };
      const r = measure([]);
      const capped = measure([`--max-old-space-size=${HEAP_CAP_MB}`]);
      let pqBytes = 0;
      for (const t of TABLES) pqBytes += statSync(join(d, parquetName(t))).size;
      process.stdout.write(
        `    ×${String(copies).padEnd(3)} ${String(rowCount).padStart(9)} rows, ${mb(csvBytes).padStart(9)} CSV → ${mb(pqBytes).padStart(8)} Parquet in ${r.seconds.toFixed(1)} s (${(rowCount / r.seconds / 1e6).toFixed(2)} M rows/s); peak RSS ${mb(r.peak)} (default heap), ${mb(capped.peak)} (heap capped at ${HEAP_CAP_MB} MB); ${mb(r.before)} before the export\n`,
      );
      rmSync(d, { recursive: true, force: true });
    }
  } finally {
    rss.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--export') exportChild(process.argv[3], Number(process.argv[4]));
else await main();
