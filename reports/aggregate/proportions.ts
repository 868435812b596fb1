/**
 * Stage 2b: shares with Wilson intervals, which stay inside [0, 1] and behave at 0% or 100% and at
 * few runs, where mean ± t·sd/√n does not.
 *  - poolFounded: runs in which at least one pool was founded, of all ok runs.
 *  - poolSurvives: founded pools still alive at the end (poolsAliveEnd of poolsFormed, i.e. poolSurvived per run).
 *  - memberAtEnd: municipalities that are members at the end, of the municipalities in pool areas
 *    over all runs. Municipalities in one run are not independent draws, so this interval is too
 *    narrow when members move together; the run-level CI of membershipShareEnd in the summary
 *    table does not have that problem.
 */
import type { RunsData } from '../read/runs.js';
import { type Proportion, wilson } from '../stats/wilson.js';
import type { PointSet } from './points.js';

export const PROPORTIONS = {
  poolFounded: 'runs in which a pool was founded',
  poolSurvives: 'founded pools alive at the end of the run (poolSurvived)',
  memberAtEnd: 'municipalities in pool areas that are members at the end (municipality-runs)',
} as const;
export type ProportionName = keyof typeof PROPORTIONS;

export interface ProportionRow extends Proportion {
  point: string;
  scenario: string;
  sweep: string;
  measure: ProportionName;
}

/**
 * `areaSizes` (municipalities in pool areas per point id) come from the scenario inputs when they
 * could be rebuilt; otherwise they are read off runs with members (members / membershipShareEnd).
 */
export function proportions(set: PointSet, runs: RunsData, areaSizes?: ReadonlyMap<string, number>): ProportionRow[] {
  const rows: ProportionRow[] = [];
  for (const p of set.points) {
    const m = runs.points[p.index].metrics;
    const formed = m.get('poolsFormed') ?? [];
    const alive = m.get('poolsAliveEnd') ?? [];
    const members = m.get('poolMembersEnd') ?? [];
    const share = m.get('membershipShareEnd') ?? [];
    const base = { point: p.id, scenario: p.scenario, sweep: p.sweepLabel };
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
    let area = areaSizes?.get(p.id);
    if (area === undefined) {
      for (let i = 0; i < members.length && area === undefined; i++)
        if (members[i] > 0 && share[i] > 0) area = Math.round(members[i] / share[i]);
    }
    if (area !== undefined && area > 0) {
      let memberRuns = 0;
      let n = 0;
      for (let i = 0; i < members.length; i++) {
        if (!Number.isFinite(members[i])) continue;
        memberRuns += members[i];
        n += area;
      }
      rows.push({ ...base, measure: 'memberAtEnd', ...wilson(memberRuns, n) });
    }
  }
  return rows;
}
