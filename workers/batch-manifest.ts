/**
 * manifest.json of a batch folder: what made it (cli/manifest.ts makeManifest) plus the batch's own
 * state: status (running | complete | failed | interrupted), counts, and the plan's fingerprint,
 * which `--resume` checks so a batch is never continued with another plan, seed or version.
 */
import { InputFileError } from '../store/errors.js';
import { readJsonFile } from '../store/read.js';
import { makeManifest, type Manifest, sha256Text } from '../store/manifest.js';
import { writeAtomic } from '../store/write.js';
import { outcomesOf } from '../scenarios/outcomes.js';
import type { ExperimentPlan } from '../scenarios/plan.js';
import type { SeriesMode } from './protocol.js';
import { SERIES_HEADER } from './series.js';
import type { MunicipalityMode } from './municipality-table.js';
import type { OutputFormat } from './parquet-export.js';

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
  /** Absent in batches made before the municipality tables (they had none). */
  municipalities?: MunicipalityMode;
  format?: OutputFormat;
  counts: BatchCounts;
}

/**
 * A hash of everything that decides the rows: points and their full inputs, seeds, replicates,
 * series mode, municipality tables ('none' hashes as batches made before those tables did) and
 * the outcomes (their columns).
 * Not the format: the Parquet files are made from the rows when the batch ends.
 */
export function planFingerprint(
  plan: ExperimentPlan,
  series: SeriesMode,
  municipalities: MunicipalityMode = 'none',
): string {
  return sha256Text(
    JSON.stringify({
      baseline: plan.baseline,
      masterSeed: plan.masterSeed,
      replicates: plan.replicates,
      series,
      ...(municipalities === 'none' ? {} : { municipalities }),
      outcomes: outcomesOf(plan),
      points: plan.points.map((p) => [p.id, p.scenario, p.sweep, p.input]),
    }),
  );
}

export interface ManifestContext {
  plan: ExperimentPlan;
  series: SeriesMode;
  municipalities: MunicipalityMode;
  format: OutputFormat;
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
      planHash: planFingerprint(plan, ctx.series, ctx.municipalities),
      series: ctx.series,
      municipalities: ctx.municipalities,
      format: ctx.format,
      plan: {
        name: plan.name,
        description: plan.description,
        baseline: plan.baseline,
        masterSeed: plan.masterSeed,
        replicates: plan.replicates,
        runs: plan.points.length * plan.replicates,
        // Declared or chosen from the horizon: the report's headline columns, labels, units, directions.
        outcomes: outcomesOf(plan),
        points: plan.points.map((p) => ({
          id: p.id,
          scenario: p.scenario,
          sweep: p.sweep,
          horizonMonths: p.input.horizonMonths,
          municipalities: p.input.municipalities?.length,
        })),
      },
      files: files(ctx),
      previousAttempts: ctx.history,
      ...ctx.extra,
    },
  }) as BatchManifest;
}

function files(ctx: ManifestContext): Record<string, string> {
  const csv = ctx.format !== 'parquet';
  const parquet = ctx.format !== 'csv';
  const list: Record<string, string> = { 'runs.csv': 'one row per run (columns in README.md)' };
  const table = (name: string, meaning: string) => {
    if (csv) list[`${name}.csv`] = meaning;
    if (parquet) list[`${name}.parquet`] = `${meaning}; Parquet, column meanings in its key-value metadata`;
  };
  if (parquet) list['runs.parquet'] = 'runs.csv as Parquet';
  if (ctx.series === 'none') list['series.csv'] = 'not written (--series none)';
  else table('series', `region series, ${ctx.series}, long form ${SERIES_HEADER.trim()}`);
  if (ctx.municipalities === 'none') list['municipalities.csv'] = 'not written (--municipalities none)';
  else table('municipalities', 'one row per ok run × municipality: end-of-run outcomes');
  if (ctx.municipalities === 'yearly')
    table(
      'municipality-series',
      `yearly series per municipality, long form ${SERIES_HEADER.trim()} (scope municipality)`,
    );
  list['inputs/'] =
    'the experiment and scenario files as given (inputs/files/, originals and SHA-256 in inputs/files.json) and every point fully resolved (inputs/points.json): report and --resume use them when the originals move or change';
  list['README.md'] = 'column meanings';
  return list;
}

export function writeManifest(path: string, manifest: BatchManifest): void {
  writeAtomic(path, `${JSON.stringify(manifest, null, 2)}\n`);
}

/** A batch's manifest.json, read safely (store/read.ts). @throws InputFileError when it is not a regular JSON file */
export function readManifest(path: string): BatchManifest {
  const m = readJsonFile(path);
  if (!m || typeof m !== 'object' || Array.isArray(m))
    throw new InputFileError(`${path}: is not a JSON object; allowed: a regiosim manifest`);
  return m as BatchManifest;
}
