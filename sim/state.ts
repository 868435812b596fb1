import type { Levers } from './levers.js';
import type { Parameters } from './parameters.js';
import type { Streams } from './rng.js';
import type { RunTables } from './tables.js';

/** Role indices: specialist, local, process. Per-role arrays are indexed by these. */
export const S = 0;
export const L = 1;
export const P = 2;
export const ROLE_COUNT = 3;
export const ROLE_NAMES = ['specialist', 'local', 'process'] as const;

/** Where a worker is. Every worker in the market is in exactly one place. */
export const enum Place {
  Municipality = 0,
  Pool = 1,
  Consultancy = 2,
  /** In the market without a job: entrants, released pool staff. */
  Searching = 3,
  /** Left the market (retired, private sector); kept only as a count. */
  Gone = 4,
}

/** Origins of hires and destinations of leavers, for the labour-flow matrix. */
export const FLOW_NODES = [
  'municipality',
  'pool',
  'consultancy',
  'searching',
  'entrant',
  'outsideRegion',
  'retirement',
  'privateSector',
] as const;
export const enum Node {
  Municipality = 0,
  Pool = 1,
  Consultancy = 2,
  Searching = 3,
  Entrant = 4,
  OutsideRegion = 5,
  Retirement = 6,
  PrivateSector = 7,
}

export interface Worker {
  id: number;
  role: number;
  place: Place;
  /** Index of the municipality or pool; 0 for the consultancy; -1 when searching. */
  employer: number;
  home: number;
  ageMonths: number;
  tenureMonths: number;
  /** Own experience in knowledge units (months of effective work in the role). */
  experience: number;
  /** Months spent searching without a job. */
  searchMonths: number;
  /** Where the worker came from, for the flow matrix when hired. */
  origin: Node;
  /** Consultancy staff: municipality served (-1 = on the bench) and the month the assignment ends. */
  client: number;
  contractEnd: number;
}

export const enum Membership {
  Outside = 0,
  Observer = 1,
  Member = 2,
}

/** One early exit's payment schedule (taper rule): the monthly amount at the start, its first month, the pool paid. */
export interface ExitPayment {
  monthly: number;
  from: number;
  pool: number;
}

