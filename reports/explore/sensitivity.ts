/**
 * Global sensitivity analysis of an explore batch: per summary metric and per scenario × policy,
 * Morris elementary effects (μ*, σ) for a Morris design or Sobol S1/ST indices with bootstrap
 * intervals and the convergence verdict for a Sobol (Saltelli) design; a Latin hypercube or full
 * factorial supports neither, and gets feature scores (mutual information) instead. The runs of a
 * design point are averaged first: the analyses take one output per design point.
 */
import { valueColumn } from '../../scenarios/outcomes.js';
import type { Factor } from '../../scenarios/designs/index.js';
import { type FeatureScore, featureScores } from '../discovery/index.js';
import { ReportError } from '../errors.js';
import {
  type MorrisFactorEffects,
  morrisEffects,
  type SobolFactorIndices,
  type SobolPairIndex,
  sobolConvergence,
} from '../sensitivity/index.js';
import { type ExploreData, type ExploreGroup, rowMeans } from './read.js';

/** The metrics analysed when none are named: the ones that answer "does the pool survive, and does the work get done?". */
export const DEFAULT_SENSITIVITY_METRICS = ['progress2030', 'progress2050', 'poolSurvived', 'poolLifetimeMonths'];

export type SensitivityMethod = 'morris' | 'sobol' | 'scores';

/** Whether the Morris ranking holds when half the trajectories are left out. */
export interface MorrisStability {
  checked: boolean;
  stable: boolean;
  message: string;
}

export interface SobolSummary {
  baseSamples: number;
  confidence: number;
  resamples: number;
  factors: SobolFactorIndices[];
  pairs: SobolPairIndex[];
  converged: boolean;
  /** The convergence verdict in one sentence (reports/sensitivity sobolConvergence). */
  verdict: string;
  suggestedBaseSamples: number;
  steps: Array<{ baseSamples: number; maxCiWidth: number; maxChange: number }>;
}

/** One analysis: one metric in one scenario under one policy. */
export interface GroupAnalysis {
  metric: string;
  scenario: string;
  policy?: string;
  label: string;
  /** Design points, and those with a value of the metric. */
  rows: number;
  rowsWithValue: number;
  /** Runs whose value was missing (NaN) and left out of the averages. */
  runsLeftOut: number;
  /** Share of the variance of the point averages that is replicate noise (see read.ts rowMeans). */
  noiseShare: number;
  morris?: MorrisFactorEffects[];
  stability?: MorrisStability;
  sobol?: SobolSummary;
  scores?: FeatureScore[];
  /** Why there is no analysis (e.g. Sobol indices with missing outputs). */
  skipped?: string;
  notes: string[];
}

export interface SensitivityResult {
  batch: { dir: string; name: string; version: string; commit: string; masterSeed: number; replicates: number };
  design: { method: string; line: string; factors: Factor[]; policies: string[]; scenarios: string[] };
  method: SensitivityMethod;
  /** What the analysis did with replicates, in one sentence. */
  averaging: string;
  metrics: string[];
  analyses: GroupAnalysis[];
  notes: string[];
  source: string;
}

export interface SensitivityOptions {
  metrics?: readonly string[];
  /** Bootstrap resamples (default 1000). */
  resamples?: number;
  /** Confidence level of the intervals (default 0.95). */
  confidence?: number;
}

/**
 * The outcomes analysed without --metric: the experiment's declared outcomes that have a direction,
 * else the defaults with the horizon's progress (progress2040 for a 2040 study) instead of a 2050
 * column that is NA in every run.
 */
export function defaultMetrics(data: Pick<ExploreData, 'info' | 'runs'>): string[] {
  const outcomes = data.info.outcomes ?? [];
  const directed = outcomes
    .filter((o) => o.declared && o.direction !== 'none')
    .flatMap((o) => (o.columns.length ? o.columns : [valueColumn(o)]));
  if (directed.length) return directed;
  const has = (m: string) => data.runs.points.some((p) => (p.metrics.get(m) ?? []).some(Number.isFinite));
  const progress = outcomes.map(valueColumn).filter((m) => /^progress\d{4}$/.test(m));
  const list = [
    ...new Set([...DEFAULT_SENSITIVITY_METRICS.slice(0, 1), ...progress, ...DEFAULT_SENSITIVITY_METRICS.slice(1)]),
  ].filter(has);
  return list.length ? list : [...DEFAULT_SENSITIVITY_METRICS];
}

