import { roleIndices } from './levers.js';
import { exp, log, pow } from './math/index.js';
import type { ModelInput } from './model-input.js';
import type { Parameters } from './parameters.js';
import { specialismCoverage } from './production.js';
import { defaultHistory, distanceMatrix } from './region-links.js';
import { clampedNormal, geometricMonths, makeStreams, type Uniform } from './rng.js';
import { makeRoleTable, roleView } from './role-table.js';
import {
  doubleList,
  freshCopy,
  MUNICIPALITY_FRACTIONS,
  objectList,
  POOL_FRACTIONS,
  QUARREL_FRACTIONS,
  STATE_FRACTIONS,
  TALLY_FRACTIONS,
  withDoubleSlots,
  zeroMatrix,
} from './shapes.js';
import {
  type Consultancy,
  type ExitPayment,
  Membership,
  type ModelState,
  type Municipality,
  Node,
  Place,
  type Pool,
  type Quarrel,
  ROLE_COUNT,
  type RoleTable,
  type Worker,
} from './state.js';
import { runTables } from './tables.js';

/** Converts a yearly probability into the monthly probability with the same yearly total. */
export function perMonth(perYear: number): number {
  return 1 - pow(1 - Math.min(perYear, 0.999999), 1 / 12);
}

const logistic = (x: number) => 1 / (1 + exp(-x));

/**
 * "Small" everywhere in regiosim (equity metrics, charts, findings): under 50,000 inhabitants,
 * i.e. the first two size classes.
 */
export const SMALL_POPULATION = 50_000;
export function isSmall(population: number): boolean {
  return population < SMALL_POPULATION;
}

/** Size classes by population: <20k, 20-50k, 50-100k, ≥100k (CBS classes, calibration H1). */
export const SIZE_CLASS_NAMES = ['under20k', '20to50k', '50to100k', 'over100k'] as const;
export function sizeClassOf(population: number): number {
  return population < 20_000 ? 0 : population < 50_000 ? 1 : population < 100_000 ? 2 : 3;
}

/** Work mix per phase, normalised to sum to one. */
function workMix(p: Parameters) {
  const plan = Float64Array.of(p.mixPlanSpecialist, p.mixPlanLocal, p.mixPlanProcess);
  const exec = Float64Array.of(p.mixExecSpecialist, p.mixExecLocal, p.mixExecProcess);
  for (const mix of [plan, exec]) {
    const sum = mix[0] + mix[1] + mix[2];
    for (let r = 0; r < ROLE_COUNT; r++) mix[r] /= sum;
  }
  return { plan, exec };
}

/** Draws a count with the given expectation: floor plus one with the fractional probability. */
function stochasticRound(x: number, u: Uniform): number {
  const f = Math.floor(x);
  return f + (u.next() < x - f ? 1 : 0);
}

export function newWorker(state: ModelState, role: number, home: number, ageMonths: number, origin: Node): Worker {
  const w: Worker = {
    id: state.nextWorkerId++,
    role,
    place: Place.Searching,
    employer: -1,
    home,
    ageMonths,
    tenureMonths: 0,
    experience: 0,
    searchMonths: 0,
    origin,
    client: -1,
    contractEnd: 0,
  };
  state.workers.push(w);
  return w;
}

