/**
 * series.csv, the one long-form table of series that `regiosim run` and `regiosim batch` both
 * write, so that one reader (R `read.csv`, pandas `read_csv`, DuckDB) fits both:
 *
 *   run,scope,area,month,year,variable,value
 *
 * `run` is the run index (0 for `regiosim run`), `scope` what the row describes (region, sizeClass,
 * municipality) and `area` which one: the region's code (a RES region such as ES03, a province,
 * NL for the whole country), the size class, or the municipality's CBS code. `month` is 0 for
 * January of the start year, `year` its calendar year. Missing values are NA.
 *
 * Batches write the REGION series only. Yearly is the default because monthly is too big for
 * batches: 31 variables × 300 months is ~9,300 rows per run, yearly ~775. A yearly row stands for
 * one calendar year and carries the month index of its last month (11, 23, ..., or the horizon's
 * last month for a partial year). Stocks and levels are the value in that month; the per-month
 * flows in FLOW_SERIES are summed over the year's months. `regiosim run` writes every month of the
 * region and size-class series and the yearly municipality series.
 */
import type { ModelInput } from '../sim/model-input.js';
import { REGION_SERIES, type RegionSeriesName } from '../sim/outputs.js';
import { formatCompact } from './format.js';
import type { SeriesMode } from './protocol.js';

/** Region series that record one month's flow (not a level): summed within each year. */
export const FLOW_SERIES: readonly RegionSeriesName[] = [
  'hires',
  'leavers',
  'spendSalaries',
  'spendConsultants',
  'spendFees',
] satisfies RegionSeriesName[];

export const SERIES_HEADER = 'run,scope,area,month,year,variable,value\n';

/** What each column of series.csv holds (batch README, run README, the docs). */
export const SERIES_COLUMNS = {
  run: 'run index: the key into runs.csv (0 for the one run of `regiosim run`)',
  scope:
    'what the row describes: region (the whole simulated region), sizeClass (its municipalities of one size class) or municipality',
  area: "which one: the region code (RES region such as ES03, province, NL for the whole country), the size class (under20k, 20to50k, 50to100k, over100k) or the municipality's CBS code (GM0106)",
  month: 'month index, 0 = January of the start year (a yearly row: the last month of its year)',
  year: 'calendar year of the month',
  variable: 'series name (meanings below)',
  value:
    'the value; NA where it is undefined (e.g. a ratio with nothing to divide by, a size class with no municipalities)',
} as const;

/** The code series.csv gives the region of an input: its pool area's code, or NL for several areas. */
export function regionCode(input: Pick<ModelInput, 'poolAreas'>): string {
  const areas = input.poolAreas ?? [];
  return areas.length === 1 ? areas[0].code : 'NL';
}

const NAMES = Object.keys(REGION_SERIES) as RegionSeriesName[];

/** The series.csv lines of one run's region series (empty for mode 'none'). */
export function seriesLines(
  run: number,
  values: Record<RegionSeriesName, Float64Array>,
  months: number,
  mode: SeriesMode,
  area: string,
  startYear: number,
): string {
  if (mode === 'none') return '';
  // Each written month's row start (run, scope, area, month, year), made once for all the series.
  const head = `${run},region,${area},`;
  const written: number[] = [];
  for (let t = 0; t < months; t++) if (mode === 'monthly' || t % 12 === 11 || t === months - 1) written.push(t);
  const starts = written.map((t) => `${head}${t},${startYear + Math.floor(t / 12)},`);
  let out = '';
  for (const name of NAMES) {
    const v = values[name];
    const middle = `${name},`;
    if (mode === 'monthly') {
      for (let t = 0; t < months; t++) out += `${starts[t]}${middle}${formatCompact(v[t])}\n`;
      continue;
    }
    const flow = FLOW_SERIES.includes(name);
    let sum = 0;
    let row = 0;
    for (let t = 0; t < months; t++) {
      sum += v[t];
      if (t === written[row]) {
        out += `${starts[row++]}${middle}${formatCompact(flow ? sum : v[t])}\n`;
        sum = 0;
      }
    }
  }
  return out;
}

/** How many region series each run writes (lines per month or year). */
export const REGION_SERIES_COUNT = NAMES.length;
