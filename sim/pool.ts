import { fillFromOutside } from './consultants.js';
import { grownSize, zeroFirst, zeroRoles } from './scratch.js';
import {
  L,
  Membership,
  type ModelState,
  type Municipality,
  Node,
  P,
  Place,
  type Pool,
  ROLE_COUNT,
  S,
} from './state.js';

/** The pooled role indices of this run (worked out once in initState: levers do not change during a run). */
export function pooledRoles(state: ModelState): readonly number[] {
  return state.pooledRoles;
}

/** True for the forms that employ staff. */
export function isStaffed(state: ModelState): boolean {
  return state.levers.poolForm === 'flexpool' || state.levers.poolForm === 'esc';
}

/** The pool's current members, in area order (cached; every membership change calls membershipChanged). */
export function members(state: ModelState, pool: Pool): Municipality[] {
  if (pool.memberCache) return pool.memberCache;
  const out: Municipality[] = [];
  let population = 0;
  for (const i of pool.area) {
    const m = state.municipalities[i];
    if (m.membership === Membership.Member) {
      out.push(m);
      population += m.population;
    }
  }
  pool.memberCache = out;
  pool.memberPopulation = population;
  return out;
}

/** The municipality is outside again (a member leaving, or anyone when the pool ends); nothing it asked of the pool stands. */
export function endMembership(pool: Pool, m: Municipality): void {
  m.membership = Membership.Outside;
  membershipChanged(pool);
  m.joinAt = -1;
  m.leaveAt = -1;
  zeroRoles(m.poolFte);
  zeroRoles(m.requested);
  zeroRoles(m.crisisClaim);
  m.feeCommitment = 0;
}

/** Invalidates the member cache after a municipality joined or left. */
export function membershipChanged(pool: Pool): void {
  pool.memberCache = null;
}

export function poolStaffCount(pool: Pool): number {
  return pool.staff[0].length + pool.staff[1].length + pool.staff[2].length;
}

/** The team the pool pays for or is recruiting: staff in post plus open posts. */
export function plannedStaffCount(pool: Pool): number {
  return poolStaffCount(pool) + vacancyCount(pool);
}

function vacancyCount(pool: Pool): number {
  return pool.vacancies[0].length + pool.vacancies[1].length + pool.vacancies[2].length;
}

/** Monthly running cost of a pool with this many staff: salaries plus the coordination overhead of its form. */
export function poolMonthlyCost(state: ModelState, staff: number): number {
  const p = state.p;
  const form = state.levers.poolForm;
  const factor = form === 'esc' ? p.escOverheadFactor : form === 'light' ? p.lightOverheadFactor : 1;
  return staff * p.poolWageIndex * p.internalCostPerFteMonth + p.poolOverheadPerMonth * factor;
}

export function sponsorMonthly(state: ModelState, pool: Pool): number {
  return state.t < pool.sponsorUntil ? state.levers.sponsorPerYear / 12 : 0;
}

function fixedShare(state: ModelState): number {
  const model = state.levers.feeModel;
  return model === 'fixed' ? 1 : model === 'usage' ? 0 : state.levers.feeFixedShare;
}

/**
 * The fee schedule (at founding and each decision window): the running cost of the planned team
 * (staff in post plus open posts), net of the sponsor and of any reserve above its target, is
 * recovered from members: a fixed part split by population share and a usage part priced per
 * FTE-month at the utilisation the pool expects (its last year's, or poolPlannedUtilisation at first).
 */
export function setFeeSchedule(state: ModelState, pool: Pool): void {
  const p = state.p;
  const staff = plannedStaffCount(pool);
  const cost = poolMonthlyCost(state, staff);
  const surplus = pool.reserve - p.poolReserveTargetMonths * cost;
  const net = Math.max(0, cost - sponsorMonthly(state, pool) - surplus / 12);
  const share = fixedShare(state);
  const expected = pool.utilisationWindow.length >= 12 ? mean(pool.utilisationWindow) : p.poolPlannedUtilisation;
  pool.fixedFeeTotal = net * share;
  pool.usagePrice = staff > 0 ? ((net * (1 - share)) / (staff * Math.max(0.05, expected))) * p.usageMarkup : 0;
}

