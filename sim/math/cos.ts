import { dd } from './bits.js';
import { cosKernel, reduce, sinKernel } from './trig.js';

/**
 * Cosine of x (radians), computed with IEEE-754 basic operations only, so it gives the same bits
 * in every JavaScript engine. Error below 1 ulp (almost always the correctly rounded value).
 * Same reduction as sin (x = n pi/2 + r, |r| <= pi/4); 1 - r^2/2 is carried in double-double.
 *
 * @param x angle in radians
 * @returns cos x; NaN for NaN and ±Infinity
 * @example
 * cos(0); // 1
 * cos(Math.PI); // -1
 * cos(Math.PI / 3); // 0.5000000000000001
 */
export function cos(x: number): number {
  const ax = Math.abs(x);
  if (ax < 7.450580596923828e-9) return 1; // |x| < 2^-27: cos x rounds to 1
  if (ax <= 0.7853981633974483) return cosKernel(ax, 0);
  if (!(ax < Number.POSITIVE_INFINITY)) return Number.NaN;
  const q = reduce(x);
  const rh = dd[0];
  const rl = dd[1];
  switch (q) {
    case 0:
      return cosKernel(rh, rl);
    case 1:
      return -sinKernel(rh, rl);
    case 2:
      return -cosKernel(rh, rl);
    default:
      return sinKernel(rh, rl);
  }
}
