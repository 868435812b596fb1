/** Number formats and table cells of docs/CALIBRATION.md. */
import type { PatternRow } from './pattern-rows.js';
import type { PatternDef, Unit } from './patterns.js';

// ---- formatting -------------------------------------------------------------------------------

export function fmt(x: number, unit: Unit): string {
  if (!Number.isFinite(x)) return '–';
  if (unit === 'percent') return `${(x * 100).toFixed(1)}%`;
  if (unit === 'pp') return `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)} pp`;
  if (unit === 'ratio') return x.toFixed(3);
  return x.toFixed(1);
}

export function bandText(def: PatternDef): string {
  return `${fmt(def.lo, def.unit)} to ${fmt(def.hi, def.unit)}`;
}

export function status(row: PatternRow): string {
  if (row.pass) return row.intervalCrossesEdge ? 'pass (interval reaches the edge)' : '**pass**';
  return row.def.deviation ? '**fail** (known deviation, see below)' : '**fail**';
}

export const esc = (s: string) => s.replace(/\|/g, '\\|');
