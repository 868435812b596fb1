/**
 * The piscina worker: runs a chunk of simulations and returns one outcome per run. Inputs arrive
 * once per thread through `workerData` (WorkerSetup), so a chunk carries only run specs. A run that
 * throws becomes an 'error' outcome and the chunk goes on.
 * Loaded as compiled JS (dist/workers/worker.js): worker threads cannot load TypeScript.
 */
import { threadId } from 'node:worker_threads';
import { move, transferableSymbol, valueSymbol, workerData } from 'piscina';
import { simulate } from '../sim/simulate.js';
import type { ChunkResult, ChunkTask, WorkerSetup } from './protocol.js';
import { runOne } from './run-one.js';
import { runsTable } from './runs-table.js';
import { toWire } from './wire.js';

const setup = workerData as WorkerSetup;
const table = runsTable(setup);

export default function runChunk(task: ChunkTask): ChunkResult | ReturnType<typeof move> {
  const t0 = performance.now();
  const timing = { simMs: 0 };
  const clock = task.started ? new Float64Array(task.started) : undefined;
  if (task.warmupMonths) {
    // Short runs compile the model's hot code (V8 warms up) at a fraction of a full run's cost.
    for (const spec of task.runs) {
      const input = setup.points[spec.point].input;
      simulate({ ...input, horizonMonths: Math.min(task.warmupMonths, input.horizonMonths) }, spec.seed);
    }
    return { outcomes: [], ms: performance.now() - t0, simMs: 0, thread: threadId };
  }
  const transfer: ArrayBuffer[] = [];
  const outcomes = task.runs.map((spec) => {
    if (clock) clock[0] = Date.now();
    return toWire(runOne(spec, setup.points, table, setup.series, timing, setup.municipalities), transfer);
  });
  const result: ChunkResult = { outcomes, ms: performance.now() - t0, simMs: timing.simMs, thread: threadId };
  // The text buffers move to the main thread (workers/wire.ts); the rest of the result is cloned.
  return move({
    get [transferableSymbol]() {
      return transfer;
    },
    get [valueSymbol]() {
      return result;
    },
  });
}
