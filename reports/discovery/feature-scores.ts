import seedrandom from 'seedrandom';
import { quantileBins } from './binning.js';
import { type InputSpec, type InputValue, inferInputs, toColumns } from './columns.js';
import { DiscoveryError } from './errors.js';
import { mutualInformation } from './mutual-information.js';

/** How much one input tells about the outcome. */
export interface FeatureScore {
  name: string;
  /** Mutual information of the binned input and the (binned) outcome, in bits. */
  mutualInformation: number;
  /** Mean mutual information with the outcome shuffled: what chance alone gives at this sample size. */
  baseline: number;
  /** mutualInformation − baseline, at least 0: the score inputs are ranked by. */
  score: number;
  /** score as a share of all inputs' scores (they sum to 1, like EMA Workbench's feature scores). */
  share: number;
  /** Share of shuffles with at least this mutual information ((1 + count) / (1 + permutations)). */
  pValue: number;
  /** 1 for the highest score. */
  rank: number;
}

export interface FeatureScoreOptions {
  /** Inputs and their kinds (default: inferred; design factors fit). */
  inputs?: readonly InputSpec[];
  /** Equal-frequency bins per numeric input (default 5). */
  bins?: number;
  /** Equal-frequency bins of a continuous outcome (default 5; a binary outcome has 2 classes). */
  outcomeBins?: number;
  /** Shuffles of the outcome for the baseline and p-value (default 50). */
  permutations?: number;
  /** Seed of the shuffles (stream "feature-permutation"; default 0). */
  seed?: number | string;
}

/**
 * Which inputs matter most for an outcome, without fitting a model: the mutual information
 * between each input (numeric inputs cut into equal-frequency bins, choices as they are) and the
 * outcome (true/false, or a number cut into equal-frequency bins), minus its mean under random
 * shuffles of the outcome, which removes the upward bias of small samples and many bins. It sees
 * any dependence, including through interactions, but only one input at a time; a simpler
 * stand-in for EMA Workbench's extra-trees feature scoring. Sorted by score, highest first.
 * @example featureScores(rows, poolSurvived)[0].name // the input that tells most about survival
 */
export function featureScores(
  x: ReadonlyArray<Readonly<Record<string, InputValue>>>,
  y: ArrayLike<number | boolean>,
  options: FeatureScoreOptions = {},
): FeatureScore[] {
  const bins = options.bins ?? 5;
  const outcomeBins = options.outcomeBins ?? 5;
  const permutations = options.permutations ?? 50;
  if (x.length !== y.length) throw new DiscoveryError(`${x.length} rows but ${y.length} outcomes`);
  if (!Number.isInteger(bins) || bins < 2) throw new DiscoveryError(`bins ${bins}; allowed: a whole number ≥ 2`);
  if (!Number.isInteger(outcomeBins) || outcomeBins < 2)
    throw new DiscoveryError(`outcomeBins ${outcomeBins}; allowed: a whole number ≥ 2`);
  if (!Number.isInteger(permutations) || permutations < 0)
    throw new DiscoveryError(`permutations ${permutations}; allowed: a whole number ≥ 0`);
  const n = x.length;
  const yNumbers = Float64Array.from({ length: n }, (_, i) => {
    const v = y[i];
    const num = typeof v === 'boolean' ? Number(v) : v;
    if (!Number.isFinite(num)) throw new DiscoveryError(`outcome ${i} is ${v}; feature scores need every outcome`);
    return num;
  });
  const outcome = quantileBins(yNumbers, outcomeBins);
  const inputs = options.inputs ?? inferInputs(x);
  const coded = toColumns(x, inputs).map((c) =>
    c.kind === 'choice'
      ? { name: c.name, codes: c.codes, count: c.labels.length }
      : { name: c.name, ...quantileBins(c.values, bins) },
  );
  const observed = coded.map((c) => mutualInformation(c.codes, c.count, outcome.codes, outcome.count));
  const baseline = new Float64Array(coded.length);
  const exceed = new Int32Array(coded.length);
  const random = seedrandom.alea(`regiosim:discovery:feature-permutation:${options.seed ?? 0}`);
  const shuffled = outcome.codes.slice();
  for (let p = 0; p < permutations; p++) {
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const t = shuffled[i];
      shuffled[i] = shuffled[j];
      shuffled[j] = t;
    }
    coded.forEach((c, k) => {
      const mi = mutualInformation(c.codes, c.count, shuffled, outcome.count);
      baseline[k] += mi / permutations;
      if (mi >= observed[k]) exceed[k]++;
    });
  }
  const scores = coded.map((c, k) => ({
    name: c.name,
    mutualInformation: observed[k],
    baseline: baseline[k],
    score: Math.max(0, observed[k] - baseline[k]),
    share: 0,
    pValue: (1 + exceed[k]) / (1 + permutations),
    rank: 0,
  }));
  const total = scores.reduce((s, f) => s + f.score, 0);
  for (const f of scores) f.share = total > 0 ? f.score / total : 0;
  scores.sort((p, q) => q.score - p.score || p.name.localeCompare(q.name));
  scores.forEach((f, i) => {
    f.rank = i + 1;
  });
  return scores;
}
