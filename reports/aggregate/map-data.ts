/**
 * Stage 2f: per-municipality outcomes for the map. The batch writes region-level results only, so
 * this re-runs the first few replicates of each mapped point in-process, with the batch's own seeds
 * (common random numbers): re-run replicate i is run i of the batch, which the region-level
 * progress2030 of each re-run is checked against. The map then shows the mean over those runs.
 */
import { type ExperimentPlan, replicateSeed } from '../../scenarios/plan.js';
import { simulate } from '../../sim/simulate.js';
import type { RunsData } from '../read/runs.js';
import type { PointSet } from './points.js';

export interface MapRow {
  point: string;
  label: string;
  code: string;
  name: string;
  /** Mean progress over the re-runs (see MapData.progressYear). */
  progress: number;
  /** Share of the re-runs in which the municipality is a pool member at the end. */
  memberShare: number;
  runs: number;
}

export interface MapData {
  rows: MapRow[];
  /** Point ids mapped, in panel order. */
  points: string[];
  /** Runs re-simulated per point. */
  runsPerPoint: number;
  /** 2030, or the end of the run when the horizon ends before December 2030. */
  progressYear: number | 'end';
  /** Re-runs whose region-level progress2030 equals the batch's value for that replicate. */
  check: { compared: number; matched: number };
  codes: string[];
}

export interface MapOptions {
  runsPerPoint: number;
  /** At most this many panels (one per scenario, at its first sweep point). */
  maxPanels?: number;
}

export function mapData(plan: ExperimentPlan, set: PointSet, runs: RunsData, options: MapOptions): MapData | undefined {
  const k = Math.min(options.runsPerPoint, plan.replicates);
  if (k < 1) return undefined;
  const firstOfScenario = set.scenarios.map((s) => set.points.find((p) => p.scenario === s)!);
  const chosen = firstOfScenario.slice(0, options.maxPanels ?? 6);
  const seeds = Array.from({ length: k }, (_, r) => replicateSeed(plan.masterSeed, r));
  const rows: MapRow[] = [];
  const check = { compared: 0, matched: 0 };
  const codes = new Set<string>();
  let progressYear: MapData['progressYear'] = 2030;
  for (const meta of chosen) {
    const point = plan.points.find((p) => p.id === meta.id);
    if (!point) continue;
    const input = point.input;
    const use2030 = (2030 - input.startYear + 1) * 12 <= input.horizonMonths;
    if (!use2030) progressYear = 'end';
    const sums = new Map<string, { name: string; progress: number; members: number; n: number }>();
    const batchRuns = runs.points[meta.index];
    const batch2030 = new Map(batchRuns.replicates.map((r, i) => [r, batchRuns.metrics.get('progress2030')?.[i]]));
    seeds.forEach((seed, replicate) => {
      const result = simulate(input, seed);
      const batchValue = batch2030.get(replicate);
      if (batchValue !== undefined) {
        check.compared++;
        const mine = result.summary.metrics.progress2030;
        if (Object.is(mine, batchValue) || (Number.isNaN(mine) && Number.isNaN(batchValue))) check.matched++;
      }
      result.summary.municipalities.forEach((m, i) => {
        const yearly = result.series.municipality[i].values.progressShare;
        const progress = use2030 ? m.progress2030 : yearly[yearly.length - 1];
        const s = sums.get(m.code) ?? { name: m.name, progress: 0, members: 0, n: 0 };
        s.progress += progress;
        s.members += m.membershipEnd === 'member' ? 1 : 0;
        s.n++;
        sums.set(m.code, s);
      });
    });
    for (const [code, s] of sums) {
      codes.add(code);
      rows.push({ point: meta.id, label: meta.label, code, name: s.name, progress: s.progress / s.n, memberShare: s.members / s.n, runs: s.n });
    }
  }
  if (rows.length === 0) return undefined;
  return { rows, points: chosen.map((p) => p.id), runsPerPoint: k, progressYear, check, codes: [...codes] };
}
