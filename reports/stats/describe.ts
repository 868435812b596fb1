import { mean, quantileSorted, sampleStandardDeviation } from 'simple-statistics';
import { tQuantile975 } from './t-quantile.js';

/** Distribution of one metric over the runs of one scenario (non-finite values are left out and counted). */
export interface Description {
  n: number;
  missing: number;
  mean: number;
  sd: number;
  median: number;
  q05: number;
  q25: number;
  q75: number;
  q95: number;
  /** 95% confidence interval of the mean (Student t). */
  ciLow: number;
  ciHigh: number;
}

/**
 * Mean, spread, quantiles and a 95% confidence interval of the mean.
 * @example describe([1, 2, 3, 4]).mean // 2.5
 */
export function describe(values: readonly number[]): Description {
  const finite = values.filter(Number.isFinite);
  const n = finite.length;
  const nan = Number.NaN;
  if (n === 0)
    return {
      n,
      missing: values.length,
      mean: nan,
      sd: nan,
      median: nan,
      q05: nan,
      q25: nan,
      q75: nan,
      q95: nan,
      ciLow: nan,
      ciHigh: nan,
    };
  const sorted = [...finite].sort((a, b) => a - b);
  const m = mean(sorted);
  const sd = n > 1 ? sampleStandardDeviation(sorted) : nan;
  const half = n > 1 ? (tQuantile975(n - 1) * sd) / Math.sqrt(n) : nan;
  return {
    n,
    missing: values.length - n,
    mean: m,
    sd,
    median: quantileSorted(sorted, 0.5),
    q05: quantileSorted(sorted, 0.05),
    q25: quantileSorted(sorted, 0.25),
    q75: quantileSorted(sorted, 0.75),
    q95: quantileSorted(sorted, 0.95),
    ciLow: m - half,
    ciHigh: m + half,
  };
}