function initMunicipality(
  input: ModelInput,
  idx: number,
  p: Parameters,
  mix: ReturnType<typeof workMix>,
  traits: Uniform,
  table: RoleTable,
): Municipality {
  const d = input.municipalities[idx];
  const dwellings = d.population / p.personsPerDwelling;
  const workScale = pow(d.population / p.scaleReferencePopulation, p.scaleEconomyExponent) * p.demandIntensity;
  const releasePerMonth = dwellings / p.releaseMonths;
  const needFte = new Float64Array(ROLE_COUNT);
  for (let r = 0; r < ROLE_COUNT; r++) {
    needFte[r] =
      releasePerMonth * workScale * (p.planWorkPerDwelling * mix.plan[r] + p.execWorkPerDwelling * mix.exec[r]);
  }
  // Traits: a fixed number of draws per municipality, whatever the levers, so runs stay paired.
  const autonomyAversion = clampedNormal(traits, p.autonomyAversionMean, p.autonomyAversionSd, 0, 1);
  const nih = clampedNormal(traits, p.nihMean, p.nihSd, 0, 1);
  const allowance = clampedNormal(
    traits,
    p.salaryAllowanceMean + p.salaryAllowanceSizeSlope * log(d.population / p.scaleReferencePopulation),
    p.salaryAllowanceSd,
    0,
    p.salaryAllowanceMax,
  );
  const wageIndex = 1 + allowance;
  // Start in the pipeline's steady state, as if planning had been going on before 2026.
  const toPlan = releasePerMonth * p.planClearMonths;
  const planned = releasePerMonth * p.execClearMonths;
  const totalNeed = needFte[0] + needFte[1] + needFte[2];
  const m: Municipality = {
    idx,
    code: d.code,
    name: d.name,
    population: d.population,
    dwellings,
    workScale,
    sizeClass: sizeClassOf(d.population),
    urbanity: d.urbanityCode,
    wageIndex,
    autonomyAversion,
    nih,
    needFte,
    demand: roleView(table, 'demand', idx),
    released: Math.min(dwellings, toPlan + planned),
    toPlan,
    planned,
    ready: 0,
    refToPlan: toPlan,
    refPlanned: planned,
    refReady: 0,
    staff: [objectList<Worker>(), objectList<Worker>(), objectList<Worker>()],
    vacancies: [[], [], []],
    repostAfter: new Int32Array(ROLE_COUNT),
    knowledge: roleView(table, 'knowledge', idx),
    budgetYear: p.budgetCoverage * totalNeed * 12 * p.internalCostPerFteMonth * wageIndex,
    spentSalaries: 0,
    spentConsultants: 0,
    spentFees: 0,
    feeCommitment: 0,
    ownFte: roleView(table, 'ownFte', idx),
    poolFte: roleView(table, 'poolFte', idx),
    consultantFte: roleView(table, 'consultantFte', idx),
    crisisClaim: roleView(table, 'crisisClaim', idx),
    ownEffectiveFte: roleView(table, 'ownEffectiveFte', idx),
    workOwn: roleView(table, 'workOwn', idx),
    workPool: roleView(table, 'workPool', idx),
    workConsultants: roleView(table, 'workConsultants', idx),
    valueAvg: 0,
    feeAvg: 0,
    feePaidMonth: 0,
    overload: roleView(table, 'overload', idx),
    shortfall: roleView(table, 'shortfall', idx),
    requested: roleView(table, 'requested', idx),
    servedRatio: -1,
    requestingSince: -1,
    servedMonths: 0,
    consultantOrders: [],
    poolArea: -1,
    areaPos: -1,
    neighbours: [],
    membership: Membership.Outside,
    joinAt: -1,
    memberSince: -1,
    termEnd: -1,
    leaveAt: -1,
    leaveReason: '',
    founder: false,
    lateJoiner: false,
    refuser: input.refusers.includes(d.code),
    legitimacy: 0,
    outsiderLocalAvg: 0,
    savingAvg: 0,
    decisionDraw: 0,
    exitPayments: objectList<ExitPayment>(),
    lateJoins: 0,
    poolTrust: 0.5,
    poolTrustPrior: 0.5,
    servedShareAvg: 0,
    servedRecent: 1,
    netBenefitAvg: 0,
    crisisUntil: -1,
    crisisOnsets: [],
    crisisDurations: [],
    nextCrisis: 0,
    progressMonth: 0,
    knowledgeReceived: 0,
    valueReceived: 0,
  };
  withDoubleSlots(m, MUNICIPALITY_FRACTIONS);
  return m;
}

