/** Evaluates the calibration patterns on the runs of the calibration points: one row per pattern and point. */
import { readBatchInfo } from '../read/manifest.js';
import { readRuns } from '../read/runs.js';
import { type Description, describe } from '../stats/describe.js';
import { PATTERNS, type PatternDef } from './patterns.js';

export interface PatternRow {
  def: PatternDef;
  point: string;
  stats: Description;
  pass: boolean;
  /** The 95% interval reaches outside the band although the mean is inside (or the reverse). */
  intervalCrossesEdge: boolean;
}

/** Metric name → one value per ok run of one point (aligned across metrics). */
export type RunMetrics = Map<string, number[]>;

/** A pattern's per-run values on the runs of one point. */
export function patternValues(def: Pick<PatternDef, 'value'>, m: RunMetrics): number[] {
  const n = m.get('needFte')?.length ?? 0;
  return Array.from({ length: n }, (_, i) => def.value((name) => m.get(name)?.[i] ?? Number.NaN));
}

/** Per-point run values: metric name → values per ok run (aligned). */
export type PointMetrics = Map<string, RunMetrics>;

export function readPointMetrics(batchDir: string, into: PointMetrics): void {
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
      const stats = describe(patternValues(def, m));
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
