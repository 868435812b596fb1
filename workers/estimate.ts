/**
 * --dry-run: the time and disk a batch will take, from a pilot on the batch's own worker pool
 * (workers/pilot.ts), which runs like the start of the batch until its workers are warm. Time is
 * the pilot's wall time (the batch's first runs cost as much: start-up and V8's warm-up), then the
 * warm cost of every other run, each point weighted by its size (engine runCost: months ×
 * municipalities), spread over the threads. The pilot ran with the batch's thread count, so what
 * the threads share (cores, memory bandwidth, other work on the machine) is in its times.
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
  // Relative cost by point size, scaled so that the timed points cost the warm time on average.
  const size = (k: number) => runCost(plan.points[Math.floor(k / plan.replicates)].input);
  let timedSize = 0;
  let timedPoints = 0;
  p.pointMs.forEach((ms, i) => {
    if (Number.isNaN(ms)) return;
    timedSize += runCost(plan.points[i].input);
    timedPoints++;
  });
  const msPerSize = timedPoints ? p.msPerRun / (timedSize / timedPoints) : 0;
  let work = 0;
  for (let k = range.from; k < range.to; k++) work += size(k) * msPerSize;
  work *= Math.max(0, runs - p.runs) / runs;
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
    seconds: (p.wallMs + work / used + tail) / 1000,
    warm: p.warm,
    bytes: p.bytesPerRun * runs + Buffer.byteLength(table.header),
  };
}
