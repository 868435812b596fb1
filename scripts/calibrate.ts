/**
 * The calibration batch: runs the national baseline and typical RES regions through the batch engine
 * (workers/engine.ts, many replicates on shared seeds) and checks the patterns of MODEL.md section 6
 * against their targets and tolerances; writes docs/CALIBRATION.md and the charts
 * docs/figures/calibration-*.svg (Vega-Lite with the reports' theme and renderer).
 *
 *   npm run calibrate                  (builds, then node dist/scripts/calibrate.js)
 *   node dist/scripts/calibrate.js --replicates 30 --threads 2 --out out/calibration
 *
 * test/calibration.test.ts runs a small version of the same checks (`runCalibration`).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { packageVersion, projectRoot } from '../store/manifest.js';
import { loadNationalData, modelDataFiles } from '../data/load.js';
import { framed, type VlSpec } from '../reports/charts/theme.js';
import { readBatchInfo } from '../reports/read/manifest.js';
import { readRuns } from '../reports/read/runs.js';
import { renderSvg } from '../reports/render/render.js';
import { assertValidSpec } from '../reports/render/validate.js';
import { type Description, describe } from '../reports/stats/describe.js';
import { loadScenarioFile } from '../scenarios/load.js';
import type { ExperimentPlan, PlanPoint } from '../scenarios/plan.js';
import { resRegion } from '../scenarios/region.js';
import { initState } from '../sim/init.js';
import type { ModelInput } from '../sim/model-input.js';
import { PARAMETERS, SCARCITY_LEVELS } from '../sim/parameters.js';
import type { NationalData } from '../sim/region-data.js';
import { runBatch } from '../workers/engine.js';
import { formatDuration, makeProgress } from '../workers/progress.js';

/** Master seeds of the two calibration batches (fixed: the document is reproducible). */
export const REGIONAL_SEED = 2026;
export const NATIONAL_SEED = 2050;

/**
 * Typical regions: the three RES regions closest to the median RES region in number of
 * municipalities (10.5) and population (519,000) (nl-calibration H3, H4), by |ln n/10.5| + |ln pop/519k|.
 */
export const TYPICAL_REGIONS = [
  { code: 'ES05', id: 'west-overijssel-none', label: 'West-Overijssel, no pool' },
  { code: 'ES03', id: 'drenthe-none', label: 'Drenthe, no pool' },
  { code: 'ES01', id: 'groningen-none', label: 'Groningen, no pool' },
] as const;

/** Readable names of the calibration points. */
export const POINT_LABELS: Record<string, string> = {
  'national-none': 'National baseline (no pools)',
  'national-flexpools': 'National, a flexpool per RES region',
  'national-none-2026-2030': 'National baseline, 2026-2030 only',
  'drenthe-flexteam': 'Drenthe, Flexteam (flexpool of 4)',
  ...Object.fromEntries(TYPICAL_REGIONS.map((r) => [r.id, r.label])),
  ...Object.fromEntries(TYPICAL_REGIONS.map((r) => [`${r.id}-medium`, `${r.label}, medium scarcity`])),
  'drenthe-none-extreme': 'Drenthe, no pool, extreme scarcity',
};

const G4_CODES = ['GM0363', 'GM0599', 'GM0518', 'GM0344']; // Amsterdam, Rotterdam, 's-Gravenhage, Utrecht

const library = (name: string) => join(projectRoot(), 'scenarios', 'library', `${name}.yaml`);

function libraryInput(name: string, data: NationalData): { input: ModelInput; files: string[] } {
  return loadScenarioFile(library(name), data);
}

/** The two plans: typical regions and the Flexteam (cheap), and the national runs (about 2 s each). */
export function calibrationPlans(
  data: NationalData,
  opts: { replicates: number; nationalReplicates: number; diagnostics?: boolean },
): { regional: ExperimentPlan; national: ExperimentPlan } {
  const drentheNone = libraryInput('drenthe-none', data);
  const flexteam = libraryInput('drenthe-flexteam', data);
  const regionalPoints: PlanPoint[] = TYPICAL_REGIONS.map((r) => ({
    id: r.id,
    scenario: r.id,
    sweep: {},
    // drenthe-none (no pool, high scarcity, registry defaults) on another RES region.
    input: r.code === 'ES03' ? drentheNone.input : { ...drentheNone.input, ...resRegion(data, r.code), name: r.id },
  }));
  regionalPoints.push({ id: 'drenthe-flexteam', scenario: 'drenthe-flexteam', sweep: {}, input: flexteam.input });
  if (opts.diagnostics !== false)
    for (const r of TYPICAL_REGIONS) {
      const base = regionalPoints.find((p) => p.id === r.id)!.input;
      const id = `${r.id}-medium`;
      regionalPoints.push({
        id,
        scenario: id,
        sweep: {},
        input: { ...base, name: id, parameters: { ...base.parameters, supplyRatio: SCARCITY_LEVELS.medium } },
      });
    }
  if (opts.diagnostics !== false) {
    // The Drenthe gap under the scarcity that keeps it open (P4b is met there, see the document).
    const id = 'drenthe-none-extreme';
    const base = drentheNone.input;
    regionalPoints.push({
      id,
      scenario: id,
      sweep: {},
      input: { ...base, name: id, parameters: { ...base.parameters, supplyRatio: SCARCITY_LEVELS.extreme } },
    });
  }
  const nationalNone = libraryInput('national-none', data);
  const nationalPools = libraryInput('national-flexpools', data);
  const nationalPoints: PlanPoint[] = [
    { id: 'national-none', scenario: 'national-none', sweep: {}, input: nationalNone.input },
    { id: 'national-flexpools', scenario: 'national-flexpools', sweep: {}, input: nationalPools.input },
  ];
  if (opts.diagnostics !== false)
    nationalPoints.push({
      id: 'national-none-2026-2030',
      scenario: 'national-none-2026-2030',
      sweep: {},
      input: { ...nationalNone.input, name: 'national-none-2026-2030', horizonMonths: 60 },
    });
  const files = (...f: string[][]) => [...new Set(f.flat())];
  return {
    regional: {
      name: 'calibration-regions',
      description: 'Calibration: typical RES regions without a pool, and the Drenthe Flexteam, high scarcity',
      baseline: 'drenthe-none',
      masterSeed: REGIONAL_SEED,
      replicates: opts.replicates,
      points: regionalPoints,
      sourceFiles: files(drentheNone.files, flexteam.files),
    },
    national: {
      name: 'calibration-national',
      description:
        'Calibration: the national baseline without pools, and with a flexpool per RES region, high scarcity',
      baseline: 'national-none',
      masterSeed: NATIONAL_SEED,
      replicates: opts.nationalReplicates,
      points: nationalPoints,
      sourceFiles: files(nationalNone.files, nationalPools.files),
    },
  };
}

