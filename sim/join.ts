import { consultantPrice } from './consultants.js';
import { effectiveNih } from './knowledge.js';
import { isStaffed, members, plannedStaffCount, poolMonthlyCost, pooledRoles } from './pool.js';
import { Membership, type ModelState, type Municipality, type Pool, ROLE_COUNT } from './state.js';
import { meanHistoryToMembers, meanTrustToMembers } from './trust.js';

/** How formal the governance is: ownership cost and start-up trust scale with it. */
export function formality(state: ModelState): number {
  return state.levers.governance === 'centralPush' ? state.p.formalityCentralPush : state.p.formalityDemandPull;
}

/** Weights framing puts on knowledge and on cost saving (the other one counts at offFramingWeight). */
export function framingWeights(state: ModelState): { knowledge: number; saving: number } {
  const off = state.p.offFramingWeight;
  return state.levers.framing === 'knowledge' ? { knowledge: 1, saving: off } : { knowledge: off, saving: 1 };
}

/** Legitimacy a membership tends to before local work by outsiders is counted (push lowers it). */
export function baseLegitimacy(state: ModelState): number {
  const p = state.p;
  return p.legitimacyBase - (state.levers.governance === 'centralPush' ? p.legitimacyPenaltyPush : 0);
}

/** The parts of a municipality's utility of joining (MODEL.md 3.7), kept apart so reasons can be reported. */
export interface JoinTerms {
  need: number;
  knowledge: number;
  saving: number;
  fee: number;
  autonomy: number;
  legitimacy: number;
  transaction: number;
  trust: number;
  history: number;
  conformity: number;
  belonging: number;
  success: number;
  constant: number;
}

/** Share of the need a municipality cannot cover itself in the pooled roles (what it could ask the pool for). */
function shortfallShare(state: ModelState, m: Municipality): number {
  let short = 0;
  let need = 0;
  for (const r of pooledRoles(state))
    short += Math.max(0, m.demand[r] - m.ownEffectiveFte[r] - m.consultantFte[r] - m.poolFte[r]) + m.poolFte[r];
  for (let r = 0; r < ROLE_COUNT; r++) need += m.needFte[r];
  return need > 0 ? Math.min(1, short / need) : 0;
}

/**
 * The fixed fee a municipality expects to commit to per month as a member: the pool's fixed fees
 * shared by population, or before founding the planned team's cost net of the sponsor shared over
 * the willing area. The usage part is paid per hour used, so it enters through the saving term.
 */
function expectedFixedFee(state: ModelState, pool: Pool, m: Municipality): number {
  if (pool.exists) {
    members(state, pool);
    const population = pool.memberPopulation + (m.membership === Membership.Member ? 0 : m.population);
    return (pool.fixedFeeTotal * m.population) / population;
  }
  let population = 0;
  for (const i of pool.area) if (!state.municipalities[i].refuser) population += state.municipalities[i].population;
  const staff = isStaffed(state) ? state.levers.initialStaff : 0;
  const sponsor = state.levers.sponsorYears > 0 ? state.levers.sponsorPerYear / 12 : 0;
  const net = Math.max(0, poolMonthlyCost(state, staff) - sponsor);
  const lv = state.levers;
  const share = lv.feeModel === 'fixed' ? 1 : lv.feeModel === 'usage' ? 0 : lv.feeFixedShare;
  return (net * share * m.population) / population;
}

/**
 * Utility of membership against staying out, term by term: expected capacity relative to the
 * shortfall; knowledge retention or cost saving as framing weighs them (efficiency framing
 * promises efficiencyPromise); fee; ownership (autonomy aversion × formality); expected
 * legitimacy; transaction costs; trust and history toward members; conformity with neighbours;
 * belonging; and the success members observably have (late joiners follow success).
 */
