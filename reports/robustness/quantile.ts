/**
 * Quantiles by linear interpolation between order statistics (Hyndman & Fan type 7, the default of
 * R's quantile() and numpy.percentile), so the robustness tables match what a researcher gets from
 * runs.csv in R or pandas.
 * @example quantile([1, 2, 3, 4], 0.9) // 3.7
 */
export function quantile(values: readonly number[], p: number): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  return quantileSorted(sorted, p);
}

/** The same on finite values already sorted ascending; NaN for none. */
export function quantileSorted(sorted: readonly number[], p: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}
