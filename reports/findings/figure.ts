/**
 * One forest plot per research question: each claim's paired contrast with its 95% interval, one
 * panel per outcome (shares in percentage points, other outcomes in their own unit).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { forestPanel, YES } from '../charts/forest-panel.js';
import { framed, OKABE_ITO, type VlSpec } from '../charts/theme.js';
import { renderSvg } from '../render/render.js';
import { assertValidSpec } from '../render/validate.js';
import type { Claim } from './claims.js';
import type { Stat } from './format.js';
import { outcomeLabel } from './labels.js';

export interface ForestRow {
  claim: Claim;
  d: Stat & { pairs: number };
}

function panel(metric: string, rows: ForestRow[]): VlSpec {
  return forestPanel({
    metric,
    rows: rows.map((r) => ({
      label: r.claim.label,
      mean: r.d.mean,
      ciLow: r.d.ciLow,
      ciHigh: r.d.ciHigh,
      pairs: r.d.pairs,
    })),
    xTitle: (unit) => `${outcomeLabel(metric)}: difference (${unit})`,
    width: 420,
    step: 28,
    lineColour: OKABE_ITO[0],
  });
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
