/**
 * Turns a design block into plan points: draws the sample (scenarios/designs), crosses the
 * policies with the sampled futures (XLRM: levers apart from uncertainties, as EMA Workbench's
 * perform_experiments does), and repeats that for every scenario. Each design row becomes one
 * PlanPoint per scenario and policy, with id `<scenario>|<policy>|future-<row>` (no policy part
 * without policies) and the sampled values (and the policy's name) as its sweep. The design is
 * attached to the plan as an Exploration, plain data that regiosim explore writes to design.json.
 */
import { checkModelInput, type ModelInput, ModelInputError } from '../sim/model-input.js';
import type { DesignOptions, DesignSpec, PolicySpec } from './design-block.js';
import type { PosteriorFile } from './design-posterior.js';
import type { DesignMethodName } from './design-schema.js';
import {
  crossPoliciesWithFutures,
  type Design,
  DesignError,
  type DesignRow,
  type Factor,
  fullFactorial,
  latinHypercube,
  morris,
  posteriorDesign,
  saltelli,
} from './designs/index.js';
import type { ExperimentScenario } from './plan.js';
import type { ScenarioIssue } from './issues.js';
import type { ExperimentPlan, PlanPoint } from './plan.js';
import { modelMessage } from './scenario-build.js';

/**
 * Everything about an experiment's design that the analyses need: plain data, written to
 * design.json next to runs.csv. `design.unit` holds the unit-cube coordinates Morris needs.
 */
export interface Exploration {
  method: DesignMethodName;
  options: DesignOptions;
  seed: number;
  factors: Factor[];
  /** The policies crossed with the futures; empty when the experiment has none. */
  policies: PolicySpec[];
  /** Scenario names, in plan order. */
  scenarios: string[];
  design: Design;
  /** method posterior: the posterior file as written in the experiment, and its SHA-256 (also in manifest.json and inputs/). */
  posterior?: { file: string; sha256: string; particles: number };
}

/** A plan built from an experiment with a design block. */
export interface DesignedPlan extends ExperimentPlan {
  exploration: Exploration;
}

/** The design of a plan, if it was built from a design block. */
export function explorationOf(plan: ExperimentPlan): Exploration | undefined {
  return (plan as Partial<DesignedPlan>).exploration;
}

/** Adds the exploration to a plan (a property that the batch engine ignores). */
export function withExploration(plan: ExperimentPlan, exploration: Exploration | undefined): ExperimentPlan {
  return exploration ? Object.assign(plan, { exploration }) : plan;
}

/**
 * The id of a design point.
 * @example designPointId('drenthe-start-small', 'no-sponsor', 17) // 'drenthe-start-small|no-sponsor|future-17'
 */
export function designPointId(scenario: string, policy: string | undefined, row: number): string {
  return [scenario, ...(policy === undefined ? [] : [policy]), `future-${row}`].join('|');
}

/**
 * Draws the sample of a design spec with the core samplers; the same spec and seed give the same
 * rows. Method posterior needs the posterior file read (scenarios/design-posterior.ts).
 * @throws DesignError for a spec the samplers reject
 */
export function drawDesign(
  spec: Pick<DesignSpec, 'method' | 'options' | 'seed' | 'factors'>,
  posterior?: PosteriorFile,
): Design {
  const { factors, options, seed } = spec;
  switch (spec.method) {
    case 'factorial':
      return fullFactorial(factors, { levels: options.levels ?? 3 });
    case 'latinHypercube':
      return latinHypercube(factors, { samples: options.samples as number, seed });
    case 'sobol':
      return saltelli(factors, {
        baseSamples: options.baseSamples as number,
        seed,
        secondOrder: options.secondOrder === true,
      });
    case 'morris':
      return morris(factors, { trajectories: options.trajectories as number, seed, levels: options.levels ?? 4 });
    case 'posterior': {
      if (!posterior) throw new DesignError('method posterior needs a posterior file');
      const names = posterior.posterior.names;
      return posteriorDesign(posterior.posterior, {
        samples: options.samples as number,
        seed,
        resampling: options.resampling ?? 'systematic',
        extra: factors.filter((f) => !names.includes(f.name)),
      });
    }
  }
}

