/**
 * Fast directional tests of staying and leaving in model v2 (docs/ODD.md 7.9.5–7.9.8): a satisfied
 * member does not leave at random; low trust in the pool, quarrels with members, the ownership
 * cost (autonomy aversion × formality of the governance) and, under efficiency framing, a promised
 * saving not kept make members leave; terms follow each member's own join date and notice; early
 * leavers pay exit payments that taper over five years.
 *
 * Unit checks set up one member on a state captured from a real run and count, over a fixed grid
 * of decision draws, how often `decide` gives notice. Paired checks count the members under notice
 * after the first early-exit window (month 12, the end of the ramp-up) in a big start with a
 * mandate, so every run starts with the same twelve members and faces the same decision draws.
 */
import { describe, expect, it } from 'vitest';
import { formality } from '../sim/join.js';
import { applyMembershipChanges, decide, payExitPayments } from '../sim/membership.js';
import { dissolve, fixedFeeOf } from '../sim/pool.js';
import { Membership, type ModelState, type Municipality } from '../sim/state.js';
import { exitPaymentTotal, stayTerms } from '../sim/stay.js';
import { copyState, noticesAt, pairCounts, poolMembers, runInput, stateAt } from './directions-helpers.js';
import { fmt, mean, seedList } from './helpers.js';

const BIG = { startMode: 'big', mandate: true };
const GRID = Array.from({ length: 1000 }, (_, k) => (k + 0.5) / 1000);

/** Twelve founders (big start, mandate) at the end of month 11: all terms end at 48, renewal decision at 36. */
function bigState(seed = 2001, levers: Record<string, unknown> = {}): ModelState {
  const state = stateAt({ levers: { ...BIG, ...levers } }, seed, 11);
  expect(poolMembers(state).length).toBe(12);
  return state;
}

/** Sets every member's experience of the pool: net benefit, trust in the pool and in the others, legitimacy. */
function setMood(state: ModelState, mood: { benefit: number; trust: number }): void {
  const pool = state.pools[0];
  const n = pool.area.length;
  for (const m of poolMembers(state)) {
    m.netBenefitAvg = mood.benefit;
    m.poolTrust = mood.trust;
    m.legitimacy = state.p.legitimacyBase;
    m.savingAvg = 1;
    m.leaveAt = -1;
  }
  for (let x = 0; x < n; x++) for (let y = 0; y < n; y++) if (x !== y) pool.trust[x * n + y] = mood.trust;
  pool.inQuarrel.fill(0);
}

/** Over the grid of draws, how many notices `decide` gives at month t (every member, or only `only`). */
function noticesOverGrid(state: ModelState, t: number, only?: Municipality): number {
  const list = poolMembers(state);
  let count = 0;
  state.t = t;
  for (const u of GRID) {
    for (const m of list) {
      m.leaveAt = -1;
      m.decisionDraw = u;
    }
    decide(state, t % 12 === state.p.decisionMonth);
    for (const m of list) if (m.leaveAt >= 0 && (!only || m === only)) count++;
  }
  for (const m of list) m.leaveAt = -1;
  return count;
}

describe('a satisfied member stays', () => {
  it('with high net benefit and high trust nobody gives notice on any draw, at renewal or at an early-exit window', () => {
    const state = bigState();
    setMood(state, { benefit: 1, trust: 0.95 });
    const renewal = 48 - state.levers.noticeMonths;
    expect(noticesOverGrid(state, renewal)).toBe(0);
    expect(noticesOverGrid(state, 24)).toBe(0);
    // Not vacuous: the same members, unhappy and distrustful, leave on most draws.
    const unhappy = copyState(state);
    setMood(unhappy, { benefit: -1, trust: 0.05 });
    expect(noticesOverGrid(unhappy, renewal)).toBeGreaterThan(0.9 * 12 * GRID.length);
  });
});

