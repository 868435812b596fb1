/**
 * The charts of a robustness result, in the project's look (reports/charts/theme.ts): one colour
 * per policy in every chart, outcome labels and units from the declared outcomes (reports/metrics.ts),
 * the source line under each. Regret per policy and outcome (bar: maximum, tick: 90th percentile,
 * dashed line: replicate noise), satisficing shares with Wilson intervals, and the trade-off of
 * the non-dominated set (each policy's regret per outcome, scaled to the largest).
 * @example
 * const charts = robustnessCharts(analyseRobustness(readExploreBatch(dir))); // write with reports/write/charts.ts
 */
import type { Chart } from '../charts/chart.js';
import { categoryScales, framed, type VlSpec } from '../charts/theme.js';
import { metricStyle } from '../metrics.js';
import { ALL_THRESHOLDS, type RobustnessResult } from './analyse.js';

const policyColour = (r: RobustnessResult): VlSpec => {
  const scale = categoryScales(r.policies).color;
  return {
    field: 'policy',
    type: 'nominal',
    title: 'Policy',
    scale,
    sort: r.policies,
    legend: { orient: 'bottom', columns: 3 },
  };
};
const policyAxis = (r: RobustnessResult): VlSpec => ({
  field: 'policy',
  type: 'nominal',
  title: null,
  sort: r.policies,
  axis: { labelLimit: 260 },
});
const directionWord = (d: string) =>
  d === 'maximise' ? 'higher is better' : d === 'minimise' ? 'lower is better' : 'no direction';

/** One chart of panels stacked per outcome, framed with the design line, the note and the source. */
function stackedChart(r: RobustnessResult, name: string, title: string, note: string, views: unknown[]): Chart {
  return {
    name,
    title,
    description: `${note} ${r.notes[0]}`,
    spec: framed({
      title,
      subtitle: [`${r.design.line}; ${r.policies.length} policies`],
      caption: [note, r.notes[0], r.source],
      body: { vconcat: views, spacing: 20 },
    }),
  };
}

/** Regret per policy, one panel per directed outcome. */
function regretChart(r: RobustnessResult): Chart | undefined {
  const outcomes = r.outcomes.filter((o) => o.direction !== 'none');
  if (outcomes.length === 0) return undefined;
  const views = outcomes.map((o) => {
    const style = metricStyle(o.outcome);
    const rows = r.regret.filter((g) => g.outcome === o.outcome).map((g) => ({ ...g, noise2: 2 * g.noiseSe }));
    const x = (field: string): VlSpec => ({
      field,
      type: 'quantitative',
      title: `Regret in ${style.label.toLowerCase()} (${style.share ? `percentage points of ${style.unit.replace(/^% of /, '')}` : style.unit}; 0 = best policy of the future)`,
      axis: { format: style.axisFormat },
      scale: { zero: true },
    });
    const tooltip = [
      { field: 'policy', title: 'Policy' },
      { field: 'maxRegret', title: 'Maximum regret', format: style.format },
      { field: 'p90Regret', title: '90th-percentile regret', format: style.format },
      { field: 'bestShare', title: 'Best in (share of futures)', format: '.0%' },
    ];
    const noise = rows.some((g) => Number.isFinite(g.noise2));
    return {
      title: { text: `${style.label} (${directionWord(o.direction)})`, anchor: 'start', fontSize: 13 },
      data: { values: rows },
      width: 460,
      height: { step: 22 },
      layer: [
        {
          mark: { type: 'bar', height: { band: 0.7 } },
          encoding: { y: policyAxis(r), x: x('maxRegret'), color: policyColour(r), tooltip },
        },
        {
          mark: { type: 'tick', color: '#222222', thickness: 2, size: 18 },
          encoding: { y: policyAxis(r), x: x('p90Regret'), tooltip },
        },
        ...(noise
          ? [
              {
                mark: { type: 'rule', color: '#555555', strokeDash: [4, 3] },
                encoding: { x: { ...x('noise2'), aggregate: 'max' } },
              },
            ]
          : []),
      ],
    };
  });
  const title = 'How far does each policy fall behind the best policy of each future?';
  const note = `Bar: maximum regret over ${r.futures} futures; black tick: 90th-percentile regret; dashed line: twice the median standard error of a point's mean over its ${r.batch.replicates} replicates (regret of that size can be replicate noise). Regret is in the outcome's own unit.`;
  return stackedChart(r, 'robustness-regret', title, note, views);
}

