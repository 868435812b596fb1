/**
 * The robustness section of `regiosim report` on an explore batch: the same charts as
 * `regiosim robustness` (regret, satisficing, trade-off of the non-dominated set) with a note that
 * sums them up, when the experiment crosses at least two policies with its futures and has an
 * outcome with a direction; otherwise nothing (the report of such a batch is unchanged).
 * @example
 * const section = robustnessSection(readExploreBatch(dir)); // undefined without policies or directions
 */
import type { Chart } from '../charts/chart.js';
import type { ExploreData } from '../explore/read.js';
import { analyseRobustness } from './analyse.js';
import { robustnessCharts } from './charts.js';

/** Whether the batch supports a robustness analysis: two or more policies and a directed outcome. */
function robustnessApplies(data: ExploreData): boolean {
  return data.exploration.policies.length >= 2 && (data.info.outcomes ?? []).some((o) => o.direction !== 'none');
}

export function robustnessSection(data: ExploreData): { charts: Chart[]; notes: string[] } | undefined {
  if (!robustnessApplies(data)) return undefined;
  const r = analyseRobustness(data);
  const set = r.pareto.rows.filter((p) => p.nonDominated).map((p) => p.policy);
  return {
    charts: robustnessCharts(r),
    notes: [
      `Robustness of the ${r.policies.length} policies over ${r.futures} futures: regret against the best policy of each future, satisficing shares${r.satisficing.length ? '' : ' (no thresholds declared)'} and the non-dominated set on ${r.pareto.words} (${set.join(', ')}); regiosim robustness writes their tables.`,
    ],
  };
}
