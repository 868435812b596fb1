/**
 * The report pipeline, in stages like Vega-Lite's own compiler: read the batch folder → aggregate
 * (statistics) → build chart specs → validate and render them → write tables, charts and
 * report.html. Each stage is a module of its own; this wires them.
 */
import { join, resolve } from 'node:path';
import type { ExperimentPlan } from '../scenarios/plan.js';
import { OutputFolder } from '../store/output-folder.js';
import { writeAtomic } from '../store/write.js';
import { buildModel } from './aggregate/build-model.js';
import { buildCharts } from './charts/index.js';
import { designReportCharts } from './explore/report-charts.js';
import { reportHtml } from './html/page.js';
import type { ReportModel } from './model.js';
import { checkFonts } from './render/render.js';
import { type WrittenChart, writeCharts } from './write/charts.js';
import { tables as tableSet, writeTables } from './write/tables.js';

export interface ReportOptions {
  /** Output folder (default: <batch-dir>/report). */
  outDir?: string;
  /** The plan the batch ran, when the caller has it (compare); otherwise rebuilt from the manifest. */
  plan?: ExperimentPlan;
  /** Runs per scenario re-simulated for the maps (default 10; 0: no maps). */
  mapRuns?: number;
  log?: (message: string) => void;
}

export interface ReportResult {
  outDir: string;
  html: string;
  charts: WrittenChart[];
  tables: string[];
  notes: string[];
  model: ReportModel;
}

export async function buildReport(batchDir: string, options: ReportOptions = {}): Promise<ReportResult> {
  const log = options.log ?? (() => {});
  checkFonts(); // fail before any work when the pinned font is missing
  const outDir = resolve(options.outDir ?? join(batchDir, 'report'));
  const model = buildModel(batchDir, { plan: options.plan, mapRuns: options.mapRuns, log });
  // A design batch (regiosim explore) gets sensitivity and discovery charts instead of per-point ones.
  const design = designReportCharts(batchDir, log);
  const chartList = design?.charts ?? buildCharts(model);
  // The folder holds reports only, one writer at a time; every file is known before the first is
  // written (a file of the user's is refused before anything changes); files are written
  // atomically, report.html last, and files of an earlier report that this one does not write
  // (stale charts) go at the end.
  const planned = [
    'report.html',
    'tables/statistics.json',
    ...Object.keys(tableSet(model)).map((name) => `tables/${name}.csv`),
    ...chartList.flatMap((c) => ['vl.json', 'svg', 'png'].map((ext) => `charts/${c.name}.${ext}`)),
  ];
  const folder = OutputFolder.claim(outDir, 'report', planned, 'report');
  try {
    const tables = writeTables(model, 'tables', folder);
    if (design) model.notes.push(...design.notes); // after the tables, as before: statistics.json unchanged
    log('validating and rendering the charts');
    const charts = await writeCharts(chartList, 'charts', log, folder);
    const html = folder.path('report.html');
    writeAtomic(html, reportHtml(model, charts, outDir, tables));
    folder.removeStale();
    return { outDir, html, charts, tables, notes: model.notes, model };
  } finally {
    folder.release();
  }
}
