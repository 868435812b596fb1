/**
 * Robustness of each claim: the same paired contrast re-run with each of its assumption-tagged
 * drivers at the bottom and the top of its registry range (everything else as in the experiment),
 * on the experiment's own seeds. Claims with parameter overrides are run here too. One generated
 * plan per experiment, run through the batch engine like any other.
 */
import { PARAMETERS, type ParameterName } from '../../sim/parameters.js';
import type { ExperimentPlan, PlanPoint } from '../../scenarios/plan.js';
import { type Description, describe } from '../stats/describe.js';
import type { PairedDifference } from '../stats/paired-difference.js';
import type { Claim, PointRef } from './claims.js';
import { type BatchResult, contrast, type RunOptions, runPlan, runValues } from './experiments.js';

export interface DriverCheck {
  driver: string;
  low: number;
  high: number;
  atLow: PairedDifference;
  atHigh: PairedDifference;
}

/** A point of an experiment plan for a reference, with any parameter overrides applied. */
export function inputFor(plan: ExperimentPlan, ref: PointRef, extra: Record<string, number> = {}): PlanPoint['input'] {
  const found = plan.points.find(
    (p) =>
      p.scenario === ref.scenario &&
      Object.entries(ref.sweep ?? {}).every(([k, v]) => String(p.sweep[k]) === String(v)),
  );
  if (!found)
    throw new Error(`experiment ${plan.name} has no point ${ref.scenario} ${JSON.stringify(ref.sweep ?? {})}`);
  return { ...found.input, parameters: { ...found.input.parameters, ...ref.parameters, ...extra } };
}

/** Drivers must be registry parameters tagged A (assumptions); anything else is a mistake in the claims. */
export function checkDrivers(claims: Claim[]): void {
  for (const c of claims)
    for (const d of c.drivers) {
      if (!Object.hasOwn(PARAMETERS, d)) throw new Error(`claim ${c.id}: driver ${d} is not a parameter`);
      if (PARAMETERS[d as ParameterName].tag !== 'A')
        throw new Error(`claim ${c.id}: driver ${d} is not assumption-tagged`);
    }
}

const id = (claim: Claim, part: string) => `${claim.id}|${part}`;

/** The generated plan: override contrasts (base, variant) and each driver's ends for every claim of one experiment. */
export function robustnessPlan(experiment: BatchResult, claims: Claim[], replicates: number): ExperimentPlan {
  const plan = experiment.plan;
  const points: PlanPoint[] = [];
  const add = (pointId: string, input: PlanPoint['input']) =>
    points.push({ id: pointId, scenario: pointId, sweep: {}, input: { ...input, name: pointId } });
  for (const c of claims) {
    if (c.baseline.parameters || c.variant.parameters) {
      add(id(c, 'base'), inputFor(plan, c.baseline));
      add(id(c, 'variant'), inputFor(plan, c.variant));
    }
    for (const d of c.drivers) {
      const def = PARAMETERS[d as ParameterName];
      for (const [end, value] of [
        ['low', def.min],
        ['high', def.max],
      ] as const) {
        add(id(c, `${d}=${end}|base`), inputFor(plan, c.baseline, { [d]: value }));
        add(id(c, `${d}=${end}|variant`), inputFor(plan, c.variant, { [d]: value }));
      }
    }
  }
  return {
    name: `robustness-${plan.name}`,
    description: `Driver ends and parameter contrasts for the findings of ${plan.name}`,
    baseline: points[0]?.id ?? '',
    masterSeed: plan.masterSeed,
    replicates,
    points,
    sourceFiles: plan.sourceFiles,
  };
}

export interface ClaimNumbers {
  /** Mean of the claim's outcome at the baseline and the variant, with 95% intervals. */
  base: Description;
  variant: Description;
  main: PairedDifference;
  also: Array<{ metric: string; d: PairedDifference }>;
  checks: DriverCheck[];
}

/** Runs the generated plan (if any point is needed) and returns the numbers of every claim of the experiment. */
export async function claimNumbers(
  experiment: BatchResult,
  claims: Claim[],
  replicates: number,
  opts: RunOptions,
): Promise<Map<string, ClaimNumbers>> {
  const plan = robustnessPlan(experiment, claims, replicates);
  const extra = plan.points.length > 0 ? await runPlan(plan, plan.sourceFiles, opts) : undefined;
  const out = new Map<string, ClaimNumbers>();
  for (const c of claims) {
    const overridden = c.baseline.parameters || c.variant.parameters;
    const model = overridden ? extra!.model : experiment.model;
    const pointId = (ref: PointRef, part: string) =>
      overridden
        ? id(c, part)
        : experiment.model.set.points.find(
            (p) =>
              p.scenario === ref.scenario &&
              Object.entries(ref.sweep ?? {}).every(([k, v]) => String(p.sweep[k]) === String(v)),
          )!.id;
    const a = pointId(c.baseline, 'base');
    const b = pointId(c.variant, 'variant');
    const checks = c.drivers.map((d): DriverCheck => {
      const def = PARAMETERS[d as ParameterName];
      const at = (end: string) =>
        contrast(extra!.model, id(c, `${d}=${end}|base`), id(c, `${d}=${end}|variant`), c.metric);
      return { driver: d, low: def.min, high: def.max, atLow: at('low'), atHigh: at('high') };
    });
    const values = (point: string) => [...runValues(model, point, c.metric).values()].filter(Number.isFinite);
    out.set(c.id, {
      base: describe(values(a)),
      variant: describe(values(b)),
      main: contrast(model, a, b, c.metric),
      also: (c.also ?? []).map((metric) => ({ metric, d: contrast(model, a, b, metric) })),
      checks,
    });
  }
  return out;
}
