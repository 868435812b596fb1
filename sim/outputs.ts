import { members, poolStaffCount, utilisation } from './pool.js';
import { backlogFteMonths } from './production.js';
import { zeroFirst, zeroRoles } from './scratch.js';
import { Membership, type ModelState, Place, ROLE_COUNT } from './state.js';

/** Monthly region-level series: name and meaning (documented in docs/OUTPUTS.md and series.csv). */
export const REGION_SERIES = {
  dwellingsReady: 'dwellings made ready (cumulative)',
  dwellingsTarget: 'dwellings a fully staffed region would have made ready (cumulative)',
  progressShare: 'dwellingsReady / dwellingsTarget',
  backlogFteMonths: 'open planning and execution work, FTE-months',
  demandFte: 'work demanded this month, FTE',
  fteOwn: 'own staff of the municipalities, FTE (headcount)',
  ftePool: 'pool staff working for municipalities, FTE',
  fteConsultants: 'consultants working for municipalities, FTE',
  vacanciesOpen: 'open vacancies at municipalities',
  vacanciesOpenPool: 'open vacancies at pools',
  vacanciesOpenConsultancy: 'open vacancies at the consultancy',
  marketTightness:
    'open vacancies of all employers / total need at the end of the month (capped at 1); consultant prices follow it the next month',
  hires: 'hires by municipalities this month',
  leavers: 'staff leaving municipalities this month (any destination)',
  jobSeekers: 'professionals in the market without a job',
  spendSalaries: 'municipal salary spend this month, EUR',
  spendConsultants: 'municipal consultant spend this month, EUR',
  spendFees: 'pool fees paid by municipalities this month, EUR',
  knowledgeSpecialist: 'municipal specialist knowledge stock, knowledge units',
  knowledgeLocal: 'municipal local knowledge stock, knowledge units',
  knowledgeProcess: 'municipal process knowledge stock, knowledge units',
  knowledgePool: "pools' collective memory, knowledge units",
  knowledgeLostLeavers: 'knowledge lost with leavers (cumulative), knowledge units',
  knowledgeLostConsultants: 'knowledge made by consultants that left with them (cumulative), knowledge units',
  poolsAlive: 'pools in existence',
  poolMembers: 'pool members',
  poolObservers: 'pool observers',
  poolStaff: 'pool staff (headcount)',
  poolUtilisation: 'share of pool capacity in use (mean over live staffed pools)',
  poolReserve: 'pool reserves, EUR',
  trustAmongMembers: 'mean dyadic trust between members',
  trustMembersNonMembers: 'mean dyadic trust between members and non-members',
  trustInPool: 'mean institutional trust of members in their pool',
  legitimacy: "mean legitimacy of members' membership (NaN without members)",
  crisesActive: 'municipalities in a local crisis',
} as const;
export type RegionSeriesName = keyof typeof REGION_SERIES;

export const SIZE_CLASS_SERIES = {
  progressShare: 'dwellingsReady / dwellingsTarget of the class (NaN when the class is empty)',
  fteOwn: 'own staff, FTE',
  ftePool: 'pool staff working for the class, FTE',
  fteConsultants: 'consultants, FTE',
} as const;
export type SizeClassSeriesName = keyof typeof SIZE_CLASS_SERIES;

/** Yearly per-municipality series (value at the end of each year). */
export const MUNICIPALITY_SERIES = {
  progressShare: 'dwellingsReady / dwellingsTarget',
  dwellingsReady: 'dwellings made ready (cumulative)',
  dwellingsTarget: 'dwellings the municipality would have made ready at full pace (cumulative)',
  fteOwn: 'own staff, FTE',
  ftePool: 'pool staff working here, FTE',
  fteConsultants: 'consultants, FTE',
  membership: '0 outside, 1 observer, 2 member',
  trustInPool: 'institutional trust in the pool',
  knowledgeSpecialist: 'specialist knowledge, knowledge units',
  knowledgeLocal: 'local knowledge, knowledge units',
  knowledgeProcess: 'process knowledge, knowledge units',
} as const;
export type MunicipalitySeriesName = keyof typeof MUNICIPALITY_SERIES;

export interface Series<N extends string> {
  /** Month index (0 = January of the start year) of each row. */
  months: number[];
  values: Record<N, Float64Array>;
}

