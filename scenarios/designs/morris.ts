import type { MorrisDesign } from './design.js';
import { DesignError } from './errors.js';
import { checkFactors, type Factor, unitToRows } from './factors.js';
import { mostDispersedTrajectories } from './morris-select.js';
import { designRandom, permutation, type Uniform } from './random.js';

export interface MorrisOptions {
  /** r, the number of trajectories (each k+1 rows). */
  trajectories: number;
  seed: number | string;
  /** p, the number of grid levels (even, default 4); the step is Δ = p / (2(p−1)). */
  levels?: number;
  /**
   * Campolongo et al. (2007): draw this many candidate trajectories and keep the r most spread
   * out (see morris-select.ts). Omit (or give r) for r independent random trajectories.
   */
  candidates?: number;
}

/**
 * Morris's elementary-effects design (Morris 1991): r trajectories of k+1 points on a p-level grid
 * in the unit cube; from a random base point each step moves one factor (in random order) by ±Δ,
 * with Δ = p / (2(p−1)), so every factor moves exactly once per trajectory. Seeded (stream
 * "morris"). Analyse the outputs in this row order with reports/sensitivity `morrisEffects`.
 * @example morris([{ name: 'x', kind: 'real', min: 0, max: 1 }], { trajectories: 10, seed: 1 }).rows.length // 20
 */
export function morris(factors: readonly Factor[], options: MorrisOptions): MorrisDesign {
  checkFactors(factors);
  const { trajectories: r, seed } = options;
  const p = options.levels ?? 4;
  const candidates = options.candidates ?? r;
  if (!Number.isInteger(r) || r < 1) throw new DesignError(`trajectories ${r}; allowed: a whole number ≥ 1`);
  if (!Number.isInteger(p) || p < 2 || p % 2 !== 0)
    throw new DesignError(`levels ${p}; allowed: an even whole number ≥ 2 (so that x + Δ stays on the grid)`);
  if (!Number.isInteger(candidates) || candidates < r)
    throw new DesignError(`candidates ${candidates}; allowed: a whole number ≥ trajectories (${r})`);
  const random = designRandom('morris', seed);
  const k = factors.length;
  const delta = p / (2 * (p - 1));
  let chosen = Array.from({ length: candidates }, () => morrisTrajectory(k, p, random));
  if (candidates > r) chosen = mostDispersedTrajectories(chosen, r).map((i) => chosen[i]);
  const unit = chosen.flat();
  const notes = candidates > r ? [`the ${r} most dispersed of ${candidates} candidate trajectories (Campolongo)`] : [];
  return {
    method: 'morris',
    factors: [...factors],
    seed,
    unit,
    rows: unitToRows(factors, unit),
    notes,
    trajectories: r,
    levels: p,
    delta,
  };
}

/**
 * One random trajectory: k+1 points in [0, 1]^k on the grid {0, 1/(p−1), ..., 1}. The base value
 * x*_j is drawn from the levels ≤ 1 − Δ; a factor moving up starts at x*_j, one moving down at
 * x*_j + Δ (the B* = (J x* + Δ/2 ((2B − J) D* + J)) P* construction of Morris 1991).
 * @example morrisTrajectory(2, 4, designRandom('x', 1)).length // 3
 */
export function morrisTrajectory(k: number, p: number, random: Uniform): number[][] {
  // Work on level indices 0..p−1 so that every coordinate is exactly j/(p−1); Δ is p/2 levels.
  const step = p / 2;
  const start = new Array<number>(k);
  const up = new Array<boolean>(k);
  for (let j = 0; j < k; j++) {
    const base = Math.floor(random() * step); // levels 0..p/2−1 are the ones ≤ 1 − Δ
    up[j] = random() < 0.5;
    start[j] = up[j] ? base : base + step;
  }
  const order = permutation(k, random);
  const levels = [start];
  let current = start;
  for (const j of order) {
    const next = [...current];
    next[j] = up[j] ? current[j] + step : current[j] - step;
    levels.push(next);
    current = next;
  }
  return levels.map((point) => point.map((level) => level / (p - 1)));
}
