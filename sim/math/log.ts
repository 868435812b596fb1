import { logReduce, REDUCED } from './core.js';
import { LN2_HI, LN2_LO, LOG_INV, LOG_P, LOG_T_HI, LOG_T_LO } from './tables.js';

const SPLIT = 134217729; // 2^27 + 1

/**
 * Natural logarithm ln x, computed with IEEE-754 basic operations only, so it gives the same bits
 * in every JavaScript engine. The result is first computed as a double-double (relative error
 * about 2^-64) and rounded once, so it is almost always the correctly rounded value.
 *
 * x = 2^k m, m in (0.707, 1.414]; m = c_j (1 + r) with c_j from a 91-entry table (Tang's method),
 * ln(1 + r) = r - r^2/2 + r^3 P(r), with r = m/c_j - 1 computed exactly as a double-double (m split
 * in two 26-bit halves, the table inverses have 24 bits) and k ln2 + ln c_j exact (both multiples of
 * 2^-42); the rest is summed in double-double and rounded once. (core.ts has the double-double
 * variant that pow uses.)
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
  const i = logReduce(x);
  const k = REDUCED[0];
  const m = REDUCED[1];
  const inv = LOG_INV[i];
  const t = SPLIT * m;
  const mh = t - (t - m);
  const a = mh * inv - 1; // exact
  const b = (m - mh) * inv; // exact
  const rh = a + b;
  const bb = rh - a;
  const rl = a - (rh - bb) + (b - bb); // r = rh + rl exactly
  const q =
    rh *
    rh *
    (rh *
      (LOG_P[0] +
        rh * (LOG_P[1] + rh * (LOG_P[2] + rh * (LOG_P[3] + rh * (LOG_P[4] + rh * (LOG_P[5] + rh * LOG_P[6])))))) -
      0.5);
  const h = k * LN2_HI + LOG_T_HI[i]; // exact
  const s = h + rh; // |h| >= |rh| unless h = 0
  return s + (h - s + rh + (k * LN2_LO + LOG_T_LO[i] + rl + q));
}
