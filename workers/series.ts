/**
 * The per-run series written to series.csv: the REGION series only, in long form
 * (`run,month,variable,value`), which R (`read.csv`) and pandas (`read_csv`) load as is.
 *
 * Yearly is the default because monthly is too big for batches: 31 variables × 300 months is
 * ~9,300 rows (~350 KB) per run, 3.5 GB for 10,000 runs; yearly is ~775 rows (~25 KB) per run.
 * A yearly row stands for one calendar year and carries the month index of its last month
 * (11, 23, ..., or the horizon's last month for a partial year). Stocks and levels are the value in
 * that month; the per-month flows in FLOW_SERIES are summed over the year's months.
 * Sizes and municipality series are left out of batches (`regiosim run` writes them for one run).
 */
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

export const SERIES_HEADER = 'run,month,variable,value\n';

const NAMES = Object.keys(REGION_SERIES) as RegionSeriesName[];

/** The series.csv lines of one run (empty for mode 'none'). */
export function seriesLines(
  run: number,
  values: Record<RegionSeriesName, Float64Array>,
  months: number,
  mode: SeriesMode,
): string {
  if (mode === 'none') return '';
  let out = '';
  for (const name of NAMES) {
    const v = values[name];
    if (mode === 'monthly') {
      for (let t = 0; t < months; t++) out += `${run},${t},${name},${formatCompact(v[t])}\n`;
      continue;
    }
    const flow = FLOW_SERIES.includes(name);
    let sum = 0;
    for (let t = 0; t < months; t++) {
      sum += v[t];
      if (t % 12 === 11 || t === months - 1) {
        out += `${run},${t},${name},${formatCompact(flow ? sum : v[t])}\n`;
        sum = 0;
      }
    }
  }
  return out;
}

/** How many region series each run writes (lines per month or year). */
export const REGION_SERIES_COUNT = NAMES.length;
