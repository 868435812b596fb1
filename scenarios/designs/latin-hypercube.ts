import type { Design } from './design.js';
import { DesignError } from './errors.js';
import { checkFactors, type Factor, unitToRows } from './factors.js';
import { designRandom, permutation, type Uniform } from './random.js';

export interface LatinHypercubeOptions {
  /** Number of rows (and strata per factor). */
  samples: number;
  seed: number | string;
  /**
   * Maximin improvement: draw this many Latin hypercubes and keep the one whose closest pair of
   * points is farthest apart (pyDOE's "maximin" criterion). 1 (the default) is plain random LHS.
   */
  maximinCandidates?: number;
  /** Put each point at the centre of its stratum instead of uniformly inside it. */
  centred?: boolean;
}

/**
 * A Latin hypercube: each factor's range is cut into `samples` equal strata and every stratum
 * holds exactly one point; the strata of different factors are paired at random (McKay et al.
 * 1979). Seeded, so the same seed gives the same sample. The seed's stream is "latin-hypercube".
 * @example latinHypercube([{ name: 'x', kind: 'real', min: 0, max: 1 }], { samples: 10, seed: 1 }).rows.length // 10
 */
export function latinHypercube(factors: readonly Factor[], options: LatinHypercubeOptions): Design {
  checkFactors(factors);
  const { samples, seed } = options;
  const candidates = options.maximinCandidates ?? 1;
  if (!Number.isInteger(samples) || samples < 1)
    throw new DesignError(`samples ${samples}; allowed: a whole number ≥ 1`);
  if (!Number.isInteger(candidates) || candidates < 1)
    throw new DesignError(`maximinCandidates ${candidates}; allowed: a whole number ≥ 1`);
  const random = designRandom('latin-hypercube', seed);
  let best = lhsUnit(samples, factors.length, random, options.centred === true);
  if (candidates > 1) {
    let bestDistance = minimumDistance(best);
    for (let c = 1; c < candidates; c++) {
      const next = lhsUnit(samples, factors.length, random, options.centred === true);
      const d = minimumDistance(next);
      if (d > bestDistance) {
        best = next;
        bestDistance = d;
      }
    }
  }
  return {
    method: 'latin-hypercube',
    factors: [...factors],
    seed,
    unit: best,
    rows: unitToRows(factors, best),
    notes: [],
  };
}

/**
 * A random Latin hypercube in [0, 1)^k, n points.
 * @example lhsUnit(4, 2, designRandom('x', 1), true) // 4 points, one per quarter of each axis, at 0.125, 0.375, ...
 */
export function lhsUnit(n: number, k: number, random: Uniform, centred = false): number[][] {
  const unit = Array.from({ length: n }, () => new Array<number>(k));
  for (let j = 0; j < k; j++) {
    const strata = permutation(n, random);
    for (let i = 0; i < n; i++) unit[i][j] = (strata[i] + (centred ? 0.5 : random())) / n;
  }
  return unit;
}

/**
 * The smallest Euclidean distance between two points (Infinity for fewer than two).
 * @example minimumDistance([[0, 0], [3, 4], [0, 1]]) // 1
 */
export function minimumDistance(points: readonly (readonly number[])[]): number {
  let best = Number.POSITIVE_INFINITY;
  for (let a = 0; a < points.length; a++) {
    const p = points[a];
    for (let b = a + 1; b < points.length; b++) {
      const q = points[b];
      let d = 0;
      for (let j = 0; j < p.length && d < best; j++) d += (p[j] - q[j]) ** 2;
      if (d < best) best = d;
    }
  }
  return Math.sqrt(best);
}
