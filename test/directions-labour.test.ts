/**
 * Fast directional tests of the labour-market mechanisms of model v2 (docs/ODD.md 7.3, 7.4):
 * labour (not money) binds, stale vacancies are withdrawn and reposted, posts are indivisible and
 * pooled fractions become pool posts, outside recruitment is limited by supply, and consultant
 * prices follow market tightness. Paired runs use the same seeds for baseline and variant (common
 * random numbers); unit checks call one submodel on a state captured from a real run.
 */
import { describe, expect, it } from 'vitest';
import { consultantPrice, fillFromOutside } from '../sim/consultants.js';
import { postMunicipalVacancies } from '../sim/labour.js';
import { allocatePool, growOrShrink, updatePoolWindows } from '../sim/pool.js';
import { makeStreams } from '../sim/rng.js';
import { Node, P, Place, ROLE_COUNT, S, type Worker } from '../sim/state.js';
import { copyState, pairCounts, poolMembers, runInput, stateAt } from './directions-helpers.js';
import { fmt, mean, seedList } from './helpers.js';

const NO_POOL = { poolForm: 'none' };

describe('labour binds (no pool)', () => {
  it('higher scarcity gives fewer own staff, longer vacancy durations, more withdrawals and a tighter market', () => {
    const seeds = seedList(8);
    const measure = (supplyRatio: number) =>
      seeds.map((seed) => {
        const r = runInput({ levers: NO_POOL, parameters: { supplyRatio }, horizonMonths: 120 }, seed);
        const m = r.summary.metrics;
        return {
          own: m.fteOwnMean,
          vacancyMonths: m.vacancyMonthsMean,
          withdrawn: m.vacancyWithdrawnShare,
          tightness: mean(r.series.region.values.marketTightness),
        };
      });
    const scarce = measure(0.35);
    const ample = measure(1.3);
    const pick = (rows: typeof scarce, key: keyof (typeof scarce)[number]) => rows.map((x) => x[key]);
    console.info(
      `labour binds, supplyRatio 0.35 vs 1.3: own staff ${fmt(mean(pick(scarce, 'own')), 1)} vs ${fmt(mean(pick(ample, 'own')), 1)}; ` +
        `vacancy months ${fmt(mean(pick(scarce, 'vacancyMonths')), 2)} vs ${fmt(mean(pick(ample, 'vacancyMonths')), 2)}; ` +
        `withdrawn share ${fmt(mean(pick(scarce, 'withdrawn')), 3)} vs ${fmt(mean(pick(ample, 'withdrawn')), 3)}`,
    );
    // Budget coverage is 1 (the default): money does not bind, so people do. Every seed agrees.
    expect(pairCounts(pick(scarce, 'own'), pick(ample, 'own')).below).toBe(seeds.length);
    expect(pairCounts(pick(scarce, 'vacancyMonths'), pick(ample, 'vacancyMonths')).above).toBe(seeds.length);
    expect(pairCounts(pick(scarce, 'withdrawn'), pick(ample, 'withdrawn')).above).toBe(seeds.length);
    expect(pairCounts(pick(scarce, 'tightness'), pick(ample, 'tightness')).above).toBe(seeds.length);
  });
});