export interface Recorder {
  region: Series<RegionSeriesName>;
  /** One series per size class. */
  sizeClass: Array<Series<SizeClassSeriesName>>;
  /** Yearly: months at year ends; one series per municipality. */
  municipality: Array<Series<MunicipalitySeriesName>>;
  monthHires: number;
  monthLeavers: number;
  monthSalaries: number;
  monthConsultants: number;
  monthFees: number;
}

/**
 * An object with the given keys, in that order, and fast properties: created once per key list and
 * cloned per series (a keyed-store original would be a slow dictionary object).
 */
function template<N extends string>(names: readonly N[]): Record<N, Float64Array> {
  const values = {} as Record<N, Float64Array>;
  const empty = new Float64Array(0);
  for (const n of names) values[n] = empty;
  return { ...values };
}

const REGION_TEMPLATE = template(Object.keys(REGION_SERIES) as RegionSeriesName[]);
const SIZE_CLASS_TEMPLATE = template(Object.keys(SIZE_CLASS_SERIES) as SizeClassSeriesName[]);
const MUNICIPALITY_TEMPLATE = template(Object.keys(MUNICIPALITY_SERIES) as MunicipalitySeriesName[]);

/**
 * A series whose value arrays are consecutive slices of `block` from `offset` on. Slices of one
 * block per run: a typed array with a buffer of its own costs about ten times as much to create.
 * The months are known up front (every run records every month), so they are filled here.
 */
function emptySeries<N extends string>(
  shape: Record<N, Float64Array>,
  block: Float64Array,
  offset: number,
  length: number,
  months: readonly number[],
): Series<N> {
  const values = { ...shape };
  let at = offset;
  for (const n in values) {
    values[n] = block.subarray(at, at + length);
    at += length;
  }
  return { months: months.slice(), values };
}

export function makeRecorder(state: ModelState): Recorder {
  const months = state.horizon;
  const years = Math.ceil(months / 12);
  const regionSize = Object.keys(REGION_TEMPLATE).length * months;
  const classSize = Object.keys(SIZE_CLASS_TEMPLATE).length * months;
  const munSize = Object.keys(MUNICIPALITY_TEMPLATE).length * years;
  const block = new Float64Array(regionSize + 4 * classSize + state.municipalities.length * munSize);
  // Every month, and the last month of each year (of a partial last year too): what record() writes at.
  const monthly: number[] = [];
  const yearEnds: number[] = [];
  for (let t = 0; t < months; t++) {
    monthly.push(t);
    if (t % 12 === 11 || t === months - 1) yearEnds.push(t);
  }
  const sizeClass: Array<Series<SizeClassSeriesName>> = [];
  for (let k = 0; k < 4; k++)
    sizeClass.push(emptySeries(SIZE_CLASS_TEMPLATE, block, regionSize + k * classSize, months, monthly));
  const municipality: Array<Series<MunicipalitySeriesName>> = [];
  for (let i = 0; i < state.municipalities.length; i++)
    municipality.push(
      emptySeries(MUNICIPALITY_TEMPLATE, block, regionSize + 4 * classSize + i * munSize, years, yearEnds),
    );
  return {
    region: emptySeries(REGION_TEMPLATE, block, 0, months, monthly),
    sizeClass,
    municipality,
    monthHires: 0,
    monthLeavers: 0,
    monthSalaries: 0,
    monthConsultants: 0,
    monthFees: 0,
  };
}

/** Running sums of record() per size class and per role, reused from month to month (see scratch.ts). */
const classReady = new Float64Array(4);
const classTarget = new Float64Array(4);
const classOwn = new Float64Array(4);
const classPool = new Float64Array(4);
const classCons = new Float64Array(4);
const know = new Float64Array(ROLE_COUNT);
/** regionTrust's four means, reused: amongMembers, membersNonMembers, inPool, all. */
const trustMeans = new Float64Array(4);

/**
 * 9. Record this month's outputs. Indexed loops only: this runs every month, and an array
 * iterator that V8 does not optimise away is garbage.
 */
