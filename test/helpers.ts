/**
 * Shared helpers for the simulation tests: the Drenthe default scenario with overrides merged onto
 * its defaults, runs with a per-month hook, and small statistics over seeds.
 */
import { loadNationalData } from '../data/load.js';
import { defaultScenario } from '../scenarios/default.js';
import { type ModelInput, resolveLevers, resolveParameters } from '../sim/model-input.js';
import type { ModelState } from '../sim/state.js';
import { type RunResult, simulate } from '../sim/simulate.js';

/** defaultScenario's own lever and parameter settings: overrides are merged onto these. */
export const DEFAULT_LEVERS: Readonly<Record<string, unknown>> = {
  poolForm: 'flexpool',
  startMode: 'small',
  founderCount: 5,
  initialStaff: 4,
};
export const DEFAULT_PARAMETERS: Readonly<Record<string, number>> = { supplyRatio: 0.6 };

export interface ScenarioOptions {
  levers?: Record<string, unknown>;
  parameters?: Record<string, number>;
  horizonMonths?: number;
}

/** Drenthe (RES ES03) with lever and parameter overrides applied on top of the scenario's defaults. */
export function drenthe(options: ScenarioOptions = {}): ModelInput {
  return defaultScenario(loadNationalData(), {
    levers: resolveLevers({ ...DEFAULT_LEVERS, ...options.levers }),
    parameters: resolveParameters({ ...DEFAULT_PARAMETERS, ...options.parameters }),
    horizonMonths: options.horizonMonths ?? 300,
  });
}

export function run(options: ScenarioOptions, seed: number, onMonth?: (state: ModelState) => void): RunResult {
  return simulate(drenthe(options), seed, { onMonth });
}

/** Seeds start..start+count-1: the same list is used for every scenario compared (common random numbers). */
export function seedList(count: number, start = 1001): number[] {
  return Array.from({ length: count }, (_, k) => start + k);
}

/** Mean of the finite values (NaN when there are none). */
export function mean(values: ArrayLike<number>): number {
  let sum = 0;
  let n = 0;
  for (let k = 0; k < values.length; k++) {
    if (Number.isFinite(values[k])) {
      sum += values[k];
      n++;
    }
  }
  return n > 0 ? sum / n : Number.NaN;
}

/** Mean of a monthly series over the months where `when` is positive (e.g. while a pool is alive). */
export function meanWhere(series: Float64Array, when: Float64Array): number {
  const picked: number[] = [];
  for (let t = 0; t < series.length; t++) if (when[t] > 0) picked.push(series[t]);
  return mean(picked);
}

/** Number of seeds on which a < b. */
export function countBelow(a: number[], b: number[]): number {
  let n = 0;
  for (let k = 0; k < a.length; k++) if (a[k] < b[k]) n++;
  return n;
}

export const fmt = (x: number, digits = 4): string => (Number.isFinite(x) ? x.toFixed(digits) : String(x));
