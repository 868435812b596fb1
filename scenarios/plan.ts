import seedrandom from 'seedrandom';
import type { ModelInput } from '../sim/model-input.js';
import type { Position } from './issues.js';
import type { MechanismSpec } from './mechanism-block.js';
import type { OutcomeSpec } from './outcomes.js';

/**
 * An experiment, expanded and validated: the contract between the scenario layer (which reads
 * files) and the batch engine (which runs them). Plain data, so it can cross to worker threads.
 */
export interface ExperimentPlan {
  name: string;
  description: string;
  /** Name of the baseline scenario that paired differences are taken against. */
  baseline: string;
  masterSeed: number;
  replicates: number;
  /** Every scenario × sweep point, each with its fully resolved model input. */
  points: PlanPoint[];
  /** Files the plan was read from (for the manifest's input hashes). */
  sourceFiles: string[];
  /** Present when the experiment tests a mechanism (`mechanism:` block; npm run mechanisms). */
  mechanism?: MechanismSpec;
  /** The experiment's declared outcomes (`outcomes:`); absent: the defaults of the horizon (scenarios/outcomes.ts outcomesOf). */
  outcomes?: OutcomeSpec[];
}

/** A scenario of an experiment: the reference as written, where, and what it loaded. */
export interface ExperimentScenario {
  ref: string;
  at: Position;
  path: string;
  input: ModelInput;
}

export interface PlanPoint {
  /** Stable id: scenario name plus sweep values, e.g. "start-small|supplyRatio=0.35". */
  id: string;
  scenario: string;
  /** Swept parameter or lever values at this point (empty without sweeps). */
  sweep: Record<string, number | string | boolean>;
  input: ModelInput;
}

/** One simulation to run. */
export interface RunSpec {
  /** Position in the batch (points × replicates, replicate-major within a point). */
  index: number;
  pointId: string;
  replicate: number;
  seed: number;
}

/**
 * The run seed of replicate i: the same for every scenario and sweep point of the experiment, so
 * compared scenarios share their random numbers (common random numbers).
 * @example replicateSeed(42, 0) === replicateSeed(42, 0) // always
 */
export function replicateSeed(masterSeed: number, replicate: number): number {
  const u = seedrandom.alea(`regiosim:master:${masterSeed}:replicate:${replicate}`);
  return Math.floor(u() * 2 ** 31);
}

/** All run specs of a plan, in a fixed order. */
export function runSpecs(plan: ExperimentPlan): RunSpec[] {
  const specs: RunSpec[] = [];
  for (const point of plan.points) {
    for (let r = 0; r < plan.replicates; r++) {
      specs.push({ index: specs.length, pointId: point.id, replicate: r, seed: replicateSeed(plan.masterSeed, r) });
    }
  }
  return specs;
}
