/**
 * The stated distance between a particle's simulated patterns and their target bands:
 *
 *   d = sqrt( (1/P) Σₚ δₚ² ),  δₚ = 0 inside [loₚ, hiₚ], (loₚ − vₚ)/(hiₚ − loₚ) below, (vₚ − hiₚ)/(hiₚ − loₚ) above,
 *
 * where vₚ is pattern p's per-run value aggregated (mean or median) over the particle's runs. A
 * pattern whose value cannot be computed (every run failed, a division by zero) makes d infinite.
 */
import type { Aggregate } from './calibration-schema.js';

/**
 * The standardised deviation of a value from a band: 0 inside, distance to the nearest edge in band widths outside.
 * @example bandDeviation(0.9, 0, 0.5) // 0.8
 */
export function bandDeviation(v: number, lo: number, hi: number): number {
  if (!Number.isFinite(v)) return Number.POSITIVE_INFINITY;
  const width = hi - lo;
  return v < lo ? (lo - v) / width : v > hi ? (v - hi) / width : 0;
}

/** The root mean square of the deviations. */
export function bandDistance(values: readonly number[], bands: ReadonlyArray<{ lo: number; hi: number }>): number {
  let s = 0;
  for (let p = 0; p < bands.length; p++) s += bandDeviation(values[p], bands[p].lo, bands[p].hi) ** 2;
  return Math.sqrt(s / bands.length);
}

/** Mean or median of the finite values (NaN when there are none). */
export function aggregateValues(values: readonly number[], how: Aggregate): number {
  const v = values.filter(Number.isFinite);
  if (v.length === 0) return Number.NaN;
  if (how === 'mean') return v.reduce((a, b) => a + b, 0) / v.length;
  const s = [...v].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
