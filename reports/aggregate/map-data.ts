/**
 * Stage 2f: per-municipality outcomes for the map, over every ok run of each mapped point, with n
 * and 95% intervals: the mean progress with a t-interval, the share of runs in which the
 * municipality is a member at the end with a Wilson interval.
 *
 * The values come from the batch's municipalities table (municipalities.csv or .parquet, one row
 * per run × municipality; reports/read/municipality-rows.ts). A batch without one (made with
 * `--municipalities none`, or before the table existed) falls back to re-running the first
 * replicates of each mapped point in-process with the batch's seeds (common random numbers: re-run
 * replicate i is run i of the batch, which each re-run's region-level progress2030 is checked against).
 */
import { type ExperimentPlan, replicateSeed } from '../../scenarios/plan.js';
import { simulate } from '../../sim/simulate.js';
import type { BatchInfo } from '../read/manifest.js';
import { forEachMunicipalityRow } from '../read/municipality-rows.js';
import type { RunsData } from '../read/runs.js';
import { RunningMoments } from '../stats/running.js';
import { wilson } from '../stats/wilson.js';
import type { PointSet } from './points.js';

export interface MapRow {
  point: string;
  label: string;
  code: string;
  name: string;
  /** Mean progress over the runs (see MapData.progressYear), with its 95% t-interval. */
  progress: number;
  progressLow: number;
  progressHigh: number;
  /** Share of the runs in which the municipality is a pool member at the end, with its 95% Wilson interval. */
  memberShare: number;
  memberLow: number;
  memberHigh: number;
  /** Runs behind the values (runs with a missing progress count for membership only). */
  runs: number;
}

export interface MapData {
  rows: MapRow[];
  /** Point ids mapped, in panel order. */
  points: string[];
  /** Where the values come from: the batch's municipalities table (every run) or in-process re-runs. */
  source: 'table' | 'rerun';
  /** Runs per mapped point (the smallest, when points differ). */
  runsPerPoint: number;
  /** 2030, or the end of the run when the horizon ends before December 2030. */
  progressYear: number | 'end';
  /** Re-runs only: re-runs whose region-level progress2030 equals the batch's value for that replicate. */
  check?: { compared: number; matched: number };
  /** The widest 95% interval half-widths on the map (for the caption of a static image). */
  widest: { progress: number; memberShare: number };
  codes: string[];
}

export interface MapOptions {
  /** Re-runs per point when the batch has no municipalities table (0: no map then). */
  runsPerPoint: number;
  /** At most this many panels (one per scenario, at its first sweep point). */
  maxPanels?: number;
}

interface Cell {
  point: string;
  code: string;
  name: string;
  progress: RunningMoments;
  members: number;
  n: number;
}

/** Per point × municipality running sums, in first-seen order. */
class MapCells {
  private readonly cells = new Map<string, Cell>();
  add(point: string, code: string, name: string, progress: number, member: boolean): void {
    const key = `${point}\u0000${code}`;
    let c = this.cells.get(key);
    if (!c) {
      c = { point, code, name, progress: new RunningMoments(), members: 0, n: 0 };
      this.cells.set(key, c);
    }
    c.progress.add(progress);
    if (member) c.members++;
    c.n++;
  }
  rows(labelOf: (point: string) => string): MapRow[] {
    return [...this.cells.values()].map((c) => {
      const p = c.progress.interval();
      const m = wilson(c.members, c.n);
      return {
        point: c.point,
        label: labelOf(c.point),
        code: c.code,
        name: c.name,
        progress: p.mean,
        progressLow: p.ciLow,
        progressHigh: p.ciHigh,
        memberShare: m.share,
        memberLow: m.ciLow,
        memberHigh: m.ciHigh,
        runs: c.n,
      };
    });
  }
}

/** The points mapped: the first point of each scenario, at most maxPanels. */
function chosenPoints(set: PointSet, maxPanels = 6) {
  return set.scenarios.map((s) => set.points.find((p) => p.scenario === s)!).slice(0, maxPanels);
}

