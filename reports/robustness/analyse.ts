/**
 * Robustness of policies across sampled futures, from the measures of an explore batch: per policy
 * and outcome the regret against the best policy of each future (max, 90th percentile), the share
 * of futures meeting each satisficing threshold and all of them jointly (Wilson intervals), the
 * 10th/50th/90th percentiles of the outcome, and the non-dominated set of policies on the chosen
 * regret statistic of every directed outcome.
 * @example
 * const r = analyseRobustness(readExploreBatch('out/robust-drenthe-pool'), { pareto: 'max' });
 * r.pareto.rows.filter((p) => p.nonDominated).map((p) => p.policy)
 */
import { satisficeText } from '../../scenarios/outcomes.js';
import type { ExploreData } from '../explore/read.js';
import type { Proportion } from '../stats/wilson.js';
import { type Measure, robustnessMeasures } from './measures.js';
import { nonDominated } from './pareto.js';
import { quantile } from './quantile.js';
import { type Direction, regret } from './regret.js';
import { satisficing } from './satisficing.js';

/** The regret statistic the non-dominated set is computed on. */
export type ParetoOn = 'max' | 'p90';
const PARETO_WORDS: Record<ParetoOn, string> = { max: 'maximum regret', p90: '90th-percentile regret' };
/** The outcome name of the joint satisficing row. */
export const ALL_THRESHOLDS = 'all';

export interface RegretRow {
  policy: string;
  outcome: string;
  label: string;
  unit: string;
  direction: Direction;
  maxRegret: number;
  p90Regret: number;
  meanRegret: number;
  /** Share of the futures in which the policy is (one of) the best. */
  bestShare: number;
  futures: number;
  futuresLeftOut: number;
  /** Median standard error of a point mean (replicate noise): regrets of this size are noise. */
  noiseSe: number;
}

export interface SatisficingRow {
  policy: string;
  outcome: string;
  label: string;
  threshold: string;
  futures: number;
  met: number;
  share: number;
  ciLow: number;
  ciHigh: number;
}

export interface PercentileRow {
  policy: string;
  outcome: string;
  label: string;
  unit: string;
  direction: string;
  futures: number;
  p10: number;
  p50: number;
  p90: number;
  mean: number;
}

export interface ParetoRow {
  policy: string;
  nonDominated: boolean;
  dominatedBy: string;
  /** The regret statistic per directed outcome, by column name. */
  scores: Record<string, number>;
}

export interface RobustnessResult {
  batch: { dir: string; name: string; version: string; commit: string; masterSeed: number; replicates: number };
  design: { method: string; line: string };
  policies: string[];
  futures: number;
  scenarios: string[];
  outcomes: Array<{ outcome: string; label: string; unit: string; direction: string; threshold: string }>;
  regret: RegretRow[];
  satisficing: SatisficingRow[];
  percentiles: PercentileRow[];
  pareto: { on: ParetoOn; words: string; rows: ParetoRow[] };
  /** Per future, policy and directed outcome: the value and the regret (the long table). */
  byFuture: Array<{ future: string; policy: string; outcome: string; value: number; regret: number }>;
  notes: string[];
  source: string;
}

/** The columns of a satisficing row that come from its Wilson proportion. */
const shareFields = (s: Proportion) => ({
  futures: s.n,
  met: s.successes,
  share: s.share,
  ciLow: s.ciLow,
  ciHigh: s.ciHigh,
});

const directed = (m: Measure): m is Measure & { direction: Direction } => m.direction !== 'none';

