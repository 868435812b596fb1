/**
 * Stage 5a: the statistics as files next to the charts: one CSV per table (R and pandas read them
 * as they are: NA for missing, full precision) and statistics.json with all of them, so numbers
 * quoted from the report can be checked and reused without re-running anything.
 */
import { makeDir } from '../../store/dirs.js';
import { join } from 'node:path';
import type { OutputFolder } from '../../store/output-folder.js';
import { writeAtomic } from '../../store/write.js';
import { csvField, formatExact } from '../../workers/format.js';
import { PROPORTIONS } from '../aggregate/proportions.js';
import type { ReportModel } from '../model.js';

type Row = Record<string, unknown>;

function cell(v: unknown): string {
  if (typeof v === 'number') return formatExact(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v === undefined || v === null) return 'NA';
  return csvField(String(v));
}

/** A CSV text with these columns, in this order. */
export function toCsv(rows: readonly Row[], columns: readonly string[]): string {
  return `${columns.join(',')}\n${rows.map((r) => columns.map((c) => cell(r[c])).join(',')).join('\n')}${rows.length ? '\n' : ''}`;
}

const DESCRIBE = ['n', 'missing', 'mean', 'sd', 'median', 'q05', 'q25', 'q75', 'q95', 'ciLow', 'ciHigh'];

/** The tables and their columns. */
export function tables(model: ReportModel): Record<string, { rows: Row[]; columns: string[]; about: string }> {
  return {
    summary: {
      rows: model.summary as unknown as Row[],
      columns: ['point', 'scenario', 'sweep', 'metric', ...DESCRIBE, 'interval'],
      about: 'every summary metric per point: runs, missing values, mean, sd, median, 5/25/75/95% quantiles, 95% t-interval of the mean (interval t); a share of counts has its Wilson interval in proportions.csv instead (ciLow, ciHigh NA)',
    },
    proportions: {
      rows: model.proportions as unknown as Row[],
      columns: ['point', 'scenario', 'sweep', 'measure', 'successes', 'n', 'share', 'ciLow', 'ciHigh'],
      about: `shares with 95% Wilson intervals: ${Object.entries(PROPORTIONS)
        .map(([k, v]) => `${k} = ${v}`)
        .join('; ')}`,
    },
    'paired-differences': {
      rows: model.paired as unknown as Row[],
      columns: ['point', 'scenario', 'sweep', 'baselinePoint', 'metric', 'pairs', 'mean', 'sd', 'ciLow', 'ciHigh', 'method', 'distinguishable'],
      about: 'point minus its baseline point, run by run on shared seeds (pairs matched by replicate), with a 95% interval: method t (Student t of the paired differences) or newcombe (Newcombe\'s paired interval of two shares, for outcomes that are 0 or 1 in every pair); distinguishable is FALSE when the interval contains zero',
    },
    bands: {
      rows: model.bands as unknown as Row[],
      columns: ['point', 'scenario', 'sweep', 'variable', 'month', 'year', 'n', 'mean', 'ciLow', 'ciHigh', 'q05', 'q95', 'exact'],
      about: 'time-series bands of the charted region series: mean, 95% t-interval of the mean, 5–95% quantiles of the runs',
    },
    survival: {
      rows: model.survival as unknown as Row[],
      columns: ['point', 'scenario', 'sweep', 'month', 'year', 'alive', 'founded', 'share', 'ciLow', 'ciHigh'],
      about: 'pools alive at each month out of the pools founded during the runs, with 95% Wilson intervals',
    },
    ...(model.map
      ? {
          'map-municipalities': {
            rows: model.map.rows as unknown as Row[],
            columns: ['point', 'label', 'code', 'name', 'progress', 'progressLow', 'progressHigh', 'memberShare', 'memberLow', 'memberHigh', 'runs'],
            about: `per-municipality mean progress (by ${model.map.progressYear === 2030 ? 'end 2030' : 'the end of the run'}) with its 95% t-interval and share of runs as a member at the end with its 95% Wilson interval, ${model.map.source === 'table' ? "over every run of the batch's municipalities table" : `over the first ${model.map.runsPerPoint} runs, re-simulated with the batch's seeds`}`,
          },
        }
      : {}),
  };
}

/**
 * Writes <dir>/<table>.csv and <dir>/statistics.json, each atomically; returns the file paths. With
 * `folder` (a report folder), dir is its sub-folder name and every file is recorded as regiosim's.
 */
export function writeTables(model: ReportModel, dir: string, folder?: OutputFolder): string[] {
  const at = (name: string) => (folder ? folder.path(`${dir}/${name}`) : join(dir, name));
  if (!folder) makeDir(dir);
  const all = tables(model);
  const files: string[] = [];
  for (const [name, t] of Object.entries(all)) {
    const file = at(`${name}.csv`);
    writeAtomic(file, toCsv(t.rows, t.columns));
    files.push(file);
  }
  const json = {
    batch: { dir: model.info.dir, name: model.info.name, description: model.info.description, version: model.info.version, commit: model.info.commit, masterSeed: model.info.masterSeed, replicates: model.info.replicates, baseline: model.info.baseline, status: model.info.status, counts: model.info.counts },
    startYear: model.startYear,
    notes: model.notes,
    tables: Object.fromEntries(Object.entries(all).map(([name, t]) => [name, { about: t.about, columns: t.columns, rows: t.rows.map((r) => Object.fromEntries(t.columns.map((c) => [c, jsonValue(r[c])]))) }])),
  };
  const file = at('statistics.json');
  writeAtomic(file, `${JSON.stringify(json, null, 1)}\n`);
  files.push(file);
  return files;
}

/** JSON has no NaN or Infinity: missing becomes null. */
function jsonValue(v: unknown): unknown {
  return typeof v === 'number' && !Number.isFinite(v) ? null : v;
}
