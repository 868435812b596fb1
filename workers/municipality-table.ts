/**
 * The per-municipality tables of a batch, as BehaviorSpace and Mesa give agent-level data:
 *
 * - municipalities.csv: one row per ok run × municipality with its end-of-run record
 *   (sim/municipality-record.ts, the same fields as summary.json of `regiosim run`);
 * - municipality-series.csv (`--municipalities yearly` only): the yearly MUNICIPALITY_SERIES of
 *   every municipality in long form, with the columns of series.csv (`run,scope,area,month,year,variable,value`,
 *   scope `municipality`, area its CBS code), so one reader fits both.
 *
 * Rows are formatted in the workers, like runs.csv rows; failed runs have no rows.
 */
import { MUNICIPALITY_SERIES, type MunicipalitySeriesName, type Series } from '../sim/outputs.js';
import { MUNICIPALITY_FIELDS, type MunicipalityField, type MunicipalityRecord } from '../sim/municipality-record.js';
import { csvField, formatCompact, formatExact } from './format.js';

/** What a batch writes per municipality: end-of-run rows (default), those plus yearly series, or nothing. */
export type MunicipalityMode = 'end' | 'yearly' | 'none';
export const MUNICIPALITY_MODES: readonly MunicipalityMode[] = ['end', 'yearly', 'none'];

const FIELDS = Object.keys(MUNICIPALITY_FIELDS) as MunicipalityField[];
export const MUNICIPALITY_KEYS = ['run', 'point', 'replicate'] as const;
export const MUNICIPALITY_COLUMNS: readonly string[] = [...MUNICIPALITY_KEYS, ...FIELDS];
export const MUNICIPALITIES_HEADER = `${MUNICIPALITY_COLUMNS.join(',')}\n`;

export const MUNICIPALITY_SERIES_COLUMNS = ['run', 'scope', 'area', 'month', 'year', 'variable', 'value'] as const;
export const MUNICIPALITY_SERIES_HEADER = `${MUNICIPALITY_SERIES_COLUMNS.join(',')}\n`;
const SERIES_NAMES = Object.keys(MUNICIPALITY_SERIES) as MunicipalitySeriesName[];

function cell(value: MunicipalityRecord[MunicipalityField]): string {
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number') return formatExact(value);
  return csvField(value);
}

/** municipalities.csv rows of one run (every field at full precision; NaN is NA). */
export function municipalityRows(run: number, pointId: string, replicate: number, records: MunicipalityRecord[]): string {
  const key = `${run},${csvField(pointId)},${replicate}`;
  let out = '';
  for (const r of records) {
    let line = key;
    for (const f of FIELDS) line += `,${cell(r[f])}`;
    out += `${line}\n`;
  }
  return out;
}

/** municipality-series.csv lines of one run: municipality by municipality, variable by variable, year by year. */
export function municipalitySeriesLines(
  run: number,
  codes: readonly string[],
  series: ReadonlyArray<Series<MunicipalitySeriesName>>,
  startYear: number,
): string {
  let out = '';
  series.forEach((s, i) => {
    const prefix = `${run},municipality,${codes[i]},`;
    for (const name of SERIES_NAMES) {
      const v = s.values[name];
      s.months.forEach((t, y) => {
        out += `${prefix}${t},${startYear + Math.floor(t / 12)},${name},${formatCompact(v[y])}\n`;
      });
    }
  });
  return out;
}

/** Rows per ok run: municipalities.csv and municipality-series.csv. */
export function municipalityRowsPerRun(municipalities: number, horizonMonths: number): { end: number; yearly: number } {
  return { end: municipalities, yearly: municipalities * SERIES_NAMES.length * Math.ceil(horizonMonths / 12) };
}
