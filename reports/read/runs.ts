/**
 * Streams runs.csv (one row per run) into per-point metric columns. A row is split and dropped at
 * once; what is kept is one number per run and metric (8 bytes each: 100,000 runs × 70 metrics is
 * 56 MB), because medians, quantiles and paired differences need every run's value.
 */
import { forEachLine, splitCsvLine } from '../../workers/csv-lines.js';
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

  forEachLine(path, (line) => {
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
      for (const p of points) for (const m of metricNames) p.metrics.set(m, []);
      return;
    }
    if (line === '') return;
    const cells = splitCsvLine(line);
    if (cells.length !== metricStart + metricNames.length)
      throw new ReportError(`${path} line ${lineNo}: ${cells.length} fields, the header has ${metricStart + metricNames.length}`);
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
  return { metricNames, points, runPoint, runReplicate, rows };
}
