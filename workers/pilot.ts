/**
 * The --dry-run pilot: single runs on the batch's own worker pool (same compiled code, same thread
 * count, same competition for the cores as the batch will have), spread over the points in an
 * order whose every prefix covers them evenly, timed in the workers. Each worker's first run pays
 * V8's warm-up, so it is kept apart from the warm runs; points are timed one by one, so points of
 * unequal cost (a national region beside Drenthe, a 10-year beside a 25-year horizon) are seen.
 */
import { Piscina } from 'piscina';
import type { ExperimentPlan } from '../scenarios/plan.js';
import type { ChunkResult, ChunkTask, SeriesMode, WorkerSetup } from './protocol.js';
import type { BatchSpecs } from './specs.js';
import type { MunicipalityMode } from './municipality-table.js';
import type { OutcomeSpec } from '../scenarios/outcomes.js';

export interface PilotResult {
  runs: number;
  /** Points timed at least once. */
  pointsTimed: number;
  /** Time of a run, ms, by point index, scaled to warm (NaN where the point was not timed). */
  pointMs: Float64Array;
  /** Mean warm time of a run over the timed points, ms. */
  msPerRun: number;
  /** Wall time of the pilot, ms: the batch pays about as much for its first `runs` runs. */
  wallMs: number;
  /** True when every worker was warm at the end of the pilot (else msPerRun is an upper bound). */
  warm: boolean;
  /** From creating the pool to the first result, less that run's own time: thread start-up, ms. */
  startupMs: number;
  /** Mean bytes one run adds to runs.csv, series.csv and the municipality tables. */
  bytesPerRun: number;
}

/**
 * A fresh worker's first full runs take tens of times longer than later ones while V8 compiles the
 * model (short runs do not compile the same code), and for a batch of a few hundred runs that
 * warm-up is most of its time. So the pilot runs like the start of the batch, until every worker
 * is warm (its recent runs a small part of its first) or the budget is spent; the batch will pay
 * the pilot's wall time again for its own first runs, and the warm cost for the rest.
 */
const PILOT_MS = 10_000;
/** Full runs each worker must time at least. */
const MIN_PER_THREAD = 3;
/** Warm: the median of a worker's last three runs is below this share of its first run. */
const WARM_SHARE = 0.2;
/** The pilot never times more than this share of the batch's runs (beyond the minimum). */
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
  // The runs to time: the shard's points in spread order, replicate after replicate.
  const firstPoint = Math.floor(range.from / plan.replicates);
  const lastPoint = Math.floor((range.to - 1) / plan.replicates);
  const order = spreadOrder(lastPoint - firstPoint + 1).map((k) => k + firstPoint);
  const queue: number[] = [];
  for (let r = 0; r < plan.replicates && queue.length < runs; r++)
    for (const p of order) {
      const index = p * plan.replicates + r;
      if (index >= range.from && index < range.to) queue.push(index);
    }
  const setup: WorkerSetup = {
    points: plan.points.map((p) => ({ id: p.id, scenario: p.scenario, sweep: p.sweep, input: p.input })),
    outcomes: options.outcomes,
    series: options.series,
    municipalities: options.municipalities,
  };
  const t0 = performance.now();
  const pool = new Piscina<ChunkTask, ChunkResult>({
    filename: options.workerFile,
    minThreads: threads,
    maxThreads: threads,
    workerData: setup,
  });
  const sum = new Float64Array(plan.points.length);
  const count = new Float64Array(plan.points.length);
  /** Each worker's runs in order: their times. */
  const byThread = new Map<number, number[]>();
  let startupMs = Number.NaN;
  let bytes = 0;
  let timed = 0;
  let timedMs = 0;
  let next = 0;
  const maxRuns = Math.max(threads * MIN_PER_THREAD, Math.ceil(runs * MAX_SHARE));
  const median3 = (list: number[]) => [...list.slice(-3)].sort((a, b) => a - b)[1];
  const warmNow = () =>
    byThread.size >= threads &&
    [...byThread.values()].every((list) => list.length >= MIN_PER_THREAD && median3(list) < WARM_SHARE * list[0]);
  const enough = () =>
    next >= queue.length ||
    next >= maxRuns ||
    (timed >= threads * MIN_PER_THREAD && (warmNow() || performance.now() - t0 >= PILOT_MS));
  const lane = async (): Promise<void> => {
    while (!enough()) {
      const spec = specs.at(queue[next++]);
      const result = await pool.run({ runs: [spec] });
      if (Number.isNaN(startupMs)) startupMs = performance.now() - t0 - result.ms;
      const o = result.outcomes[0];
      bytes +=
        Buffer.byteLength(o.row) +
        Buffer.byteLength(o.series) +
        Buffer.byteLength(o.municipalities) +
        Buffer.byteLength(o.municipalitySeries);
      timed++;
      timedMs += result.ms;
      sum[spec.point] += result.ms;
      count[spec.point]++;
      const list = byThread.get(result.thread ?? -1) ?? [];
      list.push(result.ms);
      byThread.set(result.thread ?? -1, list);
    }
  };
  try {
    await Promise.all(Array.from({ length: threads }, lane));
  } finally {
    await pool.destroy();
  }
  const wallMs = performance.now() - t0;
  // Warm cost: the mean of each worker's last third of runs (at least three; run times vary by seed).
  // A pilot that ended before a worker was warm takes its fastest recent run, at most the warm
  // share of its first run: its runs were still getting faster, and warm runs are far below that.
  const warm = warmNow();
  const lasts = [...byThread.values()].map((list) => {
    if (!warm) return Math.min(...list.slice(-3), WARM_SHARE * list[0]);
    const tail = list.slice(-Math.max(3, Math.floor(list.length / 3)));
    return tail.reduce((a, b) => a + b, 0) / tail.length;
  });
  const warmMean = lasts.length ? lasts.reduce((a, b) => a + b, 0) / lasts.length : 0;
  const scale = timed && timedMs > 0 ? warmMean / (timedMs / timed) : 1;
  const pointMs = sum.map((s, i) => (count[i] > 0 ? (scale * s) / count[i] : Number.NaN));
  const timedPoints = pointMs.filter((v) => !Number.isNaN(v));
  // Mean over points (each point has the same replicates), not over runs.
  const msPerRun = timedPoints.length ? timedPoints.reduce((a, b) => a + b, 0) / timedPoints.length : warmMean;
  return {
    runs: timed,
    wallMs,
    warm,
    pointsTimed: timedPoints.length,
    pointMs,
    msPerRun,
    startupMs: Number.isNaN(startupMs) ? 0 : Math.max(0, startupMs),
    bytesPerRun: timed ? bytes / timed : 0,
  };
}