describe('what makes members leave (stay utility, same draws)', () => {
  /** A middling member: the decision is open, so each channel can move it. */
  function middling(levers: Record<string, unknown> = {}) {
    const state = bigState(2002, levers);
    setMood(state, { benefit: 0.05, trust: 0.5 });
    const m = poolMembers(state)[0];
    m.autonomyAversion = 0.3;
    return { state, m };
  }
  const RENEWAL = 36;

  it('low trust in the pool raises leaving', () => {
    const { state, m } = middling();
    const share = (trust: number) => {
      const s = copyState(state);
      const x = s.municipalities[m.idx];
      x.poolTrust = trust;
      return noticesOverGrid(s, RENEWAL, x);
    };
    const low = share(0.2);
    const high = share(0.8);
    console.info(`notices over ${GRID.length} draws, trust in the pool 0.2 vs 0.8: ${low} vs ${high}`);
    expect(low).toBeGreaterThan(high);
  });

  it('an unresolved quarrel with a current member raises leaving; a quarrel with a non-member does not', () => {
    const { state, m } = middling();
    const pool = state.pools[0];
    const n = pool.area.length;
    const baseState = copyState(state);
    const base = noticesOverGrid(baseState, RENEWAL, baseState.municipalities[m.idx]);
    const withQuarrel = (otherIsMember: boolean) => {
      const s = copyState(state);
      const p0 = s.pools[0];
      const other = s.municipalities[p0.area[(m.areaPos + 1) % n]];
      if (!otherIsMember) other.membership = Membership.Outside;
      p0.memberCache = null;
      p0.inQuarrel[m.areaPos * n + other.areaPos] = 1;
      p0.inQuarrel[other.areaPos * n + m.areaPos] = 1;
      const x = s.municipalities[m.idx];
      expect(stayTerms(s, p0, x).quarrel).toBe(otherIsMember ? -s.p.stayQuarrelPenalty : 0);
      return noticesOverGrid(s, RENEWAL, x);
    };
    const member = withQuarrel(true);
    const outsider = withQuarrel(false);
    console.info(`notices: no quarrel ${base}, quarrel with a member ${member}, with a non-member ${outsider}`);
    expect(member).toBeGreaterThan(base);
    expect(outsider).toBeLessThanOrEqual(base);
  });

  it('the ownership cost is autonomy aversion × formality: higher aversion and central push raise leaving', () => {
    const pull = middling();
    const push = middling({ governance: 'centralPush' });
    const share = (s0: ModelState, idx: number, aversion: number) => {
      const s = copyState(s0);
      const x = s.municipalities[idx];
      x.autonomyAversion = aversion;
      expect(stayTerms(s, s.pools[0], x).ownership).toBeCloseTo(-s.p.autonomyWeight * aversion * formality(s), 12);
      return noticesOverGrid(s, RENEWAL, x);
    };
    // The same member with the same experience of the pool (setMood): only aversion and governance differ.
    const pullLow = share(pull.state, pull.m.idx, 0.2);
    const pullHigh = share(pull.state, pull.m.idx, 0.8);
    const pushLow = share(push.state, push.m.idx, 0.2);
    const pushHigh = share(push.state, push.m.idx, 0.8);
    console.info(
      `notices, aversion 0.2 / 0.8: demand pull ${pullLow} / ${pullHigh}, central push ${pushLow} / ${pushHigh}`,
    );
    expect(formality(push.state)).toBeGreaterThan(formality(pull.state));
    expect(pullHigh).toBeGreaterThan(pullLow);
    expect(pushHigh).toBeGreaterThan(pushLow);
    expect(pushLow).toBeGreaterThan(pullLow);
    expect(pushHigh).toBeGreaterThan(pullHigh);
    // The cost grows with the product: aversion matters more under the more formal governance.
    expect(pushHigh - pushLow).toBeGreaterThan(pullHigh - pullLow);
  });

  it('under efficiency framing a promised saving not kept raises leaving; knowledge framing promises nothing', () => {
    const knowledge = middling();
    const efficiency = middling({ framing: 'efficiency' });
    const share = (s0: ModelState, idx: number, saving: number) => {
      const s = copyState(s0);
      const x = s.municipalities[idx];
      x.savingAvg = saving;
      return noticesOverGrid(s, RENEWAL, x);
    };
    const promise = efficiency.state.p.efficiencyPromise;
    const kept = share(efficiency.state, efficiency.m.idx, promise);
    const broken = share(efficiency.state, efficiency.m.idx, 0);
    const knowledgeBroken = share(knowledge.state, knowledge.m.idx, 0);
    const knowledgeKept = share(knowledge.state, knowledge.m.idx, promise);
    console.info(
      `notices: efficiency framing, saving kept ${kept} / not kept ${broken}; knowledge framing ${knowledgeKept} / ${knowledgeBroken}`,
    );
    expect(broken).toBeGreaterThan(kept);
    expect(broken).toBeGreaterThan(knowledgeBroken);
    expect(knowledgeBroken).toBe(knowledgeKept);
  });
});

