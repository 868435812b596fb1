/** A chart of the report: its file name, the title and a paragraph for the HTML page, and its spec. */
import type { ReportModel } from '../model.js';
import { factorTitle, formatFactorValue } from '../labels.js';
import { categoryEncoding, type VlSpec } from './theme.js';

export interface Chart {
  /** File stem: charts/<name>.vl.json, .svg, .png. */
  name: string;
  title: string;
  /** What the chart shows and how to read it, for the HTML page. */
  description: string;
  spec: VlSpec;
}

/** Builds zero or more charts from the model (none when the batch lacks the data, e.g. no sweeps). */
export type ChartBuilder = (model: ReportModel) => Chart[];

/** Readable labels by point id: scenario, sweep setting (labels and units of the registries), both, and each swept value. */
export function labels(model: ReportModel): Map<string, { scenario: string; sweep: string; label: string; values: string[] }> {
  const names = model.set.sweepNames;
  return new Map(
    model.set.points.map((p) => [
      p.id,
      { scenario: p.scenarioLabel, sweep: p.sweepLabel, label: p.label, values: names.map((k) => formatFactorValue(k, p.sweep[k])) },
    ]),
  );
}

/** The x encoding of time. */
export function yearAxis(model: ReportModel): VlSpec {
  const monthly = model.info.seriesMode === 'monthly';
  return {
    field: 'year',
    type: 'quantitative',
    title: monthly ? 'Year' : 'Year (value at the end of the year)',
    scale: { zero: false, nice: false },
    axis: { format: 'd', tickMinStep: 1, labelFlush: false, labelOverlap: 'greedy' },
  };
}

/** Colour, dash and shape by scenario, one legend (listing only `shown` when given). */
export function scenarioEncoding(model: ReportModel, channels: Array<'color' | 'strokeDash' | 'shape'>, shown?: readonly string[]): VlSpec {
  return categoryEncoding('scenario', 'Scenario', model.set.scenarioLabels, channels, shown);
}

export const LINE_LEGEND = { symbolType: 'stroke', symbolOpacity: 1, symbolStrokeWidth: 2.5, symbolSize: 400 };

/**
 * The same encodings with a line-sample legend: layers share one legend, and without this it shows
 * the faint symbol of a band layer, or a square drawn with a dash, instead of the line's colour and dash.
 */
export function lineLegend(encoding: VlSpec): VlSpec {
  return Object.fromEntries(Object.entries(encoding).map(([k, v]) => [k, { ...(v as VlSpec), legend: LINE_LEGEND }]));
}

/** True when the batch has more than one sweep point, so views are split into one panel per point. */
export function swept(model: ReportModel): boolean {
  return model.set.sweepLabels.length > 1;
}

/** Panels (sweep points) per chart at most: a larger sweep is paged into several charts. */
export const MAX_PANELS = 12;

/** The distinct values of sweep variable i, in the order of the plan, as text. */
function sweepValueTexts(model: ReportModel, i: number): string[] {
  const k = model.set.sweepNames[i];
  return [...new Set(model.set.points.filter((p) => p.sweep[k] !== undefined).map((p) => formatFactorValue(k, p.sweep[k])))];
}

/** True when the sweep is a grid of exactly two variables: rows are the first, columns the second. */
function grid(model: ReportModel): boolean {
  return model.set.sweepNames.length === 2 && model.set.sweepLabels.length === sweepValueTexts(model, 0).length * sweepValueTexts(model, 1).length;
}

/**
 * The sweep labels of each chart page: all of them, or, for more than MAX_PANELS sweep points,
 * pages of at most MAX_PANELS (whole rows of a two-variable grid).
 */
export function sweepPages(model: ReportModel, max = MAX_PANELS): string[][] {
  const all = model.set.sweepLabels;
  if (all.length <= max) return [all];
  const per = grid(model) ? Math.max(1, Math.floor(max / sweepValueTexts(model, 1).length)) * sweepValueTexts(model, 1).length : max;
  const pages: string[][] = [];
  for (let i = 0; i < all.length; i += per) pages.push(all.slice(i, i + per));
  return pages;
}

/**
 * One chart per page: the chart's own name for a single page, else name-1, name-2, ... with
 * "(page i of n)" in the title, so a large sweep never makes one chart thousands of pixels tall.
 */
export function paged<T>(pages: readonly T[], make: (page: T, suffix: { name: string; title: string }) => Chart | undefined): Chart[] {
  return pages.flatMap((page, i) => {
    const suffix = pages.length === 1 ? { name: '', title: '' } : { name: `-${i + 1}`, title: ` (page ${i + 1} of ${pages.length})` };
    const chart = make(page, suffix);
    return chart ? [chart] : [];
  });
}

/**
 * Puts a view over inline rows, split into small multiples by sweep point when there are sweeps:
 * a grid of rows × columns for two swept variables (headed by their labels and units), else one
 * panel per sweep point, headed by its setting. `page` limits the panels to those sweep labels.
 * Rows need `sweep` (the point's sweep label) and `sw0`, `sw1` (the swept values as text).
 * (A facet cannot hold another facet, so views that facet themselves do not use this.)
 */
export function bySweep(model: ReportModel, rows: Array<Record<string, unknown>>, view: VlSpec, width = 520, height = 300, page?: readonly string[]): VlSpec {
  if (!swept(model)) return { data: { values: rows }, width, height, ...view };
  const shown = page ?? model.set.sweepLabels;
  const values = rows.filter((r) => shown.includes(r.sweep as string));
  if (grid(model)) {
    const [a, b] = model.set.sweepNames;
    const cols = sweepValueTexts(model, 1).length;
    return {
      data: { values },
      facet: {
        row: { field: 'sw0', type: 'ordinal', sort: sweepValueTexts(model, 0), title: factorTitle(a), header: { labelAngle: 0, labelAlign: 'left' } },
        column: { field: 'sw1', type: 'ordinal', sort: sweepValueTexts(model, 1), title: factorTitle(b) },
      },
      spec: { width: Math.round(width / Math.min(cols, 2)), height: Math.round(height * 0.7), ...view },
    };
  }
  const n = shown.length;
  return {
    data: { values },
    facet: { field: 'sweep', type: 'ordinal', sort: shown, title: null },
    columns: Math.min(n, 3),
    spec: { width: Math.round(width / Math.min(n, 2)), height: Math.round(height * 0.8), ...view },
  };
}

/** The facet fields of a point's rows: its sweep label and each swept value as text (see bySweep). */
export function sweepFields(model: ReportModel, point: string): { sweep: string; sw0?: string; sw1?: string } {
  const l = labels(model).get(point)!;
  return { sweep: l.sweep, sw0: l.values[0], sw1: l.values[1] };
}

/** 0.1234 → "12.3%"; NaN → "–". For subtitles and tables. */
export function pct(v: number, digits = 1): string {
  return Number.isFinite(v) ? `${(v * 100).toFixed(digits)}%` : '–';
}