// ---- patterns ---------------------------------------------------------------------------------

export type Unit = 'percent' | 'pp' | 'ratio' | 'fte';

/** A pattern checked on the runs of one or more points: per-run values, a target and a tolerance band. */
export interface PatternDef {
  id: string;
  pattern: string;
  points: string[];
  /** What is measured, with the summary metrics it comes from. */
  measure: string;
  /** The per-run value from the run's metrics. */
  value: (metric: (name: string) => number) => number;
  unit: Unit;
  target: string;
  /** Tolerance band on the mean: [lo, hi]. */
  lo: number;
  hi: number;
  tolerance: string;
  /** A value on the axis to mark as the empirical figure (optional). */
  mark?: number;
  /** Set when the pattern is known not to be met: the reason (see the document). */
  deviation?: string;
}

const P1_POINTS = ['national-none', ...TYPICAL_REGIONS.map((r) => r.id)];

export const PATTERNS: PatternDef[] = [
  {
    id: 'P1a',
    pattern: 'Outflow from the sector',
    points: P1_POINTS,
    measure: '`sectorOutflowRatePerYear`: leavers to outside the municipal sector per year / mean own staff, 2026-2050',
    value: (m) => m('sectorOutflowRatePerYear'),
    unit: 'percent',
    target: '8.3%/year (E4, A&O 2022; 8.8% in 2021)',
    lo: 0.068,
    hi: 0.098,
    tolerance: '±1.5 pp (covers 2021 and the heat staff differing from the whole sector)',
    mark: 0.083,
  },
  {
    id: 'P1b',
    pattern: 'Inflow into the sector',
    points: P1_POINTS,
    measure: '`sectorInflowRatePerYear`: hires from outside the municipal sector per year / mean own staff, 2026-2050',
    value: (m) => m('sectorInflowRatePerYear'),
    unit: 'percent',
    target:
      'between 8.3% (a sector that does not grow replaces its leavers) and 15.9% (E2, 2022, a sector growing 5.6-7.6%/year)',
    lo: 0.068,
    hi: 0.159,
    tolerance: 'lower edge with the ±1.5 pp of P1a',
    mark: 0.159,
  },
  {
    id: 'P1c',
    pattern: 'Net growth of own staff',
    points: P1_POINTS,
    measure: '`sectorInflowRatePerYear` − `sectorOutflowRatePerYear` (net growth of own staff, %/year)',
    value: (m) => m('sectorInflowRatePerYear') - m('sectorOutflowRatePerYear'),
    unit: 'pp',
    target: 'positive, at most the sector\u2019s 7.6%/year of 2022 (E1, E2, E4)',
    lo: 0,
    hi: 0.076,
    tolerance: 'the band itself',
  },
  {
    id: 'P2',
    pattern: 'External hiring share of spending',
    points: P1_POINTS,
    measure: '`externalSpendShare`: consultant spend / (salaries + consultant spend), 2026-2050',
    value: (m) => m('externalSpendShare'),
    unit: 'percent',
    target: '17.0% (F5, A&O 2022; 16.5% in 2021; 15-18% in 2015-2022, SF2); norm 10%',
    lo: 0.12,
    hi: 0.22,
    tolerance: '±5 pp (heat staff are one field of the sector; the lower edge stays above the 10% norm)',
    mark: 0.17,
  },
  {
    id: 'P4a',
    pattern: 'Drenthe: staff in post / need, 2026',
    points: ['drenthe-none'],
    measure: '`staffOwnStart` / `needFte`, RES Drenthe (12 municipalities)',
    value: (m) => m('staffOwnStart') / m('needFte'),
    unit: 'ratio',
    target: '50-60 available against 160 needed: 0.31-0.375 (A15)',
    lo: 0.3125,
    hi: 0.375,
    tolerance: 'the range of A15',
  },
  {
    id: 'P4b',
    pattern: 'Drenthe: gap / need, 2050',
    points: ['drenthe-none', 'drenthe-flexteam'],
    measure: '`gapFteEnd` / `needFte`: need not covered by own, pool or consultant staff in December 2050',
    value: (m) => m('gapFteEnd') / m('needFte'),
    unit: 'ratio',
    target: 'need ≫ available: the 2023 gap is 100-110 of 160 (0.63-0.69, A15)',
    lo: 0.5,
    hi: 0.8,
    tolerance: 'at least half the need uncovered after 25 years, short of a collapse',
    mark: 0.65,
  },
  {
    id: 'P4c',
    pattern: 'Drenthe: FTE need',
    points: ['drenthe-none'],
    measure: '`needFte`, RES Drenthe',
    value: (m) => m('needFte'),
    unit: 'fte',
    target: '160 FTE (A15)',
    lo: 136,
    hi: 184,
    tolerance: '±15% (one reported figure)',
    mark: 160,
    deviation:
      'A15 and the AEF size classes (A2-A5, P3) disagree: the size-class need times the heat share gives Drenthe about 119 FTE. `demandIntensity` = 1.35 would give 160 but put every size class 35% above AEF; the national source is kept, and P4a keeps the ratio of A15.',
  },
  {
    id: 'P5',
    pattern: 'Pool staff / gap',
    points: ['drenthe-flexteam', 'national-flexpools'],
    measure: '`poolStaffMean` / `gapFteEnd`: mean pool staff while alive against the gap in 2050',
    value: (m) => m('poolStaffMean') / m('gapFteEnd'),
    unit: 'ratio',
    target: 'far smaller: Flexteam Drenthe started with 4 staff against a gap of about 100 FTE (0.04; D1, A15, SF1)',
    lo: 0,
    hi: 0.5,
    tolerance: 'the gap at least twice the pool',
    mark: 0.04,
  },
];

/**
 * Rows that fail in the full calibration run and are explained in the document (not a
 * pattern-wide deviation): the test lets them fail but checks they stay below `below`.
 */
