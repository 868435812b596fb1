import { SensitivityError } from './errors.js';

/** The outputs of a Saltelli design split into its matrices, standardised (mean 0, sd 1). */
export interface SaltelliBlocks {
  /** Base samples N. */
  n: number;
  /** Factors k. */
  k: number;
  a: Float64Array;
  b: Float64Array;
  /** ab[j][i]: the output at A_i with factor j from B_i. */
  ab: Float64Array[];
  /** ba[j][i]: the output at B_i with factor j from A_i (second-order designs only). */
  ba: Float64Array[];
  /** True when every output is the same (all indices are then 0). */
  constant: boolean;
}

/**
 * Splits outputs in Saltelli row order (per base sample: A, AB_1..AB_k, [BA_1..BA_k], B) into the
 * matrices, keeping the first `baseSamples` blocks (all by default), and standardises them as
 * SALib does, since the first-order estimator is not invariant to a shift of the output.
 * Throws SensitivityError for a count that does not fit or a missing (non-finite) output.
 * @example saltelliBlocks([1, 2, 3, 4, 5, 6], 1, false).n // 2
 */
export function saltelliBlocks(
  y: ArrayLike<number>,
  k: number,
  secondOrder: boolean,
  baseSamples?: number,
): SaltelliBlocks {
  const step = secondOrder ? 2 * k + 2 : k + 2;
  if (y.length % step !== 0)
    throw new SensitivityError(
      `${y.length} outputs do not fit a Saltelli design of ${k} factors (${step} rows per base sample${secondOrder ? ', second order' : ''})`,
    );
  const total = y.length / step;
  const n = baseSamples ?? total;
  if (!Number.isInteger(n) || n < 2 || n > total)
    throw new SensitivityError(`baseSamples ${n}; allowed: 2 to ${total}`);
  const rows = n * step;
  let mean = 0;
  for (let i = 0; i < rows; i++) {
    if (!Number.isFinite(y[i])) throw new SensitivityError(`output ${i} is ${y[i]}; Sobol indices need every output`);
    mean += y[i];
  }
  mean /= rows;
  let ss = 0;
  for (let i = 0; i < rows; i++) ss += (y[i] - mean) ** 2;
  const sd = Math.sqrt(ss / rows);
  const constant = !(sd > 0);
  const scale = constant ? 1 : sd;
  const at = (i: number) => (y[i] - mean) / scale;
  const a = new Float64Array(n);
  const b = new Float64Array(n);
  const ab = Array.from({ length: k }, () => new Float64Array(n));
  const ba = secondOrder ? Array.from({ length: k }, () => new Float64Array(n)) : [];
  for (let i = 0; i < n; i++) {
    const o = i * step;
    a[i] = at(o);
    for (let j = 0; j < k; j++) ab[j][i] = at(o + 1 + j);
    if (secondOrder) for (let j = 0; j < k; j++) ba[j][i] = at(o + 1 + k + j);
    b[i] = at(o + step - 1);
  }
  return { n, k, a, b, ab, ba, constant };
}
