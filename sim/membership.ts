import { exp } from './math/index.js';
import { baseLegitimacy, clamp, formality, joinTerms, sumJoinTerms } from './join.js';
import { endMembership, fixedFeeOf, isStaffed, members, membershipChanged } from './pool.js';
import { Membership, type ModelState, type Municipality, type Pool } from './state.js';
import { exitPaymentTotal, exitReason, stayTerms, sumStayTerms } from './stay.js';
import { othersLoseTrustIn } from './trust.js';

/** Probability of leaving at stay utility u: a logistic choice with a small scale, so the satisfied stay. */
function leaveProbability(state: ModelState, u: number): number {
  return 1 / (1 + exp(clamp(u / state.p.stayNoise, 50)));
}

/** A municipality becomes a member: its own term starts now; trust in the pool and legitimacy start. */
export function startMembership(state: ModelState, pool: Pool, m: Municipality): void {
  const p = state.p;
  // A municipality that was a member before keeps the trust in the pool it learned then.
  const rejoin = m.memberSince >= 0;
  m.membership = Membership.Member;
  membershipChanged(pool);
  m.memberSince = state.t;
  m.termEnd = state.t + state.levers.termMonths;
  m.joinAt = -1;
  m.leaveAt = -1;
  m.servedRecent = 1;
  m.servedShareAvg = 1;
  m.requestingSince = -1;
  m.servedMonths = 0;
  m.valueAvg = 0;
  m.feeAvg = 0;
  m.netBenefitAvg = 0;
  m.savingAvg = state.levers.framing === 'efficiency' ? p.efficiencyPromise : 0;
  m.outsiderLocalAvg = 0;
  m.legitimacy = baseLegitimacy(state);
  // Institutional trust starts from trust in the others, lower when the start is wrapped in rules
  // (formality) or imposed by a mandate.
  const n = pool.area.length;
  let sum = 0;
  for (let y = 0; y < n; y++) if (y !== m.areaPos) sum += pool.trust[m.areaPos * n + y];
  const start = p.startTrustPenalty * formality(state) + (state.levers.mandate ? p.imposedStartPenalty : 0);
  m.poolTrustPrior = Math.max(0, (n > 1 ? sum / (n - 1) : 0.5) - start);
  if (!rejoin) m.poolTrust = m.poolTrustPrior;
  const count = members(state, pool).length;
  if (count > pool.maxMembers) pool.maxMembers = count;
}

/** Every municipality of every pool area draws once a month, whatever its state: draws stay paired. */
export function drawDecisions(state: ModelState): void {
  const u = state.rng.decisions;
  for (const pool of state.pools) for (const i of pool.area) state.municipalities[i].decisionDraw = u.next();
}

/** The month a member decides on renewal: a notice period before its term ends, but after the term began. */
function renewalDecisionMonth(state: ModelState, m: Municipality): number {
  const termStart = m.termEnd - state.levers.termMonths;
  return Math.max(termStart + 1, m.termEnd - state.levers.noticeMonths);
}

/**
 * 3.7 Decisions. Members decide on renewal at their own decision month (leaving then takes effect
 * at the term end, free of exit payment); at the yearly window a member may also leave early, with
 * notice, if staying is worse than the exit payment it would owe. Non-members and observers decide
 * on joining at the yearly window (logit over member, observer, stay out).
 */
