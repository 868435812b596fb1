/**
 * Outcomes (XLRM "M"): what a researcher measures of each run, declared in an experiment's
 * `outcomes:` block apart from its levers (sweeps, policies) and uncertainties (design), or chosen
 * from the horizon when none are declared. Plain data, so a plan's outcomes cross to the workers,
 * which compute them from each run's full result (workers/outcome-values.ts); each one is one or more
 * runs.csv columns with a label, a unit and a direction for robustness analysis.
 */
import { SIZE_CLASS_NAMES } from '../sim/init.js';
import type { ModelInput } from '../sim/model-input.js';
import { SUMMARY_METRICS, type SummaryMetric } from '../sim/summary.js';

export const OUTCOME_DIRECTIONS = ['maximise', 'minimise', 'none'] as const;
export type OutcomeDirection = (typeof OUTCOME_DIRECTIONS)[number];
export const OUTCOME_SCOPES = ['region', 'sizeClass', 'municipality'] as const;
export type OutcomeScope = (typeof OUTCOME_SCOPES)[number];
/** Aggregates over a window of months (municipality series: of year ends). */
export const OUTCOME_STATS = ['mean', 'sum', 'final', 'min', 'max', 'firstCrossing'] as const;
export type OutcomeStat = (typeof OUTCOME_STATS)[number];
/** `area: each` gives one column per size class or municipality. */
export const EACH = 'each';

/** Where an outcome's value comes from. */
export type OutcomeSource =
  | { kind: 'metric'; metric: SummaryMetric }
  | {
      kind: 'series';
      scope: OutcomeScope;
      series: string;
      /** Size class names or CBS codes, one column each ([] for the region). */
      areas: string[];
    };

/** When: the value at the end of a year (or of the run), or a statistic over a window of years. */
export type OutcomeTime =
  | { kind: 'at'; year: number | 'end' }
  | {
      kind: 'window';
      stat: OutcomeStat;
      /** First and last calendar year of the window (default: the whole run). */
      from?: number;
      to?: number;
      /** firstCrossing: the first month at or above (below) this value; NA if never. */
      threshold?: number;
      crossing?: 'above' | 'below';
    };

/**
 * A satisficing threshold for robustness analysis (reports/robustness): a future satisfices the
 * outcome when its value is at least `atLeast` and at most `atMost` (either or both).
 */
export interface Satisfice {
  atLeast?: number;
  atMost?: number;
}

/** Whether a value meets a threshold; a missing value (NaN) never does. */
export function meetsSatisfice(s: Satisfice, v: number): boolean {
  if (!Number.isFinite(v)) return false;
  return (s.atLeast === undefined || v >= s.atLeast) && (s.atMost === undefined || v <= s.atMost);
}

/** A threshold in words: "≥ 0.6", "≤ 12", "0.2 to 0.8". */
export function satisficeText(s: Satisfice): string {
  if (s.atLeast !== undefined && s.atMost !== undefined) return `${s.atLeast} to ${s.atMost}`;
  return s.atLeast !== undefined ? `≥ ${s.atLeast}` : `≤ ${s.atMost}`;
}

export interface OutcomeSpec {
  name: string;
  label: string;
  unit: string;
  direction: OutcomeDirection;
  source: OutcomeSource;
  /** Absent for a metric (its value is the end-of-run metric). */
  time?: OutcomeTime;
  /** Its runs.csv columns: [name] or name_<area> per area. A metric under its own name adds none. */
  columns: string[];
  /** The meaning of the columns, for the batch README and the Parquet metadata. */
  meaning: string;
  /** True when declared in the experiment file; false for the defaults chosen from the horizon. */
  declared: boolean;
  /** The satisficing threshold declared for robustness analysis (absent: none). */
  satisfice?: Satisfice;
}

/** The calendar year of the last month of an input's horizon. */
export function endYearOf(input: Pick<ModelInput, 'startYear' | 'horizonMonths'>): number {
  return input.startYear + Math.floor((input.horizonMonths - 1) / 12);
}

/** The last calendar year whose December lies within an input's horizon (startYear - 1 if none). */
export function lastFullYear(input: Pick<ModelInput, 'startYear' | 'horizonMonths'>): number {
  return input.startYear + Math.floor(input.horizonMonths / 12) - 1;
}

/** The column of an outcome for one area: `name` for the region, `name_<area>` otherwise. */
export function outcomeColumn(name: string, area?: string): string {
  return area === undefined ? name : `${name}_${area}`;
}

const DIRECTION_WORD: Record<OutcomeDirection, string> = {
  maximise: 'higher is better',
  minimise: 'lower is better',
  none: 'no direction',
};

