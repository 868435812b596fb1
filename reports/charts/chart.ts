/** A chart of the report: its file name, the title and a paragraph for the HTML page, and its spec. */
import type { ReportModel } from '../model.js';
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

/** Readable labels by point id. */
export function labels(model: ReportModel): Map<string, { scenario: string; sweep: string; label: string }> {
  return new Map(model.set.points.map((p) => [p.id, { scenario: p.scenarioLabel, sweep: p.sweepLabel, label: p.label }]));
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

/**
 * Puts a view over inline rows, split into small multiples by sweep point when there are sweeps
 * (a facet cannot hold another facet, so views that facet themselves do not use this).
 */
export function bySweep(model: ReportModel, rows: unknown[], view: VlSpec, width = 520, height = 300): VlSpec {
  if (!swept(model)) return { data: { values: rows }, width, height, ...view };
  const n = model.set.sweepLabels.length;
  return {
    data: { values: rows },
    facet: { field: 'sweep', type: 'ordinal', sort: model.set.sweepLabels, title: 'Sweep point' },
    columns: Math.min(n, 3),
    spec: { width: Math.round(width / Math.min(n, 2)), height: Math.round(height * 0.8), ...view },
  };
}

/** 0.1234 → "12.3%"; NaN → "–". For subtitles and tables. */
export function pct(v: number, digits = 1): string {
  return Number.isFinite(v) ? `${(v * 100).toFixed(digits)}%` : '–';
}
