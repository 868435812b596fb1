/**
 * Sobol indices of one outcome: per factor the first-order index S1 (the share of the outcome's
 * variance due to the factor alone) and the total-order index ST (including all its interactions),
 * each with its bootstrap interval, and the convergence verdict under the title. One panel per
 * scenario × policy.
 */
import { factorTitle } from '../labels.js';
import type { GroupAnalysis, SensitivityResult } from '../explore/sensitivity.js';
import { metricStyle } from '../metrics.js';
import type { Chart } from './chart.js';
import { noiseLine } from './explore-morris.js';
import { categoryEncoding, framed, type VlSpec } from './theme.js';

const S1 = 'S1, first order (alone)';
const ST = 'ST, total order (with interactions)';

/** The Sobol chart of one metric (none when no group has indices). */
export function sobolChart(result: SensitivityResult, metric: string): Chart | undefined {
  const analyses = result.analyses.filter(
    (a): a is GroupAnalysis & { sobol: NonNullable<GroupAnalysis['sobol']> } =>
      a.metric === metric && a.sobol !== undefined,
  );
  if (analyses.length === 0) return undefined;
  const style = metricStyle(metric);
  const rows: VlSpec[] = [];
  for (const a of analyses)
    for (const f of a.sobol.factors)
      for (const [index, e] of [
        [S1, f.S1],
        [ST, f.ST],
      ] as const)
        rows.push({
          group: a.label,
          factor: factorTitle(f.name),
          index,
          value: e.value,
          low: Number.isFinite(e.low) ? e.low : e.value,
          high: Number.isFinite(e.high) ? e.high : e.value,
        });
  // Factors in order of their largest total-order index, so the ones that matter come first.
  const order = [...new Set(rows.map((r) => r.factor as string))].sort((p, q) => {
    const top = (name: string) =>
      Math.max(...rows.filter((r) => r.factor === name && r.index === ST).map((r) => r.value as number));
    return top(q) - top(p);
  });
  const colour = categoryEncoding('index', 'Index', [S1, ST], ['color', 'shape']);
  const y = { field: 'factor', type: 'nominal', title: null, sort: order, axis: { labelLimit: 320 } };
  const x = (field: string) => ({
    field,
    type: 'quantitative',
    title: 'Share of the variance of the outcome',
    axis: { format: '.0%' },
  });
  const tooltip = [
    { field: 'group', title: 'Scenario / policy' },
    { field: 'factor', title: 'Factor' },
    { field: 'index', title: 'Index' },
    { field: 'value', title: 'Estimate', format: '.3f' },
    { field: 'low', title: 'Interval low', format: '.3f' },
    { field: 'high', title: 'Interval high', format: '.3f' },
  ];
  const view: VlSpec = {
    width: 420,
    height: { step: 34 },
    layer: [
      {
        data: { values: [{ zero: 0 }] },
        mark: { type: 'rule', color: '#555555', strokeDash: [4, 3] },
        encoding: { x: x('zero') },
      },
      {
        mark: { type: 'rule', strokeWidth: 2.5 },
        encoding: {
          y,
          yOffset: { field: 'index', sort: [S1, ST] },
          x: x('low'),
          x2: { field: 'high' },
          color: colour.color,
        },
      },
      {
        mark: { type: 'point', filled: true, size: 80, opacity: 1 },
        encoding: { y, yOffset: { field: 'index', sort: [S1, ST] }, x: x('value'), ...colour, tooltip },
      },
    ],
  };
  const groups = [...new Set(analyses.map((a) => a.label))];
  // In a facet every layer takes the facet's data: the zero line then needs its own field in each row.
  const body: VlSpec =
    groups.length > 1
      ? {
          data: { values: rows.map((r) => ({ ...r, zero: 0 })) },
          facet: { field: 'group', type: 'nominal', sort: groups, title: null },
          columns: Math.min(groups.length, 2),
          spec: {
            ...view,
            layer: [
              { mark: { type: 'rule', color: '#555555', strokeDash: [4, 3] }, encoding: { x: x('zero') } },
              ...(view.layer as VlSpec[]).slice(1),
            ],
          },
        }
      : { data: { values: rows }, ...view };
  const verdicts = analyses.map((a) => `${groups.length > 1 ? `${a.label}: ` : ''}${a.sobol.verdict}`);
  const conf = Math.round(analyses[0].sobol.confidence * 100);
  const note = `Dot: the index; line: its ${conf}% bootstrap interval (${analyses[0].sobol.resamples} resamples of the base samples). S1: the share of the variance of the outcome due to the factor alone; ST: including every interaction it takes part in. ST much above S1: the factor acts through interactions; ST near 0: the factor can be fixed anywhere in its range.`;
  return {
    name: `sobol-${metric}`,
    title: `Sobol indices: ${style.label}`,
    description: `${note} ${result.averaging} Convergence: ${verdicts.join(' ')}`,
    spec: framed({
      title: `Sobol indices: ${style.label}`,
      subtitle: [
        `${result.design.line}; replicates averaged per design point`,
        `Convergence: ${analyses.every((a) => a.sobol.converged) ? 'converged' : 'NOT converged: the sample is too small (see below)'}`,
      ],
      caption: [
        note,
        ...verdicts.map((v) => `Convergence: ${v}`),
        noiseLine(analyses, groups.length > 1),
        result.source,
      ],
      body,
    }),
  };
}
