/**
 * Chunk size: how many runs one piscina task carries. A task costs ≈50 µs of messaging (measured
 * in the stack proof of concept), so a chunk should hold ≥ ~10 ms of work; but chunks must stay
 * small enough that the last ones keep every thread busy (load balance at the tail).
 *
 * Unless --chunk is given, the batch starts with single-run tasks as its pilot, measured inside the
 * workers (so the pilot runs the same compiled code as the batch, warms the workers' JIT and is
 * never wasted), and sizes every later chunk from the mean time per run so far.
 */

/**
 * Work per chunk the automatic choice aims at: 50 µs of messaging is 0.1% of it, and the main
 * thread's share of each task (receiving, ordering and writing it) shrinks with fewer tasks.
 */
export const TARGET_CHUNK_MS = 50;
/** At least this many chunks per thread when there are enough runs, for an even tail. */
export const CHUNKS_PER_THREAD = 8;
/** Single-run tasks measured before chunks grow. */
export const PILOT_RUNS = 4;

/**
 * Runs per chunk from the time per run.
 * @example autoChunkSize(3, 10_000, 2) === 17 // 3 ms runs: 17 runs ≈ 51 ms per task
 */
export function autoChunkSize(msPerRun: number, runs: number, threads: number): number {
  const forWork = Math.ceil(TARGET_CHUNK_MS / Math.max(msPerRun, 1e-3));
  const forBalance = Math.ceil(runs / (threads * CHUNKS_PER_THREAD));
  return Math.max(1, Math.min(forWork, forBalance, 10_000));
}

/**
 * Tracks the cost per run, as a moving average over recent chunks (a fresh worker's first runs are
 * several times slower while V8 compiles; the average forgets them), and sizes the next chunk.
 */
export class ChunkSizer {
  private measured = 0;
  private average = Number.NaN;

  constructor(
    private readonly fixed: number | undefined,
    private readonly remaining: number,
    private readonly threads: number,
  ) {}

  record(runs: number, ms: number): void {
    if (runs === 0) return;
    const perRun = ms / runs;
    this.average = this.measured === 0 ? perRun : 0.7 * this.average + 0.3 * perRun;
    this.measured += runs;
  }

  /** Recent mean ms per run (NaN before any result). */
  get msPerRun(): number {
    return this.average;
  }

  /** Runs in the next chunk: one while the pilot measures, then sized from the measurements. */
  next(): number {
    if (this.fixed) return this.fixed;
    if (this.measured === 0 || this.measured < Math.min(PILOT_RUNS, this.remaining)) return 1;
    return autoChunkSize(this.average, this.remaining, this.threads);
  }
}
