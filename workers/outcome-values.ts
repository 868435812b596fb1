/**
 * The values of a plan's outcomes (scenarios/outcomes.ts) for one run, computed in the worker from
 * the run's full result: monthly region and size-class series, yearly municipality series and the
 * end-of-run metrics, never from the thinned series written to series.csv. One number per outcome
 * column, in column order; NaN (NA) where undefined (an area absent from this point's region, a
 * threshold never crossed, a window of NaN values).
 */
import { SIZE_CLASS_NAMES } from '../sim/init.js';
import type { RunResult } from '../sim/simulate.js';
import type { OutcomeSpec, OutcomeTime } from '../scenarios/outcomes.js';

type Result = Pick<RunResult, 'series' | 'summary' | 'startYear' | 'horizonMonths'>;

/** The values of every outcome column of a run, in the order of outcomeColumns(outcomes). */
export function outcomeValues(outcomes: readonly OutcomeSpec[], result: Result): number[] {
  const values: number[] = [];
  let codes: Map<string, number> | undefined;
  for (const o of outcomes) {
    if (o.columns.length === 0) continue;
    const s = o.source;
    if (s.kind === 'metric') {
      values.push(result.summary.metrics[s.metric]);
      continue;
    }
    if (s.scope === 'region') {
      values.push(outcomeAt(monthly(result.series.region.values, s.series), o.time, result, false));
      continue;
    }
    for (const area of s.areas) {
      if (s.scope === 'sizeClass') {
        const k = (SIZE_CLASS_NAMES as readonly string[]).indexOf(area);
        values.push(outcomeAt(monthly(result.series.sizeClass[k].values, s.series), o.time, result, false));
        continue;
      }
      codes ??= new Map(result.summary.municipalities.map((m, i) => [m.code, i]));
      const i = codes.get(area);
      const series = i === undefined ? undefined : monthly(result.series.municipality[i].values, s.series);
      values.push(series ? outcomeAt(series, o.time, result, true) : Number.NaN);
    }
  }
  return values;
}

function monthly(values: object, name: string): Float64Array {
  return (values as Record<string, Float64Array>)[name];
}

/**
 * One value of a series at a time or over a window. Monthly series have one value per month;
 * yearly ones (municipalities) one per year, the value at its last month, so a window of years
 * takes those year-end values and firstCrossing gives the month of the year end.
 */
export function outcomeAt(
  v: ArrayLike<number>,
  time: OutcomeTime | undefined,
  run: Pick<Result, 'startYear' | 'horizonMonths'>,
  yearly: boolean,
): number {
  const months = run.horizonMonths;
  const length = yearly ? Math.ceil(months / 12) : months;
  const indexOfYearEnd = (year: number) => (yearly ? year - run.startYear : (year - run.startYear + 1) * 12 - 1);
  const at = (i: number) => (i >= 0 && i < length ? v[i] : Number.NaN);
  if (!time || time.kind === 'at') {
    const year = time?.year ?? 'end';
    return at(year === 'end' ? length - 1 : indexOfYearEnd(year));
  }
  const first = time.from === undefined ? 0 : yearly ? time.from - run.startYear : (time.from - run.startYear) * 12;
  const last = time.to === undefined ? length - 1 : Math.min(length - 1, indexOfYearEnd(time.to));
  const monthOf = (i: number) => (yearly ? Math.min(months - 1, i * 12 + 11) : i);
  switch (time.stat) {
    case 'final':
      return at(last);
    case 'firstCrossing': {
      const t = time.threshold ?? Number.NaN;
      for (let i = Math.max(0, first); i <= last; i++)
        if (time.crossing === 'below' ? v[i] <= t : v[i] >= t) return monthOf(i);
      return Number.NaN;
    }
    default: {
      // NaN months (a ratio with nothing to divide by) are left out; all NaN gives NaN.
      let n = 0;
      let sum = 0;
      let min = Number.POSITIVE_INFINITY;
      let max = Number.NEGATIVE_INFINITY;
      for (let i = Math.max(0, first); i <= last; i++) {
        const x = v[i];
        if (Number.isNaN(x)) continue;
        n++;
        sum += x;
        if (x < min) min = x;
        if (x > max) max = x;
      }
      if (n === 0) return Number.NaN;
      return time.stat === 'mean' ? sum / n : time.stat === 'sum' ? sum : time.stat === 'min' ? min : max;
    }
  }
}