/**
 * Runs the analysis the design supports for each metric and group.
 * @throws ReportError for a metric that runs.csv does not have
 */
export function analyseSensitivity(data: ExploreData, options: SensitivityOptions = {}): SensitivityResult {
  const e = data.exploration;
  const metrics = [...(options.metrics?.length ? options.metrics : defaultMetrics(data))];
  const unknown = metrics.filter((m) => !data.runs.metricNames.includes(m));
  if (unknown.length)
    throw new ReportError(
      `--metric ${unknown.join(', ')}: not a summary metric of runs.csv; allowed: ${data.runs.metricNames.join(', ')}`,
    );
  const method: SensitivityMethod = e.method === 'morris' ? 'morris' : e.method === 'sobol' ? 'sobol' : 'scores';
  const notes: string[] = [];
  if (method === 'scores')
    notes.push(
      `The design is a ${e.method === 'latinHypercube' ? 'Latin hypercube' : e.method === 'posterior' ? 'sample from a calibration posterior (its parameters may be correlated, so scores are associations, not variance shares)' : 'full factorial'}: Morris effects need method morris and Sobol indices method sobol, so this shows feature scores (mutual information between each factor and the outcome, minus what chance gives) instead.`,
    );
  notes.push(...e.design.notes);
  const analyses: GroupAnalysis[] = [];
  for (const metric of metrics)
    for (const group of data.groups) analyses.push(analyseGroup(data, group, metric, method, options));
  const replicates = data.info.replicates;
  return {
    batch: {
      dir: data.dir,
      name: data.info.name,
      version: data.info.version,
      commit: data.info.commit,
      masterSeed: data.info.masterSeed,
      replicates,
    },
    design: {
      method: e.method,
      line: data.designLine,
      factors: e.factors,
      policies: e.policies.map((p) => p.name),
      scenarios: e.scenarios,
    },
    method,
    averaging: `Each design point's ${replicates} replicate${replicates === 1 ? '' : 's'} (same seeds at every point) ${replicates === 1 ? 'is' : 'are averaged first; the analysis uses'} one value per design point, so the indices describe the expected outcome, and replicate noise that the averaging leaves counts as unexplained variance.`,
    metrics,
    analyses,
    notes,
    source: data.source,
  };
}

