/**
 * ABC population Monte Carlo (Beaumont, Cornuet, Marin & Robert 2009; Toni et al. 2009) with
 * adaptive tolerances, generic over a model that turns parameter vectors into distances:
 *
 * - generation 0 draws `particles` parameter vectors from the prior and accepts them all (ε₀ = ∞);
 * - generation t sets εₜ to the `quantile` (type 7) of generation t−1's accepted distances, then
 *   proposes θ* by drawing a particle of t−1 with its weight and perturbing it with a Gaussian of
 *   twice the weighted covariance of generation t−1 (redrawn while outside the prior's support,
 *   whole-number parameters rounded), simulates proposals in batches, and accepts those with
 *   distance ≤ εₜ, in proposal order, until it holds `particles`;
 * - the importance weight of an accepted θ is π(θ) / Σⱼ wⱼ K(θ − θⱼ), normalised to sum to 1;
 * - it stops after `generations`, when a generation's acceptance rate falls below
 *   `minAcceptance`, when εₜ ≤ `minEpsilon`, or when a generation would need more than
 *   `maxSimulations` simulations (that generation is then not kept).
 *
 * Every random draw comes from a stream named by the seed, the generation and the purpose, so the
 * result depends on the seed only, and a run resumed from its finished generations continues as
 * the uninterrupted run would have.
 */
import { quantileSorted } from 'simple-statistics';
import { effectiveSampleSize } from '../../scenarios/designs/effective-sample-size.js';
import { cholesky, gaussianKernel, type Kernel, weightedMoments } from './linalg.js';
import { type AbcParameter, inSupport, logPrior, priorScale, roundTheta, samplePrior } from './prior.js';
import { type AbcRandom, abcRandom } from './random.js';

export interface Particle {
  theta: number[];
  weight: number;
  distance: number;
  /** What the model reports beside the distance (e.g. the simulated pattern values). */
  stats: number[];
}

export interface Generation {
  index: number;
  /** Tolerance of this generation (Infinity for generation 0). */
  epsilon: number;
  particles: Particle[];
  /** Simulations run in this generation (all batches). */
  simulations: number;
  /** Accepted / proposals up to the last accepted one. */
  acceptanceRate: number;
  /** Effective sample size 1 / Σ w². */
  ess: number;
}

export interface SimulationResult {
  distance: number;
  stats: number[];
}

export interface AbcModel {
  parameters: readonly AbcParameter[];
  /** Simulates each parameter vector; deterministic given the batch's generation and number. */
  simulate(thetas: number[][], batch: { generation: number; batch: number }): Promise<SimulationResult[]>;
}

export interface PmcOptions {
  particles: number;
  generations: number;
  quantile: number;
  seed: number;
  minAcceptance: number;
  minEpsilon: number;
  maxSimulations: number;
}

export interface PmcHooks {
  /** Generations already finished (resume): the run continues after the last. */
  done?: Generation[];
  onGeneration?(g: Generation): void | Promise<void>;
  onBatch?(info: { generation: number; batch: number; size: number; accepted: number; epsilon: number }): void;
}

export type StopReason = 'generations' | 'acceptance' | 'epsilon' | 'simulations';

export interface PmcResult {
  generations: Generation[];
  stop: StopReason;
}

/**
 * The type-7 quantile of values (as R's default): simple-statistics' quantileSorted, which also
 * keeps an infinite distance above the quantile from turning a whole-index quantile into NaN.
 * @example quantile7([1, 2, 3, 4], 0.5) // 2.5
 */
export function quantile7(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  return quantileSorted(
    [...values].sort((a, b) => a - b),
    q,
  );
}

/** The perturbation kernel: N(0, 2Σ) with Σ the weighted covariance, floored so it never collapses. */
export function perturbationKernel(prev: Generation, params: readonly AbcParameter[]): Kernel {
  const { cov } = weightedMoments(
    prev.particles.map((p) => p.theta),
    prev.particles.map((p) => p.weight),
  );
  const d = params.length;
  const floor = params.map((p) => (priorScale(p.prior) * 1e-3) ** 2);
  const twice = cov.map((row, a) => row.map((v, b) => 2 * v + (a === b ? floor[a] : 0)));
  let chol = cholesky(twice);
  // Not positive definite (coinciding or collinear particles): the per-parameter variances.
  if (!chol) chol = cholesky(twice.map((row, a) => row.map((v, b) => (a === b ? v : 0))));
  if (!chol)
    chol = Array.from({ length: d }, (_, a) =>
      Array.from({ length: d }, (_, b) => (a === b ? Math.sqrt(floor[a]) : 0)),
    );
  return gaussianKernel(chol);
}

/** Proposals drawn before a generation gives up on finding one inside the prior's support. */
const MAX_PROPOSAL_TRIES = 100_000;
/** A batch of proposals is sized for the acceptance rate seen so far, taken as at least this. */
const MIN_PLANNED_ACCEPTANCE = 0.02;
/** Extra proposals per batch, so one batch usually fills the generation. */
const BATCH_MARGIN = 1.1;