/** A member's fixed fee this month: its population share of the fixed total. */
export function fixedFeeOf(state: ModelState, pool: Pool, m: Municipality): number {
  members(state, pool);
  return pool.memberPopulation > 0 ? (pool.fixedFeeTotal * m.population) / pool.memberPopulation : 0;
}

/** Opens pool vacancies spread over the pooled roles in proportion to the given weights. */
export function postPoolVacancies(state: ModelState, pool: Pool, count: number, weights: Float64Array): void {
  const roles = pooledRoles(state);
  let total = 0;
  for (const r of roles) total += weights[r];
  const given = new Float64Array(ROLE_COUNT);
  for (let k = 0; k < count; k++) {
    // Largest remaining deficit first, so the split is exact and deterministic.
    let best = roles[0];
    let bestGap = Number.NEGATIVE_INFINITY;
    for (const r of roles) {
      const gap = (total > 0 ? (weights[r] / total) * (k + 1) : (k + 1) / roles.length) - given[r];
      if (gap > bestGap) {
        bestGap = gap;
        best = r;
      }
    }
    given[best]++;
    pool.vacancies[best].push(state.t);
  }
}

/** Allocation rules that serve members in an order (proportional fill has none). */
const enum Rule {
  Priority = 0,
  Fcfs = 1,
  SmallFirst = 2,
  AreaOrder = 3,
}

function ruleOf(state: ModelState): Rule {
  if (state.levers.governance === 'centralPush') return Rule.Priority;
  const allocation = state.levers.allocation;
  return allocation === 'fcfs' ? Rule.Fcfs : allocation === 'smallFirst' ? Rule.SmallFirst : Rule.AreaOrder;
}

/** Sign of "a is served after b" under the rule (ties by municipality index, so the order is total). */
function compareServed(rule: Rule, list: Municipality[], key: Float64Array, a: number, b: number): number {
  let d = 0;
  // A coordinator serves the largest relative backlog first.
  if (rule === Rule.Priority) d = key[b] - key[a];
  else if (rule === Rule.Fcfs) d = list[a].requestingSince - list[b].requestingSince;
  else if (rule === Rule.SmallFirst) d = list[a].population - list[b].population;
  return d || list[a].idx - list[b].idx;
}

/**
 * Fills order[0..n) with the positions in `list` in the order the allocation rule serves them.
 * Insertion sort: member lists are short, and as the order is total any sort gives the same result.
 */
function ruleOrder(state: ModelState, list: Municipality[], role: number, order: Int32Array, key: Float64Array): void {
  const n = list.length;
  const rule = ruleOf(state);
  if (rule === Rule.Priority)
    for (let k = 0; k < n; k++) key[k] = list[k].shortfall[role] / Math.max(1e-9, list[k].needFte[role]);
  for (let k = 0; k < n; k++) order[k] = k;
  if (rule === Rule.AreaOrder) return;
  for (let i = 1; i < n; i++) {
    const x = order[i];
    let j = i - 1;
    while (j >= 0 && compareServed(rule, list, key, order[j], x) > 0) {
      order[j + 1] = order[j];
      j--;
    }
    order[j + 1] = x;
  }
}

/**
 * Divides capacity over the first n entries in proportion to weights, capped at each request
 * (water-filling). Entries are visited in index order, and `openCount` falls as soon as an entry
 * is full, even within a pass (the equal split of a weightless pass uses the live count).
 */
function proportionalFill(
  capacity: number,
  n: number,
  requests: Float64Array,
  weights: Float64Array,
  out: Float64Array,
  open: Uint8Array,
): void {
  zeroFirst(out, n);
  let left = capacity;
  let openCount = 0;
  for (let k = 0; k < n; k++) {
    open[k] = requests[k] > 0 ? 1 : 0;
    openCount += open[k];
  }
  while (left > 1e-12 && openCount > 0) {
    let weight = 0;
    for (let k = 0; k < n; k++) if (open[k]) weight += weights[k];
    let used = 0;
    for (let k = 0; k < n; k++) {
      if (!open[k]) continue;
      const give = weight > 0 ? (left * weights[k]) / weight : left / openCount;
      const take = Math.min(give, requests[k] - out[k]);
      out[k] += take;
      used += take;
      if (requests[k] - out[k] <= 1e-12) {
        open[k] = 0;
        openCount--;
      }
    }
    left -= used;
    if (used <= 1e-12) break;
  }
}

