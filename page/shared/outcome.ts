/**
 * One run of the page, done in a Web Worker: simulate() on the point's input with the batch's run
 * seed, the summary metrics in SUMMARY_METRICS order (the runs.csv columns) and the few series the
 * page charts (year-end values).
 */
import { outcomesOf } from '../../scenarios/outcomes.js';
import { outcomeValues } from '../../workers/outcome-values.js';
import { simulate } from '../../sim/simulate.js';
import { SUMMARY_METRICS, type SummaryMetric } from '../../sim/summary.js';
import type { ModelInput } from '../../sim/model-input.js';

const METRIC_NAMES = Object.keys(SUMMARY_METRICS) as SummaryMetric[];

/** Region series drawn over time. */
export const PAGE_SERIES = ['progressShare', 'poolMembers', 'poolsAlive'] as const;
export type PageSeries = (typeof PAGE_SERIES)[number];

export interface PageTask {
  index: number;
  point: number;
  pointId: string;
  replicate: number;
  seed: number;
}

export interface PageOutcome extends PageTask {
  status: 'ok' | 'error';
  error: string;
  metrics: number[];
  /** The plan's outcome columns (the horizon's defaults: the page declares none), as runs.csv has them. */
  outcomes: number[];
  /** Year-end values (December, or the horizon's last month) of each PAGE_SERIES. */
  series: Record<PageSeries, number[]>;
  /** progress2030 per municipality code. */
  municipalities: Record<string, number>;
  ms: number;
}

/** Runs one task; never throws (a failed run has status 'error', like a batch run). */
export function runPageTask(input: ModelInput, task: PageTask): PageOutcome {
  const t0 = performance.now();
  const empty = { progressShare: [], poolMembers: [], poolsAlive: [] };
  try {
    const r = simulate(input, task.seed);
    const metrics = METRIC_NAMES.map((name) => r.summary.metrics[name]);
    const outcomes = outcomeValues(outcomesOf({ points: [{ input }] }), r);
    const series = {} as Record<PageSeries, number[]>;
    for (const name of PAGE_SERIES) {
      const v = r.series.region.values[name];
      series[name] = [];
      for (let t = 0; t < r.horizonMonths; t++) if (t % 12 === 11 || t === r.horizonMonths - 1) series[name].push(v[t]);
    }
    const municipalities: Record<string, number> = {};
    for (const m of r.summary.municipalities) municipalities[m.code] = m.progress2030;
    return { ...task, status: 'ok', error: '', metrics, outcomes, series, municipalities, ms: performance.now() - t0 };
  } catch (e) {
    const error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    return {
      ...task,
      status: 'error',
      error,
      metrics: [],
      outcomes: [],
      series: empty,
      municipalities: {},
      ms: performance.now() - t0,
    };
  }
}
