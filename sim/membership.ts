import { consultantPrice } from './consultants.js';
import { effectiveNih } from './knowledge.js';
import {
  fixedFeeOf,
  foundPool,
  isStaffed,
  members,
  membershipChanged,
  observedSuccess,
  poolMonthlyCost,
  poolStaffCount,
  pooledRoles,
  startMembership,
} from './pool.js';
import { Membership, type ModelState, type Municipality, type Pool, ROLE_COUNT } from './state.js';
import { meanHistoryToMembers, meanTrustToMembers, othersLoseTrustIn } from './trust.js';

function formality(state: ModelState): number {
  return state.levers.governance === 'centralPush' ? state.p.formalityCentralPush : state.p.formalityDemandPull;
}

function framingWeights(state: ModelState): { knowledge: number; saving: number } {
  const off = state.p.offFramingWeight;
  return state.levers.framing === 'knowledge' ? { knowledge: 1, saving: off } : { knowledge: off, saving: 1 };
}

/** The parts of a municipality's utility of membership (MODEL.md 3.7), so reasons can be reported. */
export interface JoinTerms {
  need: number;
  knowledge: number;
  saving: number;
  fee: number;
  autonomy: number;
  transaction: number;
  trust: number;
  history: number;
  conformity: number;
  success: number;
  constant: number;
}

function shortfallShare(state: ModelState, m: Municipality): number {
  let short = 0;
  let need = 0;
  for (const r of pooledRoles(state))
    short += Math.max(0, m.demand[r] - m.ownEffectiveFte[r] - m.consultantFte[r] - m.poolFte[r]) + m.poolFte[r];
  for (let r = 0; r < ROLE_COUNT; r++) need += m.needFte[r];
  return need > 0 ? Math.min(1, short / need) : 0;
}

/**
 * The fixed fee a municipality expects to commit to per month as a member. The usage part is
 * pay-as-you-go at about cost, so it enters through the saving term, not as a deterrent.
 */
function expectedFixedFee(state: ModelState, pool: Pool, m: Municipality): number {
  let population = m.population;
  for (const x of members(state, pool)) if (x !== m) population += x.population;
  let fixedTotal = pool.fixedFeeTotal;
  if (!pool.exists) {
    // Before founding: the planned team's cost net of the sponsor, shared over the willing area.
    population = 0;
    for (const i of pool.area) if (!state.municipalities[i].refuser) population += state.municipalities[i].population;
    const staff = isStaffed(state) ? state.levers.initialStaff : 0;
    const sponsor = state.levers.sponsorYears > 0 ? state.levers.sponsorPerYear / 12 : 0;
    const net = Math.max(0, poolMonthlyCost(state, pool, staff) - sponsor);
    const share =
      state.levers.feeModel === 'fixed' ? 1 : state.levers.feeModel === 'usage' ? 0 : state.levers.feeFixedShare;
    fixedTotal = net * share;
  }
  return (fixedTotal * m.population) / population;
}

/**
 * Utility of membership against staying out, term by term. Expected capacity relative to the
 * shortfall, knowledge retention or cost saving (weighted by framing), fee, autonomy loss,
 * transaction costs, trust and history toward members, conformity with neighbours and observed
 * success (late joiners follow success).
 */
