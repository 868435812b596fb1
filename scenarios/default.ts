import { type ModelInput, resolveLevers, resolveParameters } from '../sim/model-input.js';
import { SCARCITY_LEVELS } from '../sim/parameters.js';
import type { NationalData } from '../sim/region-data.js';
import { resRegion, wholeCountry } from './region.js';

export const DEFAULT_START_YEAR = 2026;
export const DEFAULT_HORIZON_MONTHS = 300;

/**
 * The built-in default: RES region Drenthe (12 municipalities) with a demand-pull flexpool of 4 staff
 * (as Flexteam Warmte Drenthe started), under high labour scarcity, January 2026 to December 2050.
 */
export function defaultScenario(
  data: NationalData,
  overrides: Partial<Pick<ModelInput, 'levers' | 'parameters' | 'horizonMonths'>> = {},
): ModelInput {
  return {
    name: 'drenthe-flexpool-high-scarcity',
    ...resRegion(data, 'ES03'),
    levers:
      overrides.levers ?? resolveLevers({ poolForm: 'flexpool', startMode: 'small', founderCount: 5, initialStaff: 4 }),
    parameters: overrides.parameters ?? resolveParameters({ supplyRatio: SCARCITY_LEVELS.high }),
    startYear: DEFAULT_START_YEAR,
    horizonMonths: overrides.horizonMonths ?? DEFAULT_HORIZON_MONTHS,
    historyOverrides: [],
    refusers: [],
  };
}

/** All 342 municipalities in one labour market, one pool per RES region. */
export function nationalScenario(data: NationalData): ModelInput {
  return {
    name: 'national-flexpools-high-scarcity',
    ...wholeCountry(data),
    levers: resolveLevers({ poolForm: 'flexpool', startMode: 'small', founderCount: 4, initialStaff: 4 }),
    parameters: resolveParameters({ supplyRatio: SCARCITY_LEVELS.high }),
    startYear: DEFAULT_START_YEAR,
    horizonMonths: DEFAULT_HORIZON_MONTHS,
    historyOverrides: [],
    refusers: [],
  };
}
