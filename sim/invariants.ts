/**
 * Invariants of the model state, checked by the test suite after every simulated month
 * (simulate's onMonth hook). Pure: reads the state, never changes it, does no I/O.
 *
 * `checkInvariants(state)` checks what must hold in any single month. `makeInvariantChecker()`
 * adds checks across months that a single state cannot show (fees paid this budget year, money and
 * pipeline stocks that can only grow), keeping the little memory that needs in a closure.
 */
import { ABS_TOL, REL_TOL, fmt, workerName, munName, poolName, sameMoney, checkVacancies } from './invariant-checks.js';
import { checkMunicipality, checkPool } from './invariants-agents.js';
import { type ModelState, Place, ROLE_COUNT, ROLE_NAMES, type Worker } from './state.js';

/**
 * Returns one message per violated invariant (empty when all hold). Messages name the entity and
 * the offending value. Checked:
 * - workers: every worker not Gone is in exactly one staff list, the one matching its place,
 *   employer and role, or is Searching (employer -1) and in no list; no worker is in two lists or
 *   twice in one; every listed worker is in state.workers; Gone workers are in no list;
 *   consultants' clients exist; pool staff belong to a live pool;
 * - non-negative staff, vacancies (posting months within [0, t]), knowledge, demand, consultant
 *   and pool FTE; consultant FTE per client matches the consultants assigned to it;
 * - pipeline stocks within [0, dwellings] and released = toPlan + planned + ready (also for the
 *   full-pace reference pipeline);
 * - trust, trust priors, institutional trust, stay propensity, served ratios and shares in [0, 1];
 *   shared history in [-1, 1];
 * - membership: no member or observer of a pool that does not exist, pending joins only for
 *   non-members, notices only for members, no pool exposure (FTE, claims, fee commitment) for
 *   non-members; a filled member cache matches the members;
 * - money: each live pool's reserve equals its cumulative income minus its cumulative costs; the
 *   fees the municipalities paid (tally.fees + tally.exitFees) equal the pools' fee income, and
 *   the sponsor money paid equals the pools' sponsor income;
 * - pool allocation within capacity per role (heat work), and heat work, other domains and crisis
 *   claims together within total capacity; members' pool FTE adds up to the allocation.
 */
export function checkInvariants(state: ModelState): string[] {
  const out: string[] = [];
  checkWorkers(state, out);
  for (const m of state.municipalities) checkMunicipality(state, m, out);
  for (const pool of state.pools) checkPool(state, pool, out);
  checkConsultantFte(state, out);
  checkMoney(state, out);
  return out;
}

