/**
 * Forest plot: each scenario's paired difference from the baseline (same seeds, same sweep point)
 * with its 95% interval. A filled dot is a difference distinguishable from zero; a hollow one is
 * not, which the reader should take as "no evidence of a difference at this number of runs".
 */
import { metricStyle } from '../metrics.js';
import { type ChartBuilder, labels, paged, scenarioEncoding } from './chart.js';
import type { PointMeta } from '../aggregate/points.js';
import { keyMetricsWithData, rowPages } from './distributions.js';
import { forestPanel, YES } from './forest-panel.js';
import { framed, type VlSpec } from './theme.js';

const forest: ChartBuilder = (model) => {
  if (model.paired.length === 0) return [];
  const names = labels(model);
  const compared = model.set.points.filter((p) => !p.isBaseline && model.paired.some((r) => r.point === p.id));
  const metrics = keyMetricsWithData(model).filter((m) => model.paired.some((r) => r.metric === m && r.pairs > 1));
  if (metrics.length === 0 || compared.length === 0) return [];
  const baseline = model.set.scenarioLabels[model.set.scenarios.indexOf(model.set.baseline)];
  const newcombe = metrics.filter((m) => model.paired.some((r) => r.metric === m && r.method === 'newcombe'));
  const panelsOf = (points: readonly PointMeta[], list: readonly string[]) =>
    list.map((metric): VlSpec => {
      const order = points.map((p) => p.label);
      const ids = new Set(points.map((p) => p.id));
      const rows = model.paired
        .filter((r) => r.metric === metric && r.pairs > 1 && ids.has(r.point))
        .map((r) => ({
          label: names.get(r.point)!.label,
          scenario: names.get(r.point)!.scenario,
          mean: r.mean,
          ciLow: r.ciLow,
          ciHigh: r.ciHigh,
          pairs: r.pairs,
          method: r.method === 'newcombe' ? 'Newcombe (paired shares)' : 'Student t',
          distinguishable: r.distinguishable,
        }));
      const colour = scenarioEncoding(model, ['color']);
      (colour.color as VlSpec).legend = null;
      return forestPanel({
        metric,
        rows,
        xTitle: (unit) => `${metricStyle(metric).label}: difference from baseline (${unit})`,
        width: 520,
        step: 30,
        sort: order,
        labelTitle: 'Scenario',
        tooltip: [
          { field: 'method', title: 'Interval' },
          { field: 'verdict', title: 'Verdict' },
        ],
        lineEncoding: colour,
      });
    });
  const note = `Dot: mean of the run-by-run differences (same seeds) from ${baseline}; line: 95% confidence interval (Student t${
    newcombe.length
      ? `; for ${newcombe.map((m) => metricStyle(m).label.toLowerCase()).join(', ')}, 0 or 1 in every run: Newcombe's paired interval of two shares`
      : ''
  }). Filled: ${YES}; hollow: not.`;
  return paged(rowPages(compared, metrics), (page, p) => ({
    name: `paired-differences${p.name}`,
    title: `Differences from the baseline (forest plot)${p.title}`,
    description: `${note} The dashed line marks no difference.`,
    spec: framed({
      title: `Differences from the baseline${p.title}`,
      subtitle: [`Each scenario minus ${baseline}, run by run on shared seeds`],
      caption: [note, model.source],
      body: { vconcat: panelsOf(page.points, page.metrics), spacing: 20, resolve: { scale: { fill: 'shared' } } },
    }),
  }));
};

export const forestCharts: ChartBuilder[] = [forest];
