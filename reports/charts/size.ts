/**
 * Small against large municipalities (under / at least 50,000 inhabitants): progress of each size
 * class with its 95% interval, per scenario, by 2030 and (when the runs reach it) 2050. Pools are
 * meant to help the small ones most; this shows whether they do.
 */
import type { ReportModel } from '../model.js';
import { type ChartBuilder, labels, paged, scenarioEncoding } from './chart.js';
import { MAX_ROWS } from './distributions.js';
import { framed } from './theme.js';

const SMALL = 'Small (< 50,000 inhabitants)';
const LARGE = 'Large (≥ 50,000 inhabitants)';
const METRICS = [
  ['progressSmall2030', SMALL, '2030'],
  ['progressLarge2030', LARGE, '2030'],
  ['progressSmall2050', SMALL, '2050'],
  ['progressLarge2050', LARGE, '2050'],
] as const;

function rows(model: ReportModel) {
  const names = labels(model);
  return METRICS.flatMap(([metric, size, year]) =>
    model.summary
      .filter((r) => r.metric === metric && r.n > 0)
      .map((r) => ({
        label: names.get(r.point)!.label,
        scenario: names.get(r.point)!.scenario,
        size,
        year: `By end ${year}`,
        mean: r.mean,
        ciLow: Math.max(0, r.ciLow),
        ciHigh: Math.min(1, r.ciHigh),
        n: r.n,
      })),
  );
}

const sizeClasses: ChartBuilder = (model) => {
  const data = rows(model);
  if (data.length === 0) return [];
  const years = [...new Set(data.map((d) => d.year))];
  const y = {
    field: 'label',
    type: 'nominal',
    title: null,
    sort: model.set.points.map((p) => p.label),
    axis: { labelLimit: 420 },
  };
  const x = (field: string) => ({
    field,
    type: 'quantitative',
    title: 'Dwellings ready (% of the full-pace target)',
    axis: { format: '%' },
  });
  const yOffset = { field: 'size', type: 'nominal', sort: [SMALL, LARGE], scale: { paddingInner: 0.2 } };
  // Colour by scenario, as in every other chart (a colour always means the same scenario); the size class is the shape.
  const colour = scenarioEncoding(model, ['color']);
  (colour.color as Record<string, unknown>).legend = null;
  const note =
    'Circle: small municipalities, square: large; line: 95% confidence interval of the mean. Colours are the scenarios’ (as in every chart). Size class by population (CBS 2024).';
  const labelsAll = model.set.points.map((p) => p.label);
  const pages: string[][] = [];
  for (let i = 0; i < labelsAll.length; i += MAX_ROWS) pages.push(labelsAll.slice(i, i + MAX_ROWS));
  return paged(pages, (page, p) => ({
    name: `small-vs-large${p.name}`,
    title: `Small and large municipalities${p.title}`,
    description: `Progress of municipalities under 50,000 inhabitants against those of 50,000 or more, per scenario. ${note}`,
    spec: framed({
      title: `Small and large municipalities${p.title}`,
      subtitle: ['Progress by size class, region total per class'],
      caption: [note, model.source],
      body: {
        data: { values: data.filter((d) => page.includes(d.label)) },
        facet: { field: 'year', type: 'nominal', sort: years, title: null },
        columns: years.length,
        spec: {
          width: years.length > 1 ? 300 : 520,
          height: { step: 40 },
          layer: [
            {
              mark: { type: 'rule', strokeWidth: 2 },
              encoding: { y, yOffset, x: x('ciLow'), x2: { field: 'ciHigh' }, ...colour },
            },
            {
              mark: { type: 'point', filled: true, size: 70 },
              encoding: {
                y,
                yOffset,
                x: x('mean'),
                ...colour,
                shape: {
                  field: 'size',
                  type: 'nominal',
                  title: 'Size class',
                  scale: { domain: [SMALL, LARGE], range: ['circle', 'square'] },
                  sort: [SMALL, LARGE],
                },
                tooltip: [
                  { field: 'label', title: 'Scenario' },
                  { field: 'size', title: 'Size class' },
                  { field: 'mean', title: 'Mean', format: '.1%' },
                  { field: 'ciLow', title: '95% CI low', format: '.1%' },
                  { field: 'ciHigh', title: '95% CI high', format: '.1%' },
                ],
              },
            },
          ],
        },
      },
    }),
  }));
};

export const sizeCharts: ChartBuilder[] = [sizeClasses];
