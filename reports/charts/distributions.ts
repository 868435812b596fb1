/**
 * The key outcomes per point, one panel per outcome. An outcome measured on a scale gets its
 * distribution over the runs: a box of the middle half, whiskers to the 5th and 95th percentiles,
 * the median and the mean, plus every single run as a dot while there are few enough to see. An
 * outcome that is a share of counts (a pool founded, a pool survives: each run 0 or 1) has no
 * distribution worth a box: its panel shows the share with its 95% Wilson interval instead.
 * Panels are paged so that no chart holds more than about 40 rows (chart.ts: paged).
 */
import { estimate, isShareOutcome, reportOutcomes } from '../aggregate/estimates.js';
import { axisTitle, metricStyle } from '../metrics.js';
import type { ReportModel } from '../model.js';
import type { PointMeta } from '../aggregate/points.js';
import { type ChartBuilder, paged, scenarioEncoding } from './chart.js';
import { framed, type VlSpec } from './theme.js';

/** Single runs are drawn as dots up to this many per point. */
const MAX_DOTS = 200;
/** Height per point (px); the dots are jittered within ±8 px of its centre (offsets count from the band's top). */
const STEP = 30;
/** Rows (points × panels) per chart at most. */
export const MAX_ROWS = 40;

/** A fixed jitter in [-1, 1] per replicate (no random(): the same results must render the same bytes). */
function jitter(replicate: number): number {
  return ((replicate * 0.6180339887498949) % 1) * 2 - 1;
}

/** The outcomes of the report (estimates.ts) that have values in this batch. */
export function keyMetricsWithData(model: ReportModel): string[] {
  return reportOutcomes(model);
}

/**
 * Pages of (points, outcomes): points in chunks of at most `max`, and per chunk the outcomes in
 * groups small enough that points × outcomes stays within `max` rows.
 */
export function rowPages<P, M>(
  points: readonly P[],
  metrics: readonly M[],
  max = MAX_ROWS,
): Array<{ points: P[]; metrics: M[] }> {
  const pages: Array<{ points: P[]; metrics: M[] }> = [];
  for (let i = 0; i < points.length; i += max) {
    const chunk = points.slice(i, i + max);
    const per = Math.max(1, Math.floor(max / chunk.length));
    for (let j = 0; j < metrics.length; j += per) pages.push({ points: chunk, metrics: metrics.slice(j, j + per) });
  }
  return pages;
}

/** One outcome as a share per point: dot and 95% Wilson interval. */
function sharePanel(model: ReportModel, metric: string, points: readonly PointMeta[]): VlSpec | undefined {
  const style = metricStyle(metric);
  const rows = points.flatMap((p) => {
    const e = estimate(model, p.id, metric);
    return e
      ? [
          {
            label: p.label,
            scenario: p.scenarioLabel,
            value: e.value,
            ciLow: e.ciLow,
            ciHigh: e.ciHigh,
            counts: `${e.successes} of ${e.n} ${e.of}`,
          },
        ]
      : [];
  });
  if (rows.length === 0) return undefined;
  const y = {
    field: 'label',
    type: 'nominal',
    title: null,
    sort: points.map((p) => p.label),
    axis: { labelLimit: 420 },
  };
  const x = (field: string) => ({
    field,
    type: 'quantitative',
    title: axisTitle(metric),
    axis: { format: style.axisFormat },
    scale: { domain: [0, 1] },
  });
  const colour = scenarioEncoding(model, ['color']);
  (colour.color as VlSpec).legend = null;
  return {
    width: 520,
    height: { step: STEP },
    data: { values: rows },
    layer: [
      { mark: { type: 'rule', strokeWidth: 2.5 }, encoding: { y, x: x('ciLow'), x2: { field: 'ciHigh' }, ...colour } },
      {
        mark: { type: 'point', filled: true, size: 80, opacity: 1, stroke: '#000000', strokeWidth: 0.8 },
        encoding: {
          y,
          x: x('value'),
          ...colour,
          tooltip: [
            { field: 'label', title: 'Scenario' },
            { field: 'value', title: 'Share', format: '.1%' },
            { field: 'ciLow', title: '95% Wilson low', format: '.1%' },
            { field: 'ciHigh', title: '95% Wilson high', format: '.1%' },
            { field: 'counts', title: 'Counts' },
          ],
        },
      },
    ],
  };
}