export function joinTerms(state: ModelState, pool: Pool, m: Municipality): JoinTerms {
  const p = state.p;
  const frame = framingWeights(state);
  const list = members(state, pool);
  const sf = shortfallShare(state, m);
  let needTotal = 0;
  for (let r = 0; r < ROLE_COUNT; r++) needTotal += m.needFte[r];
  let memberShort = 0;
  for (const x of list) if (x !== m) for (const r of pooledRoles(state)) memberShort += x.shortfall[r];
  const staffed = isStaffed(state);
  const staff = !staffed ? 0 : pool.exists ? plannedStaffCount(pool) : state.levers.initialStaff;
  // Expected cover: the team against everyone's shortfall, this member's included.
  const cover = staffed ? Math.min(1, staff / Math.max(1, memberShort + sf * needTotal)) : 0;
  const retention = staffed ? (p.poolTransfer - p.consultantTransfer) * sf : 0;
  let consultants = 0;
  for (let r = 0; r < ROLE_COUNT; r++) consultants += m.consultantFte[r];
  const price = consultantPrice(state, m);
  const poolPrice = pool.exists && pool.usagePrice > 0 ? pool.usagePrice : p.poolWageIndex * p.internalCostPerFteMonth;
  let savingRate = state.levers.poolForm === 'light' ? p.jointProcurementDiscount : Math.max(0, 1 - poolPrice / price);
  if (state.levers.framing === 'efficiency') savingRate = Math.max(savingRate, p.efficiencyPromise);
  const consultantShare = needTotal > 0 ? Math.min(1, consultants / needTotal) : 0;
  const n = list.length + (m.membership === Membership.Member ? 0 : 1);
  const history = meanHistoryToMembers(state, pool, m);
  const trust = meanTrustToMembers(state, pool, m);
  let neighbours = 0;
  let neighboursIn = 0;
  for (const j of m.neighbours) {
    if (state.municipalities[j].poolArea !== pool.idx) continue;
    neighbours++;
    if (state.municipalities[j].membership === Membership.Member) neighboursIn++;
  }
  const others = list.length - (m.membership === Membership.Member ? 1 : 0);
  const areaOthers = pool.area.length - 1;
  const knownSuccess = pool.exists && state.t - pool.formedAt >= 12;
  return {
    need: p.joinNeedWeight * sf * cover,
    knowledge: frame.knowledge * p.joinKnowledgeWeight * (1 - effectiveNih(state, m.nih)) * retention,
    saving: frame.saving * p.joinSavingWeight * savingRate * consultantShare,
    fee: (-p.joinFeeWeight * expectedFixedFee(state, pool, m)) / (m.budgetYear / 12),
    autonomy: -p.autonomyWeight * m.autonomyAversion * formality(state),
    legitimacy: p.legitimacyWeight * (baseLegitimacy(state) - 0.5),
    transaction: -(p.transactionBase + p.transactionPerMember * n + p.transactionHeterogeneity * (1 - history) * n),
    trust: p.joinTrustWeight * (trust - 0.5),
    history: p.joinHistoryWeight * history,
    conformity: neighbours > 0 ? (p.conformityWeight * neighboursIn) / neighbours : 0,
    belonging: areaOthers > 0 ? (p.belongingWeight * others * trust) / areaOthers : 0,
    success: knownSuccess ? p.successWeight * clamp(pool.successSignal / p.satisfactionScale, 1) : 0,
    constant: p.joinConstant + (m.membership === Membership.Observer ? p.observerFamiliarity : 0),
  };
}

export function clamp(x: number, limit: number): number {
  return x > limit ? limit : x < -limit ? -limit : x;
}

/** Sum of the join terms, added in their declaration order (as the utility was always summed). */
export function sumJoinTerms(t: JoinTerms): number {
  let s = 0;
  s += t.need;
  s += t.knowledge;
  s += t.saving;
  s += t.fee;
  s += t.autonomy;
  s += t.legitimacy;
  s += t.transaction;
  s += t.trust;
  s += t.history;
  s += t.conformity;
  s += t.belonging;
  s += t.success;
  s += t.constant;
  return s;
}
