import { describe } from './describe.js';

/** One point of a time-series band. */
export interface BandPoint {
  month: number;
  mean: number;
  ciLow: number;
  ciHigh: number;
  q05: number;
  q95: number;
  n: number;
}

/**
 * Mean with its 95% interval and the 5-95% quantile band, per month, over the runs of a scenario.
 * `runs` holds one series per run (the same months in each).
 * @example band([[0, 1], [2, 3]], [0, 1])[1].mean // 2
 */
export function band(runs: ReadonlyArray<ArrayLike<number>>, months: readonly number[]): BandPoint[] {
  return months.map((month, k) => {
    const d = describe(runs.map((r) => r[k]));
    return { month, mean: d.mean, ciLow: d.ciLow, ciHigh: d.ciHigh, q05: d.q05, q95: d.q95, n: d.n };
  });
}