/** One outcome as a distribution over runs: box, whiskers, median, mean and single runs. */
function distributionPanel(model: ReportModel, metric: string, points: readonly PointMeta[]): VlSpec | undefined {
  const style = metricStyle(metric);
  const ids = new Set(points.map((p) => p.id));
  const byPoint = new Map(points.map((p) => [p.id, p]));
  const summary = model.summary
    .filter((r) => r.metric === metric && r.n > 0 && ids.has(r.point))
    .map((r) => ({
      label: byPoint.get(r.point)!.label,
      scenario: byPoint.get(r.point)!.scenarioLabel,
      n: r.n,
      mean: r.mean,
      median: r.median,
      q05: r.q05,
      q25: r.q25,
      q75: r.q75,
      q95: r.q95,
      ciLow: r.ciLow,
      ciHigh: r.ciHigh,
    }));
  if (summary.length === 0) return undefined;
  const y = {
    field: 'label',
    type: 'nominal',
    title: null,
    sort: points.map((p) => p.label),
    axis: { labelLimit: 420 },
  };
  // A panel whose runs all have one value gets a small range around it,
  // or vega would draw ticks for an empty range ("100.000000%").
  const all = points.flatMap((p) => model.runs.points[p.index].metrics.get(metric) ?? []).filter(Number.isFinite);
  // (a loop, not Math.max(...all): a batch can have more runs than a call can take arguments)
  const range = all.reduce((r, v) => [Math.min(r[0], v), Math.max(r[1], v)], [Infinity, -Infinity]);
  const flat = all.length > 0 && range[1] - range[0] < 1e-12;
  const pad = Math.abs(all[0] ?? 0) * 0.05 || (style.share ? 0.05 : 1);
  const [lo, hi] = style.bounded
    ? [Math.max(0, all[0] - pad), Math.min(1, all[0] + pad)]
    : [all[0] - pad, all[0] + pad];
  const scale = flat ? { domain: [lo, hi] } : { zero: false };
  const x = (field: string) => ({
    field,
    type: 'quantitative',
    title: axisTitle(metric),
    axis: { format: style.axisFormat },
    scale,
  });
  const colour = scenarioEncoding(model, ['color']);
  (colour.color as VlSpec).legend = null;
  const layer: VlSpec[] = [
    {
      data: { values: summary },
      mark: { type: 'rule', color: '#333333' },
      encoding: { y, x: x('q05'), x2: { field: 'q95' } },
    },
    {
      data: { values: summary },
      mark: { type: 'bar', size: 16, opacity: 0.45, stroke: '#333333' },
      encoding: { y, x: x('q25'), x2: { field: 'q75' }, ...colour },
    },
  ];
  if (model.info.replicates <= MAX_DOTS) {
    const values = points.flatMap((p) => {
      const runs = model.runs.points[p.index];
      const column = runs.metrics.get(metric) ?? [];
      return runs.replicates
        .map((replicate, i) => ({
          label: p.label,
          scenario: p.scenarioLabel,
          value: column[i],
          jitter: jitter(replicate),
        }))
        .filter((d) => Number.isFinite(d.value));
    });
    layer.push({
      data: { values },
      mark: { type: 'point', filled: true, size: 16, opacity: 0.6 },
      encoding: {
        y,
        x: x('value'),
        yOffset: {
          field: 'jitter',
          type: 'quantitative',
          scale: { domain: [-1, 1], range: [STEP / 2 - 8, STEP / 2 + 8] },
        },
        ...colour,
      },
    });
  }
  layer.push(
    {
      data: { values: summary },
      mark: { type: 'tick', color: '#000000', thickness: 2, size: 20 },
      encoding: { y, x: x('median') },
    },
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
          { field: 'ciLow', title: '95% CI of the mean, low', format: style.format },
          { field: 'ciHigh', title: '95% CI of the mean, high', format: style.format },
          { field: 'n', title: 'Runs' },
        ],
      },
    },
  );
  return { width: 520, height: { step: STEP }, layer };
}

const distributions: ChartBuilder = (model) => {
  const metrics = keyMetricsWithData(model);
  if (metrics.length === 0) return [];
  const dots = model.info.replicates <= MAX_DOTS;
  const shares = metrics.filter(isShareOutcome).map((m) => metricStyle(m).label.toLowerCase());
  const note = `Box: middle 50% of runs; whiskers: 5–95%; black tick: median; diamond: mean${dots ? '; dots: single runs' : ''}.${
    shares.length ? ` Shares (${shares.join(', ')}): dot and 95% Wilson interval.` : ''
  }`;
  return paged(rowPages(model.set.points, metrics), (page, p) => {
    const panels = page.metrics.flatMap((m) => {
      const panel = isShareOutcome(m) ? sharePanel(model, m, page.points) : distributionPanel(model, m, page.points);
      return panel ? [panel] : [];
    });
    if (panels.length === 0) return undefined;
    return {
      name: `outcome-distributions${p.name}`,
      title: `Key outcomes per scenario${p.title}`,
      description: `${note} One panel per outcome; outcomes with no values in this batch (e.g. 2050 when the horizon ends earlier) are left out.`,
      spec: framed({
        title: `Key outcomes per scenario${p.title}`,
        subtitle: ['Spread of each outcome over the runs; shares with their interval'],
        caption: [note, model.source],
        body: { vconcat: panels, spacing: 20 },
      }),
    };
  });
};

export const distributionCharts: ChartBuilder[] = [distributions];