describe('stale vacancies are withdrawn and reposted', () => {
  /** A no-pool state with every municipal vacancy cleared, and municipality 0 free of budget limits. */
  function cleared(seed = 1001) {
    const state = stateAt({ levers: NO_POOL }, seed, 30);
    for (const m of state.municipalities) {
      for (let r = 0; r < ROLE_COUNT; r++) m.vacancies[r] = [];
      m.repostAfter.fill(0);
    }
    const m = state.municipalities[0];
    m.budgetYear = 1e12;
    m.feeCommitment = 0;
    return { state, m };
  }

  it('a vacancy open vacancyWithdrawMonths is withdrawn; the role is not advertised again for vacancyRepostMonths', () => {
    const { state, m } = cleared();
    const p = state.p;
    expect(p.vacancyWithdrawMonths).toBeGreaterThan(1);
    expect(p.vacancyRepostMonths).toBeGreaterThan(1);
    const t0 = 31;
    m.demand[S] = m.staff[S].length + 3; // room for three more specialists
    // One vacancy exactly vacancyWithdrawMonths old, one a month old.
    m.vacancies[S] = [t0 - p.vacancyWithdrawMonths, t0 - 1];
    const before = state.tally.vacanciesWithdrawn[0];
    state.t = t0;
    postMunicipalVacancies(state);
    expect(state.tally.vacanciesWithdrawn[0] - before).toBe(1);
    expect(m.vacancies[S]).toEqual([t0 - 1]);
    expect(m.repostAfter[S]).toBe(t0 + p.vacancyRepostMonths);
    // Paused: nothing new in the role while t < repostAfter, although the gap is open.
    for (let t = t0 + 1; t < t0 + p.vacancyRepostMonths; t++) {
      state.t = t;
      postMunicipalVacancies(state);
      expect(m.vacancies[S], `month ${t}`).toEqual([t0 - 1]);
    }
    // Reposted once the pause is over: the open gap is advertised again with a fresh date.
    state.t = t0 + p.vacancyRepostMonths;
    postMunicipalVacancies(state);
    expect(m.vacancies[S].length).toBe(3);
    expect(m.vacancies[S].slice(1)).toEqual([state.t, state.t]);
    expect(state.tally.vacanciesWithdrawn[0] - before).toBe(1);
  });

  it('a vacancy one month short of vacancyWithdrawMonths stays; with no repost pause a withdrawn post is reposted at once', () => {
    const { state, m } = cleared();
    const t0 = 31;
    m.demand[S] = m.staff[S].length + 1;
    m.vacancies[S] = [t0 - state.p.vacancyWithdrawMonths + 1];
    state.t = t0;
    postMunicipalVacancies(state);
    expect(m.vacancies[S]).toEqual([t0 - state.p.vacancyWithdrawMonths + 1]);
    expect(m.repostAfter[S]).toBe(0);

    const again = cleared();
    again.state.p.vacancyRepostMonths = 0;
    again.m.demand[S] = again.m.staff[S].length + 1;
    again.m.vacancies[S] = [t0 - again.state.p.vacancyWithdrawMonths];
    again.state.t = t0;
    postMunicipalVacancies(again.state);
    expect(again.m.vacancies[S]).toEqual([t0]);
  });

  it('in a run, no municipal vacancy stays open longer than vacancyWithdrawMonths; a shorter limit withdraws more', () => {
    const seeds = seedList(4);
    const withdrawn = (vacancyWithdrawMonths: number) =>
      seeds.map((seed) => {
        let oldest = 0;
        const r = runInput(
          { levers: NO_POOL, parameters: { supplyRatio: 0.35, vacancyWithdrawMonths }, horizonMonths: 72 },
          seed,
          (state) => {
            for (const m of state.municipalities)
              for (let r = 0; r < ROLE_COUNT; r++)
                for (const posted of m.vacancies[r]) oldest = Math.max(oldest, state.t - posted);
          },
        );
        expect(oldest).toBeLessThan(vacancyWithdrawMonths);
        return r.summary.metrics.vacanciesWithdrawn;
      });
    const short = withdrawn(6);
    const long = withdrawn(24);
    expect(Math.min(...long)).toBeGreaterThan(0);
    expect(pairCounts(short, long).above).toBe(seeds.length);
  });
});

describe('indivisible posts', () => {
  it('a fraction of a person below minPostFte is not advertised; a larger minPostFte leaves more of it unadvertised', () => {
    const state = stateAt({ levers: NO_POOL }, 1002, 30);
    // The smallest municipality of the region.
    const m = state.municipalities.reduce((a, b) => (b.population < a.population ? b : a));
    m.budgetYear = 1e12;
    m.feeCommitment = 0;
    const posts = (fraction: number, minPostFte: number) => {
      for (const x of state.municipalities) for (let r = 0; r < ROLE_COUNT; r++) x.vacancies[r] = [];
      m.repostAfter.fill(0);
      state.p.minPostFte = minPostFte;
      m.demand[P] = m.staff[P].length + fraction;
      postMunicipalVacancies(state);
      return m.vacancies[P].length;
    };
    state.t = 31;
    expect(posts(0.4, 0.5)).toBe(0);
    expect(posts(0.6, 0.5)).toBe(1);
    expect(posts(0.4, 0.3)).toBe(1);
    expect(posts(0.8, 0.9)).toBe(0);
    expect(posts(1.4, 0.5)).toBe(1);
    expect(posts(1.6, 0.5)).toBe(2);
    // Monotone: a higher threshold never advertises more.
    for (const f of [0.2, 0.45, 0.7, 1.3, 2.85]) expect(posts(f, 0.9)).toBeLessThanOrEqual(posts(f, 0.3));
  });

  it('fractions of several members, each below a post, add up to a whole pool post', () => {
    // Default scenario (5 founders, sponsored), after the ramp-up.
    const base = stateAt({}, 1003, 14);
    const members = poolMembers(base);
    expect(members.length).toBeGreaterThanOrEqual(5);
    const posted = (askers: number) => {
      const state = copyState(base);
      const pool = state.pools[0];
      const list = poolMembers(state);
      // The pool has no process staff and no open posts; only process fractions are asked.
      pool.staff[P] = [];
      for (let r = 0; r < ROLE_COUNT; r++) pool.vacancies[r] = [];
      pool.utilisationWindow = [];
      pool.unservedWindow = [];
      list.forEach((m, k) => {
        m.shortfall.fill(0);
        m.shortfall[P] = k < askers ? 0.4 : 0;
        m.crisisUntil = -1;
        // The municipality would not advertise this fraction itself.
        m.demand[P] = m.staff[P].length + m.shortfall[P];
        m.budgetYear = 1e12;
        for (const x of state.municipalities) for (let r = 0; r < ROLE_COUNT; r++) x.vacancies[r] = [];
        m.repostAfter.fill(0);
      });
      state.t = 15;
      postMunicipalVacancies(state);
      for (const m of list) expect(m.vacancies[P].length).toBe(0);
      const counts: number[] = [];
      for (let t = 15; t < 18; t++) {
        state.t = t;
        for (const m of list) m.shortfall[P] = list.indexOf(m) < askers ? 0.4 : 0;
        allocatePool(state, pool);
        updatePoolWindows(state, pool);
        growOrShrink(state, pool);
        counts.push(pool.vacancies[P].length + pool.staff[P].length);
      }
      return counts;
    };
    // Five members asking 0.4 FTE each (a quarter-FTE task each): 1.25 FTE unserved a month.
    const five = posted(5);
    expect(five.slice(0, 2)).toEqual([0, 0]);
    expect(five[2]).toBe(1);
    // Three such fractions (0.75 FTE) do not make a post.
    expect(posted(3)).toEqual([0, 0, 0]);
  });
});

