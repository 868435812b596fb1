/**
 * Small against large municipalities (under / at least 50,000 inhabitants): progress of each size
 * class with its 95% interval, per scenario, by 2030 and (when the runs reach it) 2050. Pools are
 * meant to help the small ones most; this shows whether they do.
 */
import type { ReportModel } from '../model.js';
import { type ChartBuilder, labels } from './chart.js';
import { categoryEncoding, framed } from './theme.js';

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
      .map((r) => ({ label: names.get(r.point)!.label, size, year: `By end ${year}`, mean: r.mean, ciLow: r.ciLow, ciHigh: r.ciHigh, n: r.n })),
  );
}

const sizeClasses: ChartBuilder = (model) => {
  const data = rows(model);
  if (data.length === 0) return [];
  const years = [...new Set(data.map((d) => d.year))];
  const y = { field: 'label', type: 'nominal', title: null, sort: model.set.points.map((p) => p.label), axis: { labelLimit: 360 } };
  const x = (field: string) => ({ field, type: 'quantitative', title: 'Dwellings ready (% of the full-pace target)', axis: { format: '%' } });
  const yOffset = { field: 'size', type: 'nominal', sort: [SMALL, LARGE], scale: { paddingInner: 0.2 } };
  const note = 'Dot: mean over runs; line: 95% confidence interval of the mean. Size class by population (CBS 2024).';
  return [
    {
      name: 'small-vs-large',
      title: 'Small and large municipalities',
      description: `Progress of municipalities under 50,000 inhabitants against those of 50,000 or more, per scenario. ${note}`,
      spec: framed({
        title: 'Small and large municipalities',
        subtitle: ['Progress by size class, region total per class'],
        caption: [note, model.source],
        body: {
          data: { values: data },
          facet: { field: 'year', type: 'nominal', sort: years, title: null },
          columns: years.length,
          spec: {
            width: years.length > 1 ? 300 : 520,
            height: { step: 40 },
            layer: [
              { mark: { type: 'rule', strokeWidth: 2 }, encoding: { y, yOffset, x: x('ciLow'), x2: { field: 'ciHigh' }, ...categoryEncoding('size', 'Size class', [SMALL, LARGE], ['color']) } },
              {
                mark: { type: 'point', filled: true, size: 70 },
                encoding: {
                  y,
                  yOffset,
                  x: x('mean'),
                  ...categoryEncoding('size', 'Size class', [SMALL, LARGE], ['color', 'shape']),
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
    },
  ];
};

export const sizeCharts: ChartBuilder[] = [sizeClasses];
