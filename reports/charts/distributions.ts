/**
 * Distribution of the key outcomes per point: a box of the middle half of the runs, whiskers to the
 * 5th and 95th percentiles, the median and the mean, plus every single run as a dot while there are
 * few enough to see. Boxes come from the summary table, so the chart stays small at any batch size.
 */
import { KEY_METRICS, axisTitle, metricStyle } from '../metrics.js';
import type { ReportModel } from '../model.js';
import { type ChartBuilder, labels, scenarioEncoding } from './chart.js';
import { framed, type VlSpec } from './theme.js';

/** Single runs are drawn as dots up to this many per point. */
const MAX_DOTS = 200;
/** Height per point (px); the dots are jittered within ±8 px of its centre (offsets count from the band's top). */
const STEP = 30;

/** A fixed jitter in [-1, 1] per replicate (no random(): the same results must render the same bytes). */
function jitter(replicate: number): number {
  return ((replicate * 0.6180339887498949) % 1) * 2 - 1;
}

export function keyMetricsWithData(model: ReportModel): string[] {
  return KEY_METRICS.filter((m) => model.summary.some((r) => r.metric === m && r.n > 0));
}

const distributions: ChartBuilder = (model) => {
  const metrics = keyMetricsWithData(model);
  if (metrics.length === 0) return [];
  const names = labels(model);
  const order = model.set.points.map((p) => p.label);
  const dots = model.info.replicates <= MAX_DOTS;
  const panels = metrics.map((metric): VlSpec => {
    const style = metricStyle(metric);
    const summary = model.summary
      .filter((r) => r.metric === metric && r.n > 0)
      .map((r) => ({ ...r, label: names.get(r.point)!.label, scenario: names.get(r.point)!.scenario }));
    const y = { field: 'label', type: 'nominal', title: null, sort: order, axis: { labelLimit: 360 } };
    // A panel whose runs all have one value (every pool survives: 100%) gets a small range around it,
    // or vega would draw ticks for an empty range ("100.000000%").
    const all = model.set.points.flatMap((p) => model.runs.points[p.index].metrics.get(metric) ?? []).filter(Number.isFinite);
    // (a loop, not Math.max(...all): a batch can have more runs than a call can take arguments)
    const range = all.reduce((r, v) => [Math.min(r[0], v), Math.max(r[1], v)], [Infinity, -Infinity]);
    const flat = all.length > 0 && range[1] - range[0] < 1e-12;
    const pad = Math.abs(all[0] ?? 0) * 0.05 || (style.share ? 0.05 : 1);
    const [lo, hi] = style.bounded ? [Math.max(0, all[0] - pad), Math.min(1, all[0] + pad)] : [all[0] - pad, all[0] + pad];
    const scale = flat ? { domain: [lo, hi] } : { zero: false };
    const x = (field: string) => ({ field, type: 'quantitative', title: axisTitle(metric), axis: { format: style.axisFormat }, scale });
    const colour = scenarioEncoding(model, ['color']);
    (colour.color as VlSpec).legend = null;
    const layer: VlSpec[] = [
      { data: { values: summary }, mark: { type: 'rule', color: '#333333' }, encoding: { y, x: x('q05'), x2: { field: 'q95' } } },
      { data: { values: summary }, mark: { type: 'bar', size: 16, opacity: 0.45, stroke: '#333333' }, encoding: { y, x: x('q25'), x2: { field: 'q75' }, ...colour } },
    ];
    if (dots) {
      const values = model.set.points.flatMap((p) => {
        const runs = model.runs.points[p.index];
        const column = runs.metrics.get(metric) ?? [];
        return runs.replicates
          .map((replicate, i) => ({ label: p.label, scenario: p.scenarioLabel, value: column[i], jitter: jitter(replicate) }))
          .filter((d) => Number.isFinite(d.value));
      });
      layer.push({
        data: { values },
        mark: { type: 'point', filled: true, size: 16, opacity: 0.6 },
        encoding: { y, x: x('value'), yOffset: { field: 'jitter', type: 'quantitative', scale: { domain: [-1, 1], range: [STEP / 2 - 8, STEP / 2 + 8] } }, ...colour },
      });
    }
    layer.push(
      { data: { values: summary }, mark: { type: 'tick', color: '#000000', thickness: 2, size: 20 }, encoding: { y, x: x('median') } },
      {
        data: { values: summary },
        mark: { type: 'point', shape: 'diamond', filled: true, color: '#000000', size: 60 },
        encoding: {
          y,
          x: x('mean'),
          tooltip: [
            { field: 'label', title: 'Scenario' },
            { field: 'mean', title: 'Mean', format: style.format },
            { field: 'median', title: 'Median', format: style.format },
            { field: 'ciLow', title: '95% CI low', format: style.format },
            { field: 'ciHigh', title: '95% CI high', format: style.format },
            { field: 'n', title: 'Runs' },
          ],
        },
      },
    );
    return { width: 520, height: { step: STEP }, layer };
  });
  const note = `Box: middle 50% of runs; whiskers: 5–95%; black tick: median; diamond: mean${dots ? '; dots: single runs' : ''}.`;
  return [
    {
      name: 'outcome-distributions',
      title: 'Distribution of key outcomes per scenario',
      description: `${note} One panel per outcome; outcomes with no values in this batch (e.g. 2050 when the horizon ends earlier) are left out.`,
      spec: framed({
        title: 'Distribution of key outcomes per scenario',
        subtitle: ['Spread of the outcome over the runs of each scenario'],
        caption: [note, model.source],
        body: { vconcat: panels, spacing: 20 },
      }),
    },
  ];
};

export const distributionCharts: ChartBuilder[] = [distributions];