/** Share of futures meeting each threshold (and all of them), with 95% Wilson intervals. */
function satisficingChart(r: RobustnessResult): Chart | undefined {
  if (r.satisficing.length === 0) return undefined;
  const outcomes = [...new Set(r.satisficing.map((s) => s.outcome))];
  const views = outcomes.map((outcome) => {
    const rows = r.satisficing.filter((s) => s.outcome === outcome);
    const heading =
      outcome === ALL_THRESHOLDS
        ? `All thresholds met (${rows[0].threshold})`
        : `${metricStyle(outcome).label} ${rows[0].threshold}`;
    const x = {
      field: 'share',
      type: 'quantitative',
      title: 'Share of futures meeting the threshold',
      axis: { format: '.0%' },
      scale: { domain: [0, 1] },
    };
    const tooltip = [
      { field: 'policy', title: 'Policy' },
      { field: 'met', title: 'Futures meeting it' },
      { field: 'futures', title: 'Futures' },
      { field: 'share', title: 'Share', format: '.1%' },
      { field: 'ciLow', title: '95% interval from', format: '.1%' },
      { field: 'ciHigh', title: 'to', format: '.1%' },
    ];
    return {
      title: { text: heading, anchor: 'start', fontSize: 13 },
      data: { values: rows },
      width: 460,
      height: { step: 22 },
      layer: [
        {
          mark: { type: 'rule', strokeWidth: 2 },
          encoding: { y: policyAxis(r), x: { ...x, field: 'ciLow' }, x2: { field: 'ciHigh' }, color: policyColour(r) },
        },
        {
          mark: { type: 'point', filled: true, size: 70, opacity: 1 },
          encoding: { y: policyAxis(r), x, color: policyColour(r), tooltip },
        },
      ],
    };
  });
  const title = 'In how many futures does each policy do well enough?';
  const note =
    'Dot: share of the sampled futures in which the policy meets the threshold declared in the experiment (satisfice:); line: 95% Wilson interval, treating the futures as a sample of the uncertainty space. A future without a value does not meet it.';
  return stackedChart(r, 'robustness-satisficing', title, note, views);
}

/** Each policy's regret statistic per directed outcome, scaled to the largest, non-dominated policies solid. */
function tradeoffChart(r: RobustnessResult): Chart | undefined {
  const outcomes = r.outcomes.filter((o) => o.direction !== 'none');
  if (outcomes.length === 0) return undefined;
  const status = (nd: boolean) => (nd ? 'non-dominated' : 'dominated');
  const rows = r.pareto.rows.flatMap((p) =>
    outcomes.map((o) => {
      const largest = Math.max(...r.pareto.rows.map((q) => q.scores[o.outcome]).filter(Number.isFinite));
      const value = p.scores[o.outcome];
      return {
        policy: p.policy,
        status: status(p.nonDominated),
        outcome: metricStyle(o.outcome).label,
        value,
        valueText: `${Number(value.toPrecision(3))} ${metricStyle(o.outcome).unit}`,
        scaled: largest > 0 ? value / largest : 0,
        dominatedBy: p.dominatedBy.replace(/;/g, ', '),
      };
    }),
  );
  const x = {
    field: 'outcome',
    type: 'nominal',
    title: null,
    sort: outcomes.map((o) => metricStyle(o.outcome).label),
    axis: { labelAngle: 0, labelLimit: 200 },
  };
  const y = {
    field: 'scaled',
    type: 'quantitative',
    title: `${r.pareto.words[0].toUpperCase()}${r.pareto.words.slice(1)}, as a share of the largest policy's`,
    axis: { format: '.0%' },
    scale: { domain: [0, 1] },
  };
  const tooltip = [
    { field: 'policy', title: 'Policy' },
    { field: 'outcome', title: 'Outcome' },
    { field: 'valueText', title: r.pareto.words },
    { field: 'status', title: 'Status' },
    { field: 'dominatedBy', title: 'Dominated by' },
  ];
  const dash = {
    field: 'status',
    type: 'nominal',
    title: 'Status',
    scale: {
      domain: ['non-dominated', 'dominated'],
      range: [
        [1, 0],
        [5, 4],
      ],
    },
  };
  const body: VlSpec = {
    data: { values: rows },
    width: Math.max(260, 170 * outcomes.length),
    height: 320,
    layer: [
      {
        mark: { type: 'line', strokeWidth: 2.5 },
        encoding: { x, y, color: policyColour(r), strokeDash: dash, detail: { field: 'policy' } },
      },
      {
        mark: { type: 'point', filled: true, size: 60, opacity: 1 },
        encoding: { x, y, color: policyColour(r), tooltip },
      },
    ],
  };
  const set = r.pareto.rows.filter((p) => p.nonDominated).map((p) => p.policy);
  const title = 'Which policies are not beaten on every outcome at once?';
  const note = `Each line is a policy: its ${r.pareto.words} per directed outcome, as a share of the largest policy's (lower is better). Solid: the non-dominated set (${set.join(', ')}): no other policy has a lower or equal regret on every outcome and a lower one on some.`;
  return {
    name: 'robustness-tradeoff',
    title,
    description: note,
    spec: framed({
      title,
      subtitle: [`Non-dominated on ${r.pareto.words}: ${set.join(', ')}`],
      caption: [note, r.source],
      body,
    }),
  };
}

/** All charts of a result. */
export function robustnessCharts(r: RobustnessResult): Chart[] {
  return [regretChart(r), satisficingChart(r), tradeoffChart(r)].filter((c): c is Chart => c !== undefined);
}
