import { isSmall } from './init.js';
import type { ModelInput } from './model-input.js';
import { type MunicipalityRecord, municipalityRecord } from './municipality-record.js';
import type { Recorder } from './outputs.js';
import { regionTrust } from './outputs.js';
import { members, poolStaffCount } from './pool.js';
import { withDoubleSlots } from './shapes.js';
import { FLOW_NODES, Membership, type ModelState, Node, ROLE_COUNT } from './state.js';

/** One pool's history. */
export interface PoolRecord {
  code: string;
  name: string;
  formedAt: number;
  /** -1 if the pool survived the horizon. */
  dissolvedAt: number;
  dissolveReason: string;
  founders: string[];
  lateJoiners: string[];
  /** Joins after founding (rejoins count again). */
  lateJoins: number;
  exits: Array<{ month: number; code: string; reason: string }>;
  maxMembers: number;
  membersEnd: number;
  staffEnd: number;
}

export type { MunicipalityRecord } from './municipality-record.js';

export interface RunSummary {
  /** Flat numeric metrics, one column each in runs.csv (names and meanings in SUMMARY_METRICS). */
  metrics: Record<SummaryMetric, number>;
  /** Hires by origin and leavers by destination: flows[from][to], labelled by FLOW_NODES. */
  flows: Record<string, Record<string, number>>;
  pools: PoolRecord[];
  municipalities: MunicipalityRecord[];
}

