/**
 * Running the findings' batches: the shipped experiments (as shipped, more replicates) and
 * generated plans, through the batch engine, read back as report models; and lookups of points,
 * per-run values and paired contrasts in those models.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../store/manifest.js';
import { loadNationalData, modelDataFiles } from '../../data/load.js';
import { loadExperimentFile } from '../../scenarios/load.js';
import type { ExperimentPlan } from '../../scenarios/plan.js';
import { runBatch } from '../../workers/engine.js';
import { makeProgress } from '../../workers/progress.js';
import { buildModel } from '../aggregate/build-model.js';
import type { ReportModel } from '../model.js';
import { type PairedDifference, pairedDifference } from '../stats/paired-difference.js';
import { writeTables } from '../write/tables.js';

export const experimentFile = (name: string) => join(projectRoot(), 'scenarios', 'experiments', `${name}.yaml`);

export interface BatchResult {
  name: string;
  plan: ExperimentPlan;
  model: ReportModel;
  runs: number;
  seconds: number;
}

function complete(dir: string): boolean {
  const manifest = join(dir, 'manifest.json');
  if (!existsSync(manifest)) return false;
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { status?: string }).status === 'complete';
}

export interface RunOptions {
  outDir: string;
  threads: number;
  reuse?: boolean;
  quiet?: boolean;
}

/** Runs a plan into outDir/name (or reuses a complete batch there) and reads it back. */
export async function runPlan(plan: ExperimentPlan, refs: string[], opts: RunOptions): Promise<BatchResult> {
  const t0 = performance.now();
  const dir = join(opts.outDir, plan.name);
  if (!(opts.reuse && complete(dir))) {
    rmSync(dir, { recursive: true, force: true });
    const result = await runBatch(plan, {
      outDir: dir,
      threads: opts.threads,
      series: 'none',
      progress: makeProgress(opts.quiet ? 'quiet' : 'auto'),
      manifest: {
        arguments: { command: 'batch', refs, threads: opts.threads, out: dir, series: 'none' },
        inputFiles: [...plan.sourceFiles, ...modelDataFiles()],
      },
    });
    if (result.status !== 'complete')
      throw new Error(`batch ${plan.name} ended ${result.status}${result.error ? `: ${result.error}` : ''}`);
  }
  const model = buildModel(dir, { plan, mapRuns: 0 });
  writeTables(model, join(dir, 'report', 'tables'));
  return {
    name: plan.name,
    plan,
    model,
    runs: plan.points.length * plan.replicates,
    seconds: batchSeconds(dir) ?? (performance.now() - t0) / 1000,
  };
}

/** How long a batch ran, from its manifest (so a reused batch reports the time it took when it ran). */
export function batchSeconds(dir: string): number | undefined {
  try {
    const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
      startedAt?: string;
      finishedAt?: string;
    };
    const ms = Date.parse(m.finishedAt ?? '') - Date.parse(m.startedAt ?? '');
    return Number.isFinite(ms) && ms >= 0 ? ms / 1000 : undefined;
  } catch {
    return undefined;
  }
}

/** A shipped experiment with the given number of replicates (replicate i keeps its seed whatever the count). */
export async function runExperiment(name: string, replicates: number, opts: RunOptions): Promise<BatchResult> {
  const file = experimentFile(name);
  const plan = loadExperimentFile(file, loadNationalData());
  plan.replicates = replicates;
  return runPlan(plan, [file], opts);
}

/** The point of a scenario at the given sweep values (compared as strings). */
export function pointOf(model: ReportModel, scenario: string, sweep: Record<string, string | number> = {}): string {
  const found = model.set.points.find(
    (p) => p.scenario === scenario && Object.entries(sweep).every(([k, v]) => String(p.sweep[k]) === String(v)),
  );
  if (!found) throw new Error(`no point ${scenario} ${JSON.stringify(sweep)}`);
  return found.id;
}

/** Per-run values of a metric at a point, keyed by replicate. */
export function runValues(model: ReportModel, point: string, metric: string): Map<number, number> {
  const index = model.set.points.find((p) => p.id === point)?.index;
  if (index === undefined) throw new Error(`no point ${point}`);
  const data = model.runs.points[index];
  const values = data.metrics.get(metric) ?? [];
  return new Map(data.replicates.map((r, i) => [r, values[i]]));
}

/** Paired difference b − a over shared replicates (the reports' statistic). */
export function contrast(model: ReportModel, a: string, b: string, metric: string): PairedDifference {
  return pairedDifference(runValues(model, a, metric), runValues(model, b, metric));
}

/** Mean of a metric at a point over its finite values. */
export function meanAt(model: ReportModel, point: string, metric: string): number {
  let s = 0;
  let n = 0;
  for (const v of runValues(model, point, metric).values())
    if (Number.isFinite(v)) {
      s += v;
      n++;
    }
  return n > 0 ? s / n : Number.NaN;
}
