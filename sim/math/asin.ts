import { dd, twoProd, twoSum } from './bits.js';
import { ASIN_P, ASIN_Q, PIO2_HI, PIO2_LO } from './tables.js';

/** (asin s - s) / s^3 as a polynomial in t = s^2, for 0 <= t <= 1/4 (degree 16). */
function tail(t: number): number {
  return (
    ASIN_P[0] +
    t *
      (ASIN_P[1] +
        t *
          (ASIN_P[2] +
            t *
              (ASIN_P[3] +
                t *
                  (ASIN_P[4] +
                    t *
                      (ASIN_P[5] +
                        t *
                          (ASIN_P[6] +
                            t *
                              (ASIN_P[7] +
                                t *
                                  (ASIN_P[8] +
                                    t *
                                      (ASIN_P[9] +
                                        t *
                                          (ASIN_P[10] +
                                            t *
                                              (ASIN_P[11] +
                                                t *
                                                  (ASIN_P[12] +
                                                    t *
                                                      (ASIN_P[13] +
                                                        t *
                                                          (ASIN_P[14] + t * (ASIN_P[15] + t * ASIN_P[16])))))))))))))))
  );
}

/** The same for 0 <= t <= 1/64 (degree 7): the model's small arguments. */
function tailSmall(t: number): number {
  return (
    ASIN_Q[0] +
    t *
      (ASIN_Q[1] +
        t * (ASIN_Q[2] + t * (ASIN_Q[3] + t * (ASIN_Q[4] + t * (ASIN_Q[5] + t * (ASIN_Q[6] + t * ASIN_Q[7]))))))
  );
}

/**
 * Arcsine of x, in radians in [-pi/2, pi/2], computed with IEEE-754 basic operations only, so it
 * gives the same bits in every JavaScript engine. Error below 1 ulp.
 *
 * |x| <= 1/2: asin x = x + x^3 P(x^2), P of degree 7 for |x| <= 1/8 and 16 up to 1/2. |x| > 1/2:
 * asin x = pi/2 - 2 asin s with s = sqrt((1 - |x|)/2) <= 1/2, where s is carried as a
 * double-double (the rounding of the square root corrected exactly) and pi/2 - 2s is summed exactly.
 *
 * @param x a number in [-1, 1]
 * @returns asin x; NaN for |x| > 1 or NaN; -0 for -0
 * @example
 * asin(0); // 0
 * asin(1); // 1.5707963267948966
 * asin(0.5); // 0.5235987755982989
 * asin(2); // NaN
 */
export function asin(x: number): number {
  const ax = Math.abs(x);
  if (ax < 7.450580596923828e-9) return x; // |x| < 2^-27 (and ±0): asin x rounds to x
  if (ax <= 0.125) {
    const t = x * x;
    return x + x * t * tailSmall(t);
  }
  if (ax <= 0.5) {
    const t = x * x;
    return x + x * t * tail(t);
  }
  if (!(ax < 1)) return ax === 1 ? x * PIO2_HI : Number.NaN;
  const z = (1 - ax) * 0.5; // exact
  const sh = Math.sqrt(z);
  twoProd(sh, sh);
  const sl = (z - dd[0] - dd[1]) / (sh + sh); // z = (sh + sl)^2 to about 2^-106
  const a = sl + sh * z * tail(z); // asin s = sh + a
  twoSum(PIO2_HI, -2 * sh);
  const r = dd[0] + (dd[1] + (PIO2_LO - 2 * a));
  return x < 0 ? -r : r;
}
