import { SensitivityError } from './errors.js';
import { zFor } from './normal-quantile.js';
import { analysisRandom, resampleInto, sampleSd } from './random.js';
import { saltelliBlocks } from './saltelli-blocks.js';
import { firstOrder, pooledVariance, secondOrder, totalOrder } from './sobol-estimators.js';

/** An index with its bootstrap confidence interval (value ± conf, conf = z · bootstrap sd, as SALib reports). */
export interface IndexEstimate {
  value: number;
  /** Half-width of the interval (NaN without bootstrap resamples). */
  conf: number;
  low: number;
  high: number;
}

export interface SobolFactorIndices {
  name: string;
  /** First-order index: the share of output variance due to this factor alone. */
  S1: IndexEstimate;
  /** Total-order index: the share due to this factor including all its interactions. */
  ST: IndexEstimate;
}

export interface SobolPairIndex {
  a: string;
  b: string;
  /** Second-order index: the share due to the interaction of a and b only. */
  S2: IndexEstimate;
}

export interface SobolResult {
  baseSamples: number;
  confidence: number;
  resamples: number;
  factors: SobolFactorIndices[];
  /** Second-order indices, for designs drawn with secondOrder (else empty). */
  pairs: SobolPairIndex[];
  notes: string[];
}

/** What the analysis needs to know of the design (a SaltelliDesign fits). */
export interface SaltelliLayout {
  factors: ReadonlyArray<{ name: string }>;
  secondOrder?: boolean;
}

export interface SobolOptions {
  /** Bootstrap resamples for the intervals (default 1000; 0 for none). */
  resamples?: number;
  /** Confidence level of the intervals (default 0.95). */
  confidence?: number;
  /** Seed of the bootstrap (stream "sobol-bootstrap"; default 0). */
  seed?: number | string;
  /** Use only the first this many base samples (default all); see sobolConvergence. */
  baseSamples?: number;
}

/**
 * First-order and total-order Sobol indices (and second-order ones for a second-order design) of
 * one output, from a Saltelli design's outputs in row order, with the estimators and the bootstrap
 * of SALib's `sobol.analyze`: S1 after Saltelli et al. (2010), ST after Jansen (1999), intervals
 * value ± z · sd of the indices over resamples of the base samples.
 * @example sobolIndices(outputs, design).factors[0].S1.value // share of variance due to the first factor
 */
export function sobolIndices(y: ArrayLike<number>, layout: SaltelliLayout, options: SobolOptions = {}): SobolResult {
  const names = layout.factors.map((f) => f.name);
  const k = names.length;
  const second = layout.secondOrder === true;
  const resamples = options.resamples ?? 1000;
  const confidence = options.confidence ?? 0.95;
  if (!Number.isInteger(resamples) || resamples < 0)
    throw new SensitivityError(`resamples ${resamples}; allowed: a whole number ≥ 0`);
  const z = zFor(confidence);
  const blocks = saltelliBlocks(y, k, second, options.baseSamples);
  const { n, a, b, ab, ba } = blocks;

  const estimate = (idx: Int32Array, out: Float64Array) => {
    // out: S1 (k), ST (k), S2 (k(k−1)/2, pairs j < l in order)
    const v = pooledVariance(a, b, idx);
    for (let j = 0; j < k; j++) {
      out[j] = firstOrder(a, b, ab[j], idx, v);
      out[k + j] = totalOrder(a, ab[j], idx, v);
    }
    if (second) {
      let p = 2 * k;
      for (let j = 0; j < k; j++)
        for (let l = j + 1; l < k; l++) out[p++] = secondOrder(a, b, ba[j], ab[l], idx, v, out[j], out[l]);
    }
  };
  const width = 2 * k + (second ? (k * (k - 1)) / 2 : 0);
  const point = new Float64Array(width);
  const all = Int32Array.from({ length: n }, (_, i) => i);
  const notes: string[] = [];
  if (blocks.constant) notes.push('the output is constant: every index is 0');
  else estimate(all, point);

  const boot = Array.from({ length: width }, () => new Float64Array(resamples));
  if (!blocks.constant && resamples > 0) {
    const random = analysisRandom('sobol-bootstrap', options.seed ?? 0);
    const idx = new Int32Array(n);
    const out = new Float64Array(width);
    for (let r = 0; r < resamples; r++) {
      estimate(resampleInto(idx, n, random), out);
      for (let w = 0; w < width; w++) boot[w][r] = out[w];
    }
  }
  const withInterval = (w: number): IndexEstimate => {
    const value = point[w];
    const conf = blocks.constant ? 0 : resamples > 1 ? z * sampleSd(boot[w]) : Number.NaN;
    return { value, conf, low: value - conf, high: value + conf };
  };
  const factors = names.map((name, j) => ({ name, S1: withInterval(j), ST: withInterval(k + j) }));
  const pairs: SobolPairIndex[] = [];
  if (second) {
    let p = 2 * k;
    for (let j = 0; j < k; j++)
      for (let l = j + 1; l < k; l++) pairs.push({ a: names[j], b: names[l], S2: withInterval(p++) });
  }
  return { baseSamples: n, confidence, resamples, factors, pairs, notes };
}
