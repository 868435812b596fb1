/**
 * One forest plot per research question: each claim's paired contrast with its 95% interval, one
 * panel per outcome (shares in percentage points, other outcomes in their own unit).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { metricStyle } from '../metrics.js';
import { framed, OKABE_ITO, type VlSpec } from '../charts/theme.js';
import { renderSvg } from '../render/render.js';
import { assertValidSpec } from '../render/validate.js';
import type { Claim } from './claims.js';
import type { Stat } from './format.js';
import { outcomeLabel } from './labels.js';

const YES = 'distinguishable from zero';
const NO = 'not distinguishable from zero';

export interface ForestRow {
  claim: Claim;
  d: Stat & { pairs: number };
}

function panel(metric: string, rows: ForestRow[]): VlSpec {
  const style = metricStyle(metric);
  const scale = style.share ? 100 : 1;
  const values = rows.map((r) => ({
    label: r.claim.label,
    mean: r.d.mean * scale,
    ciLow: r.d.ciLow * scale,
    ciHigh: r.d.ciHigh * scale,
    pairs: r.d.pairs,
    verdict: r.d.ciLow > 0 || r.d.ciHigh < 0 ? YES : NO,
  }));
  const unit = style.share ? 'percentage points' : style.unit;
  const x = (field: string) => ({
    field,
    type: 'quantitative',
    title: `${outcomeLabel(metric)}: difference (${unit})`,
    axis: { format: style.share ? '+,f' : `+${style.axisFormat}` },
  });
  const y = { field: 'label', type: 'nominal', title: null, sort: null, axis: { labelLimit: 420 } };
  const format = style.share ? '+.2f' : `+${style.format}`;
  return {
    width: 420,
    height: { step: 28 },
    layer: [
      {
        data: { values: [{ zero: 0 }] },
        mark: { type: 'rule', color: '#555555', strokeDash: [4, 3] },
        encoding: { x: x('zero') },
      },
      {
        data: { values },
        mark: { type: 'rule', strokeWidth: 2.5, color: OKABE_ITO[0] },
        encoding: { y, x: x('ciLow'), x2: { field: 'ciHigh' } },
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
            { field: 'label', title: 'Contrast' },
            { field: 'mean', title: 'Mean difference', format },
            { field: 'ciLow', title: '95% CI low', format },
            { field: 'ciHigh', title: '95% CI high', format },
            { field: 'pairs', title: 'Pairs' },
          ],
        },
      },
    ],
  };
}

/** Writes figures/<name>.svg and returns its path relative to docs/. */
export async function writeForest(
  name: string,
  title: string,
  rows: ForestRow[],
  source: string,
  dir: string,
): Promise<string> {
  const metrics = [...new Set(rows.map((r) => r.claim.metric))];
  const spec = framed({
    title,
    subtitle: ['Each contrast: variant minus baseline, run by run on shared seeds; line: 95% interval'],
    caption: [`Filled dot: ${YES}; hollow: not. The dashed line marks no difference.`, source],
    body: {
      vconcat: metrics.map((m) =>
        panel(
          m,
          rows.filter((r) => r.claim.metric === m),
        ),
      ),
      spacing: 18,
      resolve: { scale: { fill: 'shared' } },
    },
  });
  assertValidSpec(name, spec);
  writeFileSync(join(dir, `${name}.svg`), await renderSvg(spec));
  return `figures/${name}.svg`;
}
