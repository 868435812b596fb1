import {
  consultancyRecruitment,
  consultantContracts,
  consultantPrice,
  fulfilConsultantOrders,
  orderConsultants,
} from './consultants.js';
import { updateCrises } from './crises.js';
import { formPools } from './founding.js';
import { initState } from './init.js';
import { updateKnowledge } from './knowledge.js';
import { attrition, compactWorkers, entrants, jobSearch, marketTightness, postMunicipalVacancies } from './labour.js';
import { applyMembershipChanges, decide, drawDecisions, payExitPayments } from './membership.js';
import { checkModelInput, type ModelInput } from './model-input.js';
import { makeRecorder, type Recorder, record } from './outputs.js';
import {
  allocatePool,
  dissolve,
  growOrShrink,
  poolFinance,
  setFeeSchedule,
  updatePoolWindows,
  viabilityProblem,
} from './pool.js';
import { computeShortfall, ownEffectiveCapacity, produce, updateDemand } from './production.js';
import { Membership, type ModelState, ROLE_COUNT } from './state.js';
import { evaluateMembership } from './stay.js';
import { buildSummary, type RunSummary } from './summary.js';
import { updateTrust, yearlyMemberTrust } from './trust.js';

export interface RunResult {
  scenario: string;
  seed: number;
  startYear: number;
  horizonMonths: number;
  series: Recorder;
  summary: RunSummary;
}

export interface SimulateOptions {
  /** Called after every month with the full state (tests check invariants here). Must not mutate it. */
  onMonth?: (state: ModelState) => void;
}

/**
 * Runs one simulation. Pure and synchronous: the same input and seed always give the same result,
 * with no I/O, no global state that can change a result (the memo caches of distanceMatrix and
 * freshCopy are keyed by the input and checked on every use) and no Math.random; all randomness
 * comes from the seed's streams.
 * @example
 * const result = simulate(input, 42);
 * result.summary.metrics.progress2030; // share of the full-pace target reached by 2030
 */
export function simulate(input: ModelInput, seed: number, options: SimulateOptions = {}): RunResult {
  checkModelInput(input);
  if (!rehearsed) rehearse(input);
  return run(input, seed, options);
}

/** Whether this thread has run its rehearsal (see rehearse). */
let rehearsed = false;

/**
 * V8 builds an object literal's template the second time the literal is evaluated, and doing so
 * widens the field types recorded for the literal's shape. The objects made once per run (the
 * state and its tallies, the recorder, the summary) thus met their second evaluation at the start
 * of a thread's second run, and V8 threw away the code it had compiled for the monthly functions
 * during the first: some 25 functions compiled twice in every worker thread. A one-year run whose
 * result is dropped, before the first real one, moves that second evaluation ahead of any
 * compiling. It changes no result: a run reads nothing an earlier run left (see scratch.ts).
 */
function rehearse(input: ModelInput): void {
  rehearsed = true;
  try {
    run({ ...input, horizonMonths: Math.min(12, input.horizonMonths) }, 0, {});
  } catch {
    // The real run reports whatever went wrong.
  }
}

function run(input: ModelInput, seed: number, options: SimulateOptions): RunResult {
  const state = initState(input, seed);
  const rec = makeRecorder(state);
  const cumulativePopulation = new Float64Array(state.municipalities.length);
  let acc = 0;
  state.municipalities.forEach((m, i) => {
    acc += m.population;
    cumulativePopulation[i] = acc;
  });
  // Pool FTE each municipality used since the last decision window (by municipality index).
  const usageYear = new Float64Array(state.municipalities.length);
  for (let t = 0; t < state.horizon; t++) {
    state.t = t;
    step(state, rec, cumulativePopulation, usageYear);
    options.onMonth?.(state);
  }
  return {
    scenario: input.name,
    seed,
    startYear: input.startYear,
    horizonMonths: input.horizonMonths,
    series: rec,
    summary: buildSummary(state, rec, input),
  };
}