/** The whole analysis. @throws ReportError for a batch without policies or directed outcomes */
export function analyseRobustness(data: ExploreData, options: { pareto?: ParetoOn } = {}): RobustnessResult {
  const on = options.pareto ?? 'max';
  const { policies, futures, measures } = robustnessMeasures(data);
  const regretRows: RegretRow[] = [];
  const byFuture: RobustnessResult['byFuture'] = [];
  const scores = policies.map((): Record<string, number> => ({}));
  for (const m of measures.filter(directed)) {
    const r = regret(m.values, m.direction);
    policies.forEach((policy, p) => {
      regretRows.push({
        policy,
        outcome: m.column,
        label: m.label,
        unit: m.unit,
        direction: m.direction,
        maxRegret: r.max[p],
        p90Regret: r.p90[p],
        meanRegret: r.mean[p],
        bestShare: r.bestShare[p],
        futures: r.futures,
        futuresLeftOut: r.leftOut,
        noiseSe: m.noiseSe,
      });
      scores[p][m.column] = on === 'max' ? r.max[p] : r.p90[p];
      futures.forEach((future, f) => {
        byFuture.push({ future, policy, outcome: m.column, value: m.values[p][f], regret: r.regrets[p][f] });
      });
    });
  }
  const thresholded = measures.filter((m) => m.satisfice);
  const sat = satisficing(
    policies.map((_, p) => thresholded.map((m) => m.values[p])),
    thresholded.map((m) => m.satisfice ?? {}),
  );
  const satRows: SatisficingRow[] = [];
  policies.forEach((policy, p) => {
    thresholded.forEach((m, k) => {
      satRows.push({
        policy,
        outcome: m.column,
        label: m.label,
        threshold: satisficeText(m.satisfice ?? {}),
        ...shareFields(sat.perOutcome[p][k]),
      });
    });
    if (thresholded.length > 1) {
      satRows.push({
        policy,
        outcome: ALL_THRESHOLDS,
        label: 'All thresholds met',
        threshold: thresholded.map((m) => `${m.column} ${satisficeText(m.satisfice ?? {})}`).join('; '),
        ...shareFields(sat.joint[p]),
      });
    }
  });
  const percentiles: PercentileRow[] = measures.flatMap((m) =>
    policies.map((policy, p) => {
      const v = [...m.values[p]].filter(Number.isFinite);
      return {
        policy,
        outcome: m.column,
        label: m.label,
        unit: m.unit,
        direction: m.direction,
        futures: v.length,
        p10: quantile(v, 0.1),
        p50: quantile(v, 0.5),
        p90: quantile(v, 0.9),
        mean: v.length ? v.reduce((s, x) => s + x, 0) / v.length : Number.NaN,
      };
    }),
  );
  const columns = measures.filter(directed).map((m) => m.column);
  const dom = nonDominated(scores.map((s) => columns.map((c) => s[c])));
  const notes = [
    `A future is a scenario × design row (${futures.length}); each value is the mean over the point's ${data.info.replicates} replicate${data.info.replicates === 1 ? '' : 's'} (common random numbers: the same seeds in every future and policy).`,
    `Regret: in each future, the distance to the best policy of that future in the outcome's direction, in the outcome's unit; the non-dominated set is computed on the ${PARETO_WORDS[on]} of every directed outcome (lower is better).`,
    ...(thresholded.length
      ? [
          'Satisficing: share of futures whose value meets the declared threshold (a future without a value does not), with a 95% Wilson interval treating the futures as a sample.',
        ]
      : [
          'No outcome declares a satisficing threshold (satisfice: in the experiment), so there is no satisficing table.',
        ]),
    ...regretRows
      .filter((r) => r.futuresLeftOut > 0 && r.policy === policies[0])
      .map(
        (r) => `${r.outcome}: ${r.futuresLeftOut} future(s) left out of the regret, some policy had no value there.`,
      ),
  ];
  const i = data.info;
  return {
    batch: {
      dir: i.dir,
      name: i.name,
      version: i.version,
      commit: i.commit,
      masterSeed: i.masterSeed,
      replicates: i.replicates,
    },
    design: { method: data.exploration.method, line: data.designLine },
    policies,
    futures: futures.length,
    scenarios: data.exploration.scenarios,
    outcomes: measures.map((m) => ({
      outcome: m.column,
      label: m.label,
      unit: m.unit,
      direction: m.direction,
      threshold: m.satisfice ? satisficeText(m.satisfice) : '',
    })),
    regret: regretRows,
    satisficing: satRows,
    percentiles,
    pareto: {
      on,
      words: PARETO_WORDS[on],
      rows: policies.map((policy, p) => ({
        policy,
        nonDominated: dom[p].dominatedBy.length === 0,
        dominatedBy: dom[p].dominatedBy.map((q) => policies[q]).join(';'),
        scores: scores[p],
      })),
    },
    byFuture,
    notes,
    source: data.source,
  };
}
