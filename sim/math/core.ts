/**
 * Internal kernels of sim/math shared by several functions: the natural logarithm and the
 * exponential in double-double precision (relative error about 2^-64), used by log, exp and pow.
 */
import { dd, f64, fastTwoSum, HI, POW2, scale, twoProd, twoSum, u32 } from './bits.js';
import {
  EXP_C_HI,
  EXP_C_LO,
  EXP_INV_C,
  EXP_P,
  EXP_T_HI,
  EXP_T_LO,
  LN2_HI,
  LN2_LO,
  LOG_INV,
  LOG_P,
  LOG_T_HI,
  LOG_T_LO,
} from './tables.js';

const SPLIT = 134217729;
const TWO54 = 18014398509481984;

/** k and m of the last logReduce (a scratch, so the reduction allocates nothing). */
export const REDUCED = new Float64Array(2);

/**
 * The argument reduction of log and logDD: x = 2^k m with m in (0.707, 1.414] (subnormals made
 * normal first); k and m go to REDUCED, and the result is the table index round(128 (m - 1)) + 37.
 */
export function logReduce(x: number): number {
  let k = 0;
  if (x < 2.2250738585072014e-308) {
    // subnormal: make it normal first
    x *= TWO54;
    k = -54;
  }
  f64[0] = x;
  const e = u32[HI] >>> 20; // biased exponent, 1..2046
  k += e - 1023;
  let m = x * POW2[2097 - e]; // x 2^(1023 - e), exact, in [1, 2)
  if (m > 1.4140625) {
    m *= 0.5;
    k += 1;
  }
  REDUCED[0] = k;
  REDUCED[1] = m;
  return ((m - 1) * 128 + 37.5) | 0; // argument positive
}

/**
 * ln x for a positive finite x (subnormals included), as dd[0] + dd[1].
 * x = 2^k m with m in (0.707, 1.414]; m = (1 + j/128)(1 + r) with |r| < 2^-7.4, where the table
 * gives -ln of a 24-bit inverse of 1 + j/128; ln(1 + r) = r - r^2/2 + r^3 P(r), the first two
 * terms kept exactly. Near x = 1 (k = 0, j = 0) r = m - 1 exactly, so small results keep full
 * relative precision.
 */
export function logDD(x: number): void {
  const i = logReduce(x);
  const k = REDUCED[0];
  const m = REDUCED[1];
  const inv = LOG_INV[i];
  // r = m * inv - 1 exactly, as a + b: m is split into two 26-bit halves, inv has 24 bits.
  const t = SPLIT * m;
  const mh = t - (t - m);
  const ml = m - mh;
  twoSum(mh * inv - 1, ml * inv);
  const rh = dd[0];
  const rl = dd[1];
  // r^2 / 2 exactly enough: (p + pe) / 2 + rh rl
  twoProd(rh, rh);
  const hp = 0.5 * dd[0];
  const hpe = 0.5 * dd[1] + rh * rl;
  const q =
    rh *
    rh *
    rh *
    (LOG_P[0] +
      rh * (LOG_P[1] + rh * (LOG_P[2] + rh * (LOG_P[3] + rh * (LOG_P[4] + rh * (LOG_P[5] + rh * LOG_P[6]))))));
  fastTwoSum(rh, -hp);
  const s1 = dd[0];
  const lo = dd[1] + rl - hpe + q;
  // k ln2 + T + s1 + small parts
  twoSum(k * LN2_HI, LOG_T_HI[i]);
  const h1 = dd[0];
  const e1 = dd[1];
  twoSum(h1, s1);
  const h2 = dd[0];
  const e2 = dd[1];
  fastTwoSum(h2, e1 + e2 + (k * LN2_LO + LOG_T_LO[i] + lo));
}

/**
 * e^(xh + xl) for |xh| <= 746 (|xl| at most half an ulp of xh): the result, rounded once to a
 * double (twice when it is subnormal). xh + xl = (64 k + j) ln2/64 + r with |r| <= ln2/128;
 * e^r = 1 + r + r^2 P(r); the result is 2^k 2^(j/64) e^r with 2^(j/64) from a double-double table.
 */
export function expDD(xh: number, xl: number): number {
  const n = Math.floor(xh * EXP_INV_C + 0.5);
  const j = n & 63;
  const k = (n - j) / 64;
  // xh - n C_HI is exact; the rest is carried in rl.
  const t1 = xh - n * EXP_C_HI;
  const u = n * EXP_C_LO;
  twoSum(t1, -u);
  const rh = dd[0];
  const rl = dd[1] + xl;
  const r = rh + rl;
  const e =
    rh + (rl + r * r * (EXP_P[0] + r * (EXP_P[1] + r * (EXP_P[2] + r * (EXP_P[3] + r * (EXP_P[4] + r * EXP_P[5]))))));
  const th = EXP_T_HI[j];
  const res = th + (EXP_T_LO[j] + th * e);
  return scale(res, k);
}
