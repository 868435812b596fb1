import { newWorker } from './init.js';
import { exp } from './math/index.js';
import { clampedNormal, gumbel, gumbelOf, randomIndex } from './rng.js';
import { removeAt } from './scratch.js';
import { L, type ModelState, Node, Place, ROLE_COUNT, S, type Worker } from './state.js';
import { COUNT_TABLE_SIZE, logOnePlus } from './tables.js';

/** Employer kinds, for vacancies and job choice. */
export const enum Kind {
  Municipality = 0,
  Pool = 1,
  Consultancy = 2,
}

function nodeOfPlace(w: Worker): Node {
  switch (w.place) {
    case Place.Municipality:
      return Node.Municipality;
    case Place.Pool:
      return Node.Pool;
    case Place.Consultancy:
      return Node.Consultancy;
    default:
      return w.origin;
  }
}

function staffList(state: ModelState, kind: Kind, idx: number, role: number): Worker[] {
  if (kind === Kind.Municipality) return state.municipalities[idx].staff[role];
  if (kind === Kind.Pool) return state.pools[idx].staff[role];
  return state.consultancy.staff[role];
}

function vacancyList(state: ModelState, kind: Kind, idx: number, role: number): number[] {
  if (kind === Kind.Municipality) return state.municipalities[idx].vacancies[role];
  if (kind === Kind.Pool) return state.pools[idx].vacancies[role];
  return state.consultancy.vacancies[role];
}

/** Organisational knowledge of the worker's employer (the consultancy keeps none the model tracks). */
function employerKnowledge(state: ModelState, w: Worker): Float64Array | undefined {
  if (w.place === Place.Municipality) return state.municipalities[w.employer].knowledge;
  if (w.place === Place.Pool) return state.pools[w.employer].knowledge;
  return undefined;
}

/** Takes a worker out of its employer's staff list; a leaver takes part of the employer's knowledge along. */
export function detach(state: ModelState, w: Worker, toRegionLoss: boolean): void {
  if (w.place === Place.Municipality || w.place === Place.Pool || w.place === Place.Consultancy) {
    const kind =
      w.place === Place.Municipality ? Kind.Municipality : w.place === Place.Pool ? Kind.Pool : Kind.Consultancy;
    const list = staffList(state, kind, w.employer, w.role);
    const knowledge = employerKnowledge(state, w);
    if (knowledge) {
      const share = state.leaverLoss[w.role] / list.length;
      let loss = share * knowledge[w.role];
      knowledge[w.role] -= loss;
      // A pool's local knowledge is held per place: a leaving local worker takes part of each.
      if (w.place === Place.Pool && w.role === L) {
        const local = state.pools[w.employer].localKnowledge;
        for (let k = 0; k < local.length; k++) {
          loss += share * local[k];
          local[k] -= share * local[k];
        }
      }
      state.tally.knowledgeLostLeavers += loss;
      if (toRegionLoss) state.tally.knowledgeLostToRegion += loss;
    }
    removeAt(list, list.indexOf(w));
    if (w.place === Place.Municipality) {
      state.roleTable.staffCount[w.employer * ROLE_COUNT + w.role]--;
      state.tally.munLeavers++;
      state.tally.tenureAtExit.push(w.tenureMonths);
    }
  }
  w.client = -1;
}

/** The worker leaves the market for good. */
export function leaveMarket(state: ModelState, w: Worker, destination: Node.Retirement | Node.PrivateSector): void {
  state.tally.flows[nodeOfPlace(w)][destination]++;
  detach(state, w, true);
  w.place = Place.Gone;
  w.employer = -1;
}

/** The worker is hired into one of an employer's open vacancies (oldest first). */
export function hire(state: ModelState, w: Worker, kind: Kind, idx: number): void {
  const vacancies = vacancyList(state, kind, idx, w.role);
  const posted = vacancies.shift()!;
  state.tally.vacancyDurations[kind].push(state.t - posted);
  const from = nodeOfPlace(w);
  const to = kind === Kind.Municipality ? Node.Municipality : kind === Kind.Pool ? Node.Pool : Node.Consultancy;
  state.tally.flows[from][to]++;
  if (kind === Kind.Municipality) {
    state.tally.munHires++;
    if (from !== Node.Municipality) state.tally.munHiresFromOutsideSector++;
  }
  detach(state, w, false);
  w.place = kind === Kind.Municipality ? Place.Municipality : kind === Kind.Pool ? Place.Pool : Place.Consultancy;
  w.employer = kind === Kind.Consultancy ? 0 : idx;
  w.tenureMonths = 0;
  w.searchMonths = 0;
  staffList(state, kind, idx, w.role).push(w);
  if (kind === Kind.Municipality) state.roleTable.staffCount[idx * ROLE_COUNT + w.role]++;
  // Newcomers bring experience; local knowledge is of little use in another place.
  const knowledge = employerKnowledge(state, w);
  // A pool keeps no general local stock (its local knowledge is per place), so local hires import nothing there.
  if (knowledge && !(kind === Kind.Pool && w.role === L)) {
    const portable = w.role === L ? state.p.localPortability : 1;
    knowledge[w.role] += state.p.hireImportShare * w.experience * portable;
  }
}

