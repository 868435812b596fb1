/**
 * Reads a batch folder's manifest.json (written by workers/batch-manifest.ts) into the few facts a
 * report needs, checking them on the way in, so a wrong folder fails with one clear message
 * instead of an empty report.
 */
import { existsSync } from 'node:fs';
import { readJsonFile } from '../../store/read.js';
import { join, resolve } from 'node:path';
import { holderText, LOCK_FILE, liveHolder } from '../../store/lock.js';
import type { OutcomeSpec } from '../../scenarios/outcomes.js';
import { tablePath } from '../../workers/table-lines.js';
import { ReportError } from '../errors.js';

export type SweepValue = number | string | boolean | string[];

/** One scenario × sweep point, as the manifest lists it. */
export interface ManifestPoint {
  id: string;
  scenario: string;
  sweep: Record<string, SweepValue>;
  horizonMonths: number;
  /** Municipalities in the point's input (absent in older manifests). */
  municipalities?: number;
}

/** What a report needs to know about a batch. */
export interface BatchInfo {
  dir: string;
  /** The tables: CSV, or Parquet where a `--format parquet` batch has no CSV copy. */
  files: { runs: string; series: string; municipalities: string; manifest: string };
  version: string;
  commit: string;
  name: string;
  description: string;
  baseline: string;
  masterSeed: number;
  replicates: number;
  status: string;
  counts: { total: number; done: number; ok: number; failed: number };
  seriesMode: 'yearly' | 'monthly' | 'none';
  /** Per-municipality tables ('none' for batches made before them). */
  municipalitiesMode: 'end' | 'yearly' | 'none';
  points: ManifestPoint[];
  /** The command's arguments (to rebuild the scenario inputs for the map). */
  arguments: Record<string, unknown>;
  /** Input files and inline model inputs with their SHA-256 (`model-input:<point id>`). */
  inputs: Array<{ name: string; sha256: string }>;
  startedAt: string;
  finishedAt: string | null;
  /** The first run index in runs.csv (a shard's first run; 0 for a whole batch). */
  firstRun: number;
  /** The process writing the batch now, when one holds its lock (the files may still grow). */
  writer?: string;
  /** The batch's outcomes, declared or chosen from the horizon (absent in batches made before outcomes). */
  outcomes?: OutcomeSpec[];
}

function need<T>(value: T | undefined | null, what: string, path: string): T {
  if (value === undefined || value === null) throw new ReportError(`${path}: ${what} is missing; is this a regiosim batch folder?`);
  return value;
}

/** Reads and checks DIR/manifest.json and that DIR/runs.csv exists. */
export function readBatchInfo(batchDir: string): BatchInfo {
  const dir = resolve(batchDir);
  if (!existsSync(dir)) throw new ReportError(`${batchDir}: no such folder`);
  const files = {
    runs: join(dir, 'runs.csv'),
    series: tablePath(join(dir, 'series.csv')),
    municipalities: tablePath(join(dir, 'municipalities.csv')),
    manifest: join(dir, 'manifest.json'),
  };
  if (!existsSync(files.manifest))
    throw new ReportError(
      existsSync(files.runs)
        ? `${batchDir} has runs.csv but no manifest.json, so its rows cannot be checked against the plan: run the batch again into a new --out (the same scenarios and seed give the same rows), then report that folder`
        : `${batchDir}: no manifest.json; expected a batch folder written by regiosim batch or compare`,
    );
  if (!existsSync(files.runs)) throw new ReportError(`${batchDir}: no runs.csv; expected a batch folder written by regiosim batch`);
  // Read safely: the folder may hold a FIFO or a link to a secret (store/read.ts); nothing is quoted.
  const m = readJsonFile(files.manifest) as Record<string, unknown> | null;
  if (!m || typeof m !== 'object' || Array.isArray(m) || m.tool !== 'regiosim' || m.command === undefined)
    throw new ReportError(`${files.manifest}: not a regiosim manifest`);
  const plan = need(m.plan as Record<string, unknown> | undefined, 'the "plan" section', files.manifest);
  const counts = need(m.counts as BatchInfo['counts'] | undefined, '"counts"', files.manifest);
  const points = need(plan.points as ManifestPoint[] | undefined, '"plan.points"', files.manifest);
  if (points.length === 0) throw new ReportError(`${files.manifest}: the plan has no points`);
  const mode = (m.series as string | undefined) ?? 'none';
  return {
    dir,
    files,
    version: String(m.version ?? 'unknown'),
    commit: String(m.commit ?? 'unknown'),
    name: String(plan.name ?? ''),
    description: String(plan.description ?? ''),
    baseline: String(plan.baseline ?? points[0].scenario),
    masterSeed: Number(need(plan.masterSeed, '"plan.masterSeed"', files.manifest)),
    replicates: Number(need(plan.replicates, '"plan.replicates"', files.manifest)),
    status: String(m.status ?? 'unknown'),
    counts,
    seriesMode: mode === 'yearly' || mode === 'monthly' ? mode : 'none',
    municipalitiesMode: m.municipalities === 'end' || m.municipalities === 'yearly' ? m.municipalities : 'none',
    points,
    arguments: (m.arguments as Record<string, unknown>) ?? {},
    inputs: (m.inputs as BatchInfo['inputs']) ?? [],
    startedAt: String(m.startedAt ?? ''),
    finishedAt: (m.finishedAt as string | null) ?? null,
    firstRun: Number((m.shard as { runs?: { from?: number } } | undefined)?.runs?.from ?? 0),
    writer: writerOf(dir),
    ...(Array.isArray(plan.outcomes) ? { outcomes: plan.outcomes as OutcomeSpec[] } : {}),
  };
}

function writerOf(dir: string): string | undefined {
  const h = liveHolder(join(dir, LOCK_FILE));
  return h ? holderText(h) : undefined;
}
