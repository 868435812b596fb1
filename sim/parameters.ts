/**
 * The parameter registry: the one place where every numeric model parameter is defined, with its
 * default, plausible range (what sensitivity analysis samples), unit, evidence tag and source.
 * Scenarios override parameters by name; `resolveParameters` rejects unknown names and values
 * outside the range. The ODD parameter table (docs/ODD.md) is generated from this file.
 *
 * Tags: E empirical, D derived from an empirical figure, A assumption (to be varied).
 * Source codes (A7, E4, F8, ...) refer to docs/CALIBRATION-SOURCES in the ODD's input-data section.
 */

export type EvidenceTag = 'E' | 'D' | 'A';

export type ParameterGroup =
  | 'demand'
  | 'labour'
  | 'money'
  | 'consultants'
  | 'knowledge'
  | 'trust'
  | 'crises'
  | 'decisions'
  | 'pool';

export interface ParameterDef {
  default: number;
  min: number;
  max: number;
  unit: string;
  tag: EvidenceTag;
  group: ParameterGroup;
  /** What it means, in one sentence. */
  description: string;
  /** Where the default comes from and why it has this value. */
  source: string;
  /** True for counts and months that must be whole numbers. */
  integer?: boolean;
}

const defs = {
  // ---- 3.1 demand and production -------------------------------------------------------------
  personsPerDwelling: {
    default: 2.15, min: 2.0, max: 2.3, unit: 'persons/dwelling', tag: 'A', group: 'demand',
    description: 'Converts population into dwellings (no dwelling data in the CBS extract).',
    source: 'About 2.1 persons per household nationally (CBS); data/README.md.',
  },
  planWorkPerDwelling: {
    default: 0.045, min: 0.03, max: 0.06, unit: 'FTE-month/dwelling', tag: 'D', group: 'demand',
    description: 'Work to draft the neighbourhood plan (WUP) for one dwelling, at the reference size.',
    source: 'A7, A9: 1.5 FTE for 2 years per WUP of 650-950 dwellings = 36 FTE-months / 800.',
  },
  execWorkPerDwelling: {
    default: 0.18, min: 0.12, max: 0.24, unit: 'FTE-month/dwelling', tag: 'D', group: 'demand',
    description: 'Work to carry out the plan for one dwelling, at the reference size.',
    source: 'A8, A9: 2 FTE for 6 years per WUP of 650-950 dwellings = 144 FTE-months / 800.',
  },
  planClearMonths: {
    default: 24, min: 12, max: 36, unit: 'months', tag: 'E', group: 'demand', integer: true,
    description: 'Fastest pace of planning: released dwellings are planned at 1/this of the queue per month.',
    source: 'A7: a WUP takes about 2 years to draft.',
  },
  execClearMonths: {
    default: 72, min: 48, max: 96, unit: 'months', tag: 'E', group: 'demand', integer: true,
    description: 'Fastest pace of execution: planned dwellings are made ready at 1/this of the queue per month.',
    source: 'A8: a WUP takes about 6 years to carry out.',
  },
  releaseMonths: {
    default: 300, min: 240, max: 360, unit: 'months', tag: 'A', group: 'demand', integer: true,
    description: 'Months over which a municipality releases all its dwellings to planning (2026 to 2050).',
    source: 'Target: all dwellings off natural gas by 2050 (Klimaatakkoord); linear release is an assumption.',
  },
  scaleReferencePopulation: {
    default: 15000, min: 15000, max: 15000, unit: 'inhabitants', tag: 'D', group: 'demand',
    description: 'Population at which the work per dwelling equals the WUP figures (a small municipality).',
    source: 'A5: with the WUP figures a 15,000-inhabitant municipality needs about 5 heat FTE = 60% of 8-9 FTE (A11).',
  },
  scaleEconomyExponent: {
    default: -0.35, min: -0.5, max: -0.2, unit: '-', tag: 'D', group: 'demand',
    description: 'Elasticity of work per dwelling to population: larger municipalities need less work per dwelling.',
    source: 'Fit of AEF/ROB FTE needs per size class (A2-A5): FTE ∝ population^0.65.',
  },
  demandIntensity: {
    default: 1.0, min: 0.7, max: 1.5, unit: '×', tag: 'A', group: 'demand',
    description: 'Multiplier on all work per dwelling (ambition, technical complexity).',
    source: 'Uncertainty around A1-A5; Drenthe reports 160 FTE needed (A15), the size-class fit gives about 125.',
  },
  mixPlanSpecialist: {
    default: 0.5, min: 0.3, max: 0.7, unit: 'share', tag: 'A', group: 'demand',
    description: 'Share of planning work that needs specialists (technical, financial, legal).',
    source: 'Planning is specialist-heavy (heat sources, costs, Wcw); MODEL.md 3.1. Mixes are normalised to sum to 1.',
  },
  mixPlanLocal: {
    default: 0.2, min: 0.1, max: 0.4, unit: 'share', tag: 'A', group: 'demand',
    description: 'Share of planning work that needs local (participation, residents) staff.',
    source: 'MODEL.md 3.1.',
  },
  mixPlanProcess: {
    default: 0.3, min: 0.2, max: 0.5, unit: 'share', tag: 'A', group: 'demand',
    description: 'Share of planning work that needs process staff (project leaders).',
    source: 'MODEL.md 3.1.',
  },
  mixExecSpecialist: {
    default: 0.2, min: 0.1, max: 0.4, unit: 'share', tag: 'A', group: 'demand',
    description: 'Share of execution work that needs specialists.',
    source: 'Drenthe: demand for project leaders more than content specialists (D5, seed 2025).',
  },
  mixExecLocal: {
    default: 0.4, min: 0.2, max: 0.5, unit: 'share', tag: 'A', group: 'demand',
    description: 'Share of execution work that needs local staff.',
    source: 'Execution is residents and stakeholders work; MODEL.md 3.1.',
  },
  mixExecProcess: {
    default: 0.4, min: 0.2, max: 0.5, unit: 'share', tag: 'A', group: 'demand',
    description: 'Share of execution work that needs process staff.',
    source: 'Drenthe case (D5).',
  },
  // ---- 3.2 labour market ---------------------------------------------------------------------
  supplyRatio: {
    default: 0.6, min: 0.2, max: 1.6, unit: 'ratio', tag: 'A', group: 'labour',
    description:
      'Labour scarcity: professionals entering the market per year, relative to the yearly leavers of a fully staffed sector (need × total attrition). 1 = supply replaces leavers at full staffing.',
    source: 'Scarcity levels: low 1.3, medium 0.9, high 0.6, extreme 0.35; high reproduces the Drenthe gap (A15).',
  },
  initialStaffShare: {
    default: 0.35, min: 0.2, max: 0.8, unit: 'share of need', tag: 'E', group: 'labour',
    description: 'Own staff in post in January 2026 as a share of each municipality\'s FTE need.',
    source: 'A15: Drenthe 50-60 FTE available against 160 needed.',
  },
  entrantShareSpecialist: {
    default: 0.4, min: 0.2, max: 0.6, unit: 'share', tag: 'A', group: 'labour',
    description: 'Share of new professionals trained as specialists (rest split over local and process).',
    source: 'Assumption; roles in the entrant stream follow the average demand mix.',
  },
  entrantShareLocal: {
    default: 0.3, min: 0.15, max: 0.45, unit: 'share', tag: 'A', group: 'labour',
    description: 'Share of new professionals in local (participation) roles.',
    source: 'Assumption.',
  },
  baseExitPerYear: {
    default: 0.03, min: 0.015, max: 0.06, unit: '/year', tag: 'D', group: 'labour',
    description: 'Yearly hazard of leaving the heat-transition market (private sector, other fields), any tenure.',
    source: 'Calibrated so that total outflow from municipalities is about 8.3%/year (E4) together with retirement and moves.',
  },
  newHireExtraExitPerYear: {
    default: 0.04, min: 0.0, max: 0.1, unit: '/year', tag: 'A', group: 'labour',
    description: 'Extra exit hazard in the first months of a job (mismatch).',
    source: 'Higher hazard in the first 36 months (MODEL.md 3.2).',
  },
  newHireMonths: {
    default: 36, min: 12, max: 48, unit: 'months', tag: 'A', group: 'labour', integer: true,
    description: 'Tenure below which the new-hire exit hazard applies.',
    source: 'MODEL.md 3.2.',
  },
  isolationExtraExitPerYear: {
    default: 0.05, min: 0.0, max: 0.12, unit: '/year', tag: 'A', group: 'labour',
    description: 'Extra exit hazard for a specialist who is the only one in the role at the employer.',
    source: 'WRR (G3): isolation and little career room in small municipalities; Haaksbergen (A19).',
  },
  overloadExtraExitPerYear: {
    default: 0.05, min: 0.0, max: 0.12, unit: '/year per unit overload', tag: 'A', group: 'labour',
    description: 'Extra exit hazard per unit of overload (demand/capacity − 1, capped at 1).',
    source: 'Assumption; overload is a main reason to leave (E7).',
  },
  retirementAge: {
    default: 67, min: 66, max: 68, unit: 'years', tag: 'E', group: 'labour',
    description: 'Age at which a worker retires.',
    source: 'Dutch state pension age (AOW) 67 from 2024.',
  },
  earlyRetirementAge: {
    default: 62, min: 60, max: 65, unit: 'years', tag: 'A', group: 'labour',
    description: 'Age from which early retirement is possible.',
    source: 'Assumption.',
  },
  earlyRetirementPerYear: {
    default: 0.08, min: 0.0, max: 0.2, unit: '/year', tag: 'A', group: 'labour',
    description: 'Yearly early-retirement hazard between the early and the regular retirement age.',
    source: 'Assumption.',
  },
  initialAgeMean: {
    default: 47.2, min: 44, max: 50, unit: 'years', tag: 'E', group: 'labour',
    description: 'Mean age of staff in post at the start.',
    source: 'E18: municipal staff average 47.2 years (2022).',
  },
  initialAgeSd: {
    default: 11, min: 8, max: 13, unit: 'years', tag: 'D', group: 'labour',
    description: 'Standard deviation of the starting age (clamped to 22..66).',
    source: 'E18: 18% under 35 and 17% aged 60+ imply a standard deviation of about 11 years.',
  },
  entrantAgeMean: {
    default: 31, min: 25, max: 38, unit: 'years', tag: 'A', group: 'labour',
    description: 'Mean age of new professionals (graduates and career switchers).',
    source: 'Assumption.',
  },
  entrantAgeSd: {
    default: 7, min: 3, max: 10, unit: 'years', tag: 'A', group: 'labour',
    description: 'Standard deviation of the entrant age (clamped to 22..60).',
    source: 'Assumption.',
  },
  initialExperienceMonths: {
    default: 48, min: 12, max: 120, unit: 'months', tag: 'A', group: 'labour',
    description: 'Mean experience in role of staff in post at the start (exponentially distributed).',
    source: 'Assumption; the heat task is young (TVW 2021).',
  },
  onJobSearchPerMonth: {
    default: 0.015, min: 0.005, max: 0.03, unit: '/month', tag: 'A', group: 'labour',
    description: 'Monthly probability that an employed worker looks at other vacancies.',
    source: 'Literature range 1-3% (model-literature 6.4); doubled for overloaded or isolated workers.',
  },
  vacanciesSampled: {
    default: 4, min: 2, max: 8, unit: 'vacancies', tag: 'A', group: 'labour', integer: true,
    description: 'Vacancies a searching worker looks at per month.',
    source: 'Literature k ≈ 3-5 (model-literature 6.4).',
  },
  wageWeight: {
    default: 10, min: 5, max: 15, unit: 'utility/ln wage', tag: 'A', group: 'labour',
    description: 'Logit weight of the log wage index in job choice (10% more pay ≈ 0.95 utility).',
    source: 'Scale for the other job-choice weights, which are set relative to wage.',
  },
  teamWeight: {
    default: 0.25, min: 0.0, max: 0.6, unit: 'utility/ln colleagues', tag: 'A', group: 'labour',
    description: 'Logit weight of ln(1 + same-role colleagues): peers and career room.',
    source: 'WRR (G3); from 0 to 3 colleagues is worth about 3.5% of wage.',
  },
  varietyWeight: {
    default: 0.6, min: 0.0, max: 1.2, unit: 'utility', tag: 'A', group: 'labour',
    description: 'Logit value of the variety a pool or consultancy offers (work for several municipalities).',
    source: 'Flexibility worth 8-20% of wage (Mas & Pallais 2017; model-literature 6.4): 0.6 ≈ 6%.',
  },
  commuteWeightPer10Km: {
    default: 0.25, min: 0.05, max: 0.6, unit: 'utility/10 km', tag: 'A', group: 'labour',
    description: 'Disutility per 10 km between the worker\'s home and the employer\'s centroid.',
    source: 'Assumption; in a national run this makes the market one pond with a distance penalty.',
  },
  accessibilityWeight: {
    default: 0.12, min: 0.0, max: 0.3, unit: 'utility/urbanity step', tag: 'A', group: 'labour',
    description: 'Value of an employer in a more urban (accessible) place, per CBS urbanity step.',
    source: 'MODEL.md 2: urbanity as a proxy for accessibility.',
  },
  outsideWageIndex: {
    default: 1.25, min: 1.0, max: 1.5, unit: 'index', tag: 'A', group: 'labour',
    description: 'Pay of the outside option (private sector) relative to the CAO scale.',
    source: 'E15: recruitment improves when salaries for scarce occupations approach market pay.',
  },
  outsideOptionConstant: {
    default: -2.2, min: -4, max: 0, unit: 'utility', tag: 'D', group: 'labour',
    description: 'Non-wage utility of the outside option (attachment to public work); sets how many searchers leave.',
    source: 'Calibrated with supplyRatio to the inflow pattern (E2).',
  },
  switchingCost: {
    default: 0.8, min: 0.2, max: 2.0, unit: 'utility', tag: 'A', group: 'labour',
    description: 'Utility an employed searcher needs to gain before changing employer.',
    source: 'Assumption (notice, settling in).',
  },
  maxSearchMonths: {
    default: 6, min: 2, max: 12, unit: 'months', tag: 'A', group: 'labour', integer: true,
    description: 'Months a jobless searcher stays in the market before leaving it.',
    source: 'Assumption.',
  },
  salaryAllowanceMax: {
    default: 0.15, min: 0.1, max: 0.2, unit: 'share of salary', tag: 'E', group: 'labour',
    description: 'Ceiling of the labour-market allowance on the CAO scale.',
    source: 'F3: arbeidsmarkttoelage raised to 15%.',
  },
  salaryAllowanceMean: {
    default: 0.05, min: 0.0, max: 0.1, unit: 'share of salary', tag: 'A', group: 'labour',
    description: 'Mean allowance of a municipality of median size.',
    source: 'Assumption.',
  },
  salaryAllowanceSizeSlope: {
    default: 0.02, min: 0.0, max: 0.05, unit: 'share per ln(pop/median)', tag: 'A', group: 'labour',
    description: 'How much more allowance larger municipalities pay.',
    source: 'MODEL.md 2: salary level lower on average in small municipalities.',
  },
  salaryAllowanceSd: {
    default: 0.03, min: 0.0, max: 0.06, unit: 'share of salary', tag: 'A', group: 'labour',
    description: 'Spread of the allowance between municipalities of the same size.',
    source: 'Assumption.',
  },
  poolWageIndex: {
    default: 1.06, min: 1.0, max: 1.15, unit: 'index', tag: 'A', group: 'labour',
    description: 'Pay of pool staff relative to the CAO scale (often the province scale).',
    source: 'Drenthe: staff employed by the province (D4).',
  },
  consultancyWageIndex: {
    default: 1.15, min: 1.0, max: 1.4, unit: 'index', tag: 'A', group: 'labour',
    description: 'Pay of consultancy staff relative to the CAO scale.',
    source: 'Assumption; consultancies pay above the public scale (model-literature 6.4).',
  },
  // ---- money ---------------------------------------------------------------------------------
  internalCostPerFteMonth: {
    default: 8750, min: 7500, max: 10000, unit: 'EUR/FTE-month', tag: 'D', group: 'money',
    description: 'Loaded monthly cost of one FTE on the CAO scale (index 1).',
    source: 'B5: EUR 100-115k loaded per FTE-year.',
  },
  budgetCoverage: {
    default: 0.75, min: 0.4, max: 1.2, unit: 'share of need', tag: 'D', group: 'money',
    description: 'Yearly staffing budget as a share of the cost of the FTE need at internal cost.',
    source: 'B1, B5, A16: CDOKE pays for about 3,000-3,500 of 4,800-5,800 needed FTE; heat is the largest share (A11).',
  },
  // ---- consultants ---------------------------------------------------------------------------
  consultantPremium: {
    default: 1.8, min: 1.6, max: 2.0, unit: '× internal cost', tag: 'E', group: 'consultants',
    description: 'Price of a consultant FTE-month relative to the internal cost.',
    source: 'F8: external rates 1.6-2.0 × the salary of a comparable employee.',
  },
  consultantLeadMonths: {
    default: 2, min: 1, max: 3, unit: 'months', tag: 'A', group: 'consultants', integer: true,
    description: 'Months between ordering a consultant and the start of the work.',
    source: 'model-literature 6.4 (1-3 months).',
  },
  consultantContractMonths: {
    default: 6, min: 3, max: 12, unit: 'months', tag: 'A', group: 'consultants', integer: true,
    description: 'Length of a consultant assignment.',
    source: 'Assumption.',
  },
  consultantProductivity: {
    default: 0.9, min: 0.7, max: 1.1, unit: '× own staff', tag: 'A', group: 'consultants',
    description: 'Output of a consultant FTE relative to an own FTE of full quality (before local fit).',
    source: 'Assumption: experienced, but needs briefing.',
  },
  consultancyInitialShare: {
    default: 0.08, min: 0.02, max: 0.2, unit: 'share of need', tag: 'D', group: 'consultants',
    description: 'Consultancy staff serving the region at the start, as a share of the region\'s FTE need.',
    source: 'Calibrated to external hiring ≈ 17% of the wage bill (F5).',
  },
  consultancyBench: {
    default: 0.15, min: 0.0, max: 0.4, unit: 'share', tag: 'A', group: 'consultants',
    description: 'Spare staff a consultancy keeps above the work it has booked.',
    source: 'Assumption.',
  },
  consultancyOutsideSupply: {
    default: 0.3, min: 0.0, max: 0.6, unit: 'share', tag: 'A', group: 'consultants',
    description: 'Share of consultancy hiring that comes from outside the region\'s pond (national firms).',
    source: 'Assumption; consultants also compete for the same scarce professionals (F10).',
  },
  jointProcurementDiscount: {
    default: 0.12, min: 0.05, max: 0.25, unit: 'share of price', tag: 'A', group: 'consultants',
    description: 'Price reduction on consultants bought jointly (light pool form).',
    source: 'Assumption; framework contracts lower rates but knowledge still leaves.',
  },
  // ---- 3.4 knowledge -------------------------------------------------------------------------
  learningPerFteMonth: {
    default: 1.0, min: 0.5, max: 1.5, unit: 'knowledge units/FTE-month', tag: 'A', group: 'knowledge',
    description: 'Knowledge created by one FTE-month of work (the unit of all knowledge stocks).',
    source: 'Definition: a knowledge unit is one month of effective experience.',
  },
  decaySpecialist: {
    default: 0.02, min: 0.01, max: 0.03, unit: '/month', tag: 'A', group: 'knowledge',
    description: 'Monthly depreciation of specialist knowledge without use.',
    source: 'Bracketed by Thompson 2007 (0) and Argote 1990 (high); model-literature 6.5.',
  },
  decayProcess: {
    default: 0.015, min: 0.01, max: 0.02, unit: '/month', tag: 'A', group: 'knowledge',
    description: 'Monthly depreciation of process knowledge.',
    source: 'model-literature 6.5.',
  },
  decayLocal: {
    default: 0.0075, min: 0.005, max: 0.01, unit: '/month', tag: 'A', group: 'knowledge',
    description: 'Monthly depreciation of local knowledge.',
    source: 'model-literature 6.5 (local knowledge is the most durable).',
  },
  poolDecayFactor: {
    default: 0.5, min: 0.25, max: 1.0, unit: '×', tag: 'A', group: 'knowledge',
    description: 'Depreciation of the pool\'s collective memory relative to a municipality\'s (codified menu products).',
    source: 'model-literature 6.5.',
  },
  leaverLossSpecialist: {
    default: 0.5, min: 0.4, max: 0.6, unit: 'share', tag: 'A', group: 'knowledge',
    description: 'Share of a leaving specialist\'s part of the stock that leaves with them.',
    source: 'model-literature 6.5.',
  },
  leaverLossProcess: {
    default: 0.7, min: 0.6, max: 0.8, unit: 'share', tag: 'A', group: 'knowledge',
    description: 'Share of a leaving process worker\'s part of the stock that leaves with them.',
    source: 'model-literature 6.5.',
  },
  leaverLossLocal: {
    default: 0.8, min: 0.7, max: 0.9, unit: 'share', tag: 'A', group: 'knowledge',
    description: 'Share of a leaving local worker\'s part of the stock that leaves with them.',
    source: 'model-literature 6.5 (sticky, people-embedded).',
  },
  hireImportShare: {
    default: 0.5, min: 0.2, max: 0.8, unit: 'share', tag: 'A', group: 'knowledge',
    description: 'Share of a newcomer\'s own experience that becomes the employer\'s knowledge.',
    source: 'Assumption: process knowledge travels with people (seed 2025).',
  },
  localPortability: {
    default: 0.1, min: 0.0, max: 0.3, unit: 'share', tag: 'A', group: 'knowledge',
    description: 'Share of local experience that is of use in another place.',
    source: 'Local knowledge is sticky (von Hippel 1994; seed 2025).',
  },
  knowledgeHalfSaturation: {
    default: 24, min: 12, max: 48, unit: 'knowledge units/FTE', tag: 'A', group: 'knowledge',
    description: 'Knowledge per FTE at which the quality factor is half-way between its floor and 1.',
    source: 'Assumption; diminishing returns (MODEL.md 3.4).',
  },
  qualityFloor: {
    default: 0.5, min: 0.3, max: 0.7, unit: '×', tag: 'A', group: 'knowledge',
    description: 'Productivity of staff working without any organisational knowledge.',
    source: 'Assumption.',
  },
  consultantTransfer: {
    default: 0.2, min: 0.1, max: 0.3, unit: 'share', tag: 'A', group: 'knowledge',
    description: 'Share of the knowledge made by consultant work that stays with the client.',
    source: 'WRR "Deskundigheid als koopwaar" (qualitative); MODEL.md 3.4.',
  },
  poolTransfer: {
    default: 0.55, min: 0.4, max: 0.7, unit: 'share', tag: 'A', group: 'knowledge',
    description: 'Share of the knowledge made by pool work that stays with the member (before trust and NIH).',
    source: 'MODEL.md 3.4.',
  },
  localTransferFactor: {
    default: 0.15, min: 0.0, max: 0.4, unit: '×', tag: 'A', group: 'knowledge',
    description: 'Multiplier on transfer for local work done by outsiders (pool staff, consultants).',
    source: 'Local field knowledge does not pool (seed 2025; Platform31).',
  },
  poolSpilloverPerMonth: {
    default: 0.02, min: 0.0, max: 0.05, unit: '/month', tag: 'A', group: 'knowledge',
    description: 'Rate at which the pool\'s collective memory reaches members and observers (templates, sessions).',
    source: 'Assumption; Drenthe menu products and NEO sessions (D6, D9).',
  },
  absorptiveFloor: {
    default: 0.2, min: 0.0, max: 0.5, unit: '×', tag: 'A', group: 'knowledge',
    description: 'Absorptive capacity of a municipality without knowledge of its own.',
    source: 'Cohen & Levinthal; Szulanski (model-literature 6.5).',
  },
  localFitFloor: {
    default: 0.4, min: 0.2, max: 0.7, unit: '×', tag: 'A', group: 'knowledge',
    description: 'Productivity of an outsider on local work in a municipality without local knowledge.',
    source: 'Outsiders lack local knowledge and standing with residents (MODEL.md 3.1).',
  },
  escExecutionBonus: {
    default: 1.15, min: 1.0, max: 1.3, unit: '×', tag: 'A', group: 'knowledge',
    description: 'Productivity of energy-service-centre staff on execution work (shared services).',
    source: 'Assumption; savings only in narrow services (Allers & de Greef 2018).',
  },
  pushNihMultiplier: {
    default: 1.5, min: 1.0, max: 2.5, unit: '×', tag: 'A', group: 'knowledge',
    description: 'Not-invented-here bias under central push relative to demand-pull.',
    source: 'model-literature 6.6.',
  },
  // ---- 3.5 trust -----------------------------------------------------------------------------
  trustPriorIntercept: {
    default: 0.0, min: -1, max: 1, unit: 'logit', tag: 'A', group: 'trust',
    description: 'Logit of initial dyadic trust between unrelated municipalities of equal size.',
    source: 'Assumption: neutral 0.5.',
  },
  trustHistoryWeight: {
    default: 2.0, min: 0.5, max: 4, unit: 'logit/history', tag: 'A', group: 'trust',
    description: 'Effect of shared history on initial trust.',
    source: 'Gerber et al.; Gulati (model-literature 6.3).',
  },
  trustSizeWeight: {
    default: 0.3, min: 0.0, max: 0.8, unit: 'logit/|ln pop ratio|', tag: 'A', group: 'trust',
    description: 'Effect of size asymmetry on initial trust.',
    source: 'model-literature 6.3.',
  },
  historyAdjacent: {
    default: 0.3, min: 0.0, max: 0.6, unit: 'history', tag: 'A', group: 'trust',
    description: 'Shared history of neighbouring municipalities.',
    source: 'H5: cooperation clusters among neighbours (SF8).',
  },
  historySameSubres: {
    default: 0.2, min: 0.0, max: 0.4, unit: 'history', tag: 'A', group: 'trust',
    description: 'Shared history of municipalities in the same sub-RES region.',
    source: 'Existing sub-regional ties (SF7).',
  },
  historySameCorop: {
    default: 0.1, min: 0.0, max: 0.3, unit: 'history', tag: 'A', group: 'trust',
    description: 'Shared history of municipalities in the same COROP region.',
    source: 'Assumption.',
  },
  trustGain: {
    default: 0.03, min: 0.01, max: 0.05, unit: 'share of gap', tag: 'A', group: 'trust',
    description: 'Trust gain per positive experience: T += gain·(1 − T).',
    source: 'model-literature 6.3 (0.02-0.05).',
  },
  trustLossRatio: {
    default: 3, min: 2, max: 4, unit: '×', tag: 'A', group: 'trust',
    description: 'Loss per negative experience relative to the gain: T −= ratio·gain·T.',
    source: 'Slovic 1993 trust asymmetry (2-4×).',
  },
  trustDriftPerMonth: {
    default: 0.01, min: 0.0, max: 0.03, unit: '/month', tag: 'A', group: 'trust',
    description: 'Monthly drift of trust back toward its prior.',
    source: 'model-literature 6.3.',
  },
  legitimacyPenaltyPush: {
    default: 0.15, min: 0.0, max: 0.3, unit: 'trust', tag: 'A', group: 'trust',
    description: 'Lower prior of institutional trust in a centrally pushed pool (less council control).',
    source: 'Morshuis 2022 (SF9).',
  },
  quarrelPerPairPerYear: {
    default: 0.012, min: 0.0, max: 0.05, unit: '/pair/year', tag: 'A', group: 'trust',
    description: 'Yearly probability of a quarrel between two municipalities of a region.',
    source: 'Assumption (seed 2025: interpersonal conflicts can block collaboration).',
  },
  quarrelTrustDrop: {
    default: 0.5, min: 0.2, max: 0.8, unit: 'share', tag: 'A', group: 'trust',
    description: 'Share of dyadic trust lost in a quarrel.',
    source: 'Assumption.',
  },
  quarrelResolvePerMonth: {
    default: 0.04, min: 0.01, max: 0.1, unit: '/month', tag: 'A', group: 'trust',
    description: 'Monthly probability that a quarrel is resolved without intervention.',
    source: 'Assumption.',
  },
  talkItOutResolvePerMonth: {
    default: 0.25, min: 0.1, max: 0.5, unit: '/month', tag: 'A', group: 'trust',
    description: 'Monthly resolution probability with the talk-it-out intervention.',
    source: 'Seed 2025: talking it out resolves personal conflicts, not deep history.',
  },
  quarrelRecovery: {
    default: 0.6, min: 0.3, max: 1.0, unit: 'share', tag: 'A', group: 'trust',
    description: 'Share of the quarrel\'s trust drop restored when it is resolved.',
    source: 'Assumption.',
  },
  deepNegativeHistory: {
    default: -0.5, min: -0.9, max: -0.2, unit: 'history', tag: 'A', group: 'trust',
    description: 'History below which a quarrel cannot be talked out.',
    source: 'Seed 2025.',
  },
  // ---- 3.6 crises ----------------------------------------------------------------------------
  crisisPerMonth: {
    default: 0.01, min: 0.005, max: 0.02, unit: '/month', tag: 'A', group: 'crises',
    description: 'Monthly probability that a municipality enters a local crisis (asylum reception, flood, ...).',
    source: 'model-literature 6.2 (0.5-2%/month).',
  },
  crisisMeanMonths: {
    default: 4, min: 2, max: 8, unit: 'months', tag: 'A', group: 'crises',
    description: 'Mean length of a crisis (geometric).',
    source: 'Assumption.',
  },
  crisisDiversion: {
    default: 0.3, min: 0.1, max: 0.5, unit: 'share', tag: 'A', group: 'crises',
    description: 'Share of own heat staff time diverted to a crisis.',
    source: 'Assumption.',
  },
  crisisRecallShare: {
    default: 0.5, min: 0.2, max: 1.0, unit: 'share of pool staff', tag: 'A', group: 'crises',
    description: 'Share of the pool a member in crisis may pull to itself when the recall rule allows it.',
    source: 'Assumption.',
  },
  servedThreshold: {
    default: 0.5, min: 0.3, max: 0.8, unit: 'share', tag: 'A', group: 'trust',
    description: 'Share of a request that must be served to count as a positive experience.',
    source: 'Assumption.',
  },
  // ---- 3.7 decisions -------------------------------------------------------------------------
  decisionLagMonths: {
    default: 9, min: 6, max: 12, unit: 'months', tag: 'A', group: 'decisions', integer: true,
    description: 'Months between a decision to join and the start of membership (council cycle).',
    source: 'Drenthe timeline (D1), model-literature 6.2.',
  },
  decisionMonth: {
    default: 0, min: 0, max: 11, unit: 'month of year', tag: 'A', group: 'decisions', integer: true,
    description: 'Month of the year (0 = January) of the yearly decision window.',
    source: 'Budget cycle.',
  },
  autonomyAversionMean: {
    default: 0.4, min: 0.2, max: 0.7, unit: '[0,1]', tag: 'A', group: 'decisions',
    description: 'Mean autonomy aversion of municipalities (clamped normal).',
    source: 'Assumption; varied in sensitivity analysis.',
  },
  autonomyAversionSd: {
    default: 0.2, min: 0.05, max: 0.3, unit: '[0,1]', tag: 'A', group: 'decisions',
    description: 'Spread of autonomy aversion.',
    source: 'Assumption.',
  },
  nihMean: {
    default: 0.3, min: 0.1, max: 0.6, unit: '[0,1]', tag: 'A', group: 'decisions',
    description: 'Mean not-invented-here bias.',
    source: 'Assumption.',
  },
  nihSd: {
    default: 0.15, min: 0.05, max: 0.3, unit: '[0,1]', tag: 'A', group: 'decisions',
    description: 'Spread of the not-invented-here bias.',
    source: 'Assumption.',
  },
  joinConstant: {
    default: -1.0, min: -3, max: 1, unit: 'utility', tag: 'A', group: 'decisions',
    description: 'Status-quo bias against joining.',
    source: 'Assumption.',
  },
  joinNeedWeight: {
    default: 3.0, min: 1, max: 6, unit: 'utility', tag: 'A', group: 'decisions',
    description: 'Weight of expected pool capacity relative to the own shortfall.',
    source: 'model-literature 6.2 (β_N).',
  },
  joinKnowledgeWeight: {
    default: 2.0, min: 0.5, max: 4, unit: 'utility', tag: 'A', group: 'decisions',
    description: 'Weight of expected knowledge retention under "knowledge and talent" framing.',
    source: 'model-literature 6.2 (β_K).',
  },
  joinSavingWeight: {
    default: 2.0, min: 0.5, max: 4, unit: 'utility', tag: 'A', group: 'decisions',
    description: 'Weight of expected cost saving under "efficiency" framing.',
    source: 'model-literature 6.2; savings are small or absent (SF6).',
  },
  offFramingWeight: {
    default: 0.25, min: 0.0, max: 1, unit: '×', tag: 'A', group: 'decisions',
    description: 'Weight kept by the argument the framing does not stress.',
    source: 'Assumption (seed 2025: framing shapes the decision).',
  },
  joinFeeWeight: {
    default: 8.0, min: 2, max: 15, unit: 'utility/budget share', tag: 'A', group: 'decisions',
    description: 'Disutility of the expected fee as a share of the staffing budget.',
    source: 'Assumption.',
  },
  autonomyWeight: {
    default: 3.0, min: 1, max: 6, unit: 'utility', tag: 'A', group: 'decisions',
    description: 'Weight of autonomy aversion × governance formality.',
    source: 'Feiock ICA (model-literature 6.2).',
  },
  formalityDemandPull: {
    default: 0.3, min: 0.1, max: 0.5, unit: '[0,1]', tag: 'A', group: 'decisions',
    description: 'Governance formality of a demand-pull pool (service menu).',
    source: 'model-literature 6.2 ICA scale: service agreement/menu 0.3.',
  },
  formalityCentralPush: {
    default: 0.75, min: 0.5, max: 0.9, unit: '[0,1]', tag: 'A', group: 'decisions',
    description: 'Governance formality of a centrally pushed pool.',
    source: 'model-literature 6.2 ICA scale: delegated authority 0.6, imposed 0.9.',
  },
  transactionBase: {
    default: 0.2, min: 0, max: 0.5, unit: 'utility', tag: 'A', group: 'decisions',
    description: 'Fixed transaction cost of membership.',
    source: 'Feiock; Gerber et al. (model-literature 6.2).',
  },
  transactionPerMember: {
    default: 0.03, min: 0, max: 0.08, unit: 'utility/member', tag: 'A', group: 'decisions',
    description: 'Transaction cost growing with the number of members.',
    source: 'model-literature 6.2.',
  },
  transactionHeterogeneity: {
    default: 0.05, min: 0, max: 0.15, unit: 'utility/member', tag: 'A', group: 'decisions',
    description: 'Transaction cost per member scaled by (1 − mean shared history).',
    source: 'model-literature 6.2.',
  },
  joinTrustWeight: {
    default: 3.0, min: 1, max: 5, unit: 'utility/trust', tag: 'A', group: 'decisions',
    description: 'Weight of mean trust toward members (minus 0.5).',
    source: 'model-literature 6.2.',
  },
  joinHistoryWeight: {
    default: 1.0, min: 0, max: 3, unit: 'utility/history', tag: 'A', group: 'decisions',
    description: 'Weight of mean shared history with members.',
    source: 'model-literature 6.2.',
  },
  conformityWeight: {
    default: 1.5, min: 0, max: 3, unit: 'utility/share', tag: 'A', group: 'decisions',
    description: 'Weight of the share of neighbours already in the pool (Brock-Durlauf J).',
    source: 'model-literature 6.2.',
  },
  successWeight: {
    default: 1.5, min: 0, max: 3, unit: 'utility', tag: 'A', group: 'decisions',
    description: 'Weight of observed pool success (served share minus one half): late joiners follow success.',
    source: 'model-literature 6.2; Hovi et al. 2017.',
  },
  observerKnowledgeShare: {
    default: 0.3, min: 0.1, max: 0.6, unit: 'share', tag: 'A', group: 'decisions',
    description: 'Knowledge value an observer expects relative to a member.',
    source: 'MODEL.md 3.7.',
  },
  observerFamiliarity: {
    default: 0.5, min: 0, max: 1.5, unit: 'utility', tag: 'A', group: 'decisions',
    description: 'Bonus to the join utility of a municipality that is already an observer.',
    source: 'Assumption: observers join later more easily.',
  },
  stayLearningRate: {
    default: 0.2, min: 0.1, max: 0.3, unit: '-', tag: 'A', group: 'decisions',
    description: 'Bush-Mosteller learning rate of the propensity to stay.',
    source: 'Macy & Flache 2002 (model-literature 6.2).',
  },
  aspirationHabituation: {
    default: 0.02, min: 0.005, max: 0.05, unit: '/month', tag: 'A', group: 'decisions',
    description: 'Speed at which the aspiration level follows realised benefit.',
    source: 'Macy & Flache 2002.',
  },
  initialStayPropensity: {
    default: 0.85, min: 0.6, max: 0.95, unit: 'probability', tag: 'A', group: 'decisions',
    description: 'Propensity to stay of a new member.',
    source: 'Assumption.',
  },
  earlyExitDamping: {
    default: 0.25, min: 0.0, max: 1.0, unit: '×', tag: 'A', group: 'decisions',
    description: 'Scale on the leave probability before the term ends (exit fee and notice deter).',
    source: 'Assumption.',
  },
  exitFeeMonths: {
    default: 6, min: 0, max: 12, unit: 'months of fee', tag: 'A', group: 'decisions', integer: true,
    description: 'Fee a member pays when it leaves before the end of its term.',
    source: 'Assumption.',
  },
  startBigThreshold: {
    default: -1.5, min: -4, max: 0, unit: 'utility', tag: 'A', group: 'decisions',
    description: 'Join utility below which a municipality stays out of a big start.',
    source: 'MODEL.md 3.3: all municipalities whose join utility is not strongly negative.',
  },
  // ---- pool operations -----------------------------------------------------------------------
  poolOverheadPerMonth: {
    default: 9000, min: 0, max: 20000, unit: 'EUR/month', tag: 'A', group: 'pool',
    description: 'Coordination cost of a flexpool (about one coordinator FTE).',
    source: 'B5 loaded cost; C4 regional coordinator.',
  },
  escOverheadFactor: {
    default: 2.0, min: 1.0, max: 3.0, unit: '×', tag: 'A', group: 'pool',
    description: 'Overhead of an energy service centre relative to a flexpool.',
    source: 'Assumption.',
  },
  lightOverheadFactor: {
    default: 0.3, min: 0.0, max: 1.0, unit: '×', tag: 'A', group: 'pool',
    description: 'Overhead of joint procurement relative to a flexpool.',
    source: 'Assumption.',
  },
  poolMinMembers: {
    default: 3, min: 2, max: 5, unit: 'members', tag: 'A', group: 'pool', integer: true,
    description: 'Members below which the pool is not viable.',
    source: 'model-literature 6.7.',
  },
  poolMinTeam: {
    default: 4, min: 2, max: 6, unit: 'staff', tag: 'E', group: 'pool', integer: true,
    description: 'Team size below which the pool is not viable (cannot cover the specialisms).',
    source: 'Drenthe started with 4 staff (D1); model-literature 6.7.',
  },
  poolUtilisationFloor: {
    default: 0.6, min: 0.4, max: 0.75, unit: 'share', tag: 'A', group: 'pool',
    description: 'Rolling 12-month utilisation below which the pool is not viable and stops replacing leavers.',
    source: 'model-literature 6.7 (0.6-0.7).',
  },
  poolNonViableMonths: {
    default: 12, min: 6, max: 24, unit: 'months', tag: 'A', group: 'pool', integer: true,
    description: 'Consecutive non-viable months after the sponsor period that dissolve the pool.',
    source: 'model-literature 6.7.',
  },
  poolGrowThreshold: {
    default: 1.0, min: 0.5, max: 3, unit: 'FTE', tag: 'A', group: 'pool',
    description: 'Unserved requested FTE (3-month mean) above which the pool opens a vacancy.',
    source: 'model-literature 6.7.',
  },
  poolHireReserveMonths: {
    default: 6, min: 0, max: 12, unit: 'months', tag: 'A', group: 'pool', integer: true,
    description: 'Months of a new hire\'s cost the reserve must hold (or the sponsor pay) before hiring.',
    source: 'Assumption.',
  },
  multiDomainDemand: {
    default: 0.3, min: 0.1, max: 0.5, unit: 'share of pool staff', tag: 'A', group: 'pool',
    description: 'Steady demand from other domains (energy poverty, RES, mobility) when the scope is multi-domain.',
    source: 'model-literature 6.6 (scale from other domains).',
  },
  usageMarkup: {
    default: 1.0, min: 0.8, max: 1.3, unit: '×', tag: 'A', group: 'pool',
    description: 'Usage price of a pool FTE-month relative to its cost.',
    source: 'Assumption: cost recovery.',
  },
  // ---- submodel details the brief leaves open -------------------------------------------------
  minRequestFte: {
    default: 0.25, min: 0.0, max: 1.0, unit: 'FTE', tag: 'A', group: 'pool',
    description: 'Smallest request a member sends under demand-pull (a central coordinator has no such threshold).',
    source: 'Assumption: members ask for whole tasks from a menu card (D5).',
  },
  consultancyOutsideFillPerMonth: {
    default: 0.15, min: 0.0, max: 0.5, unit: '/month', tag: 'A', group: 'consultants',
    description: 'Monthly chance that an open consultancy vacancy is filled from outside the region\'s pond (national firms).',
    source: 'Assumption; consultants also compete for the same professionals (F10).',
  },
  freeRideRatio: {
    default: 2.0, min: 1.2, max: 4, unit: '×', tag: 'A', group: 'trust',
    description: 'Usage share over fee share above which other members see a member as a free rider (fixed fees only).',
    source: 'model-literature 6.3.',
  },
  satisfactionScale: {
    default: 0.1, min: 0.03, max: 0.3, unit: 'share of monthly budget', tag: 'A', group: 'decisions',
    description: 'Net benefit (share of the monthly staffing budget) that moves the propensity to stay by a full step.',
    source: 'Assumption (Bush-Mosteller stimulus scale).',
  },
  autonomyCostShare: {
    default: 0.05, min: 0.0, max: 0.15, unit: 'share of monthly budget', tag: 'A', group: 'decisions',
    description: 'Felt cost of lost autonomy at aversion 1 and formality 1, as a share of the monthly budget.',
    source: 'Assumption.',
  },
  knowledgeValueFactor: {
    default: 0.5, min: 0.0, max: 1.0, unit: '× internal cost', tag: 'A', group: 'decisions',
    description: 'Value of one knowledge unit received, relative to an FTE-month at internal cost (broad evaluation).',
    source: 'Assumption.',
  },
  regionalValueWeight: {
    default: 0.2, min: 0.0, max: 0.5, unit: 'share', tag: 'A', group: 'decisions',
    description: 'Share of the value other members receive that a broadly evaluating member counts as its own.',
    source: 'D7: shared value exceeds the individual assignments.',
  },
} satisfies Record<string, ParameterDef>;

export type ParameterName = keyof typeof defs;
export type Parameters = Record<ParameterName, number>;

export const PARAMETERS: Readonly<Record<ParameterName, ParameterDef>> = defs;
export const PARAMETER_NAMES = Object.keys(defs) as ParameterName[];

/** Named scarcity levels as values of `supplyRatio`. */
export const SCARCITY_LEVELS = { low: 1.3, medium: 0.9, high: 0.6, extreme: 0.35 } as const;
export type ScarcityLevel = keyof typeof SCARCITY_LEVELS;

export function defaultParameters(): Parameters {
  const out = {} as Parameters;
  for (const name of PARAMETER_NAMES) out[name] = PARAMETERS[name].default;
  return out;
}

export function isParameterName(name: string): name is ParameterName {
  return Object.hasOwn(PARAMETERS, name);
}
