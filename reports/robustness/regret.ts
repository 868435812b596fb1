/**
 * Regret (Savage's minimax regret, as in EMA Workbench's robustness metrics): in each future, how
 * far a policy falls short of the best policy of that future on one outcome, in the outcome's
 * direction and units; summarised per policy as the maximum and the 90th percentile over futures.
 * A future where some policy has no value (NaN) is left out, because the best cannot be known there.
 * @example
 * // two policies, three futures, maximise: best per future is 3, 5, 4
 * regret([[1, 5, 4], [3, 2, 4]], 'maximise').max // [2, 3]
 */
import { quantile } from './quantile.js';

export type Direction = 'maximise' | 'minimise';

export interface RegretSummary {
  /** regrets[p][f]: policy p's regret in future f (NaN in a future left out). */
  regrets: Float64Array[];
  /** Futures with a value for every policy. */
  futures: number;
  /** Futures left out (some policy without a value). */
  leftOut: number;
  /** Per policy: the largest regret, its 90th percentile (type 7) and mean over the futures. */
  max: number[];
  p90: number[];
  mean: number[];
  /** Per policy: share of the futures in which it is (one of) the best (regret 0). */
  bestShare: number[];
}

/**
 * Regret of each policy in each future; values[p][f] is policy p's outcome in future f (the mean
 * over replicates). All rows must have the same length.
 */
export function regret(values: ReadonlyArray<ArrayLike<number>>, direction: Direction): RegretSummary {
  const policies = values.length;
  const n = policies ? values[0].length : 0;
  const regrets = values.map(() => new Float64Array(n).fill(Number.NaN));
  let futures = 0;
  for (let f = 0; f < n; f++) {
    let best = direction === 'maximise' ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
    let complete = true;
    for (let p = 0; p < policies; p++) {
      const v = values[p][f];
      if (!Number.isFinite(v)) complete = false;
      else best = direction === 'maximise' ? Math.max(best, v) : Math.min(best, v);
    }
    if (!complete) continue;
    futures++;
    for (let p = 0; p < policies; p++) regrets[p][f] = Math.abs(best - values[p][f]);
  }
  const finite = regrets.map((r) => [...r].filter(Number.isFinite));
  const nan = Number.NaN;
  return {
    regrets,
    futures,
    leftOut: n - futures,
    max: finite.map((r) => (r.length ? Math.max(...r) : nan)),
    p90: finite.map((r) => quantile(r, 0.9)),
    mean: finite.map((r) => (r.length ? r.reduce((s, v) => s + v, 0) / r.length : nan)),
    bestShare: finite.map((r) => (r.length ? r.filter((v) => v === 0).length / r.length : nan)),
  };
}