export interface Municipality {
  idx: number;
  code: string;
  name: string;
  population: number;
  dwellings: number;
  /** Work per dwelling relative to the reference size (economies of scale). */
  workScale: number;
  sizeClass: number;
  urbanity: number;
  wageIndex: number;
  autonomyAversion: number;
  nih: number;
  /** Steady FTE need per role at full pace (the AEF-style need). */
  needFte: Float64Array;
  /** This month's demand per role, FTE. */
  demand: Float64Array;
  /** Pipeline stocks in dwellings. */
  released: number;
  toPlan: number;
  planned: number;
  ready: number;
  /** The same pipeline at unlimited capacity: the target progress is measured against. */
  refToPlan: number;
  refPlanned: number;
  refReady: number;
  staff: Worker[][];
  /** Open vacancies per role, as the month each was posted (oldest first). */
  vacancies: number[][];
  /** Per role: no new vacancy before this month (a withdrawn one is not reposted at once). */
  repostAfter: Int32Array;
  knowledge: Float64Array;
  budgetYear: number;
  /** Money spent this year, by kind. */
  spentSalaries: number;
  spentConsultants: number;
  spentFees: number;
  /** Fees the municipality expects to pay per month (fixed part plus last month's usage). */
  feeCommitment: number;
  /** Capacity this month by source and role, FTE (headcount, before quality). */
  ownFte: Float64Array;
  poolFte: Float64Array;
  consultantFte: Float64Array;
  /** Pool capacity per role this member claimed for crisis work this month (recall rule). */
  crisisClaim: Float64Array;
  /** Own staff FTE per role left for heat work this month (after crisis diversion). */
  ownEffectiveFte: Float64Array;
  /** Work done this month per role by source, effective FTE-months. */
  workOwn: Float64Array;
  workPool: Float64Array;
  workConsultants: Float64Array;
  /** Running means (about a year) of value received, fee paid and net benefit (share of the monthly budget). */
  valueAvg: number;
  feeAvg: number;
  feePaidMonth: number;
  /** Demand over own capacity, last month (drives overload exits). */
  overload: Float64Array;
  /** Shortfall per role after own staff and consultants, this month. */
  shortfall: Float64Array;
  requested: Float64Array;
  /**
   * Pool service this month against what the member could fairly expect: allocation divided by
   * the smaller of its request and its population share of capacity; -1 when it asked for nothing.
   */
  servedRatio: number;
  /** Month since which the member has been asking continuously (first-come-first-served order). */
  requestingSince: number;
  /** Consecutive months the member's request has been met in full. */
  servedMonths: number;
  /** Consultant orders waiting: [role, readyAt, orderedAt] triples flattened. */
  consultantOrders: number[];
  poolArea: number;
  /** Position within its pool area (index into the area's trust matrices). */
  areaPos: number;
  neighbours: number[];
  membership: Membership;
  joinAt: number;
  memberSince: number;
  termEnd: number;
  leaveAt: number;
  leaveReason: string;
  founder: boolean;
  lateJoiner: boolean;
  refuser: boolean;
  /** Whether the member can explain its membership to council and residents, 0..1. */
  legitimacy: number;
  /** Share of its local work done by outsiders (pool staff, consultants), about a year's mean. */
  outsiderLocalAvg: number;
  /** Under efficiency framing: realised saving on pool hours against the consultant price, about a year's mean. */
  savingAvg: number;
  /** This month's uniform draw from the decisions stream (every municipality draws every month). */
  decisionDraw: number;
  /** Exit payments still owed after early exits, one schedule per exit (a second exit adds, never replaces). */
  exitPayments: ExitPayment[];
  /** Times this municipality joined after founding. */
  lateJoins: number;
  poolTrust: number;
  poolTrustPrior: number;
  /** Rolling evaluations for exit reasons and expectations. */
  servedShareAvg: number;
  /** Served ratio over about a quarter: what trust in the pool responds to. */
  servedRecent: number;
  netBenefitAvg: number;
  crisisUntil: number;
  /** Pre-drawn crisis onsets and durations (months), lever-independent. */
  crisisOnsets: number[];
  crisisDurations: number[];
  nextCrisis: number;
  /** Progress this month, dwellings. */
  progressMonth: number;
  /** Knowledge received from the pool this month (units), for broad evaluation. */
  knowledgeReceived: number;
  valueReceived: number;
}

export interface Quarrel {
  a: number;
  b: number;
  onsets: number[];
  resolveDraws: number[];
  next: number;
  activeUntil: number;
  drop: number;
}

export interface PoolExit {
  month: number;
  code: string;
  reason: string;
}

export interface Pool {
  idx: number;
  code: string;
  name: string;
  /** Municipality indices of the area. */
  area: number[];
  /** Seat: the area's largest municipality (commute and accessibility of pool jobs). */
  seat: number;
  exists: boolean;
  formedAt: number;
  dissolvedAt: number;
  dissolveReason: string;
  staff: Worker[][];
  vacancies: number[][];
  knowledge: Float64Array;
  /** Local knowledge the pool's staff hold of each area municipality (by area position): it does not travel. */
  localKnowledge: Float64Array;
  reserve: number;
  /** End of the ramp-up period after founding. */
  rampUntil: number;
  /** Members' mean net benefit over about a year: the success non-members observe. */
  successSignal: number;
  sponsorUntil: number;
  /** Fixed fees per month, split over members by population share. */
  fixedFeeTotal: number;
  usagePrice: number;
  /** Per-role capacity, allocation and unserved requests this month, FTE. */
  capacity: Float64Array;
  allocated: Float64Array;
  unserved: Float64Array;
  otherDomainFte: number;
  crisisFte: number;
  utilisationWindow: number[];
  unservedWindow: number[];
  nonViableMonths: number;
  founders: string[];
  /** Distinct municipalities that joined after founding, and the number of such joins. */
  lateJoiners: string[];
  lateJoins: number;
  exits: PoolExit[];
  /** Dyadic trust and shared history among the area's municipalities (n×n, row = truster). */
  trust: Float64Array;
  trustPrior: Float64Array;
  history: Float64Array;
  quarrels: Quarrel[];
  /** All quarrel onsets of the area in month order (then pair order): quarrel index and event number. */
  quarrelEventMonth: Int32Array;
  quarrelEventPair: Int32Array;
  quarrelEventK: Int32Array;
  quarrelCursor: number;
  /** Quarrels in progress, and the dyads they freeze (n×n flags). */
  activeQuarrels: number[];
  inQuarrel: Uint8Array;
  /** Money, cumulative. */
  incomeFees: number;
  incomeSponsor: number;
  incomeOtherDomains: number;
  costStaff: number;
  costOverhead: number;
  /** Recall events this month: municipality indices that pulled pool staff. */
  recallers: number[];
  maxMembers: number;
  /** Current members, rebuilt after any membership change (see pool.ts members()). */
  memberCache: Municipality[] | null;
  memberPopulation: number;
}