describe('what makes members leave (paired runs: notices after the first early-exit window)', () => {
  const SEEDS = seedList(12);
  const cache = new Map<string, number[]>();
  /** Notices per seed (memoised: several comparisons share a run set). */
  const notices = (options: { levers?: Record<string, unknown>; parameters?: Record<string, number> }) => {
    const key = JSON.stringify(options);
    let out = cache.get(key);
    if (!out) {
      out = SEEDS.map((seed) =>
        noticesAt({ levers: { ...BIG, ...options.levers }, parameters: options.parameters }, seed, 12),
      );
      cache.set(key, out);
    }
    return out;
  };
  /** The variant gives more notices on average, on more seeds than the other way round, and on at least minShare of the seeds. */
  function expectMore(label: string, variant: number[], baseline: number[], minShare = 0): void {
    const c = pairCounts(variant, baseline);
    console.info(
      `${label}: notices ${fmt(mean(variant), 2)} vs ${fmt(mean(baseline), 2)} of 12 members (more on ${c.above}, fewer on ${c.below} of ${SEEDS.length} seeds)`,
    );
    expect(mean(variant)).toBeGreaterThan(mean(baseline));
    expect(c.above).toBeGreaterThan(c.below);
    expect(c.above).toBeGreaterThanOrEqual(minShare * SEEDS.length);
  }

  it('low trust (prior −1 vs +1 logit) raises exits', () => {
    expectMore(
      'trustPriorIntercept -1 vs +1',
      notices({ parameters: { trustPriorIntercept: -1 } }),
      notices({ parameters: { trustPriorIntercept: 1 } }),
      0.75,
    );
  });

  it('quarrels raise exits, and do so through the quarrel term of the stay utility', () => {
    const quarrels = { quarrelPerPairPerYear: 0.05 };
    expectMore(
      'quarrels 0.05 vs 0 per pair and year',
      notices({ parameters: quarrels }),
      notices({ parameters: { quarrelPerPairPerYear: 0 } }),
      0.6,
    );
    // The same quarrels (pre-drawn, so identical in both) with the stay penalty switched off.
    expectMore(
      'quarrels 0.05, stayQuarrelPenalty at its default vs 0',
      notices({ parameters: quarrels }),
      notices({ parameters: { ...quarrels, stayQuarrelPenalty: 0 } }),
      0.5,
    );
  });

  it('the ownership cost raises exits: high autonomy aversion, and central push', () => {
    const push = { governance: 'centralPush' };
    expectMore(
      'central push, autonomyAversionMean 0.7 vs 0.2',
      notices({ levers: push, parameters: { autonomyAversionMean: 0.7 } }),
      notices({ levers: push, parameters: { autonomyAversionMean: 0.2 } }),
      0.75,
    );
    expectMore(
      'autonomyAversionMean 0.7, central push vs demand pull',
      notices({ levers: push, parameters: { autonomyAversionMean: 0.7 } }),
      notices({ parameters: { autonomyAversionMean: 0.7 } }),
      0.75,
    );
  });

  it('efficiency framing raises exits against knowledge-and-talent framing, through the disappointment of the promise', () => {
    const efficiency = { framing: 'efficiency' };
    expectMore('efficiency vs knowledge framing', notices({ levers: efficiency }), notices({}), 0.75);
    expectMore(
      'efficiency framing, disappointmentWeight at its default vs 0.5',
      notices({ levers: efficiency }),
      notices({ levers: efficiency, parameters: { disappointmentWeight: 0.5 } }),
      0.5,
    );
  });

  it('the exit payment deters early exits: more notices without it', () => {
    expectMore('exitRule none vs taper', notices({ levers: { exitRule: 'none' } }), notices({}));
  });
});

