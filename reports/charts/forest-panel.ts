/**
 * One panel of a forest plot: a dashed rule at zero, each row's 95% interval as a line and its mean
 * difference as a dot, filled when the interval excludes zero. Shared by the report's forest plot
 * (reports/charts/forest.ts) and the findings figures (reports/findings/figure.ts).
 * @example forestPanel({ metric: 'progress2050', rows, xTitle: (u) => `Progress (${u})`, width: 420, step: 28 })
 */
import { metricStyle } from '../metrics.js';
import type { VlSpec } from './theme.js';

export const YES = 'distinguishable from zero';
const NO = 'not distinguishable from zero';

/** A row in the outcome's own unit (shares as fractions: the panel draws them in percentage points). */
export interface ForestPanelRow {
  label: string;
  mean: number;
  ciLow: number;
  ciHigh: number;
  pairs: number;
  /** Whether the interval excludes zero, when the row's method says so itself; else from the interval. */
  distinguishable?: boolean;
  [extra: string]: unknown;
}

export interface ForestPanelOptions {
  metric: string;
  rows: readonly ForestPanelRow[];
  /** The x-axis title from the unit (percentage points for shares). */
  xTitle: (unit: string) => string;
  width: number;
  step: number;
  /** Row order (labels), or null for the order of the rows. */
  sort?: string[] | null;
  /** Title of the label in the tooltip. */
  labelTitle?: string;
  /** Extra tooltip fields after the pairs. */
  tooltip?: VlSpec[];
  /** Encodings added to the interval line (e.g. the scenario's colour); else one colour. */
  lineEncoding?: VlSpec;
  lineColour?: string;
}

export function forestPanel(o: ForestPanelOptions): VlSpec {
  const style = metricStyle(o.metric);
  // Differences of shares are drawn in percentage points (0.012 → 1.2), so the axis reads "+1.2", not "+1.2%".
  const scale = style.share ? 100 : 1;
  const values = o.rows.map(({ distinguishable, ...r }) => ({
    ...r,
    mean: r.mean * scale,
    ciLow: r.ciLow * scale,
    ciHigh: r.ciHigh * scale,
    verdict: (distinguishable ?? (r.ciLow > 0 || r.ciHigh < 0)) ? YES : NO,
  }));
  const unit = style.share ? 'percentage points' : style.unit;
  const format = style.share ? '+.2f' : `+${style.format}`;
  const y = { field: 'label', type: 'nominal', title: null, sort: o.sort ?? null, axis: { labelLimit: 420 } };
  const x = (field: string) => ({
    field,
    type: 'quantitative',
    title: o.xTitle(unit),
    axis: { format: style.share ? '+,f' : `+${style.axisFormat}` },
  });
  const line = o.lineColour
    ? { type: 'rule', strokeWidth: 2.5, color: o.lineColour }
    : { type: 'rule', strokeWidth: 2.5 };
  return {
    width: o.width,
    height: { step: o.step },
    layer: [
      {
        data: { values: [{ zero: 0 }] },
        mark: { type: 'rule', color: '#555555', strokeDash: [4, 3] },
        encoding: { x: x('zero') },
      },
      {
        data: { values },
        mark: line,
        encoding: { y, x: x('ciLow'), x2: { field: 'ciHigh' }, ...(o.lineEncoding ?? {}) },
      },
      {
        data: { values },
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
            { field: 'label', title: o.labelTitle ?? 'Contrast' },
            { field: 'mean', title: 'Mean difference', format },
            { field: 'ciLow', title: '95% CI low', format },
            { field: 'ciHigh', title: '95% CI high', format },
            { field: 'pairs', title: 'Pairs' },
            ...(o.tooltip ?? []),
          ],
        },
      },
    ],
  };
}
