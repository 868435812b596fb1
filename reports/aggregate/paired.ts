/**
 * Stage 2c: each point's difference from its baseline point (the baseline scenario at the same
 * sweep values), run by run on shared seeds: replicate i of every point has the same seed, so the
 * noise common to both runs cancels and the interval is much narrower than for unpaired means.
 * An outcome that is 0 or 1 in every pair (the pool survives, in a one-area region) gets Newcombe's
 * paired interval of two shares, which stays in [-1, 1] and does not collapse to a point when every
 * pair agrees; any other outcome the t-interval of the paired differences.
 */
import type { RunsData } from '../read/runs.js';
import { describe } from '../stats/describe.js';
import { type PairedDifference, pairedDifference } from '../stats/paired-difference.js';
import { pairedShareDifference } from '../stats/paired-share.js';
import { type PointSet, sweepKey } from './points.js';

export interface PairedRow extends PairedDifference {
  /** t: Student t of the paired differences; newcombe: Newcombe's paired interval of two shares (0/1 outcomes). */
  method: 't' | 'newcombe';
  point: string;
  scenario: string;
  sweep: string;
  baselinePoint: string;
  metric: string;
}

export function pairedDifferences(
  set: PointSet,
  runs: RunsData,
  metrics: readonly string[] = runs.metricNames,
): PairedRow[] {
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
      const base0 = byReplicate(base.index, metric);
      const scen = byReplicate(p.index, metric);
      const ids = { point: p.id, scenario: p.scenario, sweep: p.sweepCode, baselinePoint: base.id, metric };
      const pairs: Array<[number, number]> = [];
      for (const [replicate, b] of base0) {
        const v = scen.get(replicate);
        if (v !== undefined && Number.isFinite(v) && Number.isFinite(b)) pairs.push([b, v]);
      }
      const binary = pairs.length > 1 && pairs.every(([b, v]) => (b === 0 || b === 1) && (v === 0 || v === 1));
      if (binary) {
        const s = pairedShareDifference(
          pairs.map(([b]) => b),
          pairs.map(([, v]) => v),
        );
        const sd = describe(pairs.map(([b, v]) => v - b)).sd;
        rows.push({
          ...ids,
          method: 'newcombe',
          pairs: s.pairs,
          mean: s.mean,
          sd,
          ciLow: s.ciLow,
          ciHigh: s.ciHigh,
          distinguishable: s.distinguishable,
        });
      } else rows.push({ ...ids, method: 't', ...pairedDifference(base0, scen) });
    }
  }
  return rows;
}
