import { expDD } from './core.js';

/**
 * e^x, computed with IEEE-754 basic operations only, so it gives the same bits in every
 * JavaScript engine (unlike the built-in, whose last bit varies between V8 versions).
 * Error below 0.51 ulp (the last bit may differ from the correctly rounded value in rare cases).
 *
 * Range reduction x = (64k + j) ln2/64 + r (Cody–Waite, two-part constant), a 64-entry
 * double-double table of 2^(j/64) and a degree-7 polynomial for e^r (Tang's method).
 *
 * @param x any number
 * @returns e^x; NaN for NaN, +Infinity above ln(MAX_VALUE), +0 far below -745
 * @example
 * exp(0); // 1
 * exp(1); // 2.718281828459045
 * exp(-Infinity); // 0
 */
export function exp(x: number): number {
  if (x > 709.8) return Number.POSITIVE_INFINITY;
  if (x < -745.2) return 0;
  if (Number.isNaN(x)) return Number.NaN;
  return expDD(x, 0);
}
