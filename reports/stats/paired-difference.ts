import { describe } from './describe.js';

/** A scenario's difference from the baseline, run by run on shared seeds. */
export interface PairedDifference {
  pairs: number;
  mean: number;
  sd: number;
  ciLow: number;
  ciHigh: number;
  /** False when the 95% interval contains zero: the difference is not distinguishable from noise. */
  distinguishable: boolean;
}

/**
 * Paired differences scenario − baseline per replicate (the runs share their seed, so the noise
 * common to both cancels), with a 95% t-interval of the mean difference.
 * Pairs where either value is missing are dropped.
 * @example pairedDifference(new Map([[0, 1], [1, 2]]), new Map([[0, 2], [1, 4]])).mean // 1.5
 */
export function pairedDifference(
  baseline: ReadonlyMap<number, number>,
  scenario: ReadonlyMap<number, number>,
): PairedDifference {
  const diffs: number[] = [];
  for (const [replicate, b] of baseline) {
    const s = scenario.get(replicate);
    if (s !== undefined && Number.isFinite(s) && Number.isFinite(b)) diffs.push(s - b);
  }
  const d = describe(diffs);
  const distinguishable = Number.isFinite(d.ciLow) && (d.ciLow > 0 || d.ciHigh < 0);
  return { pairs: d.n, mean: d.mean, sd: d.sd, ciLow: d.ciLow, ciHigh: d.ciHigh, distinguishable };
}
