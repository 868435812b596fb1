/**
 * Small real batches for the report tests: Drenthe scenarios with short horizons, run through the
 * batch engine's API (workers/engine.ts) on the compiled worker, so the report reads exactly what
 * `regiosim batch` writes.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadNationalData } from '../data/load.js';
import { defaultScenario } from '../scenarios/default.js';
import type { ExperimentPlan, PlanPoint } from '../scenarios/plan.js';
import { resolveLevers, resolveParameters } from '../sim/model-input.js';
import { REGION_SERIES, type RegionSeriesName } from '../sim/outputs.js';
import { SUMMARY_METRICS } from '../sim/summary.js';
import { batchManifest, writeManifest } from '../workers/batch-manifest.js';
import { type BatchResult, runBatch } from '../workers/engine.js';
import { runsTable } from '../workers/runs-table.js';
import { regionCode, SERIES_HEADER, seriesLines } from '../workers/series.js';

const made: string[] = [];

/** A new temp folder, removed by removeTempDirs(). */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `rs-report-${prefix}-`));
  made.push(dir);
  return dir;
}

/** Removes the temp folders this test file made (the browser test keeps its own, for the screenshot). */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** A Drenthe point with lever and parameter overrides. */
export function drenthePoint(
  scenario: string,
  horizonMonths: number,
  options: { levers?: Record<string, unknown>; parameters?: Record<string, number>; sweep?: PlanPoint['sweep'] } = {},
): PlanPoint {
  const data = loadNationalData();
  const levers = resolveLevers({ poolForm: 'flexpool', startMode: 'small', founderCount: 5, initialStaff: 4, ...options.levers });
  const parameters = resolveParameters({ supplyRatio: 0.45, ...options.parameters });
  const input = { ...defaultScenario(data, { horizonMonths, levers, parameters }), name: scenario };
  const sweep = options.sweep ?? {};
  const id = [scenario, ...Object.entries(sweep).map(([k, v]) => `${k}=${v}`)].join('|');
  return { id, scenario, sweep, input };
}

export function makePlan(points: PlanPoint[], replicates: number, masterSeed = 11): ExperimentPlan {
  return {
    name: 'report-test',
    description: 'a small batch for the report tests',
    baseline: points[0].scenario,
    masterSeed,
    replicates,
    points,
    sourceFiles: [],
  };
}

/** Runs the plan into a new temp folder with the engine and returns the folder. */
export async function runSmallBatch(plan: ExperimentPlan, prefix: string): Promise<{ dir: string; result: BatchResult }> {
  const dir = tempDir(prefix);
  const result = await runBatch(plan, { outDir: dir, threads: 2 });
  if (result.status !== 'complete') throw new Error(`test batch ${result.status}: ${result.error ?? ''}`);
  return { dir, result };
}

/** Two scenarios (flexpool, no pool) × two scarcity levels × `replicates` runs of 60 months (2026–2030). */
export function sweptPlan(replicates: number): ExperimentPlan {
  const points: PlanPoint[] = [];
  for (const [scenario, levers] of [
    ['flexpool', {}],
    ['no-pool', { poolForm: 'none' }],
  ] as const) {
    for (const supplyRatio of [0.35, 0.6]) points.push(drenthePoint(scenario, 60, { levers, parameters: { supplyRatio }, sweep: { supplyRatio } }));
  }
  // Baseline first: points of the baseline scenario lead the list.
  return makePlan(points, replicates);
}

/**
 * A batch folder written without simulating, through the batch engine's own writers (runs-table,
 * series, manifest): deterministic made-up values, for tests that need many shapes of batch fast.
 */
export function writeSyntheticBatch(dir: string, plan: ExperimentPlan, value: (point: number, replicate: number, k: number) => number): void {
  const table = runsTable(plan);
  const metricCount = Object.keys(SUMMARY_METRICS).length;
  const names = Object.keys(REGION_SERIES) as RegionSeriesName[];
  let runs = table.header;
  let series = SERIES_HEADER;
  plan.points.forEach((point, p) => {
    for (let r = 0; r < plan.replicates; r++) {
      const index = p * plan.replicates + r;
      const months = point.input.horizonMonths;
      const values = Object.fromEntries(
        names.map((n, k) => [n, Float64Array.from({ length: months }, (_, t) => Math.abs(value(p, r, k + t / months)))]),
      ) as Record<RegionSeriesName, Float64Array>;
      const outcome = {
        index,
        pointId: point.id,
        replicate: r,
        seed: 1000 + r,
        status: 'ok' as const,
        error: '',
        metrics: Array.from({ length: metricCount }, (_, k) => value(p, r, k)),
        series: seriesLines(index, values, months, 'yearly', regionCode(point.input), point.input.startYear),
        municipalities: '',
        municipalitySeries: '',
      };
      runs += table.row(outcome, point);
      series += outcome.series;
    }
  });
  writeFileSync(join(dir, 'runs.csv'), runs);
  writeFileSync(join(dir, 'series.csv'), series);
  const total = plan.points.length * plan.replicates;
  const ctx = {
    plan,
    series: 'yearly' as const,
    municipalities: 'none' as const,
    format: 'csv' as const,
    arguments: {},
    inputFiles: [],
    startedAt: new Date(0),
    history: [],
  };
  writeManifest(join(dir, 'manifest.json'), batchManifest(ctx, 'complete', { total, done: total, ok: total, failed: 0 }));
}