/** Monthly ageing, retirement and exit hazards (MODEL.md 3.2). One draw per employed worker. */
export function attrition(state: ModelState): void {
  const p = state.p;
  const h = state.hazards;
  const u = state.rng.attrition;
  const retireAt = p.retirementAge * 12;
  const earlyAt = p.earlyRetirementAge * 12;
  const { staffCount, overload } = state.roleTable;
  for (const w of state.workers) {
    if (w.place === Place.Gone) continue;
    w.ageMonths++;
    if (w.place === Place.Searching) {
      if (w.ageMonths >= retireAt) leaveMarket(state, w, Node.Retirement);
      continue;
    }
    w.tenureMonths++;
    const draw = u.next();
    if (w.ageMonths >= retireAt || (w.ageMonths >= earlyAt && draw < h.earlyRetire)) {
      leaveMarket(state, w, Node.Retirement);
      continue;
    }
    let hazard = h.base;
    if (w.tenureMonths < p.newHireMonths) hazard += h.newHire;
    if (w.place === Place.Municipality) {
      const at = w.employer * ROLE_COUNT;
      if (w.role === S && staffCount[at + S] === 1) hazard += h.isolation;
      hazard += h.overload * overload[at + w.role];
    }
    // The early-retirement band uses the bottom of the draw; exits use the rest, so the two never overlap.
    const exitDraw = w.ageMonths >= earlyAt ? draw - h.earlyRetire : draw;
    if (exitDraw >= 0 && exitDraw < hazard) leaveMarket(state, w, Node.PrivateSector);
  }
}

/** New professionals entering the market (scarcity sets how many). */
export function entrants(state: ModelState, cumulativePopulation: Float64Array): void {
  const p = state.p;
  const u = state.rng.entrants;
  state.entrantCarry += state.entrantsPerMonth;
  const count = Math.floor(state.entrantCarry);
  state.entrantCarry -= count;
  const total = cumulativePopulation[cumulativePopulation.length - 1];
  for (let k = 0; k < count; k++) {
    const x = u.next();
    const role = x < p.entrantShareSpecialist ? S : x < p.entrantShareSpecialist + p.entrantShareLocal ? L : 2;
    const age = clampedNormal(u, p.entrantAgeMean, p.entrantAgeSd, 22, 60);
    const target = u.next() * total;
    let home = 0;
    while (cumulativePopulation[home] <= target && home < cumulativePopulation.length - 1) home++;
    newWorker(state, role, home, Math.round(age * 12), Node.Entrant);
  }
}

/** Monthly cost of one FTE at an employer with this wage index. */
function costOf(state: ModelState, wageIndex: number): number {
  return wageIndex * state.p.internalCostPerFteMonth;
}

/** Posts missing per role of one municipality in postMunicipalVacancies, reused (see scratch.ts). */
const vacancyGap = new Float64Array(ROLE_COUNT);

/**
 * Municipalities open vacancies up to their demand, within their staffing budget. Surplus
 * vacancies are withdrawn, and so is a vacancy that stayed open for vacancyWithdrawMonths: the
 * post is given up and the role is not advertised again for vacancyRepostMonths.
 */
