/**
 * One outcome of a variant against its baseline on shared seeds: the paired difference with a 95%
 * interval. 0/1 outcomes (a pool survives or not) get the paired difference of shares with
 * Newcombe's interval; everything else the mean paired difference with a t-interval.
 */
import { mean } from 'simple-statistics';
import { pairedDifference } from '../stats/paired-difference.js';
import { pairedShareDifference } from '../stats/paired-share.js';

export interface Contrast {
  /** 't': mean paired difference, t-interval; 'share': difference of shares, Newcombe interval. */
  method: 't' | 'share';
  /** Seeds where both runs have a value. */
  pairs: number;
  baselineMean: number;
  variantMean: number;
  /** Variant − baseline. */
  mean: number;
  ciLow: number;
  ciHigh: number;
  /** The 95% interval excludes 0. */
  distinguishable: boolean;
  /** Every seed gave exactly the same value in both runs: the change did not touch this outcome. */
  identical: boolean;
}

const isBinary = (values: readonly number[]) => values.every((v) => v === 0 || v === 1);

/** `baseline[i]` and `variant[i]` are the runs of seed i. */
export function compare(baseline: readonly number[], variant: readonly number[]): Contrast {
  const b: number[] = [];
  const v: number[] = [];
  let identical = baseline.length === variant.length;
  for (let i = 0; i < Math.min(baseline.length, variant.length); i++) {
    if (!Object.is(baseline[i], variant[i])) identical = false;
    if (Number.isFinite(baseline[i]) && Number.isFinite(variant[i])) {
      b.push(baseline[i]);
      v.push(variant[i]);
    }
  }
  const means = { baselineMean: b.length ? mean(b) : Number.NaN, variantMean: v.length ? mean(v) : Number.NaN };
  if (b.length > 0 && isBinary(b) && isBinary(v)) {
    const s = pairedShareDifference(b, v);
    return { method: 'share', pairs: s.pairs, ...means, ...pick(s), identical };
  }
  const d = pairedDifference(new Map(b.entries()), new Map(v.entries()));
  return { method: 't', pairs: d.pairs, ...means, ...pick(d), identical };
}

const pick = (x: { mean: number; ciLow: number; ciHigh: number; distinguishable: boolean }) => ({
  mean: x.mean,
  ciLow: x.ciLow,
  ciHigh: x.ciHigh,
  distinguishable: x.distinguishable,
});
