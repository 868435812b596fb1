/**
 * Stage 2c: each point's difference from its baseline point (the baseline scenario at the same
 * sweep values), run by run on shared seeds: replicate i of every point has the same seed, so the
 * noise common to both runs cancels and the interval is much narrower than for unpaired means.
 */
import type { RunsData } from '../read/runs.js';
import { type PairedDifference, pairedDifference } from '../stats/paired-difference.js';
import { type PointSet, sweepKey } from './points.js';

export interface PairedRow extends PairedDifference {
  point: string;
  scenario: string;
  sweep: string;
  baselinePoint: string;
  metric: string;
}

export function pairedDifferences(set: PointSet, runs: RunsData, metrics: readonly string[] = runs.metricNames): PairedRow[] {
  const baselineBySweep = new Map(set.points.filter((p) => p.isBaseline).map((p) => [sweepKey(p.sweep), p]));
  const byReplicate = (index: number, metric: string) => {
    const data = runs.points[index];
    const values = data.metrics.get(metric) ?? [];
    return new Map(data.replicates.map((r, i) => [r, values[i]]));
  };
  const rows: PairedRow[] = [];
  for (const p of set.points) {
    if (p.isBaseline) continue;
    const base = baselineBySweep.get(sweepKey(p.sweep));
    if (!base) continue;
    for (const metric of metrics) {
      if (!runs.metricNames.includes(metric)) continue;
      rows.push({
        point: p.id,
        scenario: p.scenario,
        sweep: p.sweepLabel,
        baselinePoint: base.id,
        metric,
        ...pairedDifference(byReplicate(base.index, metric), byReplicate(p.index, metric)),
      });
    }
  }
  return rows;
}