export function postMunicipalVacancies(state: ModelState): void {
  const t = state.t;
  const p = state.p;
  const { staffCount, demand } = state.roleTable;
  const muns = state.municipalities;
  for (let i = 0; i < muns.length; i++) {
    const m = muns[i];
    const at = i * ROLE_COUNT;
    for (let r = 0; r < ROLE_COUNT; r++) {
      const open = m.vacancies[r];
      // Oldest first: a withdrawal pauses the role, so at most the stale ones go this month.
      let stale = 0;
      while (stale < open.length && t - open[stale] >= p.vacancyWithdrawMonths) stale++;
      if (stale === 0) continue;
      state.tally.vacanciesWithdrawn[Kind.Municipality] += stale;
      // Drop the first `stale` in place (splice would allocate the removed part).
      for (let k = stale; k < open.length; k++) open[k - stale] = open[k];
      open.length -= stale;
      m.repostAfter[r] = t + p.vacancyRepostMonths;
    }
    const cost = costOf(state, m.wageIndex);
    let committed = m.feeCommitment;
    for (let r = 0; r < ROLE_COUNT; r++) committed += (staffCount[at + r] + m.vacancies[r].length) * cost;
    const monthlyBudget = m.budgetYear / 12;
    const gap = vacancyGap;
    for (let r = 0; r < ROLE_COUNT; r++) {
      // Indivisibility: a post exists only for a whole person; a fraction below minPostFte is not advertised.
      gap[r] = Math.floor(demand[at + r] + 1 - p.minPostFte) - staffCount[at + r] - m.vacancies[r].length;
      while (gap[r] < 0 && m.vacancies[r].length > 0) {
        m.vacancies[r].pop();
        committed -= cost;
        gap[r]++;
      }
      if (t < m.repostAfter[r]) gap[r] = Math.min(gap[r], 0);
    }
    // The budget goes first to the role that is furthest below its demand, one vacancy at a time.
    while (committed + cost <= monthlyBudget) {
      let best = -1;
      let bestShare = 0;
      for (let r = 0; r < ROLE_COUNT; r++) {
        const share = gap[r] > 0 ? gap[r] / Math.max(1, demand[at + r]) : 0;
        if (share > bestShare) {
          bestShare = share;
          best = r;
        }
      }
      if (best < 0) break;
      m.vacancies[best].push(t);
      gap[best]--;
      committed += cost;
    }
  }
}

/**
 * This month's open vacancies per role, one entry per vacancy: the employer kind and index. Reused
 * from month to month (see scratch.ts); only the first openingCount[role] entries are current.
 */
const openingKind: Kind[][] = [[], [], []];
const openingIdx: number[][] = [[], [], []];
const openingCount = new Int32Array(ROLE_COUNT);

function addOpenings(role: number, kind: Kind, idx: number, count: number): void {
  for (let k = 0; k < count; k++) {
    const at = openingCount[role]++;
    openingKind[role][at] = kind;
    openingIdx[role][at] = idx;
  }
}

/** Job utility without the taste shock (MODEL.md 3.2: wage, team, variety, accessibility, commute). */
function jobUtility(state: ModelState, w: Worker, kind: Kind, idx: number): number {
  const p = state.p;
  const n = state.municipalities.length;
  if (kind === Kind.Municipality) {
    const staffCount = state.roleTable.staffCount;
    const at = idx * ROLE_COUNT;
    // A small team offers broad responsibility (seed 2025); a big one offers peers and career room.
    const heatStaff = staffCount[at] + staffCount[at + 1] + staffCount[at + 2];
    return (
      p.wageWeight * state.tables.logWage[idx] +
      p.teamWeight * logOnePlus(staffCount[at + w.role]) +
      p.breadthWeight *
        (heatStaff < COUNT_TABLE_SIZE ? state.tables.breadth[heatStaff] : exp(-heatStaff / p.breadthStaffScale)) +
      p.accessibilityWeight * (3 - state.municipalities[idx].urbanity) -
      (p.commuteWeightPer10Km * state.distanceKm[w.home * n + idx]) / 10
    );
  }
  if (kind === Kind.Pool) {
    const pool = state.pools[idx];
    const seat = state.municipalities[pool.seat];
    return (
      p.wageWeight * state.tables.logPoolWage +
      p.teamWeight * logOnePlus(pool.staff[w.role].length) +
      p.varietyWeight +
      p.accessibilityWeight * (3 - seat.urbanity) -
      (p.commuteWeightPer10Km * state.distanceKm[w.home * n + pool.seat]) / 10
    );
  }
  // Consultants work at clients' sites or from home: no commute or accessibility term.
  return (
    p.wageWeight * state.tables.logConsultancyWage +
    p.teamWeight * logOnePlus(state.consultancy.staff[w.role].length) +
    p.varietyWeight
  );
}