export function record(state: ModelState, rec: Recorder): void {
  const t = state.t;
  const v = rec.region.values;
  const muns = state.municipalities;
  let ready = 0;
  let target = 0;
  let backlog = 0;
  let demand = 0;
  let own = 0;
  let pool = 0;
  let cons = 0;
  let vacancies = 0;
  let crises = 0;
  zeroRoles(know);
  zeroFirst(classReady, 4);
  zeroFirst(classTarget, 4);
  zeroFirst(classOwn, 4);
  zeroFirst(classPool, 4);
  zeroFirst(classCons, 4);
  const T = state.roleTable;
  for (let i = 0; i < muns.length; i++) {
    const m = muns[i];
    const at = i * ROLE_COUNT;
    ready += m.ready;
    target += m.refReady;
    backlog += backlogFteMonths(state, m);
    const c = m.sizeClass;
    classReady[c] += m.ready;
    classTarget[c] += m.refReady;
    for (let r = 0; r < ROLE_COUNT; r++) {
      demand += T.demand[at + r];
      own += T.staffCount[at + r];
      pool += T.poolFte[at + r];
      cons += T.consultantFte[at + r];
      vacancies += m.vacancies[r].length;
      know[r] += T.knowledge[at + r];
      classOwn[c] += T.staffCount[at + r];
      classPool[c] += T.poolFte[at + r];
      classCons[c] += T.consultantFte[at + r];
    }
    if (t <= m.crisisUntil) crises++;
  }
  v.dwellingsReady[t] = ready;
  v.dwellingsTarget[t] = target;
  v.progressShare[t] = target > 0 ? ready / target : 0;
  v.backlogFteMonths[t] = backlog;
  v.demandFte[t] = demand;
  v.fteOwn[t] = own;
  v.ftePool[t] = pool;
  v.fteConsultants[t] = cons;
  v.vacanciesOpen[t] = vacancies;
  v.hires[t] = rec.monthHires;
  v.leavers[t] = rec.monthLeavers;
  let seekers = 0;
  const workers = state.workers;
  for (let k = 0; k < workers.length; k++) if (workers[k].place === Place.Searching) seekers++;
  v.jobSeekers[t] = seekers;
  v.spendSalaries[t] = rec.monthSalaries;
  v.spendConsultants[t] = rec.monthConsultants;
  v.spendFees[t] = rec.monthFees;
  v.knowledgeSpecialist[t] = know[0];
  v.knowledgeLocal[t] = know[1];
  v.knowledgeProcess[t] = know[2];
  v.knowledgeLostLeavers[t] = state.tally.knowledgeLostLeavers;
  v.knowledgeLostConsultants[t] = state.tally.knowledgeLostConsultants;
  v.crisesActive[t] = crises;

  const pools = state.pools;
  let poolVacancies = 0;
  for (let k = 0; k < pools.length; k++) {
    const p = pools[k];
    poolVacancies += p.vacancies[0].length + p.vacancies[1].length + p.vacancies[2].length;
  }
  const cv = state.consultancy.vacancies;
  v.vacanciesOpenPool[t] = poolVacancies;
  v.vacanciesOpenConsultancy[t] = cv[0].length + cv[1].length + cv[2].length;
  v.marketTightness[t] = state.tightness;
  let alive = 0;
  let memberCount = 0;
  let legitimacy = 0;
  let observers = 0;
  let staff = 0;
  let util = 0;
  let staffedAlive = 0;
  let reserve = 0;
  let poolKnow = 0;
  regionTrustInto(state, trustMeans);
  for (let k = 0; k < pools.length; k++) {
    const p = pools[k];
    if (!p.exists) continue;
    alive++;
    const list = members(state, p);
    for (let j = 0; j < list.length; j++) legitimacy += list[j].legitimacy;
    memberCount += list.length;
    for (let j = 0; j < p.area.length; j++) if (muns[p.area[j]].membership === Membership.Observer) observers++;
    staff += poolStaffCount(p);
    if (p.capacity[0] + p.capacity[1] + p.capacity[2] > 0) {
      util += utilisation(p);
      staffedAlive++;
    }
    reserve += p.reserve;
    poolKnow += p.knowledge[0] + p.knowledge[1] + p.knowledge[2];
  }
  v.poolsAlive[t] = alive;
  v.poolMembers[t] = memberCount;
  v.legitimacy[t] = memberCount > 0 ? legitimacy / memberCount : Number.NaN;
  v.poolObservers[t] = observers;
  v.poolStaff[t] = staff;
  v.poolUtilisation[t] = staffedAlive > 0 ? util / staffedAlive : 0;
  v.poolReserve[t] = reserve;
  v.knowledgePool[t] = poolKnow;
  v.trustAmongMembers[t] = trustMeans[0];
  v.trustMembersNonMembers[t] = trustMeans[1];
  v.trustInPool[t] = trustMeans[2];

  for (let c = 0; c < rec.sizeClass.length; c++) {
    const values = rec.sizeClass[c].values;
    values.progressShare[t] = classTarget[c] > 0 ? classReady[c] / classTarget[c] : Number.NaN;
    values.fteOwn[t] = classOwn[c];
    values.ftePool[t] = classPool[c];
    values.fteConsultants[t] = classCons[c];
  }

  if (t % 12 === 11 || t === state.horizon - 1) {
    const y = Math.floor(t / 12);
    for (let i = 0; i < muns.length; i++) {
      const m = muns[i];
      const mv = rec.municipality[m.idx].values;
      mv.progressShare[y] = m.refReady > 0 ? m.ready / m.refReady : 0;
      mv.dwellingsReady[y] = m.ready;
      mv.dwellingsTarget[y] = m.refReady;
      mv.fteOwn[y] = m.staff[0].length + m.staff[1].length + m.staff[2].length;
      mv.ftePool[y] = m.poolFte[0] + m.poolFte[1] + m.poolFte[2];
      mv.fteConsultants[y] = m.consultantFte[0] + m.consultantFte[1] + m.consultantFte[2];
      mv.membership[y] = m.membership;
      mv.trustInPool[y] = m.poolTrust;
      mv.knowledgeSpecialist[y] = m.knowledge[0];
      mv.knowledgeLocal[y] = m.knowledge[1];
      mv.knowledgeProcess[y] = m.knowledge[2];
    }
  }
  rec.monthHires = 0;
  rec.monthLeavers = 0;
  rec.monthSalaries = 0;
  rec.monthConsultants = 0;
  rec.monthFees = 0;
}

