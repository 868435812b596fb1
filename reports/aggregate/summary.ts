/** Stage 2a: the distribution of every summary metric per point (mean, sd, quantiles, 95% CI of the mean). */
import type { RunsData } from '../read/runs.js';
import { type Description, describe } from '../stats/describe.js';
import type { PointSet } from './points.js';

export interface SummaryRow extends Description {
  point: string;
  scenario: string;
  sweep: string;
  metric: string;
}

export function summarise(set: PointSet, runs: RunsData): SummaryRow[] {
  const rows: SummaryRow[] = [];
  for (const p of set.points) {
    const data = runs.points[p.index];
    for (const metric of runs.metricNames) {
      rows.push({ point: p.id, scenario: p.scenario, sweep: p.sweepLabel, metric, ...describe(data.metrics.get(metric)!) });
    }
  }
  return rows;
}

/** Finds one row (undefined when the metric or point is absent). */
export function summaryOf(rows: readonly SummaryRow[], point: string, metric: string): SummaryRow | undefined {
  return rows.find((r) => r.point === point && r.metric === metric);
}
