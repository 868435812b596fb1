import { dd, twoProd } from './bits.js';
import { expDD, logDD } from './core.js';

/** True when y is an odd integer (every integer of magnitude 2^53 or more is even). */
function isOddInteger(y: number): boolean {
  return Math.trunc(y) === y && Math.abs(y) < 9007199254740992 && y % 2 !== 0;
}

/**
 * x^y as the ECMAScript spec defines it (Number::exponentiate), computed with IEEE-754 basic
 * operations only, so it gives the same bits in every JavaScript engine.
 * e^(y ln|x|) with ln|x| as a double-double and y ln|x| multiplied out exactly, so the error
 * stays below about 0.51 ulp over the whole range; y = 1, -1, 2 and (for finite x > 0) 0.5 are
 * exact operations (x, 1/x, x*x, sqrt x), which are correctly rounded.
 *
 * Special values: y NaN → NaN; y = ±0 → 1 (even for x NaN); x NaN → NaN; |x| = 1 with y = ±Infinity
 * → NaN; x < 0 with finite non-integer y → NaN; signs of zero and infinity follow the spec for
 * odd integer y.
 *
 * @param x base
 * @param y exponent
 * @returns x raised to y
 * @example
 * pow(2, 10); // 1024
 * pow(4, 0.5); // 2
 * pow(-8, 1 / 3); // NaN
 * pow(-2, 3); // -8
 */
export function pow(x: number, y: number): number {
  if (y === 0) return 1;
  if (Number.isNaN(y) || Number.isNaN(x)) return Number.NaN;
  if (y === 1) return x;
  if (y === 2) return x * x;
  if (y === -1) return 1 / x;
  const ax = Math.abs(x);
  if (y === Number.POSITIVE_INFINITY || y === Number.NEGATIVE_INFINITY) {
    if (ax === 1) return Number.NaN;
    return ax > 1 === y > 0 ? Number.POSITIVE_INFINITY : 0;
  }
  // y is finite and non-zero from here on.
  if (ax === 0 || ax === Number.POSITIVE_INFINITY) {
    // x = ±0 or ±Infinity: x^y is 0 or Infinity, negative only for x negative and y an odd integer.
    const big = ax === 0 ? y < 0 : y > 0;
    const negative = x < 0 || (x === 0 && 1 / x < 0);
    const sign = negative && isOddInteger(y) ? -1 : 1;
    return big ? sign * Number.POSITIVE_INFINITY : sign * 0;
  }
  let sign = 1;
  if (x < 0) {
    if (Math.trunc(y) !== y) return Number.NaN;
    if (isOddInteger(y)) sign = -1;
  } else if (y === 0.5) {
    return Math.sqrt(x);
  }
  if (ax === 1) return sign;
  logDD(ax);
  const lh = dd[0];
  const ll = dd[1];
  const z = y * lh;
  if (z > 709.8) return sign * Number.POSITIVE_INFINITY;
  if (z < -745.2) return sign * 0;
  twoProd(y, lh);
  const zh = dd[0];
  const zl = dd[1] + y * ll;
  const zs = zh + zl;
  return sign * expDD(zs, zh - zs + zl);
}