export function decide(state: ModelState, yearlyWindow: boolean): void {
  const p = state.p;
  const lv = state.levers;
  const t = state.t;
  for (const pool of state.pools) {
    if (!pool.exists || lv.poolForm === 'none') continue;
    for (const i of pool.area) {
      const m = state.municipalities[i];
      if (m.refuser) continue;
      const draw = m.decisionDraw;
      if (m.membership === Membership.Member) {
        if (m.leaveAt >= 0) continue;
        const renewal = t === renewalDecisionMonth(state, m);
        if (!renewal && !(yearlyWindow && t >= pool.rampUntil)) continue;
        // The month it would leave: its term end at renewal; otherwise when the notice runs out or the
        // term ends, whichever comes first. A term ending this month renews in step 8f, so notice
        // given now runs against the next term end (no exit without notice).
        const termEnd = t >= m.termEnd ? m.termEnd + lv.termMonths : m.termEnd;
        const leaveAt = renewal ? m.termEnd : Math.min(t + lv.noticeMonths, termEnd);
        // It weighs the exit payment only if it would owe one: leaving early, before its term end
        // (leaving at renewal never owes, even when the notice period is 0 and the term rolls over now).
        const owes = !renewal && leaveAt < termEnd;
        const terms = stayTerms(state, pool, m);
        const u = sumStayTerms(terms);
        const exitCost = owes ? (p.joinFeeWeight * exitPaymentTotal(state, pool, m)) / m.budgetYear : 0;
        if (draw < leaveProbability(state, u + exitCost)) {
          m.leaveAt = leaveAt;
          m.leaveReason = exitReason(terms);
        }
        continue;
      }
      if (!yearlyWindow || m.joinAt >= 0) continue;
      const terms = joinTerms(state, pool, m);
      const uMember = sumJoinTerms(terms);
      const observerOk = lv.observers && isStaffed(state) && m.membership !== Membership.Observer;
      const uObserver = observerOk
        ? p.observerKnowledgeShare * (terms.knowledge + p.joinKnowledgeWeight * 0.1) + p.joinConstant * 0.5
        : Number.NEGATIVE_INFINITY;
      // Logit shares with the largest utility taken out first, so a very attractive option cannot
      // overflow exp() (Infinity / Infinity would make joining impossible instead of certain).
      const top = Math.max(uMember, uObserver, 0);
      const eMember = exp(uMember - top);
      const eObserver = exp(uObserver - top);
      const total = eMember + eObserver + exp(-top);
      if (draw < eMember / total) m.joinAt = t + p.decisionLagMonths;
      else if (draw < (eMember + eObserver) / total) m.membership = Membership.Observer;
    }
  }
}

/** Monthly: pending joins start, notices run out (an early leaver owes the exit payment), terms renew. */
export function applyMembershipChanges(state: ModelState): void {
  const t = state.t;
  for (const pool of state.pools) {
    if (!pool.exists) continue;
    for (const i of pool.area) {
      const m = state.municipalities[i];
      if (m.joinAt >= 0 && m.joinAt <= t && m.membership !== Membership.Member) {
        if (!m.founder) {
          m.lateJoiner = true;
          m.lateJoins++;
          pool.lateJoins++;
          if (!pool.lateJoiners.includes(m.code)) pool.lateJoiners.push(m.code);
        }
        startMembership(state, pool, m);
        continue;
      }
      if (m.membership !== Membership.Member) continue;
      // A member under notice leaves in the month fixed at its decision (never after its term end).
      if (m.leaveAt >= 0 && m.leaveAt <= t) {
        if (t < m.termEnd && state.levers.exitRule === 'taper') {
          // Payments start next month and run for exitTaperYears × 12 months.
          m.exitPayments.push({ monthly: fixedFeeOf(state, pool, m), from: t + 1, pool: pool.idx });
        }
        othersLoseTrustIn(state, pool, m);
        pool.exits.push({ month: t, code: m.code, reason: m.leaveReason });
        endMembership(pool, m);
        continue;
      }
      if (t >= m.termEnd) m.termEnd += state.levers.termMonths;
    }
  }
}

/**
 * Monthly exit payments of early leavers (taper rule): the fixed fee at exit, 1/exitTaperYears less
 * each year, for exitTaperYears years, into the pool's reserve while it exists.
 * Returns what was paid this month.
 */
export function payExitPayments(state: ModelState): number {
  const years = state.p.exitTaperYears;
  let paid = 0;
  for (const m of state.municipalities) {
    const owed = m.exitPayments;
    if (owed.length === 0) continue;
    // Schedules in the order of the exits; a finished one (or one whose pool ended) is dropped.
    for (let k = 0; k < owed.length; k++) {
      const e = owed[k];
      if (state.t < e.from) continue;
      const year = Math.floor((state.t - e.from) / 12);
      const pool = state.pools[e.pool];
      if (year >= years || !pool.exists) {
        owed.splice(k--, 1);
        continue;
      }
      const amount = e.monthly * (1 - year / years);
      m.spentFees += amount;
      pool.incomeFees += amount;
      pool.reserve += amount;
      state.tally.exitFees += amount;
      paid += amount;
    }
  }
  return paid;
}
