/**
 * The piscina worker: runs a chunk of simulations and returns one outcome per run. A batch's inputs
 * (WorkerSetup) arrive by reference in shared memory with every chunk and are decoded once per
 * batch, so a chunk carries only run specs and a warm worker can serve batch after batch
 * (workers/worker-pool.ts). A run that throws becomes an 'error' outcome and the chunk goes on.
 * Loaded as compiled JS (dist/workers/worker.js): worker threads cannot load TypeScript.
 */
import { deserialize } from 'node:v8';
import { threadId } from 'node:worker_threads';
import { move, transferableSymbol, valueSymbol } from 'piscina';
import type { ChunkResult, ChunkTask, SetupRef, WorkerSetup } from './protocol.js';
import { runOne } from './run-one.js';
import { runsTable } from './runs-table.js';
import { toWire } from './wire.js';

/** The setup of the batch this worker last served, decoded, with its runs table. */
let current: { id: number; setup: WorkerSetup; table: ReturnType<typeof runsTable> } | undefined;

function setupOf(ref: SetupRef): NonNullable<typeof current> {
  if (current?.id !== ref.id) {
    const setup = deserialize(new Uint8Array(ref.bytes)) as WorkerSetup;
    current = { id: ref.id, setup, table: runsTable(setup) };
  }
  return current;
}

export default function runChunk(task: ChunkTask): ChunkResult | ReturnType<typeof move> {
  const t0 = performance.now();
  const { setup, table } = setupOf(task.setup);
  const timing = { simMs: 0 };
  const clock = task.started ? new Float64Array(task.started) : undefined;
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
