/**
 * Reads an explore batch folder (runs.csv, manifest.json, design.json) into what the sensitivity
 * and discovery analyses need: per scenario and policy, the runs of each design row in design
 * order. The design's values come from design.json (exact, with the unit-cube coordinates), the
 * outcomes from runs.csv; point ids tie them together (scenarios/design-build.ts designPointId).
 */
import { designPointId, type Exploration } from '../../scenarios/design-build.js';
import { DesignFileError, readDesignFile } from '../../scenarios/design-files.js';
import { ReportError } from '../errors.js';
import { type BatchInfo, readBatchInfo } from '../read/manifest.js';
import { type PointRuns, type RunsData, readRuns } from '../read/runs.js';

/** The design rows of one scenario under one policy: the unit of a sensitivity analysis. */
export interface ExploreGroup {
  scenario: string;
  /** The policy's name (undefined without policies). */
  policy?: string;
  /** "drenthe-start-small, policy no-sponsor", for tables and chart panels. */
  label: string;
  /** The runs of each design row, in design order (undefined for a row the batch has not run). */
  rows: Array<PointRuns | undefined>;
}

export interface ExploreData {
  dir: string;
  info: BatchInfo;
  exploration: Exploration;
  runs: RunsData;
  groups: ExploreGroup[];
  /** The source line every chart carries. */
  source: string;
  /** One line saying what the design is, e.g. "sobol (Saltelli), N = 64 base samples, 5 factors, seed 7". */
  designLine: string;
}

/** What the design is, in one line. */
export function describeDesign(e: Exploration): string {
  const k = e.factors.length;
  const rows = e.design.rows.length;
  const o = e.options;
  const size =
    e.method === 'sobol'
      ? `Saltelli sample, N = ${o.baseSamples} base samples${o.secondOrder ? ', second order' : ''} (${rows} points)`
      : e.method === 'morris'
        ? `Morris, ${o.trajectories} trajectories on ${o.levels ?? 4} levels (${rows} points)`
        : e.method === 'latinHypercube'
          ? `Latin hypercube of ${rows} points`
          : e.method === 'posterior'
            ? `${rows} futures resampled (${o.resampling ?? 'systematic'}) from the posterior ${e.posterior?.file ?? o.posterior}${e.posterior ? ` (${e.posterior.particles} particles, sha256 ${e.posterior.sha256.slice(0, 12)})` : ''}`
            : `full factorial, ${o.levels ?? 3} levels (${rows} points)`;
  return `${size}, ${k} factor${k === 1 ? '' : 's'}, seed ${e.seed}`;
}

function sourceLine(info: BatchInfo, ok: number, designLine: string): string {
  const keep = (text: string) => text.replace(/ /g, '\u00a0');
  return `Bron: CBS (Gebieden in Nederland 2024), CC BY 4.0 · regiosim ${info.version} · ${keep(`master seed ${info.masterSeed}`)} · ${keep(`${ok} runs (${info.points.length} points × ${info.replicates} replicates)`)} · design: ${designLine}`;
}

/**
 * Reads and checks an explore batch folder.
 * @throws ReportError when the folder is not an explore batch or its design and runs disagree
 */
export function readExploreBatch(batchDir: string): ExploreData {
  const info = readBatchInfo(batchDir);
  let exploration: Exploration;
  try {
    exploration = readDesignFile(info.dir);
  } catch (e) {
    if (e instanceof DesignFileError) throw new ReportError(e.message);
    throw e;
  }
  const runs = readRuns(info);
  const byId = new Map(runs.points.map((p) => [p.id, p]));
  const policies = exploration.policies.length ? exploration.policies.map((p) => p.name) : [undefined];
  const n = exploration.design.rows.length;
  const groups: ExploreGroup[] = [];
  let found = 0;
  for (const scenario of exploration.scenarios)
    for (const policy of policies) {
      const rows = Array.from({ length: n }, (_, r) => byId.get(designPointId(scenario, policy, r)));
      found += rows.filter(Boolean).length;
      groups.push({
        scenario,
        policy,
        label: policy === undefined ? scenario : exploration.scenarios.length > 1 ? `${scenario}, ${policy}` : policy,
        rows,
      });
    }
  if (found === 0)
    throw new ReportError(
      `${batchDir}: no point of design.json is in manifest.json's plan (ids such as ${designPointId(exploration.scenarios[0], policies[0], 0)}): the design belongs to another batch`,
    );
  const ok = runs.points.reduce((s, p) => s + p.replicates.length, 0);
  const designLine = describeDesign(exploration);
  return { dir: info.dir, info, exploration, runs, groups, source: sourceLine(info, ok, designLine), designLine };
}

/** Per design row of a group: the mean of a metric over the row's ok runs with a finite value. */
export interface RowMeans {
  means: Float64Array;
  /** Runs per row that gave a finite value. */
  counts: Int32Array;
  /** Rows without any finite value (not run, all runs failed, or the metric undefined, e.g. no pool founded). */
  empty: number;
  /** Runs left out because the metric was not finite there. */
  nonFinite: number;
  /** Share of the variance of the row means that replicate noise accounts for (NaN with one replicate). */
  noiseShare: number;
}

/**
 * Averages the replicates of each design row (the analyses need one output per design point) and
 * estimates how much of the spread of those averages is replicate noise: the mean within-row
 * variance divided by the replicates, over the variance of the row means.
 */
export function rowMeans(group: ExploreGroup, metric: string): RowMeans {
  const n = group.rows.length;
  const means = new Float64Array(n).fill(Number.NaN);
  const counts = new Int32Array(n);
  let empty = 0;
  let nonFinite = 0;
  let withinSum = 0;
  let withinRows = 0;
  let perRow = 0;
  group.rows.forEach((p, r) => {
    const values = (p?.metrics.get(metric) ?? []).filter((v) => {
      if (Number.isFinite(v)) return true;
      nonFinite++;
      return false;
    });
    counts[r] = values.length;
    if (values.length === 0) {
      empty++;
      return;
    }
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    means[r] = mean;
    if (values.length > 1) {
      withinSum += values.reduce((s, v) => s + (v - mean) ** 2, 0) / (values.length - 1) / values.length;
      withinRows++;
    }
    perRow += values.length;
  });
  const finite = [...means].filter(Number.isFinite);
  const grand = finite.reduce((s, v) => s + v, 0) / Math.max(1, finite.length);
  const between =
    finite.length > 1 ? finite.reduce((s, v) => s + (v - grand) ** 2, 0) / (finite.length - 1) : Number.NaN;
  const noise = withinRows > 0 ? withinSum / withinRows : Number.NaN;
  const noiseShare =
    perRow > finite.length && between > 0
      ? Math.min(1, noise / between)
      : between === 0 && noise === 0
        ? 0
        : Number.NaN;
  return { means, counts, empty, nonFinite, noiseShare };
}
