/**
 * Worker threads that stay warm from one batch to the next. A fresh worker thread spends 1–1.7 s
 * of CPU while V8 compiles the model before its runs reach full speed (`npm run bench`). A caller
 * that runs many small batches in a row (ABC calibration: a batch per generation and round) opens
 * one pool, passes it to every runBatch and closes it at the end, so only the first batch pays
 * that. Results do not depend on it: the same runs with the same seeds give the same bytes.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { serialize } from 'node:v8';
import { Piscina } from 'piscina';
import { BatchError } from './batch-error.js';
import type { ChunkResult, ChunkTask, SetupRef, WorkerSetup } from './protocol.js';

/**
 * The compiled worker. From dist/ it sits next to this module; when this module is loaded from
 * TypeScript source (vitest, tsx) it is still the dist/ build, because worker threads run plain
 * Node and cannot load .ts files.
 */
export function workerFile(): string {
  const fromSource = import.meta.url.endsWith('.ts');
  const file = fileURLToPath(new URL(fromSource ? '../dist/workers/worker.js' : './worker.js', import.meta.url));
  if (!existsSync(file)) throw new BatchError(`the compiled worker ${file} is missing: run npm run build`);
  return file;
}

/**
 * A fixed number of batch workers.
 * @example
 * const pool = new WorkerPool(2);
 * try {
 *   for (const plan of plans) await runBatch(plan, { outDir: dirOf(plan), pool });
 * } finally {
 *   await pool.close();
 * }
 */
export class WorkerPool {
  readonly piscina: Piscina<ChunkTask, ChunkResult>;
  private readonly errorListeners = new Set<(e: unknown) => void>();

  constructor(
    readonly threads: number,
    readonly file: string = workerFile(),
  ) {
    this.piscina = new Piscina<ChunkTask, ChunkResult>({ filename: file, minThreads: threads, maxThreads: threads });
    // Always listened to: a worker that fails between batches (or is replaced by one that fails
    // to load while the pool closes) must not become an uncaught 'error' event.
    this.piscina.on('error', (e: unknown) => {
      for (const listener of this.errorListeners) listener(e);
    });
  }

  /** Calls listener when a worker thread itself fails (not a run: runs that throw are outcomes); returns the unsubscribe. */
  onError(listener: (e: unknown) => void): () => void {
    this.errorListeners.add(listener);
    return () => this.errorListeners.delete(listener);
  }

  /** Ends the threads (after the tasks in flight). */
  async close(): Promise<void> {
    await this.piscina.destroy();
  }
}

let nextSetupId = 1;

/** A batch's setup in shared memory, for its tasks (see SetupRef). */
export function shareSetup(setup: WorkerSetup): SetupRef {
  const bytes = serialize(setup);
  const shared = new SharedArrayBuffer(bytes.length);
  new Uint8Array(shared).set(bytes);
  return { id: nextSetupId++, bytes: shared };
}
