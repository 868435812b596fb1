/**
 * A shard folder as the merge reads it, the plan facts its manifest holds, and the error that
 * stops a merge: shared by shard-merge.ts (the checks) and shard-copy.ts (the copying).
 */
import type { OutcomeSpec } from '../scenarios/outcomes.js';
import type { BatchManifest } from './batch-manifest.js';
import type { ShardRecord } from './shard.js';

/** Why nothing was merged: 'refused' (exit 2) the folders do not belong together; 'incomplete' (exit 1) shards are missing or unfinished. */
export class MergeError extends Error {
  constructor(
    readonly kind: 'refused' | 'incomplete',
    readonly problems: string[],
  ) {
    super(problems.join('\n'));
    this.name = 'MergeError';
  }
}

/** A shard folder and its manifest. */
export interface ShardFolder {
  /** The folder as given (for messages). */
  dir: string;
  manifest: BatchManifest;
  shard: ShardRecord;
}

/** The plan facts of a shard's manifest that must agree between shards. */
export interface PlanInfo {
  name?: string;
  masterSeed?: number;
  replicates?: number;
  runs?: number;
  points?: Array<{ id: string; horizonMonths?: number; municipalities?: number; sweep?: Record<string, unknown> }>;
  /** The outcomes whose columns end runs.csv (absent in manifests made before outcomes). */
  outcomes?: OutcomeSpec[];
}

/** The plan part of a shard's manifest (empty when missing). */
export const planOf = (f: ShardFolder) => (f.manifest.plan ?? {}) as PlanInfo;
