/**
 * The piscina worker: runs a chunk of simulations and returns one outcome per run. Inputs arrive
 * once per thread through `workerData` (WorkerSetup), so a chunk carries only run specs. A run that
 * throws becomes an 'error' outcome and the chunk goes on.
 * Loaded as compiled JS (dist/workers/worker.js): worker threads cannot load TypeScript.
 */
import { workerData } from 'piscina';
import type { ChunkResult, ChunkTask, WorkerSetup } from './protocol.js';
import { runOne } from './run-one.js';
import { runsTable } from './runs-table.js';

const setup = workerData as WorkerSetup;
const table = runsTable(setup);

export default function runChunk(task: ChunkTask): ChunkResult {
  const t0 = performance.now();
  const timing = { simMs: 0 };
  const clock = task.started ? new Float64Array(task.started) : undefined;
  const outcomes = task.runs.map((spec) => {
    if (clock) clock[0] = Date.now();
    return runOne(spec, setup.points, table, setup.series, timing, setup.municipalities);
  });
  return { outcomes, ms: performance.now() - t0, simMs: timing.simMs };
}