function checkWorkers(state: ModelState, out: string[]): void {
  const nMun = state.municipalities.length;
  const nPool = state.pools.length;
  // Where each worker object is listed.
  const listed = new Map<Worker, string[]>();
  const note = (w: Worker, where: string) => {
    const l = listed.get(w);
    if (l) l.push(where);
    else listed.set(w, [where]);
  };
  const expected = new Map<Worker, string>();
  for (const m of state.municipalities)
    for (let r = 0; r < ROLE_COUNT; r++) for (const w of m.staff[r]) note(w, `${munName(m)} ${ROLE_NAMES[r]} staff`);
  for (const pool of state.pools)
    for (let r = 0; r < ROLE_COUNT; r++)
      for (const w of pool.staff[r]) note(w, `${poolName(pool)} ${ROLE_NAMES[r]} staff`);
  for (let r = 0; r < ROLE_COUNT; r++)
    for (const w of state.consultancy.staff[r]) note(w, `consultancy ${ROLE_NAMES[r]} staff`);

  const inWorkers = new Set<Worker>();
  const ids = new Map<number, Worker>();
  for (const w of state.workers) {
    if (inWorkers.has(w)) {
      out.push(`${workerName(w)} appears twice in state.workers`);
      continue;
    }
    inWorkers.add(w);
    const other = ids.get(w.id);
    if (other && other !== w) out.push(`worker id ${w.id} is used by two workers`);
    ids.set(w.id, w);
    if (!(w.role >= 0 && w.role < ROLE_COUNT && Number.isInteger(w.role)))
      out.push(`${workerName(w)} has an invalid role ${fmt(w.role)}`);
    let where: string | undefined;
    switch (w.place) {
      case Place.Municipality:
        if (!(w.employer >= 0 && w.employer < nMun))
          out.push(`${workerName(w)} works for a municipality that does not exist`);
        else where = `${munName(state.municipalities[w.employer])} ${ROLE_NAMES[w.role]} staff`;
        break;
      case Place.Pool:
        if (!(w.employer >= 0 && w.employer < nPool)) out.push(`${workerName(w)} works for a pool that does not exist`);
        else {
          const pool = state.pools[w.employer];
          if (!pool.exists) out.push(`${workerName(w)} works for ${poolName(pool)}, which is not alive`);
          where = `${poolName(pool)} ${ROLE_NAMES[w.role]} staff`;
        }
        break;
      case Place.Consultancy:
        if (w.employer !== 0) out.push(`${workerName(w)} is a consultant with employer ${w.employer}, expected 0`);
        where = `consultancy ${ROLE_NAMES[w.role]} staff`;
        if (w.client >= 0 && !(w.client < nMun && Number.isInteger(w.client)))
          out.push(`${workerName(w)} serves client ${w.client}, which is not a municipality`);
        break;
      case Place.Searching:
        if (w.employer !== -1) out.push(`${workerName(w)} is searching but has employer ${w.employer}`);
        break;
      case Place.Gone:
        break;
      default:
        out.push(`${workerName(w)} has an invalid place ${fmt(w.place)}`);
    }
    if (w.place !== Place.Consultancy && w.client !== -1)
      out.push(`${workerName(w)} is not a consultant but has client ${w.client}`);
    const lists = listed.get(w) ?? [];
    if (where !== undefined) {
      expected.set(w, where);
      if (lists.length !== 1 || lists[0] !== where)
        out.push(
          `${workerName(w)} should be in exactly one list (${where}) but is in ${lists.length ? lists.join(', ') : 'none'}`,
        );
    } else if (lists.length > 0) {
      out.push(`${workerName(w)} is in no employer's staff but listed in ${lists.join(', ')}`);
    }
    if (w.ageMonths < 0 || w.tenureMonths < 0 || w.searchMonths < 0)
      out.push(`${workerName(w)} has a negative age, tenure or search time`);
    if (!(w.experience >= 0)) out.push(`${workerName(w)} has experience ${fmt(w.experience)}`);
  }
  for (const [w, lists] of listed) {
    if (!inWorkers.has(w)) out.push(`${workerName(w)} is listed in ${lists.join(', ')} but not in state.workers`);
  }
}

/** Consultant FTE per client and role is the number of consultants assigned to that client. */
function checkConsultantFte(state: ModelState, out: string[]): void {
  const n = state.municipalities.length;
  const assigned = new Float64Array(n * ROLE_COUNT);
  for (let r = 0; r < ROLE_COUNT; r++)
    for (const w of state.consultancy.staff[r])
      if (w.client >= 0 && w.client < n) assigned[w.client * ROLE_COUNT + r]++;
  for (const m of state.municipalities) {
    for (let r = 0; r < ROLE_COUNT; r++) {
      const a = assigned[m.idx * ROLE_COUNT + r];
      if (m.consultantFte[r] !== a)
        out.push(
          `${munName(m)} counts ${m.consultantFte[r]} ${ROLE_NAMES[r]} consultant FTE but ${a} consultants serve it`,
        );
    }
  }
  checkVacancies(state, out, 'consultancy', state.consultancy.vacancies);
}

function checkMoney(state: ModelState, out: string[]): void {
  const tally = state.tally;
  let feeIncome = 0;
  let sponsorIncome = 0;
  for (const pool of state.pools) {
    feeIncome += pool.incomeFees;
    sponsorIncome += pool.incomeSponsor;
  }
  // Monthly fees go to pool.incomeFees and tally.fees together (poolFinance); exit fees go to
  // pool.incomeFees and tally.exitFees together (applyMembershipChanges). Dissolved pools keep
  // their income, so the sums run over all pools.
  const paid = tally.fees + tally.exitFees;
  if (!sameMoney(paid, feeIncome, paid + feeIncome))
    out.push(
      `fees paid by municipalities ${paid} (monthly ${tally.fees} + exit ${tally.exitFees}) != pools' fee income ${feeIncome}`,
    );
  if (!sameMoney(tally.sponsor, sponsorIncome, tally.sponsor + sponsorIncome))
    out.push(`sponsor money paid ${tally.sponsor} != pools' sponsor income ${sponsorIncome}`);
  for (const [label, v] of [
    ['fees', tally.fees],
    ['exitFees', tally.exitFees],
    ['sponsor', tally.sponsor],
    ['salaries', tally.salaries],
    ['consultants', tally.consultants],
    ['knowledgeLostLeavers', tally.knowledgeLostLeavers],
    ['knowledgeLostConsultants', tally.knowledgeLostConsultants],
    ['knowledgeLostToRegion', tally.knowledgeLostToRegion],
    ['fteMonthsOwn', tally.fteMonthsOwn],
    ['fteMonthsPool', tally.fteMonthsPool],
    ['fteMonthsConsultants', tally.fteMonthsConsultants],
  ] as Array<[string, number]>) {
    if (!(v >= -ABS_TOL)) out.push(`tally ${label} is ${fmt(v)} (must be >= 0)`);
  }
}