export const KNOWN_FAILING: Array<{ id: string; point: string; below?: number; above?: number }> = [
  // Under high scarcity own staff grow toward 2/3 of the need by 2050 (budgets no longer cap them):
  // the gap stays open but below the band; it must not close altogether.
  { id: 'P4b', point: 'drenthe-none', above: 0.15 },
  { id: 'P4b', point: 'drenthe-flexteam', above: 0.05 },
  // A pool of willing members grows toward the gap it serves; it must stay below twice the gap.
  { id: 'P5', point: 'drenthe-flexteam', below: 2 },
];

/** Diagnostics shown but not checked: the first five years, every move, and P2 at medium scarcity. */
export interface DiagnosticDef {
  group: 'first-years' | 'moves' | 'medium' | 'extreme';
  point: string;
  metric: string;
  label: string;
  unit: Unit;
}

export const DIAGNOSTICS: DiagnosticDef[] = [
  ...(
    [
      ['sectorOutflowRatePerYear', 'Outflow to outside the sector', 'percent'],
      ['sectorInflowRatePerYear', 'Inflow from outside the sector', 'percent'],
      ['externalSpendShare', 'External share of spending', 'percent'],
      ['staffOwnStart', 'Own staff, January 2026 (FTE)', 'fte'],
      ['staffOwnEnd', 'Own staff, December 2030 (FTE)', 'fte'],
    ] as const
  ).map(([metric, label, unit]) => ({
    group: 'first-years' as const,
    point: 'national-none-2026-2030',
    metric,
    label,
    unit,
  })),
  {
    group: 'moves',
    point: 'national-none',
    metric: 'munOutflowRatePerYear',
    label: 'Every leaver of a municipality (also to another municipality)',
    unit: 'percent',
  },
  {
    group: 'moves',
    point: 'national-none',
    metric: 'munInflowRatePerYear',
    label: 'Every hire of a municipality (also from another municipality)',
    unit: 'percent',
  },
  ...TYPICAL_REGIONS.map((r) => ({
    group: 'medium' as const,
    point: `${r.id}-medium`,
    metric: 'externalSpendShare',
    label: 'External share of spending',
    unit: 'percent' as Unit,
  })),
  {
    group: 'extreme',
    point: 'drenthe-none-extreme',
    metric: 'gapFteEnd',
    label: 'Gap in December 2050, FTE',
    unit: 'fte',
  },
  {
    group: 'extreme',
    point: 'drenthe-none-extreme',
    metric: 'staffOwnEnd',
    label: 'Own staff in December 2050, FTE',
    unit: 'fte',
  },
];

export interface PatternRow {
  def: PatternDef;
  point: string;
  stats: Description;
  pass: boolean;
  /** The 95% interval reaches outside the band although the mean is inside (or the reverse). */
  intervalCrossesEdge: boolean;
}

/** Size classes of P3 with the AEF/ROB targets (A2-A5) times the heat share 0.6 (A11). */
export const SIZE_CLASSES = [
  { id: 'small', label: 'Small (< 20,000 inhabitants)', aef: [8, 9], source: 'A5' },
  { id: 'mid', label: 'Mid-sized (20,000-99,999)', aef: [17, 19], source: 'A4' },
  { id: 'g40', label: 'G40 (≥ 100,000, not G4)', aef: [39, 43], source: 'A3' },
  { id: 'g4', label: 'G4 (Amsterdam, Rotterdam, Den Haag, Utrecht)', aef: [86, 100], source: 'A2' },
] as const;
export const HEAT_SHARE = 0.6;
/** Tolerance on the need per size class: ±10% around the target range (class bounds and heat share are approximate). */
export const NEED_TOLERANCE = 0.1;

export interface NeedRow {
  id: string;
  label: string;
  source: string;
  municipalities: number;
  meanPopulation: number;
  meanNeed: number;
  minNeed: number;
  maxNeed: number;
  targetLo: number;
  targetHi: number;
  lo: number;
  hi: number;
  pass: boolean;
}

export interface MunicipalityNeed {
  code: string;
  name: string;
  population: number;
  need: number;
  sizeClass: string;
}

function classOf(code: string, population: number): string {
  if (G4_CODES.includes(code)) return 'g4';
  return population >= 100_000 ? 'g40' : population >= 20_000 ? 'mid' : 'small';
}

/** P3: the need per municipality (deterministic: it comes from the demand parameters only). */
export function needBySize(data: NationalData): {
  rows: NeedRow[];
  municipalities: MunicipalityNeed[];
  total: NeedRow;
} {
  const input = libraryInput('national-none', data).input;
  const state = initState(input, 1);
  const municipalities = state.municipalities.map((m) => ({
    code: m.code,
    name: m.name,
    population: m.population,
    need: m.needFte[0] + m.needFte[1] + m.needFte[2],
    sizeClass: classOf(m.code, m.population),
  }));
  const band = (lo: number, hi: number) => ({
    targetLo: lo,
    targetHi: hi,
    lo: lo * (1 - NEED_TOLERANCE),
    hi: hi * (1 + NEED_TOLERANCE),
  });
  const rows = SIZE_CLASSES.map((c): NeedRow => {
    const members = municipalities.filter((m) => m.sizeClass === c.id);
    const needs = members.map((m) => m.need);
    const meanNeed = needs.reduce((a, b) => a + b, 0) / needs.length;
    const b = band(c.aef[0] * HEAT_SHARE, c.aef[1] * HEAT_SHARE);
    return {
      id: c.id,
      label: c.label,
      source: c.source,
      municipalities: members.length,
      meanPopulation: members.reduce((a, m) => a + m.population, 0) / members.length,
      meanNeed,
      minNeed: Math.min(...needs),
      maxNeed: Math.max(...needs),
      ...b,
      pass: meanNeed >= b.lo && meanNeed <= b.hi,
    };
  });
  const totalNeed = municipalities.reduce((a, m) => a + m.need, 0);
  const n = municipalities.length;
  const tb = band(14 * n * HEAT_SHARE, 17 * n * HEAT_SHARE);
  const total: NeedRow = {
    id: 'national',
    label: `All ${n} municipalities`,
    source: 'A1, A16',
    municipalities: n,
    meanPopulation: municipalities.reduce((a, m) => a + m.population, 0) / n,
    meanNeed: totalNeed,
    minNeed: totalNeed,
    maxNeed: totalNeed,
    ...tb,
    pass: totalNeed >= tb.lo && totalNeed <= tb.hi,
  };
  return { rows, municipalities, total };
}

