import { describe, expect, it } from 'vitest';
import { checkInvariants, makeInvariantChecker } from '../sim/invariants.js';
import { type ModelState, Place } from '../sim/state.js';
import { run, type ScenarioOptions } from './helpers.js';

/** Runs a scenario, checking every month; returns the first violations (with their month) and the count. */
function violations(options: ScenarioOptions, seed: number): { first: string[]; count: number } {
  const check = makeInvariantChecker();
  const first: string[] = [];
  let count = 0;
  run(options, seed, (state) => {
    const found = check(state);
    count += found.length;
    for (const message of found) if (first.length < 5) first.push(`seed ${seed}, month ${state.t}: ${message}`);
  });
  return { first, count };
}

const SCENARIOS: Array<[string, ScenarioOptions, number[]]> = [
  ['Drenthe default flexpool, 300 months', {}, [1, 2, 3]],
  ['Drenthe default flexpool, 120 months', { horizonMonths: 120 }, [4, 5]],
  [
    'esc under central push, recall allowed, frequent crises',
    { levers: { poolForm: 'esc', governance: 'centralPush', recall: 'allowed' }, parameters: { crisisPerMonth: 0.02 } },
    [1, 2, 3],
  ],
  ['light (joint procurement)', { levers: { poolForm: 'light' } }, [1, 2]],
  ['no pool', { levers: { poolForm: 'none' } }, [1, 2]],
  ['big start with mandate', { levers: { startMode: 'big', mandate: true } }, [1, 2, 3]],
  ['multi-domain scope', { levers: { scope: 'multi' } }, [1, 2, 3]],
  ['fixed fees', { levers: { feeModel: 'fixed' } }, [1, 2, 3]],
  [
    'usage fees, proportional allocation, broad evaluation, talk it out',
    {
      levers: { feeModel: 'usage', allocation: 'proportional', evaluation: 'broad', talkItOut: true },
      horizonMonths: 200,
    },
    [1, 2],
  ],
  [
    'large team in all roles, plenty of supply, late founding',
    {
      levers: { initialStaff: 20, maxStaff: 60, poolRoles: ['specialist', 'local', 'process'], formationMonth: 24 },
      parameters: { supplyRatio: 1.6 },
    },
    [1, 2],
  ],
];

describe('model invariants hold every month of real runs', () => {
  for (const [name, options, seeds] of SCENARIOS) {
    it(name, () => {
      const found = seeds.map((seed) => violations(options, seed));
      const first = found.flatMap((f) => f.first).slice(0, 8);
      const count = found.reduce((s, f) => s + f.count, 0);
      expect(first, `${count} violations; first ones:\n${first.join('\n')}`).toEqual([]);
    });
  }
});

/** A deep copy of the state (shared worker objects stay shared within the copy); the RNG streams are not copied. */
function snapshot(state: ModelState): ModelState {
  const { rng, ...rest } = state;
  return { ...structuredClone(rest), rng };
}