/** One month, in the order of MODEL.md section 3 (documented in docs/ODD.md). */
function step(state: ModelState, rec: Recorder, cumulativePopulation: Float64Array, usageYear: Float64Array): void {
  const t = state.t;
  const lv = state.levers;
  const decisionWindow = t % 12 === state.p.decisionMonth;
  if (t % 12 === 0) openBudgetYear(state);

  // 1. Demand.
  updateDemand(state);
  // 2. Labour market: leavers, vacancies, entrants, search and hires.
  const hiresBefore = state.tally.munHires;
  const leaversBefore = state.tally.munLeavers;
  attrition(state);
  postMunicipalVacancies(state);
  consultancyRecruitment(state);
  entrants(state, cumulativePopulation);
  jobSearch(state);
  compactWorkers(state);
  rec.monthHires = state.tally.munHires - hiresBefore;
  // 3. Capacity, requests to the pool and allocation; consultants for what is left.
  ownEffectiveCapacity(state);
  consultantContracts(state);
  fulfilConsultantOrders(state);
  computeShortfall(state);
  // Founding needs this month's shortfalls: founders weigh what the pool would do for them.
  if (t === lv.formationMonth) formPools(state);
  for (const pool of state.pools) allocatePool(state, pool);
  const { shortfall, poolFte } = state.roleTable;
  for (let k = 0; k < shortfall.length; k++) shortfall[k] = Math.max(0, shortfall[k] - poolFte[k]);
  orderConsultants(state);
  // Contracts already running in January of the first year start at once.
  if (t === 0) fulfilConsultantOrders(state);
  // 4. Production, and the month's payments.
  produce(state);
  pay(state, rec, usageYear);
  // 5. Knowledge.
  updateKnowledge(state);
  // 6. Crises.
  updateCrises(state);
  // 7. Trust.
  updateTrust(state);
  // 8. Membership, pool budget, growth, viability.
  evaluateMembership(state);
  for (const pool of state.pools) updatePoolWindows(state, pool);
  if (decisionWindow) {
    for (const pool of state.pools) {
      yearlyMemberTrust(state, pool, usageYear);
      if (pool.exists) setFeeSchedule(state, pool);
    }
    usageYear.fill(0);
  }
  drawDecisions(state);
  decide(state, decisionWindow);
  applyMembershipChanges(state);
  for (const pool of state.pools) {
    growOrShrink(state, pool);
    poolViability(state, pool);
  }
  rec.monthLeavers = state.tally.munLeavers - leaversBefore;
  // 9. Outputs.
  // Tightness at the end of the month: recorded now, and priced into consultants next month.
  state.tightness = marketTightness(state);
  record(state, rec);
}

/** January: each municipality's staffing budget for the year. */
function openBudgetYear(state: ModelState): void {
  for (const m of state.municipalities) {
    state.tally.budgets += m.budgetYear;
    m.spentSalaries = 0;
    m.spentConsultants = 0;
    m.spentFees = 0;
  }
}

/** Salaries of own staff and consultant invoices; pools collect fees and pay their staff. */
function pay(state: ModelState, rec: Recorder, usageYear: Float64Array): void {
  const p = state.p;
  const { staffCount, poolFte, consultantFte } = state.roleTable;
  const muns = state.municipalities;
  for (let i = 0; i < muns.length; i++) {
    const m = muns[i];
    const at = i * ROLE_COUNT;
    const own = staffCount[at] + staffCount[at + 1] + staffCount[at + 2];
    const salaries = own * m.wageIndex * p.internalCostPerFteMonth;
    const consultantsFte = consultantFte[at] + consultantFte[at + 1] + consultantFte[at + 2];
    const poolUsed = poolFte[at] + poolFte[at + 1] + poolFte[at + 2];
    const consultants = consultantsFte * consultantPrice(state, m);
    m.spentSalaries += salaries;
    m.spentConsultants += consultants;
    state.tally.salaries += salaries;
    state.tally.consultants += consultants;
    rec.monthSalaries += salaries;
    rec.monthConsultants += consultants;
    state.tally.fteMonthsOwn += own;
    state.tally.fteMonthsPool += poolUsed;
    state.tally.fteMonthsConsultants += consultantsFte;
    state.tally.munStaffMonths += own;
    // Added one by one, as the yearly usage always was (a sum in another order rounds differently).
    usageYear[i] = usageYear[i] + poolFte[at] + poolFte[at + 1] + poolFte[at + 2];
  }
  const feesBefore = state.tally.fees;
  for (const pool of state.pools) poolFinance(state, pool);
  rec.monthFees = state.tally.fees - feesBefore + payExitPayments(state);
}

/**
 * 3.3 Viability, after the ramp-up period whether a sponsor pays or not: a pool that fails a rule
 * for poolNonViableMonths in a row dissolves; a pool with no members and no pending joiners ends at once.
 */
function poolViability(state: ModelState, pool: ModelState['pools'][number]): void {
  if (!pool.exists) return;
  let count = 0;
  let pending = 0;
  for (const i of pool.area) {
    const m = state.municipalities[i];
    if (m.membership === Membership.Member) count++;
    if (m.joinAt >= 0) pending++;
  }
  if (count === 0 && pending === 0) {
    dissolve(state, pool, 'no members left');
    return;
  }
  if (state.t < pool.rampUntil) return;
  const problem = viabilityProblem(state, pool);
  pool.nonViableMonths = problem ? pool.nonViableMonths + 1 : 0;
  if (pool.nonViableMonths >= state.p.poolNonViableMonths) dissolve(state, pool, problem);
}