/** Per-point run values: metric name → values per ok run (aligned). */
export type PointMetrics = Map<string, Map<string, number[]>>;

function readPointMetrics(batchDir: string, into: PointMetrics): void {
  const info = readBatchInfo(batchDir);
  const runs = readRuns(info);
  for (const p of runs.points) into.set(p.id, p.metrics);
}

export function patternRows(metrics: PointMetrics, patterns: readonly PatternDef[] = PATTERNS): PatternRow[] {
  const rows: PatternRow[] = [];
  for (const def of patterns) {
    for (const point of def.points) {
      const m = metrics.get(point);
      if (!m) continue;
      const n = m.get('needFte')?.length ?? 0;
      const values = Array.from({ length: n }, (_, i) => def.value((name) => m.get(name)?.[i] ?? Number.NaN));
      const stats = describe(values);
      const inside = (x: number) => x >= def.lo && x <= def.hi;
      const pass = inside(stats.mean);
      const ciKnown = Number.isFinite(stats.ciLow);
      const intervalCrossesEdge = ciKnown && (inside(stats.ciLow) !== pass || inside(stats.ciHigh) !== pass);
      rows.push({ def, point, stats, pass, intervalCrossesEdge });
    }
  }
  return rows;
}

/** The 95% interval of the mean overlaps the band: a small run does not contradict the pattern. */
export function consistentWithBand(row: PatternRow): boolean {
  const { ciLow, ciHigh, mean } = row.stats;
  if (!Number.isFinite(ciLow)) return mean >= row.def.lo && mean <= row.def.hi;
  return ciHigh >= row.def.lo && ciLow <= row.def.hi;
}

export interface CalibrationResult {
  patterns: PatternRow[];
  diagnostics: Array<DiagnosticDef & { stats: Description }>;
  need: ReturnType<typeof needBySize>;
  plans: { regional: ExperimentPlan; national: ExperimentPlan };
  elapsedSeconds: number;
  threads: number;
}

export interface CalibrationOptions {
  replicates: number;
  nationalReplicates: number;
  outDir: string;
  threads?: number;
  /** Include the 2026-2030 national point (default true). */
  diagnostics?: boolean;
  quiet?: boolean;
}

/** Runs both batches (fresh folders under outDir) and computes every pattern row. */
export async function runCalibration(opts: CalibrationOptions): Promise<CalibrationResult> {
  const t0 = performance.now();
  const data = loadNationalData();
  const plans = calibrationPlans(data, opts);
  const threads = opts.threads ?? availableParallelism();
  const metrics: PointMetrics = new Map();
  for (const [key, plan] of Object.entries(plans)) {
    const dir = join(opts.outDir, key);
    rmSync(dir, { recursive: true, force: true });
    const result = await runBatch(plan, {
      outDir: dir,
      threads,
      series: 'none',
      progress: makeProgress(opts.quiet ? 'quiet' : 'auto'),
      manifest: {
        arguments: { command: 'calibrate', replicates: plan.replicates, seed: plan.masterSeed, threads },
        inputFiles: [...plan.sourceFiles, ...modelDataFiles()],
      },
    });
    if (result.status !== 'complete')
      throw new Error(`calibration batch ${key} ended ${result.status}${result.error ? `: ${result.error}` : ''}`);
    readPointMetrics(dir, metrics);
  }
  return {
    patterns: patternRows(metrics),
    diagnostics: DIAGNOSTICS.filter((d) => metrics.has(d.point)).map((d) => ({
      ...d,
      stats: describe(metrics.get(d.point)?.get(d.metric) ?? []),
    })),
    need: needBySize(data),
    plans,
    elapsedSeconds: (performance.now() - t0) / 1000,
    threads,
  };
}

// ---- formatting -------------------------------------------------------------------------------

export function fmt(x: number, unit: Unit): string {
  if (!Number.isFinite(x)) return '–';
  if (unit === 'percent') return `${(x * 100).toFixed(1)}%`;
  if (unit === 'pp') return `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)} pp`;
  if (unit === 'ratio') return x.toFixed(3);
  return x.toFixed(1);
}

function bandText(def: PatternDef): string {
  return `${fmt(def.lo, def.unit)} to ${fmt(def.hi, def.unit)}`;
}

function status(row: PatternRow): string {
  if (row.pass) return row.intervalCrossesEdge ? 'pass (interval reaches the edge)' : '**pass**';
  return row.def.deviation ? '**fail** (known deviation, see below)' : '**fail**';
}

const esc = (s: string) => s.replace(/\|/g, '\\|');

// ---- charts -----------------------------------------------------------------------------------

const PASS = 'mean inside the tolerance band';
const FAIL = 'mean outside the band';

