import seedrandom from 'seedrandom';

/** A uniform random source on [0, 1). */
export type Uniform = () => number;

/**
 * The random stream of one design purpose (e.g. "latin-hypercube", "morris"), seeded from the
 * master seed and the purpose name, so that each design is reproducible from its seed and two
 * designs of the same experiment do not share random numbers.
 * @example designRandom('latin-hypercube', 42)() === designRandom('latin-hypercube', 42)() // true
 */
export function designRandom(purpose: string, seed: number | string): Uniform {
  return seedrandom.alea(`regiosim:design:${purpose}:${seed}`) as Uniform;
}

/**
 * A random permutation of 0..n-1 (Fisher-Yates).
 * @example permutation(3, designRandom('x', 1)).sort() // [0, 1, 2]
 */
export function permutation(n: number, random: Uniform): number[] {
  const p = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = p[i];
    p[i] = p[j];
    p[j] = t;
  }
  return p;
}
