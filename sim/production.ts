import { exp } from './math/index.js';
import type { Parameters } from './parameters.js';
import { L, type ModelState, type Municipality, ROLE_COUNT, S } from './state.js';
import { COUNT_TABLE_SIZE } from './tables.js';

/**
 * Share of the specialisms asked of a team that a team of n specialists covers well: a sole
 * specialist covers soleSpecialistCoverage, each further one closes the gap (a bigger team's benefit).
 * @example specialismCoverage(p, 1) // p.soleSpecialistCoverage
 */
export function specialismCoverage(p: Parameters, n: number): number {
  if (n <= 0) return 0;
  return 1 - (1 - p.soleSpecialistCoverage) * exp(-(n - 1) / p.specialismCoverageScale);
}

/** specialismCoverage from the run's table (the same values). */
function coverage(state: ModelState, n: number): number {
  return n < COUNT_TABLE_SIZE ? state.tables.coverage[n] : specialismCoverage(state.p, n);
}

/** Quality factor with diminishing returns in knowledge per FTE (MODEL.md 3.4). */
export function quality(floor: number, knowledge: number, fte: number, halfSaturation: number): number {
  const x = knowledge / Math.max(1, fte);
  return floor + ((1 - floor) * x) / (x + halfSaturation);
}

/**
 * 3.1 Demand update: release dwellings to planning on the 2050 schedule, then set this month's
 * demand per role from the planning and execution queues (at their fastest pace).
 */
export function updateDemand(state: ModelState): void {
  const p = state.p;
  const { plan, exec } = state.workMix;
  const demand = state.roleTable.demand;
  const muns = state.municipalities;
  for (let i = 0; i < muns.length; i++) {
    const m = muns[i];
    const release = Math.min(m.dwellings - m.released, m.dwellings / p.releaseMonths);
    m.released += release;
    m.toPlan += release;
    m.refToPlan += release;
    const planFte = (m.toPlan / p.planClearMonths) * p.planWorkPerDwelling * m.workScale;
    const execFte = (m.planned / p.execClearMonths) * p.execWorkPerDwelling * m.workScale;
    const at = i * ROLE_COUNT;
    for (let r = 0; r < ROLE_COUNT; r++) demand[at + r] = planFte * plan[r] + execFte * exec[r];
  }
}

/** Own staff left for heat work: a crisis diverts a share, pool staff pulled in under the recall rule give some back. */
export function ownEffectiveCapacity(state: ModelState): void {
  const t = state.t;
  const { staffCount, ownFte, ownEffectiveFte } = state.roleTable;
  const muns = state.municipalities;
  for (let i = 0; i < muns.length; i++) {
    const diversion = t <= muns[i].crisisUntil ? state.p.crisisDiversion : 0;
    const at = i * ROLE_COUNT;
    for (let r = 0; r < ROLE_COUNT; r++) {
      ownFte[at + r] = staffCount[at + r];
      ownEffectiveFte[at + r] = staffCount[at + r] * (1 - diversion);
    }
  }
}

/** Shortfall per role after own staff and consultants under contract (what a member may ask the pool for). */
export function computeShortfall(state: ModelState): void {
  const { demand, ownEffectiveFte, consultantFte, shortfall } = state.roleTable;
  const size = state.municipalities.length * ROLE_COUNT;
  for (let k = 0; k < size; k++) shortfall[k] = Math.max(0, demand[k] - ownEffectiveFte[k] - consultantFte[k]);
}

/** Effective capacity per role of one municipality by source, in produce; reused (see scratch.ts). */
const capOwn = new Float64Array(ROLE_COUNT);
const capPool = new Float64Array(ROLE_COUNT);
const capCons = new Float64Array(ROLE_COUNT);

/**
 * 3.1 Production: a Leontief combination across roles (no plan without a process lead, specialist
 * input and local knowledge). Execution is served first, planning from what capacity is left.
 * Pool staff and consultants doing local work suffer a local-fit penalty.
 */