export function patternChart(result: CalibrationResult, source: string): VlSpec {
  const ids = [...new Set(result.patterns.map((r) => r.def.id))];
  const panels = ids.map((id): VlSpec => {
    const rows = result.patterns.filter((r) => r.def.id === id);
    const def = rows[0].def;
    const scale = def.unit === 'percent' || def.unit === 'pp' ? 100 : 1;
    const unit =
      def.unit === 'percent' ? '%' : def.unit === 'pp' ? 'percentage points' : def.unit === 'fte' ? 'FTE' : 'ratio';
    const values = rows.map((r) => ({
      label: POINT_LABELS[r.point] ?? r.point,
      mean: r.stats.mean * scale,
      ciLow: (Number.isFinite(r.stats.ciLow) ? r.stats.ciLow : r.stats.mean) * scale,
      ciHigh: (Number.isFinite(r.stats.ciHigh) ? r.stats.ciHigh : r.stats.mean) * scale,
      verdict: r.pass ? PASS : FAIL,
    }));
    const x = (field: string) => ({
      field,
      type: 'quantitative',
      title: `${def.id}: ${def.pattern} (${unit})`,
      scale: { zero: false },
    });
    const y = {
      field: 'label',
      type: 'nominal',
      title: null,
      sort: values.map((v) => v.label),
      axis: { labelLimit: 320 },
    };
    const layers: VlSpec[] = [
      {
        data: { values: [{ lo: def.lo * scale, hi: def.hi * scale }] },
        mark: { type: 'rect', color: '#cfe3f5', opacity: 0.8 },
        encoding: { x: x('lo'), x2: { field: 'hi' } },
      },
    ];
    if (def.mark !== undefined)
      layers.push({
        data: { values: [{ mark: def.mark * scale }] },
        mark: { type: 'rule', color: '#0072B2', strokeDash: [5, 3], strokeWidth: 1.5 },
        encoding: { x: x('mark') },
      });
    layers.push(
      {
        data: { values },
        mark: { type: 'rule', strokeWidth: 2.5, color: '#333333' },
        encoding: { y, x: x('ciLow'), x2: { field: 'ciHigh' } },
      },
      {
        data: { values },
        mark: { type: 'point', size: 90, strokeWidth: 2, opacity: 1, stroke: '#000000' },
        encoding: {
          y,
          x: x('mean'),
          fill: {
            field: 'verdict',
            type: 'nominal',
            title: 'Result',
            scale: { domain: [PASS, FAIL], range: ['#000000', '#ffffff'] },
          },
        },
      },
    );
    return { width: 460, height: { step: 28 }, layer: layers };
  });
  const note =
    'Shaded: tolerance band; dashed line: the empirical figure; dot: mean over the runs with its 95% interval. Filled: mean inside the band; hollow: outside.';
  return framed({
    title: 'Calibration patterns: simulated against the Dutch figures',
    subtitle: ['High labour scarcity, registry defaults, 2026-2050; each row a scenario of the calibration batch'],
    caption: [note, source],
    body: { vconcat: panels, spacing: 18, resolve: { scale: { fill: 'shared' } } },
  });
}

export function needChart(result: CalibrationResult, source: string): VlSpec {
  const classLabel = Object.fromEntries(SIZE_CLASSES.map((c) => [c.id, c.label]));
  const bounds: Record<string, [number, number]> = {
    small: [700, 20_000],
    mid: [20_000, 100_000],
    g40: [100_000, 370_000],
    g4: [370_000, 1_000_000],
  };
  const points = result.need.municipalities.map((m) => ({
    population: m.population,
    need: m.need,
    name: m.name,
    cls: classLabel[m.sizeClass],
  }));
  const targets = result.need.rows.map((r) => ({
    x: bounds[r.id][0],
    x2: bounds[r.id][1],
    lo: r.targetLo,
    hi: r.targetHi,
    tlo: r.lo,
    thi: r.hi,
    cls: r.label,
  }));
  const means = result.need.rows.map((r) => ({ population: r.meanPopulation, need: r.meanNeed, cls: r.label }));
  const x = {
    field: 'population',
    type: 'quantitative',
    title: 'Inhabitants (1 Jan 2024, log scale)',
    scale: { type: 'log', domain: [700, 1_000_000] },
    axis: { format: '~s' },
  };
  const y = {
    field: 'need',
    type: 'quantitative',
    title: 'Heat-transition FTE need per municipality',
    scale: { type: 'log', domain: [0.5, 100] },
  };
  const order = SIZE_CLASSES.map((c) => c.label);
  const colour = {
    field: 'cls',
    type: 'nominal',
    title: 'Size class',
    scale: { domain: order, range: ['#0072B2', '#D55E00', '#009E73', '#CC79A7'] },
    sort: order,
  };
  return framed({
    title: 'FTE need per municipality by size class (pattern P3)',
    subtitle: [
      'Dots: each municipality; boxes: AEF/ROB need per class × heat share 0.6 (dark) and ±10% tolerance (light); diamonds: class means',
    ],
    caption: [
      'AEF/ROB extra FTE per municipality for climate tasks (A2-A5) times the heat share of about 60% (A11).',
      source,
    ],
    body: {
      width: 560,
      height: 360,
      layer: [
        {
          data: { values: targets },
          mark: { type: 'rect', opacity: 0.15 },
          encoding: {
            x: { ...x, field: 'x' },
            x2: { field: 'x2' },
            y: { ...y, field: 'tlo' },
            y2: { field: 'thi' },
            color: colour,
          },
        },
        {
          data: { values: targets },
          mark: { type: 'rect', opacity: 0.4 },
          encoding: {
            x: { ...x, field: 'x' },
            x2: { field: 'x2' },
            y: { ...y, field: 'lo' },
            y2: { field: 'hi' },
            color: colour,
          },
        },
        {
          data: { values: points },
          mark: { type: 'circle', size: 18, opacity: 0.7 },
          encoding: {
            x,
            y,
            color: colour,
            tooltip: [{ field: 'name' }, { field: 'population' }, { field: 'need', format: '.1f' }],
          },
        },
        {
          data: { values: means },
          mark: { type: 'point', shape: 'diamond', size: 160, filled: true, stroke: '#000000', strokeWidth: 1.2 },
          encoding: { x, y, color: colour },
        },
      ],
    },
  });
}

async function writeChart(name: string, spec: VlSpec, dir: string): Promise<string> {
  assertValidSpec(name, spec);
  const file = join(dir, `${name}.svg`);
  writeFileSync(file, await renderSvg(spec));
  return file;
}

// ---- the document -----------------------------------------------------------------------------