describe('consultancy recruitment and consultant prices', () => {
  it('outside fill of open vacancies is limited by supply: fewer fills at a lower supplyRatio, with the same draws', () => {
    const state = stateAt({ levers: NO_POOL }, 1004, 5);
    const fills = (supplyRatio: number, chance = state.p.consultancyOutsideFillPerMonth) => {
      state.rng = makeStreams(7);
      state.p.supplyRatio = supplyRatio;
      const vacancies = new Array<number>(400).fill(state.t);
      const staff: Worker[] = [];
      const flowsBefore = state.tally.flows[Node.OutsideRegion][Node.Consultancy];
      fillFromOutside(state, vacancies, staff, S, Place.Consultancy, 0, chance);
      expect(staff.length + vacancies.length).toBe(400);
      expect(state.tally.flows[Node.OutsideRegion][Node.Consultancy] - flowsBefore).toBe(staff.length);
      return staff.length;
    };
    const low = fills(0.2);
    const mid = fills(0.6);
    const high = fills(1.6);
    console.info(
      `outside fills of 400 consultancy vacancies at supplyRatio 0.2 / 0.6 / 1.6: ${low} / ${mid} / ${high}`,
    );
    expect(low).toBeLessThan(mid);
    expect(mid).toBeLessThan(high);
    // Far from filling everything at once: one month's chance, not the whole pond.
    expect(high).toBeLessThan(400 * 0.3);
    expect(fills(1.6, 0)).toBe(0);
  });

  it('the consultant price rises with last month’s market tightness, and only through the scarcity markup', () => {
    const state = stateAt({ levers: NO_POOL }, 1005, 5);
    const m = state.municipalities[0];
    const at = (tightness: number) => {
      state.tightness = tightness;
      return consultantPrice(state, m);
    };
    const prices = [0, 0.2, 0.5, 1].map(at);
    for (let k = 1; k < prices.length; k++) expect(prices[k]).toBeGreaterThan(prices[k - 1]);
    expect(prices[0]).toBeCloseTo(state.p.internalCostPerFteMonth * state.p.consultantPremium, 6);
    const flat = copyState(state);
    flat.p.consultantScarcityMarkup = 0;
    flat.tightness = 1;
    expect(consultantPrice(flat, flat.municipalities[0])).toBeCloseTo(prices[0], 6);
  });

  it('in runs, the price paid per consultant month follows the previous month’s tightness, and scarcity makes it dearer', () => {
    const seeds = seedList(4);
    const priceLevels = (supplyRatio: number) =>
      seeds.map((seed) => {
        const r = runInput({ levers: NO_POOL, parameters: { supplyRatio }, horizonMonths: 60 }, seed);
        const v = r.series.region.values;
        const prices: number[] = [];
        const lagged: number[] = [];
        for (let t = 1; t < v.fteConsultants.length; t++) {
          if (v.fteConsultants[t] <= 0) continue;
          prices.push(v.spendConsultants[t] / v.fteConsultants[t]);
          lagged.push(v.marketTightness[t - 1]);
        }
        expect(prices.length).toBeGreaterThan(30);
        // Months with a tighter market (the month before) pay more per consultant month: sorted by
        // tightness, the price never falls and rises wherever tightness does.
        const order = prices.map((_, k) => k).sort((a, b) => lagged[a] - lagged[b]);
        let wrong = 0;
        for (let k = 1; k < order.length; k++) {
          const [a, b] = [order[k - 1], order[k]];
          if (
            lagged[b] > lagged[a] + 1e-9 ? !(prices[b] > prices[a]) : Math.abs(prices[b] - prices[a]) > 1e-6 * prices[a]
          )
            wrong++;
        }
        expect(wrong).toBe(0);
        expect(Math.max(...lagged) - Math.min(...lagged)).toBeGreaterThan(0.05);
        return mean(prices);
      });
    const scarce = priceLevels(0.35);
    const ample = priceLevels(1.3);
    console.info(
      `price per consultant month, supplyRatio 0.35 vs 1.3: ${fmt(mean(scarce), 0)} vs ${fmt(mean(ample), 0)} EUR`,
    );
    expect(pairCounts(scarce, ample).above).toBe(seeds.length);
  });
});
