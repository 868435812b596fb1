import { isPowerOfTwo, type SaltelliDesign } from './design.js';
import { DesignError } from './errors.js';
import { checkFactors, type Factor, unitToRows } from './factors.js';
import { JOE_KUO_MAX_DIMENSION } from './joe-kuo.js';
import { digitalShift } from './sobol-sample.js';
import { sobolPoints } from './sobol-sequence.js';

export interface SaltelliOptions {
  /** N, the number of base samples; a power of two keeps the Sobol sequence balanced. */
  baseSamples: number;
  seed: number | string;
  /** Add the BA_j rows needed for second-order indices: N·(2k+2) rows instead of N·(k+2). */
  secondOrder?: boolean;
  /** Randomise with a digital shift drawn from the seed (default true); false gives the plain sequence. */
  scramble?: boolean;
  /** Points of the Sobol sequence to skip first (default 0). */
  skip?: number;
}

/**
 * Saltelli's cross-sampling scheme for Sobol indices (Saltelli 2002; Saltelli et al. 2010), laid
 * out as SALib's `saltelli.sample`: a 2k-dimensional Sobol sequence gives the matrices A (first k
 * coordinates) and B (last k); per base sample i the rows are A_i, AB_i^1..AB_i^k (A_i with
 * factor j taken from B_i), optionally BA_i^1..BA_i^k (B_i with factor j from A_i), and B_i.
 * Analyse the outputs in this row order with reports/sensitivity `sobolIndices`.
 * @example saltelli([{ name: 'x', kind: 'real', min: 0, max: 1 }, { name: 'y', kind: 'real', min: 0, max: 1 }], { baseSamples: 8, seed: 1 }).rows.length // 32
 */
export function saltelli(factors: readonly Factor[], options: SaltelliOptions): SaltelliDesign {
  checkFactors(factors);
  const { baseSamples: n, seed } = options;
  const secondOrder = options.secondOrder === true;
  const k = factors.length;
  if (!Number.isInteger(n) || n < 2) throw new DesignError(`baseSamples ${n}; allowed: a whole number ≥ 2`);
  if (2 * k > JOE_KUO_MAX_DIMENSION)
    throw new DesignError(
      `${k} factors need a ${2 * k}-dimensional Sobol sequence; allowed: at most ${JOE_KUO_MAX_DIMENSION / 2} factors`,
    );
  const shift = options.scramble === false ? undefined : digitalShift('saltelli', seed, 2 * k);
  const base = sobolPoints(n, 2 * k, { skip: options.skip ?? 0, shift });
  const unit: number[][] = [];
  for (const point of base) {
    const a = point.slice(0, k);
    const b = point.slice(k);
    unit.push(a);
    for (let j = 0; j < k; j++) {
      const ab = [...a];
      ab[j] = b[j];
      unit.push(ab);
    }
    if (secondOrder) {
      for (let j = 0; j < k; j++) {
        const ba = [...b];
        ba[j] = a[j];
        unit.push(ba);
      }
    }
    unit.push(b);
  }
  const notes = isPowerOfTwo(n)
    ? []
    : [`${n} base samples is not a power of two: the Sobol sequence is balanced only at powers of two`];
  return {
    method: 'saltelli',
    factors: [...factors],
    seed,
    unit,
    rows: unitToRows(factors, unit),
    notes,
    baseSamples: n,
    secondOrder,
  };
}

/**
 * Rows of a Saltelli design for N base samples and k factors.
 * @example saltelliRowCount(1024, 3, false) // 5120
 */
export function saltelliRowCount(baseSamples: number, factors: number, secondOrder = false): number {
  return baseSamples * (secondOrder ? 2 * factors + 2 : factors + 2);
}
