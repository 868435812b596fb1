/**
 * The --dry-run pilot, on the batch's own worker pool (same compiled code, same thread count, same
 * competition for the cores as the batch will have), in two phases:
 * 1. the batch's first runs, in the batch's order, for PILOT_MS (a fresh worker's first runs take
 *    many times longer while V8 compiles the model, and it goes on optimising for hundreds of short
 *    runs): the batch will take as long again for those very runs;
 * 2. then one warm time of each other point (the fastest of a few runs, as a point's first runs
 *    still compile), in an order whose every prefix covers the points evenly,
 *    so points of unequal cost (a national region beside Drenthe, a 10-year beside a 25-year
 *    horizon, a pool beside none) are each timed.
 */
import type { OutcomeSpec } from '../scenarios/outcomes.js';
import type { ExperimentPlan } from '../scenarios/plan.js';
import type { MunicipalityMode } from './municipality-table.js';
import type { SeriesMode } from './protocol.js';
import { runCost } from './run-cost.js';
import type { BatchSpecs } from './specs.js';
import { shareSetup, WorkerPool } from './worker-pool.js';

export interface PilotResult {
  /** Runs timed in both phases. */
  runs: number;
  /** Phase 1: the batch's first runs done, and their wall time (start-up and warm-up included), ms. */
  firstRuns: number;
  firstWallMs: number;
  /** Points timed warm. */
  pointsTimed: number;
  /** Warm time of a run, ms, by point index (NaN where the point was not timed warm). */
  pointMs: Float64Array;
  /** Mean warm time of a run over the timed points, ms. */
  msPerRun: number;
  /** True when every worker was warm at the end of phase 1 (else msPerRun is on the high side). */
  warm: boolean;
  /** Time to stop the pool's threads, ms: the batch pays it at its end. */
  closeMs: number;
  /** Mean bytes one run adds to runs.csv, series.csv and the municipality tables. */
  bytesPerRun: number;
}

/**
 * Phase 1 runs this long (unless it reaches MAX_SHARE of the batch): V8 goes on optimising for
 * hundreds of short runs, and the batch runs these very runs anyway. Phase 2 may take as long again.
 */
const PILOT_MS = 5000;
/** Runs each worker must have done in phase 1 at least. */
const MIN_PER_THREAD = 3;
/** Warm: the median of a worker's last three runs is below this share of its first run. */
const WARM_SHARE = 0.2;
/** Phase 2 runs each point this often and keeps the fastest (still well above the warm time at 1 or 2). */
const POINT_REPEATS = 4;
/** Phase 1 never does more than this share of the batch's runs (beyond the minimum). */
const MAX_SHARE = 0.25;

/**
 * The order the pilot visits points in: bit-reversed indices (0, n/2, n/4, 3n/4, ...), so that a
 * pilot stopped early has still seen points from all over the plan.
 */
export function spreadOrder(n: number): number[] {
  let bits = 0;
  while (1 << bits < n) bits++;
  const out: number[] = [];
  for (let i = 0; i < 1 << bits; i++) {
    let r = 0;
    for (let b = 0; b < bits; b++) if (i & (1 << b)) r |= 1 << (bits - 1 - b);
    if (r < n) out.push(r);
  }
  return out;
}

