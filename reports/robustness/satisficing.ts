/**
 * Satisficing (Simon; the domain criterion of robust decision making): the share of futures in
 * which a policy meets a declared threshold, per outcome and for all thresholds jointly, with a 95%
 * Wilson interval that treats the futures as a sample of the uncertainty space. A future without a
 * value of an outcome (NaN) does not meet its threshold.
 * @example
 * satisficing([[[0.7, 0.5]], [[0.2, 0.9]]], [{ atLeast: 0.6 }]) // policy 0 meets it in 1 of 2 futures
 */
import { meetsSatisfice, type Satisfice } from '../../scenarios/outcomes.js';
import { type Proportion, wilson } from '../stats/wilson.js';

export interface SatisficingShares {
  /** perOutcome[p][k]: policy p against threshold k. */
  perOutcome: Proportion[][];
  /** joint[p]: policy p meets every threshold. */
  joint: Proportion[];
}

/**
 * values[p][k][f]: policy p's value of thresholded outcome k in future f; thresholds[k] its
 * threshold. Every policy has the same futures.
 */
export function satisficing(
  values: ReadonlyArray<ReadonlyArray<ArrayLike<number>>>,
  thresholds: readonly Satisfice[],
): SatisficingShares {
  const perOutcome: Proportion[][] = [];
  const joint: Proportion[] = [];
  for (const policy of values) {
    const n = policy.length ? policy[0].length : 0;
    const all = new Array<boolean>(n).fill(true);
    perOutcome.push(
      thresholds.map((t, k) => {
        let met = 0;
        for (let f = 0; f < n; f++) {
          const ok = meetsSatisfice(t, policy[k][f]);
          if (ok) met++;
          else all[f] = false;
        }
        return wilson(met, n);
      }),
    );
    joint.push(wilson(all.filter(Boolean).length, n));
  }
  return { perOutcome, joint };
}