export function produce(state: ModelState): void {
  const p = state.p;
  const { plan, exec } = state.workMix;
  const esc = state.levers.poolForm === 'esc' ? p.escExecutionBonus : 1;
  const T = state.roleTable;
  const { staffCount, knowledge, demand, ownFte, ownEffectiveFte, crisisClaim, poolFte, consultantFte } = T;
  const { workOwn, workPool, workConsultants, overload } = T;
  const muns = state.municipalities;
  for (let i = 0; i < muns.length; i++) {
    const m = muns[i];
    const at = i * ROLE_COUNT;
    const pool = m.poolArea >= 0 ? state.pools[m.poolArea] : undefined;
    // Outsiders on local work: the pool fits as well as it knows this place; consultants keep nothing.
    const poolLocal = pool ? pool.localKnowledge[m.areaPos] / Math.max(1, poolFte[at + L]) : 0;
    const poolFit = p.localFitFloor + ((1 - p.localFitFloor) * poolLocal) / (poolLocal + p.knowledgeHalfSaturation);
    for (let r = 0; r < ROLE_COUNT; r++) {
      const claimBack = Math.min(crisisClaim[at + r], ownFte[at + r] - ownEffectiveFte[at + r]);
      const ownCover = r === S ? coverage(state, staffCount[at + S]) : 1;
      capOwn[r] =
        (ownEffectiveFte[at + r] + claimBack) *
        quality(p.qualityFloor, knowledge[at + r], staffCount[at + r], p.knowledgeHalfSaturation) *
        ownCover;
      if (poolFte[at + r] > 0 && pool) {
        const q =
          r === L
            ? poolFit
            : quality(p.qualityFloor, pool.knowledge[r], pool.staff[r].length, p.knowledgeHalfSaturation) *
              (r === S ? coverage(state, pool.staff[S].length) : 1);
        capPool[r] = poolFte[at + r] * q * esc;
      } else capPool[r] = 0;
      capCons[r] = consultantFte[at + r] * p.consultantProductivity * (r === L ? p.localFitFloor : 1);
    }
    const scale = m.workScale;
    let xExec = m.planned / p.execClearMonths;
    for (let r = 0; r < ROLE_COUNT; r++) {
      const need = p.execWorkPerDwelling * scale * exec[r];
      if (need > 0) xExec = Math.min(xExec, (capOwn[r] + capPool[r] + capCons[r]) / need);
    }
    let xPlan = m.toPlan / p.planClearMonths;
    for (let r = 0; r < ROLE_COUNT; r++) {
      const need = p.planWorkPerDwelling * scale * plan[r];
      const left = capOwn[r] + capPool[r] + capCons[r] - xExec * p.execWorkPerDwelling * scale * exec[r];
      if (need > 0) xPlan = Math.min(xPlan, Math.max(0, left) / need);
    }
    m.toPlan -= xPlan;
    m.planned += xPlan - xExec;
    m.ready += xExec;
    m.progressMonth = xExec;
    for (let r = 0; r < ROLE_COUNT; r++) {
      const work = xExec * p.execWorkPerDwelling * scale * exec[r] + xPlan * p.planWorkPerDwelling * scale * plan[r];
      const total = capOwn[r] + capPool[r] + capCons[r];
      const share = total > 0 ? work / total : 0;
      workOwn[at + r] = capOwn[r] * share;
      workPool[at + r] = capPool[r] * share;
      workConsultants[at + r] = capCons[r] * share;
      overload[at + r] = Math.min(1, Math.max(0, demand[at + r] / Math.max(1, staffCount[at + r]) - 1));
    }
    // The reference pipeline runs at full pace: the target that progress is measured against.
    const refExec = m.refPlanned / p.execClearMonths;
    const refPlan = m.refToPlan / p.planClearMonths;
    m.refToPlan -= refPlan;
    m.refPlanned += refPlan - refExec;
    m.refReady += refExec;
  }
}

/** Backlog of open work in FTE-months (planning and execution queues). */
export function backlogFteMonths(state: ModelState, m: Municipality): number {
  const p = state.p;
  return (m.toPlan * p.planWorkPerDwelling + m.planned * p.execWorkPerDwelling) * m.workScale;
}
