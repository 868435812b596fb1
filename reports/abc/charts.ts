/** The calibration's charts (Vega-Lite, the reports' theme): marginal and pairwise posteriors, and the pattern fit. */
import type { Chart } from '../charts/chart.js';
import { framed, OKABE_ITO, type VlSpec } from '../charts/theme.js';
import type { TargetPattern } from './calibration-file.js';
import type { Generation } from './pmc.js';

export function abcCharts(
  names: readonly string[],
  patterns: readonly TargetPattern[],
  prior: Generation,
  post: Generation,
  source: string,
): Chart[] {
  const rows = (g: Generation, which: string) =>
    g.particles.map((p) => ({
      which,
      weight: p.weight,
      ...Object.fromEntries(names.map((n, k) => [n, p.theta[k]])),
      ...Object.fromEntries(patterns.map((q, k) => [`pattern:${q.name}`, Number.isFinite(p.stats[k]) ? p.stats[k] : null])),
    }));
  const values = [...rows(prior, 'prior (generation 0)'), ...rows(post, `posterior (generation ${post.index})`)];
  const colour = { field: 'which', type: 'nominal', title: null, scale: { range: ['#999999', OKABE_ITO[0]] } };
  // A weighted histogram of `field` per prior/posterior, its bins named lo and hi, after `filter`.
  const histogram = (field: string, lo: string, hi: string, title: string, filter: VlSpec[] = []): VlSpec => ({
    transform: [
      ...filter,
      { bin: { maxbins: 20 }, field, as: [lo, hi] },
      { aggregate: [{ op: 'sum', field: 'weight', as: 'mass' }], groupby: ['which', lo, hi] },
    ],
    mark: { type: 'bar', opacity: 0.6 },
    encoding: {
      x: { field: lo, type: 'quantitative', bin: { binned: true }, title },
      x2: { field: hi },
      y: { field: 'mass', type: 'quantitative', title: 'weight', stack: null },
      color: colour,
    },
  });
  const marginal = (n: string): VlSpec => ({ width: 220, height: 140, ...histogram(n, 'lo', 'hi', n) });
  const charts: Chart[] = [
    {
      name: 'marginals',
      title: 'Marginal posteriors',
      description: 'Weighted histograms of each parameter: prior draws (generation 0) and the posterior.',
      spec: framed({
        title: 'Marginal posteriors',
        subtitle: ['Weighted histogram per parameter: prior draws (grey) against the final generation (blue)'],
        caption: [source],
        body: { data: { values }, columns: 3, concat: names.map(marginal) },
      }),
    },
  ];
  if (names.length >= 2) {
    const postValues = values.filter((v) => v.which !== 'prior (generation 0)');
    charts.push({
      name: 'pairs',
      title: 'Pairwise posteriors',
      description: 'Each pair of parameters in the final generation; point size is the importance weight.',
      spec: framed({
        title: 'Pairwise posteriors',
        subtitle: ['Final generation: each point a particle, its size the importance weight'],
        caption: [source],
        body: {
          data: { values: postValues },
          repeat: { row: [...names], column: [...names] },
          spec: {
            width: 150,
            height: 150,
            mark: { type: 'circle', opacity: 0.5, color: OKABE_ITO[0] },
            encoding: {
              x: { field: { repeat: 'column' }, type: 'quantitative', scale: { zero: false } },
              y: { field: { repeat: 'row' }, type: 'quantitative', scale: { zero: false } },
              size: { field: 'weight', type: 'quantitative', legend: null },
            },
          },
        },
      }),
    });
  }
  const fit = (q: TargetPattern): VlSpec => {
    const f = `pattern:${q.name}`;
    return {
      width: 220,
      height: 140,
      layer: [
        {
          data: { values: [{ lo: q.lo, hi: q.hi }] },
          mark: { type: 'rect', color: '#cfe3f5', opacity: 0.8 },
          encoding: { x: { field: 'lo', type: 'quantitative', title: q.name }, x2: { field: 'hi' } },
        },
        { data: { values }, ...histogram(f, 'blo', 'bhi', q.name, [{ filter: `isValid(datum['${f}'])` }]) },
      ],
    };
  };
  charts.push({
    name: 'pattern-fit',
    title: 'Pattern fit',
    description: 'Each pattern\'s simulated value (aggregated over a particle\'s runs) under the prior and the posterior, against its band.',
    spec: framed({
      title: 'Pattern fit',
      subtitle: ['Simulated pattern values under the prior (grey) and the posterior (blue); the band is shaded'],
      caption: [source],
      body: { columns: 3, concat: patterns.map(fit) },
    }),
  });
  return charts;
}
