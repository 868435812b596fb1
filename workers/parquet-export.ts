/**
 * `--format parquet|both`: the batch's tables as Parquet beside (or instead of) the CSV files.
 *
 * The CSV files are the batch's crash-safe record while it runs: rows are appended whole, and
 * --resume and merge cut and check them line by line. A Parquet file cannot be appended to once
 * its footer is written, so each table is streamed from its finished CSV file into Parquet, in row
 * groups (workers/parquet-write.ts): memory holds one row group, never the batch. The values are
 * the CSV's (NA → null, Inf → ±Infinity), so a Parquet file equals its CSV row for row, and it is
 * byte-identical whatever the thread count, resume or merge, as the CSV is. With `parquet`, the CSV
 * copies of the row tables are removed once their Parquet files are in place; runs.csv stays, as
 * the ledger that report, --resume, merge, sensitivity and discover read.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { packageVersion } from '../store/manifest.js';
import { forEachLine, splitCsvLine } from './csv-lines.js';
import { type Cell, type ColumnType, ParquetTableWriter } from './parquet-write.js';
import { type RunsShape, runsSchema, type TableSchema, tableSchema } from './table-schema.js';
import type { TableKey } from './tables.js';

export type OutputFormat = 'csv' | 'parquet' | 'both';
export const OUTPUT_FORMATS: readonly OutputFormat[] = ['csv', 'parquet', 'both'];

/** The Parquet file of a CSV table: the same stem. */
export const parquetName = (csv: string) => csv.replace(/\.csv$/, '.parquet');

function parser(type: ColumnType): (text: string) => Cell {
  if (type === 'string') return (t) => (t === '' ? null : t);
  return (t) => {
    if (t === 'NA' || t === '') return null;
    if (t === 'Inf') return Number.POSITIVE_INFINITY;
    if (t === '-Inf') return Number.NEGATIVE_INFINITY;
    const v = Number(t);
    if (Number.isNaN(v)) throw new Error(`"${t.slice(0, 40)}" is not a number`);
    return v;
  };
}

/** The key-value metadata of a table's Parquet file: what the table and each column (and variable) mean. */
export function parquetMetadataOf(schema: TableSchema): Record<string, string> {
  return {
    'regiosim.table': schema.name,
    'regiosim.version': packageVersion(),
    'regiosim.columns': JSON.stringify(schema.meanings),
    ...(schema.variables ? { 'regiosim.variables': JSON.stringify(schema.variables) } : {}),
    ...(schema.outcomes ? { 'regiosim.outcomes': JSON.stringify(schema.outcomes) } : {}),
    'regiosim.missing':
      'null where the CSV has NA (undefined, or a failed run) or an empty cell; infinities are ±Infinity',
  };
}

/** Streams one CSV table into a Parquet file (written whole or not at all); returns its rows. */
export function csvToParquet(csv: string, parquet: string, schema: TableSchema): number {
  const names = schema.columns.map((c) => c.name);
  const parse = schema.columns.map((c) => parser(c.type));
  const out = new ParquetTableWriter(parquet, schema.columns, parquetMetadataOf(schema));
  const cells: Cell[] = new Array(names.length);
  let line = 0;
  try {
    forEachLine(csv, (text) => {
      line++;
      if (line === 1) {
        if (text !== names.join(','))
          throw new Error(
            `${csv}: the header is not ${names.join(',').slice(0, 80)}...; the file was edited or damaged`,
          );
        return true;
      }
      const fields = text.includes('"') ? splitCsvLine(text) : text.split(',');
      if (fields.length !== names.length)
        throw new Error(`${csv} line ${line}: ${fields.length} fields, the header has ${names.length}`);
      try {
        for (let k = 0; k < fields.length; k++) cells[k] = parse[k](fields[k]);
      } catch (e) {
        throw new Error(`${csv} line ${line}: ${(e as Error).message}`);
      }
      out.add(cells);
      return true;
    });
    if (line === 0) throw new Error(`${csv} is empty (no header); the file was damaged`);
    out.close();
  } catch (e) {
    out.abort();
    throw e;
  }
  return out.total;
}

export interface ExportPlan {
  runs: RunsShape;
  /** The row tables the batch wrote (workers/tables.ts), with their CSV file names. */
  tables: Array<{ key: TableKey; file: string }>;
  seriesMode: string;
}

/**
 * Writes the Parquet file of every table of the batch folder `dir`; with `parquet`, then removes the
 * row tables' CSV files. Returns the Parquet files written (names in the folder).
 */
export function exportParquet(dir: string, plan: ExportPlan, format: OutputFormat): string[] {
  if (format === 'csv') return [];
  const jobs: Array<{ file: string; schema: TableSchema }> = [
    { file: 'runs.csv', schema: runsSchema(plan.runs) },
    ...plan.tables.map((t) => ({ file: t.file, schema: tableSchema(t.key, plan.seriesMode) })),
  ];
  const written: string[] = [];
  for (const job of jobs) {
    const csv = join(dir, job.file);
    if (!existsSync(csv)) continue;
    csvToParquet(csv, join(dir, parquetName(job.file)), job.schema);
    written.push(parquetName(job.file));
  }
  if (format === 'parquet') for (const t of plan.tables) rmSync(join(dir, t.file), { force: true });
  return written;
}
