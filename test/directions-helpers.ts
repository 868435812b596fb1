/**
 * Helpers for the fast directional tests (test/directions-*.test.ts): short runs of Drenthe or of a
 * few of its municipalities, a state captured at a given month (to call one submodel on a real
 * state), deep copies of a state (to apply two variants of one rule to the same situation), and
 * counts of members' decisions.
 */
import { loadNationalData } from '../data/load.js';
import { customRegion } from '../scenarios/region.js';
import type { ModelInput } from '../sim/model-input.js';
import { makeStreams } from '../sim/rng.js';
import { type RunResult, simulate } from '../sim/simulate.js';
import { Membership, type ModelState, type Municipality, type Pool } from '../sim/state.js';
import { drenthe, type ScenarioOptions } from './helpers.js';

export interface InputOptions extends ScenarioOptions {
  /** Municipality codes of a custom region (one pool area, in this order); Drenthe (ES03) if absent. */
  codes?: string[];
  refusers?: string[];
}

/** Drenthe, or a custom region of some of its municipalities, with the default scenario's settings and overrides. */
export function input(options: InputOptions = {}): ModelInput {
  const base = drenthe(options);
  const region = options.codes ? customRegion(loadNationalData(), options.codes, 'test region') : undefined;
  return { ...base, ...region, refusers: options.refusers ?? [] };
}

export function runInput(options: InputOptions, seed: number, onMonth?: (state: ModelState) => void): RunResult {
  return simulate(input(options), seed, { onMonth });
}

class Captured extends Error {}

/**
 * The live state at the end of month `month` of a run (the run is stopped there), to call single
 * submodels on a realistic state. The caller owns it and may change it.
 */
export function stateAt(options: InputOptions, seed: number, month: number): ModelState {
  let captured: ModelState | undefined;
  try {
    runInput({ ...options, horizonMonths: Math.max(month + 1, options.horizonMonths ?? 0) }, seed, (state) => {
      if (state.t === month) {
        captured = state;
        throw new Captured();
      }
    });
  } catch (e) {
    if (!(e instanceof Captured)) throw e;
  }
  if (!captured) throw new Error(`no state at month ${month}`);
  return captured;
}

/**
 * A deep copy of the state: worker objects shared between lists stay shared within the copy; the
 * copy gets fresh random streams of `seed`, so two copies draw the same numbers.
 */
export function copyState(state: ModelState, seed = 99): ModelState {
  const { rng: _rng, ...rest } = state;
  return { ...structuredClone(rest), rng: makeStreams(seed) } as ModelState;
}

export function poolMembers(state: ModelState, pool: Pool = state.pools[0]): Municipality[] {
  return pool.area.map((i) => state.municipalities[i]).filter((m) => m.membership === Membership.Member);
}

/** Members under notice (leaveAt set) at the end of month `month`. */
export function noticesAt(options: InputOptions, seed: number, month: number): number {
  const state = stateAt(options, seed, month);
  return poolMembers(state).filter((m) => m.leaveAt >= 0).length;
}

/** Number of pairs where a < b, and where a > b (ties are neither). */
export function pairCounts(a: number[], b: number[]): { below: number; above: number } {
  let below = 0;
  let above = 0;
  for (let k = 0; k < a.length; k++) {
    if (a[k] < b[k]) below++;
    else if (a[k] > b[k]) above++;
  }
  return { below, above };
}
