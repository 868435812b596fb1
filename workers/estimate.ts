/**
 * --dry-run: the time and disk a batch will take, from a pilot on the batch's own worker pool
 * (workers/pilot.ts), which runs the batch's first runs for a few seconds, then times each other
 * point. Time is the wall time of those first runs (the batch takes as long for them: start-up and
 * V8's warm-up), then the warm cost of every other run by its point (points not timed by their size:
 * months × municipalities), spread over the threads. The pilot ran with the batch's thread count, so
 * what the threads share (cores, memory bandwidth, other work on the machine) is in its times.
 */
import type { ExperimentPlan } from '../scenarios/plan.js';
import { autoChunkSize } from './chunking.js';
import { threadCount } from './limits.js';
import type { MunicipalityMode } from './municipality-table.js';
import { pilot } from './pilot.js';
import { runCost } from './run-cost.js';
import type { SeriesMode } from './protocol.js';
import { runsTable } from './runs-table.js';
import { checkShardCount, type Shard, shardRecord } from './shard.js';
import { batchSpecs } from './specs.js';

export interface BatchEstimate {
  runs: number;
  points: number;
  threads: number;
  chunk: number;
  pilotRuns: number;
  /** Points the pilot timed warm. */
  pointsTimed: number;
  msPerRun: number;
  /** False when the pilot ended before the workers were warm: the estimate is then on the high side. */
  warm: boolean;
  seconds: number;
  bytes: number;
}

export async function estimateBatch(
  plan: ExperimentPlan,
  options: {
    threads?: number;
    chunk?: number;
    series?: SeriesMode;
    municipalities?: MunicipalityMode;
    shard?: Shard;
    workerFile: string;
  },
): Promise<BatchEstimate> {
  // What this process took to get here (Node, the CBS data, the plan): the batch's process takes as long.
  const preparedMs = performance.now();
  const specs = batchSpecs(plan);
  if (options.shard) checkShardCount(options.shard.count, specs.total);
  const range = options.shard ? shardRecord(options.shard, specs.total).runs : { from: 0, to: specs.total };
  const runs = range.to - range.from;
  const threads = threadCount(options.threads).threads;
  const table = runsTable(plan);
  const p = await pilot(plan, specs, range, {
    threads,
    series: options.series ?? 'yearly',
    municipalities: options.municipalities ?? 'end',
    outcomes: table.outcomes,
    workerFile: options.workerFile,
  });
  // Each run not yet done in phase 1 at its point's warm cost; a point not timed at the mean warm
  // cost per unit of size (workers/run-cost.ts) of the timed ones.
  let timedSize = 0;
  let timedMs = 0;
  p.pointMs.forEach((ms, i) => {
    if (Number.isNaN(ms)) return;
    timedSize += runCost(plan.points[i].input);
    timedMs += ms;
  });
  const msPerSize = timedSize > 0 ? timedMs / timedSize : 0;
  let work = 0;
  for (let k = range.from + p.firstRuns; k < range.to; k++) {
    const point = Math.floor(k / plan.replicates);
    const ms = p.pointMs[point];
    work += Number.isNaN(ms) ? runCost(plan.points[point].input) * msPerSize : ms;
  }
  const used = Math.min(threads, runs);
  const chunk = options.chunk ?? autoChunkSize(p.msPerRun, runs, threads);
  // The last chunks leave threads idle: on average half a chunk of one thread's work at the end.
  const tail = used > 1 ? (p.msPerRun * Math.min(chunk, Math.ceil(runs / used))) / 2 : 0;
  return {
    runs,
    points: plan.points.length,
    threads,
    chunk,
    pilotRuns: p.runs,
    pointsTimed: p.pointsTimed,
    msPerRun: p.msPerRun,
    seconds: (preparedMs + p.firstWallMs + work / used + tail + p.closeMs) / 1000,
    warm: p.warm,
    bytes: p.bytesPerRun * runs + Buffer.byteLength(table.header),
  };
}
