import { DesignError } from './errors.js';
import { JOE_KUO_MAX_DIMENSION, JOE_KUO_TABLE } from './joe-kuo.js';

/** Bits per coordinate: points are multiples of 2^-32, and the sequence has 2^31 usable points here. */
const BITS = 32;
const SCALE = 2 ** BITS;

let table: Array<{ s: number; a: number; m: number[] }> | undefined;

/** The parsed Joe & Kuo rows, index 0 = dimension 2. */
function joeKuoRows(): Array<{ s: number; a: number; m: number[] }> {
  if (!table) {
    table = JOE_KUO_TABLE.trim()
      .split('\n')
      .map((line) => {
        const [, s, a, ...m] = line.trim().split(/\s+/).map(Number);
        return { s, a, m };
      });
  }
  return table;
}

const directionCache = new Map<number, Uint32Array>();

/**
 * The 32 direction numbers v_1..v_32 of one dimension (1-based), as 32-bit integers
 * v_i = m_i · 2^(32-i). Dimension 1 has all m_i = 1 (the van der Corput sequence); the others
 * start from Joe & Kuo's initial m_1..m_s and follow the recurrence of their primitive
 * polynomial x^s + a_1 x^(s-1) + ... + a_(s-1) x + 1 (Bratley & Fox 1988):
 * v_i = a_1 v_(i-1) ⊕ ... ⊕ a_(s-1) v_(i-s+1) ⊕ v_(i-s) ⊕ (v_(i-s) >> s).
 * @example sobolDirections(2)[0] === 2 ** 31 // true: m_1 = 1
 */
export function sobolDirections(dimension: number): Uint32Array {
  if (!Number.isInteger(dimension) || dimension < 1 || dimension > JOE_KUO_MAX_DIMENSION)
    throw new DesignError(`Sobol dimension ${dimension}; allowed: 1 to ${JOE_KUO_MAX_DIMENSION}`);
  const cached = directionCache.get(dimension);
  if (cached) return cached;
  const v = new Uint32Array(BITS);
  if (dimension === 1) {
    for (let i = 0; i < BITS; i++) v[i] = 2 ** (BITS - 1 - i);
  } else {
    const { s, a, m } = joeKuoRows()[dimension - 2];
    for (let i = 0; i < Math.min(s, BITS); i++) v[i] = m[i] * 2 ** (BITS - 1 - i);
    for (let i = s; i < BITS; i++) {
      let x = v[i - s] ^ (v[i - s] >>> s);
      for (let k = 1; k < s; k++) if ((a >>> (s - 1 - k)) & 1) x ^= v[i - k];
      v[i] = x >>> 0;
    }
  }
  directionCache.set(dimension, v);
  return v;
}

export interface SobolPointsOptions {
  /** Points of the sequence to skip before the first one returned (default 0: start at the origin). */
  skip?: number;
  /**
   * A random digital shift, one 32-bit integer per dimension, XORed into every point (keeps the
   * net structure; removes the point at the origin). Omit for the plain sequence.
   */
  shift?: ArrayLike<number>;
}

/**
 * The first n points of the Sobol sequence in `dimensions` dimensions (Joe & Kuo direction
 * numbers, Gray-code order as in Antonov & Saleev 1979, so point i equals the i-th point of
 * SciPy's unscrambled `qmc.Sobol`). Sobol's balance properties hold for n a power of two.
 * @example sobolPoints(4, 2) // [[0, 0], [0.5, 0.5], [0.75, 0.25], [0.25, 0.75]]
 */
export function sobolPoints(n: number, dimensions: number, options: SobolPointsOptions = {}): number[][] {
  const skip = options.skip ?? 0;
  if (!Number.isInteger(n) || n < 0) throw new DesignError(`points ${n}; allowed: a whole number ≥ 0`);
  if (!Number.isInteger(skip) || skip < 0) throw new DesignError(`skip ${skip}; allowed: a whole number ≥ 0`);
  if (skip + n > 2 ** 31) throw new DesignError(`skip + points = ${skip + n}; allowed: at most 2^31`);
  const v = Array.from({ length: dimensions }, (_, j) => sobolDirections(j + 1));
  const shift = options.shift;
  if (shift && shift.length < dimensions)
    throw new DesignError(`the shift has ${shift.length} entries for ${dimensions} dimensions`);
  // State at point `skip`: XOR of the directions of the set bits of its Gray code.
  const x = new Uint32Array(dimensions);
  const gray = skip ^ (skip >>> 1);
  for (let j = 0; j < dimensions; j++) {
    let value = 0;
    for (let b = 0; b < BITS && gray >>> b !== 0; b++) if ((gray >>> b) & 1) value ^= v[j][b];
    x[j] = value >>> 0;
  }
  const out: number[][] = [];
  for (let i = 0; i < n; i++) {
    const index = skip + i;
    if (i > 0) {
      // Gray-code step: point `index` differs from the previous one in the lowest set bit of index.
      const c = 31 - Math.clz32(index & -index);
      for (let j = 0; j < dimensions; j++) x[j] ^= v[j][c];
    }
    const point = new Array<number>(dimensions);
    for (let j = 0; j < dimensions; j++) point[j] = (shift ? (x[j] ^ shift[j]) >>> 0 : x[j]) / SCALE;
    out.push(point);
  }
  return out;
}