export function calibrationMarkdown(result: CalibrationResult): string {
  const { regional, national } = result.plans;
  const rows = result.patterns;
  const passed = rows.filter((r) => r.pass).length;
  const needPass = [...result.need.rows, result.need.total].filter((r) => r.pass).length;
  const lines: string[] = [];
  const L = (s = ''): void => {
    lines.push(s);
  };
  L('# Calibration');
  L();
  L('<!-- Generated by `npm run calibrate` (scripts/calibrate.ts); do not edit by hand. -->');
  L();
  L(
    'This document checks that the default parameters (`sim/parameters.ts`) reproduce the calibration patterns of the design brief ([ODD section 1.2](ODD.md#12-patterns)) in the national baseline and in typical RES regions. Every number below is computed by `npm run calibrate` from a fresh batch of runs on fixed seeds; `test/calibration.test.ts` runs a small version of the same checks, so a later change that breaks a pattern fails the test suite.',
  );
  L();
  L('## What was run');
  L();
  L(
    `- **Typical regions**: the three RES regions closest to the median RES region in number of municipalities (10.5) and population (519,000; nl-calibration H3, H4): ${TYPICAL_REGIONS.map((r) => `${r.label.split(',')[0]} (${r.code})`).join(', ')}. Each without a pool, at high labour scarcity (\`supplyRatio\` 0.6) and registry defaults: the shipped \`drenthe-none\` scenario moved to each region. The Flexteam (\`drenthe-flexteam\`, a flexpool of 4, demand-pull) for the pool pattern. ${regional.replicates} replicates each, master seed ${regional.masterSeed}, 2026-2050.`,
  );
  L(
    `- **National baseline**: all 342 municipalities on one labour market without pools (\`national-none\`), and with a flexpool per RES region (\`national-flexpools\`), high scarcity. ${national.replicates} replicates each, master seed ${national.masterSeed}, 2026-2050; plus \`national-none\` over 2026-2030 only, for the diagnostics of the first years.`,
  );
  L(
    '- **Need per size class** (P3) comes from the demand parameters alone (no randomness): every municipality of the national run at initialisation.',
  );
  L(
    `- Runs go through the batch engine (\`workers/engine.ts\`, ${result.threads} threads). This regeneration took ${formatDuration(result.elapsedSeconds)} of wall time (the machine was shared).`,
  );
  L();
  L(
    'Intervals are 95% Student-t intervals of the mean over the runs (`reports/stats/describe.ts`). A pattern passes when the mean lies in its tolerance band; the result notes when the interval reaches across an edge.',
  );
  L();
  L(
    `## Results: ${passed} of ${rows.length} pattern rows and ${needPass} of ${result.need.rows.length + 1} need rows pass`,
  );
  L();
  L('![Calibration patterns](figures/calibration-patterns.svg)');
  L();
  L('| # | Pattern | Target (source) | Tolerance band | Scenario | Simulated mean [95% CI] | Result |');
  L('|---|---|---|---|---|---|---|');
  rows.forEach((r, i) => {
    const s = r.stats;
    const first = i === 0 || rows[i - 1].def.id !== r.def.id;
    const head = first
      ? `${r.def.id} | ${esc(r.def.pattern)} | ${esc(r.def.target)} | ${bandText(r.def)}: ${esc(r.def.tolerance)}`
      : ' | | | ';
    L(
      `| ${head} | ${esc(POINT_LABELS[r.point] ?? r.point)} | ${fmt(s.mean, r.def.unit)} [${fmt(s.ciLow, r.def.unit)}, ${fmt(s.ciHigh, r.def.unit)}] (n = ${s.n}) | ${status(r)} |`,
    );
  });
  L();
  L('What each row measures:');
  L();
  for (const def of PATTERNS) L(`- **${def.id}**: ${def.measure}.`);
  L();
  L('### P3: FTE need per municipality by size class');
  L();
  L('![FTE need by size class](figures/calibration-need-by-size.svg)');
  L();
  L(
    '| Size class | Municipalities | Mean inhabitants | Simulated need: mean (min-max) | Target: AEF × 0.6 (source) | Tolerance band (±10%) | Result |',
  );
  L('|---|---|---|---|---|---|---|');
  for (const r of [...result.need.rows, result.need.total]) {
    const national = r.id === 'national';
    L(
      `| ${esc(r.label)}${national ? ' (total)' : ''} | ${r.municipalities} | ${Math.round(r.meanPopulation).toLocaleString('en-US')} | ${r.meanNeed.toFixed(1)}${national ? '' : ` (${r.minNeed.toFixed(1)}-${r.maxNeed.toFixed(1)})`} | ${r.targetLo.toFixed(1)}-${r.targetHi.toFixed(1)} (${r.source}) | ${r.lo.toFixed(1)}-${r.hi.toFixed(1)} | ${r.pass ? '**pass**' : '**fail**'} |`,
    );
  }
  L();
  L(
    'The AEF/ROB figures (A2-A5) are extra FTE for all Klimaatakkoord tasks; the heat and built-environment part is about 60% (A11). AEF did not publish its class boundaries, so the mapping is an assumption: small below 20,000 inhabitants, mid-sized 20,000-99,999, G40 approximated by the municipalities of 100,000 or more outside the G4 (the real G40 also holds some of 50,000-100,000). The national total compares with the weighted average of 14-17 FTE per municipality (A1, A16) times the heat share. The tolerance of ±10% covers the unknown class boundaries and the approximate heat share.',
  );
  L();
  const diagOf = (point: string, metric: string) =>
    result.diagnostics.find((d) => d.point === point && d.metric === metric);
  const ci = (d: { stats: Description; unit: Unit } | undefined) =>
    d ? `${fmt(d.stats.mean, d.unit)} [${fmt(d.stats.ciLow, d.unit)}, ${fmt(d.stats.ciHigh, d.unit)}]` : '–';
  const span = (values: number[], unit: Unit) =>
    values.length ? `${fmt(Math.min(...values), unit)}-${fmt(Math.max(...values), unit)}` : '–';
  const meansOf = (id: string, points: readonly string[]) =>
    rows.filter((r) => r.def.id === id && points.includes(r.point)).map((r) => r.stats.mean);
  const typical = TYPICAL_REGIONS.map((r) => r.id);
  const p2High = span(meansOf('P2', typical), 'percent');
  const p2Medium = span(
    result.diagnostics.filter((d) => d.group === 'medium').map((d) => d.stats.mean),
    'percent',
  );
  if (result.diagnostics.length > 0) {
    L('### Diagnostics (shown, not targets)');
    L();
    L('| Group | Quantity | Scenario | Mean [95% CI] |');
    L('|---|---|---|---|');
    const groupName = {
      'first-years': 'First five years',
      moves: 'Moves between municipalities',
      medium: 'P2 at medium scarcity',
      extreme: 'P4b at extreme scarcity',
    };
    for (const d of result.diagnostics)
      L(`| ${groupName[d.group]} | ${esc(d.label)} | ${esc(POINT_LABELS[d.point] ?? d.point)} | ${ci(d)} |`);
    L();
    L(
      'The first years are a transient from the starting state: the staff in post has the age structure of the real sector (mean 47.2, 17% aged 60 or over, E18), so retirements bunch; every municipality starts overloaded (35% of its need in post, so the overload hazard is at its cap); and the consultancy grows toward the work municipalities order within their norm on external hiring. Outflow and the external share are therefore higher in 2026-2030 than over the whole run. The patterns are checked over 2026-2050, the horizon every research question uses.',
    );
    L();
  }
  L('## How each pattern is measured and why');
  L();
  L(
    `**P1a, outflow: \`sectorOutflowRatePerYear\`, not \`munOutflowRatePerYear\`.** The A&O figures (E2, E4) describe the municipal sector as a whole: a civil servant who moves from one municipality to another stays in the sector and is not in its outflow. The sector metric counts leavers to retirement, the private sector, consultancies and pools, and leaves out moves between municipalities; \`munOutflowRatePerYear\` counts every leaver of a municipality (${ci(diagOf('national-none', 'munOutflowRatePerYear'))} in the national baseline), because the heat-transition market has many moves between municipalities. Moves to a pool count as leaving the sector (a pool employer such as the province is outside it; Flexteam Drenthe staff are employed by the province, D4).`,
  );
  L();
  L(
    '**P1b and P1c, inflow.** Inflow minus outflow is the net growth of own staff: an accounting identity. The 15.9% of 2022 (E2) came with an outflow of 8.3% (E4), so the municipal sector grew by about 7.6% that year (and by 5.6% in 2023, E1) on new money. In the model the heat staffing budget is constant over 2026-2050 (ODD 6.1) and covers the need by default (model v2: people, not money, are scarce), so own staff are limited by labour supply; a fair target is not 15.9% but a band: at least the replacement rate of a sector that does not grow (8.3%, with the tolerance of P1a) and at most the 2022 rate. P1c adds the one directional fact the data carry: the sector grew despite the tight market, so in the no-pool baseline own staff should not shrink over the run (inflow ≥ outflow), and should not grow faster than the sector did in 2022.',
  );
  L();
  L(
    "**P2, external hiring.** `externalSpendShare` is consultant spend over salaries plus consultant spend of the municipalities, over 2026-2050. In model v2 a municipality orders consultants for its uncovered shortfall while they stay under its norm on external hiring (`externalHiringNorm`, ODD 7.4) and the consultancy can staff them: it recruits from the same labour market, with outside fill scaled by scarcity, and its price rises with market tightness. Under high scarcity the norm binds, so the share settles near it; at medium scarcity the consultancy's own recruitment binds first. The A&O figure is a national average for all municipal staff, so the national baseline is its direct counterpart; the typical regions show the spread.",
  );
  L();
  L(
    '**P4, the Drenthe gap.** A15 reports 160 FTE needed against 50-60 available for the 12 Drenthe municipalities. The model keeps the ratio (P4a: own staff in post in January 2026 against the need) and checks whether the gap stays open to 2050 (P4b; the band is the team\'s reading of "persistent structural shortage", not a measured 2050 figure). The level of the need (P4c) is not met: see the known deviations.',
  );
  L();
  L(
    '**P5, a pool far smaller than the gap.** Mean pool staff while the pool exists against the gap left at the end. The Flexteam started with 4 staff for a gap of about 100 FTE; nothing is known about how large such a pool becomes, so the band only asks that the pool stays well below the gap (at most half of it).',
  );
  L();
  L('## Defaults chosen in this calibration (model v2)');
  L();
  L(
    'Model v2 changed the labour market (budgets cover the need; a norm on external hiring; vacancies withdrawn; consultants recruit from the same pond at a price that follows tightness), so the patterns were re-run. One default was calibrated; each carries its reasoning in its source note in `sim/parameters.ts`:',
  );
  L();
  const old: Record<string, string> = { externalHiringNorm: '0.25 (A, new in v2)', budgetCoverage: '0.45 (D, v1)' };
  L('| Parameter | Old default | New default | Pattern | Why |');
  L('|---|---|---|---|---|');
  const why: Record<string, string> = {
    externalHiringNorm:
      'Under high scarcity the norm binds and the external share settles just above it (contracts are priced when ordered, and prices follow tightness). At 0.25 the typical regions and the national baseline were at 24.6-26.1% (measured in trial runs of this calibration), and at 0.2 at 22.1-22.9%, above the 12-22% band around F5; the norm of the sector (Roemernorm 10%) is exceeded by municipalities (17%, F5) and more in shortage fields (F10).',
    budgetCoverage:
      "Not calibrated: set to 1 (money for every needed post) because the articles' premise is that people, not money, are scarce. In v1 it was calibrated to 0.45 to reproduce P2 through budget absorption; a budget-limited region (0.4-0.6) is now a scenario.",
  };
  for (const name of ['externalHiringNorm', 'budgetCoverage'] as const) {
    const p = PARAMETERS[name];
    L(`| \`${name}\` | ${old[name]} | ${p.default} | P2 | ${why[name]} |`);
  }
  L();
  L(
    'Checked and kept: `baseExitPerYear` (0.02) and `outsideOptionConstant` (−4.5) for P1; `initialStaffShare` (0.35, D: the ratio of A15) and `supplyRatio` (0.6, high scarcity) for P4a; `demandIntensity` (1), `scaleEconomyExponent` (−0.35) and the work per dwelling for P3; `consultancyInitialShare` (0.05) and `consultancyOutsideFillPerMonth` (0.1) for P1 and P2.',
  );
  L();
  L('## Known deviations and what they say about the mechanisms');
  L();
  for (const def of PATTERNS.filter((d) => d.deviation)) L(`- **${def.id} (${def.pattern})**: ${def.deviation}`);
  const failing = rows.filter((r) => !r.pass && !r.def.deviation);
  const rowMean = (id: string, point: string) => rows.find((r) => r.def.id === id && r.point === point)?.stats.mean ?? Number.NaN;
  const drentheNeed = rowMean('P4c', 'drenthe-none');
  const p4b = PATTERNS.find((d) => d.id === 'P4b')!;
  const extremeGap = (diagOf('drenthe-none-extreme', 'gapFteEnd')?.stats.mean ?? Number.NaN) / drentheNeed;
  const extremeInBand = extremeGap >= p4b.lo && extremeGap <= p4b.hi;
  const whyFailing: Record<string, string> = {
    P2: `The norm on external hiring (${fmt(PARAMETERS.externalHiringNorm.default, 'percent')}) binds under high scarcity; the realised share can end above it because contracts are priced when ordered and prices follow tightness.`,
    P4b: `Under high scarcity (\`supplyRatio\` 0.6) own staff grow by ${fmt(rowMean('P1c', 'drenthe-none'), 'pp')} a year (P1c) because budgets now fund a post for every need: from ${fmt(rowMean('P4a', 'drenthe-none'), 'ratio')} of the need in post in 2026, the gap left in 2050 is ${fmt(rowMean('P4b', 'drenthe-none'), 'ratio')} of the need without a pool and ${fmt(rowMean('P4b', 'drenthe-flexteam'), 'ratio')} with the Flexteam. At extreme scarcity (\`supplyRatio\` 0.35) the gap stays open: ${ci(diagOf('drenthe-none-extreme', 'gapFteEnd'))} FTE of ${fmt(drentheNeed, 'fte')} in 2050 (diagnostics), ${extremeInBand ? 'inside' : 'outside'} the band. The articles' premise of a persistent structural shortage therefore corresponds to the extreme level in model v2; the Drenthe scenarios keep \`high\` as in v1, and RQ1 sweeps every level.`,
    P5: `A pool of satisfied members keeps growing while requests go unserved and money allows (ODD 7.5.8): the Flexteam starts with 4 staff and its mean team over its life is ${fmt(rowMean('P5', 'drenthe-flexteam'), 'ratio')} times the gap own staff have left by 2050. Nothing is known about how large such a pool becomes (the Flexteam has stayed small so far); the band is a judgment, and a pool of this size would mean the region chose to grow it.`,
  };
  for (const r of failing) {
    const known = KNOWN_FAILING.find((k) => k.id === r.def.id && k.point === r.point);
    const test = known
      ? ` The test lets this row fail but fails if the mean ${known.below !== undefined ? `reaches ${fmt(known.below, r.def.unit)}` : `falls to ${fmt(known.above ?? 0, r.def.unit)}`}.`
      : ' Not expected: the test fails on it.';
    L(
      `- **${r.def.id} in ${POINT_LABELS[r.point] ?? r.point}**: ${fmt(r.stats.mean, r.def.unit)} against the band ${bandText(r.def)}. ${whyFailing[r.def.id] ?? ''}${test}`,
    );
  }
  L(
    `- **The external share follows the norm and the pond, not the budget (model v2).** Municipalities have money for every needed post; consultants are limited by the norm on external hiring and by what the consultancy can recruit from the same labour market. The typical regions are at ${p2High} at high scarcity and ${p2Medium} at medium scarcity (\`supplyRatio\` 0.9, diagnostics).`,
  );
  L(
    '- **The consultant premium is applied to a loaded cost.** `consultantPremium` (1.6-2.0, F8) is a multiple of the *salary* of a comparable employee, but it multiplies `internalCostPerFteMonth`, a loaded cost (€100-115k a year, B5); on a loaded cost the ratio is about 1.2-1.5 (F12). The registry range does not allow that, so the default was kept: a euro buys about a quarter fewer consultant FTE than F12 implies, so consultants look dearer in RQ5 than they may be.',
  );
  L(
    '- **The inflow of 2022 cannot be reproduced with constant budgets and need.** 15.9% inflow with 8.3% outflow is a sector growing 7.6% a year on new money; the model has a constant need and budget (ODD 6.1), so its heat staff grows toward what labour supply allows. P1b therefore uses a band, not the point value.',
  );
  L(
    '- **The first years are a transient (see the diagnostics).** Outflow in 2026-2030 is above 8.3% because the initial workforce is old and overloaded and the consultancy grows toward the work ordered; starting the consultancy and the tenure distribution in equilibrium would remove it.',
  );
  L();
  L('## Reproduce');
  L();
  L('```sh');
  L(
    `npm run calibrate                     # ${regional.replicates} replicates per region, ${national.replicates} per national scenario, all threads`,
  );
  L('node dist/scripts/calibrate.js --help  # options: --replicates, --national-replicates, --threads, --out');
  L('```');
  L();
  L(
    `The batch folders (runs.csv, manifest.json with the input hashes and the git commit) are written to \`out/calibration/\`; \`npx regiosim report out/calibration/regional\` gives the full report of a batch. regiosim ${packageVersion()}.`,
  );
  L();
  return `${lines.join('\n')}`;
}

