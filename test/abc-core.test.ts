/**
 * The ABC population Monte Carlo core (reports/abc/pmc.ts) on a model whose posterior is known: a
 * normal mean μ with known variance σ² and a conjugate normal prior N(m₀, τ²). With n observations
 * of mean x̄ the posterior is normal with precision 1/τ² + n/σ² and mean (m₀/τ² + n x̄/σ²) / precision;
 * the sample mean is sufficient, so ABC on |x̄_sim − x̄| converges to it as ε → 0.
 */
import { describe, expect, it } from 'vitest';
import { type AbcModel, type Generation, quantile7, runPmc } from '../reports/abc/pmc.js';
import { abcRandom } from '../reports/abc/random.js';

const n = 10;
const sigma = 1;
const xbar = 0.8;
const m0 = 0;
const tau = 1;
const precision = 1 / tau ** 2 + n / sigma ** 2;
const postMean = (m0 / tau ** 2 + (n * xbar) / sigma ** 2) / precision;
const postSd = Math.sqrt(1 / precision);

const model: AbcModel = {
  parameters: [{ name: 'mu', prior: { kind: 'normal', mean: m0, sd: tau } }],
  async simulate(thetas, batch) {
    const rng = abcRandom(99, `sim:${batch.generation}:${batch.batch}`);
    return thetas.map(([mu]) => {
      const mean = mu + (sigma / Math.sqrt(n)) * rng.normal();
      return { distance: Math.abs(mean - xbar), stats: [mean] };
    });
  },
};

const options = {
  particles: 800,
  generations: 8,
  quantile: 0.5,
  seed: 5,
  minAcceptance: 0,
  minEpsilon: 0,
  maxSimulations: 200_000,
};

function moments(g: Generation): { mean: number; sd: number } {
  const mean = g.particles.reduce((a, p) => a + p.weight * p.theta[0], 0);
  const v = g.particles.reduce((a, p) => a + p.weight * (p.theta[0] - mean) ** 2, 0);
  return { mean, sd: Math.sqrt(v) };
}

describe('ABC-PMC core', () => {
  it('recovers the conjugate normal posterior (mean and sd)', async () => {
    const r = await runPmc(model, options);
    expect(r.generations).toHaveLength(8);
    const last = r.generations[7];
    const { mean, sd } = moments(last);
    expect(Math.abs(mean - postMean)).toBeLessThan(0.05);
    expect(Math.abs(sd / postSd - 1)).toBeLessThan(0.15);
    // Tolerances fall, weights sum to 1, the effective sample size is reported.
    const eps = r.generations.map((g) => g.epsilon);
    for (let t = 2; t < eps.length; t++) expect(eps[t]).toBeLessThanOrEqual(eps[t - 1]);
    expect(last.particles.reduce((a, p) => a + p.weight, 0)).toBeCloseTo(1, 10);
    expect(last.ess).toBeGreaterThan(100);
    expect(last.ess).toBeLessThanOrEqual(800 + 1e-9);
  });

  it('resumed from finished generations gives the same result', async () => {
    const small = { ...options, particles: 100, generations: 4 };
    const whole = await runPmc(model, small);
    const resumed = await runPmc(model, small, { done: whole.generations.slice(0, 2) });
    expect(JSON.stringify(resumed.generations)).toBe(JSON.stringify(whole.generations));
  });

  it('stops on the acceptance rate and on the tolerance', async () => {
    const r = await runPmc(model, { ...options, particles: 100, generations: 30, minAcceptance: 0.2 });
    expect(r.stop).toBe('acceptance');
    expect(r.generations[r.generations.length - 1].acceptanceRate).toBeLessThan(0.2);
    expect(quantile7([1, 2, 3, 4], 0.5)).toBe(2.5);
  });
});
