/**
 * The outcomes a mechanism experiment or the screen can measure: every summary metric of the model
 * (sim/summary.ts, read from the registry so renamed or new metrics follow) plus a few derived from
 * the region series that the summary lacks. A derived outcome gives way to a summary metric of the
 * same name, and is dropped when the series it needs no longer exists.
 */
import { REGION_SERIES } from '../sim/outputs.js';
import type { ModelInput } from '../sim/model-input.js';
import type { RunResult } from '../sim/simulate.js';
import { SUMMARY_METRICS } from '../sim/summary.js';

/** One measured run: outcome name → value (NaN when undefined, e.g. survival without a pool). */
export type Measures = Record<string, number>;

interface Derived {
  description: string;
  /** Region series the outcome is computed from (it is offered only while they exist). */
  needs: readonly string[];
  compute(result: RunResult, input: ModelInput): number;
}

const areaSize = (input: ModelInput) => input.poolAreas.reduce((s, a) => s + a.memberCodes.length, 0);
const regionSeries = (result: RunResult, name: string) =>
  (result.series.region.values as unknown as Record<string, Float64Array>)[name];

const DERIVED: Record<string, Derived> = {
  memberShareMean: {
    description: 'pool members / municipalities in pool areas, mean over all months of the run',
    needs: ['poolMembers'],
    compute(result, input) {
      const members = regionSeries(result, 'poolMembers');
      const size = areaSize(input);
      if (size === 0 || members.length === 0) return Number.NaN;
      let sum = 0;
      for (const m of members) sum += m;
      return sum / members.length / size;
    },
  },
};

const summaryNames = Object.keys(SUMMARY_METRICS);
const derivedNames = Object.keys(DERIVED).filter(
  (n) => !summaryNames.includes(n) && DERIVED[n].needs.every((s) => Object.hasOwn(REGION_SERIES, s)),
);

/** Derived outcomes the summary does not have (today's model may have taken them over). */
export const DERIVED_OUTCOME_NAMES: readonly string[] = derivedNames;

/** Every outcome name, summary metrics first. */
export const OUTCOME_NAMES: readonly string[] = [...summaryNames, ...derivedNames];

/** What an outcome means, for the document. */
export function outcomeDescription(name: string): string {
  return (SUMMARY_METRICS as Record<string, string>)[name] ?? DERIVED[name]?.description ?? '';
}

export const isOutcomeName = (name: string) => OUTCOME_NAMES.includes(name);

/** All outcomes of one run. */
export function measureRun(result: RunResult, input: ModelInput): Measures {
  const out: Measures = { ...(result.summary.metrics as Record<string, number>) };
  for (const name of derivedNames) out[name] = DERIVED[name].compute(result, input);
  return out;
}