describe('the invariant checker catches corruption', () => {
  /** State after 12 months of the default run (the run goes on afterwards; we corrupt our own snapshot). */
  function stateAtMonth12(): ModelState {
    let captured: ModelState | undefined;
    run({ horizonMonths: 24 }, 7, (state) => {
      if (state.t === 11) captured = snapshot(state);
    });
    if (!captured) throw new Error('no state captured');
    return captured;
  }

  it('passes the uncorrupted state', () => {
    expect(checkInvariants(stateAtMonth12())).toEqual([]);
  });

  it('reports a worker in a second staff list', () => {
    const state = stateAtMonth12();
    const m = state.municipalities.find((x) => x.staff[0].length > 0)!;
    const w = m.staff[0][0];
    const other = state.municipalities.find((x) => x !== m)!;
    other.staff[0].push(w);
    const found = checkInvariants(state);
    expect(found.some((s) => s.includes(`worker ${w.id} `) && s.includes(other.code))).toBe(true);
  });

  it('reports a worker listed twice in the same list', () => {
    const state = stateAtMonth12();
    const list = state.consultancy.staff.find((l) => l.length > 0)!;
    list.push(list[0]);
    expect(checkInvariants(state).some((s) => s.includes(`worker ${list[0].id} `))).toBe(true);
  });

  it('reports a listed worker missing from state.workers and a searcher in a list', () => {
    const state = stateAtMonth12();
    const m = state.municipalities[0];
    const gone = m.staff.find((l) => l.length > 0)![0];
    state.workers.splice(state.workers.indexOf(gone), 1);
    const searcher = state.workers.find((w) => w.place === Place.Searching);
    const found = checkInvariants(state);
    expect(found.some((s) => s.includes(`worker ${gone.id} `) && s.includes('not in state.workers'))).toBe(true);
    if (searcher) {
      m.staff[searcher.role].push(searcher);
      expect(checkInvariants(state).some((s) => s.includes(`worker ${searcher.id} `))).toBe(true);
    }
  });

  it('reports a trust value of 1.5', () => {
    const state = stateAtMonth12();
    state.pools[0].trust[1] = 1.5;
    const found = checkInvariants(state);
    expect(found.some((s) => s.includes('trust') && s.includes('1.5'))).toBe(true);
  });

  it('reports an institutional trust and a legitimacy out of range', () => {
    const state = stateAtMonth12();
    state.municipalities[2].poolTrust = -0.1;
    state.municipalities[3].legitimacy = 1.2;
    const found = checkInvariants(state);
    expect(found.some((s) => s.includes(state.municipalities[2].code) && s.includes('poolTrust'))).toBe(true);
    expect(found.some((s) => s.includes(state.municipalities[3].code) && s.includes('legitimacy'))).toBe(true);
  });

  it('reports a changed pool reserve', () => {
    const state = stateAtMonth12();
    const pool = state.pools[0];
    expect(pool.exists).toBe(true);
    pool.reserve += 1000;
    expect(checkInvariants(state).some((s) => s.includes(`pool ${pool.code} reserve`))).toBe(true);
  });

  it('reports fee income the municipalities did not pay', () => {
    const state = stateAtMonth12();
    state.pools[0].incomeFees += 500;
    state.pools[0].reserve += 500; // keep the reserve identity, break the fee identity
    const found = checkInvariants(state);
    expect(found.some((s) => s.startsWith('fees paid by municipalities'))).toBe(true);
    expect(found.some((s) => s.includes('reserve'))).toBe(false);
  });

  it('reports a broken pipeline, negative knowledge and a consultant serving nobody real', () => {
    const state = stateAtMonth12();
    const m = state.municipalities[1];
    m.ready += 10;
    m.knowledge[2] = -1;
    const consultant = state.consultancy.staff.flat()[0];
    consultant.client = 999;
    const found = checkInvariants(state);
    expect(found.some((s) => s.includes(m.code) && s.includes('pipeline not conserved'))).toBe(true);
    expect(found.some((s) => s.includes(m.code) && s.includes('knowledge[process]'))).toBe(true);
    expect(found.some((s) => s.includes(`worker ${consultant.id} `) && s.includes('999'))).toBe(true);
  });

  it('reports allocation above capacity and a member of a dissolved pool', () => {
    const state = stateAtMonth12();
    const pool = state.pools[0];
    pool.allocated[0] = pool.capacity[0] + 1;
    pool.exists = false;
    for (const l of pool.staff) l.length = 0; // keep the worker checks out of the way
    for (const l of pool.vacancies) l.length = 0;
    const member = state.municipalities.find((m) => m.membership === 2)!;
    const found = checkInvariants(state);
    expect(found.some((s) => s.includes(member.code) && s.includes('not alive'))).toBe(true);
    pool.exists = true;
    expect(checkInvariants(state).some((s) => s.includes('above its capacity'))).toBe(true);
  });

  it('reports a stale member cache', () => {
    const state = stateAtMonth12();
    const pool = state.pools[0];
    expect(pool.memberCache?.length ?? 0).toBeGreaterThan(1);
    pool.memberCache = pool.memberCache!.slice(1);
    expect(checkInvariants(state).some((s) => s.includes(`pool ${pool.code} member cache`))).toBe(true);
  });

  it('reports a staff count out of step with the staff list and a per-role array that is not a table view', () => {
    const state = stateAtMonth12();
    const m = state.municipalities.find((x) => x.staff[0].length > 0)!;
    state.roleTable.staffCount[m.idx * 3]++;
    m.demand = new Float64Array(m.demand);
    const found = checkInvariants(state);
    expect(
      found.some((s) => s.includes(`specialist staff count ${m.staff[0].length + 1} != ${m.staff[0].length}`)),
    ).toBe(true);
    expect(found.some((s) => s.includes('demand is not a view into the role table'))).toBe(true);
  });

  it('the run checker reports fees booked by municipalities that no pool received', () => {
    const check = makeInvariantChecker();
    let reported: string[] = [];
    run({ horizonMonths: 30 }, 7, (state) => {
      if (state.t === 20) {
        // Corrupt a copy: a municipality books a fee that never reached a pool.
        const copy = snapshot(state);
        copy.municipalities[0].spentFees += 250;
        reported = check(copy);
      } else check(state);
    });
    expect(reported.some((s) => s.includes('in fees this budget year'))).toBe(true);
  });
});
