import { consultantPrice } from './consultants.js';
import { baseLegitimacy, clamp, formality, framingWeights } from './join.js';
import { fixedFeeOf, members } from './pool.js';
import { L, Membership, type ModelState, type Municipality, type Pool, ROLE_COUNT } from './state.js';
import { meanTrustToMembers } from './trust.js';

/** The parts of a member's utility of staying (logit units), kept apart for exit reasons and the ODD. */
export interface StayTerms {
  constant: number;
  benefit: number;
  poolTrust: number;
  memberTrust: number;
  quarrel: number;
  ownership: number;
  legitimacy: number;
  disappointment: number;
}

/** Weight on knowledge received in a member's value: it counts under broad evaluation, as framing weighs it. */
function knowledgeWeight(state: ModelState): number {
  return state.levers.evaluation === 'broad' ? framingWeights(state).knowledge : 0;
}

/**
 * Monthly: what each member got from the pool against what it paid, as running means over about a
 * year. Hours are valued at what a consultant would have cost (joint procurement: the discount on
 * consultants bought); knowledge received counts under broad evaluation (at knowledgeValueFactor,
 * weighted by framing) with a share of the value others receive. Legitimacy moves toward its level:
 * lower under central push and when outsiders do the member's local work.
 */
export function evaluateMembership(state: ModelState): void {
  const p = state.p;
  const cost = p.internalCostPerFteMonth;
  const kw = knowledgeWeight(state);
  const broad = state.levers.evaluation === 'broad';
  const light = state.levers.poolForm === 'light';
  const k = 1 / 12;
  for (const pool of state.pools) {
    if (!pool.exists) continue;
    const list = members(state, pool);
    let totalValue = 0;
    for (const m of list) {
      const price = consultantPrice(state, m);
      const fte = m.poolFte[0] + m.poolFte[1] + m.poolFte[2];
      let consultants = 0;
      for (let r = 0; r < ROLE_COUNT; r++) consultants += m.consultantFte[r];
      const hours = light
        ? (consultants * price * p.jointProcurementDiscount) / (1 - p.jointProcurementDiscount)
        : fte * price;
      m.valueReceived = hours + kw * m.knowledgeReceived * cost * p.knowledgeValueFactor;
      totalValue += m.valueReceived;
      // Realised saving on pool hours against the consultant price (efficiency framing's promise).
      const saving = hours > 0 ? clamp(1 - m.feePaidMonth / hours, 1) : m.feePaidMonth > 0 ? -1 : 0;
      m.savingAvg += k * (saving - m.savingAvg);
      const localWork = m.workOwn[L] + m.workPool[L] + m.workConsultants[L];
      const outsiders = localWork > 0 ? (m.workPool[L] + m.workConsultants[L]) / localWork : 0;
      m.outsiderLocalAvg += k * (outsiders - m.outsiderLocalAvg);
      const target = baseLegitimacy(state) - p.residentCostWeight * m.outsiderLocalAvg;
      m.legitimacy += p.legitimacyAdjustPerMonth * (target - m.legitimacy);
    }
    let signal = 0;
    for (const m of list) {
      const others = list.length > 1 ? (totalValue - m.valueReceived) / (list.length - 1) : 0;
      const value = m.valueReceived + (broad ? p.regionalValueWeight * others : 0);
      m.valueAvg += k * (value - m.valueAvg);
      m.feeAvg += k * (m.feePaidMonth - m.feeAvg);
      m.netBenefitAvg = (m.valueAvg - m.feeAvg) / (m.budgetYear / 12);
      signal += m.netBenefitAvg;
    }
    // What outsiders can see of the pool's success: its members' mean net benefit.
    if (list.length > 0) pool.successSignal += k * (signal / list.length - pool.successSignal);
  }
}

/**
 * A member's utility of staying: status-quo bias, realised net benefit, trust in the pool and in
 * the other members, ownership cost (autonomy aversion × formality, which no aspiration adapts
 * away), legitimacy, and under efficiency framing the disappointment of a promised saving not kept.
 */
export function stayTerms(state: ModelState, pool: Pool, m: Municipality): StayTerms {
  const p = state.p;
  const promised = state.levers.framing === 'efficiency';
  return {
    constant: p.stayConstant,
    benefit: p.stayBenefitWeight * clamp(m.netBenefitAvg / p.satisfactionScale, 2),
    poolTrust: p.stayPoolTrustWeight * (m.poolTrust - 0.5),
    memberTrust: p.stayMemberTrustWeight * (meanTrustToMembers(state, pool, m) - 0.5),
    quarrel: inQuarrelWithMember(state, pool, m) ? -p.stayQuarrelPenalty : 0,
    ownership: -p.autonomyWeight * m.autonomyAversion * formality(state),
    legitimacy: p.legitimacyWeight * (m.legitimacy - 0.5),
    disappointment: promised ? -p.disappointmentWeight * Math.max(0, p.efficiencyPromise - m.savingAvg) : 0,
  };
}

/** Sum of the stay terms, added in their declaration order (as the utility was always summed). */
export function sumStayTerms(t: StayTerms): number {
  let s = 0;
  s += t.constant;
  s += t.benefit;
  s += t.poolTrust;
  s += t.memberTrust;
  s += t.quarrel;
  s += t.ownership;
  s += t.legitimacy;
  s += t.disappointment;
  return s;
}

/** True while m is in an unresolved quarrel with a current member of its pool. */
function inQuarrelWithMember(state: ModelState, pool: Pool, m: Municipality): boolean {
  const n = pool.area.length;
  for (let y = 0; y < n; y++) {
    if (y === m.areaPos || !pool.inQuarrel[m.areaPos * n + y]) continue;
    if (state.municipalities[pool.area[y]].membership === Membership.Member) return true;
  }
  return false;
}

/** The exit payment a member would owe if it left before its term end (taper rule), in EUR. */
export function exitPaymentTotal(state: ModelState, pool: Pool, m: Municipality): number {
  if (state.levers.exitRule !== 'taper') return 0;
  const years = state.p.exitTaperYears;
  // Full fee the first year, then 1/years less each year: (years + 1) / 2 years of fees in all.
  return fixedFeeOf(state, pool, m) * 12 * ((years + 1) / 2);
}

/** The largest negative part of the stay utility: the reason a leaver gives. */
export function exitReason(terms: StayTerms): string {
  const labels: Record<keyof StayTerms, string> = {
    constant: 'low satisfaction',
    benefit: 'fee exceeds value',
    poolTrust: 'low trust in the pool',
    memberTrust: 'low trust in the other members',
    quarrel: 'quarrel with another member',
    ownership: 'autonomy loss',
    legitimacy: 'cannot explain it to council and residents',
    disappointment: 'promised saving not realised',
  };
  let worst: keyof StayTerms = 'constant';
  let value = 0;
  for (const key of Object.keys(labels) as Array<keyof StayTerms>) {
    if (key !== 'constant' && terms[key] < value) {
      value = terms[key];
      worst = key;
    }
  }
  return labels[worst];
}
