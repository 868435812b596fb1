/**
 * Stage 2a: the distribution of every summary metric per point (mean, sd, quantiles) and the 95%
 * Student-t interval of its mean. A metric that is a share of counts (SHARE_OUTCOMES: pool
 * survives) has its interval in proportions.csv (Wilson) instead: here its ciLow and ciHigh are NA
 * and `interval` says where it is, so no quantity has two intervals.
 */
import type { RunsData } from '../read/runs.js';
import { type Description, describe } from '../stats/describe.js';
import type { PointSet } from './points.js';
import { SHARE_OUTCOMES } from './proportions.js';

export interface SummaryRow extends Description {
  point: string;
  scenario: string;
  sweep: string;
  metric: string;
  /** Which interval of the mean the row gives: "t" (Student t), or where the share's interval is. */
  interval: string;
}

export function summarise(set: PointSet, runs: RunsData): SummaryRow[] {
  const rows: SummaryRow[] = [];
  for (const p of set.points) {
    const data = runs.points[p.index];
    for (const metric of runs.metricNames) {
      const d = describe(data.metrics.get(metric)!);
      const share = SHARE_OUTCOMES[metric];
      const interval = share ? `Wilson, proportions.csv measure ${share}` : 't';
      rows.push({
        point: p.id,
        scenario: p.scenario,
        sweep: p.sweepCode,
        metric,
        ...d,
        ...(share ? { ciLow: Number.NaN, ciHigh: Number.NaN } : {}),
        interval,
      });
    }
  }
  return rows;
}

/** Finds one row (undefined when the metric or point is absent). */
export function summaryOf(rows: readonly SummaryRow[], point: string, metric: string): SummaryRow | undefined {
  return rows.find((r) => r.point === point && r.metric === metric);
}
