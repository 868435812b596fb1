/**
 * Internal helpers of sim/math: IEEE-754 bit access and double-double ("two doubles") arithmetic.
 * Everything here uses only +, -, *, / and typed-array views, which IEEE-754 requires to be
 * exactly rounded, so every JavaScript engine gives the same bits.
 */

const buffer = new ArrayBuffer(8);
const f64 = new Float64Array(buffer);
const u32 = new Uint32Array(buffer);
f64[0] = 1;
/** Index of the high (sign, exponent, top of mantissa) 32-bit word in u32: 1 on little-endian hosts. */
const HI = u32[1] === 0x3ff00000 ? 1 : 0;
const LO = 1 - HI;

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

/** 2^k for integer k in [-1022, 1023], built from its bits. */
export function twoPow(k: number): number {
  return fromWords((k + 1023) << 20, 0);
}

/** x * 2^k for integer k in [-2000, 2000], rounded once (x * 2^k exactly when it is a normal double). */
export function scale(x: number, k: number): number {
  if (k > 1023) return x * twoPow(1023) * twoPow(k - 1023);
  if (k < -1022) return x * twoPow(k + 600) * twoPow(-600);
  return x * twoPow(k);
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
