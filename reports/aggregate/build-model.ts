/**
 * Stages 1–2: read the batch folder and aggregate it into a ReportModel. Each step is its own
 * module; this only wires them and collects the notes a reader must see.
 */
import { loadBoundaries } from '../../data/load.js';
import { DEFAULT_START_YEAR } from '../../scenarios/default.js';
import type { ExperimentPlan } from '../../scenarios/plan.js';
import { setOutcomeStyles } from '../metrics.js';
import type { ReportModel } from '../model.js';
import { type BatchInfo, readBatchInfo } from '../read/manifest.js';
import { readRuns } from '../read/runs.js';
import { readSeries } from '../read/series.js';
import { bands } from './bands.js';
import { scenarioChanges } from './changes.js';
import { type MapData, mapFromReruns, mapFromTable } from './map-data.js';
import { pairedDifferences } from './paired.js';
import { checkPlanAgainstManifest, recoverPlan } from './plan-inputs.js';
import { rewindForD3 } from './rewind.js';
import { pointSet } from './points.js';
import { proportions } from './proportions.js';
import { summarise } from './summary.js';
import { survival } from './survival.js';

/** The region series the charts use; bands are computed for these only (series.csv has them all). */
export const CHART_SERIES = ['progressShare', 'fteOwn', 'ftePool', 'fteConsultants', 'poolMembers', 'poolStaff', 'poolsAlive'] as const;

/** Values kept for quantile bands, at most (8 bytes each): bounds memory for huge monthly batches. */
const KEEP_BUDGET = 16_000_000;

export interface ModelOptions {
  /** The plan the batch ran (compare has it); otherwise it is rebuilt from the manifest and checked. */
  plan?: ExperimentPlan;
  /** Runs per scenario re-simulated for the map when the batch has no municipalities table (0: no map then). */
  mapRuns?: number;
  /** Progress messages. */
  log?: (message: string) => void;
}

function sourceLine(info: BatchInfo, ok: number, failed: number): string {
  // No-break spaces keep "master seed 7" and "40 runs (2 points × 20 replicates)" whole when a caption wraps.
  const keep = (text: string) => text.replace(/ /g, '\u00a0');
  const shape = `${info.points.length} point${info.points.length === 1 ? '' : 's'} × ${info.replicates} replicates`;
  return `Bron: CBS (Gebieden in Nederland 2024, gemeentegrenzen), CC BY 4.0 · regiosim ${info.version} · ${keep(`master seed ${info.masterSeed}`)} · ${keep(`${ok} runs (${shape}${failed ? `, ${failed} failed` : ''})`)}`;
}

/** How many replicates per point the quantile bands keep: all of them unless the budget is exceeded. */
export function keepFor(info: BatchInfo, variables: number): number {
  const horizon = Math.max(...info.points.map((p) => p.horizonMonths ?? 300));
  const months = info.seriesMode === 'monthly' ? horizon : Math.ceil(horizon / 12);
  const affordable = Math.floor(KEEP_BUDGET / Math.max(1, info.points.length * variables * months));
  return Math.max(1, Math.min(info.replicates, Math.max(affordable, 20)));
}

export function buildModel(batchDir: string, options: ModelOptions = {}): ReportModel {
  const log = options.log ?? (() => {});
  const info = readBatchInfo(batchDir);
  const notes: string[] = [];
  // Every chart and table labels the batch's outcome columns with their declared labels and units.
  setOutcomeStyles(info.outcomes ?? []);

  const set = pointSet(info);
  log(`reading ${info.files.runs}`);
  const runs = readRuns(info);
  if (runs.partial) notes.push(`The report is ${runs.partial}. It covers those runs only.`);
  const ok = runs.points.reduce((s, p) => s + p.replicates.length, 0);
  const failed = runs.points.reduce((s, p) => s + p.failed, 0);
  if (failed > 0) {
    const first = runs.points.flatMap((p) => p.failures)[0];
    notes.push(`${failed} run${failed === 1 ? '' : 's'} failed and are left out of every statistic (first: run ${first.run}, seed ${first.seed}: ${first.error}).`);
  }

  let plan = options.plan;
  let planProblem: string | undefined;
  if (plan) planProblem = checkPlanAgainstManifest(plan, info);
  else {
    const recovered = recoverPlan(info);
    plan = recovered.plan;
    planProblem = recovered.reason;
    if (recovered.note) notes.push(`${recovered.note[0].toUpperCase()}${recovered.note.slice(1)}.`);
  }
  if (planProblem) plan = undefined;
  const startYear = plan?.points[0]?.input.startYear ?? DEFAULT_START_YEAR;
  if (!plan)
    notes.push(
      `The scenario inputs could not be rebuilt: ${planProblem}. Years assume a start in ${DEFAULT_START_YEAR}${info.municipalitiesMode === 'none' ? ', and there is no map' : ''}.`,
    );

  const keep = keepFor(info, CHART_SERIES.length);
  log(`reading ${info.files.series}`);
  const series = readSeries(info.files.series, runs, CHART_SERIES, keep, runs.partial !== undefined);
  if (info.seriesMode === 'none' || series.rows === 0) notes.push('The batch has no series.csv rows (--series none): the charts over time are left out.');
  if (series.skipped > 0) notes.push(`${series.skipped} series.csv rows belong to runs that runs.csv does not list (yet) and are left out.`);
  if (keep < info.replicates)
    notes.push(`Quantile bands over time use the first ${keep} replicates of each point; means and their intervals use all runs.`);

  const model: ReportModel = {
    info,
    set,
    runs,
    startYear,
    runsOk: ok,
    runsFailed: failed,
    source: sourceLine(info, ok, failed),
    summary: summarise(set, runs),
    proportions: proportions(set, runs),
    paired: pairedDifferences(set, runs),
    bands: bands(set, series, info.replicates, startYear, info.seriesMode),
    survival: survival(set, runs, series, startYear, info.seriesMode),
    ...(plan ? { changes: scenarioChanges(set, plan) } : { changesMissing: `the scenario inputs could not be rebuilt (${planProblem})` }),
    keep,
    notes,
  };

  const mapRuns = options.mapRuns ?? 10;
  let map: MapData | undefined;
  if (info.municipalitiesMode !== 'none') {
    log(`reading ${info.files.municipalities}`);
    map = mapFromTable(info, set, runs, startYear, runs.partial !== undefined);
  } else if (plan && mapRuns > 0) {
    log(`re-running up to ${mapRuns} seeds per scenario for the map (the batch has no municipalities table)`);
    map = mapFromReruns(plan, set, runs, { runsPerPoint: mapRuns });
  }
  if (map) {
    const codes = new Set(map.codes);
    const all = (loadBoundaries() as { features: Array<{ properties: { gm_code: string } }> }).features;
    const features = all.filter((f) => codes.has(f.properties.gm_code));
    if (features.length === 0) {
      // Made-up municipalities (a synthetic region) have no boundaries to draw.
      notes.push('The municipalities of this batch have no CBS boundaries (a synthetic region): the report has no map.');
      return model;
    }
    model.map = map;
    model.boundaries = rewindForD3(features);
    if (map.check && map.check.matched !== map.check.compared)
      notes.push(`Only ${map.check.matched} of ${map.check.compared} map re-runs reproduced the batch's progress2030: the map may not match the batch.`);
  }
  return model;
}