/** Per-member work arrays of allocatePool, reused from month to month (see scratch.ts). */
function makeMemberArrays(size: number) {
  return {
    fairDue: new Float64Array(size),
    got: new Float64Array(size),
    weights: new Float64Array(size),
    requests: new Float64Array(size),
    alloc: new Float64Array(size),
    key: new Float64Array(size),
    order: new Int32Array(size),
    open: new Uint8Array(size),
  };
}
let memberArrays = makeMemberArrays(64);

/** The work arrays, large enough for n members (entries hold whatever the last use left). */
function memberArraysFor(n: number): ReturnType<typeof makeMemberArrays> {
  if (memberArrays.order.length < n) memberArrays = makeMemberArrays(grownSize(memberArrays.order.length, n));
  return memberArrays;
}

/**
 * 3.3 Requests and allocation. Under the recall rule a member in crisis first pulls pool staff to
 * itself. Demand-pull members ask for their shortfall (whole tasks only); a central coordinator
 * assigns capacity by regional priority without waiting to be asked. Idle capacity goes to other
 * domains when the scope is multi-domain.
 */
export function allocatePool(state: ModelState, pool: Pool): void {
  const p = state.p;
  const t = state.t;
  const list = members(state, pool);
  zeroRoles(pool.allocated);
  zeroRoles(pool.unserved);
  zeroRoles(pool.capacity);
  pool.otherDomainFte = 0;
  pool.crisisFte = 0;
  if (pool.recallers.length > 0) pool.recallers.length = 0;
  for (let k = 0; k < list.length; k++) {
    const m = list[k];
    zeroRoles(m.poolFte);
    zeroRoles(m.requested);
    zeroRoles(m.crisisClaim);
    m.servedRatio = -1;
  }
  if (!pool.exists || !isStaffed(state)) return;
  const n = list.length;
  const { fairDue, got, weights, requests, alloc, key, order, open } = memberArraysFor(n);
  zeroFirst(fairDue, n);
  zeroFirst(got, n);
  let population = 0;
  for (let k = 0; k < n; k++) population += list[k].population;
  const push = state.levers.governance === 'centralPush';
  for (let k = 0; k < n; k++) weights[k] = list[k].population;
  const roles = pooledRoles(state);
  for (let ri = 0; ri < roles.length; ri++) {
    const r = roles[ri];
    let capacity = pool.staff[r].length;
    pool.capacity[r] = capacity;
    if (state.levers.recall === 'allowed') {
      let claimable = p.crisisRecallShare * capacity;
      for (let k = 0; k < n; k++) {
        const m = list[k];
        if (t > m.crisisUntil || claimable <= 0) continue;
        const claim = Math.min(claimable, p.crisisDiversion * m.staff[r].length);
        if (claim <= 0) continue;
        m.crisisClaim[r] = claim;
        claimable -= claim;
        capacity -= claim;
        pool.crisisFte += claim;
        if (!pool.recallers.includes(m.idx)) pool.recallers.push(m.idx);
      }
    }
    for (let k = 0; k < n; k++) {
      const m = list[k];
      // New askers join the back of the first-come queue before anyone is served.
      if (m.shortfall[r] > 0 && m.requestingSince < 0) m.requestingSince = t;
      // Members ask for tasks of bounded size; a coordinator assigns without waiting for small asks.
      const short = Math.min(m.shortfall[r], p.maxRequestFte);
      requests[k] = push ? short : short >= p.minRequestFte ? Math.floor(short * 4) / 4 : 0;
      m.requested[r] = requests[k];
    }
    if (!push && state.levers.allocation === 'proportional') {
      proportionalFill(capacity, n, requests, weights, alloc, open);
    } else {
      let asked = 0;
      for (let k = 0; k < n; k++) asked += requests[k];
      if (asked <= capacity) {
        // Enough for everyone: the order does not matter.
        for (let k = 0; k < n; k++) alloc[k] = requests[k];
      } else {
        zeroFirst(alloc, n);
        ruleOrder(state, list, r, order, key);
        let left = capacity;
        for (let j = 0; j < n; j++) {
          const k = order[j];
          const give = Math.min(left, requests[k]);
          alloc[k] = give;
          left -= give;
        }
      }
    }
    let used = 0;
    for (let k = 0; k < n; k++) {
      const m = list[k];
      m.poolFte[r] = alloc[k];
      used += alloc[k];
      pool.unserved[r] += requests[k] - alloc[k];
      // Members judge service against their fair (population) share of the pool, not against their whole need.
      // With no capacity in the role, any request is simply unmet.
      fairDue[k] += capacity > 0 ? Math.min(requests[k], (capacity * m.population) / population) : requests[k];
      got[k] += alloc[k];
    }
    pool.allocated[r] = used;
    if (state.levers.scope === 'multi') {
      // Other domains use process skills fully, some specialist time, no local staff.
      const transfer = r === P ? 1 : r === S ? p.crossDomainSpecialistShare : 0;
      const other = Math.min(capacity - used, p.multiDomainDemand * transfer * pool.staff[r].length);
      pool.otherDomainFte += Math.max(0, other);
    }
  }
  for (let k = 0; k < n; k++) {
    const m = list[k];
    if (fairDue[k] > 0) m.servedRatio = Math.min(1, got[k] / fairDue[k]);
    else if (m.requested[0] + m.requested[1] + m.requested[2] > 0) m.servedRatio = 1;
    if (m.servedRatio >= 0) {
      m.servedRecent += (m.servedRatio - m.servedRecent) / 3;
      m.servedShareAvg += (m.servedRatio - m.servedShareAvg) / 12;
    }
  }
  for (let k = 0; k < n; k++) {
    const m = list[k];
    const asked = m.requested[0] + m.requested[1] + m.requested[2];
    const given = m.poolFte[0] + m.poolFte[1] + m.poolFte[2];
    if (asked <= 0) {
      m.requestingSince = -1;
      m.servedMonths = 0;
      continue;
    }
    if (m.requestingSince < 0) m.requestingSince = t;
    m.servedMonths = given >= asked - 1e-9 ? m.servedMonths + 1 : 0;
    // An assignment done, the member's next task joins the back of the queue.
    if (m.servedMonths >= p.assignmentMonths) {
      m.requestingSince = t;
      m.servedMonths = 0;
    }
  }
}

