/**
 * Internal kernels of sin and cos: reduction of x by multiples of pi/2 to a double-double
 * r = rh + rl with |r| <= pi/4, and the two polynomial kernels on that interval.
 */
import { dd, fastTwoSum, highWord, lowWord, twoProd, twoSum } from './bits.js';
import {
  COS_P,
  INV_PIO2,
  PIO2_1,
  PIO2_2,
  PIO2_3,
  PIO2_4,
  PIO2_HI,
  PIO2_LO,
  SIN_P,
  TWO_OVER_PI_BITS,
  TWO_OVER_PI_SHIFT,
} from './tables.js';

/** Below this |x|, Cody–Waite reduction with the four-part pi/2 is exact enough (n < 2^20). */
const CODY_WAITE_LIMIT = 1048576;
const TWO_M128 = 2.938735877055719e-39; // 2^-128
const FRAC_BITS = 128n;

/**
 * Writes x - n pi/2 into dd (as rh + rl, |r| <= pi/4 + tiny) and returns n mod 4, for finite x.
 * Moderate x: Cody–Waite with pi/2 in four parts (three of 33 bits, so n * part is exact), the
 * partial sums kept as double-doubles. Huge x: x = M 2^e times 1280 bits of 2/pi in exact BigInt
 * arithmetic (Payne–Hanek), keeping 128 fraction bits.
 */
export function reduce(x: number): number {
  if (Math.abs(x) < CODY_WAITE_LIMIT) {
    const n = Math.floor(x * INV_PIO2 + 0.5);
    const t1 = x - n * PIO2_1; // exact
    twoSum(t1, -n * PIO2_2);
    const h1 = dd[0];
    const e1 = dd[1];
    twoSum(h1, -n * PIO2_3);
    fastTwoSum(dd[0], e1 + dd[1] - n * PIO2_4);
    return n & 3;
  }
  return reduceHuge(x);
}

function reduceHuge(x: number): number {
  const hi = highWord(x);
  const e = ((hi >>> 20) & 0x7ff) - 1075; // x = M 2^e with M a 53-bit integer
  const mant = (BigInt((hi & 0x000fffff) | 0x00100000) << 32n) | BigInt(lowWord(x));
  const product = mant * TWO_OVER_PI_BITS; // |x| 2/pi = product 2^(e - SHIFT)
  const fracBits = BigInt(TWO_OVER_PI_SHIFT - e);
  let n = Number((product >> fracBits) & 3n);
  let f = (product >> (fracBits - FRAC_BITS)) & ((1n << FRAC_BITS) - 1n); // fraction, 128 bits
  if (f >= 1n << (FRAC_BITS - 1n)) {
    f -= 1n << FRAC_BITS;
    n += 1;
  }
  const fh = Number(f);
  const fl = Number(f - BigInt(fh));
  // r = (fh + fl) 2^-128 pi/2
  const a = fh * TWO_M128;
  const b = fl * TWO_M128;
  twoProd(a, PIO2_HI);
  fastTwoSum(dd[0], dd[1] + a * PIO2_LO + b * PIO2_HI);
  if (x < 0) {
    dd[0] = -dd[0];
    dd[1] = -dd[1];
    n = -n;
  }
  return n & 3;
}

/** sin(rh + rl) for |rh| <= pi/4 + tiny, |rl| <= ulp(rh). */
export function sinKernel(rh: number, rl: number): number {
  const z = rh * rh;
  const s =
    SIN_P[0] +
    z * (SIN_P[1] + z * (SIN_P[2] + z * (SIN_P[3] + z * (SIN_P[4] + z * (SIN_P[5] + z * (SIN_P[6] + z * SIN_P[7]))))));
  return rh + (rh * z * s + rl * (1 - 0.5 * z));
}

/** cos(rh + rl) for |rh| <= pi/4 + tiny, |rl| <= ulp(rh); 1 - r^2/2 is carried exactly. */
export function cosKernel(rh: number, rl: number): number {
  const z = rh * rh;
  const c =
    COS_P[0] + z * (COS_P[1] + z * (COS_P[2] + z * (COS_P[3] + z * (COS_P[4] + z * (COS_P[5] + z * COS_P[6])))));
  twoProd(rh, rh);
  const hp = 0.5 * dd[0];
  const hpe = 0.5 * dd[1];
  const w = 1 - hp;
  const e = 1 - w - hp;
  return w + (e - hpe - rh * rl + z * z * c);
}
