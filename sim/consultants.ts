import { type ModelState, type Municipality, Node, Place, ROLE_COUNT, type Worker } from './state.js';

/** Price of a consultant FTE-month for this municipality (joint procurement lowers it for light-pool members). */
export function consultantPrice(state: ModelState, m: Municipality): number {
  const p = state.p;
  const base = p.internalCostPerFteMonth * p.consultantPremium;
  const pool = m.poolArea >= 0 ? state.pools[m.poolArea] : undefined;
  const joint = pool?.exists && state.levers.poolForm === 'light' && m.membership === 2;
  return joint ? base * (1 - p.jointProcurementDiscount) : base;
}

/** Counts consultant FTE per client and role, ending or renewing contracts that run out this month. */
export function consultantContracts(state: ModelState): void {
  const t = state.t;
  for (const m of state.municipalities) m.consultantFte.fill(0);
  for (let r = 0; r < ROLE_COUNT; r++) {
    for (const w of state.consultancy.staff[r]) {
      if (w.client < 0) continue;
      const m = state.municipalities[w.client];
      if (w.contractEnd <= t) {
        // Renew while the client is still short of this role and can pay; otherwise back to the bench.
        const stillShort = m.shortfall[r] > 0;
        if (stillShort && monthlyRoom(state, m) >= consultantPrice(state, m))
          w.contractEnd = t + state.p.consultantContractMonths;
        else {
          w.client = -1;
          continue;
        }
      }
      m.consultantFte[r]++;
    }
  }
}

/** Budget left this month after salaries, fees and consultants already engaged. */
function monthlyRoom(state: ModelState, m: Municipality): number {
  let spend = m.feeCommitment;
  const cost = m.wageIndex * state.p.internalCostPerFteMonth;
  for (let r = 0; r < ROLE_COUNT; r++) spend += m.staff[r].length * cost;
  const price = consultantPrice(state, m);
  for (let r = 0; r < ROLE_COUNT; r++) spend += m.consultantFte[r] * price;
  return m.budgetYear / 12 - spend;
}

/**
 * Orders consultants for what own staff and the pool leave uncovered, within the budget; orders
 * arrive after the lead time (at the start, contracts already running are honoured at once).
 */
export function orderConsultants(state: ModelState): void {
  const t = state.t;
  const lead = t === 0 ? 0 : state.p.consultantLeadMonths;
  for (const m of state.municipalities) {
    const price = consultantPrice(state, m);
    let room = monthlyRoom(state, m);
    for (let r = 0; r < ROLE_COUNT; r++) {
      let pending = 0;
      for (let k = 0; k < m.consultantOrders.length; k += 3) if (m.consultantOrders[k] === r) pending++;
      const uncovered = m.shortfall[r] - pending;
      let want = Math.floor(uncovered + 0.5);
      while (want > 0 && room >= price) {
        m.consultantOrders.push(r, t + lead, t);
        room -= price;
        want--;
      }
    }
  }
}

/** The consultancy assigns bench staff to orders that are due, oldest first; stale orders lapse. */
export function fulfilConsultantOrders(state: ModelState): void {
  const t = state.t;
  const p = state.p;
  const bench: Array<(typeof state.consultancy.staff)[0]> = [[], [], []];
  for (let r = 0; r < ROLE_COUNT; r++) for (const w of state.consultancy.staff[r]) if (w.client < 0) bench[r].push(w);
  for (const m of state.municipalities) {
    const kept: number[] = [];
    for (let k = 0; k < m.consultantOrders.length; k += 3) {
      const role = m.consultantOrders[k];
      const readyAt = m.consultantOrders[k + 1];
      const orderedAt = m.consultantOrders[k + 2];
      if (readyAt <= t && bench[role].length > 0) {
        const w = bench[role].shift()!;
        w.client = m.idx;
        w.contractEnd = t + p.consultantContractMonths;
        m.consultantFte[role]++;
      } else if (t - orderedAt < p.consultantContractMonths) {
        kept.push(role, readyAt, orderedAt);
      }
    }
    m.consultantOrders = kept;
  }
}

/** The consultancy recruits toward its booked work plus a bench, partly from outside the region. */
export function consultancyRecruitment(state: ModelState): void {
  const t = state.t;
  const p = state.p;
  const c = state.consultancy;
  const booked = new Float64Array(ROLE_COUNT);
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
 * market (national firms, a province recruiting widely), one draw per open vacancy.
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
  const u = state.rng.entrants;
  const p = state.p;
  for (let k = vacancies.length - 1; k >= 0; k--) {
    if (u() >= chance) continue;
    const posted = vacancies.splice(k, 1)[0];
    state.tally.vacancyDurations.push(state.t - posted);
    const w: Worker = {
      id: state.nextWorkerId++,
      role,
      place,
      employer,
      home: state.marketSeat,
      ageMonths: Math.round(p.consultantAgeMean * 12),
      tenureMonths: 0,
      experience: p.initialExperienceMonths,
      searchMonths: 0,
      origin: Node.OutsideRegion,
      client: -1,
      contractEnd: 0,
    };
    state.workers.push(w);
    staff.push(w);
    state.tally.flows[Node.OutsideRegion][place === Place.Pool ? Node.Pool : Node.Consultancy]++;
  }
}
