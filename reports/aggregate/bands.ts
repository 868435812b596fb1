/**
 * Stage 2d: time-series bands per point and variable: the mean with its 95% interval, and the
 * 5–95% quantile band of the runs. Exact (stats/band.ts over every run) when every replicate was
 * kept; otherwise the mean and interval come from the running moments of all runs and the quantiles
 * from the first `keep` replicates (said in the notes).
 */
import type { SeriesData } from '../read/series.js';
import { type BandPoint, band } from '../stats/band.js';
import { describe } from '../stats/describe.js';
import type { PointSet } from './points.js';

export interface BandRow extends BandPoint {
  point: string;
  scenario: string;
  sweep: string;
  variable: string;
  /** Calendar year of the month (yearly series: the year the row closes). */
  year: number;
  /** False when the quantiles come from a sample of the runs. */
  exact: boolean;
}

/** Calendar time of a series month: whole years for yearly rows, fractional for monthly. */
export function yearOf(month: number, startYear: number, mode: 'yearly' | 'monthly' | 'none'): number {
  return mode === 'monthly' ? startYear + month / 12 : startYear + Math.floor(month / 12);
}

export function bands(set: PointSet, series: SeriesData, replicates: number, startYear: number, mode: 'yearly' | 'monthly' | 'none'): BandRow[] {
  const rows: BandRow[] = [];
  const exact = replicates <= series.keep;
  for (const p of set.points) {
    for (const variable of series.variables) {
      const byMonth = series.cells[p.index].get(variable);
      if (!byMonth || byMonth.size === 0) continue;
      const months = [...byMonth.keys()].sort((a, b) => a - b);
      const cells = months.map((m) => byMonth.get(m)!);
      let points: BandPoint[];
      if (exact) {
        const perRun = Array.from({ length: series.keep }, (_, r) => cells.map((c) => c.kept[r]));
        points = band(perRun, months);
      } else {
        points = cells.map((c, k) => {
          const q = describe(Array.from(c.kept));
          return { month: months[k], ...c.moments.interval(), q05: q.q05, q95: q.q95, n: c.moments.n };
        });
      }
      for (const b of points)
        rows.push({
          point: p.id,
          scenario: p.scenario,
          sweep: p.sweepCode,
          variable,
          year: yearOf(b.month, startYear, mode),
          exact,
          ...b,
        });
    }
  }
  return rows;
}