/** Share of pool capacity in paid use this month (members' and other domains' work; crisis recalls are not use). */
export function utilisation(pool: Pool): number {
  const cap = pool.capacity[0] + pool.capacity[1] + pool.capacity[2];
  if (cap <= 0) return 0;
  return (pool.allocated[0] + pool.allocated[1] + pool.allocated[2] + pool.otherDomainFte) / cap;
}

/** Monthly money: salaries and overhead out; fees, sponsor money and other domains in. */
export function poolFinance(state: ModelState, pool: Pool): void {
  if (!pool.exists) return;
  const p = state.p;
  const cost = poolMonthlyCost(state, poolStaffCount(pool));
  const staffCost = poolStaffCount(pool) * p.poolWageIndex * p.internalCostPerFteMonth;
  pool.costStaff += staffCost;
  pool.costOverhead += cost - staffCost;
  const sponsor = sponsorMonthly(state, pool);
  pool.incomeSponsor += sponsor;
  state.tally.sponsor += sponsor;
  let fees = 0;
  for (const m of members(state, pool)) {
    const fee = fixedFeeOf(state, pool, m) + pool.usagePrice * (m.poolFte[0] + m.poolFte[1] + m.poolFte[2]);
    m.spentFees += fee;
    m.feePaidMonth = fee;
    m.feeCommitment = fee;
    fees += fee;
  }
  pool.incomeFees += fees;
  state.tally.fees += fees;
  // Other domains pay for the hours they use, at the usage price (at cost when fees are all fixed).
  const price = pool.usagePrice > 0 ? pool.usagePrice : p.poolWageIndex * p.internalCostPerFteMonth * p.usageMarkup;
  const other = pool.otherDomainFte * price;
  pool.incomeOtherDomains += other;
  pool.reserve += fees + sponsor + other - cost;
}

