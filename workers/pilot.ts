/**
 * The --dry-run pilot: a few runs in this thread, timed and formatted as the batch would write
 * them, to estimate the batch's time and disk. (A real batch sizes its chunks from single-run tasks
 * measured in the workers instead: see workers/chunking.ts.)
 */
import type { ExperimentPlan } from '../scenarios/plan.js';
import { simulate } from '../sim/simulate.js';
import type { SeriesMode } from './protocol.js';
import { runOne } from './run-one.js';
import type { RunsTable } from './runs-table.js';
import type { BatchSpecs } from './specs.js';
import type { MunicipalityMode } from './municipality-table.js';

export interface PilotResult {
  runs: number;
  /** Mean wall time of a warm run over the sampled points, ms. */
  msPerRun: number;
  /** Time spent warming the JIT up, ms: each worker of the batch pays about as much. */
  warmupMs: number;
  /** Mean bytes one run adds to runs.csv, series.csv and the municipality tables. */
  bytesPerRun: number;
}

/**
 * A fresh thread's first runs of Drenthe take 10-20 times longer than later ones, while V8
 * compiles the model's hot code; short 12-month runs warm the same code for a fraction of the cost.
 */
const WARMUP_MS = 1000;
const WARMUP_RUNS = 40;
/** Timed runs: at least MIN_RUNS, then until PILOT_MS or MAX_RUNS. */
const PILOT_MS = 1500;
const MIN_RUNS = 3;
const MAX_RUNS = 30;

/** Samples replicates round-robin over the first, middle and last point (points may differ in cost). */
export function pilot(
  plan: ExperimentPlan,
  specs: BatchSpecs,
  table: RunsTable,
  series: SeriesMode,
  municipalities: MunicipalityMode = 'end',
): PilotResult {
  const last = plan.points.length - 1;
  const points = [...new Set([0, last >> 1, last])];
  const w0 = performance.now();
  for (let k = 0; k < WARMUP_RUNS && performance.now() - w0 < WARMUP_MS; k++) {
    const input = plan.points[points[k % points.length]].input;
    try {
      simulate({ ...input, horizonMonths: Math.min(12, input.horizonMonths) }, 1_000_000 + k);
    } catch {
      // A point that cannot run fails in the timed runs too; the estimate counts it like any run.
    }
  }
  const warmupMs = performance.now() - w0;
  let runs = 0;
  let ms = 0;
  let bytes = 0;
  const t0 = performance.now();
  for (let r = 0; r < plan.replicates && runs < MAX_RUNS; r++) {
    for (const p of points) {
      if (runs >= MIN_RUNS && performance.now() - t0 >= PILOT_MS) break;
      const spec = specs.at(p * plan.replicates + r);
      const t = performance.now();
      const o = runOne(spec, plan.points, table, series, undefined, municipalities);
      ms += performance.now() - t;
      bytes +=
        Buffer.byteLength(o.row) +
        Buffer.byteLength(o.series) +
        Buffer.byteLength(o.municipalities) +
        Buffer.byteLength(o.municipalitySeries);
      runs++;
    }
    if (runs >= MIN_RUNS && performance.now() - t0 >= PILOT_MS) break;
  }
  return { runs, msPerRun: runs ? ms / runs : 0, warmupMs, bytesPerRun: runs ? bytes / runs : 0 };
}
