/**
 * Streams series.csv (`run,scope,area,month,year,variable,value`, workers/series.ts) and folds the
 * region rows (one per run, month and variable)
 * each row into its point's running moments at once, so memory grows with points × variables ×
 * months, not with runs. For the quantile bands it also keeps the values of the first `keep`
 * replicates of every point (replicates are independent draws, so the first ones are a fair sample);
 * when a point has no more replicates than that, the band is exact.
 */
import { existsSync, statSync } from 'node:fs';
import { SERIES_HEADER } from '../../workers/series.js';
import { forEachTableLine } from '../../workers/table-lines.js';
import { RunningMoments } from '../stats/running.js';
import { ReportError } from '../errors.js';
import { parseCell } from './number.js';
import type { RunsData } from './runs.js';

/** One variable of one point in one month. */
export interface SeriesCell {
  moments: RunningMoments;
  /** Values of replicates 0..keep-1 by replicate (NaN where a run has none). */
  kept: Float64Array;
}

export interface SeriesData {
  /** Variables read (the others are skipped). */
  variables: string[];
  /** Replicates per point kept for the quantile bands. */
  keep: number;
  /** cells[point][variable] → month → cell. */
  cells: Array<Map<string, Map<number, SeriesCell>>>;
  rows: number;
  /** Rows of runs that runs.csv does not have (a batch still being written): left out. */
  skipped: number;
}

/**
 * Reads series.csv, checking every line against runs.csv's ok runs (runs.series): a missing, extra
 * or malformed line is a ReportError. `growing`: the batch is unfinished, so lines of runs that
 * runs.csv does not list yet, and a cut last line, are left out instead.
 */
export function readSeries(
  path: string,
  runs: RunsData,
  variables: readonly string[],
  keep: number,
  growing = false,
): SeriesData {
  const wanted = new Set(variables);
  const cells: SeriesData['cells'] = runs.points.map(() => new Map(variables.map((v) => [v, new Map()])));
  const data: SeriesData = { variables: [...variables], keep, cells, rows: 0, skipped: 0 };
  if (!existsSync(path)) return data;
  let lineNo = 0;
  const complete = forEachTableLine(path, (line) => {
    lineNo++;
    if (lineNo === 1) {
      if (`${line}\n` !== SERIES_HEADER) throw new ReportError(`${path}: header is not ${SERIES_HEADER.trim()}`);
      return;
    }
    const problem = runs.series.line(line, growing);
    if (problem) throw new ReportError(`${path} line ${lineNo}: ${problem}; the file was edited or damaged`);
    // Fields hold no commas (numbers, names and codes), so indexOf beats a CSV split.
    // run,scope,area,month,year,variable,value: a..f are the commas after each field.
    const a = line.indexOf(',');
    const b = line.indexOf(',', a + 1);
    const c = line.indexOf(',', b + 1);
    const d = line.indexOf(',', c + 1);
    const e = line.indexOf(',', d + 1);
    const f = line.indexOf(',', e + 1);
    if (f < 0) return;
    // Region rows only: the bands are of the whole region (a batch may also hold other scopes).
    if (line.slice(a + 1, b) !== 'region') return;
    const variable = line.slice(e + 1, f);
    if (!wanted.has(variable)) return;
    const run = Number(line.slice(0, a));
    const point = run < runs.runPoint.length ? runs.runPoint[run] : -1;
    if (!(point >= 0)) {
      data.skipped++;
      return;
    }
    const month = Number(line.slice(c + 1, d));
    const value = parseCell(line.slice(f + 1));
    const byMonth = cells[point].get(variable)!;
    let cell = byMonth.get(month);
    if (!cell) {
      cell = { moments: new RunningMoments(), kept: new Float64Array(keep).fill(Number.NaN) };
      byMonth.set(month, cell);
    }
    cell.moments.add(value);
    const replicate = runs.runReplicate[run];
    if (replicate >= 0 && replicate < keep) cell.kept[replicate] = value;
    data.rows++;
    return;
  });
  if (!growing && complete < statSync(path).size) throw new ReportError(`${path}: the last line is cut mid-line; the file was damaged`);
  const missing = runs.series.end();
  if (missing) throw new ReportError(`${path}: ${missing}; the file was cut or edited`);
  return data;
}
