import { newWorker } from './init.js';
import { removeNumberAt, zeroRoles } from './scratch.js';
import { Membership, type ModelState, type Municipality, Node, Place, ROLE_COUNT, type Worker } from './state.js';

/**
 * Price of a consultant FTE-month for this municipality: the premium, raised by last month's
 * labour-market tightness (consultancies recruit from the same pond); joint procurement lowers it
 * for light-pool members.
 */
export function consultantPrice(state: ModelState, m: Municipality): number {
  const p = state.p;
  const base = p.internalCostPerFteMonth * p.consultantPremium * (1 + p.consultantScarcityMarkup * state.tightness);
  const pool = m.poolArea >= 0 ? state.pools[m.poolArea] : undefined;
  const joint = pool?.exists && state.levers.poolForm === 'light' && m.membership === Membership.Member;
  return joint ? base * (1 - p.jointProcurementDiscount) : base;
}

/**
 * Consultants whose contract runs out this month, reused (see scratch.ts): the first
 * endingCount entries are current. The list is never emptied by `length = 0`, which would
 * drop its backing store and grow it anew every month.
 */
const endingContracts: Worker[] = [];

/**
 * Counts consultant FTE per client and role. Contracts that run out this month are renewed while
 * the client is still short of the role and its budget allows (after counting every running
 * contract, so the order of the staff lists does not matter); otherwise the consultant returns to the bench.
 */
export function consultantContracts(state: ModelState): void {
  const t = state.t;
  const muns = state.municipalities;
  for (let i = 0; i < muns.length; i++) zeroRoles(muns[i].consultantFte);
  const ending = endingContracts;
  let endingCount = 0;
  for (let r = 0; r < ROLE_COUNT; r++) {
    const staff = state.consultancy.staff[r];
    for (let k = 0; k < staff.length; k++) {
      const w = staff[k];
      if (w.client < 0) continue;
      if (w.contractEnd <= t) ending[endingCount++] = w;
      else muns[w.client].consultantFte[r]++;
    }
  }
  for (let k = 0; k < endingCount; k++) {
    const w = ending[k];
    const m = muns[w.client];
    if (m.shortfall[w.role] > 0 && yearRoom(state, m) >= costThisYear(state, consultantPrice(state, m))) {
      w.contractEnd = t + state.p.consultantContractMonths;
      m.consultantFte[w.role]++;
    } else w.client = -1;
  }
}

/**
 * Budget left this year once this year's spending so far and the running commitments (staff,
 * fees, consultants under contract) up to December are paid: municipalities budget per year, so
 * money left by unfilled vacancies can buy consultants for a few months.
 */
function yearRoom(state: ModelState, m: Municipality, price = consultantPrice(state, m)): number {
  const monthsLeft = 12 - (state.t % 12);
  const cost = m.wageIndex * state.p.internalCostPerFteMonth;
  const staffCount = state.roleTable.staffCount;
  let salariesMonthly = 0;
  let consultantsMonthly = 0;
  for (let r = 0; r < ROLE_COUNT; r++) {
    salariesMonthly += staffCount[m.idx * ROLE_COUNT + r] * cost;
    consultantsMonthly += m.consultantFte[r] * price;
  }
  // Orders not yet served are commitments too.
  const pending = (m.consultantOrders.length / 3) * costThisYear(state, price);
  const salaries = m.spentSalaries + monthsLeft * salariesMonthly;
  const consultants = m.spentConsultants + monthsLeft * consultantsMonthly + pending;
  const budget = m.budgetYear - m.spentFees - monthsLeft * m.feeCommitment - salaries - consultants;
  // The municipal norm on external hiring: consultants at most this share of salaries plus consultants.
  const norm = state.p.externalHiringNorm;
  const normRoom = (norm / (1 - norm)) * salaries - consultants;
  return Math.min(budget, normRoom);
}

/** What one more consultant costs this year at this monthly price (the contract, cut off at December). */
function costThisYear(state: ModelState, price: number): number {
  return price * Math.min(state.p.consultantContractMonths, 12 - (state.t % 12));
}

/** Shortfall per role not yet covered by orders, in orderConsultants; reused (see scratch.ts). */
const uncoveredFte = new Float64Array(ROLE_COUNT);

/**
 * Orders consultants for what own staff and the pool leave uncovered, within the budget; orders
 * arrive after the lead time (at the start, contracts already running are honoured at once).
 */
