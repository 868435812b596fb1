/**
 * Feature scores: how much each sampled input tells about an outcome (mutual information minus what
 * chance gives at this sample size), as shares that sum to 1, with the permutation p-value. Used by
 * scenario discovery (the outcome of interest) and by the sensitivity command on designs that
 * support neither Morris nor Sobol (Latin hypercube, full factorial).
 */
import { factorTitle } from '../labels.js';
import type { FeatureScore } from '../discovery/index.js';
import type { Chart } from './chart.js';
import { framed, type VlSpec } from './theme.js';

const SIGNIFICANT = 'more than chance (p ≤ 0.05)';
const CHANCE = 'could be chance (p > 0.05)';

export interface ScoresPanel {
  /** Panel title (scenario / policy), or '' for a single panel. */
  group: string;
  scores: readonly FeatureScore[];
}

/** A feature-score chart: one panel per group, inputs sorted by their share in the first panel. */
export function featureScoresChart(options: {
  name: string;
  title: string;
  subtitle: string[];
  outcome: string;
  panels: readonly ScoresPanel[];
  notes: string[];
  source: string;
}): Chart | undefined {
  const panels = options.panels.filter((p) => p.scores.length > 0);
  if (panels.length === 0) return undefined;
  const rows: VlSpec[] = panels.flatMap((p) =>
    p.scores.map((s) => ({
      group: p.group,
      input: factorTitle(s.name),
      share: s.share,
      score: s.score,
      mi: s.mutualInformation,
      baseline: s.baseline,
      pValue: s.pValue,
      significance: s.pValue <= 0.05 ? SIGNIFICANT : CHANCE,
      label: `${(s.share * 100).toFixed(0)}%${s.pValue > 0.05 ? ` (p = ${s.pValue.toFixed(2)})` : ''}`,
    })),
  );
  const order = [...panels[0].scores].sort((a, b) => b.share - a.share).map((s) => factorTitle(s.name));
  const y = { field: 'input', type: 'nominal', title: null, sort: order, axis: { labelLimit: 320 } };
  const x = {
    field: 'share',
    type: 'quantitative',
    title: `Share of the information about ${options.outcome}`,
    axis: { format: '.0%' },
    scale: { domain: [0, 1] },
  };
  const view: VlSpec = {
    width: 420,
    height: { step: 26 },
    layer: [
      {
        mark: { type: 'bar', height: { band: 0.7 } },
        encoding: {
          y,
          x,
          color: {
            field: 'significance',
            type: 'nominal',
            title: null,
            scale: { domain: [SIGNIFICANT, CHANCE], range: ['#0072B2', '#a6cbe3'] },
            legend: { orient: 'bottom' },
          },
          tooltip: [
            { field: 'input', title: 'Input' },
            { field: 'share', title: 'Share', format: '.1%' },
            { field: 'mi', title: 'Mutual information (bits)', format: '.4f' },
            { field: 'baseline', title: 'Chance level (bits)', format: '.4f' },
            { field: 'pValue', title: 'p (permutations)', format: '.3f' },
          ],
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 4, fontSize: 11, color: '#222222' },
        encoding: { y, x, text: { field: 'label' } },
      },
    ],
  };
  const body: VlSpec =
    panels.length > 1
      ? {
          data: { values: rows },
          facet: { field: 'group', type: 'nominal', sort: panels.map((p) => p.group), title: null },
          columns: Math.min(panels.length, 2),
          spec: view,
        }
      : { data: { values: rows }, ...view };
  const note =
    'Bar: the mutual information between the input (cut into equal-count bins) and the outcome, less its average when the outcome is shuffled (what chance gives at this sample size), as a share of all inputs. It sees any dependence, one input at a time; p: share of shuffles that did as well.';
  return {
    name: options.name,
    title: options.title,
    description: `${note} ${options.notes.join(' ')}`,
    spec: framed({
      title: options.title,
      subtitle: options.subtitle,
      caption: [note, ...options.notes, options.source],
      body,
    }),
  };
}
