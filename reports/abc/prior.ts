/** Priors of the ABC parameters: uniform on a range, or normal (optionally truncated to a range). */
import type { AbcRandom } from './random.js';

export type Prior =
  | { kind: 'uniform'; lower: number; upper: number }
  | { kind: 'normal'; mean: number; sd: number; lower?: number; upper?: number };

export interface AbcParameter {
  name: string;
  prior: Prior;
  /** Whole numbers only: proposals are rounded. */
  integer?: boolean;
}

const lowerOf = (p: Prior) => p.lower ?? Number.NEGATIVE_INFINITY;
const upperOf = (p: Prior) => p.upper ?? Number.POSITIVE_INFINITY;

/** True when x lies in the prior's support. */
export function inSupport(p: Prior, x: number): boolean {
  return Number.isFinite(x) && x >= lowerOf(p) && x <= upperOf(p);
}

/** The log prior density of a parameter vector up to a constant (−Infinity outside the support). */
export function logPrior(params: readonly AbcParameter[], theta: readonly number[]): number {
  let s = 0;
  for (let k = 0; k < params.length; k++) {
    const p = params[k].prior;
    if (!inSupport(p, theta[k])) return Number.NEGATIVE_INFINITY;
    if (p.kind === 'normal') s -= 0.5 * ((theta[k] - p.mean) / p.sd) ** 2;
  }
  return s;
}

/** Rounds whole-number parameters. */
export function roundTheta(params: readonly AbcParameter[], theta: number[]): number[] {
  for (let k = 0; k < params.length; k++) if (params[k].integer) theta[k] = Math.round(theta[k]);
  return theta;
}

/** One draw from the prior (a truncated normal by rejection: fine for the ranges used here). */
export function samplePrior(params: readonly AbcParameter[], rng: AbcRandom): number[] {
  const theta = params.map(({ prior: p }) => {
    if (p.kind === 'uniform') return p.lower + (p.upper - p.lower) * rng.uniform();
    for (let tries = 0; tries < 10_000; tries++) {
      const x = p.mean + p.sd * rng.normal();
      if (inSupport(p, x)) return x;
    }
    throw new Error('abc: the truncated normal prior has almost no mass inside its range');
  });
  return roundTheta(params, theta);
}

/** A scale of the prior per parameter (range, or 4 sd), for a kernel floor when particles coincide. */
export function priorScale(p: Prior): number {
  if (p.kind === 'uniform') return p.upper - p.lower;
  const range = upperOf(p) - lowerOf(p);
  return Math.min(4 * p.sd, Number.isFinite(range) ? range : Number.POSITIVE_INFINITY);
}