/** Cumulative quantities that can only grow from one month to the next. */
function monotoneValues(state: ModelState): Array<[string, number]> {
  const tally = state.tally;
  const out: Array<[string, number]> = [
    ['tally.fees', tally.fees],
    ['tally.exitFees', tally.exitFees],
    ['tally.sponsor', tally.sponsor],
    ['tally.salaries', tally.salaries],
    ['tally.consultants', tally.consultants],
    ['tally.knowledgeLostConsultants', tally.knowledgeLostConsultants],
    ['tally.knowledgeLostLeavers', tally.knowledgeLostLeavers],
  ];
  for (const m of state.municipalities) {
    out.push([`${munName(m)} released`, m.released]);
    out.push([`${munName(m)} ready`, m.ready]);
  }
  for (const pool of state.pools) {
    out.push([`${poolName(pool)} incomeFees`, pool.incomeFees]);
    out.push([`${poolName(pool)} incomeSponsor`, pool.incomeSponsor]);
    out.push([`${poolName(pool)} costStaff`, pool.costStaff]);
    out.push([`${poolName(pool)} costOverhead`, pool.costOverhead]);
  }
  return out;
}

/**
 * A checker for a run, called once per month in order: the single-state invariants plus
 * - the fees each municipality booked this budget year (spentFees, reset every January) add up to
 *   the fees paid (tally.fees + tally.exitFees) since the budget year opened; the same for
 *   salaries and consultant invoices;
 * - cumulative money, dwellings released and made ready never decrease.
 */
export function makeInvariantChecker(): (state: ModelState) => string[] {
  let yearStart = { fees: 0, salaries: 0, consultants: 0 };
  let lastT = -1;
  let previous: Array<[string, number]> | undefined;
  return (state: ModelState) => {
    const out = checkInvariants(state);
    const t = state.t;
    if (t !== lastT + 1)
      out.push(`checker called for month ${t} after month ${lastT}: it must see every month in order`);
    lastT = t;
    const tally = state.tally;
    // openBudgetYear resets the municipal counters at the start of every month t with t % 12 == 0,
    // before that month's payments: the year's fees are those paid since the end of month t - 1.
    // (At t = 0 the totals before the run are all zero.)
    if (t % 12 === 0 && previous !== undefined) {
      const before = new Map(previous);
      yearStart = {
        fees: (before.get('tally.fees') ?? 0) + (before.get('tally.exitFees') ?? 0),
        salaries: before.get('tally.salaries') ?? 0,
        consultants: before.get('tally.consultants') ?? 0,
      };
    }
    let fees = 0;
    let salaries = 0;
    let consultants = 0;
    for (const m of state.municipalities) {
      fees += m.spentFees;
      salaries += m.spentSalaries;
      consultants += m.spentConsultants;
    }
    const feesYear = tally.fees + tally.exitFees - yearStart.fees;
    if (!sameMoney(fees, feesYear, tally.fees + tally.exitFees))
      out.push(`municipalities booked ${fees} in fees this budget year, but ${feesYear} was paid to pools`);
    const salariesYear = tally.salaries - yearStart.salaries;
    if (!sameMoney(salaries, salariesYear, tally.salaries))
      out.push(`municipalities booked ${salaries} in salaries this budget year, but the tally grew by ${salariesYear}`);
    const consultantsYear = tally.consultants - yearStart.consultants;
    if (!sameMoney(consultants, consultantsYear, tally.consultants))
      out.push(
        `municipalities booked ${consultants} for consultants this budget year, but the tally grew by ${consultantsYear}`,
      );

    const now = monotoneValues(state);
    if (previous !== undefined && previous.length === now.length) {
      for (let k = 0; k < now.length; k++) {
        const [label, v] = now[k];
        const before = previous[k][1];
        if (v < before - REL_TOL * Math.max(1, Math.abs(before))) out.push(`${label} fell from ${before} to ${v}`);
      }
    }
    previous = now;
    return out;
  };
}