function analyseGroup(
  data: ExploreData,
  group: ExploreGroup,
  metric: string,
  method: SensitivityMethod,
  options: SensitivityOptions,
): GroupAnalysis {
  const e = data.exploration;
  const y = rowMeans(group, metric);
  const rows = y.means.length;
  const out: GroupAnalysis = {
    metric,
    scenario: group.scenario,
    ...(group.policy === undefined ? {} : { policy: group.policy }),
    label: group.label,
    rows,
    rowsWithValue: rows - y.empty,
    runsLeftOut: y.nonFinite,
    noiseShare: y.noiseShare,
    notes: [],
  };
  if (y.nonFinite > 0)
    out.notes.push(
      `${y.nonFinite} run${y.nonFinite === 1 ? '' : 's'} had no value of ${metric} (NaN, e.g. no pool founded) and ${y.nonFinite === 1 ? 'is' : 'are'} left out of the averages.`,
    );
  if (y.noiseShare > 0.3)
    out.notes.push(
      `Replicate noise is about ${Math.round(y.noiseShare * 100)}% of the variance of the point averages: the indices are blurred by it; more replicates per point would sharpen them.`,
    );
  const resamples = options.resamples ?? 1000;
  const confidence = options.confidence ?? 0.95;
  const values = [...y.means].filter(Number.isFinite);
  if (values.length === 0) {
    out.skipped = `no design point has a value of ${metric} (NaN in every run, e.g. no pool founded or the horizon ends before the year it measures)`;
    return out;
  }
  if (values.every((v) => v === values[0])) {
    out.skipped = `${metric} is ${Number(values[0].toPrecision(6))} at every design point with a value: nothing varies, so no factor matters within these ranges`;
    return out;
  }
  if (method === 'sobol') {
    if (y.empty > 0) {
      out.skipped = `${y.empty} of ${rows} design points have no value of ${metric} (every run NaN or missing): Sobol indices need an output at every point of the Saltelli sample`;
      return out;
    }
    const layout = { factors: e.factors, secondOrder: e.options.secondOrder === true };
    const c = sobolConvergence(y.means, layout, { resamples, confidence });
    const last = c.steps[c.steps.length - 1].result;
    out.notes.push(...last.notes);
    out.sobol = {
      baseSamples: last.baseSamples,
      confidence,
      resamples,
      factors: last.factors,
      pairs: last.pairs,
      converged: c.converged,
      verdict: c.message,
      suggestedBaseSamples: c.suggestedBaseSamples,
      steps: c.steps.map((s) => ({ baseSamples: s.baseSamples, maxCiWidth: s.maxCiWidth, maxChange: s.maxChange })),
    };
    return out;
  }
  if (method === 'morris') {
    const layout = { factors: e.factors, unit: e.design.unit };
    out.morris = morrisEffects(layout, y.means, { resamples, confidence });
    if (y.empty > 0)
      out.notes.push(
        `${y.empty} design point${y.empty === 1 ? ' has' : 's have'} no value of ${metric}: the elementary effects that need ${y.empty === 1 ? 'it' : 'them'} are left out (see the effects column).`,
      );
    out.stability = morrisStability(layout, y.means, out.morris, e.options.trajectories ?? 0);
    return out;
  }
  const keep = [...y.means.keys()].filter((r) => Number.isFinite(y.means[r]));
  if (keep.length < 4) {
    out.skipped = `${keep.length} design points have a value of ${metric}; feature scores need at least 4`;
    return out;
  }
  const x = keep.map((r) => e.design.rows[r]);
  const bins = Math.max(2, Math.min(5, Math.floor(keep.length / 4)));
  out.scores = featureScores(
    x,
    keep.map((r) => y.means[r]),
    { inputs: e.factors, bins, outcomeBins: bins, permutations: 200 },
  );
  return out;
}

/**
 * A check that r trajectories were enough: the first three factors by μ* (fewer when fewer have a
 * μ* of at least a tenth of the largest) must be the same, in the same order, with the first half
 * of the trajectories as with all of them.
 */
export function morrisStability(
  layout: { factors: ReadonlyArray<{ name: string }>; unit: ReadonlyArray<ArrayLike<number>> },
  y: Float64Array,
  full: readonly MorrisFactorEffects[],
  trajectories: number,
): MorrisStability {
  const k = layout.factors.length;
  if (trajectories < 4)
    return {
      checked: false,
      stable: false,
      message: `not checked: ${trajectories} trajectories; the check compares the ranking from the first half of the trajectories with all of them and needs at least 4`,
    };
  const max = Math.max(...full.map((f) => f.muStar).filter(Number.isFinite));
  if (!(max > 0)) return { checked: true, stable: true, message: 'the output does not change: every μ* is 0' };
  const half = Math.floor(trajectories / 2);
  const rows = half * (k + 1);
  const part = morrisEffects({ factors: layout.factors, unit: layout.unit.slice(0, rows) }, y.slice(0, rows), {
    resamples: 0,
  });
  const top = (effects: readonly MorrisFactorEffects[]) =>
    [...effects].sort((a, b) => a.rank - b.rank).map((f) => f.name);
  const important = full.filter((f) => f.muStar >= 0.1 * max).length;
  const m = Math.min(3, important);
  const a = top(full).slice(0, m);
  const b = top(part).slice(0, m);
  const stable = a.every((n, i) => b[i] === n);
  return {
    checked: true,
    stable,
    message: stable
      ? `stable: the first ${m} by μ* (${a.join(', ')}) are the same, in the same order, with the first ${half} trajectories as with all ${trajectories}`
      : `not stable: the first ${m} by μ* are ${b.join(', ')} with the first ${half} trajectories but ${a.join(', ')} with all ${trajectories}; use more trajectories (e.g. ${2 * trajectories})`,
  };
}