export interface Consultancy {
  staff: Worker[][];
  vacancies: number[][];
}

/** Cumulative counters for the end-of-run summary. */
export interface Tally {
  flows: number[][];
  tenureAtExit: number[];
  /** Months from posting to filling, per employer kind (municipality, pool, consultancy). */
  vacancyDurations: number[][];
  /** Vacancies withdrawn unfilled, per employer kind. */
  vacanciesWithdrawn: number[];
  salaries: number;
  consultants: number;
  fees: number;
  exitFees: number;
  sponsor: number;
  budgets: number;
  knowledgeLostLeavers: number;
  knowledgeLostConsultants: number;
  knowledgeLostToRegion: number;
  munStaffMonths: number;
  munLeavers: number;
  munHiresFromOutsideSector: number;
  munHires: number;
  fteMonthsOwn: number;
  fteMonthsPool: number;
  fteMonthsConsultants: number;
  crises: number;
  quarrels: number;
  recalls: number;
}

/**
 * The municipalities' per-role numbers in one flat array per field, at [idx * ROLE_COUNT + role]
 * (struct of arrays; made by makeRoleTable in role-table.ts). Each municipality's own per-role
 * arrays (m.demand, m.knowledge, ...) are views into these, so code that reads one municipality
 * keeps its m.demand[r] while the monthly loops over all municipalities read the flat arrays: one
 * dense array per field instead of a pointer chase from every municipality to its own small array.
 */
export interface RoleTable {
  /** Own staff in post (headcount), kept equal to m.staff[role].length by init and hire/detach. */
  staffCount: Int32Array;
  demand: Float64Array;
  knowledge: Float64Array;
  ownFte: Float64Array;
  ownEffectiveFte: Float64Array;
  poolFte: Float64Array;
  consultantFte: Float64Array;
  crisisClaim: Float64Array;
  workOwn: Float64Array;
  workPool: Float64Array;
  workConsultants: Float64Array;
  overload: Float64Array;
  shortfall: Float64Array;
  requested: Float64Array;
}

export interface ModelState {
  t: number;
  horizon: number;
  p: Parameters;
  levers: Levers;
  /** Role indices the pool employs and serves (lever poolRoles), worked out once. */
  pooledRoles: readonly number[];
  rng: Streams;
  municipalities: Municipality[];
  /** The municipalities' per-role numbers as flat arrays (their own per-role arrays are views into these). */
  roleTable: RoleTable;
  pools: Pool[];
  consultancy: Consultancy;
  workers: Worker[];
  nextWorkerId: number;
  /** Distance in km between municipality centroids, n×n. */
  distanceKm: Float32Array;
  /** Index of the largest municipality in the market (consultancy seat). */
  marketSeat: number;
  /** Fractional entrants carried to the next month (keeps the yearly inflow exact). */
  entrantCarry: number;
  entrantsPerMonth: number;
  /** Labour-market tightness: open vacancies of all employers / total need, at the end of last month (capped at 1). */
  tightness: number;
  totalNeed: number;
  workMix: { plan: Float64Array; exec: Float64Array };
  decayRate: Float64Array;
  leaverLoss: Float64Array;
  tally: Tally;
  /** Logs and exponentials of counts, worked out once per run (tables.ts). */
  tables: RunTables;
  /** Monthly hazard conversions, precomputed. */
  hazards: {
    base: number;
    newHire: number;
    isolation: number;
    overload: number;
    earlyRetire: number;
  };
}
