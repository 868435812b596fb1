import { SensitivityError } from './errors.js';
import { zFor } from './normal-quantile.js';
import { analysisRandom, resampleInto, sampleSd } from './random.js';

/** What the analysis needs of the design (a MorrisDesign fits): factors and unit coordinates in trajectory order. */
export interface MorrisLayout {
  factors: ReadonlyArray<{ name: string }>;
  unit: ReadonlyArray<ArrayLike<number>>;
}

export interface MorrisFactorEffects {
  name: string;
  /** Mean elementary effect (signed; effects of opposite sign cancel). */
  mu: number;
  /** Mean absolute elementary effect (Campolongo et al. 2007): the screening measure of importance. */
  muStar: number;
  /** Standard deviation of the elementary effects: non-linearity or interactions. */
  sigma: number;
  /** Bootstrap interval of μ*: muStar ± muStarConf (z · sd of μ* over resamples, as SALib reports). */
  muStarConf: number;
  muStarLow: number;
  muStarHigh: number;
  /** Elementary effects used (trajectories with a missing output leave some out). */
  effects: number;
  /** 1 for the largest μ*. */
  rank: number;
}

export interface MorrisOptions {
  /** Bootstrap resamples for the μ* interval (default 1000). */
  resamples?: number;
  /** Confidence level (default 0.95). */
  confidence?: number;
  /** Seed of the bootstrap (stream "morris-bootstrap"; default 0). */
  seed?: number | string;
}

/**
 * Morris elementary effects per factor from the outputs of a Morris design in row order (r blocks
 * of k+1 rows). Each step of a trajectory changes one factor by ±Δ in the unit cube; its
 * elementary effect is (f(after) − f(before)) / (u_after − u_before), in output units per whole
 * range of the factor. Returns μ, μ* and σ (n − 1) per factor as SALib's `morris.analyze`, with a
 * bootstrap interval of μ*. Steps with a non-finite output are left out and counted.
 * @example morrisEffects(design, outputs).sort((a, b) => a.rank - b.rank)[0].name // the most influential factor
 */
export function morrisEffects(
  layout: MorrisLayout,
  y: ArrayLike<number>,
  options: MorrisOptions = {},
): MorrisFactorEffects[] {
  const names = layout.factors.map((f) => f.name);
  const k = names.length;
  const unit = layout.unit;
  if (y.length !== unit.length) throw new SensitivityError(`${y.length} outputs for ${unit.length} design rows`);
  if (unit.length % (k + 1) !== 0)
    throw new SensitivityError(`${unit.length} rows are not whole trajectories of ${k + 1} rows (${k} factors)`);
  const effects: number[][] = names.map(() => []);
  for (let t = 0; t < unit.length; t += k + 1) {
    for (let s = 0; s < k; s++) {
      const before = unit[t + s];
      const after = unit[t + s + 1];
      let changed = -1;
      for (let j = 0; j < k; j++) {
        if (after[j] !== before[j]) {
          if (changed >= 0)
            throw new SensitivityError(
              `rows ${t + s} and ${t + s + 1} differ in more than one factor: not a Morris trajectory`,
            );
          changed = j;
        }
      }
      if (changed < 0) throw new SensitivityError(`rows ${t + s} and ${t + s + 1} are equal: not a Morris trajectory`);
      const ee = (y[t + s + 1] - y[t + s]) / (after[changed] - before[changed]);
      if (Number.isFinite(ee)) effects[changed].push(ee);
    }
  }
  const resamples = options.resamples ?? 1000;
  const z = zFor(options.confidence ?? 0.95);
  const random = analysisRandom('morris-bootstrap', options.seed ?? 0);
  const out = names.map((name, j) => {
    const ee = effects[j];
    const n = ee.length;
    const mu = n > 0 ? ee.reduce((s, x) => s + x, 0) / n : Number.NaN;
    const abs = ee.map(Math.abs);
    const muStar = n > 0 ? abs.reduce((s, x) => s + x, 0) / n : Number.NaN;
    const boot = new Float64Array(resamples);
    if (n > 0) {
      const idx = new Int32Array(n);
      for (let r = 0; r < resamples; r++) {
        resampleInto(idx, n, random);
        let s = 0;
        for (let i = 0; i < n; i++) s += abs[idx[i]];
        boot[r] = s / n;
      }
    }
    const muStarConf = n > 0 && resamples > 1 ? z * sampleSd(boot) : Number.NaN;
    return {
      name,
      mu,
      muStar,
      sigma: sampleSd(ee),
      muStarConf,
      muStarLow: muStar - muStarConf,
      muStarHigh: muStar + muStarConf,
      effects: n,
      rank: 0,
    };
  });
  const order = out.map((_, j) => j).sort((p, q) => (out[q].muStar || 0) - (out[p].muStar || 0) || p - q);
  order.forEach((j, position) => {
    out[j].rank = position + 1;
  });
  return out;
}