function mean(values: number[]): number {
  let s = 0;
  for (const v of values) s += v;
  return values.length ? s / values.length : 0;
}

function pushWindow(window: number[], value: number, size: number): void {
  window.push(value);
  if (window.length > size) window.shift();
}

/** Rolling windows of utilisation (a year) and unserved requests (a quarter). */
export function updatePoolWindows(state: ModelState, pool: Pool): void {
  if (!pool.exists || !isStaffed(state)) return;
  pushWindow(pool.utilisationWindow, utilisation(pool), 12);
  pushWindow(pool.unservedWindow, pool.unserved[0] + pool.unserved[1] + pool.unserved[2], 3);
}

/**
 * 3.3 Growth and shrinkage: open a vacancy when requests have gone unserved for a while and the
 * money allows; when utilisation is low, withdraw open vacancies so leavers are not replaced.
 */
export function growOrShrink(state: ModelState, pool: Pool): void {
  if (!pool.exists || !isStaffed(state)) return;
  const p = state.p;
  for (let r = 0; r < ROLE_COUNT; r++) {
    const before = pool.staff[r].length;
    fillFromOutside(state, pool.vacancies[r], pool.staff[r], r, Place.Pool, pool.idx, p.poolOutsideFillPerMonth);
    // Outside hires bring their experience; local experience of another place is of no use here.
    if (r !== L)
      for (let k = before; k < pool.staff[r].length; k++)
        pool.knowledge[r] += p.hireImportShare * pool.staff[r][k].experience;
  }
  const lowUse = pool.utilisationWindow.length >= 12 && mean(pool.utilisationWindow) < p.poolUtilisationFloor;
  if (lowUse) {
    for (let r = 0; r < ROLE_COUNT; r++) pool.vacancies[r].length = 0;
    return;
  }
  const planned = poolStaffCount(pool) + vacancyCount(pool);
  if (vacancyCount(pool) >= p.poolMaxOpenVacancies) return;
  if (pool.unservedWindow.length < 3 || mean(pool.unservedWindow) <= p.poolGrowThreshold) return;
  if (planned >= state.levers.maxStaff) return;
  const hireCost = p.poolWageIndex * p.internalCostPerFteMonth * p.poolHireReserveMonths;
  const sponsorLeft = (Math.max(0, pool.sponsorUntil - state.t) * state.levers.sponsorPerYear) / 12;
  if (pool.reserve + sponsorLeft < hireCost) return;
  postPoolVacancies(state, pool, 1, pool.unserved);
}

/** Why the pool is not viable this month, or '' if it is (checked after the ramp-up, sponsored or not). */
export function viabilityProblem(state: ModelState, pool: Pool): string {
  const p = state.p;
  if (members(state, pool).length < p.poolMinMembers) return 'too few members';
  if (pool.reserve < 0) return 'reserve exhausted';
  return '';
}

/** Ends the pool: staff back on the labour market, members and observers outside, the reason recorded. */
export function dissolve(state: ModelState, pool: Pool, reason: string): void {
  pool.exists = false;
  pool.dissolvedAt = state.t;
  pool.dissolveReason = reason;
  for (let r = 0; r < ROLE_COUNT; r++) {
    for (const w of pool.staff[r]) {
      w.place = Place.Searching;
      w.employer = -1;
      w.origin = Node.Pool;
      w.searchMonths = 0;
    }
    pool.staff[r].length = 0;
    pool.vacancies[r].length = 0;
  }
  // The pool's collective memory is gone with it, except what members already absorbed.
  for (let r = 0; r < ROLE_COUNT; r++) state.tally.knowledgeLostToRegion += pool.knowledge[r];
  for (const k of pool.localKnowledge) state.tally.knowledgeLostToRegion += k;
  pool.knowledge.fill(0);
  pool.localKnowledge.fill(0);
  for (const i of pool.area) {
    const m = state.municipalities[i];
    if (m.membership === Membership.Member) pool.exits.push({ month: state.t, code: m.code, reason: 'pool dissolved' });
    endMembership(pool, m);
  }
}
