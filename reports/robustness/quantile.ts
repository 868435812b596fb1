import { quantileSorted } from 'simple-statistics';

/**
 * Quantiles by linear interpolation between order statistics (Hyndman & Fan type 7, the default of
 * R's quantile() and numpy.percentile), so the robustness tables match what a researcher gets from
 * runs.csv in R or pandas. simple-statistics' quantileSorted is type 7 from 7.12 on (package.json
 * asks for ^7.12.1); this adds what it lacks: non-finite values left out, NaN for none.
 * @example quantile([1, 2, 3, 4], 0.9) // 3.7
 */
export function quantile(values: readonly number[], p: number): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  return sorted.length ? quantileSorted(sorted, p) : Number.NaN;
}
