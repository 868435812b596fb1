/**
 * The typed columns of every batch table and what each column (and each long-form variable) means,
 * from the registries (SUMMARY_METRICS, REGION_SERIES, MUNICIPALITY_FIELDS, MUNICIPALITY_SERIES).
 * The Parquet files carry these meanings in their key-value metadata; the CSV README lists the same.
 */
import { MUNICIPALITY_SERIES, REGION_SERIES } from '../sim/outputs.js';
import { MUNICIPALITY_FIELDS } from '../sim/municipality-record.js';
import { MUNICIPALITY_COLUMNS, MUNICIPALITY_SERIES_COLUMNS } from './municipality-table.js';
import { type OutcomeSpec, valueColumn } from '../scenarios/outcomes.js';
import type { ColumnSpec, ColumnType } from './parquet-write.js';
import { runsColumnMeanings } from './runs-table.js';
import { FLOW_SERIES, SERIES_COLUMNS, SERIES_HEADER } from './series.js';
import type { TableKey } from './tables.js';

export interface TableSchema {
  /** The table's name in the metadata (runs, series, municipalities, municipalitySeries). */
  name: 'runs' | TableKey;
  columns: ColumnSpec[];
  meanings: Record<string, string>;
  /** For long tables: the meaning of each value of the `variable` column. */
  variables?: Record<string, string>;
  /** For runs: the outcomes with their columns, labels, units and directions (robustness analysis reads them). */
  outcomes?: ReadonlyArray<Record<string, unknown>>;
}

/** What the runs table needs to know of the plan: its columns and the sweep values of every point. */
export interface RunsShape {
  columns: readonly string[];
  sweepNames: readonly string[];
  sweepColumns: readonly string[];
  /** The sweep values of every point (numbers make a double column, anything else text). */
  sweeps: ReadonlyArray<Record<string, unknown>>;
  /** The plan's outcomes: the meanings of the columns after the metrics. */
  outcomes?: readonly OutcomeSpec[];
}

const INT_COLUMNS = new Set(['run', 'replicate', 'month', 'year', 'sizeClass', 'founder', 'lateJoiner']);
const TEXT_COLUMNS = new Set([
  'point',
  'scenario',
  'status',
  'error',
  'variable',
  'scope',
  'area',
  'municipality',
  'code',
  'name',
  'membershipEnd',
]);

function typed(columns: readonly string[], override: Record<string, ColumnType> = {}): ColumnSpec[] {
  return columns.map((name) => ({
    name,
    type: override[name] ?? (INT_COLUMNS.has(name) ? 'int' : TEXT_COLUMNS.has(name) ? 'string' : 'double'),
  }));
}

export function runsSchema(shape: RunsShape): TableSchema {
  const sweepTypes: Record<string, ColumnType> = {};
  shape.sweepNames.forEach((k, i) => {
    const numeric = shape.sweeps.every((s) => s[k] === undefined || typeof s[k] === 'number');
    sweepTypes[shape.sweepColumns[i]] = numeric ? 'double' : 'string';
  });
  // Seeds go up to 2^31 - 1: they fit a double exactly, not always a signed 32-bit integer with room to spare.
  return {
    name: 'runs',
    columns: typed(shape.columns, { ...sweepTypes, seed: 'double' }),
    meanings: runsColumnMeanings(shape),
    ...(shape.outcomes?.length
      ? {
          outcomes: shape.outcomes.map((o) => ({
            name: o.name,
            columns: o.columns.length ? o.columns : [valueColumn(o)],
            label: o.label,
            unit: o.unit,
            direction: o.direction,
            declared: o.declared,
          })),
        }
      : {}),
  };
}

const LONG_MEANINGS = {
  run: 'run index in the batch; the key into runs',
  scope: SERIES_COLUMNS.scope,
  area: SERIES_COLUMNS.area,
  month: 'month index (0 = January of the start year); yearly rows carry the last month of their year',
  year: SERIES_COLUMNS.year,
  variable: 'the series (see regiosim.variables)',
  value: 'its value (NA where undefined)',
};

export function tableSchema(key: TableKey, seriesMode = 'yearly'): TableSchema {
  if (key === 'series')
    return {
      name: 'series',
      columns: typed(SERIES_HEADER.trim().split(',')),
      meanings: {
        ...LONG_MEANINGS,
        value:
          seriesMode === 'yearly'
            ? `the value in that month (levels and stocks); the monthly flows ${FLOW_SERIES.join(', ')} summed over the year`
            : 'the value in that month',
      },
      variables: { ...REGION_SERIES },
    };
  if (key === 'municipalities')
    return {
      name: 'municipalities',
      columns: typed(MUNICIPALITY_COLUMNS),
      meanings: {
        run: LONG_MEANINGS.run,
        point: 'scenario × sweep point id',
        replicate: 'replicate number within the point (the same seed at every point)',
        ...MUNICIPALITY_FIELDS,
      },
    };
  return {
    name: 'municipalitySeries',
    columns: typed(MUNICIPALITY_SERIES_COLUMNS),
    meanings: {
      ...LONG_MEANINGS,
      scope: 'municipality',
      area: "the municipality's CBS code (GM0106)",
      value: 'its value at the end of the year',
    },
    variables: { ...MUNICIPALITY_SERIES },
  };
}
