/**
 * Issue 12, faults: a full disk (ENOSPC, injected through store/fault.ts) or an unwritable folder
 * during batch, run, report and merge: a plain message, no temp files, the batch manifest says
 * interrupted, and --resume ends byte-identical once space returns. Also the engine's limits:
 * --threads capped at the cores, and a hung run stopped by --run-timeout.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { resetFaults } from '../store/fault.js';
import { threadCount } from '../workers/limits.js';
import { mergeShards } from '../workers/shard-merge.js';
import { batch, plan, point, read, snapshotCli, snapshotWorker, tempDir } from './batch-helpers.js';

const experiment = plan([point('base', 24), point('no-pool', 24, { poolForm: 'none' })], 6);
let clean: { runs: string; series: string };
/** Bytes a batch writes before its runs besides what it wrote before inputs/ was kept: the faults land as far into the runs as before. */
let keptBytes = 0;

const tempFiles = (dir: string) =>
  readdirSync(dir, { recursive: true })
    .map(String)
    .filter((f) => /\.tmp-\d+$|merging-/.test(f));

beforeAll(async () => {
  const dir = tempDir('clean');
  await batch(experiment, { outDir: dir, threads: 2 });
  clean = { runs: read(dir, 'runs.csv'), series: read(dir, 'series.csv') };
  // inputs/ (workers/provenance.ts), and the marker saved again for each of its files.
  keptBytes =
    read(dir, 'inputs/points.json').length +
    read(dir, 'inputs/files.json').length +
    2 * read(dir, '.regiosim-output').length;
});

afterEach(() => {
  delete process.env.REGIOSIM_TEST_FAULT;
  resetFaults();
});

