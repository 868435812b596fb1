/**
 * DIR/README.md of a batch: what every column of runs.csv and every variable of series.csv means,
 * generated from the registries (SUMMARY_METRICS, REGION_SERIES), so it never drifts from the code.
 */
import { REGION_SERIES } from '../sim/outputs.js';
import { SUMMARY_METRICS } from '../sim/summary.js';
import type { SeriesMode } from './protocol.js';
import type { RunsTable } from './runs-table.js';
import { FLOW_SERIES, SERIES_COLUMNS, SERIES_HEADER } from './series.js';

export function batchReadme(table: RunsTable, series: SeriesMode, rerun: string): string {
  const lines = [
    '# regiosim batch results',
    '',
    'Files: `runs.csv` (one row per run), `series.csv` (region series per run), `manifest.json`',
    '(version, commit, inputs and their SHA-256, master seed, arguments, counts, status).',
    'Missing values are `NA`; read with `read.csv("runs.csv")` in R or `pandas.read_csv("runs.csv")`.',
    '',
    '## runs.csv',
    '',
    'Rows are in run order: point by point, replicate 0, 1, ... within a point. Replicate i has the same',
    'seed at every point (common random numbers), so differences between points are paired.',
    '',
    '| column | meaning |',
    '|---|---|',
    '| run | run index in the batch (0-based); the key into series.csv |',
    '| point | scenario × sweep point id |',
    '| scenario | scenario name |',
    ...table.sweepNames.map((k, i) => `| ${table.sweepColumns[i]} | swept value of ${k} |`),
    '| replicate | replicate number within the point (0-based) |',
    '| seed | run seed (from the master seed and the replicate); re-run one run alone as in "Re-running one run" below |',
    '| status | ok, or error if the run threw |',
    '| error | the error message of a failed run (its metrics are NA) |',
    ...Object.entries(SUMMARY_METRICS).map(([k, v]) => `| ${k} | ${v} |`),
    '',
    '## series.csv',
    '',
  ];
  if (series === 'none') lines.push('Not written (`--series none`).');
  else {
    lines.push(
      `Long form, one row per run, month and variable: \`${SERIES_HEADER.trim()}\` (values to 6 decimals),`,
      'the same columns as the series.csv of `regiosim run`. Region series only (the whole simulated region:',
      'scope `region`). Failed runs have no rows.',
      '',
      '| column | meaning |',
      '|---|---|',
      ...Object.entries(SERIES_COLUMNS).map(([k, v]) => `| ${k} | ${v} |`),
      '',
      series === 'yearly'
        ? `Yearly: one row per calendar year, at the index of its last month (11, 23, ..., or the last month of a partial year). Levels and stocks are the value in that month; the monthly flows ${FLOW_SERIES.join(', ')} are summed over the year. Use \`--series monthly\` for every month.`
        : 'Monthly: one row per month.',
      '',
      '| variable | meaning |',
      '|---|---|',
      ...Object.entries(REGION_SERIES).map(([k, v]) => `| ${k} | ${v} |`),
    );
  }
  lines.push('', '## Re-running one run', '', rerun, '');
  return lines.join('\n');
}
