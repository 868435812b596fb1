/**
 * Shards: a batch split into n deterministic shares that run anywhere (a SLURM job array, several
 * machines) and merge back into the very files one machine writes. Shard i/n (1-based) holds one
 * contiguous block of run indices, the blocks in shard order and balanced to within one run, so
 * merging is concatenating the shards' rows in shard order (workers/shard-merge.ts).
 */
import { BatchError } from './batch-error.js';

export interface Shard {
  /** 1-based position: shard `index` of `count`. */
  index: number;
  count: number;
}

/** Run indices [from, to) of a shard. */
export interface RunRange {
  from: number;
  to: number;
}

/** What a shard's manifest.json records (field `shard`). */
export interface ShardRecord extends Shard {
  /** Run indices from (inclusive) to (exclusive) of the whole batch. */
  runs: RunRange;
  /** Runs of the whole batch (all shards). */
  totalRuns: number;
}

export const shardLabel = (s: Shard): string => `${s.index}/${s.count}`;

/** "runs 4–7", or "run 4" for a one-run block. */
export const runsText = (r: RunRange): string => (r.to - r.from === 1 ? `run ${r.from}` : `runs ${r.from}–${r.to - 1}`);

/** Parses `i/n` (1 ≤ i ≤ n); a BatchError says what is allowed. */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = m ? Number(m[1]) : Number.NaN;
  const count = m ? Number(m[2]) : Number.NaN;
  if (!m || !Number.isSafeInteger(index) || !Number.isSafeInteger(count) || count < 1 || index < 1 || index > count)
    throw new BatchError(`--shard ${text} is not allowed; allowed: i/n with whole numbers 1 ≤ i ≤ n, e.g. 2/8`);
  return { index, count };
}

/**
 * The runs of shard i/n among `total`: [floor((i-1)·total/n), floor(i·total/n)). The blocks cover
 * 0..total-1 exactly once, in order, and differ in size by at most one run.
 */
export function shardRange(total: number, shard: Shard): RunRange {
  const at = (k: number) => Math.floor((k * total) / shard.count);
  return { from: at(shard.index - 1), to: at(shard.index) };
}

/** Checks that n shards make sense for a batch of `total` runs (every shard gets at least one run). */
export function checkShardCount(count: number, total: number): void {
  if (count > total)
    throw new BatchError(
      `${count} shards for a batch of ${total} run${total === 1 ? '' : 's'}: some shards would have no runs; use at most ${total} shards`,
    );
}

export function shardRecord(shard: Shard, total: number): ShardRecord {
  return { index: shard.index, count: shard.count, runs: shardRange(total, shard), totalRuns: total };
}

/** Shard i/n's folder name in `regiosim slurm` job folders: shard-01-of-12 (zero-padded so names sort). */
export function shardFolderName(index: number, count: number): string {
  const w = String(count).length;
  return `shard-${String(index).padStart(w, '0')}-of-${count}`;
}