/** Every summary metric with its meaning: the documented columns of runs.csv. */
export const SUMMARY_METRICS = {
  progress2030: 'dwellings made ready by end 2030 / full-pace target by then',
  progress2050: 'dwellings made ready by end 2050 / full-pace target by then (NaN if the horizon ends earlier)',
  dwellingsReady2030: 'dwellings made ready by end 2030',
  dwellingsReady2050: 'dwellings made ready by end 2050',
  dwellingsReadyEnd: 'dwellings made ready by the end of the run',
  needFte: 'FTE need of the region at full pace (AEF-style)',
  staffOwnStart: 'own heat-transition staff in January of the first year',
  staffOwnEnd: 'own staff at the end',
  gapFteEnd: 'need minus own staff, pool staff at work and consultants, at the end',
  fteOwnMean: 'mean own FTE over the run',
  ftePoolMean: 'mean pool FTE working for municipalities',
  fteConsultantsMean: 'mean consultant FTE',
  capacityShareOwn: 'share of FTE-months from own staff',
  capacitySharePool: 'share of FTE-months from pool staff',
  capacityShareConsultants: 'share of FTE-months from consultants',
  munHires: 'hires by municipalities',
  munLeavers: 'staff leaving municipalities (any destination)',
  munOutflowRatePerYear: 'leavers per year / mean own staff',
  munInflowRatePerYear: 'hires per year / mean own staff',
  sectorOutflowRatePerYear:
    'leavers to outside the municipal sector (not to another municipality) per year / mean own staff (calibration pattern E4: 8.3%)',
  sectorInflowRatePerYear:
    'hires from outside the municipal sector per year / mean own staff (calibration pattern E2: 15.9% in a growing sector)',
  tenureAtExitMeanMonths: 'mean tenure of staff leaving municipalities, months',
  tenureAtExitMedianMonths: 'median tenure at exit, months',
  vacancyMonthsMean: 'mean months from posting to filling a municipal vacancy (filled ones; NaN if none was filled)',
  vacancyMonthsMedian: 'median months to fill a municipal vacancy (NaN if none was filled)',
  vacancyMonthsMeanPool: 'mean months from posting to filling a pool vacancy (NaN if none was filled)',
  vacancyMonthsMeanConsultancy: 'mean months from posting to filling a consultancy vacancy (NaN if none was filled)',
  vacanciesWithdrawn: 'municipal vacancies withdrawn after vacancyWithdrawMonths unfilled',
  vacancyWithdrawnShare: 'withdrawn / (withdrawn + filled) municipal vacancies (NaN if none ended)',
  vacanciesOpenEnd: 'open vacancies at municipalities at the end',
  spendSalaries: 'municipal salaries, EUR',
  spendConsultants: 'municipal consultant spend, EUR',
  spendFees: 'pool fees paid (including exit fees), EUR',
  sponsorMoney: 'sponsor money paid into pools, EUR',
  budgetTotal: 'municipal staffing budgets over the run, EUR',
  externalSpendShare: 'consultant spend / (salaries + consultant spend)',
  costPerDwelling: 'salaries, consultants and fees per dwelling made ready, EUR',
  knowledgeSpecialistEnd: 'municipal specialist knowledge at the end, units',
  knowledgeLocalEnd: 'municipal local knowledge at the end, units',
  knowledgeProcessEnd: 'municipal process knowledge at the end, units',
  knowledgePoolEnd: "pools' collective memory at the end, units",
  knowledgeRetainedEnd: 'municipal plus pool knowledge at the end, units',
  knowledgeLostLeavers: 'knowledge lost with leavers, units',
  knowledgeLostConsultants: 'knowledge made by consultants that left with them, units',
  knowledgeLostToRegion: 'knowledge that left the region (retirement, private sector, dissolved pools), units',
  poolsFormed: 'pools founded',
  poolsAliveEnd: 'pools alive at the end',
  poolSurvived: 'share of founded pools alive at the end',
  poolLifetimeMonths: 'mean months from founding to dissolution or the end',
  poolDissolvedMonth: 'mean month of dissolution of dissolved pools (NaN if none)',
  poolFounders: 'founding members',
  poolLateJoiners: 'distinct municipalities that joined after founding',
  poolLateJoins: 'joins after founding (a municipality that left and rejoined counts each time)',
  poolExits: 'exits by members (including at dissolution)',
  poolMembersEnd: 'members at the end',
  poolMembersMax: 'largest number of members',
  poolObserversEnd: 'observers at the end',
  poolStaffEnd: 'pool staff at the end',
  poolStaffMean: 'mean pool staff while alive',
  poolUtilisationMean: 'mean utilisation of live staffed pools',
  poolReserveEnd: 'pool reserves at the end, EUR',
  membershipShareEnd: 'members at the end / municipalities in pool areas',
  memberShareMean: 'members / municipalities in pool areas, mean over all months of the run (0 while no pool exists)',
  legitimacyEnd: "mean legitimacy of members' membership at the end (NaN without members)",
  trustAmongMembersEnd: 'mean dyadic trust among members at the end (NaN without members)',
  trustMembersNonMembersEnd: 'mean dyadic trust between members and non-members at the end',
  trustInPoolEnd: 'mean trust of members in their pool at the end',
  trustMeanEnd: 'mean dyadic trust in all pool areas at the end',
  progressSmall2030: 'progress2030 of small municipalities (under 50,000 inhabitants; NaN if the region has none)',
  progressLarge2030: 'progress2030 of municipalities of 50,000 or more (NaN if the region has none)',
  equityRatio2030: 'progressSmall2030 / progressLarge2030',
  equityGap2030: 'progressLarge2030 - progressSmall2030',
  progressSmall2050: 'progress2050 of municipalities under 50,000 inhabitants',
  progressLarge2050: 'progress2050 of municipalities of 50,000 or more',
  crises: 'local crises',
  quarrels: 'quarrels between municipalities',
} as const;
export type SummaryMetric = keyof typeof SUMMARY_METRICS;
const METRIC_NAMES = Object.keys(SUMMARY_METRICS) as SummaryMetric[];

function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  // A typed array sorts numerically without calling a comparator per pair (the values are whole
  // months, never NaN or -0, so the order is the same as sort((a, b) => a - b)).
  const sorted = Float64Array.from(values).sort();
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Mean of a list (NaN if empty). Lists only: one argument kind keeps V8's compiled code for it stable. */
function mean(values: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return values.length ? s / values.length : Number.NaN;
}