/** The meaning of an outcome's columns in words. */
export function outcomeMeaning(o: Pick<OutcomeSpec, 'label' | 'unit' | 'direction' | 'source' | 'time'>): string {
  const what =
    o.source.kind === 'metric'
      ? `end-of-run metric ${o.source.metric} (${SUMMARY_METRICS[o.source.metric]})`
      : `${o.source.scope === 'region' ? 'region' : o.source.scope === 'sizeClass' ? 'size-class' : 'municipality'} series ${o.source.series}${
          o.source.scope === 'region'
            ? ''
            : ` of ${o.source.areas.length === 1 ? o.source.areas[0] : 'each area (column suffix)'}`
        }`;
  const t = o.time;
  let when = '';
  if (t?.kind === 'at') when = t.year === 'end' ? ' at the end of the run' : ` at the end of ${t.year}`;
  else if (t?.kind === 'window') {
    const span =
      t.from === undefined && t.to === undefined ? 'the whole run' : `${t.from ?? 'the start'}-${t.to ?? 'the end'}`;
    when =
      t.stat === 'firstCrossing'
        ? `: first month (0 = January of the start year) over ${span} at which it is ${t.crossing === 'below' ? 'at or below' : 'at or above'} ${t.threshold} (NA if never)`
        : `, ${t.stat} over ${span}`;
  }
  return `${o.label} [${o.unit}; ${DIRECTION_WORD[o.direction]}]: ${what}${when}`;
}

function metricOutcome(metric: SummaryMetric, label: string, unit: string, direction: OutcomeDirection): OutcomeSpec {
  const o = { label, unit, direction, source: { kind: 'metric' as const, metric } };
  return { name: metric, ...o, columns: [], meaning: outcomeMeaning(o), declared: false };
}

/**
 * The headline outcomes of a plan without an `outcomes:` block, chosen from the horizon so that none
 * is NA by construction: progress at the end of 2030 (when the horizon reaches past it) and at the
 * end of the last full year every point simulates (progress2040 for a 2026-2040 study), then the
 * end-of-run membership, survival, capacity, gap, cost and knowledge, and the 2030 equity gap.
 */
export function defaultOutcomes(
  points: ReadonlyArray<{ input: Pick<ModelInput, 'startYear' | 'horizonMonths'> }>,
): OutcomeSpec[] {
  if (points.length === 0) return [];
  const start = Math.max(...points.map((p) => p.input.startYear));
  const end = Math.min(...points.map((p) => lastFullYear(p.input)));
  const out: OutcomeSpec[] = [];
  const progress = (year: number) => {
    if (year === 2030 || year === 2050)
      return metricOutcome(`progress${year}`, `Progress by end ${year}`, '% of the full-pace target', 'maximise');
    const o = {
      label: `Progress by end ${year}`,
      unit: '% of the full-pace target',
      direction: 'maximise' as const,
      source: { kind: 'series' as const, scope: 'region' as const, series: 'progressShare', areas: [] },
      time: { kind: 'at' as const, year },
    };
    return { name: `progress${year}`, ...o, columns: [`progress${year}`], meaning: outcomeMeaning(o), declared: false };
  };
  const has2030 = start <= 2030 && end >= 2030;
  if (has2030 && end !== 2030) out.push(progress(2030));
  if (end >= start) out.push(progress(end));
  else {
    const o = {
      label: 'Progress by the end of the run',
      unit: '% of the full-pace target',
      direction: 'maximise' as const,
      source: { kind: 'series' as const, scope: 'region' as const, series: 'progressShare', areas: [] },
      time: { kind: 'at' as const, year: 'end' as const },
    };
    out.push({ name: 'progressEnd', ...o, columns: ['progressEnd'], meaning: outcomeMeaning(o), declared: false });
  }
  out.push(
    metricOutcome('membershipShareEnd', 'Pool members at the end', '% of municipalities in pool areas', 'maximise'),
    metricOutcome('poolSurvived', 'Founded pools alive at the end', '% of founded pools', 'maximise'),
    metricOutcome('capacitySharePool', 'Capacity from the pool', '% of FTE-months', 'none'),
    metricOutcome('gapFteEnd', 'Staff gap at the end', 'FTE', 'minimise'),
    metricOutcome('costPerDwelling', 'Cost per dwelling made ready', 'EUR', 'minimise'),
    metricOutcome('knowledgeRetainedEnd', 'Knowledge retained at the end', 'knowledge units', 'maximise'),
  );
  if (has2030)
    out.push(
      metricOutcome('equityGap2030', 'Progress gap large − small, 2030', 'difference in % of target', 'minimise'),
    );
  return out;
}

/** A plan's outcomes: those declared, or the defaults of its horizon. */
export function outcomesOf(plan: {
  outcomes?: OutcomeSpec[];
  points: ReadonlyArray<{ input: Pick<ModelInput, 'startYear' | 'horizonMonths'> }>;
}): OutcomeSpec[] {
  return plan.outcomes ?? defaultOutcomes(plan.points);
}

/** The runs.csv columns an outcome list adds (after the summary metrics), in order. */
export function outcomeColumns(outcomes: readonly OutcomeSpec[]): string[] {
  return outcomes.flatMap((o) => o.columns);
}

/** The column that holds an outcome's (first) value: its own column, or the metric's. */
export function valueColumn(o: OutcomeSpec): string {
  return o.columns[0] ?? (o.source.kind === 'metric' ? o.source.metric : o.name);
}

export const SIZE_CLASSES: readonly string[] = SIZE_CLASS_NAMES;
