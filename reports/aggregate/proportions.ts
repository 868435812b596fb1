/**
 * Stage 2b: shares with Wilson intervals, which stay inside [0, 1] and behave at 0% or 100% and at
 * few runs, where mean ± t·sd/√n does not. One interval per quantity: an outcome that is a share
 * of counts (SHARE_OUTCOMES) is reported by its share here, never also by a mean with a t-interval.
 *  - poolFounded: runs in which at least one pool was founded, of all ok runs.
 *  - poolSurvives: founded pools still alive at the end, of the pools founded (poolsAliveEnd of
 *    poolsFormed summed over the runs). With one pool area a run founds at most one pool, so this
 *    is the share of runs with a pool whose pool lasts; with several areas (national) the pools of
 *    one run count as separate draws.
 * Membership at the end has no share here: the members of one run join and leave together, so
 * counting municipality-runs as draws would give too narrow an interval. Its run-level mean
 * (membershipShareEnd, t-interval) is the one measure of it.
 */
import type { RunsData } from '../read/runs.js';
import { type Proportion, wilson } from '../stats/wilson.js';
import type { PointSet } from './points.js';

export const PROPORTIONS = {
  poolFounded: 'runs in which a pool was founded, of the ok runs',
  poolSurvives:
    'founded pools alive at the end of the run, of the pools founded (poolsAliveEnd of poolsFormed; the share of the outcome poolSurvived)',
} as const;
export type ProportionName = keyof typeof PROPORTIONS;

/** What the n of each proportion counts. */
export const PROPORTION_UNITS: Record<ProportionName, string> = { poolFounded: 'runs', poolSurvives: 'pools' };

/** Metrics of runs.csv that are shares of counts: reported by their proportion, with its Wilson interval. */
export const SHARE_OUTCOMES: Readonly<Record<string, ProportionName>> = { poolSurvived: 'poolSurvives' };

export interface ProportionRow extends Proportion {
  point: string;
  scenario: string;
  sweep: string;
  measure: ProportionName;
}

export function proportions(set: PointSet, runs: RunsData): ProportionRow[] {
  const rows: ProportionRow[] = [];
  for (const p of set.points) {
    const m = runs.points[p.index].metrics;
    const formed = m.get('poolsFormed') ?? [];
    const alive = m.get('poolsAliveEnd') ?? [];
    const base = { point: p.id, scenario: p.scenario, sweep: p.sweepCode };
    let runsWithFormed = 0;
    let founded = 0;
    let pools = 0;
    let survived = 0;
    for (let i = 0; i < formed.length; i++) {
      if (!Number.isFinite(formed[i])) continue;
      runsWithFormed++;
      if (formed[i] > 0) founded++;
      pools += formed[i];
      survived += Number.isFinite(alive[i]) ? alive[i] : 0;
    }
    rows.push({ ...base, measure: 'poolFounded', ...wilson(founded, runsWithFormed) });
    rows.push({ ...base, measure: 'poolSurvives', ...wilson(survived, pools) });
  }
  return rows;
}
