/** Runs the two calibration batches on the batch engine and evaluates every pattern row. */
import { rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { loadNationalData, modelDataFiles } from '../../data/load.js';
import type { ExperimentPlan } from '../../scenarios/plan.js';
import { runBatch } from '../../workers/engine.js';
import { makeProgress } from '../../workers/progress.js';
import { type Description, describe } from '../stats/describe.js';
import { DIAGNOSTICS, type DiagnosticDef } from './diagnostics.js';
import { needBySize } from './need-by-size.js';
import { type PatternRow, type PointMetrics, patternRows, readPointMetrics } from './pattern-rows.js';
import { calibrationPlans } from './points.js';

export interface CalibrationResult {
  patterns: PatternRow[];
  diagnostics: Array<DiagnosticDef & { stats: Description }>;
  need: ReturnType<typeof needBySize>;
  plans: { regional: ExperimentPlan; national: ExperimentPlan };
  elapsedSeconds: number;
  threads: number;
}

export interface CalibrationOptions {
  replicates: number;
  nationalReplicates: number;
  outDir: string;
  threads?: number;
  /** Include the 2026-2030 national point (default true). */
  diagnostics?: boolean;
  quiet?: boolean;
}

/** Runs both batches (fresh folders under outDir) and computes every pattern row. */
export async function runCalibration(opts: CalibrationOptions): Promise<CalibrationResult> {
  const t0 = performance.now();
  const data = loadNationalData();
  const plans = calibrationPlans(data, opts);
  const threads = opts.threads ?? availableParallelism();
  const metrics: PointMetrics = new Map();
  for (const [key, plan] of Object.entries(plans)) {
    const dir = join(opts.outDir, key);
    rmSync(dir, { recursive: true, force: true });
    const result = await runBatch(plan, {
      outDir: dir,
      threads,
      series: 'none',
      progress: makeProgress(opts.quiet ? 'quiet' : 'auto'),
      manifest: {
        arguments: { command: 'calibrate', replicates: plan.replicates, seed: plan.masterSeed, threads },
        inputFiles: [...plan.sourceFiles, ...modelDataFiles()],
      },
    });
    if (result.status !== 'complete')
      throw new Error(`calibration batch ${key} ended ${result.status}${result.error ? `: ${result.error}` : ''}`);
    readPointMetrics(dir, metrics);
  }
  return {
    patterns: patternRows(metrics),
    diagnostics: DIAGNOSTICS.filter((d) => metrics.has(d.point)).map((d) => ({
      ...d,
      stats: describe(metrics.get(d.point)?.get(d.metric) ?? []),
    })),
    need: needBySize(data),
    plans,
    elapsedSeconds: (performance.now() - t0) / 1000,
    threads,
  };
}
