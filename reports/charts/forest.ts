/**
 * Forest plot: each scenario's paired difference from the baseline (same seeds, same sweep point)
 * with its 95% interval. A filled dot is a difference distinguishable from zero; a hollow one is
 * not, which the reader should take as "no evidence of a difference at this number of runs".
 */
import { metricStyle } from '../metrics.js';
import { type ChartBuilder, labels, paged, scenarioEncoding } from './chart.js';
import type { PointMeta } from '../aggregate/points.js';
import { keyMetricsWithData, rowPages } from './distributions.js';
import { framed, type VlSpec } from './theme.js';

const YES = 'distinguishable from zero';
const NO = 'not distinguishable from zero';

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
      const style = metricStyle(metric);
      // Differences of shares are drawn in percentage points (0.012 → 1.2), so the axis reads "+1.2", not "+1.2%".
      const scale = style.share ? 100 : 1;
      const rows = model.paired
        .filter((r) => r.metric === metric && r.pairs > 1 && ids.has(r.point))
        .map((r) => ({
          label: names.get(r.point)!.label,
          scenario: names.get(r.point)!.scenario,
          mean: r.mean * scale,
          ciLow: r.ciLow * scale,
          ciHigh: r.ciHigh * scale,
          pairs: r.pairs,
          method: r.method === 'newcombe' ? 'Newcombe (paired shares)' : 'Student t',
          verdict: r.distinguishable ? YES : NO,
        }));
      const unit = style.share ? 'percentage points' : style.unit;
      const format = style.share ? '+.2f' : `+${style.format}`;
      const y = { field: 'label', type: 'nominal', title: null, sort: order, axis: { labelLimit: 420 } };
      const x = (field: string) => ({
        field,
        type: 'quantitative',
        title: `${style.label}: difference from baseline (${unit})`,
        axis: { format: style.share ? '+,f' : `+${style.axisFormat}` },
      });
      const colour = scenarioEncoding(model, ['color']);
      (colour.color as VlSpec).legend = null;
      return {
        width: 520,
        height: { step: 30 },
        layer: [
          {
            data: { values: [{ zero: 0 }] },
            mark: { type: 'rule', color: '#555555', strokeDash: [4, 3] },
            encoding: { x: x('zero') },
          },
          {
            data: { values: rows },
            mark: { type: 'rule', strokeWidth: 2.5 },
            encoding: { y, x: x('ciLow'), x2: { field: 'ciHigh' }, ...colour },
          },
          {
            data: { values: rows },
            mark: { type: 'point', size: 90, strokeWidth: 2, opacity: 1 },
            encoding: {
              y,
              x: x('mean'),
              stroke: { value: '#000000' },
              fill: {
                field: 'verdict',
                type: 'nominal',
                title: '95% interval',
                scale: { domain: [YES, NO], range: ['#000000', '#ffffff'] },
              },
              tooltip: [
                { field: 'label', title: 'Scenario' },
                { field: 'mean', title: 'Mean difference', format },
                { field: 'ciLow', title: '95% CI low', format },
                { field: 'ciHigh', title: '95% CI high', format },
                { field: 'pairs', title: 'Pairs' },
                { field: 'method', title: 'Interval' },
                { field: 'verdict', title: 'Verdict' },
              ],
            },
          },
        ],
      };
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