export async function pilot(
  plan: ExperimentPlan,
  specs: BatchSpecs,
  range: { from: number; to: number },
  options: {
    threads: number;
    series: SeriesMode;
    municipalities: MunicipalityMode;
    outcomes: OutcomeSpec[];
    workerFile: string;
  },
): Promise<PilotResult> {
  const runs = range.to - range.from;
  const threads = Math.max(1, Math.min(options.threads, runs));
  const setup = shareSetup({
    points: plan.points.map((p) => ({ id: p.id, scenario: p.scenario, sweep: p.sweep, input: p.input })),
    outcomes: options.outcomes,
    series: options.series,
    municipalities: options.municipalities,
  });
  const t0 = performance.now();
  // Fresh workers of its own, always: the pilot measures how a cold worker warms up.
  const workers = new WorkerPool(threads, options.workerFile);
  const pool = workers.piscina;
  /** Each worker's phase-1 run times, in order. */
  const byThread = new Map<number, number[]>();
  let bytes = 0;
  let timed = 0;
  const run = async (index: number) => {
    const result = await pool.run({ setup, runs: [specs.at(index)] });
    const o = result.outcomes[0];
    bytes += o.row.length + o.series.length + o.municipalities.length + o.municipalitySeries.length;
    timed++;
    return result;
  };
  const median3 = (list: number[]) => [...list.slice(-3)].sort((a, b) => a - b)[1];
  const warmNow = () =>
    byThread.size >= threads &&
    [...byThread.values()].every((list) => list.length >= MIN_PER_THREAD && median3(list) < WARM_SHARE * list[0]);
  // Phase 1: the batch's first runs, in its order.
  const maxFirst = Math.min(runs, Math.max(threads * MIN_PER_THREAD, Math.ceil(runs * MAX_SHARE)));
  let next = range.from;
  const phase1 = async (): Promise<void> => {
    while (
      next < range.from + maxFirst &&
      !(next - range.from >= threads * MIN_PER_THREAD && performance.now() - t0 >= PILOT_MS)
    ) {
      const result = await run(next++);
      const list = byThread.get(result.thread ?? -1) ?? [];
      list.push(result.ms);
      byThread.set(result.thread ?? -1, list);
    }
  };
  const sum = new Float64Array(plan.points.length);
  const count = new Float64Array(plan.points.length);
  let firstWallMs = 0;
  let firstRuns = 0;
  let closeMs = 0;
  try {
    await Promise.all(Array.from({ length: threads }, phase1));
    firstWallMs = performance.now() - t0;
    firstRuns = next - range.from;
    // Phase 2: one run of each point not seen yet (a replicate phase 1 did not run), spread order.
    const firstPoint = Math.floor(range.from / plan.replicates);
    const lastPoint = Math.floor((range.to - 1) / plan.replicates);
    const seen = new Set<number>();
    for (let k = range.from; k < next; k++) seen.add(Math.floor(k / plan.replicates));
    const queue = spreadOrder(lastPoint - firstPoint + 1)
      .map((k) => k + firstPoint)
      .filter((p) => !seen.has(p))
      .map((p) => Math.min(range.to - 1, Math.max(range.from, p * plan.replicates + plan.replicates - 1)));
    let q = 0;
    const t1 = performance.now();
    const phase2 = async (): Promise<void> => {
      while (q < queue.length && performance.now() - t1 < PILOT_MS) {
        const index = queue[q++];
        // The fastest of a few: a worker's first runs of a point it has not run yet still compile
        // code for that point's paths (a pool, a larger region), as phase 1 showed for the first point.
        let fastest = Number.POSITIVE_INFINITY;
        for (let r = 0; r < POINT_REPEATS; r++) fastest = Math.min(fastest, (await run(index)).ms);
        const point = Math.floor(index / plan.replicates);
        sum[point] += fastest;
        count[point]++;
      }
    };
    await Promise.all(Array.from({ length: threads }, phase2));
  } finally {
    const t2 = performance.now();
    await workers.close();
    closeMs = performance.now() - t2;
  }
  // Phase 1's points: each worker's mean over its last six runs (times vary by seed), or, if a
  // worker was not warm yet, its fastest recent run at most the warm share of its first.
  const warm = warmNow();
  const lasts = [...byThread.values()].map((list) => {
    if (!warm) return Math.min(...list.slice(-3), WARM_SHARE * list[0]);
    const tail = list.slice(-6);
    return tail.reduce((a, b) => a + b, 0) / tail.length;
  });
  const firstWarm = lasts.length ? lasts.reduce((a, b) => a + b, 0) / lasts.length : Number.NaN;
  for (let k = range.from; k < range.from + firstRuns; k++) {
    const point = Math.floor(k / plan.replicates);
    if (count[point] === 0 && Number.isFinite(firstWarm)) {
      sum[point] = firstWarm;
      count[point] = 1;
    }
  }
  // A point timed only in phase 2 ran a few times on code its worker had not yet optimised for that
  // point's paths (a pool, other levers): two to four times its batch pace (bench:estimate). Its time
  // is capped at the warm phase-1 pace per unit of run size (run-cost.ts), which the batch reaches.
  let firstCost = 0;
  for (let k = range.from; k < range.from + firstRuns; k++)
    firstCost += runCost(plan.points[Math.floor(k / plan.replicates)].input);
  const warmPerCost = warm && firstRuns > 0 ? firstWarm / (firstCost / firstRuns) : Number.POSITIVE_INFINITY;
  const pointMs = sum.map((s, i) =>
    count[i] > 0 ? Math.min(s / count[i], warmPerCost * runCost(plan.points[i].input)) : Number.NaN,
  );
  const timedPoints = pointMs.filter((v) => !Number.isNaN(v));
  return {
    runs: timed,
    firstRuns,
    firstWallMs,
    pointsTimed: timedPoints.length,
    pointMs,
    msPerRun: timedPoints.length ? timedPoints.reduce((a, b) => a + b, 0) / timedPoints.length : 0,
    warm,
    closeMs,
    bytesPerRun: timed ? bytes / timed : 0,
  };
}