function preDrawEvents(u: Uniform, pEvent: number, horizon: number, withSecond: boolean) {
  const onsets: number[] = [];
  const seconds: number[] = [];
  let t = 0;
  for (;;) {
    t += geometricMonths(u.next(), pEvent);
    if (t > horizon) break;
    onsets.push(t - 1);
    if (withSecond) seconds.push(u.next());
  }
  return { onsets, seconds };
}

function initPool(
  input: ModelInput,
  state: ModelState,
  k: number,
  byCode: Map<string, number>,
  adjacent: Set<number>,
): Pool {
  const p = state.p;
  const areaDef = input.poolAreas[k];
  const area: number[] = [];
  for (const c of areaDef.memberCodes) area.push(byCode.get(c)!);
  const n = area.length;
  let seat = area[0];
  for (const i of area) if (state.municipalities[i].population > state.municipalities[seat].population) seat = i;
  const history = new Float64Array(n * n);
  const trustPrior = new Float64Array(n * n);
  for (let x = 0; x < n; x++) {
    for (let y = 0; y < n; y++) {
      if (x === y) continue;
      const a = area[x];
      const b = area[y];
      history[x * n + y] = defaultHistory(input, a, b, adjacent.has(a * state.municipalities.length + b), p);
    }
  }
  for (const o of input.historyOverrides) {
    const x = area.indexOf(byCode.get(o.a)!);
    const y = area.indexOf(byCode.get(o.b)!);
    if (x >= 0 && y >= 0) {
      history[x * n + y] = o.value;
      history[y * n + x] = o.value;
    }
  }
  for (let x = 0; x < n; x++) {
    for (let y = 0; y < n; y++) {
      if (x === y) continue;
      const sizeGap = Math.abs(
        log(state.municipalities[area[x]].population / state.municipalities[area[y]].population),
      );
      trustPrior[x * n + y] = logistic(
        p.trustPriorIntercept + p.trustHistoryWeight * history[x * n + y] - p.trustSizeWeight * sizeGap,
      );
    }
  }
  // Quarrels are pre-drawn per pair from their own stream: levers never shift them.
  const quarrels: Quarrel[] = [];
  const pQuarrel = perMonth(p.quarrelPerPairPerYear);
  for (let x = 0; x < n; x++) {
    for (let y = x + 1; y < n; y++) {
      const ev = preDrawEvents(state.rng.quarrels, pQuarrel, state.horizon, true);
      const q: Quarrel = { a: x, b: y, onsets: ev.onsets, resolveDraws: ev.seconds, next: 0, activeUntil: -1, drop: 0 };
      withDoubleSlots(q, QUARREL_FRACTIONS);
      quarrels.push(q);
    }
  }
  const pool: Pool = {
    idx: k,
    code: areaDef.code,
    name: areaDef.name,
    area,
    seat,
    exists: false,
    formedAt: -1,
    dissolvedAt: -1,
    dissolveReason: '',
    staff: [objectList<Worker>(), objectList<Worker>(), objectList<Worker>()],
    vacancies: [[], [], []],
    knowledge: new Float64Array(ROLE_COUNT),
    localKnowledge: new Float64Array(n),
    reserve: 0,
    rampUntil: -1,
    successSignal: 0,
    sponsorUntil: -1,
    fixedFeeTotal: 0,
    usagePrice: 0,
    capacity: new Float64Array(ROLE_COUNT),
    allocated: new Float64Array(ROLE_COUNT),
    unserved: new Float64Array(ROLE_COUNT),
    otherDomainFte: 0,
    crisisFte: 0,
    utilisationWindow: doubleList(),
    unservedWindow: doubleList(),
    nonViableMonths: 0,
    founders: objectList<string>(),
    lateJoiners: objectList<string>(),
    lateJoins: 0,
    exits: objectList<Pool['exits'][number]>(),
    trust: Float64Array.from(trustPrior),
    trustPrior,
    history,
    quarrels,
    ...quarrelSchedule(quarrels),
    quarrelCursor: 0,
    activeQuarrels: [],
    inQuarrel: new Uint8Array(n * n),
    incomeFees: 0,
    incomeSponsor: 0,
    incomeOtherDomains: 0,
    costStaff: 0,
    costOverhead: 0,
    recallers: [],
    maxMembers: 0,
    memberCache: null,
    memberPopulation: 0,
  };
  withDoubleSlots(pool, POOL_FRACTIONS);
  return pool;
}

