/**
 * Internal helpers of sim/math: IEEE-754 bit access and double-double ("two doubles") arithmetic.
 * Everything here uses only +, -, *, / and typed-array views, which IEEE-754 requires to be
 * exactly rounded, so every JavaScript engine gives the same bits.
 */

const buffer = new ArrayBuffer(8);
export const f64 = new Float64Array(buffer);
export const u32 = new Uint32Array(buffer);
f64[0] = 1;
/** Index of the high (sign, exponent, top of mantissa) 32-bit word in u32: 1 on little-endian hosts. */
export const HI = u32[1] === 0x3ff00000 ? 1 : 0;
export const LO = 1 - HI;

/** Scratch pair through which the double-double helpers return (hi, lo) without allocating. */
export const dd = new Float64Array(2);

/** High 32 bits of x's IEEE-754 representation, as an unsigned integer. */
export function highWord(x: number): number {
  f64[0] = x;
  return u32[HI];
}

/** Low 32 bits of x's IEEE-754 representation, as an unsigned integer. */
export function lowWord(x: number): number {
  f64[0] = x;
  return u32[LO];
}

/** The double whose representation is the given high and low 32-bit words. */
export function fromWords(hi: number, lo: number): number {
  u32[HI] = hi;
  u32[LO] = lo;
  return f64[0];
}

/** POW2[k + 1074] = 2^k for every integer k in [-1074, 1023] (built by exact halving and doubling). */
export const POW2 = new Float64Array(2098);
POW2[1074] = 1;
for (let k = 1; k <= 1023; k++) POW2[1074 + k] = POW2[1073 + k] * 2;
for (let k = -1; k >= -1074; k--) POW2[1074 + k] = POW2[1075 + k] * 0.5;

/** 2^k for integer k in [-1074, 1023]. */
export function twoPow(k: number): number {
  return POW2[k + 1074];
}

/** x * 2^k for integer k in [-2000, 2000], rounded once (x * 2^k exactly when it is a normal double). */
export function scale(x: number, k: number): number {
  if (k > 1023) return x * POW2[2097] * POW2[k + 51];
  if (k < -1022) return x * POW2[k + 1674] * POW2[474];
  return x * POW2[k + 1074];
}

/** Dekker's splitting constant 2^27 + 1. */
const SPLIT = 134217729;

/** dd = a + b exactly (Knuth's two-sum; any magnitudes). */
export function twoSum(a: number, b: number): void {
  const s = a + b;
  const bb = s - a;
  dd[0] = s;
  dd[1] = a - (s - bb) + (b - bb);
}

/** dd = a + b exactly, for |a| >= |b| (or a = 0). */
export function fastTwoSum(a: number, b: number): void {
  const s = a + b;
  dd[0] = s;
  dd[1] = b - (s - a);
}

/** dd = a * b exactly (Dekker's product; |a|, |b| < 2^995 and no underflow in the parts). */
export function twoProd(a: number, b: number): void {
  const p = a * b;
  let t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  dd[0] = p;
  dd[1] = ah * bh - p + ah * bl + al * bh + al * bl;
}
