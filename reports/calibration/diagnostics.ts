/** Quantities shown beside the calibration patterns in docs/CALIBRATION.md but not checked. */
import { TYPICAL_REGIONS } from './points.js';
import type { Unit } from './patterns.js';

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