describe('disk full and unwritable folders', () => {
  it('batch: stops as interrupted with a plain error, leaves whole rows only, and resumes byte-identically', async () => {
    const dir = tempDir('enospc');
    process.env.REGIOSIM_TEST_FAULT = `enospc:${30000 + keptBytes}`;
    const r = await batch(experiment, { outDir: dir, threads: 1, chunk: 1 });
    delete process.env.REGIOSIM_TEST_FAULT;
    expect(r.status).toBe('interrupted');
    expect(r.error).toMatch(/runs?\.csv|series\.csv/);
    expect(r.error).toMatch(/the disk is full \(ENOSPC\)/);
    expect(r.counts.done).toBeGreaterThan(0);
    expect(r.counts.done).toBeLessThan(12);
    expect(JSON.parse(read(dir, 'manifest.json')).status).toBe('interrupted');
    expect(tempFiles(dir)).toEqual([]);
    // Only whole rows: exactly the first `done` runs of the clean batch.
    expect(read(dir, 'runs.csv')).toBe(
      `${clean.runs
        .split('\n')
        .slice(0, r.counts.done + 1)
        .join('\n')}\n`,
    );
    const again = await batch(experiment, { outDir: dir, threads: 2, resume: true });
    expect(again.status).toBe('complete');
    expect(read(dir, 'runs.csv')).toBe(clean.runs);
    expect(read(dir, 'series.csv')).toBe(clean.series);
  });

  it('batch: when the disk stays full the message still says so plainly and --resume repairs later', async () => {
    const dir = tempDir('sticky');
    process.env.REGIOSIM_TEST_FAULT = `enospc:${30000 + keptBytes}:sticky`;
    const r = await batch(experiment, { outDir: dir, threads: 1, chunk: 1 });
    delete process.env.REGIOSIM_TEST_FAULT;
    expect(r.status).toBe('interrupted');
    expect(r.error).toMatch(/ENOSPC.*manifest\.json could not be updated/);
    expect(tempFiles(dir)).toEqual([]);
    const again = await batch(experiment, { outDir: dir, threads: 2, resume: true });
    expect(again.status).toBe('complete');
    expect(read(dir, 'runs.csv')).toBe(clean.runs);
    expect(read(dir, 'series.csv')).toBe(clean.series);
  });

  it('run and batch CLI: a plain message, no stack trace, no temp file', () => {
    const work = tempDir('cli');
    for (const [args, fault] of [
      [['run', '--out', join(work, 'r')], 'enospc:1000'],
      [['run', '--out', join(work, 'r2')], 'eacces'],
      [['batch', 'default', '--runs', '2', '--quiet', '--out', join(work, 'b')], 'enospc:100'],
    ] as const) {
      const r = spawnSync(process.execPath, [snapshotCli(), ...args], {
        encoding: 'utf8',
        env: { ...process.env, REGIOSIM_TEST_FAULT: fault },
      });
      // An unwritable folder is refused as it is claimed (2); a full disk while writing is a fault (1).
      expect(r.status, r.stderr).toBe(fault === 'eacces' ? 2 : 1);
      expect(r.stderr).toMatch(fault === 'eacces' ? /permission denied \(EACCES\)/ : /the disk is full \(ENOSPC\)/);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(tempFiles(work)).toEqual([]);
    }
    // The batch that could not start leaves nothing that looks like a batch: it can simply run again.
    expect(existsSync(join(work, 'b', 'runs.csv'))).toBe(false);
  });

  it('batch CLI: disk full mid-batch ends interrupted (exit 1) with the resume hint; --resume gives the same files', () => {
    const work = tempDir('cli-mid');
    const cli = (out: string, extra: string[], env: NodeJS.ProcessEnv = {}) =>
      spawnSync(
        process.execPath,
        [snapshotCli(), 'batch', 'default', '--runs', '4', '--quiet', '--out', out, ...extra],
        {
          encoding: 'utf8',
          env: { ...process.env, ...env },
        },
      );
    const full = cli(join(work, 'b'), [], { REGIOSIM_TEST_FAULT: 'enospc:60000' });
    expect(full.status, full.stderr).toBe(1);
    expect(full.stdout).toMatch(/interrupted: \d\/4 runs done/);
    expect(full.stdout).toMatch(/batch error: writing .*: the disk is full \(ENOSPC\)/);
    expect(full.stdout).toMatch(/continue with: (npx regiosim|regiosim|node \S+regiosim\.js) .*--resume/);
    expect(full.stderr).not.toMatch(/\n\s+at /);
    expect(JSON.parse(read(join(work, 'b'), 'manifest.json')).status).toBe('interrupted');
    expect(tempFiles(work)).toEqual([]);
    expect(cli(join(work, 'b'), ['--resume']).status).toBe(0);
    expect(cli(join(work, 'c'), []).status).toBe(0);
    for (const f of ['runs.csv', 'series.csv']) expect(read(join(work, 'b'), f)).toBe(read(join(work, 'c'), f));
  });

  it('merge: disk full leaves no staging folder, and a killed merge’s staging is cleaned by the next merge', async () => {
    const work = tempDir('merge');
    const shards = [1, 2].map((i) => join(work, `s${i}`));
    for (const [i, dir] of shards.entries())
      await batch(experiment, { outDir: dir, threads: 1, shard: { index: i + 1, count: 2 } });
    const out = join(work, 'merged');
    process.env.REGIOSIM_TEST_FAULT = 'enospc:5000';
    expect(() => mergeShards(shards, out)).toThrow(/ENOSPC/);
    delete process.env.REGIOSIM_TEST_FAULT;
    expect(readdirSync(work).sort()).toEqual(['s1', 's2']);
    mkdirSync(join(work, '.merged.merging-999999')); // as if a merge was killed
    writeFileSync(join(work, '.merged.merging-999999', 'runs.csv'), 'half');
    mergeShards(shards, out);
    expect(readdirSync(work).sort()).toEqual(['merged', 's1', 's2']);
    expect(read(out, 'runs.csv')).toBe(clean.runs);
  });
});

describe('engine limits', () => {
  it('caps --threads at the available cores with a warning', () => {
    const capped = threadCount(1000);
    expect(capped.threads).toBeLessThan(1000);
    expect(capped.note).toMatch(/--threads 1000 is more than the \d+ available cores/);
    expect(threadCount(1).note).toBeUndefined();
  });

  it('--run-timeout records a hung run as failed, the batch goes on, and the other rows are unchanged', async () => {
    const dir = tempDir('hang');
    // A worker that hangs on run 3 (an endless loop, as a run that never ends).
    const hanging = join(tempDir('worker'), 'hang.mjs');
    writeFileSync(
      hanging,
      `import run from ${JSON.stringify(snapshotWorker())};
export default function (task) {
  if (task.runs.some((r) => r.index === 3)) { new Float64Array(task.started)[0] = Date.now(); for (;;) {} }
  return run(task);
}
`,
    );
    const r = await batch(experiment, { outDir: dir, threads: 2, runTimeout: 1, workerFile: hanging });
    expect(r.counts).toEqual({ total: 12, done: 12, ok: 11, failed: 1 });
    const rows = read(dir, 'runs.csv').split('\n');
    const want = clean.runs.split('\n');
    expect(rows[4]).toMatch(/^3,base,base,3,\d+,error,timeout: the run took longer than --run-timeout 1 s/);
    expect(rows.filter((_, i) => i !== 4)).toEqual(want.filter((_, i) => i !== 4));
  });
});
