/**
 * Kish's effective sample size of importance weights, (Σw)² / Σw²: how many equally weighted
 * draws the weighted sample is worth. The ABC calibration reports it per generation
 * (reports/abc/pmc.ts) and the posterior design per resample (posterior.ts).
 * @example effectiveSampleSize([1, 1, 1, 1]) // 4
 * @example effectiveSampleSize([1, 0, 0, 0]) // 1
 */
export function effectiveSampleSize(weights: readonly number[]): number {
  const total = weights.reduce((a, b) => a + b, 0);
  return total ** 2 / weights.reduce((a, w) => a + w * w, 0);
}
