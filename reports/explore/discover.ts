/**
 * Scenario discovery on an explore batch: which region of the sampled inputs makes an outcome of
 * interest happen (e.g. the pool dissolves: `poolSurvived == 0`)? PRIM on the design's factors
 * (plus the policy and scenario when there are several) with the whole peeling trajectory, the
 * chosen box's limits and statistics, and feature scores of the same outcome.
 */
import type { DesignValue } from '../../scenarios/designs/index.js';
import {
  DiscoveryError,
  type FeatureScore,
  featureScores,
  type InputSpec,
  type PrimStep,
  prim,
  selectBox,
} from '../discovery/index.js';
import { ReportError } from '../errors.js';
import type { ExploreData } from './read.js';

export const OPERATORS = ['<', '<=', '>', '>=', '==', '!='] as const;
export type Operator = (typeof OPERATORS)[number];

/** The outcome of interest: `<metric> <op> <value>`. */
export interface Condition {
  metric: string;
  op: Operator;
  value: number;
  text: string;
}

/**
 * Parses `--where`, e.g. "progress2030 < 0.4" or "poolSurvived == 0".
 * @throws ReportError saying what is allowed
 */
export function parseCondition(text: string, metrics: readonly string[]): Condition {
  const m = /^\s*([A-Za-z][A-Za-z0-9_]*)\s*(<=|>=|==|!=|<|>|=)\s*(-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*$/.exec(
    text,
  );
  if (!m)
    throw new ReportError(
      `--where ${JSON.stringify(text)}: not a condition; allowed: "<metric> <op> <number>" with op one of ${OPERATORS.join(' ')}, e.g. "poolSurvived == 0" or "progress2030 < 0.4"`,
    );
  const [, metric, rawOp, number] = m;
  if (!metrics.includes(metric))
    throw new ReportError(
      `--where ${JSON.stringify(text)}: "${metric}" is not a summary metric of runs.csv; allowed: ${metrics.join(', ')}`,
    );
  const op = (rawOp === '=' ? '==' : rawOp) as Operator;
  return { metric, op, value: Number(number), text: `${metric} ${op} ${Number(number)}` };
}

/** Whether a value satisfies the condition. */
export function holds(c: Condition, v: number): boolean {
  switch (c.op) {
    case '<':
      return v < c.value;
    case '<=':
      return v <= c.value;
    case '>':
      return v > c.value;
    case '>=':
      return v >= c.value;
    case '==':
      return v === c.value;
    case '!=':
      return v !== c.value;
  }
}

export interface DiscoverOptions {
  where: string;
  /** A step of the trajectory to report (default: see minDensity). */
  box?: number;
  /** Without --box: the box with the highest coverage among those with at least this density (default 0.8). */
  minDensity?: number;
  peelAlpha?: number;
  massMin?: number;
  /** Average the replicates of each design point and test the condition on the average (default: every run is a case). */
  perPoint?: boolean;
  /** Only these policies (default: all). */
  policies?: readonly string[];
}

/** A step of the trajectory without its full limits (the table and the chart need only these). */
export interface TrajectoryRow {
  index: number;
  phase: PrimStep['phase'];
  changed: string;
  coverage: number;
  density: number;
  mass: number;
  rows: number;
  hits: number;
  restrictedCount: number;
  restricted: string;
  /** The largest quasi-p-value of the box's restrictions (NaN without restrictions): below 0.05, every restriction counts. */
  maxQp: number;
}

/** A limit of the chosen box, with the input's whole range for comparison. */
export interface BoxLimitRow {
  name: string;
  kind: 'real' | 'integer' | 'choice';
  restricted: boolean;
  min?: number;
  max?: number;
  /** The input's sampled range (the design's factor range; numeric inputs). */
  rangeMin?: number;
  rangeMax?: number;
  /** True when the box does not cut the input's low (high) end: its limit is the lowest (highest) value sampled. */
  lowerOpen?: boolean;
  upperOpen?: boolean;
  values?: DesignValue[];
  allValues?: DesignValue[];
  /** EMA Workbench's quasi-p-value of the restriction (NaN for unrestricted inputs). */
  qp: number;
}

export interface DiscoverResult {
  batch: { dir: string; name: string; version: string; commit: string; masterSeed: number; replicates: number };
  design: { method: string; line: string };
  condition: Condition;
  /** The options the result was made with (the report re-runs the discovery with them). */
  options: DiscoverOptions;
  /** The policies analysed (empty without policies). */
  policies: string[];
  /** What a case is: one run, or one design point (replicates averaged). */
  unit: 'run' | 'point';
  cases: number;
  hits: number;
  /** Cases left out because the metric had no value (NaN). */
  leftOut: number;
  inputs: InputSpec[];
  trajectory: TrajectoryRow[];
  chosen: {
    index: number;
    /** How the box was chosen, in words. */
    selection: string;
    coverage: number;
    density: number;
    mass: number;
    rows: number;
    hits: number;
    limits: BoxLimitRow[];
  };
  scores: FeatureScore[];
  notes: string[];
  source: string;
}

/**
 * PRIM and feature scores for one condition.
 * @throws ReportError for a bad condition, or one that never or always holds
 */
export function discover(data: ExploreData, options: DiscoverOptions): DiscoverResult {
  const e = data.exploration;
  const condition = parseCondition(options.where, data.runs.metricNames);
  const minDensity = options.minDensity ?? 0.8;
  const perPoint = options.perPoint === true;
  const inputs: InputSpec[] = e.factors.map((f) => ({
    name: f.name,
    kind: f.kind,
    ...(f.values ? { values: f.values } : {}),
  }));
  const allPolicies = e.policies.map((p) => p.name);
  const wanted = options.policies?.length ? [...options.policies] : allPolicies;
  const unknown = wanted.filter((p) => !allPolicies.includes(p));
  if (unknown.length)
    throw new ReportError(
      `--policy ${unknown.join(', ')}: not a policy of this design; allowed: ${allPolicies.length ? allPolicies.join(', ') : 'none (the experiment has no policies:)'}`,
    );
  const policies = allPolicies.filter((p) => wanted.includes(p));
  if (policies.length > 1) inputs.push({ name: 'policy', kind: 'choice', values: policies });
  if (e.scenarios.length > 1) inputs.push({ name: 'scenario', kind: 'choice', values: e.scenarios });
  const x: Array<Record<string, DesignValue>> = [];
  const y: boolean[] = [];
  let leftOut = 0;
  for (const g of data.groups.filter((g) => g.policy === undefined || policies.includes(g.policy)))
    g.rows.forEach((p, r) => {
      if (!p) return;
      const row: Record<string, DesignValue> = { ...e.design.rows[r] };
      if (policies.length > 1) row.policy = g.policy as string;
      if (e.scenarios.length > 1) row.scenario = g.scenario;
      const values = p.metrics.get(condition.metric) ?? [];
      const finite = values.filter(Number.isFinite);
      leftOut += perPoint ? (finite.length ? 0 : 1) : values.length - finite.length;
      const cases = perPoint ? (finite.length ? [finite.reduce((s, v) => s + v, 0) / finite.length] : []) : finite;
      for (const v of cases) {
        x.push(row);
        y.push(holds(condition, v));
      }
    });
  const hits = y.filter(Boolean).length;
  const unit = perPoint ? 'point' : 'run';
  if (x.length === 0) throw new ReportError(`no ${unit} has a value of ${condition.metric}: nothing to discover`);
  if (hits === 0)
    throw new ReportError(
      `"${condition.text}" holds in none of the ${x.length} ${unit}s: PRIM needs cases of interest (the values of ${condition.metric} range from ${range(data, condition.metric)})`,
    );
  if (hits === x.length)
    throw new ReportError(
      `"${condition.text}" holds in all ${x.length} ${unit}s: there is nothing to tell apart (the values of ${condition.metric} range from ${range(data, condition.metric)})`,
    );
  let result: ReturnType<typeof prim>;
  try {
    result = prim(x, y, { inputs, peelAlpha: options.peelAlpha, massMin: options.massMin });
  } catch (err) {
    if (err instanceof DiscoveryError) throw new ReportError(err.message);
    throw err;
  }
  const t = result.trajectory;
  const notes: string[] = [];
  let chosen: PrimStep;
  let selection: string;
  if (options.box !== undefined) {
    if (!Number.isInteger(options.box) || options.box < 0 || options.box >= t.length)
      throw new ReportError(
        `--box ${options.box}: no such box; allowed: 0 to ${t.length - 1} (the index column of prim-trajectory.csv)`,
      );
    chosen = t[options.box];
    selection = `box ${options.box}, as chosen with --box`;
  } else {
    const reached = t.some((s) => s.density >= minDensity);
    if (reached) {
      chosen = selectBox(t, { minDensity });
      selection = `the box with the highest coverage among those with a density of at least ${minDensity} (choose another with --box N)`;
    } else {
      // The densest box whose every restriction is significant: denser boxes add restrictions that may be noise.
      const significant = t.filter((s) => s.restricted.length > 0 && maxQp(s) < 0.05);
      chosen = significant.reduce(
        (best, s) => (s.density > best.density ? s : best),
        significant[0] ?? t[t.length - 1],
      );
      selection = significant.length
        ? `no box reaches a density of ${minDensity}: the densest box whose every restriction is significant (quasi-p below 0.05) (choose another with --box N)`
        : `the last (densest) box: no box reaches a density of ${minDensity} (choose another with --box N)`;
    }
    if (t[0].density >= minDensity) {
      notes.push(
        `"${condition.text}" holds in ${Math.round(t[0].density * 100)}% of all ${unit}s already, above the density ${minDensity} that picks the box: the whole space qualifies. Look at the trajectory, raise --min-density, or study the opposite condition.`,
      );
      chosen = t[t.length - 1];
      selection = `the last (densest) box, since the whole space already has a density of at least ${minDensity} (choose another with --box N)`;
    }
  }
  if (!perPoint && data.info.replicates > 1)
    notes.push(
      `Every run is a case (${data.info.replicates} replicates per design point, so the density of a box is the share of runs in it where "${condition.text}"); --per-point averages the replicates first.`,
    );
  if (policies.length < allPolicies.length)
    notes.push(
      `Only the polic${policies.length === 1 ? 'y' : 'ies'} ${policies.join(', ')} (of ${allPolicies.join(', ')}).`,
    );
  if (leftOut > 0)
    notes.push(
      `${leftOut} ${unit}${leftOut === 1 ? '' : 's'} had no value of ${condition.metric} (NaN, e.g. no pool founded) and ${leftOut === 1 ? 'is' : 'are'} left out.`,
    );
  const bins = Math.max(2, Math.min(5, Math.floor(x.length / 20)));
  const scores = featureScores(x, y, { inputs, bins, permutations: 100 });
  const limits = chosen.limits.map((l): BoxLimitRow => {
    const r = chosen.restricted.find((q) => q.name === l.name);
    const full = t[0].limits.find((q) => q.name === l.name);
    if (l.kind === 'choice')
      return {
        name: l.name,
        kind: 'choice',
        restricted: r !== undefined,
        values: l.values as DesignValue[],
        allValues: (full && full.kind === 'choice' ? full.values : l.values) as DesignValue[],
        qp: r?.qp ?? Number.NaN,
      };
    const observed = full && full.kind !== 'choice' ? full : l;
    const factor = e.factors.find((f) => f.name === l.name);
    return {
      name: l.name,
      kind: l.kind,
      restricted: r !== undefined,
      min: l.min,
      max: l.max,
      rangeMin: factor?.min ?? observed.min,
      rangeMax: factor?.max ?? observed.max,
      lowerOpen: l.min <= observed.min,
      upperOpen: l.max >= observed.max,
      qp: r?.qp ?? Number.NaN,
    };
  });
  limits.sort((a, b) => Number(b.restricted) - Number(a.restricted) || (a.qp || 0) - (b.qp || 0));
  return {
    batch: {
      dir: data.dir,
      name: data.info.name,
      version: data.info.version,
      commit: data.info.commit,
      masterSeed: data.info.masterSeed,
      replicates: data.info.replicates,
    },
    design: { method: e.method, line: data.designLine },
    condition,
    options: { ...options, box: chosen.index },
    policies,
    unit,
    cases: x.length,
    hits,
    leftOut,
    inputs,
    trajectory: t.map((s) => ({
      index: s.index,
      phase: s.phase,
      changed: s.changed ?? '',
      coverage: s.coverage,
      density: s.density,
      mass: s.mass,
      rows: s.rows,
      hits: s.hits,
      restrictedCount: s.restricted.length,
      restricted: s.restricted.map((q) => q.name).join(' '),
      maxQp: maxQp(s),
    })),
    chosen: {
      index: chosen.index,
      selection,
      coverage: chosen.coverage,
      density: chosen.density,
      mass: chosen.mass,
      rows: chosen.rows,
      hits: chosen.hits,
      limits,
    },
    scores,
    notes,
    source: data.source,
  };
}

function maxQp(s: PrimStep): number {
  return s.restricted.length ? Math.max(...s.restricted.map((q) => q.qp)) : Number.NaN;
}

function range(data: ExploreData, metric: string): string {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const p of data.runs.points)
    for (const v of p.metrics.get(metric) ?? [])
      if (Number.isFinite(v)) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
  return Number.isFinite(lo) ? `${Number(lo.toPrecision(4))} to ${Number(hi.toPrecision(4))}` : 'nothing (all NaN)';
}

