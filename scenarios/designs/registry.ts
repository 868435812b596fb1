import { isLeverName, LEVERS } from '../../sim/levers.js';
import { isParameterName, PARAMETERS } from '../../sim/parameters.js';
import { DesignError } from './errors.js';
import type { DesignValue, Factor } from './factors.js';

/** A range given in an experiment file, narrowing the registry's range or list of choices. */
export interface FactorRange {
  min?: number;
  max?: number;
  values?: readonly DesignValue[];
}

/**
 * Factors for named model parameters (uncertainties) and levers (policies), with the ranges of
 * the parameter registry (sim/parameters.ts) or the lever registry (sim/levers.ts), optionally
 * narrowed by ranges given in a file. Parameters become real or integer factors with role
 * "uncertainty"; number levers real or integer, choice levers choices and boolean levers
 * [false, true], all with role "lever". A range must lie inside the registry's (the model
 * rejects values outside it); roles and codes levers cannot be sampled. Throws DesignError.
 * @example factorsFromRegistry(['demandIntensity'])[0] // { name: 'demandIntensity', kind: 'real', min: 0.7, max: 1.5, role: 'uncertainty' }
 * @example factorsFromRegistry(['termMonths'], { termMonths: { min: 24, max: 60 } })[0].max // 60
 */
export function factorsFromRegistry(
  names: readonly string[],
  overrides: Readonly<Record<string, FactorRange>> = {},
): Factor[] {
  for (const name of Object.keys(overrides))
    if (!names.includes(name)) throw new DesignError(`a range is given for "${name}", which is not a sampled factor`);
  return names.map((name) => {
    const range = overrides[name] ?? {};
    if (isParameterName(name)) {
      const def = PARAMETERS[name];
      if (range.values) throw new DesignError(`parameter "${name}" is numeric: give min and max, not values`);
      const f: Factor = {
        name,
        kind: def.integer ? 'integer' : 'real',
        ...numericRange(name, def.min, def.max, range, def.integer === true),
        role: 'uncertainty',
      };
      return f;
    }
    if (isLeverName(name)) {
      const lever = LEVERS[name];
      if (lever.kind === 'number') {
        if (range.values) throw new DesignError(`lever "${name}" is numeric: give min and max, not values`);
        const integer = 'integer' in lever && lever.integer === true;
        return {
          name,
          kind: integer ? 'integer' : 'real',
          ...numericRange(name, lever.min, lever.max, range, integer),
          role: 'lever',
        };
      }
      if (lever.kind === 'choice' || lever.kind === 'boolean') {
        const allowed: readonly DesignValue[] = lever.kind === 'choice' ? lever.values : [false, true];
        if (range.min !== undefined || range.max !== undefined)
          throw new DesignError(`lever "${name}" is a choice: give values, not min and max`);
        const values = range.values ?? allowed;
        const wrong = values.filter((v) => !allowed.includes(v));
        if (wrong.length > 0)
          throw new DesignError(
            `lever "${name}": ${wrong.map((v) => JSON.stringify(v)).join(', ')} not allowed; allowed: ${allowed.map((v) => JSON.stringify(v)).join(', ')}`,
          );
        if (values.length < 2) throw new DesignError(`lever "${name}": a sampled choice needs at least two values`);
        return { name, kind: 'choice', values: [...values], role: 'lever' };
      }
      throw new DesignError(`lever "${name}" (${lever.kind}) cannot be sampled; set it in the scenario instead`);
    }
    throw new DesignError(`"${name}" is neither a model parameter nor a lever`);
  });
}

function numericRange(
  name: string,
  lo: number,
  hi: number,
  range: FactorRange,
  integer: boolean,
): { min: number; max: number } {
  const min = range.min ?? lo;
  const max = range.max ?? hi;
  if (min < lo || max > hi)
    throw new DesignError(
      `"${name}": range ${min} to ${max} goes outside the registry's range; allowed: ${lo} to ${hi}`,
    );
  if (!(min < max))
    throw new DesignError(
      lo === hi
        ? `"${name}" is fixed at ${lo} in the registry and cannot be sampled`
        : `"${name}": min ${min} is not below max ${max}`,
    );
  if (integer && (!Number.isInteger(min) || !Number.isInteger(max)))
    throw new DesignError(`"${name}" takes whole numbers: min and max must be whole numbers`);
  return { min, max };
}
