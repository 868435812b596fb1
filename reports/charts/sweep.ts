/**
 * An outcome across the swept parameters: a line with its 95% interval over one swept value, or a
 * heatmap over two (one panel per scenario). Charted only when the batch sweeps something.
 */
import { axisTitle, metricStyle } from '../metrics.js';
import type { ReportModel } from '../model.js';
import { formatSweepValue } from '../aggregate/points.js';
import { type ChartBuilder, lineLegend, scenarioEncoding } from './chart.js';
import { QUANTITY_SCHEME, framed, type VlSpec } from './theme.js';

/** The outcome shown: progress by 2050 when the runs reach it, else by 2030, else (short runs) membership or dwellings at the end. */
export function sweepMetric(model: ReportModel): string | undefined {
  return ['progress2050', 'progress2030', 'membershipShareEnd', 'dwellingsReadyEnd'].find((m) => model.summary.some((r) => r.metric === m && r.n > 0));
}

const sweep: ChartBuilder = (model) => {
  const names = model.set.sweepNames;
  const metric = sweepMetric(model);
  if (names.length === 0 || !metric || model.set.sweepLabels.length < 2) return [];
  const style = metricStyle(metric);
  const rows = model.set.points.map((p) => {
    const s = model.summary.find((r) => r.point === p.id && r.metric === metric)!;
    const row: Record<string, unknown> = { scenario: p.scenarioLabel, mean: s.mean, ciLow: s.ciLow, ciHigh: s.ciHigh, n: s.n };
    names.forEach((k, i) => {
      row[`s${i}`] = p.sweep[k] === undefined ? '(not set)' : typeof p.sweep[k] === 'number' ? p.sweep[k] : formatSweepValue(p.sweep[k]);
    });
    return row;
  });
  const axisFor = (i: number): VlSpec => {
    const values = rows.map((r) => r[`s${i}`]);
    const numeric = values.every((v) => typeof v === 'number');
    return numeric
      ? { field: `s${i}`, type: 'quantitative', title: names[i], scale: { zero: false } }
      : { field: `s${i}`, type: 'ordinal', title: names[i], sort: [...new Set(values.map(String))] };
  };
  const tooltip = [
    { field: 'scenario', title: 'Scenario' },
    ...names.map((k, i) => ({ field: `s${i}`, title: k })),
    { field: 'mean', title: 'Mean', format: style.format },
    { field: 'ciLow', title: '95% CI low', format: style.format },
    { field: 'ciHigh', title: '95% CI high', format: style.format },
    { field: 'n', title: 'Runs' },
  ];
  let body: VlSpec;
  let note: string;
  if (names.length === 1) {
    const x = axisFor(0);
    if (x.type === 'quantitative') {
      // Dodge the scenarios sideways by a little (1.2% of the range each), so their interval bars do not hide each other.
      const values = rows.map((r) => r.s0 as number);
      const span = Math.max(...values) - Math.min(...values) || 1;
      const k = model.set.scenarioLabels.length;
      for (const r of rows) r.x = (r.s0 as number) + (model.set.scenarioLabels.indexOf(r.scenario as string) - (k - 1) / 2) * 0.012 * span;
      x.field = 'x';
    }
    const y = (field: string) => ({ field, type: 'quantitative', title: axisTitle(metric), axis: { format: style.axisFormat } });
    note = `Line and dots: mean over runs; bars: 95% confidence interval of the mean.${x.field === 'x' ? ' Scenarios are shifted sideways a little so that their bars do not overlap.' : ''}`;
    body = {
      data: { values: rows },
      width: 520,
      height: 300,
      layer: [
        { mark: { type: 'rule', strokeWidth: 2 }, encoding: { x, y: y('ciLow'), y2: { field: 'ciHigh' }, ...lineLegend(scenarioEncoding(model, ['color'])) } },
        { mark: { type: 'line' }, encoding: { x, y: y('mean'), ...lineLegend(scenarioEncoding(model, ['color', 'strokeDash'])) } },
        { mark: { type: 'point', filled: true, size: 60, opacity: 1 }, encoding: { x, y: y('mean'), ...lineLegend(scenarioEncoding(model, ['color'])), tooltip } },
      ],
    };
  } else {
    const x = { ...axisFor(0), type: 'ordinal', axis: { labelAngle: 0 } };
    const y = { ...axisFor(1), type: 'ordinal' };
    const extra = names.length > 2 ? ` (other swept values: ${names.slice(2).join(', ')} — cells averaged over them are not drawn; see summary.csv)` : '';
    note = `Colour: mean over runs${extra}. Cell text: the mean.`;
    const means = rows.map((r) => r.mean as number).filter(Number.isFinite);
    const mid = means.length ? (Math.min(...means) + Math.max(...means)) / 2 : 0;
    body = {
      data: { values: rows },
      facet: { field: 'scenario', type: 'nominal', sort: model.set.scenarioLabels, title: null },
      columns: Math.min(model.set.scenarios.length, 3),
      spec: {
        width: { step: 56 },
        height: { step: 36 },
        layer: [
          {
            mark: { type: 'rect' },
            encoding: {
              x,
              y,
              color: { field: 'mean', type: 'quantitative', title: [style.label, `(${style.unit})`], scale: { scheme: QUANTITY_SCHEME }, legend: { format: style.axisFormat } },
              tooltip,
            },
          },
          {
            mark: { type: 'text', fontSize: 10 },
            encoding: {
              x,
              y,
              // One decimal more than the tables: neighbouring cells should not read the same when their colours differ.
              text: { field: 'mean', type: 'quantitative', format: style.share ? '.1%' : style.format },
              color: { condition: { test: `datum.mean > ${mid}`, value: '#000000' }, value: '#ffffff' },
            },
          },
        ],
      },
    };
  }
  return [
    {
      name: 'sweep-outcome',
      title: `${style.label} across the swept ${names.length === 1 ? 'parameter' : 'parameters'}`,
      description: `${axisTitle(metric)} at each sweep point, per scenario. ${note}`,
      spec: framed({
        title: `${style.label} across ${names.join(' × ')}`,
        subtitle: ['Mean over runs at each sweep point, per scenario'],
        caption: [note, model.source],
        body,
      }),
    },
  ];
};

export const sweepCharts: ChartBuilder[] = [sweep];
