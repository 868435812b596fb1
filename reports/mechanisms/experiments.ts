/**
 * Part (a) of the screen: the mechanism experiments (scenarios/experiments/mechanism-*.yaml). Each
 * variant point is compared with the baseline scenario at the same sweep values, seed by seed, on
 * the outcomes its `mechanism:` block names.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Expectations, MechanismSpec } from '../../scenarios/mechanism-block.js';
import type { ExpectedSign } from '../../scenarios/mechanism-schema.js';
import { type ExperimentPlan, type PlanPoint, replicateSeed } from '../../scenarios/plan.js';
import { type Contrast, compare } from './compare.js';
import { type Cell, firstError, outcomeValues } from './runner.js';
import type { RunMeasures } from './run-cell.js';
import { type Verdict, verdict } from './verdict.js';

export const MECHANISM_PREFIX = 'mechanism-';

/** The mechanism experiment files of a folder, sorted by name. */
export function mechanismFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.startsWith(MECHANISM_PREFIX) && /\.ya?ml$/.test(f))
    .sort()
    .map((f) => join(dir, f));
}

/** The seeds of an experiment: the batch engine's replicate seeds, so runs match `regiosim batch`. */
export function experimentSeeds(plan: ExperimentPlan, replicates = plan.replicates): number[] {
  return Array.from({ length: replicates }, (_, r) => replicateSeed(plan.masterSeed, r));
}

const cellKey = (plan: ExperimentPlan, point: PlanPoint) => `${plan.name}::${point.id}`;

export function experimentCells(plan: ExperimentPlan, seeds: number[]): Cell[] {
  return plan.points.map((p) => ({ key: cellKey(plan, p), input: p.input, seeds }));
}

export interface MechanismRow {
  mechanism: MechanismSpec;
  experiment: string;
  variant: string;
  baseline: string;
  /** Sweep values of the pair, e.g. "scarcity=high" ('' without sweeps). */
  sweep: string;
  expectation: string;
  outcome: string;
  expected: ExpectedSign;
  contrast: Contrast;
  verdict: Verdict;
  error?: string;
}

const sweepKey = (p: PlanPoint) => JSON.stringify(p.sweep);
const sweepText = (p: PlanPoint) =>
  Object.entries(p.sweep)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');

/** Every variant × outcome contrast of one experiment, in plan order then the order written. */
export function mechanismRows(plan: ExperimentPlan, results: ReadonlyMap<string, RunMeasures[]>): MechanismRow[] {
  const spec = plan.mechanism;
  if (!spec) throw new Error(`${plan.name}: a mechanism experiment needs a mechanism: block`);
  const baselines = new Map(plan.points.filter((p) => p.scenario === plan.baseline).map((p) => [sweepKey(p), p]));
  const rows: MechanismRow[] = [];
  for (const point of plan.points) {
    if (point.scenario === plan.baseline) continue;
    const base = baselines.get(sweepKey(point));
    if (!base) continue;
    const own = spec.variants.find((v) => v.scenario === point.scenario);
    const expect: Expectations = own?.expect ?? spec.expect;
    const baseRuns = results.get(cellKey(plan, base)) ?? [];
    const runs = results.get(cellKey(plan, point)) ?? [];
    const error = firstError(runs) ?? firstError(baseRuns);
    for (const { outcome, sign } of expect) {
      const contrast = compare(outcomeValues(baseRuns, outcome), outcomeValues(runs, outcome));
      rows.push({
        mechanism: spec,
        experiment: plan.name,
        variant: point.scenario,
        baseline: base.scenario,
        sweep: sweepText(point),
        expectation: own?.expectation ?? spec.expectation,
        outcome,
        expected: sign,
        contrast,
        verdict: verdict(sign, contrast),
        ...(error ? { error } : {}),
      });
    }
  }
  return rows;
}