describe('terms follow each member’s own join date and notice', () => {
  it('renewal decisions fall a notice period before each member’s own term end; late joiners decide in other months than founders', () => {
    const seeds = seedList(4);
    for (const noticeMonths of [12, 6]) {
      const renewalMonths = { founders: new Set<number>(), late: new Set<number>() };
      let early = 0;
      const wrong: string[] = [];
      for (const seed of seeds) {
        const lastNotice = new Map<number, number>();
        runInput({ levers: { noticeMonths }, horizonMonths: 120 }, seed, (state) => {
          const t = state.t;
          for (const m of poolMembers(state)) {
            const term = state.levers.termMonths;
            // The term runs from the member's own start: whole terms since it joined.
            if (m.termEnd <= m.memberSince || (m.termEnd - m.memberSince) % term !== 0)
              wrong.push(`seed ${seed} month ${t}: ${m.code} joined ${m.memberSince}, term ends ${m.termEnd}`);
            if (m.leaveAt < 0 || lastNotice.get(m.idx) === m.leaveAt) continue;
            lastNotice.set(m.idx, m.leaveAt);
            const renewal = Math.max(m.termEnd - term + 1, m.termEnd - noticeMonths);
            if (t === renewal) {
              // Notice at renewal: the member leaves at its term end.
              if (m.leaveAt !== m.termEnd)
                wrong.push(`seed ${seed} month ${t}: ${m.code} renewal notice to ${m.leaveAt}`);
              (m.memberSince === state.pools[0].formedAt ? renewalMonths.founders : renewalMonths.late).add(t);
            } else {
              // Otherwise only at the yearly window after the ramp-up, with the notice period.
              const window = t % 12 === state.p.decisionMonth && t >= state.pools[0].rampUntil;
              // It leaves when the notice runs out or at its term end, whichever comes first (m.termEnd
              // is already the next one if its term ended this month).
              if (!window || m.leaveAt !== Math.min(t + noticeMonths, m.termEnd))
                wrong.push(`seed ${seed} month ${t}: ${m.code} notice to ${m.leaveAt} outside renewal (${renewal})`);
              early++;
            }
          }
        });
      }
      expect(wrong.slice(0, 5)).toEqual([]);
      const founders = [...renewalMonths.founders].sort((a, b) => a - b);
      const late = [...renewalMonths.late].sort((a, b) => a - b);
      console.info(
        `notice ${noticeMonths}: renewal notices by members since founding in months ${founders}, by later joiners in ${late}; ${early} early notices`,
      );
      // Members since the founding (month 0) decide a notice period before months 48, 96.
      for (const t of founders) expect((t + noticeMonths) % 48).toBe(0);
      // Late joiners decide in their own months, which differ from the founders'.
      expect(late.some((t) => (t + noticeMonths) % 48 !== 0)).toBe(true);
      expect(late.length).toBeGreaterThan(0);
    }
  });
});