function propose(prev: Generation, params: readonly AbcParameter[], kernel: Kernel, rng: AbcRandom): number[] {
  const weights = prev.particles.map((p) => p.weight);
  for (let tries = 0; tries < MAX_PROPOSAL_TRIES; tries++) {
    const base = prev.particles[rng.choose(weights)].theta;
    const z = params.map(() => rng.normal());
    const theta = base.map((b, i) => {
      let s = b;
      for (let k = 0; k <= i; k++) s += kernel.chol[i][k] * z[k];
      return s;
    });
    roundTheta(params, theta);
    if (params.every((p, k) => inSupport(p.prior, theta[k]))) return theta;
  }
  throw new Error(`abc: no proposal inside the prior support after ${MAX_PROPOSAL_TRIES} tries`);
}

/** π(θ) / Σⱼ wⱼ K(θ − θⱼ), normalised; computed in logs. */
export function importanceWeights(
  thetas: readonly number[][],
  prev: Generation,
  params: readonly AbcParameter[],
  kernel: Kernel,
): number[] {
  const logs = thetas.map((theta) => {
    const terms = prev.particles.map(
      (p) => Math.log(p.weight) + kernel.logDensity(theta.map((x, k) => x - p.theta[k])),
    );
    const m = Math.max(...terms);
    const lse = m + Math.log(terms.reduce((a, t) => a + Math.exp(t - m), 0));
    return logPrior(params, theta) - lse;
  });
  const m = Math.max(...logs);
  const w = logs.map((l) => Math.exp(l - m));
  const total = w.reduce((a, b) => a + b, 0);
  return w.map((x) => x / total);
}

async function generationZero(model: AbcModel, o: PmcOptions, hooks: PmcHooks): Promise<Generation> {
  const rng = abcRandom(o.seed, 'generation:0:proposals');
  const thetas = Array.from({ length: o.particles }, () => samplePrior(model.parameters, rng));
  const sims = await model.simulate(thetas, { generation: 0, batch: 0 });
  hooks.onBatch?.({ generation: 0, batch: 0, size: thetas.length, accepted: thetas.length, epsilon: Infinity });
  const particles = thetas.map((theta, i) => ({ theta, weight: 1 / o.particles, ...sims[i] }));
  return { index: 0, epsilon: Infinity, particles, simulations: thetas.length, acceptanceRate: 1, ess: o.particles };
}

async function nextGeneration(
  model: AbcModel,
  prev: Generation,
  o: PmcOptions,
  hooks: PmcHooks,
): Promise<Generation | undefined> {
  const t = prev.index + 1;
  const epsilon = quantile7(
    prev.particles.map((p) => p.distance),
    o.quantile,
  );
  const kernel = perturbationKernel(prev, model.parameters);
  const rng = abcRandom(o.seed, `generation:${t}:proposals`);
  const accepted: Array<Omit<Particle, 'weight'>> = [];
  let simulations = 0;
  let used = 0;
  let rate = o.quantile;
  for (let batch = 0; accepted.length < o.particles; batch++) {
    const wanted = Math.ceil(((o.particles - accepted.length) / Math.max(rate, MIN_PLANNED_ACCEPTANCE)) * BATCH_MARGIN);
    const size = Math.min(wanted, o.maxSimulations - simulations);
    if (size <= 0) return undefined;
    const thetas = Array.from({ length: size }, () => propose(prev, model.parameters, kernel, rng));
    const sims = await model.simulate(thetas, { generation: t, batch });
    simulations += size;
    for (let i = 0; i < size && accepted.length < o.particles; i++) {
      used++;
      if (sims[i].distance <= epsilon) accepted.push({ theta: thetas[i], ...sims[i] });
    }
    rate = accepted.length / simulations;
    hooks.onBatch?.({ generation: t, batch, size, accepted: accepted.length, epsilon });
  }
  const weights = importanceWeights(
    accepted.map((p) => p.theta),
    prev,
    model.parameters,
    kernel,
  );
  const particles = accepted.map((p, i) => ({ ...p, weight: weights[i] }));
  return {
    index: t,
    epsilon,
    particles,
    simulations,
    acceptanceRate: o.particles / used,
    ess: effectiveSampleSize(weights),
  };
}

/** Runs (or continues) the sampler; each finished generation goes to hooks.onGeneration first. */
export async function runPmc(model: AbcModel, o: PmcOptions, hooks: PmcHooks = {}): Promise<PmcResult> {
  const gens = [...(hooks.done ?? [])];
  const stopAfter = (g: Generation): StopReason | undefined =>
    g.index > 0 && g.acceptanceRate < o.minAcceptance
      ? 'acceptance'
      : g.index > 0 && g.epsilon <= o.minEpsilon
        ? 'epsilon'
        : g.index + 1 >= o.generations
          ? 'generations'
          : undefined;
  if (gens.length === 0) {
    const g0 = await generationZero(model, o, hooks);
    await hooks.onGeneration?.(g0);
    gens.push(g0);
  }
  for (;;) {
    const last = gens[gens.length - 1];
    const stop = stopAfter(last);
    if (stop) return { generations: gens, stop };
    const next = await nextGeneration(model, last, o, hooks);
    if (!next) return { generations: gens, stop: 'simulations' };
    await hooks.onGeneration?.(next);
    gens.push(next);
  }
}
