import { joinTerms, sumJoinTerms } from './join.js';
import { hire, Kind } from './labour.js';
import { startMembership } from './membership.js';
import { isStaffed, postPoolVacancies, setFeeSchedule } from './pool.js';
import { objectList } from './shapes.js';
import { type ModelState, type Municipality, Place, type Pool, ROLE_COUNT, type Worker } from './state.js';

/** Founding (MODEL.md 3.3): named founders, the most willing few (small), or all not strongly against (big). */
export function formPools(state: ModelState): void {
  const lv = state.levers;
  if (lv.poolForm === 'none') return;
  for (const pool of state.pools) {
    // Built by push, never map(): see initState on array shapes.
    const candidates = objectList<Municipality>();
    for (const i of pool.area) if (!state.municipalities[i].refuser) candidates.push(state.municipalities[i]);
    let founders: Municipality[];
    if (lv.founders.length > 0) {
      founders = candidates.filter((m) => lv.founders.includes(m.code));
    } else {
      const scored = objectList<{ m: Municipality; u: number }>();
      for (const m of candidates) {
        const terms = joinTerms(state, pool, m);
        // Founders decide before anyone is in: conformity, belonging and success do not apply yet.
        scored.push({ m, u: sumJoinTerms(terms) - terms.conformity - terms.belonging - terms.success });
      }
      scored.sort((a, b) => b.u - a.u || a.m.idx - b.m.idx);
      if (lv.startMode === 'small') founders = scored.slice(0, lv.founderCount).map((s) => s.m);
      else if (lv.mandate) founders = scored.map((s) => s.m);
      else founders = scored.filter((s) => s.u > state.p.startBigThreshold).map((s) => s.m);
    }
    foundPool(state, pool, founders);
  }
}

/**
 * Founding: founders become members and the pool opens its first posts. When a sponsor pays (a
 * province employing the team, as in Drenthe), the posts are filled at once where the region's
 * labour market has someone: first job seekers of the role (in worker order), then the
 * consultancy's bench (roster order); posts nobody can fill stay open as vacancies. Fees are set
 * on the planned team, and the ramp-up period starts.
 */
export function foundPool(state: ModelState, pool: Pool, founders: Municipality[]): void {
  const t = state.t;
  const lv = state.levers;
  if (founders.length === 0) {
    pool.dissolveReason = 'no founders';
    return;
  }
  pool.exists = true;
  pool.formedAt = t;
  pool.sponsorUntil = t + lv.sponsorYears * 12;
  pool.rampUntil = t + state.p.poolRampUpMonths;
  for (const m of founders) {
    m.founder = true;
    pool.founders.push(m.code);
    startMembership(state, pool, m);
  }
  if (isStaffed(state) && lv.initialStaff > 0) {
    const weights = new Float64Array(ROLE_COUNT);
    for (const m of founders) for (let r = 0; r < ROLE_COUNT; r++) weights[r] += m.needFte[r];
    postPoolVacancies(state, pool, Math.min(lv.initialStaff, lv.maxStaff), weights);
    if (lv.sponsorYears > 0) hireInitialStaff(state, pool);
  }
  setFeeSchedule(state, pool);
}

function hireInitialStaff(state: ModelState, pool: Pool): void {
  for (let r = 0; r < ROLE_COUNT; r++) {
    const seekers: Worker[] = state.workers.filter((w) => w.place === Place.Searching && w.role === r);
    const bench: Worker[] = state.consultancy.staff[r].filter((w) => w.client < 0);
    while (pool.vacancies[r].length > 0) {
      const w = seekers.shift() ?? bench.shift();
      if (!w) break;
      hire(state, w, Kind.Pool, pool.idx);
    }
  }
}