/** Flattens the pairs' pre-drawn onsets into one schedule in month order (pair order within a month). */
function quarrelSchedule(quarrels: Quarrel[]) {
  const events: Array<[number, number, number]> = [];
  quarrels.forEach((q, i) => {
    q.onsets.forEach((month, k) => {
      events.push([month, i, k]);
    });
  });
  events.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  return {
    quarrelEventMonth: Int32Array.from(events, (e) => e[0]),
    quarrelEventPair: Int32Array.from(events, (e) => e[1]),
    quarrelEventK: Int32Array.from(events, (e) => e[2]),
  };
}

/** Builds the state at month 0 from a checked model input and a run seed. */
export function initState(input: ModelInput, seed: number): ModelState {
  // Spread copies: V8 keeps these with fast properties (the registry-built originals are
  // dictionary-mode objects with 150+ keys), and hot loops read them every month.
  const p = freshCopy(input.parameters);
  const rng = makeStreams(seed);
  const mix = workMix(p);
  const n = input.municipalities.length;
  // Arrays the monthly code reads are built by push, never by map(): map() makes a holey or a
  // packed array depending on whether V8 optimised the caller, and a new array shape part way
  // through a batch deoptimises every function that reads it.
  const roleTable = makeRoleTable(n);
  const municipalities: Municipality[] = [];
  for (let i = 0; i < n; i++) municipalities.push(initMunicipality(input, i, p, mix, rng.traits, roleTable));
  const byCode = new Map(municipalities.map((m) => [m.code, m.idx]));

  const distanceKm = distanceMatrix(input.municipalities);
  // Adjacent pairs as a * n + b (a number key hashes faster than a string).
  const adjacent = new Set<number>();
  for (const link of input.adjacency) {
    const a = byCode.get(link.a);
    const b = byCode.get(link.b);
    if (a === undefined || b === undefined) continue;
    adjacent.add(a * n + b);
    adjacent.add(b * n + a);
    municipalities[a].neighbours.push(b);
    municipalities[b].neighbours.push(a);
  }
  let marketSeat = 0;
  for (const m of municipalities) if (m.population > municipalities[marketSeat].population) marketSeat = m.idx;

  const consultancy: Consultancy = {
    staff: [objectList<Worker>(), objectList<Worker>(), objectList<Worker>()],
    vacancies: [[], [], []],
  };
  const totalNeed = municipalities.reduce((s, m) => s + m.needFte[0] + m.needFte[1] + m.needFte[2], 0);
  const state: ModelState = {
    t: 0,
    horizon: input.horizonMonths,
    p,
    levers: freshCopy(input.levers),
    pooledRoles: roleIndices(input.levers.poolRoles),
    rng,
    municipalities,
    roleTable,
    pools: objectList<Pool>(),
    consultancy,
    workers: objectList<Worker>(),
    nextWorkerId: 0,
    distanceKm,
    marketSeat,
    entrantCarry: 0,
    entrantsPerMonth: (p.supplyRatio * p.referenceTurnoverPerYear * totalNeed) / 12,
    tightness: 0,
    totalNeed,
    workMix: mix,
    decayRate: Float64Array.of(p.decaySpecialist, p.decayLocal, p.decayProcess),
    leaverLoss: Float64Array.of(p.leaverLossSpecialist, p.leaverLossLocal, p.leaverLossProcess),
    tally: {
      flows: zeroMatrix(8),
      tenureAtExit: [],
      vacancyDurations: [[], [], []],
      vacanciesWithdrawn: [0, 0, 0],
      salaries: 0,
      consultants: 0,
      fees: 0,
      exitFees: 0,
      sponsor: 0,
      budgets: 0,
      knowledgeLostLeavers: 0,
      knowledgeLostConsultants: 0,
      knowledgeLostToRegion: 0,
      munStaffMonths: 0,
      munLeavers: 0,
      munHiresFromOutsideSector: 0,
      munHires: 0,
      fteMonthsOwn: 0,
      fteMonthsPool: 0,
      fteMonthsConsultants: 0,
      crises: 0,
      quarrels: 0,
      recalls: 0,
    },
    tables: runTables(p, municipalities, specialismCoverage),
    hazards: {
      base: perMonth(p.baseExitPerYear),
      newHire: perMonth(p.newHireExtraExitPerYear),
      isolation: perMonth(p.isolationExtraExitPerYear),
      overload: perMonth(p.overloadExtraExitPerYear),
      earlyRetire: perMonth(p.earlyRetirementPerYear),
    },
  };

  withDoubleSlots(state, STATE_FRACTIONS);
  withDoubleSlots(state.tally, TALLY_FRACTIONS);

  // Crises: pre-drawn onsets and durations per municipality from their own stream.
  for (const m of municipalities) {
    const ev = preDrawEvents(rng.crises, p.crisisPerMonth, state.horizon, true);
    m.crisisOnsets = ev.onsets;
    m.crisisDurations = [];
    for (const u of ev.seconds) m.crisisDurations.push(geometricMonths(u, 1 / p.crisisMeanMonths));
  }
  for (let k = 0; k < input.poolAreas.length; k++) state.pools.push(initPool(input, state, k, byCode, adjacent));
  for (const pool of state.pools) {
    pool.area.forEach((i, pos) => {
      const m = municipalities[i];
      m.poolArea = pool.idx;
      m.areaPos = pos;
    });
  }

  // Staff in post: a share of the need, with ages and experience from the municipal workforce.
  const wf = rng.workforce;
  for (const m of municipalities) {
    for (let r = 0; r < ROLE_COUNT; r++) {
      const count = stochasticRound(p.initialStaffShare * m.needFte[r], wf);
      for (let k = 0; k < count; k++) {
        const age = clampedNormal(wf, p.initialAgeMean, p.initialAgeSd, 22, 66);
        const w = newWorker(state, r, m.idx, Math.round(age * 12), Node.Municipality);
        w.place = Place.Municipality;
        w.employer = m.idx;
        const maxTenure = (age - 22) * 12;
        w.tenureMonths = Math.floor(Math.min(maxTenure, -log(1 - wf.next()) * p.initialTenureMonths));
        w.experience = Math.min(maxTenure, -log(1 - wf.next()) * p.initialExperienceMonths);
        m.staff[r].push(w);
        roleTable.staffCount[m.idx * ROLE_COUNT + r]++;
        m.knowledge[r] += p.hireImportShare * w.experience;
      }
    }
  }
  // The consultancy serving the market, on the bench until the first orders arrive.
  const need: number[] = [];
  for (let r = 0; r < ROLE_COUNT; r++) need.push(municipalities.reduce((s, m) => s + m.needFte[r], 0));
  for (let r = 0; r < ROLE_COUNT; r++) {
    const count = stochasticRound(p.consultancyInitialShare * need[r], wf);
    for (let k = 0; k < count; k++) {
      const age = clampedNormal(wf, p.midCareerAgeMean, p.initialAgeSd, 22, 66);
      const home = municipalities[Math.floor(wf.next() * n)].idx;
      const w = newWorker(state, r, home, Math.round(age * 12), Node.Consultancy);
      w.place = Place.Consultancy;
      w.employer = 0;
      w.experience = -log(1 - wf.next()) * p.initialExperienceMonths;
      consultancy.staff[r].push(w);
    }
  }
  return state;
}