describe('exit payments (exitRule taper)', () => {
  /** A founder leaving at month 24, half way through its first term, after its notice ran out. */
  function earlyExit(levers: Record<string, unknown> = {}) {
    const state = stateAt({ levers: { ...BIG, ...levers } }, 2003, 23);
    const pool = state.pools[0];
    const m = poolMembers(state)[0];
    expect(m.termEnd).toBe(48);
    state.t = 24;
    m.leaveAt = 24;
    const fee = fixedFeeOf(state, pool, m);
    const owed = exitPaymentTotal(state, pool, m);
    applyMembershipChanges(state);
    expect(m.membership).toBe(Membership.Outside);
    return { state, pool, m, fee, owed };
  }

  /** What m pays each month from month 25 on (payExitPayments only; nothing else runs). */
  function payments(state: ModelState, m: Municipality, months: number): number[] {
    const out: number[] = [];
    for (let t = 25; t < 25 + months; t++) {
      state.t = t;
      const before = m.spentFees;
      payExitPayments(state);
      out.push(m.spentFees - before);
    }
    return out;
  }

  it('an early leaver pays its fixed fee for 60 months from the month after its exit, 1/5 less each year', () => {
    const { state, pool, m, fee, owed } = earlyExit();
    expect(fee).toBeGreaterThan(0);
    expect(m.exitPayments).toHaveLength(1);
    expect(m.exitPayments[0].monthly).toBeCloseTo(fee, 9);
    expect(m.exitPayments[0].from).toBe(25);
    const reserveBefore = pool.reserve;
    const paid = payments(state, m, 72);
    const years = state.p.exitTaperYears;
    expect(paid.filter((x) => x > 0).length).toBe(12 * years);
    for (let y = 0; y < years; y++) {
      const year = paid.slice(12 * y, 12 * y + 12);
      for (const x of year) expect(x).toBeCloseTo(fee * (1 - y / years), 6);
      if (y > 0) expect(year[0]).toBeLessThan(paid[12 * y - 1]);
    }
    expect(paid.slice(12 * years).every((x) => x === 0)).toBe(true);
    const total = paid.reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(owed, 4);
    // The payments go into the pool's reserve.
    expect(pool.reserve - reserveBefore).toBeGreaterThanOrEqual(total - 1e-6);
  });

  it('nothing is owed under exitRule none, or by a member leaving at its term end; payments stop when the pool ends', () => {
    const none = earlyExit({ exitRule: 'none' });
    expect(none.owed).toBe(0);
    expect(payments(none.state, none.m, 72).every((x) => x === 0)).toBe(true);

    const state = stateAt({ levers: BIG }, 2003, 47);
    const m = poolMembers(state)[0];
    state.t = 48;
    m.leaveAt = 48;
    applyMembershipChanges(state);
    expect(m.membership).toBe(Membership.Outside);
    expect(m.exitPayments).toHaveLength(0);

    const ended = earlyExit();
    const paid = payments(ended.state, ended.m, 6);
    expect(paid.every((x) => x > 0)).toBe(true);
    dissolve(ended.state, ended.pool, 'test');
    const after = [];
    for (let t = 31; t < 40; t++) {
      ended.state.t = t;
      const before = ended.m.spentFees;
      payExitPayments(ended.state);
      after.push(ended.m.spentFees - before);
    }
    expect(after.every((x) => x === 0)).toBe(true);
  });
  it('a second early exit adds its own schedule: both are paid, the first is not replaced', () => {
    const { state, pool, m, fee } = earlyExit();
    state.t = 30;
    m.joinAt = 30;
    applyMembershipChanges(state);
    expect(m.membership).toBe(Membership.Member);
    state.t = 36;
    m.leaveAt = 36;
    const fee2 = fixedFeeOf(state, pool, m);
    applyMembershipChanges(state);
    expect(m.exitPayments.map((e) => e.from)).toEqual([25, 37]);
    state.t = 37;
    const before = m.spentFees;
    payExitPayments(state);
    // Year 1 of the first schedule (1/5 less) and the first month of the second.
    const years = state.p.exitTaperYears;
    expect(m.spentFees - before).toBeCloseTo(fee * (1 - 1 / years) + fee2, 6);
  });

  it('with noticeMonths 0 the renewal decision (in the term-end month) weighs no exit payment: the exit rule does not move it', () => {
    const counts = (exitRule: string) => {
      const state = bigState(2004, { noticeMonths: 0, exitRule });
      setMood(state, { benefit: 0.05, trust: 0.5 });
      expect(poolMembers(state)[0].termEnd).toBe(48);
      return noticesOverGrid(state, 48);
    };
    const taper = counts('taper');
    expect(taper).toBeGreaterThan(0); // an open decision, so a weighed payment would show
    expect(taper).toBe(counts('none'));
    // Not vacuous: at an early-exit window the payment is weighed and deters notice.
    const early = (exitRule: string) => {
      const state = bigState(2004, { noticeMonths: 0, exitRule });
      setMood(state, { benefit: 0.05, trust: 0.5 });
      return noticesOverGrid(state, 24);
    };
    expect(early('taper')).toBeLessThan(early('none'));
  });

  it('notice given in the month a term ends runs against the next term end: no exit without notice', () => {
    const state = stateAt({ levers: BIG }, 2003, 47);
    state.t = 48;
    const m = poolMembers(state)[0];
    expect(m.termEnd).toBe(48);
    for (const pool of state.pools) for (const i of pool.area) state.municipalities[i].decisionDraw = 2;
    m.decisionDraw = 0; // leaves whenever its leave probability is above zero
    decide(state, true);
    expect(m.leaveAt).toBe(48 + state.levers.noticeMonths);
    applyMembershipChanges(state);
    expect(m.membership).toBe(Membership.Member);
    expect(m.termEnd).toBe(48 + state.levers.termMonths);
  });
});

describe('joining: the three-way logit (docs/ODD.md 7.9.6)', () => {
  /** Outsiders of a small start at month 11 with the join constant set, after one yearly decision. */
  function joinersWith(joinConstant: number): number {
    const state = stateAt({ levers: { startMode: 'small' } }, 2005, 11);
    state.p = { ...state.p, joinConstant };
    const pool = state.pools[0];
    const outsiders = pool.area
      .map((i) => state.municipalities[i])
      .filter((m) => m.membership !== Membership.Member && !m.refuser && m.joinAt < 0);
    expect(outsiders.length).toBeGreaterThan(0);
    for (const m of outsiders) m.decisionDraw = 0.5;
    decide(state, true);
    return outsiders.filter((m) => m.joinAt >= 0).length / outsiders.length;
  }
  it('an overwhelming join utility makes every outsider join (no exp overflow), an overwhelmingly negative one none', () => {
    expect(joinersWith(800)).toBe(1);
    expect(joinersWith(-800)).toBe(0);
  });
});
