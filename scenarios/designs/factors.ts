import { DesignError } from './errors.js';

/** How a factor's unit-interval coordinate becomes a value. */
export type FactorKind = 'real' | 'integer' | 'choice';

/** A value a design assigns to a factor. */
export type DesignValue = number | string | boolean;

/** One row of a design: a value per factor name. */
export type DesignRow = Record<string, DesignValue>;

/**
 * One sampled dimension: a real or integer range, or a list of choices. `role` keeps levers
 * (policies) apart from uncertainties (futures), as in EMA Workbench's XLRM framing.
 */
export interface Factor {
  name: string;
  kind: FactorKind;
  /** Lower end (real and integer), included. */
  min?: number;
  /** Upper end (real and integer), included. */
  max?: number;
  /** The choices (choice factors), in order. */
  values?: readonly DesignValue[];
  role?: 'uncertainty' | 'lever';
}

/**
 * Checks a factor list: unique names, real and integer factors with finite min < max (whole
 * numbers for integers), choice factors with at least two distinct values. Throws DesignError.
 * @example checkFactors([{ name: 'x', kind: 'real', min: 0, max: 1 }]) // passes
 */
export function checkFactors(factors: readonly Factor[]): void {
  if (factors.length === 0) throw new DesignError('a design needs at least one factor');
  const seen = new Set<string>();
  for (const f of factors) {
    if (!f.name) throw new DesignError('every factor needs a name');
    if (seen.has(f.name)) throw new DesignError(`factor "${f.name}" appears twice`);
    seen.add(f.name);
    if (f.kind === 'choice') {
      const values = f.values ?? [];
      if (new Set(values).size !== values.length || values.length < 2)
        throw new DesignError(`factor "${f.name}": a choice needs at least two distinct values`);
      continue;
    }
    if (f.kind !== 'real' && f.kind !== 'integer')
      throw new DesignError(`factor "${f.name}": kind "${String(f.kind)}"; allowed: real, integer, choice`);
    const { min, max } = f;
    if (min === undefined || max === undefined || !Number.isFinite(min) || !Number.isFinite(max))
      throw new DesignError(`factor "${f.name}": a ${f.kind} factor needs finite min and max`);
    if (!(min < max)) throw new DesignError(`factor "${f.name}": min ${min} is not below max ${max}`);
    if (f.kind === 'integer' && (!Number.isInteger(min) || !Number.isInteger(max)))
      throw new DesignError(`factor "${f.name}": an integer factor needs whole-number min and max`);
  }
}

/**
 * The value of a factor at unit coordinate u in [0, 1]: linear for reals (never outside [min, max]); for integers the range
 * is cut into max-min+1 equal cells (so each whole number is equally likely under uniform
 * sampling, as EMA Workbench does, and u = 0 and u = 1 give min and max); for choices the
 * interval is cut into one cell per value.
 * @example fromUnit({ name: 'n', kind: 'integer', min: 1, max: 3 }, 0.5) // 2
 * @example fromUnit({ name: 'c', kind: 'choice', values: ['a', 'b'] }, 0.7) // 'b'
 */
export function fromUnit(factor: Factor, u: number): DesignValue {
  if (factor.kind === 'choice') {
    const values = factor.values as readonly DesignValue[];
    return values[Math.min(values.length - 1, Math.max(0, Math.floor(u * values.length)))];
  }
  const min = factor.min as number;
  const max = factor.max as number;
  if (factor.kind === 'integer') {
    const cells = max - min + 1;
    return min + Math.min(cells - 1, Math.max(0, Math.floor(u * cells)));
  }
  // Clamped, so that rounding never puts a value outside the range the model accepts.
  return u >= 1 ? max : Math.min(max, Math.max(min, min + u * (max - min)));
}

/**
 * Design rows from unit-cube coordinates (one array per row, one entry per factor).
 * @example unitToRows([{ name: 'x', kind: 'real', min: 0, max: 10 }], [[0.5]]) // [{ x: 5 }]
 */
export function unitToRows(factors: readonly Factor[], unit: readonly (readonly number[])[]): DesignRow[] {
  return unit.map((u) => {
    const row: DesignRow = {};
    factors.forEach((f, j) => {
      row[f.name] = fromUnit(f, u[j]);
    });
    return row;
  });
}
