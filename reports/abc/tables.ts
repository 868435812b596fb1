/**
 * The tables of a calibration's output folder: posterior.csv (the last generation's particles with
 * weights), generations.csv (tolerance, acceptance and effective sample size per generation) and
 * fit.csv (each pattern's simulated value under the posterior and under the prior, against its band).
 */
import { formatExact } from '../../workers/format.js';
import type { TargetPattern } from './calibration-file.js';
import type { Generation, Particle } from './pmc.js';

/** A number as the batch files write it (NA, Inf, -Inf for the non-finite). */
const cell = formatExact;

/** Weighted quantile (the smallest value whose cumulative weight reaches q). */
export function weightedQuantile(values: readonly number[], weights: readonly number[], q: number): number {
  const idx = values.map((_, i) => i).filter((i) => Number.isFinite(values[i]) && weights[i] > 0);
  if (idx.length === 0) return Number.NaN;
  idx.sort((a, b) => values[a] - values[b]);
  const total = idx.reduce((s, i) => s + weights[i], 0);
  let acc = 0;
  for (const i of idx) {
    acc += weights[i];
    if (acc >= q * total - 1e-12) return values[i];
  }
  return values[idx[idx.length - 1]];
}

export function posteriorCsv(names: readonly string[], patterns: readonly TargetPattern[], g: Generation): string {
  const head = ['particle', ...names, 'weight', 'distance', ...patterns.map((p) => `pattern:${p.name}`)];
  const rows = g.particles.map((p, i) => [String(i), ...p.theta.map(cell), cell(p.weight), cell(p.distance), ...p.stats.map(cell)]);
  return `${[head, ...rows].map((r) => r.join(',')).join('\n')}\n`;
}

export function generationsCsv(gens: readonly Generation[]): string {
  const head = 'generation,epsilon,particles,simulations,acceptance_rate,ess';
  const rows = gens.map((g) =>
    [g.index, cell(g.epsilon), g.particles.length, g.simulations, cell(g.acceptanceRate), cell(g.ess)].join(','),
  );
  return `${[head, ...rows].join('\n')}\n`;
}

export interface ParameterSummary {
  name: string;
  lower: number;
  upper: number;
  mean: number;
  q05: number;
  q50: number;
  q95: number;
}

export function parameterSummaries(
  params: ReadonlyArray<{ name: string; prior: { kind: string; lower?: number; upper?: number } }>,
  g: Generation,
): ParameterSummary[] {
  const w = g.particles.map((p) => p.weight);
  return params.map((p, k) => {
    const v = g.particles.map((q) => q.theta[k]);
    return {
      name: p.name,
      lower: p.prior.lower ?? Number.NaN,
      upper: p.prior.upper ?? Number.NaN,
      mean: v.reduce((a, x, i) => a + x * w[i], 0) / w.reduce((a, b) => a + b, 0),
      q05: weightedQuantile(v, w, 0.05),
      q50: weightedQuantile(v, w, 0.5),
      q95: weightedQuantile(v, w, 0.95),
    };
  });
}

export interface PatternFit {
  name: string;
  lo: number;
  hi: number;
  q05: number;
  q50: number;
  q95: number;
  /** Weighted share of particles with the pattern inside its band. */
  inBand: number;
  /** The same in generation 0 (draws from the prior). */
  priorInBand: number;
}

function inBandShare(ps: readonly Particle[], k: number, lo: number, hi: number): number {
  const total = ps.reduce((a, p) => a + p.weight, 0);
  return ps.reduce((a, p) => a + (p.stats[k] >= lo && p.stats[k] <= hi ? p.weight : 0), 0) / total;
}

export function patternFits(patterns: readonly TargetPattern[], prior: Generation, post: Generation): PatternFit[] {
  const w = post.particles.map((p) => p.weight);
  return patterns.map((p, k) => {
    const v = post.particles.map((q) => q.stats[k]);
    return {
      name: p.name,
      lo: p.lo,
      hi: p.hi,
      q05: weightedQuantile(v, w, 0.05),
      q50: weightedQuantile(v, w, 0.5),
      q95: weightedQuantile(v, w, 0.95),
      inBand: inBandShare(post.particles, k, p.lo, p.hi),
      priorInBand: inBandShare(prior.particles, k, p.lo, p.hi),
    };
  });
}

export function fitCsv(fits: readonly PatternFit[]): string {
  const head = 'pattern,band_low,band_high,posterior_q05,posterior_median,posterior_q95,posterior_in_band,prior_in_band';
  const rows = fits.map((f) => [f.name, f.lo, f.hi, f.q05, f.q50, f.q95, f.inBand, f.priorInBand].map((x) => (typeof x === 'number' ? cell(x) : x)).join(','));
  return `${[head, ...rows].join('\n')}\n`;
}

export function parametersCsv(s: readonly ParameterSummary[]): string {
  const head = 'parameter,prior_low,prior_high,posterior_mean,posterior_q05,posterior_median,posterior_q95';
  return `${[head, ...s.map((p) => [p.name, p.lower, p.upper, p.mean, p.q05, p.q50, p.q95].map((x) => (typeof x === 'number' ? cell(x) : x)).join(','))].join('\n')}\n`;
}