// ---- command line -----------------------------------------------------------------------------

async function main(): Promise<void> {
  // node:util parseArgs (strict): an unknown or misspelt option is an error, not silently ignored.
  const { values: args } = parseArgs({
    options: {
      help: { type: 'boolean' },
      replicates: { type: 'string' },
      'national-replicates': { type: 'string' },
      threads: { type: 'string' },
      out: { type: 'string' },
    },
  });
  if (args.help) {
    process.stdout.write(
      'node dist/scripts/calibrate.js [--replicates 30] [--national-replicates 30] [--threads N] [--out out/calibration]\n' +
        'Runs the calibration batches and writes docs/CALIBRATION.md and docs/figures/calibration-*.svg.\n',
    );
    return;
  }
  const root = projectRoot();
  const replicates = Number(args.replicates ?? 30);
  const nationalReplicates = Number(args['national-replicates'] ?? 30);
  const threads = args.threads ? Number(args.threads) : undefined;
  const outDir = args.out ?? join(root, 'out', 'calibration');
  const result = await runCalibration({ replicates, nationalReplicates, threads, outDir });
  const figures = join(root, 'docs', 'figures');
  mkdirSync(figures, { recursive: true });
  const source = `Bron: CBS (Gebieden in Nederland 2024), CC BY 4.0 · regiosim ${packageVersion()} · calibration batches: regions ${result.plans.regional.replicates} replicates (master seed ${REGIONAL_SEED}), national ${result.plans.national.replicates} (master seed ${NATIONAL_SEED})`;
  await writeChart('calibration-patterns', patternChart(result, source), figures);
  await writeChart('calibration-need-by-size', needChart(result, source), figures);
  writeFileSync(join(root, 'docs', 'CALIBRATION.md'), calibrationMarkdown(result));
  const failed = result.patterns.filter((r) => !r.pass);
  process.stdout.write(
    `calibrate: ${result.patterns.length - failed.length}/${result.patterns.length} pattern rows pass in ${formatDuration(result.elapsedSeconds)}; wrote docs/CALIBRATION.md and docs/figures/calibration-*.svg\n` +
      failed
        .map(
          (r) =>
            `  fail ${r.def.id} ${r.point}: ${fmt(r.stats.mean, r.def.unit)} not in ${bandText(r.def)}${r.def.deviation ? ' (known deviation)' : ''}\n`,
        )
        .join(''),
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
