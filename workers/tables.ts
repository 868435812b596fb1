/**
 * The row tables of a batch folder besides runs.csv: series.csv (region series), municipalities.csv
 * and municipality-series.csv. Each has a header, a key into a run's outcome, and a fixed number of
 * rows per ok run of a point, so the writer, --resume, merge and report treat them alike: rows in
 * run order, whole rows only, every ok run with exactly its rows. runs.csv is written after them.
 */
import {
  MUNICIPALITIES_HEADER,
  MUNICIPALITY_SERIES_HEADER,
  type MunicipalityMode,
  municipalityRowsPerRun,
} from './municipality-table.js';
import type { SeriesMode } from './protocol.js';
import { SERIES_HEADER } from './series.js';
import { seriesLinesPerRun } from './verify.js';

export type TableKey = 'series' | 'municipalities' | 'municipalitySeries';

/** The shape of a point that decides how many rows each ok run has. */
export interface PointShape {
  horizonMonths: number;
  /** Municipalities in the point's input (undefined in manifests older than the municipality tables). */
  municipalities?: number;
}

export interface TableOptions {
  series: SeriesMode;
  municipalities: MunicipalityMode;
}

export interface RowTable {
  key: TableKey;
  /** File name in the batch folder (CSV); the Parquet copy has the same stem. */
  file: string;
  header: string;
  /** What a row is, for the messages of the checks (workers/verify.ts SeriesCheck). */
  noun: string;
  rowsPerRun(point: PointShape): number;
}

const SERIES: RowTable = {
  key: 'series',
  file: 'series.csv',
  header: SERIES_HEADER,
  noun: 'series',
  rowsPerRun: () => 0, // replaced per mode below
};

/** The tables a batch with these options writes, in write order. */
export function rowTables(o: TableOptions): RowTable[] {
  const tables: RowTable[] = [];
  if (o.series !== 'none')
    tables.push({ ...SERIES, rowsPerRun: (p) => seriesLinesPerRun(p.horizonMonths, o.series) });
  if (o.municipalities !== 'none')
    tables.push({
      key: 'municipalities',
      file: 'municipalities.csv',
      header: MUNICIPALITIES_HEADER,
      noun: 'municipality',
      rowsPerRun: (p) => municipalityRowsPerRun(p.municipalities ?? 0, p.horizonMonths).end,
    });
  if (o.municipalities === 'yearly')
    tables.push({
      key: 'municipalitySeries',
      file: 'municipality-series.csv',
      header: MUNICIPALITY_SERIES_HEADER,
      noun: 'municipality series',
      rowsPerRun: (p) => municipalityRowsPerRun(p.municipalities ?? 0, p.horizonMonths).yearly,
    });
  return tables;
}

/** Every table file a batch may write (for the output-folder guard). */
export const TABLE_FILES = ['series.csv', 'municipalities.csv', 'municipality-series.csv'] as const;
