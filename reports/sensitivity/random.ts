import seedrandom from 'seedrandom';

/** A uniform random source on [0, 1). */
export type Uniform = () => number;

/**
 * The random stream of one analysis purpose (e.g. "sobol-bootstrap"), seeded from the seed and the
 * purpose name, so bootstrap intervals are reproducible.
 * @example analysisRandom('morris-bootstrap', 0)() === analysisRandom('morris-bootstrap', 0)() // true
 */
export function analysisRandom(purpose: string, seed: number | string): Uniform {
  return seedrandom.alea(`regiosim:sensitivity:${purpose}:${seed}`) as Uniform;
}

/**
 * Fills `out` with indices drawn uniformly with replacement from 0..n-1 (one bootstrap resample).
 * @example resampleInto(new Int32Array(3), 10, analysisRandom('x', 1)) // e.g. Int32Array [7, 2, 7]
 */
export function resampleInto(out: Int32Array, n: number, random: Uniform): Int32Array {
  for (let i = 0; i < out.length; i++) out[i] = Math.floor(random() * n);
  return out;
}

/**
 * Sample standard deviation (n − 1), NaN below two values.
 * @example sampleSd([1, 2, 3]) // 1
 */
export function sampleSd(values: ArrayLike<number>): number {
  const n = values.length;
  if (n < 2) return Number.NaN;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[i];
  mean /= n;
  let s = 0;
  for (let i = 0; i < n; i++) s += (values[i] - mean) ** 2;
  return Math.sqrt(s / (n - 1));
}