/**
 * A numeric box limit in words: "0.35 to 0.62", "up to 0.62", "from 0.5" or "whole range".
 * @example limitText({ min: 0.2, max: 0.5, lowerOpen: true, upperOpen: false, kind: 'real' }) // 'up to 0.5'
 */
export function limitText(l: Pick<BoxLimitRow, 'min' | 'max' | 'lowerOpen' | 'upperOpen' | 'kind'>): string {
  const f = (v: number | undefined) =>
    v === undefined
      ? ''
      : l.kind === 'integer'
        ? String(Math.round(v))
        : String(Number(v.toPrecision(Math.abs(v) >= 1000 ? 6 : 3)));
  if (l.lowerOpen && l.upperOpen) return 'whole range';
  if (l.lowerOpen) return `up to ${f(l.max)}`;
  if (l.upperOpen) return `from ${f(l.min)}`;
  return `${f(l.min)} to ${f(l.max)}`;
}

/**
 * A quasi-p-value as printed: two significant digits, exponents below 0.001, and "< 1e-300" where
 * the binomial tail underflows to 0.
 * @example qpText(4.6e-63) // '4.6e-63'
 */
export function qpText(qp: number): string {
  if (!Number.isFinite(qp)) return 'NA';
  if (qp === 0) return '< 1e-300';
  return qp < 0.001 ? qp.toExponential(1) : String(Number(qp.toPrecision(2)));
}
