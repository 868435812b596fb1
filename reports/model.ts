/** The aggregated results every chart, table and the HTML page are built from (the output of stage 2). */
import type { BandRow } from './aggregate/bands.js';
import type { ScenarioChanges } from './aggregate/changes.js';
import type { MapData } from './aggregate/map-data.js';
import type { PairedRow } from './aggregate/paired.js';
import type { PointSet } from './aggregate/points.js';
import type { ProportionRow } from './aggregate/proportions.js';
import type { SummaryRow } from './aggregate/summary.js';
import type { SurvivalRow } from './aggregate/survival.js';
import type { BatchInfo } from './read/manifest.js';
import type { RunsData } from './read/runs.js';

export interface ReportModel {
  info: BatchInfo;
  set: PointSet;
  /** Every ok run's metrics (for paired differences and dot plots). */
  runs: RunsData;
  startYear: number;
  runsOk: number;
  runsFailed: number;
  /** The source line every chart carries. */
  source: string;
  summary: SummaryRow[];
  proportions: ProportionRow[];
  paired: PairedRow[];
  bands: BandRow[];
  survival: SurvivalRow[];
  /** What each scenario changes against the baseline (absent when the inputs could not be rebuilt). */
  changes?: ScenarioChanges;
  /** Why there is no table of changes, when there is none. */
  changesMissing?: string;
  map?: MapData;
  /** Boundary features of the mapped municipalities (GeoJSON Feature objects). */
  boundaries?: unknown[];
  /** Replicates per point kept for the quantile bands. */
  keep: number;
  /** Things the reader must know (failed runs, sampled quantiles, why there is no map...). */
  notes: string[];
}