export function joinTerms(state: ModelState, pool: Pool, m: Municipality): JoinTerms {
  const p = state.p;
  const frame = framingWeights(state);
  const list = members(state, pool);
  const sf = shortfallShare(state, m);
  let memberShort = 0;
  for (const x of list) if (x !== m) for (const r of pooledRoles(state)) memberShort += x.shortfall[r];
  let needTotal = 0;
  for (let r = 0; r < ROLE_COUNT; r++) needTotal += m.needFte[r];
  const staffed = isStaffed(state);
  const staff = pool.exists ? poolStaffCount(pool) : staffed ? state.levers.initialStaff : 0;
  const served =
    pool.servedWindow.length >= 3
      ? observedSuccess(pool)
      : Math.min(1, staff / Math.max(1, memberShort + sf * needTotal));
  const gHat = staffed ? served : 0;
  const nihOpen = 1 - effectiveNih(state, m.nih);
  const retention = staffed ? (p.poolTransfer - p.consultantTransfer) * Math.min(1, sf) : 0;
  let consultants = 0;
  for (let r = 0; r < ROLE_COUNT; r++) consultants += m.consultantFte[r];
  const price = consultantPrice(state, m);
  const poolPrice = pool.exists ? pool.usagePrice : p.poolWageIndex * p.internalCostPerFteMonth;
  const savingRate =
    state.levers.poolForm === 'light' ? p.jointProcurementDiscount : Math.max(0, 1 - poolPrice / price);
  const consultantShare = needTotal > 0 ? Math.min(1, consultants / needTotal) : 0;
  const fee = expectedFixedFee(state, pool, m);
  const n = list.length + (m.membership === Membership.Member ? 0 : 1);
  const history = meanHistoryToMembers(state, pool, m);
  let neighbours = 0;
  let neighboursIn = 0;
  for (const j of m.neighbours) {
    if (state.municipalities[j].poolArea !== pool.idx) continue;
    neighbours++;
    if (state.municipalities[j].membership === Membership.Member) neighboursIn++;
  }
  return {
    need: p.joinNeedWeight * sf * gHat,
    knowledge: frame.knowledge * p.joinKnowledgeWeight * nihOpen * retention,
    saving: frame.saving * p.joinSavingWeight * savingRate * consultantShare,
    fee: (-p.joinFeeWeight * fee) / (m.budgetYear / 12),
    autonomy: -p.autonomyWeight * m.autonomyAversion * formality(state),
    transaction: -(p.transactionBase + p.transactionPerMember * n + p.transactionHeterogeneity * (1 - history) * n),
    trust: p.joinTrustWeight * (meanTrustToMembers(state, pool, m) - 0.5),
    history: p.joinHistoryWeight * history,
    conformity: neighbours > 0 ? (p.conformityWeight * neighboursIn) / neighbours : 0,
    success: pool.servedWindow.length >= 6 ? p.successWeight * (observedSuccess(pool) - 0.5) : 0,
    constant: p.joinConstant + (m.membership === Membership.Observer ? p.observerFamiliarity : 0),
  };
}

export function sumTerms(terms: JoinTerms): number {
  let s = 0;
  for (const v of Object.values(terms)) s += v;
  return s;
}

/** Founding (MODEL.md 3.3): named founders, the most willing few (small), or all not strongly against (big). */
export function formPools(state: ModelState): void {
  const lv = state.levers;
  if (lv.poolForm === 'none') return;
  for (const pool of state.pools) {
    const candidates = pool.area.map((i) => state.municipalities[i]).filter((m) => !m.refuser);
    let founders: Municipality[];
    if (lv.founders.length > 0) {
      founders = candidates.filter((m) => lv.founders.includes(m.code));
    } else {
      const scored = candidates.map((m) => {
        const terms = joinTerms(state, pool, m);
        // Founders decide before anyone is in: conformity and success do not apply yet.
        return { m, u: sumTerms(terms) - terms.conformity - terms.success };
      });
      scored.sort((a, b) => b.u - a.u || a.m.idx - b.m.idx);
      if (lv.startMode === 'small') founders = scored.slice(0, lv.founderCount).map((s) => s.m);
      else if (lv.mandate) founders = scored.map((s) => s.m);
      else founders = scored.filter((s) => s.u > state.p.startBigThreshold).map((s) => s.m);
    }
    foundPool(state, pool, founders);
  }
}

/** Monthly bookkeeping of each member's realised net benefit (value received, fee, autonomy cost). */
export function evaluateMembership(state: ModelState): void {
  const p = state.p;
  const cost = p.internalCostPerFteMonth;
  for (const pool of state.pools) {
    if (!pool.exists) continue;
    const list = members(state, pool);
    let totalValue = 0;
    for (const m of list) {
      const fte = m.poolFte[0] + m.poolFte[1] + m.poolFte[2];
      let consultants = 0;
      for (let r = 0; r < ROLE_COUNT; r++) consultants += m.consultantFte[r];
      const light =
        state.levers.poolForm === 'light' ? consultants * cost * p.consultantPremium * p.jointProcurementDiscount : 0;
      m.valueReceived = fte * cost * p.consultantPremium * (1 - effectiveNih(state, m.nih)) + light;
      totalValue += m.valueReceived;
    }
    for (const m of list) {
      const budget = m.budgetYear / 12;
      const autonomy = p.autonomyCostShare * m.autonomyAversion * formality(state) * budget;
      let net = m.valueReceived - m.feePaidMonth - autonomy;
      if (state.levers.evaluation === 'broad') {
        const others = list.length > 1 ? (totalValue - m.valueReceived) / (list.length - 1) : 0;
        net += m.knowledgeReceived * cost * p.knowledgeValueFactor + p.regionalValueWeight * others;
      }
      m.benefitSum += net / budget;
      m.benefitMonths++;
      const k = 1 / 12;
      m.valueAvg += k * (m.valueReceived - m.valueAvg);
      m.feeAvg += k * (m.feePaidMonth - m.feeAvg);
      m.autonomyAvg += k * (autonomy - m.autonomyAvg);
    }
  }
}

