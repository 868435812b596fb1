/**
 * Streams the batch's municipalities table (municipalities.csv, or .parquet for a `--format parquet`
 * batch), checking every row against runs.csv's ok runs (each has exactly one row per municipality
 * of its point, in run order) and handing on the fields the report uses. Nothing is kept here.
 */
import { existsSync, statSync } from 'node:fs';
import { splitCsvLine } from '../../workers/csv-lines.js';
import { MUNICIPALITY_COLUMNS } from '../../workers/municipality-table.js';
import { forEachTableLine } from '../../workers/table-lines.js';
import { ReportError } from '../errors.js';
import { parseCell } from './number.js';
import type { RunsData } from './runs.js';

export interface MunicipalityRow {
  run: number;
  point: string;
  code: string;
  name: string;
  progress2030: number;
  progressEnd: number;
  membershipEnd: string;
}

/**
 * Calls `visit` for every row. `growing`: the batch is unfinished, so rows of runs that runs.csv
 * does not list yet, and a cut last line, are left out.
 */
export function forEachMunicipalityRow(
  path: string,
  runs: RunsData,
  growing: boolean,
  visit: (row: MunicipalityRow) => void,
): void {
  if (!existsSync(path))
    throw new ReportError(`${path} is missing: the batch lists per-municipality rows in its manifest`);
  const col = (name: string) => MUNICIPALITY_COLUMNS.indexOf(name);
  const at = {
    run: col('run'),
    point: col('point'),
    code: col('code'),
    name: col('name'),
    progress2030: col('progress2030'),
    progressEnd: col('progressShareEnd'),
    membershipEnd: col('membershipEnd'),
  };
  let lineNo = 0;
  const complete = forEachTableLine(path, (line) => {
    lineNo++;
    if (lineNo === 1) {
      if (line !== MUNICIPALITY_COLUMNS.join(','))
        throw new ReportError(`${path}: the header is not that of a regiosim municipalities table`);
      return true;
    }
    const problem = runs.municipalities.line(line, growing);
    if (problem) throw new ReportError(`${path} line ${lineNo}: ${problem}; the file was edited or damaged`);
    const cells = line.includes('"') ? splitCsvLine(line) : line.split(',');
    const run = Number(cells[at.run]);
    if (!(run < runs.runPoint.length && runs.runPoint[run] >= 0)) return true; // a run runs.csv does not list yet
    visit({
      run,
      point: cells[at.point],
      code: cells[at.code],
      name: cells[at.name],
      progress2030: parseCell(cells[at.progress2030]),
      progressEnd: parseCell(cells[at.progressEnd]),
      membershipEnd: cells[at.membershipEnd],
    });
    return true;
  });
  if (lineNo === 0) throw new ReportError(`${path}: empty file (no header)`);
  if (!growing) {
    if (complete < statSync(path).size)
      throw new ReportError(`${path}: the last line is cut mid-line; the file was damaged`);
    const problem = runs.municipalities.end();
    if (problem) throw new ReportError(`${path}: ${problem}; the file was edited or damaged`);
  }
}
