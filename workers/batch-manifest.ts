/**
 * manifest.json of a batch folder: what made it (cli/manifest.ts makeManifest) plus the batch's own
 * state: status (running | complete | failed | interrupted), counts, and the plan's fingerprint,
 * which `--resume` checks so a batch is never continued with another plan, seed or version.
 */
import { InputFileError } from '../store/errors.js';
import { readJsonFile } from '../store/read.js';
import { makeManifest, type Manifest, sha256Text } from '../store/manifest.js';
import { writeAtomic } from '../store/write.js';
import type { ExperimentPlan } from '../scenarios/plan.js';
import type { SeriesMode } from './protocol.js';
import { SERIES_HEADER } from './series.js';

export type BatchStatus = 'running' | 'complete' | 'failed' | 'interrupted';

export interface BatchCounts {
  total: number;
  done: number;
  ok: number;
  failed: number;
}

export interface BatchManifest extends Manifest {
  status: BatchStatus;
  planHash: string;
  series: SeriesMode;
  counts: BatchCounts;
}

/** A hash of everything that decides the rows: points and their full inputs, seeds, replicates, series mode. */
export function planFingerprint(plan: ExperimentPlan, series: SeriesMode): string {
  return sha256Text(
    JSON.stringify({
      baseline: plan.baseline,
      masterSeed: plan.masterSeed,
      replicates: plan.replicates,
      series,
      points: plan.points.map((p) => [p.id, p.scenario, p.sweep, p.input]),
    }),
  );
}

export interface ManifestContext {
  plan: ExperimentPlan;
  series: SeriesMode;
  arguments: Record<string, unknown>;
  inputFiles: string[];
  startedAt: Date;
  /** Earlier starts of this batch (kept across resumes). */
  history: Array<{ startedAt: string; endedAt: string | null; status: BatchStatus }>;
  extra?: Record<string, unknown>;
}

export function batchManifest(
  ctx: ManifestContext,
  status: BatchStatus,
  counts: BatchCounts,
  error?: string,
): BatchManifest {
  const plan = ctx.plan;
  return makeManifest({
    command: 'batch',
    arguments: ctx.arguments,
    inputFiles: ctx.inputFiles,
    inlineInputs: plan.points.map((p) => ({ name: `model-input:${p.id}`, text: JSON.stringify(p.input) })),
    seeds: { master: plan.masterSeed },
    startedAt: ctx.startedAt,
    extra: {
      finishedAt: status === 'running' ? null : new Date().toISOString(),
      status,
      ...(error ? { error } : {}),
      counts,
      planHash: planFingerprint(plan, ctx.series),
      series: ctx.series,
      plan: {
        name: plan.name,
        description: plan.description,
        baseline: plan.baseline,
        masterSeed: plan.masterSeed,
        replicates: plan.replicates,
        runs: plan.points.length * plan.replicates,
        points: plan.points.map((p) => ({
          id: p.id,
          scenario: p.scenario,
          sweep: p.sweep,
          horizonMonths: p.input.horizonMonths,
        })),
      },
      files: {
        'runs.csv': 'one row per run (columns in README.md)',
        'series.csv': series(ctx.series),
        'README.md': 'column meanings',
      },
      previousAttempts: ctx.history,
      ...ctx.extra,
    },
  }) as BatchManifest;
}

function series(mode: SeriesMode): string {
  return mode === 'none' ? 'not written (--series none)' : `region series, ${mode}, long form ${SERIES_HEADER.trim()}`;
}

export function writeManifest(path: string, manifest: BatchManifest): void {
  writeAtomic(path, `${JSON.stringify(manifest, null, 2)}\n`);
}

/** A batch's manifest.json, read safely (store/read.ts). @throws InputFileError when it is not a regular JSON file */
export function readManifest(path: string): BatchManifest {
  const m = readJsonFile(path);
  if (!m || typeof m !== 'object' || Array.isArray(m)) throw new InputFileError(`${path}: is not a JSON object; allowed: a regiosim manifest`);
  return m as BatchManifest;
}
