/**
 * From command-line references to an experiment plan: one experiment file, or a list of scenarios
 * compared without sweeps. Shared by batch, compare, explore, slurm and the report (which rebuilds
 * the plan from a batch's manifest).
 */
import type { NationalData } from '../sim/region-data.js';
import { PlanRefError } from './issues.js';
import { isExperimentRef, loadExperimentFile, planFromScenarios } from './load.js';
import type { ExperimentPlan } from './plan.js';

/** Replicates and master seed when neither the command line nor an experiment file gives them. */
export const DEFAULT_RUNS = 10;
export const DEFAULT_SEED = 1;

// Defined with the other user-facing errors (cli/errors.ts imports them without this module).
export { PlanRefError };

/** A plan and, per point, the scenario reference that re-runs it with `regiosim run`. */
export interface BuiltPlan {
  plan: ExperimentPlan;
  refOf: Map<string, string>;
}

/**
 * The plan for the command line's references: one experiment file (its scenarios, sweeps, baseline,
 * replicates and seed; --runs and --seed override the last two when given), or a list of scenario
 * files, library names and built-ins compared without sweeps, the first as baseline.
 */
export function buildPlan(
  refs: string[],
  data: NationalData,
  opts: { replicates?: number; masterSeed?: number },
): BuiltPlan {
  const list = refs.length ? refs : ['default'];
  if (list.length === 1 && isExperimentRef(list[0])) {
    const plan = loadExperimentFile(list[0], data);
    if (opts.replicates !== undefined) plan.replicates = opts.replicates;
    if (opts.masterSeed !== undefined) plan.masterSeed = opts.masterSeed;
    // Plain scenario points re-run with `regiosim run <scenario> --seed S`; swept points name their id.
    const refOf = new Map(plan.points.map((p) => [p.id, p.scenario]));
    return { plan, refOf };
  }
  if (list.some(isExperimentRef))
    throw new PlanRefError(
      'an experiment file must be given alone; to compare scenarios, list scenario files or names',
    );
  const plan = planFromScenarios(list, data, {
    replicates: opts.replicates ?? DEFAULT_RUNS,
    masterSeed: opts.masterSeed ?? DEFAULT_SEED,
  });
  const refOf = new Map(plan.points.map((p, i) => [p.id, list[i]]));
  return { plan, refOf };
}
