import { Z975 } from './z975.js';

/** A share with its 95% Wilson score interval. */
export interface Proportion {
  n: number;
  successes: number;
  share: number;
  ciLow: number;
  ciHigh: number;
}

/**
 * The Wilson score interval for a proportion: unlike the normal approximation it stays within
 * [0, 1] and behaves at shares of 0 or 1 and small n (e.g. "the pool survives" in 20 runs).
 * @example wilson(0, 20).ciHigh // 0.161
 */
export function wilson(successes: number, n: number): Proportion {
  if (n === 0) return { n, successes, share: Number.NaN, ciLow: Number.NaN, ciHigh: Number.NaN };
  const z = Z975;
  const p = successes / n;
  const denominator = 1 + (z * z) / n;
  const centre = (p + (z * z) / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / denominator;
  return { n, successes, share: p, ciLow: Math.max(0, centre - half), ciHigh: Math.min(1, centre + half) };
}