/** Mean of a recorded series (mean() for a Float64Array). */
function seriesMean(values: Float64Array): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i];
  return values.length ? s / values.length : Number.NaN;
}

/** Sum over municipalities of one role's knowledge (in municipality order). */
function knowledgeSum(state: ModelState, role: number): number {
  let s = 0;
  for (let i = 0; i < state.municipalities.length; i++) s += state.municipalities[i].knowledge[role];
  return s;
}

/** xs.map(f) built by push (see knowEnd in buildSummary). */
function pushed<T>(xs: readonly T[], f: (x: T) => number): number[] {
  const out: number[] = [];
  for (const x of xs) out.push(f(x));
  return out;
}

/** Month index of December of a calendar year, or -1 if outside the horizon. */
function yearEnd(input: ModelInput, year: number): number {
  const t = (year - input.startYear + 1) * 12 - 1;
  return t >= 0 && t < input.horizonMonths ? t : -1;
}

export function buildSummary(state: ModelState, rec: Recorder, input: ModelInput): RunSummary {
  const tally = state.tally;
  const region = rec.region.values;
  const t2030 = yearEnd(input, 2030);
  const t2050 = yearEnd(input, 2050);
  const years = state.horizon / 12;
  const at = (series: Float64Array, t: number) => (t >= 0 ? series[t] : Number.NaN);
  const last = state.horizon - 1;

  // Per-municipality values at the year ends, from the yearly series.
  const yearly = (i: number, _t: number) => rec.municipality[i].values;
  /** Progress of the municipalities below (small) or at and above 50,000 inhabitants. */
  const group = (small: boolean, t: number) => {
    if (t < 0) return Number.NaN;
    let ready = 0;
    let target = 0;
    for (const m of state.municipalities) {
      if (isSmall(m.population) !== small) continue;
      ready += yearly(m.idx, t).dwellingsReady[Math.floor(t / 12)];
      target += yearly(m.idx, t).dwellingsTarget[Math.floor(t / 12)];
    }
    return target > 0 ? ready / target : Number.NaN;
  };

  let need = 0;
  let membersEnd = 0;
  let observersEnd = 0;
  let areaSize = 0;
  for (const m of state.municipalities) {
    for (let r = 0; r < ROLE_COUNT; r++) need += m.needFte[r];
  }
  const founded = state.pools.filter((p) => p.formedAt >= 0);
  const dissolved = founded.filter((p) => p.dissolvedAt >= 0);
  for (const pool of state.pools) {
    areaSize += pool.area.length;
    if (!pool.exists) continue;
    membersEnd += members(state, pool).length;
    for (const i of pool.area) if (state.municipalities[i].membership === Membership.Observer) observersEnd++;
  }
  const poolStaffSeries = region.poolStaff;
  let staffSum = 0;
  let staffMonths = 0;
  let utilSum = 0;
  let utilMonths = 0;
  for (let t = 0; t < state.horizon; t++) {
    if (region.poolsAlive[t] > 0) {
      staffSum += poolStaffSeries[t];
      staffMonths++;
    }
    if (region.poolStaff[t] > 0) {
      utilSum += region.poolUtilisation[t];
      utilMonths++;
    }
  }
  const fteTotal = tally.fteMonthsOwn + tally.fteMonthsPool + tally.fteMonthsConsultants;
  const meanOwn = tally.munStaffMonths / state.horizon;
  const betweenMunicipalities = tally.flows[Node.Municipality][Node.Municipality];
  const trust = regionTrust(state);
  const small2030 = group(true, t2030);
  const large2030 = group(false, t2030);
  const ready2030 = at(region.dwellingsReady, t2030);
  // Built by push, never map(): a map() result's array shape depends on whether V8 optimised this function.
  const knowEnd: number[] = [];
  for (let r = 0; r < ROLE_COUNT; r++) knowEnd.push(knowledgeSum(state, r));
  const poolKnowEnd = state.pools.reduce((s, p) => s + p.knowledge[0] + p.knowledge[1] + p.knowledge[2], 0);
  const metrics: Record<SummaryMetric, number> = {
    progress2030: at(region.progressShare, t2030),
    progress2050: at(region.progressShare, t2050),
    dwellingsReady2030: ready2030,
    dwellingsReady2050: at(region.dwellingsReady, t2050),
    dwellingsReadyEnd: region.dwellingsReady[last],
    needFte: need,
    staffOwnStart: rec.region.values.fteOwn[0],
    staffOwnEnd: region.fteOwn[last],
    gapFteEnd: need - region.fteOwn[last] - region.ftePool[last] - region.fteConsultants[last],
    fteOwnMean: tally.fteMonthsOwn / state.horizon,
    ftePoolMean: tally.fteMonthsPool / state.horizon,
    fteConsultantsMean: tally.fteMonthsConsultants / state.horizon,
    capacityShareOwn: fteTotal > 0 ? tally.fteMonthsOwn / fteTotal : Number.NaN,
    capacitySharePool: fteTotal > 0 ? tally.fteMonthsPool / fteTotal : Number.NaN,
    capacityShareConsultants: fteTotal > 0 ? tally.fteMonthsConsultants / fteTotal : Number.NaN,
    munHires: tally.munHires,
    munLeavers: tally.munLeavers,
    munOutflowRatePerYear: meanOwn > 0 ? tally.munLeavers / years / meanOwn : Number.NaN,
    munInflowRatePerYear: meanOwn > 0 ? tally.munHires / years / meanOwn : Number.NaN,
    sectorOutflowRatePerYear: meanOwn > 0 ? (tally.munLeavers - betweenMunicipalities) / years / meanOwn : Number.NaN,
    sectorInflowRatePerYear: meanOwn > 0 ? tally.munHiresFromOutsideSector / years / meanOwn : Number.NaN,
    tenureAtExitMeanMonths: mean(tally.tenureAtExit),
    tenureAtExitMedianMonths: median(tally.tenureAtExit),
    vacancyMonthsMean: mean(tally.vacancyDurations[0]),
    vacancyMonthsMedian: median(tally.vacancyDurations[0]),
    vacancyMonthsMeanPool: mean(tally.vacancyDurations[1]),
    vacancyMonthsMeanConsultancy: mean(tally.vacancyDurations[2]),
    vacanciesWithdrawn: tally.vacanciesWithdrawn[0],
    vacancyWithdrawnShare:
      tally.vacanciesWithdrawn[0] + tally.vacancyDurations[0].length > 0
        ? tally.vacanciesWithdrawn[0] / (tally.vacanciesWithdrawn[0] + tally.vacancyDurations[0].length)
        : Number.NaN,
    vacanciesOpenEnd: region.vacanciesOpen[last],
    spendSalaries: tally.salaries,
    spendConsultants: tally.consultants,
    spendFees: tally.fees + tally.exitFees,
    sponsorMoney: tally.sponsor,
    budgetTotal: tally.budgets,
    externalSpendShare:
      tally.salaries + tally.consultants > 0 ? tally.consultants / (tally.salaries + tally.consultants) : Number.NaN,
    costPerDwelling:
      region.dwellingsReady[last] > 0
        ? (tally.salaries + tally.consultants + tally.fees + tally.exitFees) / region.dwellingsReady[last]
        : Number.NaN,
    knowledgeSpecialistEnd: knowEnd[0],
    knowledgeLocalEnd: knowEnd[1],
    knowledgeProcessEnd: knowEnd[2],
    knowledgePoolEnd: poolKnowEnd,
    knowledgeRetainedEnd: knowEnd[0] + knowEnd[1] + knowEnd[2] + poolKnowEnd,
    knowledgeLostLeavers: tally.knowledgeLostLeavers,
    knowledgeLostConsultants: tally.knowledgeLostConsultants,
    knowledgeLostToRegion: tally.knowledgeLostToRegion,
    poolsFormed: founded.length,
    poolsAliveEnd: founded.length - dissolved.length,
    poolSurvived: founded.length > 0 ? (founded.length - dissolved.length) / founded.length : Number.NaN,
    poolLifetimeMonths:
      founded.length > 0
        ? mean(pushed(founded, (p) => (p.dissolvedAt >= 0 ? p.dissolvedAt : state.horizon) - p.formedAt))
        : Number.NaN,
    poolDissolvedMonth: dissolved.length > 0 ? mean(pushed(dissolved, (p) => p.dissolvedAt)) : Number.NaN,
    poolFounders: founded.reduce((s, p) => s + p.founders.length, 0),
    poolLateJoiners: founded.reduce((s, p) => s + p.lateJoiners.length, 0),
    poolLateJoins: founded.reduce((s, p) => s + p.lateJoins, 0),
    poolExits: founded.reduce((s, p) => s + p.exits.length, 0),
    poolMembersEnd: membersEnd,
    poolMembersMax: founded.reduce((s, p) => s + p.maxMembers, 0),
    poolObserversEnd: observersEnd,
    poolStaffEnd: state.pools.reduce((s, p) => s + poolStaffCount(p), 0),
    poolStaffMean: staffMonths > 0 ? staffSum / staffMonths : 0,
    poolUtilisationMean: utilMonths > 0 ? utilSum / utilMonths : Number.NaN,
    poolReserveEnd: state.pools.reduce((s, p) => s + (p.exists ? p.reserve : 0), 0),
    membershipShareEnd: areaSize > 0 ? membersEnd / areaSize : Number.NaN,
    memberShareMean: areaSize > 0 ? seriesMean(region.poolMembers) / areaSize : Number.NaN,
    legitimacyEnd: region.legitimacy[last],
    trustAmongMembersEnd: trust.amongMembers,
    trustMembersNonMembersEnd: trust.membersNonMembers,
    trustInPoolEnd: trust.inPool,
    trustMeanEnd: trust.all,
    progressSmall2030: small2030,
    progressLarge2030: large2030,
    equityRatio2030: small2030 / large2030,
    equityGap2030: large2030 - small2030,
    progressSmall2050: group(true, t2050),
    progressLarge2050: group(false, t2050),
    crises: tally.crises,
    quarrels: tally.quarrels,
  };
  // A metric that was whole in every run so far and then takes a fraction would change the object's
  // shape part way through a batch and throw away this function's compiled code (see shapes.ts).
  withDoubleSlots(metrics, METRIC_NAMES);
  const flows: Record<string, Record<string, number>> = {};
  FLOW_NODES.forEach((from, a) => {
    flows[from] = {};
    FLOW_NODES.forEach((to, b) => {
      if (tally.flows[a][b] > 0) flows[from][to] = tally.flows[a][b];
    });
  });
  return {
    metrics,
    flows,
    pools: founded.map((p) => ({
      code: p.code,
      name: p.name,
      formedAt: p.formedAt,
      dissolvedAt: p.dissolvedAt,
      dissolveReason: p.dissolveReason,
      founders: p.founders,
      lateJoiners: p.lateJoiners,
      lateJoins: p.lateJoins,
      exits: p.exits,
      maxMembers: p.maxMembers,
      membersEnd: p.exists ? members(state, p).length : 0,
      staffEnd: poolStaffCount(p),
    })),
    municipalities: state.municipalities.map((m) =>
      municipalityRecord(m, rec, t2030 < 0 ? -1 : Math.floor(t2030 / 12), t2050 < 0 ? -1 : Math.floor(t2050 / 12)),
    ),
  };
}