/**
 * Bush-Mosteller learning of the propensity to stay (Macy & Flache 2002), once a year from the
 * year's mean net benefit against an aspiration level that follows experience.
 */
export function learnStayPropensity(state: ModelState): void {
  const p = state.p;
  const habituation = 1 - (1 - p.aspirationHabituation) ** 12;
  for (const pool of state.pools) {
    if (!pool.exists) continue;
    for (const m of members(state, pool)) {
      if (m.benefitMonths === 0) continue;
      const benefit = m.benefitSum / m.benefitMonths;
      const stimulus = Math.max(-1, Math.min(1, (benefit - m.aspiration) / p.satisfactionScale));
      m.stayPropensity +=
        stimulus >= 0
          ? p.stayLearningRate * stimulus * (1 - m.stayPropensity)
          : p.stayLearningRate * stimulus * m.stayPropensity;
      m.aspiration += habituation * (benefit - m.aspiration);
      m.benefitSum = 0;
      m.benefitMonths = 0;
    }
  }
}

function exitReason(state: ModelState, m: Municipality): string {
  if (isStaffed(state) && m.servedShareAvg < state.p.servedThreshold) return 'requests not served';
  if (m.feeAvg > m.valueAvg) return 'fee exceeds value';
  if (m.poolTrust < 0.4) return 'low trust in the pool';
  if (m.autonomyAvg > 0.5 * m.feeAvg) return 'autonomy loss';
  return 'low satisfaction';
}

/**
 * 3.7 Yearly decision window. Every municipality of the area draws once from the decisions stream,
 * whatever its state, so decision draws stay paired between scenarios.
 */
export function decide(state: ModelState): void {
  const p = state.p;
  const lv = state.levers;
  const u = state.rng.decisions;
  for (const pool of state.pools) {
    if (lv.poolForm === 'none') continue;
    for (const i of pool.area) {
      const draw = u();
      const m = state.municipalities[i];
      if (!pool.exists || m.refuser) continue;
      if (m.membership === Membership.Member) {
        if (m.leaveAt >= 0) continue;
        const termSoon = m.termEnd - state.t <= 12;
        const leave = (1 - m.stayPropensity) * (termSoon ? 1 : p.earlyExitDamping);
        if (draw < leave) {
          m.leaveAt = termSoon ? Math.max(state.t + 1, m.termEnd) : state.t + lv.noticeMonths;
          m.leaveReason = exitReason(state, m);
        }
        continue;
      }
      if (m.joinAt >= 0) continue;
      const terms = joinTerms(state, pool, m);
      const uMember = sumTerms(terms);
      const observerOk = lv.observers && isStaffed(state) && m.membership !== Membership.Observer;
      const uObserver = observerOk
        ? p.observerKnowledgeShare * (terms.knowledge + p.joinKnowledgeWeight * 0.1) + p.joinConstant * 0.5
        : Number.NEGATIVE_INFINITY;
      const eMember = Math.exp(uMember);
      const eObserver = Math.exp(uObserver);
      const eStay = 1;
      const total = eMember + eObserver + eStay;
      if (draw < eMember / total) {
        m.joinAt = state.t + p.decisionLagMonths;
      } else if (draw < (eMember + eObserver) / total) {
        m.membership = Membership.Observer;
      }
    }
  }
}

/** Monthly: pending joins start, notices run out, terms renew. */
export function applyMembershipChanges(state: ModelState): void {
  const t = state.t;
  const p = state.p;
  for (const pool of state.pools) {
    if (!pool.exists) continue;
    for (const i of pool.area) {
      const m = state.municipalities[i];
      if (m.joinAt >= 0 && m.joinAt <= t && m.membership !== Membership.Member) {
        if (!m.founder) {
          m.lateJoiner = true;
          pool.lateJoiners.push(m.code);
        }
        startMembership(state, pool, m);
        continue;
      }
      if (m.membership !== Membership.Member) continue;
      if (m.leaveAt >= 0 && m.leaveAt <= t) {
        if (t < m.termEnd) {
          const exitFee = p.exitFeeMonths * fixedFeeOf(state, pool, m);
          m.spentFees += exitFee;
          pool.incomeFees += exitFee;
          pool.reserve += exitFee;
          state.tally.exitFees += exitFee;
        }
        othersLoseTrustIn(state, pool, m);
        pool.exits.push({ month: t, code: m.code, reason: m.leaveReason });
        m.membership = Membership.Outside;
        membershipChanged(pool);
        m.leaveAt = -1;
        m.poolFte.fill(0);
        m.requested.fill(0);
        m.crisisClaim.fill(0);
        m.feeCommitment = 0;
        continue;
      }
      if (t >= m.termEnd && m.leaveAt < 0) m.termEnd += state.levers.termMonths;
    }
  }
}