export function orderConsultants(state: ModelState): void {
  const t = state.t;
  const lead = t === 0 ? 0 : state.p.consultantLeadMonths;
  for (const m of state.municipalities) {
    const uncovered = uncoveredFte;
    for (let r = 0; r < ROLE_COUNT; r++) uncovered[r] = m.shortfall[r];
    for (let k = 0; k < m.consultantOrders.length; k += 3) uncovered[m.consultantOrders[k]]--;
    // Nothing to order (no role short by half an FTE or more): the budget need not be worked out.
    if (uncovered[0] < 0.5 && uncovered[1] < 0.5 && uncovered[2] < 0.5) continue;
    const monthly = consultantPrice(state, m);
    const price = costThisYear(state, monthly);
    let room = yearRoom(state, m, monthly);
    // One consultant at a time, to the role furthest below its demand, while the budget lasts.
    while (room >= price) {
      let best = -1;
      let bestShare = 0;
      for (let r = 0; r < ROLE_COUNT; r++) {
        const share = uncovered[r] >= 0.5 ? uncovered[r] / Math.max(1, m.demand[r]) : 0;
        if (share > bestShare) {
          bestShare = share;
          best = r;
        }
      }
      if (best < 0) break;
      m.consultantOrders.push(best, t + lead, t);
      uncovered[best]--;
      room -= price;
    }
  }
}

/** Bench staff per role in fulfilConsultantOrders, reused (see scratch.ts): the first benchCount[role] are current. */
const bench: Worker[][] = [[], [], []];
const benchCount = new Int32Array(ROLE_COUNT);
const benchNext = new Int32Array(ROLE_COUNT);

/** The consultancy assigns bench staff to orders that are due, oldest first; stale orders lapse. */
export function fulfilConsultantOrders(state: ModelState): void {
  const t = state.t;
  const p = state.p;
  // The bench per role in roster order; benchNext[role] is the next one to assign.
  for (let r = 0; r < ROLE_COUNT; r++) {
    benchCount[r] = 0;
    benchNext[r] = 0;
    const staff = state.consultancy.staff[r];
    for (let k = 0; k < staff.length; k++) if (staff[k].client < 0) bench[r][benchCount[r]++] = staff[k];
  }
  const muns = state.municipalities;
  for (let i = 0; i < muns.length; i++) {
    const m = muns[i];
    // Orders still waiting are moved to the front of the list, in their order.
    const orders = m.consultantOrders;
    let kept = 0;
    for (let k = 0; k < orders.length; k += 3) {
      const role = orders[k];
      const readyAt = orders[k + 1];
      const orderedAt = orders[k + 2];
      if (readyAt <= t && benchNext[role] < benchCount[role]) {
        const w = bench[role][benchNext[role]++];
        w.client = m.idx;
        w.contractEnd = t + p.consultantContractMonths;
        m.consultantFte[role]++;
      } else if (t - orderedAt < p.consultantContractMonths) {
        orders[kept++] = role;
        orders[kept++] = readyAt;
        orders[kept++] = orderedAt;
      }
    }
    if (orders.length !== kept) orders.length = kept;
  }
}

/** Consultant FTE booked per role in consultancyRecruitment, reused (see scratch.ts). */
const bookedFte = new Float64Array(ROLE_COUNT);

/** The consultancy recruits toward its booked work plus a bench, partly from outside the region. */
export function consultancyRecruitment(state: ModelState): void {
  const t = state.t;
  const p = state.p;
  const c = state.consultancy;
  const booked = bookedFte;
  zeroRoles(booked);
  for (const m of state.municipalities) {
    for (let r = 0; r < ROLE_COUNT; r++) booked[r] += m.consultantFte[r];
    for (let k = 0; k < m.consultantOrders.length; k += 3) booked[m.consultantOrders[k]]++;
  }
  for (let r = 0; r < ROLE_COUNT; r++) {
    const target = Math.ceil(booked[r] * (1 + p.consultancyBench));
    let gap = target - c.staff[r].length - c.vacancies[r].length;
    while (gap > 0) {
      c.vacancies[r].push(t);
      gap--;
    }
    while (gap < 0 && c.vacancies[r].length > 0) {
      c.vacancies[r].pop();
      gap++;
    }
    // National firms fill some vacancies with people from outside the region's pond.
    fillFromOutside(state, c.vacancies[r], c.staff[r], r, Place.Consultancy, 0, p.consultancyOutsideFillPerMonth);
  }
}

/**
 * Fills some open vacancies of an employer with professionals from outside the region's labour
 * market (national firms, a province recruiting widely), one draw per open vacancy. The national
 * pond is as scarce as the region's: the chance scales with supplyRatio (capped at 1).
 */
export function fillFromOutside(
  state: ModelState,
  vacancies: number[],
  staff: Worker[],
  role: number,
  place: Place,
  employer: number,
  chance: number,
): void {
  const u = state.rng.outsideHires;
  const p = state.p;
  const scaled = Math.min(1, chance * p.supplyRatio);
  for (let k = vacancies.length - 1; k >= 0; k--) {
    if (u.next() >= scaled) continue;
    const posted = removeNumberAt(vacancies, k);
    state.tally.vacancyDurations[place === Place.Pool ? 1 : 2].push(state.t - posted);
    const w = newWorker(state, role, state.marketSeat, Math.round(p.midCareerAgeMean * 12), Node.OutsideRegion);
    w.place = place;
    w.employer = employer;
    w.experience = p.initialExperienceMonths;
    staff.push(w);
    state.tally.flows[Node.OutsideRegion][place === Place.Pool ? Node.Pool : Node.Consultancy]++;
  }
}
