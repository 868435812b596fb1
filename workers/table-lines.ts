/**
 * A batch table read line by line whatever its format: a CSV file as it is (workers/csv-lines.ts),
 * a Parquet file (`--format parquet`) as the CSV lines it was made from: the header, then every
 * row with numbers as workers/format.ts writes them (null is NA in a number column and empty in a
 * text column). So the checks and readers of the CSV tables read either format.
 */
import { existsSync, statSync } from 'node:fs';
import { forEachLine } from './csv-lines.js';
import { csvField, formatExact } from './format.js';
import { forEachParquetRow, readParquetMetadata } from './parquet-read.js';

/** The path of a table: its CSV file when there is one, else its Parquet file, else the CSV path (missing). */
export function tablePath(csvPath: string): string {
  const parquet = csvPath.replace(/\.csv$/, '.parquet');
  return !existsSync(csvPath) && existsSync(parquet) ? parquet : csvPath;
}

/**
 * Calls `visit(line, start)` for every complete line (header first) and returns the bytes of the
 * complete lines (a Parquet file is whole: its size). `start` is 0 for the header, else > 0.
 */
export function forEachTableLine(path: string, visit: (line: string, start: number) => boolean | undefined): number {
  if (!path.endsWith('.parquet')) return forEachLine(path, visit);
  const meta = readParquetMetadata(path);
  const columns = meta.schema.slice(1);
  const text = columns.map((c) => c.type === 'BYTE_ARRAY');
  if (visit(columns.map((c) => c.name).join(','), 0) === false) return statSync(path).size;
  let row = 0;
  forEachParquetRow(path, (cells) => {
    row++;
    let line = '';
    for (let k = 0; k < cells.length; k++) {
      const v = cells[k];
      const cell =
        v === null || v === undefined
          ? text[k]
            ? ''
            : 'NA'
          : typeof v === 'string'
            ? csvField(v)
            : formatExact(Number(v));
      line += k === 0 ? cell : `,${cell}`;
    }
    return visit(line, row);
  });
  return statSync(path).size;
}
