import { dd } from './bits.js';
import { cosKernel, reduce, sinKernel } from './trig.js';

/**
 * Sine of x (radians), computed with IEEE-754 basic operations only, so it gives the same bits in
 * every JavaScript engine. Error below 1 ulp (almost always the correctly rounded value).
 *
 * x = n pi/2 + r with |r| <= pi/4: Cody–Waite reduction with a four-part pi/2 for |x| < 2^20,
 * exact BigInt reduction with 1280 bits of 2/pi beyond; then an odd polynomial for sin r or an
 * even one for cos r, chosen by n mod 4.
 *
 * @param x angle in radians
 * @returns sin x; NaN for NaN and ±Infinity; -0 for -0
 * @example
 * sin(0); // 0
 * sin(Math.PI / 2); // 1
 * sin(Math.PI / 6); // 0.49999999999999994
 */
export function sin(x: number): number {
  const ax = Math.abs(x);
  if (ax < 7.450580596923828e-9) return x; // |x| < 2^-27: sin x rounds to x
  if (ax <= 0.7853981633974483) return sinKernel(x, 0);
  if (!(ax < Number.POSITIVE_INFINITY)) return Number.NaN;
  const q = reduce(x);
  const rh = dd[0];
  const rl = dd[1];
  switch (q) {
    case 0:
      return sinKernel(rh, rl);
    case 1:
      return cosKernel(rh, rl);
    case 2:
      return -sinKernel(rh, rl);
    default:
      return -cosKernel(rh, rl);
  }
}
