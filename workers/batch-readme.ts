/**
 * DIR/README.md of a batch: what every column of runs.csv and every variable of series.csv means,
 * generated from the registries (SUMMARY_METRICS, REGION_SERIES), so it never drifts from the code.
 */
import { valueColumn } from '../scenarios/outcomes.js';
import { MUNICIPALITY_SERIES, REGION_SERIES } from '../sim/outputs.js';
import { MUNICIPALITY_FIELDS } from '../sim/municipality-record.js';
import type { OutputFormat } from './parquet-export.js';
import type { TableOptions } from './tables.js';
import type { SeriesMode } from './protocol.js';
import { type RunsTable, runsColumnMeanings } from './runs-table.js';
import { FLOW_SERIES, SERIES_COLUMNS, SERIES_HEADER } from './series.js';

/** The outcomes (XLRM "M"): declared in the experiment or chosen from the horizon, with units and directions. */
function outcomeSection(table: RunsTable): string[] {
  if (table.outcomes.length === 0) return [];
  const declared = table.outcomes.some((o) => o.declared);
  return [
    '## Outcomes',
    '',
    declared
      ? 'Declared in the experiment file (`outcomes:`), computed in each run from its full monthly result. Direction is for robustness analysis: maximise (higher is better), minimise, none.'
      : 'No `outcomes:` in the experiment: these follow its horizon (progress at 2030 and at the last simulated year, never NA by construction). Declare your own in the experiment file (scenarios/README.md, "Outcomes").',
    '',
    '| outcome | column(s) | unit | direction |',
    '|---|---|---|---|',
    ...table.outcomes.map(
      (o) =>
        `| ${o.label} | ${(o.columns.length ? o.columns : [valueColumn(o)]).slice(0, 6).join(', ')}${o.columns.length > 6 ? `, ... (${o.columns.length})` : ''} | ${o.unit} | ${o.direction} |`,
    ),
    '',
  ];
}

export function batchReadme(
  table: RunsTable,
  series: SeriesMode,
  rerun: string,
  options: Omit<TableOptions, 'series'> & { format: OutputFormat } = { municipalities: 'none', format: 'csv' },
): string {
  const lines = [
    '# regiosim batch results',
    '',
    'Files: `runs.csv` (one row per run), `series.csv` (region series per run), `municipalities.csv`',
    '(one row per run × municipality), `manifest.json` (version, commit, inputs and their SHA-256, master',
    'seed, arguments, counts, status). Missing values are `NA`; read with `read.csv("runs.csv")` in R or',
    '`pandas.read_csv("runs.csv")`.',
    '',
    '`inputs/` keeps what made the batch: the experiment and scenario files as given (`inputs/files/`, with',
    'their original paths and SHA-256 in `inputs/files.json`) and every point fully resolved, levers, every',
    'parameter, the region and horizon (`inputs/points.json`). `regiosim report` and `--resume` use them when',
    'the original files have moved or changed, and say so.',
    '',
    ...formatSection(options.format),
    '## runs.csv',
    '',
    'Rows are in run order: point by point, replicate 0, 1, ... within a point. Replicate i has the same',
    'seed at every point (common random numbers), so differences between points are paired.',
    '',
    '| column | meaning |',
    '|---|---|',
    ...Object.entries(runsColumnMeanings(table)).map(([k, v]) => `| ${k} | ${v} |`),
    '',
    ...outcomeSection(table),
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
  lines.push('', '## municipalities.csv', '');
  if (options.municipalities === 'none') lines.push('Not written (`--municipalities none`).');
  else
    lines.push(
      'One row per ok run and municipality, in run order, with the municipality’s end-of-run outcomes: the',
      'same fields as `municipalities` in summary.json of `regiosim run`. Join to runs.csv on `run`.',
      '',
      '| column | meaning |',
      '|---|---|',
      '| run | run index (the key into runs.csv) |',
      '| point | scenario × sweep point id |',
      '| replicate | replicate number within the point |',
      ...Object.entries(MUNICIPALITY_FIELDS).map(([k, v]) => `| ${k} | ${v} |`),
    );
  lines.push('', '## municipality-series.csv', '');
  if (options.municipalities !== 'yearly') lines.push('Not written (add `--municipalities yearly`).');
  else
    lines.push(
      `Long form with the columns of series.csv, \`${SERIES_HEADER.trim()}\`, scope \`municipality\` and area its CBS code:`,
      'every municipality’s yearly series (the value at the end of each year, at the index of its last month;',
      'values to 6 decimals). Failed runs have no rows.',
      '',
      '| variable | meaning |',
      '|---|---|',
      ...Object.entries(MUNICIPALITY_SERIES).map(([k, v]) => `| ${k} | ${v} |`),
    );
  lines.push('', '## Re-running one run', '', rerun, '');
  return lines.join('\n');
}

function formatSection(format: OutputFormat): string[] {
  if (format === 'csv') return [];
  return [
    format === 'both'
      ? 'Every table is also a Parquet file of the same name (`runs.parquet`, `series.parquet`, ...), equal to'
      : 'The tables are Parquet files (`runs.parquet`, `series.parquet`, ...); `runs.csv` stays as the ledger',
    format === 'both'
      ? 'its CSV row for row; the column meanings are in each file’s key-value metadata (`regiosim.columns`).'
      : 'that report, --resume and merge read. The column meanings are in each file’s key-value metadata.',
    'NA is null there. Load with `pandas.read_parquet`, `arrow::read_parquet` (R) or DuckDB `read_parquet`.',
    '',
  ];
}
