/**
 * Stage 2e: the share of pools alive over time. At month t it is the pools alive then (the
 * poolsAlive series, summed over runs) out of the pools founded during the runs (poolsFormed),
 * with a Wilson interval. Pools not yet founded at t count as not alive, so the curve rises while
 * pools are founded and falls as they dissolve; for one pool area it is the share of runs with a
 * live pool.
 */
import type { RunsData } from '../read/runs.js';
import type { SeriesData } from '../read/series.js';
import { wilson } from '../stats/wilson.js';
import { yearOf } from './bands.js';
import type { PointSet } from './points.js';

export interface SurvivalRow {
  point: string;
  scenario: string;
  sweep: string;
  month: number;
  year: number;
  alive: number;
  founded: number;
  share: number;
  ciLow: number;
  ciHigh: number;
}

export function survival(set: PointSet, runs: RunsData, series: SeriesData, startYear: number, mode: 'yearly' | 'monthly' | 'none'): SurvivalRow[] {
  const rows: SurvivalRow[] = [];
  for (const p of set.points) {
    const founded = (runs.points[p.index].metrics.get('poolsFormed') ?? []).reduce((s, v) => s + (Number.isFinite(v) ? v : 0), 0);
    const byMonth = series.cells[p.index].get('poolsAlive');
    if (!byMonth || founded === 0) continue;
    for (const month of [...byMonth.keys()].sort((a, b) => a - b)) {
      const alive = Math.round(byMonth.get(month)!.moments.sum);
      const w = wilson(Math.min(alive, founded), founded);
      rows.push({
        point: p.id,
        scenario: p.scenario,
        sweep: p.sweepCode,
        month,
        year: yearOf(month, startYear, mode),
        alive,
        founded,
        share: w.share,
        ciLow: w.ciLow,
        ciHigh: w.ciHigh,
      });
    }
  }
  return rows;
}