/** A copy of `input` with lever and parameter values set by name. */
function applyValues(input: ModelInput, values: Readonly<DesignRow>, factors: ReadonlyMap<string, Factor>): ModelInput {
  const levers = { ...input.levers } as unknown as Record<string, unknown>;
  const parameters = { ...input.parameters } as Record<string, number>;
  for (const [name, value] of Object.entries(values)) {
    if (factors.get(name)?.role === 'uncertainty') parameters[name] = value as number;
    else levers[name] = value;
  }
  return {
    ...input,
    levers: levers as unknown as ModelInput['levers'],
    parameters: parameters as ModelInput['parameters'],
  };
}

/**
 * The plan points of a design: scenario × policy × design row, in that order (policy-major within a
 * scenario, so each policy meets the futures in the same order). Points the model rejects are
 * reported (the first three, and how many in all) at the design block.
 */
export function designPoints(
  scenarios: readonly ExperimentScenario[],
  spec: DesignSpec,
  policies: readonly PolicySpec[],
  issues: ScenarioIssue[],
): { points: PlanPoint[]; exploration?: Exploration } {
  let design: Design;
  try {
    design = drawDesign(spec, spec.posterior);
  } catch (e) {
    if (!(e instanceof DesignError)) throw e;
    issues.push({ ...spec.at, path: 'design', value: spec.method, message: `cannot be drawn: ${e.message}` });
    return { points: [] };
  }
  const byName = new Map(spec.factors.map((f) => [f.name, f]));
  const policyRows = policies.length ? policies.map((p) => p.levers) : [{}];
  const policyIds = policies.length ? policies.map((p) => p.name) : ['-'];
  const crossing = crossPoliciesWithFutures(policyRows, design, { policyIds });
  const points: PlanPoint[] = [];
  const rejected: string[] = [];
  let rejectedCount = 0;
  for (const s of scenarios) {
    for (const x of crossing) {
      const policy = policies.length ? x.policyId : undefined;
      const id = designPointId(s.input.name, policy, x.futureIndex);
      const input = applyValues(s.input, x.values, byName);
      try {
        checkModelInput(input);
      } catch (e) {
        if (!(e instanceof ModelInputError)) throw e;
        rejectedCount++;
        if (rejected.length < 3)
          rejected.push(`${id}: ${e.issues.map((i) => `${i.path}: ${modelMessage(i.value, i.message)}`).join('; ')}`);
        continue;
      }
      const sweep: PlanPoint['sweep'] = policy === undefined ? {} : { policy };
      for (const f of spec.factors) sweep[f.name] = design.rows[x.futureIndex][f.name];
      points.push({ id, scenario: s.input.name, sweep, input });
    }
  }
  if (rejectedCount > 0) {
    issues.push({
      ...spec.at,
      path: 'design',
      value: spec.method,
      message: `${rejectedCount} design point${rejectedCount === 1 ? ' is' : 's are'} rejected by the model (${rejected.join(' | ')}${rejectedCount > rejected.length ? ' | ...' : ''}); allowed: ranges whose combinations the model accepts`,
    });
    return { points: [] };
  }
  return {
    points,
    exploration: {
      method: spec.method,
      options: spec.options,
      seed: spec.seed,
      factors: spec.factors,
      policies: [...policies],
      scenarios: scenarios.map((s) => s.input.name),
      design,
      ...(spec.posterior
        ? {
            posterior: {
              file: spec.posterior.written,
              sha256: spec.posterior.sha256,
              particles: spec.posterior.posterior.ids.length,
            },
          }
        : {}),
    },
  };
}