/** Membership flags of regionTrust by area position, reused (see scratch.ts). */
let isMemberBuf = new Uint8Array(64);

/** Mean dyadic trust among members, between members and non-members, and of members in their pool. */
export function regionTrust(state: ModelState): {
  amongMembers: number;
  membersNonMembers: number;
  inPool: number;
  all: number;
} {
  const out = new Float64Array(4);
  regionTrustInto(state, out);
  return { amongMembers: out[0], membersNonMembers: out[1], inPool: out[2], all: out[3] };
}

/** regionTrust's means into out: amongMembers, membersNonMembers, inPool, all (no object per month). */
function regionTrustInto(state: ModelState, out: Float64Array): void {
  let among = 0;
  let amongN = 0;
  let cross = 0;
  let crossN = 0;
  let inPool = 0;
  let inPoolN = 0;
  let all = 0;
  let allN = 0;
  const pools = state.pools;
  for (let k = 0; k < pools.length; k++) {
    const pool = pools[k];
    const n = pool.area.length;
    if (isMemberBuf.length < n) isMemberBuf = new Uint8Array(n);
    const isMember = isMemberBuf;
    isMember.fill(0, 0, n);
    for (let x = 0; x < n; x++) {
      const mx = state.municipalities[pool.area[x]];
      if (pool.exists && mx.membership === Membership.Member) {
        isMember[x] = 1;
        inPool += mx.poolTrust;
        inPoolN++;
      }
    }
    const trust = pool.trust;
    for (let x = 0; x < n; x++) {
      const xIn = isMember[x];
      for (let y = 0; y < n; y++) {
        if (x === y) continue;
        const value = trust[x * n + y];
        all += value;
        allN++;
        const yIn = isMember[y];
        if (xIn && yIn) {
          among += value;
          amongN++;
        } else if (xIn !== yIn) {
          cross += value;
          crossN++;
        }
      }
    }
  }
  out[0] = amongN > 0 ? among / amongN : Number.NaN;
  out[1] = crossN > 0 ? cross / crossN : Number.NaN;
  out[2] = inPoolN > 0 ? inPool / inPoolN : Number.NaN;
  out[3] = allN > 0 ? all / allN : Number.NaN;
}