function finish(
  cells: MapCells,
  points: ReturnType<typeof chosenPoints>,
  base: Pick<MapData, 'source' | 'progressYear' | 'check'>,
): MapData | undefined {
  let chosen = points;
  const labels = new Map(chosen.map((p) => [p.id, p.label]));
  const rows = cells.rows((id) => labels.get(id) ?? id);
  if (rows.length === 0) return undefined;
  // A point without rows (a partial batch that has not reached it) gets no panel.
  chosen = chosen.filter((p) => rows.some((r) => r.point === p.id));
  const perPoint = chosen.map((p) => Math.max(0, ...rows.filter((r) => r.point === p.id).map((r) => r.runs)));
  const half = (lo: number, hi: number) => (Number.isFinite(hi - lo) ? (hi - lo) / 2 : 0);
  return {
    ...base,
    rows,
    points: chosen.map((p) => p.id),
    runsPerPoint: Math.min(...perPoint),
    widest: {
      progress: Math.max(0, ...rows.map((r) => half(r.progressLow, r.progressHigh))),
      memberShare: Math.max(0, ...rows.map((r) => half(r.memberLow, r.memberHigh))),
    },
    codes: [...new Set(rows.map((r) => r.code))],
  };
}

/** Whether every mapped point's horizon reaches December 2030 (else the map shows the end of the run). */
function reaches2030(info: BatchInfo, points: string[], startYear: number): boolean {
  return points.every((id) => {
    const months = info.points.find((p) => p.id === id)?.horizonMonths ?? 0;
    return (2030 - startYear + 1) * 12 <= months;
  });
}

/** The map from the batch's municipalities table: every ok run of the mapped points. */
export function mapFromTable(
  info: BatchInfo,
  set: PointSet,
  runs: RunsData,
  startYear: number,
  growing: boolean,
): MapData | undefined {
  if (info.municipalitiesMode === 'none') return undefined;
  const chosen = chosenPoints(set);
  const ids = new Set(chosen.map((p) => p.id));
  const use2030 = reaches2030(info, [...ids], startYear);
  const cells = new MapCells();
  forEachMunicipalityRow(info.files.municipalities, runs, growing, (row) => {
    if (!ids.has(row.point)) return;
    cells.add(
      row.point,
      row.code,
      row.name,
      use2030 ? row.progress2030 : row.progressEnd,
      row.membershipEnd === 'member',
    );
  });
  return finish(cells, chosen, { source: 'table', progressYear: use2030 ? 2030 : 'end' });
}

/** The map from in-process re-runs of the first replicates (batches without a municipalities table). */
export function mapFromReruns(
  plan: ExperimentPlan,
  set: PointSet,
  runs: RunsData,
  options: MapOptions,
): MapData | undefined {
  const k = Math.min(options.runsPerPoint, plan.replicates);
  if (k < 1) return undefined;
  const chosen = chosenPoints(set, options.maxPanels);
  const seeds = Array.from({ length: k }, (_, r) => replicateSeed(plan.masterSeed, r));
  const check = { compared: 0, matched: 0 };
  const cells = new MapCells();
  let use2030 = true;
  for (const meta of chosen) {
    const point = plan.points.find((p) => p.id === meta.id);
    if (point) use2030 &&= (2030 - point.input.startYear + 1) * 12 <= point.input.horizonMonths;
  }
  for (const meta of chosen) {
    const point = plan.points.find((p) => p.id === meta.id);
    if (!point) continue;
    const batchRuns = runs.points[meta.index];
    const batch2030 = new Map(batchRuns.replicates.map((r, i) => [r, batchRuns.metrics.get('progress2030')?.[i]]));
    seeds.forEach((seed, replicate) => {
      const result = simulate(point.input, seed);
      const batchValue = batch2030.get(replicate);
      if (batchValue !== undefined) {
        check.compared++;
        const mine = result.summary.metrics.progress2030;
        if (Object.is(mine, batchValue) || (Number.isNaN(mine) && Number.isNaN(batchValue))) check.matched++;
      }
      for (const m of result.summary.municipalities)
        cells.add(meta.id, m.code, m.name, use2030 ? m.progress2030 : m.progressShareEnd, m.membershipEnd === 'member');
    });
  }
  return finish(cells, chosen, { source: 'rerun', progressYear: use2030 ? 2030 : 'end', check });
}