function currentKind(w: Worker): Kind {
  return w.place === Place.Municipality ? Kind.Municipality : w.place === Place.Pool ? Kind.Pool : Kind.Consultancy;
}

/**
 * Job search: entrants and jobless workers search every month, employed workers now and then.
 * Each samples a few vacancies of its role and picks by multinomial logit (Gumbel shocks) among
 * them, the outside option (private sector) and, if employed, staying put.
 */
export function jobSearch(state: ModelState): void {
  const p = state.p;
  const u = state.rng.search;
  openingCount[0] = 0;
  openingCount[1] = 0;
  openingCount[2] = 0;
  for (const m of state.municipalities) {
    for (let r = 0; r < ROLE_COUNT; r++) addOpenings(r, Kind.Municipality, m.idx, m.vacancies[r].length);
  }
  for (const pool of state.pools) {
    if (!pool.exists) continue;
    for (let r = 0; r < ROLE_COUNT; r++) addOpenings(r, Kind.Pool, pool.idx, pool.vacancies[r].length);
  }
  for (let r = 0; r < ROLE_COUNT; r++) addOpenings(r, Kind.Consultancy, 0, state.consultancy.vacancies[r].length);

  const outsideUtility = p.wageWeight * state.tables.logOutsideWage + p.outsideOptionConstant;
  const sampled = p.vacanciesSampled;
  const staffCount = state.roleTable.staffCount;
  const count = state.workers.length;
  for (let i = 0; i < count; i++) {
    const w = state.workers[i];
    if (w.place === Place.Gone) continue;
    const searching = w.place === Place.Searching;
    if (!searching) {
      let prob = p.onJobSearchPerMonth;
      // Isolated specialists look around more.
      if (w.place === Place.Municipality && w.role === S && staffCount[w.employer * ROLE_COUNT + S] === 1) prob *= 2;
      if (u.next() >= prob) continue;
    }
    const openings = openingCount[w.role];
    if (openings === 0) {
      if (searching) giveUpOrWait(state, w);
      continue;
    }
    let best = outsideUtility + gumbel(u);
    let choice = -1; // position among the role's openings
    let stay = false;
    let valid = 0;
    if (!searching) {
      const v = jobUtility(state, w, currentKind(w), w.employer) + p.switchingCost + gumbel(u);
      if (v > best) {
        best = v;
        stay = true;
      }
    }
    const kinds = openingKind[w.role];
    const idxs = openingIdx[w.role];
    for (let k = 0; k < sampled; k++) {
      const o = randomIndex(u, openings);
      // The shock's uniform is drawn for every sampled job, so the stream does not depend on which are gone.
      const shockDraw = u.next();
      if (vacancyList(state, kinds[o], idxs[o], w.role).length === 0) continue; // filled earlier this month
      if (!searching && kinds[o] === currentKind(w) && idxs[o] === w.employer) continue;
      valid++;
      const v = jobUtility(state, w, kinds[o], idxs[o]) + gumbelOf(shockDraw);
      if (v > best) {
        best = v;
        choice = o;
        stay = false;
      }
    }
    if (choice >= 0) hire(state, w, kinds[choice], idxs[choice]);
    else if (searching && valid === 0)
      giveUpOrWait(state, w); // every sampled job was gone: keep looking
    else if (!stay) leaveMarket(state, w, Node.PrivateSector);
  }
}

function giveUpOrWait(state: ModelState, w: Worker): void {
  w.searchMonths++;
  if (w.searchMonths > state.p.maxSearchMonths) leaveMarket(state, w, Node.PrivateSector);
}

/** Drops workers who left the market from the active list (keeps the monthly loops short). */
export function compactWorkers(state: ModelState): void {
  let k = 0;
  const workers = state.workers;
  for (let i = 0; i < workers.length; i++) if (workers[i].place !== Place.Gone) workers[k++] = workers[i];
  if (workers.length !== k) workers.length = k;
}

/** Open vacancies of every employer over the total need (capped at 1): what consultant prices respond to. */
export function marketTightness(state: ModelState): number {
  let open = 0;
  for (const m of state.municipalities) open += m.vacancies[0].length + m.vacancies[1].length + m.vacancies[2].length;
  for (const pool of state.pools)
    open += pool.vacancies[0].length + pool.vacancies[1].length + pool.vacancies[2].length;
  const c = state.consultancy.vacancies;
  open += c[0].length + c[1].length + c[2].length;
  return state.totalNeed > 0 ? Math.min(1, open / state.totalNeed) : 0;
}
