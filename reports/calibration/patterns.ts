/**
 * The calibration patterns of MODEL.md section 6: what each measures (from a run's summary metrics),
 * its target and tolerance band, and the rows known to fail in the full calibration.
 */
import { TYPICAL_REGIONS } from './points.js';

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
