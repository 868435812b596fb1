import { dd } from './bits.js';
import { logDD } from './core.js';

/**
 * Natural logarithm ln x, computed with IEEE-754 basic operations only, so it gives the same bits
 * in every JavaScript engine. The result is first computed as a double-double (relative error
 * about 2^-64) and rounded once, so it is almost always the correctly rounded value.
 *
 * x = 2^k m, m in (0.707, 1.414]; m = c_j (1 + r) with c_j from a 91-entry table (Tang's method),
 * ln(1 + r) = r - r^2/2 + r^3 P(r).
 *
 * @param x any number
 * @returns ln x; NaN for x < 0 or NaN, -Infinity for ±0, +Infinity for +Infinity
 * @example
 * log(1); // 0
 * log(Math.E); // 1
 * log(0); // -Infinity
 * log(-1); // NaN
 */
export function log(x: number): number {
  if (!(x > 0)) return x === 0 ? Number.NEGATIVE_INFINITY : Number.NaN;
  if (x === Number.POSITIVE_INFINITY) return x;
  logDD(x);
  return dd[0];
}
