/**
 * Streams runs.csv (one row per run) into per-point metric columns. A row is split and dropped at
 * once; what is kept is one number per run and metric (8 bytes each: 100,000 runs × 70 metrics is
 * 56 MB), because medians, quantiles and paired differences need every run's value.
 */
import { statSync } from 'node:fs';
import { forEachLine, splitCsvLine } from '../../workers/csv-lines.js';
import { rowProblem, SeriesCheck, seriesLinesPerRun } from '../../workers/verify.js';
import { ReportError } from '../errors.js';
import type { BatchInfo } from './manifest.js';
import { parseCell } from './number.js';

/** The ok runs of one point: metric values aligned with `replicates`. */
export interface PointRuns {
  /** Position in BatchInfo.points. */
  index: number;
  id: string;
  replicates: number[];
  metrics: Map<string, number[]>;
  failed: number;
  /** The first failed runs (at most 5), for the report's notes. */
  failures: Array<{ run: number; replicate: number; seed: number; error: string }>;
}

export interface RunsData {
  metricNames: string[];
  points: PointRuns[];
  /** Point index and replicate of every run index seen (for series.csv rows); -1 where unknown. */
  runPoint: Int32Array;
  runReplicate: Int32Array;
  rows: number;
  /** The ok runs with the series lines each must have (checked by readSeries). */
  series: SeriesCheck;
  /** The ok runs with the municipalities.csv rows each must have (checked by the map's reader). */
  municipalities: SeriesCheck;
  /** Set when the batch is unfinished: what the report covers, for the notes. */
  partial?: string;
}

const FIXED_BEFORE = ['run', 'point', 'scenario'];
const FIXED_AFTER = ['replicate', 'seed', 'status', 'error'];

export function readRuns(info: BatchInfo): RunsData {
  const path = info.files.runs;
  const pointIndex = new Map(info.points.map((p, i) => [p.id, i]));
  const points: PointRuns[] = info.points.map((p, index) => ({
    index,
    id: p.id,
    replicates: [],
    metrics: new Map(),
    failed: 0,
    failures: [],
  }));
  const total = Math.max(info.counts.total, 0);
  let runPoint = new Int32Array(total).fill(-1);
  let runReplicate = new Int32Array(total).fill(-1);
  let metricNames: string[] = [];
  let metricStart = 0;
  let col = { point: 1, replicate: 0, seed: 0, status: 0, error: 0 };
  let lineNo = 0;
  let rows = 0;
  let rules = { columns: [] as string[], pointIds: info.points.map((p) => p.id), replicates: info.replicates };
  const series = new SeriesCheck(true);
  const seriesLines = info.points.map((p) => seriesLinesPerRun(p.horizonMonths ?? 0, info.seriesMode));
  const municipalities = new SeriesCheck(true, 'municipality');
  const municipalityRows = info.points.map((p) => (info.municipalitiesMode === 'none' ? 0 : (p.municipalities ?? 0)));

  const complete = forEachLine(path, (line) => {
    lineNo++;
    if (lineNo === 1) {
      const header = line.split(',');
      if (FIXED_BEFORE.some((c, i) => header[i] !== c))
        throw new ReportError(`${path}: the header does not start with ${FIXED_BEFORE.join(',')}; not a regiosim runs.csv`);
      const r = header.indexOf('replicate');
      if (r < 0 || FIXED_AFTER.some((c, i) => header[r + i] !== c))
        throw new ReportError(`${path}: the header lacks ${FIXED_AFTER.join(',')}; not a regiosim runs.csv`);
      col = { point: 1, replicate: r, seed: r + 1, status: r + 2, error: r + 3 };
      metricStart = r + 4;
      metricNames = header.slice(metricStart);
      rules = { ...rules, columns: header };
      for (const p of points) for (const m of metricNames) p.metrics.set(m, []);
      return;
    }
    const cells = splitCsvLine(line);
    const problem = rowProblem(cells, info.firstRun + rows, rules);
    if (problem) throw new ReportError(`${path} line ${lineNo}: ${problem}; the file was edited or damaged`);
    const run = Number(cells[0]);
    const index = pointIndex.get(cells[col.point]);
    if (index === undefined)
      throw new ReportError(`${path} line ${lineNo}: point "${cells[col.point]}" is not in manifest.json's plan`);
    const replicate = Number(cells[col.replicate]);
    if (run >= runPoint.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(Math.max(run + 1, a.length * 2)).fill(-1);
        b.set(a);
        return b;
      };
      runPoint = grow(runPoint);
      runReplicate = grow(runReplicate);
    }
    runPoint[run] = index;
    runReplicate[run] = replicate;
    rows++;
    const p = points[index];
    if (cells[col.status] === 'ok') {
      series.expect(run, seriesLines[index]);
      municipalities.expect(run, municipalityRows[index]);
    }
    if (cells[col.status] !== 'ok') {
      p.failed++;
      if (p.failures.length < 5)
        p.failures.push({ run, replicate, seed: Number(cells[col.seed]), error: cells[col.error] });
      return;
    }
    p.replicates.push(replicate);
    for (let k = 0; k < metricNames.length; k++) p.metrics.get(metricNames[k])!.push(parseCell(cells[metricStart + k]));
    return;
  });
  if (lineNo === 0) throw new ReportError(`${path}: empty file (no header)`);
  const partial = checkCount(info, path, rows, complete < statSync(path).size, points);
  return { metricNames, points, runPoint, runReplicate, rows, series, municipalities, partial };
}

/**
 * runs.csv against its manifest: a finished batch must hold exactly the runs the manifest counts,
 * with no cut row; an unfinished one (running, or killed) at least those, and may end in a cut row.
 * Returns a note for an unfinished batch.
 */
function checkCount(info: BatchInfo, path: string, rows: number, cut: boolean, points: PointRuns[]): string | undefined {
  const c = info.counts;
  const finished = info.status !== 'running';
  const ok = points.reduce((s, p) => s + p.replicates.length, 0);
  const failed = points.reduce((s, p) => s + p.failed, 0);
  if (rows > c.total) throw new ReportError(`${path} holds ${rows} runs, the plan has ${c.total}`);
  if (rows < c.done)
    throw new ReportError(
      `${path} holds ${rows} of the ${c.done} runs manifest.json lists as done: runs ${info.firstRun + rows}–${info.firstRun + c.done - 1} are missing; the file was cut or edited`,
    );
  if (finished && cut) throw new ReportError(`${path}: the last row is cut mid-line; the file was damaged`);
  if (finished && (rows !== c.done || ok !== c.ok || failed !== c.failed))
    throw new ReportError(
      `${path} holds ${rows} runs (${ok} ok, ${failed} failed), manifest.json ${c.done} (${c.ok} ok, ${c.failed} failed): the files were edited`,
    );
  if (rows === c.total && info.status !== 'running') return undefined;
  const why = info.writer
    ? `still being written by ${info.writer}`
    : info.status === 'running'
      ? 'stopped without recording it (killed); continue it with --resume'
      : `${info.status}; continue it with --resume`;
  return `partial: ${rows} of ${c.total} runs; the batch is ${why}${cut ? ' (its last row was cut mid-line and is left out)' : ''}`;
}
