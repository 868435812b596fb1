import type { DesignRow, Factor } from './factors.js';

/** The sampling methods. */
export type DesignMethod = 'full-factorial' | 'latin-hypercube' | 'sobol' | 'saltelli' | 'morris' | 'posterior';

/**
 * A sample of the factors: plain data (it crosses to worker threads and is written to the
 * output folder), reproducible from `seed`. `unit` holds the coordinates in the unit cube that
 * the rows were mapped from; the sensitivity analyses work on them.
 */
export interface Design {
  method: DesignMethod;
  factors: Factor[];
  /** The seed the design was drawn from (null for designs without randomness). */
  seed: number | string | null;
  /** Unit-cube coordinates: one array per row, one entry per factor, in factor order. */
  unit: number[][];
  /** Factor values per row (integers whole, choices as their values). */
  rows: DesignRow[];
  /** Remarks on the design, e.g. a sample size that is not a power of two. */
  notes: string[];
}

/**
 * A Saltelli cross-sample: per base sample, the rows A, AB_1..AB_k, (BA_1..BA_k), B, so
 * N·(k+2) rows, or N·(2k+2) with second order.
 */
export interface SaltelliDesign extends Design {
  method: 'saltelli';
  baseSamples: number;
  secondOrder: boolean;
}

/** Morris trajectories: `trajectories` blocks of k+1 rows, each step moving one factor by ±delta. */
export interface MorrisDesign extends Design {
  method: 'morris';
  trajectories: number;
  levels: number;
  delta: number;
}

/**
 * True for a positive whole power of two.
 * @example isPowerOfTwo(1024) // true
 */
export function isPowerOfTwo(n: number): boolean {
  return Number.isInteger(n) && n > 0 && (n & (n - 1)) === 0;
}
