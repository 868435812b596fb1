/**
 * The one estimate with its one 95% interval that the report shows for an outcome of a point:
 * the Wilson interval of the share for outcomes that are shares of counts (pool founded, pool
 * survives: aggregate/proportions.ts), else the mean over runs with its Student-t interval. Tables,
 * charts and tooltips all take it from here, so a quantity never appears with two intervals.
 */
import { valueColumn } from '../../scenarios/outcomes.js';
import { KEY_METRICS, metricStyle } from '../metrics.js';
import type { ReportModel } from '../model.js';
import { PROPORTION_UNITS, PROPORTIONS, type ProportionName, SHARE_OUTCOMES } from './proportions.js';

export interface Estimate {
  value: number;
  ciLow: number;
  ciHigh: number;
  /** What the interval is: a Wilson score interval of a share, or a Student-t interval of a mean. */
  method: 'wilson' | 't';
  /** Runs (t), or the runs or pools the share counts (Wilson). */
  n: number;
  /** For a share: how many of the n. */
  successes?: number;
  /** For a share: what n counts ("runs", "pools"). */
  of?: string;
}

/** The proportion that stands for an outcome, if it is a share of counts (poolFounded, poolSurvived). */
export function shareMeasure(metric: string): ProportionName | undefined {
  if (Object.hasOwn(PROPORTIONS, metric)) return metric as ProportionName;
  return SHARE_OUTCOMES[metric];
}

/** The estimate of an outcome at a point, or undefined when the batch has no value for it. */
export function estimate(
  model: Pick<ReportModel, 'summary' | 'proportions'>,
  point: string,
  metric: string,
): Estimate | undefined {
  const measure = shareMeasure(metric);
  if (measure) {
    const r = model.proportions.find((x) => x.point === point && x.measure === measure);
    if (!r || r.n === 0) return undefined;
    return {
      value: r.share,
      ciLow: r.ciLow,
      ciHigh: r.ciHigh,
      method: 'wilson',
      n: r.n,
      successes: r.successes,
      of: PROPORTION_UNITS[measure],
    };
  }
  const s = model.summary.find((x) => x.point === point && x.metric === metric);
  if (!s || s.n === 0) return undefined;
  // A t-interval of a bounded mean can leave [0, 1] with few runs; what is shown is cut there (summary.csv is not).
  const cut = (v: number) => (metricStyle(metric).bounded && Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : v);
  return { value: s.mean, ciLow: cut(s.ciLow), ciHigh: cut(s.ciHigh), method: 't', n: s.n };
}

/** True for outcomes shown as a share with its Wilson interval (never as a box of 0/1 runs). */
export function isShareOutcome(metric: string): boolean {
  return shareMeasure(metric) !== undefined;
}

/**
 * The outcomes of the report's tables and charts, in order: the batch's outcomes (declared in the
 * experiment, or chosen from its horizon; the key metrics for batches made before outcomes) with
 * values in this batch, with "pool founded" (a share of runs) before "pool survives".
 */
export function reportOutcomes(
  model: Pick<ReportModel, 'summary' | 'proportions'> & { info?: Pick<ReportModel['info'], 'outcomes'> },
): string[] {
  const has = (m: string) => model.summary.some((r) => r.metric === m && r.n > 0);
  const out: string[] = [];
  const declared = model.info?.outcomes?.flatMap((o) => (o.columns.length ? o.columns : [valueColumn(o)]));
  for (const m of declared ?? KEY_METRICS) {
    if (m === 'poolSurvived' && model.proportions.some((r) => r.measure === 'poolFounded' && r.n > 0))
      out.push('poolFounded');
    if (has(m)) out.push(m);
  }
  if (!out.includes('poolFounded') && model.proportions.some((r) => r.measure === 'poolFounded' && r.n > 0))
    out.unshift('poolFounded');
  return out;
}
