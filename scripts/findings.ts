/**
 * Findings: runs the shipped experiments (scenarios/experiments/*.yaml, as shipped: same
 * replicates, same master seeds) through the batch engine, aggregates them with the reports'
 * statistics (summary, paired differences, Wilson shares; reports/aggregate) and writes
 * docs/FINDINGS.md from a template with every number filled in, plus the key chart per research
 * question as docs/figures/findings-*.svg. Same seeds, same results: the document cannot drift
 * from the model.
 *
 *   npm run findings                      (builds, then node dist/scripts/findings.js)
 *   node dist/scripts/findings.js --threads 2 --out out/findings [--reuse]
 *
 * --reuse keeps a batch folder whose manifest says complete (for editing the template); without it
 * every experiment is run afresh.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { packageVersion, projectRoot } from '../store/manifest.js';
import { loadNationalData, modelDataFiles } from '../data/load.js';
import { buildModel } from '../reports/aggregate/build-model.js';
import type { PairedRow } from '../reports/aggregate/paired.js';
import { readableName } from '../reports/aggregate/points.js';
import type { ProportionRow } from '../reports/aggregate/proportions.js';
import type { SummaryRow } from '../reports/aggregate/summary.js';
import type { ReportModel } from '../reports/model.js';
import { categoryEncoding, framed, type VlSpec } from '../reports/charts/theme.js';
import { renderSvg } from '../reports/render/render.js';
import { assertValidSpec } from '../reports/render/validate.js';
import { type PairedDifference, pairedDifference } from '../reports/stats/paired-difference.js';
import { wilson } from '../reports/stats/wilson.js';
import { writeTables } from '../reports/write/tables.js';
import { loadExperimentFile } from '../scenarios/load.js';
import type { ExperimentPlan } from '../scenarios/plan.js';
import { runBatch } from '../workers/engine.js';
import { formatDuration, makeProgress } from '../workers/progress.js';

/** The shipped experiments, in the order of the research questions they serve. */
export const EXPERIMENTS = [
  'rq1-start-size-by-scarcity',
  'national',
  'rq2-governance-drenthe',
  'rq2-governance-drechtsteden',
  'rq3-trust-history-autonomy',
  'rq3-unlikely-pool',
  'recall-and-talk-it-out',
  'rq4-what-to-pool',
  'rq5-pool-vs-consultants',
  'rq6-framing-funding-scope',
  'rq6-province-team',
  'rq7-small-vs-large',
] as const;
export type ExperimentName = (typeof EXPERIMENTS)[number];

export interface ExperimentResult {
  name: ExperimentName;
  file: string;
  plan: ExperimentPlan;
  model: ReportModel;
  runs: number;
  seconds: number;
}

export const experimentFile = (name: string) => join(projectRoot(), 'scenarios', 'experiments', `${name}.yaml`);

function complete(dir: string): boolean {
  const manifest = join(dir, 'manifest.json');
  if (!existsSync(manifest)) return false;
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { status?: string }).status === 'complete';
}

export async function runExperiment(
  name: ExperimentName,
  opts: { outDir: string; threads: number; reuse?: boolean; quiet?: boolean },
): Promise<ExperimentResult> {
  const t0 = performance.now();
  const file = experimentFile(name);
  const plan = loadExperimentFile(file, loadNationalData());
  plan.replicates = REPLICATES[name];
  const dir = join(opts.outDir, name);
  if (!(opts.reuse && complete(dir))) {
    rmSync(dir, { recursive: true, force: true });
    const result = await runBatch(plan, {
      outDir: dir,
      threads: opts.threads,
      series: 'none',
      progress: makeProgress(opts.quiet ? 'quiet' : 'auto'),
      // The arguments of `regiosim batch <file>`, so `regiosim report` can rebuild the inputs.
      manifest: {
        arguments: { command: 'batch', refs: [file], threads: opts.threads, out: dir, series: 'none' },
        inputFiles: [...plan.sourceFiles, ...modelDataFiles()],
      },
    });
    if (result.status !== 'complete') throw new Error(`experiment ${name} ended ${result.status}${result.error ? `: ${result.error}` : ''}`);
  }
  const model = buildModel(dir, { plan, mapRuns: 0 });
  writeTables(model, join(dir, 'report', 'tables'));
  return { name, file, plan, model, runs: plan.points.length * plan.replicates, seconds: (performance.now() - t0) / 1000 };
}

// ---- lookups into the report model ------------------------------------------------------------

export type Results = Record<ExperimentName, ExperimentResult>;

/** The point id of a scenario at sweep values given as `name=value` pairs in the experiment's order. */
export function pointId(scenario: string, ...sweep: string[]): string {
  return [scenario, ...sweep].join('|');
}

export function summaryRow(model: ReportModel, point: string, metric: string): SummaryRow {
  const row = model.summary.find((r) => r.point === point && r.metric === metric);
  if (!row) throw new Error(`no summary row for ${point} / ${metric}`);
  return row;
}

export function pairedRow(model: ReportModel, point: string, metric: string): PairedRow {
  const row = model.paired.find((r) => r.point === point && r.metric === metric);
  if (!row) throw new Error(`no paired difference for ${point} / ${metric}`);
  return row;
}

export function proportionRow(model: ReportModel, point: string, measure: ProportionRow['measure']): ProportionRow {
  const row = model.proportions.find((r) => r.point === point && r.measure === measure);
  if (!row) throw new Error(`no proportion ${measure} for ${point}`);
  return row;
}

/** Per-run values of a metric at a point, in replicate order (for derived per-run quantities). */
export function runValues(model: ReportModel, point: string, metric: string): Map<number, number> {
  const index = model.set.points.find((p) => p.id === point)?.index;
  if (index === undefined) throw new Error(`no point ${point}`);
  const data = model.runs.points[index];
  const values = data.metrics.get(metric) ?? [];
  return new Map(data.replicates.map((r, i) => [r, values[i]]));
}

// ---- numbers and words ------------------------------------------------------------------------

/** Replicates per experiment: more than shipped, so pool-survival shares and paired differences are useful. */
export const REPLICATES: Record<ExperimentName, number> = {
  'rq1-start-size-by-scarcity': 200,
  national: 30,
  'rq2-governance-drenthe': 200,
  'rq2-governance-drechtsteden': 200,
  'rq3-trust-history-autonomy': 200,
  'rq3-unlikely-pool': 200,
  'recall-and-talk-it-out': 200,
  'rq4-what-to-pool': 200,
  'rq5-pool-vs-consultants': 200,
  'rq6-framing-funding-scope': 200,
  'rq6-province-team': 200,
  'rq7-small-vs-large': 200,
};

type Stat = { mean: number; ciLow: number; ciHigh: number };

const finite = (x: number) => Number.isFinite(x);
/** A share as a percentage: 0.2713 → "27.1%". */
export const pct = (x: number, digits = 1) => (finite(x) ? `${(x * 100).toFixed(digits)}%` : '–');
/** A difference of shares in percentage points: 0.0153 → "+1.5 pp". */
export const pp = (x: number, digits = 1) => (finite(x) ? `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(digits)} pp` : '–');
export const num = (x: number, digits = 0) =>
  finite(x) ? x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : '–';
const signed = (x: number, digits = 0) => (finite(x) ? `${x >= 0 ? '+' : '−'}${num(Math.abs(x), digits)}` : '–');

/** "+1.5 pp [+0.7, +2.2]" for a difference of shares; numbers with `digits` otherwise. */
export function dShare(d: Stat): string {
  return `${pp(d.mean)} [${pp(d.ciLow).replace(' pp', '')}, ${pp(d.ciHigh).replace(' pp', '')}]`;
}
export function dNum(d: Stat, digits = 0, unit = ''): string {
  return `${signed(d.mean, digits)}${unit} [${signed(d.ciLow, digits)}, ${signed(d.ciHigh, digits)}]`;
}
export function mShare(s: Stat): string {
  return `${pct(s.mean)} [${pct(s.ciLow).replace('%', '')}, ${pct(s.ciHigh)}]`;
}
export function mNum(s: Stat, digits = 0, unit = ''): string {
  return `${num(s.mean, digits)}${unit} [${num(s.ciLow, digits)}, ${num(s.ciHigh, digits)}]`;
}
export function wShare(p: { share: number; ciLow: number; ciHigh: number; n: number }): string {
  return `${pct(p.share, 0)} [${pct(p.ciLow, 0).replace('%', '')}, ${pct(p.ciHigh, 0)}]`;
}
/** The 95% interval excludes zero. */
export const sig = (d: Stat) => finite(d.ciLow) && (d.ciLow > 0 || d.ciHigh < 0);
/** A word for the direction of a difference: `up` if above zero, `down` if below, `none` if the interval holds zero. */
export function dir(d: Stat, up: string, down: string, none: string): string {
  if (!sig(d)) return none;
  return d.mean > 0 ? up : down;
}
export const neg = (d: Stat): Stat => ({ mean: -d.mean, ciLow: -d.ciHigh, ciHigh: -d.ciLow });

// ---- points and contrasts ---------------------------------------------------------------------

/** The point of a scenario at the given sweep values (compared as strings). */
export function point(model: ReportModel, scenario: string, sweep: Record<string, string | number> = {}): string {
  const found = model.set.points.find(
    (p) => p.scenario === scenario && Object.entries(sweep).every(([k, v]) => String(p.sweep[k]) === String(v)),
  );
  if (!found) throw new Error(`no point ${scenario} ${JSON.stringify(sweep)}`);
  return found.id;
}

/** Paired difference b − a over shared replicates (the reports' statistic), for contrasts the tables do not hold. */
export function contrast(model: ReportModel, a: string, b: string, metric: string): PairedDifference {
  return pairedDifference(runValues(model, a, metric), runValues(model, b, metric));
}

// ---- charts -----------------------------------------------------------------------------------

export interface ForestRow {
  label: string;
  group: string;
  mean: number;
  ciLow: number;
  ciHigh: number;
  distinguishable: boolean;
}
export interface ForestPanel {
  title: string;
  rows: ForestRow[];
  format?: string;
}

const YES = 'interval excludes zero';
const NO = 'interval includes zero';

function forestBody(panels: ForestPanel[], groups: string[], groupTitle = 'Scenario'): VlSpec {
  const colour = categoryEncoding('group', groupTitle, groups, ['color']);
  return {
    vconcat: panels.map((panel) => {
      const order = panel.rows.map((r) => r.label);
      const y = { field: 'label', type: 'nominal', title: null, sort: order, axis: { labelLimit: 300 } };
      const x = (field: string) => ({ field, type: 'quantitative', title: panel.title, ...(panel.format ? { axis: { format: panel.format } } : {}) });
      const rows = panel.rows.map((r) => ({ ...r, verdict: r.distinguishable ? YES : NO }));
      return {
        width: 460,
        height: { step: 22 },
        layer: [
          { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: '#555555', strokeDash: [4, 3] }, encoding: { x: x('zero') } },
          { data: { values: rows }, mark: { type: 'rule', strokeWidth: 2.5 }, encoding: { y, x: x('ciLow'), x2: { field: 'ciHigh' }, ...colour } },
          {
            data: { values: rows },
            mark: { type: 'point', size: 80, strokeWidth: 2, opacity: 1, stroke: '#000000' },
            encoding: {
              y,
              x: x('mean'),
              fill: { field: 'verdict', type: 'nominal', title: '95% interval', scale: { domain: [YES, NO], range: ['#000000', '#ffffff'] } },
            },
          },
        ],
      };
    }),
    spacing: 16,
    resolve: { scale: { fill: 'shared', color: 'shared' } },
  };
}

export interface LineRow {
  x: number | string;
  series: string;
  mean: number;
  ciLow: number;
  ciHigh: number;
}
export interface LinePanel {
  title: string;
  xTitle: string;
  yTitle: string;
  rows: LineRow[];
  xOrdinal?: string[];
  yFormat?: string;
  zero?: boolean;
}

function linesBody(panels: LinePanel[], series: string[]): VlSpec {
  const enc = categoryEncoding('series', 'Scenario', series, ['color', 'strokeDash', 'shape']);
  const { color, strokeDash, shape } = enc as Record<string, VlSpec>;
  return {
    hconcat: panels.map((panel) => {
      const x = panel.xOrdinal
        ? { field: 'x', type: 'ordinal', title: panel.xTitle, sort: panel.xOrdinal, axis: { labelAngle: 0 } }
        : { field: 'x', type: 'quantitative', title: panel.xTitle, scale: { zero: false, nice: false } };
      const y = (field: string) => ({
        field,
        type: 'quantitative',
        title: panel.yTitle,
        ...(panel.yFormat ? { axis: { format: panel.yFormat } } : {}),
        scale: { zero: panel.zero ?? false },
      });
      // One merged legend: colour, dash and shape share the field and the scale domain.
      const layers: VlSpec[] = [
        { mark: { type: 'line', strokeWidth: 2 }, encoding: { x, y: y('mean'), color, strokeDash } },
        { mark: { type: 'rule', strokeWidth: 1.5 }, encoding: { x, y: y('ciLow'), y2: { field: 'ciHigh' }, color } },
        { mark: { type: 'point', filled: true, size: 60, opacity: 1 }, encoding: { x, y: y('mean'), color, shape } },
      ];
      if (panel.zero) layers.unshift({ data: { values: [{ z: 0 }] }, mark: { type: 'rule', color: '#555555', strokeDash: [4, 3] }, encoding: { y: { field: 'z', type: 'quantitative' } } });
      return { width: 300, height: 230, data: { values: panel.rows }, layer: layers };
    }),
    spacing: 28,
    resolve: { scale: { color: 'shared', strokeDash: 'shared', shape: 'shared' } },
  };
}

function sourceLine(results: Results, names: ExperimentName[], version: string): string {
  const parts = names.map((n) => {
    const r = results[n];
    return `${n}.yaml (master seed ${r.plan.masterSeed}, ${r.plan.points.length} points × ${r.plan.replicates} runs)`;
  });
  return `Bron: CBS (Gebieden in Nederland 2024), CC BY 4.0 · regiosim ${version} · ${parts.join('; ')}`;
}

async function chart(name: string, spec: VlSpec, dir: string): Promise<string> {
  assertValidSpec(name, spec);
  writeFileSync(join(dir, `${name}.svg`), await renderSvg(spec));
  return `figures/${name}.svg`;
}

// ---- the document -----------------------------------------------------------------------------

export interface DocumentOptions {
  figures: string;
  seconds: number;
  threads: number;
  reused: boolean;
  version: string;
}

const label = (s: string) => readableName(s);

function command(results: Results, name: ExperimentName): string {
  return `node dist/cli/regiosim.js batch scenarios/experiments/${name}.yaml --runs ${results[name].plan.replicates} --out out/${name}`;
}

export async function findingsDocument(results: Results, opts: DocumentOptions): Promise<string> {
  const out: string[] = [];
  const L = (s = ''): void => {
    out.push(s);
  };
  const src = (...names: ExperimentName[]) => sourceLine(results, names, opts.version);
  const totalRuns = EXPERIMENTS.reduce((n, e) => n + results[e].runs, 0);
  /** Rows of the closing table: the sources' expectation, what the model shows (from the numbers), the RQ. */
  const synthesis: Array<[string, string, string]> = [];

  L('# Findings: the research questions answered with regiosim');
  L();
  L('<!-- Generated by `npm run findings` (scripts/findings.ts) from the shipped experiments; do not edit by hand. -->');
  L();
  L(
    `This document answers the research questions RQ1-RQ7 ([ODD section 1.1](ODD.md#11-purpose)) with the experiments shipped in \`scenarios/experiments/\`, run with the calibrated defaults (docs/CALIBRATION.md). Every number, interval and chart below is filled in by \`npm run findings\` from fresh batches on the experiments' own master seeds, so the text cannot drift from the model: same seeds, same results. ${EXPERIMENTS.length} experiments, ${num(totalRuns)} runs; regeneration took ${formatDuration(opts.seconds)} on ${opts.threads} threads${opts.reused ? ' (batches reused)' : ''} of a machine shared with other work.`,
  );
  L();
  L('**How to read the numbers.** A value is the mean over the runs of one scenario with its 95% interval in brackets. A difference ("Δ") is a paired difference: each run of a scenario minus the run of the baseline scenario with the same seed (same crises, quarrels, entrants), averaged, with its 95% t-interval (`reports/stats/paired-difference.ts`); "indistinguishable" means the interval includes zero. Shares of pools that survive use Wilson intervals over the pools founded. Progress is dwellings made ready as a share of what a fully staffed region would have made ready (a full-pace schedule to 2050), so 27% means about a quarter of the pace; differences in progress are in percentage points (pp). All runs use high labour scarcity unless a sweep says otherwise, and the registry defaults as calibrated in docs/CALIBRATION.md.');
  L();
  const regional = REPLICATES['rq1-start-size-by-scarcity'];
  const w30 = wilson(21, 30);
  const wN = wilson(Math.round(0.7 * regional), regional);
  L(
    `**Replicates.** The shipped files ask for 30 runs per point (20 and 10 for the two slow ones). At 30 runs a pool-survival share of 70% has a Wilson interval of ${pct(w30.ciLow, 0)}-${pct(w30.ciHigh, 0)}, too wide to tell scenarios apart, so every regional experiment is run with ${regional} replicates (the same share then spans ${pct(wN.ciLow, 0)}-${pct(wN.ciHigh, 0)}) and the national one with ${REPLICATES.national} (\`REPLICATES\` in scripts/findings.ts). Replicate i has the same seed whatever the count, so the first 30 runs are the shipped batch. The experiment files were not changed; each section gives the command that repeats its batch (then \`npx regiosim report out/<name>\` for the full report with all charts and tables).`,
  );
  L();

  // ---------------------------------------------------------------- RQ1
  {
    const m = results['rq1-start-size-by-scarcity'].model;
    const levels = ['low', 'medium', 'high', 'extreme'];
    const nat = results.national.model;
    type Row = {
      level: string;
      none2050: SummaryRow;
      small2030: PairedDifference;
      small2050: PairedDifference;
      big2030: PairedDifference;
      big2050: PairedDifference;
      bigVsSmall2050: PairedRow;
      survSmall: ProportionRow;
      survBig: ProportionRow;
      lifeSmall: SummaryRow;
      lifeBig: SummaryRow;
      survBigVsSmall: PairedRow;
    };
    const rows: Row[] = levels.map((level) => {
      const small = point(m, 'drenthe-start-small', { scarcity: level });
      const big = point(m, 'drenthe-start-big', { scarcity: level });
      const none = point(m, 'drenthe-none', { scarcity: level });
      return {
        level,
        none2050: summaryRow(m, none, 'progress2050'),
        small2030: contrast(m, none, small, 'progress2030'),
        small2050: contrast(m, none, small, 'progress2050'),
        big2030: contrast(m, none, big, 'progress2030'),
        big2050: contrast(m, none, big, 'progress2050'),
        bigVsSmall2050: pairedRow(m, big, 'progress2050'),
        survSmall: proportionRow(m, small, 'poolSurvives'),
        survBig: proportionRow(m, big, 'poolSurvives'),
        lifeSmall: summaryRow(m, small, 'poolLifetimeMonths'),
        lifeBig: summaryRow(m, big, 'poolLifetimeMonths'),
        survBigVsSmall: pairedRow(m, big, 'poolSurvived'),
      };
    });
    const natP2030 = pairedRow(nat, 'national-flexpools', 'progress2030');
    const natP2050 = pairedRow(nat, 'national-flexpools', 'progress2050');
    const natSurv = proportionRow(nat, 'national-flexpools', 'poolSurvives');
    const byLevel = (l: string) => rows.find((r) => r.level === l)!;
    const series = ['Start small (3 founders, 4 staff)', 'Start big (most of the region, 12 staff)'];
    const fig = await chart(
      'findings-rq1-start-size',
      framed({
        title: 'RQ1: start small or start big, by labour scarcity (RES Drenthe)',
        subtitle: ['Left and middle: progress with the pool minus progress without one (same seeds); right: founded pools still alive at the end of 2050'],
        caption: ['Points: mean; bars: 95% interval (paired t for differences, Wilson for shares).', src('rq1-start-size-by-scarcity')],
        body: linesBody(
          [
            {
              title: 'by 2030',
              xTitle: 'Labour scarcity',
              yTitle: 'Δ progress by 2030 vs no pool (pp)',
              xOrdinal: levels,
              zero: true,
              rows: rows.flatMap((r) => [
                { x: r.level, series: series[0], ...scale100(r.small2030) },
                { x: r.level, series: series[1], ...scale100(r.big2030) },
              ]),
            },
            {
              title: 'by 2050',
              xTitle: 'Labour scarcity',
              yTitle: 'Δ progress by 2050 vs no pool (pp)',
              xOrdinal: levels,
              zero: true,
              rows: rows.flatMap((r) => [
                { x: r.level, series: series[0], ...scale100(r.small2050) },
                { x: r.level, series: series[1], ...scale100(r.big2050) },
              ]),
            },
            {
              title: 'survival',
              xTitle: 'Labour scarcity',
              yTitle: 'Founded pools alive in December 2050 (%)',
              xOrdinal: levels,
              rows: rows.flatMap((r) => [
                { x: r.level, series: series[0], mean: r.survSmall.share * 100, ciLow: r.survSmall.ciLow * 100, ciHigh: r.survSmall.ciHigh * 100 },
                { x: r.level, series: series[1], mean: r.survBig.share * 100, ciLow: r.survBig.ciLow * 100, ciHigh: r.survBig.ciHigh * 100 },
              ]),
            },
          ],
          series,
        ),
      }),
      opts.figures,
    );
    const ex = byLevel('extreme');
    const lo = byLevel('low');
    const hi = byLevel('high');
    L('## RQ1: start small or start big, under each level of labour scarcity');
    L();
    L(
      '**Experiment.** `rq1-start-size-by-scarcity`: RES Drenthe, start small (the three most willing founders, a team of 4) against start big (every municipality whose join utility is not strongly negative, a team of 12) and no pool, at the four scarcity levels (`supplyRatio` 1.3, 0.9, 0.6, 0.35). The national experiment (`national`: a small-start flexpool in every RES region on one labour market, against none) adds the national scale.',
    );
    L();
    L('```sh');
    L(command(results, 'rq1-start-size-by-scarcity'));
    L(command(results, 'national'));
    L('```');
    L();
    L(`![RQ1](${fig})`);
    L();
    L('| Scarcity | Progress by 2050, no pool | Δ 2030, small − none | Δ 2050, small − none | Δ 2030, big − none | Δ 2050, big − none | Δ 2050, big − small | Pools alive 2050: small | big | Δ survival, big − small | Pool lifetime, months: small / big |');
    L('|---|---|---|---|---|---|---|---|---|---|---|');
    for (const r of rows)
      L(
        `| ${r.level} | ${mShare(r.none2050)} | ${dShare(r.small2030)} | ${dShare(r.small2050)} | ${dShare(r.big2030)} | ${dShare(r.big2050)} | ${dShare(r.bigVsSmall2050)} | ${wShare(r.survSmall)} | ${wShare(r.survBig)} | ${dShare(r.survBigVsSmall)} | ${num(r.lifeSmall.mean)} / ${num(r.lifeBig.mean)} |`,
      );
    L();
    L(
      `National scale (${results.national.plan.replicates} runs): a small-start flexpool in every RES region changes national progress by ${dShare(natP2030)} by 2030 and ${dShare(natP2050)} by 2050; ${wShare(natSurv)} of the ${num(natSurv.n)} pools founded are alive in 2050.`,
    );
    L();
    L('**Reading.**');
    L();
    const riskier = rows.filter((r) => sig(r.survBigVsSmall) && r.survBigVsSmall.mean < 0).map((r) => r.level);
    const safer = rows.filter((r) => sig(r.survBigVsSmall) && r.survBigVsSmall.mean > 0).map((r) => r.level);
    const same = rows.filter((r) => !sig(r.survBigVsSmall)).map((r) => r.level);
    const list = (xs: string[]) => (xs.length ? xs.join(', ') : 'none');
    L(
      `- *Progress.* A pool buys a little progress early: by 2030 a small start is ${dir(hi.small2030, 'ahead of', 'behind', 'level with')} no pool at high scarcity (${dShare(hi.small2030)}) and ${dir(ex.small2030, 'ahead of', 'behind', 'level with')} it at extreme scarcity (${dShare(ex.small2030)}). By 2050 the pool ${dir(lo.small2050, 'adds', 'costs', 'does not change')} progress at low scarcity (${dShare(lo.small2050)}), ${dir(hi.small2050, 'adds', 'costs', 'does not change')} it at high scarcity (${dShare(hi.small2050)}) and ${dir(ex.small2050, 'adds', 'costs', 'does not change')} it at extreme scarcity (${dShare(ex.small2050)}). Whatever the start, the region reaches about a quarter of the full pace (${pct(Math.min(...rows.map((r) => r.none2050.mean)), 0)} to ${pct(Math.max(...rows.map((r) => r.none2050.mean)), 0)} without a pool): the pool moves staff around a pond that is too small, it does not fill it.`,
    );
    const allRiskier = riskier.length === rows.length;
    const gapLo = lo.survBigVsSmall;
    const gapEx = ex.survBigVsSmall;
    const shrinks = Math.abs(gapEx.mean) < Math.abs(gapLo.mean);
    L(
      `- *Start big against start small.* Progress hardly differs (Δ 2050 between ${pp(Math.min(...rows.map((r) => r.bigVsSmall2050.mean)))} and ${pp(Math.max(...rows.map((r) => r.bigVsSmall2050.mean)))} across the levels). Survival does: ${allRiskier ? 'a big start survives less often than a small one at every scarcity level' : `a big start survives less often at ${list(riskier)} scarcity${safer.length ? `, more often at ${list(safer)}` : ''}${same.length ? `, and not distinguishably differently at ${list(same)}` : ''}`}; the paired difference is ${dShare(gapLo)} at low and ${dShare(gapEx)} at extreme scarcity.`,
    );
    L(
      `- *Risk of failure.* Pools fail most where municipalities can hire their own staff: at low scarcity ${wShare(lo.survSmall)} of small and ${wShare(lo.survBig)} of big starts survive to 2050, at extreme scarcity ${wShare(ex.survSmall)} and ${wShare(ex.survBig)}. With less shortage the pool is used less, members judge its hours against its fee and leave or vote it down. ${riskier.length ? `Starting small is the less risky option${allRiskier ? ' at every level' : ` at ${list(riskier)} scarcity`}, as De Jonge expects in the 2025 article ("lijkt minder risico’s te hebben")` : 'Starting small is not the less risky option here, against De Jonge’s expectation in the 2025 article'}. ${shrinks ? `The extra risk of a big start shrinks as the shortage deepens (from ${pp(gapLo.mean)} to ${pp(gapEx.mean)})${sig(gapEx) && gapEx.mean < 0 ? ' without vanishing' : ' and is gone at extreme scarcity'}: Wekx’s point that under persistent shortage the risk of starting too big is limited (“de risico’s van ‘te groot’ beginnen beperkt”)` : 'The extra risk of a big start does not shrink with scarcity, against Wekx’s expectation that under persistent shortage it is limited'}. A small start also fails in ${pct(1 - hi.survSmall.share, 0)} of runs at high scarcity despite its potential, as De Jonge warns.`,
    );
    L(
      `- *Depends on.* Scarcity decides both the benefit and the risk. Nationally the pools help small municipalities and cost large ones (RQ7), and ${dir(natP2050, 'raise', 'lower', 'do not change')} national progress by 2050 (${dShare(natP2050)}).`,
    );
    L();
    synthesis.push([
      'Under persistent structural shortage the risk of starting too big is limited (Wekx, 2025)',
      `${shrinks ? (sig(gapEx) && gapEx.mean < 0 ? 'Partly' : 'Agrees') : 'Does not agree'}: survival of big minus small starts ${dShare(gapLo)} at low and ${dShare(gapEx)} at extreme scarcity`,
      'RQ1',
    ]);
    synthesis.push([
      'Starting small looks less risky (De Jonge, 2025), but can fail despite potential',
      `${riskier.length ? 'Agrees' : 'Does not agree'}: small starts survive more often (${allRiskier ? 'at every scarcity level' : `at ${list(riskier)} scarcity`}), yet fail in ${pct(1 - hi.survSmall.share, 0)} of runs at high scarcity`,
      'RQ1',
    ]);
  }

  // ---------------------------------------------------------------- RQ2
  {
    const m = results['rq2-governance-drenthe'].model;
    const levels = ['0.2', '0.4', '0.6'];
    const rows = levels.map((a) => {
      const pull = point(m, 'drenthe-flexteam', { autonomyAversionMean: a });
      const push = point(m, 'drenthe-central-push', { autonomyAversionMean: a });
      return {
        a,
        memPull: summaryRow(m, pull, 'membershipShareEnd'),
        memPush: summaryRow(m, push, 'membershipShareEnd'),
        dMem: pairedRow(m, push, 'membershipShareEnd'),
        dTrust: pairedRow(m, push, 'trustInPoolEnd'),
        trustPull: summaryRow(m, pull, 'trustInPoolEnd'),
        dProg: pairedRow(m, push, 'progress2050'),
        dUtil: pairedRow(m, push, 'poolUtilisationMean'),
        survPull: proportionRow(m, pull, 'poolSurvives'),
        survPush: proportionRow(m, push, 'poolSurvives'),
      };
    });
    const d = results['rq2-governance-drechtsteden'].model;
    const dr = ['drechtsteden-regioregisseur', 'drechtsteden-demand-pull'].map((s) => ({
      s,
      mem: summaryRow(d, s, 'membershipShareEnd'),
      surv: proportionRow(d, s, 'poolSurvives'),
      life: summaryRow(d, s, 'poolLifetimeMonths'),
      dProg: pairedRow(d, s, 'progress2050'),
      trust: summaryRow(d, s, 'trustInPoolEnd'),
    }));
    const drPushVsPull = contrast(d, 'drechtsteden-demand-pull', 'drechtsteden-regioregisseur', 'membershipShareEnd');
    const series = ['Central push − demand-pull'];
    const mk = (title: string, yTitle: string, pick: (r: (typeof rows)[number]) => Stat, factor: number): LinePanel => ({
      title,
      xTitle: 'Mean autonomy aversion',
      yTitle,
      xOrdinal: levels,
      zero: true,
      rows: rows.map((r) => ({ x: r.a, series: series[0], mean: pick(r).mean * factor, ciLow: pick(r).ciLow * factor, ciHigh: pick(r).ciHigh * factor })),
    });
    const fig = await chart(
      'findings-rq2-governance',
      framed({
        title: 'RQ2: central push against demand-pull (RES Drenthe, Flexteam of 4)',
        subtitle: ['Paired differences, central push minus demand-pull, at three levels of autonomy aversion'],
        caption: ['Points: mean difference; bars: 95% paired interval; dashed: no difference.', src('rq2-governance-drenthe')],
        body: linesBody(
          [
            mk('members', 'Δ members at the end (pp of the region)', (r) => r.dMem, 100),
            mk('trust', 'Δ members’ trust in the pool at the end', (r) => r.dTrust, 1),
            mk('progress', 'Δ progress by 2050 (pp)', (r) => r.dProg, 100),
          ],
          series,
        ),
      }),
      opts.figures,
    );
    const r2 = rows[0];
    const r6 = rows[2];
    L('## RQ2: demand-pull or central push');
    L();
    L(
      '**Experiments.** `rq2-governance-drenthe`: the Flexteam as it started (12 municipalities, 4 province-paid staff, members ask for tasks) against the same pool with a coordinator who assigns staff by regional priority, and no pool, at mean autonomy aversion 0.2, 0.4 and 0.6. `rq2-governance-drechtsteden`: the seven Drechtsteden municipalities with strong shared history, a regional director assigning a pool of 6 (central push) against demand-pull and no pool.',
    );
    L();
    L('```sh');
    L(command(results, 'rq2-governance-drenthe'));
    L(command(results, 'rq2-governance-drechtsteden'));
    L('```');
    L();
    L(`![RQ2](${fig})`);
    L();
    L('| Autonomy aversion | Members at the end: pull | push | Δ members (push − pull) | Trust in pool: pull | Δ trust | Δ progress 2050 | Δ utilisation | Pools alive 2050: pull | push |');
    L('|---|---|---|---|---|---|---|---|---|---|');
    for (const r of rows)
      L(
        `| ${r.a} | ${mShare(r.memPull)} | ${mShare(r.memPush)} | ${dShare(r.dMem)} | ${mNum(r.trustPull, 3)} | ${dNum(r.dTrust, 3)} | ${dShare(r.dProg)} | ${dShare(r.dUtil)} | ${wShare(r.survPull)} | ${wShare(r.survPush)} |`,
      );
    L();
    L('| Drechtsteden | Members at the end | Pools alive 2050 | Pool lifetime (months) | Trust in pool | Δ progress 2050 vs no pool |');
    L('|---|---|---|---|---|---|');
    for (const x of dr) L(`| ${label(x.s)} | ${mShare(x.mem)} | ${wShare(x.surv)} | ${mNum(x.life)} | ${mNum(x.trust, 3)} | ${dShare(x.dProg)} |`);
    L();
    L('**Reading.**');
    L();
    const rq1 = results['rq1-start-size-by-scarcity'].model;
    const poolHigh = contrast(rq1, point(rq1, 'drenthe-none', { scarcity: 'high' }), point(rq1, 'drenthe-start-big', { scarcity: 'high' }), 'progress2050');
    L(
      `- Central push ${dir(r2.dMem, 'raises', 'costs', 'does not change')} membership (${dShare(r2.dMem)} of the region at autonomy aversion 0.2, ${dShare(r6.dMem)} at 0.6) and ${dir(r2.dTrust, 'raises', 'lowers', 'does not change')} members’ trust in the pool (${dNum(r2.dTrust, 3)} and ${dNum(r6.dTrust, 3)}); ${wShare(r2.survPush)} of pushed pools survive against ${wShare(r2.survPull)} of demand-pull pools at 0.2, ${wShare(r6.survPush)} against ${wShare(r6.survPull)} at 0.6. This is the Flexteam lesson of the 2025 article (the request must come from the municipalities, not be pushed from the centre). The model produces it through the autonomy term of the join and stay choice (aversion × formality 0.75 against 0.3), the lower legitimacy prior of trust in a pushed pool and a higher not-invented-here bias under push.`,
    );
    L(
      `- Progress by 2050 is ${dir(r2.dProg, 'higher', 'lower', 'not distinguishably different')} under push (${dShare(r2.dProg)} at 0.2, ${dShare(r6.dProg)} at 0.6), with utilisation ${dir(r2.dUtil, 'higher', 'lower', 'no different')} (${dShare(r2.dUtil)}). Two things can produce this and these experiments do not separate them: targeting (the coordinator serves the largest relative shortfall first) and simply less pool, since pushed pools lose members and dissolve more often while at high scarcity a specialist-and-process pool itself changes progress by 2050 by ${dShare(poolHigh)} against no pool (RQ1 big start, RQ4). ${sig(poolHigh) && poolHigh.mean > 0 ? 'So push trades ownership for some output.' : 'The model therefore does not show a trade-off in which push buys output at the price of ownership; it shows push losing ownership while the pool was not adding output by 2050 to begin with.'}`,
    );
    L(
      `- The cost of push changes ${Math.abs(r6.dMem.mean - r2.dMem.mean) < 0.1 ? 'little' : 'clearly'} with autonomy aversion (membership ${dShare(r2.dMem)} at 0.2, ${dShare(r6.dMem)} at 0.6; trust ${dNum(r2.dTrust, 3)} and ${dNum(r6.dTrust, 3)}). In the model the autonomy term grows with aversion, while the lower legitimacy prior and the higher not-invented-here bias under push do not depend on it.`,
    );
    L(
      `- In Drechtsteden, where shared history is strong, neither form lasts: ${wShare(dr[0].surv)} of regional-director pools and ${wShare(dr[1].surv)} of demand-pull pools survive to 2050, and the director’s pool ends with ${dShare(drPushVsPull)} of the region as members against the demand-pull pool. A pool of seven municipalities has little margin above the minimum of three members, and strong history does not hold members who judge the pool by hours against fees.`,
    );
    L(
      `- *Depends on.* ${Math.abs(r6.dMem.mean - r2.dMem.mean) < 0.1 ? 'Autonomy aversion changes the cost of push little between 0.2 and 0.6.' : 'Autonomy aversion changes the cost of push.'} Scarcity is high throughout, so whether push pays off when labour is less scarce is not tested by these experiments.`,
    );
    L();
    synthesis.push([
      'Demand-pull (the Flexteam menu card) keeps ownership; central push costs it (2025)',
      `${sig(r2.dMem) && r2.dMem.mean < 0 ? 'Agrees' : 'Does not agree'}: push changes members by ${dShare(r2.dMem)} and trust in the pool by ${dNum(r2.dTrust, 3)}; progress by 2050 ${dShare(r2.dProg)}`,
      'RQ2',
    ]);
  }

  // ---------------------------------------------------------------- RQ3
  {
    const m = results['rq3-trust-history-autonomy'].model;
    const levels = ['0.2', '0.3', '0.4', '0.5', '0.6', '0.7'];
    const scen = ['drenthe-flexteam', 'drenthe-quarrel-history', 'drenthe-largest-refuses'];
    const mem = (s: string, a: string) => summaryRow(m, point(m, s, { autonomyAversionMean: a }), 'membershipShareEnd');
    const slope = contrast(m, point(m, 'drenthe-flexteam', { autonomyAversionMean: '0.2' }), point(m, 'drenthe-flexteam', { autonomyAversionMean: '0.7' }), 'membershipShareEnd');
    const survLo = proportionRow(m, point(m, 'drenthe-flexteam', { autonomyAversionMean: '0.2' }), 'poolSurvives');
    const survHi = proportionRow(m, point(m, 'drenthe-flexteam', { autonomyAversionMean: '0.7' }), 'poolSurvives');
    const exits = summaryRow(m, point(m, 'drenthe-flexteam', { autonomyAversionMean: '0.4' }), 'poolExits');
    const hist = levels.map((a) => pairedRow(m, point(m, 'drenthe-quarrel-history', { autonomyAversionMean: a }), 'trustAmongMembersEnd'));
    const histMem = levels.map((a) => pairedRow(m, point(m, 'drenthe-quarrel-history', { autonomyAversionMean: a }), 'membershipShareEnd'));
    const refMem = levels.map((a) => pairedRow(m, point(m, 'drenthe-largest-refuses', { autonomyAversionMean: a }), 'membershipShareEnd'));
    const u = results['rq3-unlikely-pool'].model;
    const aLevels = ['0.4', '0.55', '0.7'];
    const jLevels = ['-2.5', '-1.75', '-1'];
    const grid = aLevels.flatMap((a) =>
      jLevels.map((j) => {
        const id = point(u, 'noord-holland-zuid-unlikely', { autonomyAversionMean: a, joinConstant: j });
        return {
          a,
          j,
          founders: summaryRow(u, id, 'poolFounders'),
          late: summaryRow(u, id, 'poolLateJoiners'),
          mem: summaryRow(u, id, 'membershipShareEnd'),
          formed: proportionRow(u, id, 'poolFounded'),
          surv: proportionRow(u, id, 'poolSurvives'),
        };
      }),
    );
    const g = (a: string, j: string) => grid.find((x) => x.a === a && x.j === j)!;
    const rc = results['recall-and-talk-it-out'].model;
    const qLevels = ['0.005', '0.012', '0.03'];
    const rec = qLevels.map((q) => ({
      q,
      quarrels: summaryRow(rc, point(rc, 'drenthe-flexteam', { quarrelPerPairPerYear: q }), 'quarrels'),
      forbidTrust: pairedRow(rc, point(rc, 'drenthe-recall-forbidden', { quarrelPerPairPerYear: q }), 'trustAmongMembersEnd'),
      forbidMem: pairedRow(rc, point(rc, 'drenthe-recall-forbidden', { quarrelPerPairPerYear: q }), 'membershipShareEnd'),
      talkTrust: pairedRow(rc, point(rc, 'drenthe-talk-it-out', { quarrelPerPairPerYear: q }), 'trustAmongMembersEnd'),
      talkMem: pairedRow(rc, point(rc, 'drenthe-talk-it-out', { quarrelPerPairPerYear: q }), 'membershipShareEnd'),
      survBase: proportionRow(rc, point(rc, 'drenthe-flexteam', { quarrelPerPairPerYear: q }), 'poolSurvives'),
      survTalk: proportionRow(rc, point(rc, 'drenthe-talk-it-out', { quarrelPerPairPerYear: q }), 'poolSurvives'),
    }));
    const series = scen.map(label);
    const heat = {
      width: 240,
      height: 200,
      data: { values: grid.map((x) => ({ a: x.a, j: x.j, v: x.mem.mean * 100, text: `${(x.mem.mean * 100).toFixed(0)}%` })) },
      encoding: {
        x: { field: 'a', type: 'ordinal', title: 'Mean autonomy aversion', sort: aLevels, axis: { labelAngle: 0 } },
        y: { field: 'j', type: 'ordinal', title: 'Status-quo bias (joinConstant)', sort: [...jLevels].reverse() },
      },
      layer: [
        { mark: 'rect', encoding: { color: { field: 'v', type: 'quantitative', title: 'Members at the end (%)', scale: { scheme: 'viridis', domain: [0, 100] } } } },
        { mark: { type: 'text', fontSize: 12 }, encoding: { text: { field: 'text' }, color: { condition: { test: 'datum.v > 55', value: '#000000' }, value: '#ffffff' } } },
      ],
    };
    const fig = await chart(
      'findings-rq3-joining',
      framed({
        title: 'RQ3: who joins and stays',
        subtitle: ['Left: RES Drenthe, members at the end across autonomy aversion; right: Noord-Holland Zuid stress case, members at the end'],
        caption: ['Left: mean and 95% interval per point. Right: mean over the runs of each cell.', src('rq3-trust-history-autonomy', 'rq3-unlikely-pool')],
        body: {
          hconcat: [
            linesBody(
              [
                {
                  title: 'members',
                  xTitle: 'Mean autonomy aversion',
                  yTitle: 'Members at the end (% of the region)',
                  rows: scen.flatMap((s) => levels.map((a) => ({ x: Number(a), series: label(s), ...scale100(mem(s, a)) }))),
                },
              ],
              series,
            ),
            heat,
          ],
          spacing: 40,
          resolve: { scale: { color: 'independent', strokeDash: 'independent', shape: 'independent' } },
        },
      }),
      opts.figures,
    );
    L('## RQ3: trust, shared history and autonomy aversion: who joins, who stays, do late joiners follow success?');
    L();
    L(
      '**Experiments.** `rq3-trust-history-autonomy`: the Flexteam in Drenthe, the same with hypothetical bad (Assen-Tynaarlo, Assen-Aa en Hunze) and good (Emmen-Coevorden) shared history, and with the largest municipality refusing, each at mean autonomy aversion 0.2 to 0.7. `rq3-unlikely-pool`: Noord-Holland Zuid (27 municipalities) with little shared history, two large refusers and not-invented-here bias, across autonomy aversion and the status-quo bias against joining. `recall-and-talk-it-out`: the recall rule and the talk-it-out intervention at three quarrel rates.',
    );
    L();
    L('```sh');
    for (const e of ['rq3-trust-history-autonomy', 'rq3-unlikely-pool', 'recall-and-talk-it-out'] as const) L(command(results, e));
    L('```');
    L();
    L(`![RQ3](${fig})`);
    L();
    L('| Autonomy aversion | Members at the end: Flexteam | Δ bad/good history | Δ largest refuses | Δ trust among members, history |');
    L('|---|---|---|---|---|');
    for (const [i, a] of levels.entries())
      L(`| ${a} | ${mShare(mem('drenthe-flexteam', a))} | ${dShare(histMem[i])} | ${dShare(refMem[i])} | ${dNum(hist[i], 3)} |`);
    L();
    L('| Noord-Holland Zuid: aversion, status-quo bias | Pool founded | Founders | Joins after founding | Members at the end | Pools alive 2050 |');
    L('|---|---|---|---|---|---|');
    for (const x of grid) L(`| ${x.a}, ${x.j} | ${wShare(x.formed)} | ${mNum(x.founders, 1)} | ${mNum(x.late, 1)} | ${mShare(x.mem)} | ${wShare(x.surv)} |`);
    L();
    L('| Quarrels per pair per year | Quarrels per run | Recall forbidden: Δ trust among members | Δ members | Talk-it-out: Δ trust among members | Δ members | Pools alive: Flexteam / talk-it-out |');
    L('|---|---|---|---|---|---|---|');
    for (const r of rec)
      L(`| ${r.q} | ${mNum(r.quarrels, 1)} | ${dNum(r.forbidTrust, 3)} | ${dShare(r.forbidMem)} | ${dNum(r.talkTrust, 3)} | ${dShare(r.talkMem)} | ${wShare(r.survBase)} / ${wShare(r.survTalk)} |`);
    L();
    const gLow = g('0.4', '-2.5');
    const gHigh = g('0.4', '-1');
    const gAvHigh = g('0.7', '-1');
    L('**Reading.**');
    L();
    L(
      `- *Autonomy aversion* lowers membership at the end, but gently: from ${mShare(mem('drenthe-flexteam', '0.2'))} of the region at 0.2 to ${mShare(mem('drenthe-flexteam', '0.7'))} at 0.7 (paired Δ ${dShare(slope)}); ${wShare(survLo)} and ${wShare(survHi)} of the pools survive. Who stays is decided year by year by the narrow evaluation (hours received against the fee): members leave and rejoin often (${mNum(exits, 1)} exits per run in a 12-member pool, counting the exits at dissolution).`,
    );
    L(
      `- *Shared history* of a few pairs changes little: the bad and good pairs lower trust among members by ${dNum(hist[2], 3)} at aversion 0.4, and membership is ${dir(histMem[2], 'higher', 'lower', 'indistinguishable')} (${dShare(histMem[2])}). With the largest municipality (Emmen) refusing, members at the end change by ${dShare(refMem[2])} of the region at 0.4, ${Math.abs(refMem[2].mean) > 1 / 12 + 0.02 ? 'more than the refuser itself (8.3 pp of twelve): losing the largest member also costs others' : 'about the refuser itself (8.3 pp of twelve)'}. Initial trust enters the join choice, but after founding the yearly evaluation dominates.`,
    );
    L(
      `- *Where a pool becomes possible* (Noord-Holland Zuid) depends on the status-quo bias far more than on autonomy aversion: at bias −2.5 only ${mNum(gLow.founders, 1)} municipalities found the pool, ${mNum(gLow.late, 1)} joins follow and ${wShare(gLow.surv)} of the pools survive; at −1 nearly all found it (${mNum(gHigh.founders, 1)}) and ${wShare(gHigh.surv)} survive. Raising autonomy aversion from 0.4 to 0.7 at −1 leaves ${mShare(gAvHigh.mem)} members against ${mShare(gHigh.mem)}.`,
    );
    L(
      '- *Late joiners.* Where few found, many join later (the joins column counts every join after founding, rejoins included), through the conformity, trust and success terms of the join choice. The shipped experiments do not vary the success term (`successWeight`), so whether late joiners follow *success* rather than neighbours cannot be separated here; the model has the mechanism (observed served share, weight 1.5) but these batches do not isolate it.',
    );
    L(
      `- *Recall and talk-it-out.* Forbidding recall in a crisis changes trust among members by ${dNum(rec[2].forbidTrust, 3)} and membership by ${dShare(rec[2].forbidMem)} at the highest quarrel rate (${dShare(rec[0].forbidMem)} at the lowest): members left unserved while another pulls pool staff home blame the recaller, and forbidding it ${dir(rec[2].forbidMem, 'keeps more members', 'keeps fewer members', 'does not keep distinguishably more members')}, with wide intervals. Talk-it-out resolves quarrels faster and raises trust among members (${dNum(rec[2].talkTrust, 3)} at 0.03 quarrels per pair per year, ${dNum(rec[0].talkTrust, 3)} at 0.005), but membership (${dShare(rec[2].talkMem)}) and survival do not follow: in the model quarrels hurt dyadic trust, while staying is decided on hours against fees.`,
    );
    synthesis.push([
      'Trust, shared history and talking out quarrels carry collaboration (2025)',
      `Partly: talk-it-out raises trust among members (${dNum(rec[2].talkTrust, 3)}) but not membership (${dShare(rec[2].talkMem)}); bad history changes membership by ${dShare(histMem[2])}; who stays is decided by the evaluation of hours against fees`,
      'RQ3',
    ]);
    L(
      '- *Against the 2025 article.* The article expects trust, history and culture to carry collaboration and talking out personal quarrels to help; the model shows the direction for trust but small consequences for who stays, because its stay rule is transactional (the default narrow evaluation). With a broad evaluation (RQ6) membership is much higher. So the model agrees with the article that the *evaluation frame* matters, and suggests that trust-building alone does not keep members when they judge the pool by hours received.',
    );
    L();
  }

  // ---------------------------------------------------------------- RQ4
  {
    const m = results['rq4-what-to-pool'].model;
    const scen = ['drenthe-pool-specialists', 'drenthe-pool-local', 'drenthe-none'];
    const metrics = ['progress2030', 'progress2050', 'knowledgeLocalEnd', 'knowledgeSpecialistEnd', 'knowledgeProcessEnd', 'knowledgePoolEnd', 'knowledgeRetainedEnd', 'capacitySharePool'];
    const dd = (s: string, k: string) => pairedRow(m, s, k);
    const base = (k: string) => summaryRow(m, 'drenthe-flexteam', k);
    const surv = (s: string) => proportionRow(m, s, 'poolSurvives');
    const localVsNone = contrast(m, 'drenthe-none', 'drenthe-pool-local', 'progress2050');
    const groups = scen.map(label);
    const rowsFor = (k: string, factor: number): ForestRow[] =>
      scen.map((s) => {
        const d = dd(s, k);
        return { label: label(s), group: label(s), mean: d.mean * factor, ciLow: d.ciLow * factor, ciHigh: d.ciHigh * factor, distinguishable: d.distinguishable };
      });
    const fig = await chart(
      'findings-rq4-what-to-pool',
      framed({
        title: 'RQ4: what to pool (RES Drenthe), each option minus the Flexteam (specialists + process)',
        subtitle: ['Paired differences from the Flexteam pooling specialist and process staff'],
        caption: ['Dot: mean difference; line: 95% paired interval; filled: interval excludes zero.', src('rq4-what-to-pool')],
        body: forestBody(
          [
            { title: 'Δ progress by 2050 (pp)', rows: rowsFor('progress2050', 100) },
            { title: 'Δ local knowledge of the municipalities at the end (knowledge units)', rows: rowsFor('knowledgeLocalEnd', 1) },
            { title: 'Δ knowledge retained in the region at the end, municipalities + pool (units)', rows: rowsFor('knowledgeRetainedEnd', 1) },
          ],
          groups,
        ),
      }),
      opts.figures,
    );
    L('## RQ4: what to pool');
    L();
    L(
      '**Experiment.** `rq4-what-to-pool`: the Flexteam pooling specialist and process staff (as Drenthe does) against a pool of specialists only, a pool that also lends out local (participation) staff, and no pool. Pool staff doing local work produce at a local-fit discount (`localFitFloor` 0.4 rising with the municipality’s local knowledge) and leave little local knowledge behind (`localTransferFactor` 0.15).',
    );
    L();
    L('```sh');
    L(command(results, 'rq4-what-to-pool'));
    L('```');
    L();
    L(`![RQ4](${fig})`);
    L();
    L(`| Measure | Flexteam (specialist + process) | ${scen.map((s) => `Δ ${label(s)}`).join(' | ')} |`);
    L('|---|---|---|---|---|');
    for (const k of metrics) {
      const share = k.startsWith('progress') || k.startsWith('capacity');
      L(`| \`${k}\` | ${share ? mShare(base(k)) : mNum(base(k))} | ${scen.map((s) => (share ? dShare(dd(s, k)) : dNum(dd(s, k)))).join(' | ')} |`);
    }
    L(`| Pools alive 2050 | ${wShare(surv('drenthe-flexteam'))} | ${wShare(surv('drenthe-pool-specialists'))} | ${wShare(surv('drenthe-pool-local'))} | – |`);
    L();
    const loc = dd('drenthe-pool-local', 'progress2050');
    const locK = dd('drenthe-pool-local', 'knowledgeLocalEnd');
    L('**Reading.**');
    L();
    L(
      `- *Progress says: pool the local staff too.* Lending out local staff as well ${dir(loc, 'raises', 'lowers', 'does not change')} progress by 2050 by ${dShare(loc)} against the Flexteam and ${dShare(localVsNone)} against no pool, and ${wShare(surv('drenthe-pool-local'))} of these pools survive. The reason is the Leontief production: execution needs local work (40% of it), local staff are the binding input under scarcity, and a pool that supplies only specialists and project leaders adds capacity where it is not the bottleneck while its fees take budget from the binding role. Outsiders on local work are less productive, but some local capacity beats none.`,
    );
    L(
      `- *Knowledge says: do not.* The same option ${dir(locK, 'raises', 'lowers', 'does not change')} the municipalities’ own local knowledge (${dNum(locK)} units against the Flexteam): outsiders do the local work and take its knowledge with them, which is the 2025 article’s point that local knowledge must be built inside the municipality. The pool’s own memory and the specialist and process stocks grow instead, so the region as a whole retains more (${dNum(dd('drenthe-pool-local', 'knowledgeRetainedEnd'))}).`,
    );
    L(
      `- A specialists-only pool is ${dir(dd('drenthe-pool-specialists', 'progress2050'), 'better', 'worse', 'no better and no worse')} for progress (${dShare(dd('drenthe-pool-specialists', 'progress2050'))}) and retains less knowledge (${dNum(dd('drenthe-pool-specialists', 'knowledgeRetainedEnd'))}); the Drenthe choice for process staff (project leaders) is supported.`,
    );
    synthesis.push([
      'Specialist and process knowledge pool well; local field knowledge does not (2025)',
      `Agrees on knowledge (pooling local staff changes municipal local knowledge by ${dNum(locK)} units), ${sig(loc) && loc.mean > 0 ? 'disagrees on output' : 'and on output'}: pooling local staff too changes progress by 2050 by ${dShare(loc)}`,
      'RQ4',
    ]);
    L(
      '- *Against the sources.* This contradicts the expectation that only specialist and process knowledge should be pooled: in output terms the model favours pooling exactly the sticky local work, because that is where the shortage binds. It agrees with the sources on knowledge. Which side wins depends on how much a local outsider can do (`localFitFloor`, an assumption) and on how binding local work is (the execution mix, `mixExecLocal`); both deserve empirical grounding before this is used as advice.',
    );
    L();
  }

  // ---------------------------------------------------------------- RQ5
  {
    const m = results['rq5-pool-vs-consultants'].model;
    const prem = ['1.6', '1.8', '2'];
    const forms = ['drenthe-light', 'drenthe-flexteam'];
    const at = (s: string, p: string) => point(m, s, { consultantPremium: p });
    const metrics: Array<[string, string, boolean]> = [
      ['knowledgeRetainedEnd', 'Knowledge retained at the end (units)', false],
      ['knowledgeLostConsultants', 'Knowledge that left with consultants (units)', false],
      ['knowledgeLostToRegion', 'Knowledge lost to the region (units)', false],
      ['costPerDwelling', 'Cost per dwelling made ready (EUR)', false],
      ['externalSpendShare', 'External share of spending', true],
      ['capacityShareConsultants', 'Capacity from consultants (dependence)', true],
      ['progress2050', 'Progress by 2050', true],
    ];
    const groups = forms.map(label);
    const rowsFor = (k: string, factor: number): ForestRow[] =>
      forms.flatMap((s) =>
        prem.map((p) => {
          const d = pairedRow(m, at(s, p), k);
          return { label: `${label(s)}, premium ${p}`, group: label(s), mean: d.mean * factor, ciLow: d.ciLow * factor, ciHigh: d.ciHigh * factor, distinguishable: d.distinguishable };
        }),
      );
    const fig = await chart(
      'findings-rq5-pool-vs-consultants',
      framed({
        title: 'RQ5: pooling or hiring consultants (RES Drenthe), each form minus no collaboration',
        subtitle: ['Paired differences from no collaboration, at consultant premiums 1.6, 1.8 and 2.0 × internal cost'],
        caption: ['Dot: mean difference; line: 95% paired interval; filled: interval excludes zero.', src('rq5-pool-vs-consultants')],
        body: forestBody(
          [
            { title: 'Δ knowledge retained in the region at the end (units)', rows: rowsFor('knowledgeRetainedEnd', 1) },
            { title: 'Δ cost per dwelling made ready (EUR)', rows: rowsFor('costPerDwelling', 1) },
            { title: 'Δ external share of spending (pp)', rows: rowsFor('externalSpendShare', 100) },
            { title: 'Δ progress by 2050 (pp)', rows: rowsFor('progress2050', 100) },
          ],
          groups,
        ),
      }),
      opts.figures,
    );
    L('## RQ5: pooling or hiring externals');
    L();
    L(
      '**Experiment.** `rq5-pool-vs-consultants`: no collaboration, joint procurement of consultants (the light form: 12% lower price, knowledge still leaves) and the Flexteam flexpool, across the consultant premium over internal cost (1.6, 1.8, 2.0, the range of F8).',
    );
    L();
    L('```sh');
    L(command(results, 'rq5-pool-vs-consultants'));
    L('```');
    L();
    L(`![RQ5](${fig})`);
    L();
    L(`| Measure (premium 1.8) | No collaboration | Δ light | Δ flexpool | Δ flexpool at premium 1.6 | at 2.0 |`);
    L('|---|---|---|---|---|---|');
    for (const [k, name, share] of metrics) {
      const f = (d: Stat) => (share ? dShare(d) : dNum(d));
      L(
        `| ${name} | ${share ? mShare(summaryRow(m, at('drenthe-none', '1.8'), k)) : mNum(summaryRow(m, at('drenthe-none', '1.8'), k))} | ${f(pairedRow(m, at('drenthe-light', '1.8'), k))} | ${f(pairedRow(m, at('drenthe-flexteam', '1.8'), k))} | ${f(pairedRow(m, at('drenthe-flexteam', '1.6'), k))} | ${f(pairedRow(m, at('drenthe-flexteam', '2'), k))} |`,
      );
    }
    L(`| Pools alive 2050 (flexpool) | – | – | ${wShare(proportionRow(m, at('drenthe-flexteam', '1.8'), 'poolSurvives'))} | ${wShare(proportionRow(m, at('drenthe-flexteam', '1.6'), 'poolSurvives'))} | ${wShare(proportionRow(m, at('drenthe-flexteam', '2'), 'poolSurvives'))} |`);
    L();
    const f = (k: string) => pairedRow(m, at('drenthe-flexteam', '1.8'), k);
    const l = (k: string) => pairedRow(m, at('drenthe-light', '1.8'), k);
    const noneK = summaryRow(m, at('drenthe-none', '1.8'), 'knowledgeRetainedEnd');
    const noneC = summaryRow(m, at('drenthe-none', '1.8'), 'costPerDwelling');
    L('**Reading.**');
    L();
    L(
      `- *Knowledge.* A flexpool keeps more knowledge in the region: ${dNum(f('knowledgeRetainedEnd'))} units at the end (${f('knowledgeRetainedEnd').mean >= 0 ? '+' : '−'}${pct(Math.abs(f('knowledgeRetainedEnd').mean) / noneK.mean, 0)} on the ${num(noneK.mean)} units the region keeps without collaboration), and the knowledge that leaves with consultants changes by ${dNum(f('knowledgeLostConsultants'))} units. Joint procurement ${dir(l('knowledgeRetainedEnd'), 'raises', 'lowers', 'does not change')} retained knowledge (${dNum(l('knowledgeRetainedEnd'))}); it buys more consultants and so loses more knowledge with them (${dNum(l('knowledgeLostConsultants'))}). This is the expectation of both articles (hired knowledge leaves; a pool builds collective memory).`,
    );
    L(
      `- *Dependence.* The flexpool changes the external share of spending by ${dShare(f('externalSpendShare'))} and the consultants’ share of capacity by ${dShare(f('capacityShareConsultants'))}. It also changes the knowledge lost to the region by ${dNum(f('knowledgeLostToRegion'))} units: a pool that dissolves takes its collective memory with it.`,
    );
    L(
      `- *Cost and output.* The knowledge is not free: cost per dwelling made ready is ${dir(f('costPerDwelling'), 'higher', 'lower', 'no different')} with the pool (${dNum(f('costPerDwelling'))} EUR on ${num(noneC.mean)}), and progress by 2050 ${dir(f('progress2050'), 'rises', 'falls', 'does not change distinguishably')} (${dShare(f('progress2050'))}). The pool is cheaper per FTE than a consultant, but it takes fees from the budget for pooled roles while the binding role (local work, RQ4) stays short, and its staff come partly from the municipalities themselves. Joint procurement is the cheaper option per dwelling (${dNum(l('costPerDwelling'))} EUR) without the knowledge gain. The literature’s finding that inter-municipal cooperation brings no average cost saving (SF6) is reproduced; the expectation in the 2023 article that pooling is a smart answer to the shortage holds for knowledge and dependence, not for cost or output.`,
    );
    synthesis.push([
      'Hiring externals costs money and the knowledge leaves afterwards; pooling keeps it (2023, 2025)',
      `Agrees on knowledge (${dNum(f('knowledgeRetainedEnd'))} units retained) and dependence (${dShare(f('externalSpendShare'))} external spending); cost per dwelling ${dNum(f('costPerDwelling'))} EUR and progress by 2050 ${dShare(f('progress2050'))}`,
      'RQ5',
    ]);
    L(
      `- *Depends on.* A dearer consultant makes the pool more attractive: pool survival rises from ${wShare(proportionRow(m, at('drenthe-flexteam', '1.6'), 'poolSurvives'))} at premium 1.6 to ${wShare(proportionRow(m, at('drenthe-flexteam', '2'), 'poolSurvives'))} at 2.0. Note that the premium multiplies a loaded internal cost; on that basis F12 suggests 1.2-1.5, below the registry range (docs/CALIBRATION.md), which would make consultants cheaper than shown here.`,
    );
    L();
  }

  // ---------------------------------------------------------------- RQ6
  {
    const m = results['rq6-framing-funding-scope'].model;
    const years = ['0', '3', '5', '10'];
    const scen = ['drenthe-flexteam', 'drenthe-efficiency-framing', 'drenthe-broad-evaluation', 'drenthe-multi-domain'];
    const at = (s: string, y: string) => point(m, s, { sponsorYears: y });
    const surv = (s: string, y: string) => proportionRow(m, at(s, y), 'poolSurvives');
    const t = results['rq6-province-team'].model;
    const tYears = ['3', '10', '25'];
    const tAt = (y: string, sc: string) => point(t, 'twente-expert-team', { sponsorYears: y, scope: sc });
    const tSurv = (y: string, sc: string) => proportionRow(t, tAt(y, sc), 'poolSurvives');
    const tMulti = tYears.map((y) => contrast(t, tAt(y, 'heat'), tAt(y, 'multi'), 'membershipShareEnd'));
    const series = [...scen.map(label), 'Twente expert team, heat only', 'Twente expert team, multi-domain'];
    const fig = await chart(
      'findings-rq6-framing-funding-scope',
      framed({
        title: 'RQ6: framing, evaluation, scope and sponsor years: share of founded pools alive in December 2050',
        subtitle: ['Left: RES Drenthe (Flexteam and one-lever variants); right: Twente expert team (province-paid, small start)'],
        caption: ['Points: share; bars: 95% Wilson interval over the pools founded.', src('rq6-framing-funding-scope', 'rq6-province-team')],
        body: linesBody(
          [
            {
              title: 'drenthe',
              xTitle: 'Years the sponsor pays',
              yTitle: 'Pools alive in December 2050 (%)',
              xOrdinal: years,
              rows: scen.flatMap((s) => years.map((y) => wRow(y, label(s), surv(s, y)))),
            },
            {
              title: 'twente',
              xTitle: 'Years the province pays',
              yTitle: 'Pools alive in December 2050 (%)',
              xOrdinal: tYears,
              rows: [
                ...tYears.map((y) => wRow(y, series[4], tSurv(y, 'heat'))),
                ...tYears.map((y) => wRow(y, series[5], tSurv(y, 'multi'))),
              ],
            },
          ],
          series,
        ),
      }),
      opts.figures,
    );
    L('## RQ6: framing, funding and scope');
    L();
    L(
      '**Experiments.** `rq6-framing-funding-scope`: the Flexteam (knowledge-and-talent framing, narrow evaluation, heat only) and three one-lever variants (efficiency framing; broad evaluation, the D7 lesson not to judge the pool transactionally; multi-domain scope) at 0, 3, 5 and 10 sponsor years (€550k a year). `rq6-province-team`: a province-paid expert team in Twente (small start, €500k a year) at 3, 10 and 25 sponsor years, heat only or multi-domain.',
    );
    L();
    L('```sh');
    L(command(results, 'rq6-framing-funding-scope'));
    L(command(results, 'rq6-province-team'));
    L('```');
    L();
    L(`![RQ6](${fig})`);
    L();
    L(`| Sponsor years | ${scen.map((s) => `Pools alive: ${label(s)}`).join(' | ')} | Δ members, efficiency framing | Δ members, broad evaluation | Δ members, multi-domain | Δ progress 2050, broad evaluation |`);
    L('|---|---|---|---|---|---|---|---|---|');
    for (const y of years)
      L(
        `| ${y} | ${scen.map((s) => wShare(surv(s, y))).join(' | ')} | ${dShare(pairedRow(m, at('drenthe-efficiency-framing', y), 'membershipShareEnd'))} | ${dShare(pairedRow(m, at('drenthe-broad-evaluation', y), 'membershipShareEnd'))} | ${dShare(pairedRow(m, at('drenthe-multi-domain', y), 'membershipShareEnd'))} | ${dShare(pairedRow(m, at('drenthe-broad-evaluation', y), 'progress2050'))} |`,
      );
    L();
    L('| Twente, province pays (years) | Pools alive: heat only | multi-domain | Δ members, multi − heat | Pool utilisation: heat / multi |');
    L('|---|---|---|---|---|');
    for (const [i, y] of tYears.entries())
      L(`| ${y} | ${wShare(tSurv(y, 'heat'))} | ${wShare(tSurv(y, 'multi'))} | ${dShare(tMulti[i])} | ${pct(summaryRow(t, tAt(y, 'heat'), 'poolUtilisationMean').mean, 0)} / ${pct(summaryRow(t, tAt(y, 'multi'), 'poolUtilisationMean').mean, 0)} |`);
    L();
    const life0 = summaryRow(m, at('drenthe-flexteam', '0'), 'poolLifetimeMonths');
    const eff = pairedRow(m, at('drenthe-efficiency-framing', '5'), 'membershipShareEnd');
    const broad = pairedRow(m, at('drenthe-broad-evaluation', '5'), 'membershipShareEnd');
    const broadP = pairedRow(m, at('drenthe-broad-evaluation', '5'), 'progress2050');
    const multi = pairedRow(m, at('drenthe-multi-domain', '5'), 'membershipShareEnd');
    L('**Reading.**');
    L();
    L(
      `- *Funding decides whether a pool lives at all.* Without a sponsor no Flexteam survives (${wShare(surv('drenthe-flexteam', '0'))}; the pools last ${num(life0.mean)} months on average): members pay the full cost from the first year, judge it against a few staff-months received, and leave at the first window. With a sponsor the pool survives in most runs, but more sponsor years beyond three add little in Drenthe (${wShare(surv('drenthe-flexteam', '3'))} at 3 years, ${wShare(surv('drenthe-flexteam', '10'))} at 10). In Twente the province’s duration matters more: ${wShare(tSurv('3', 'heat'))} survive at 3 years, ${wShare(tSurv('25', 'heat'))} when it pays throughout.`,
    );
    L(
      `- *Framing ${sig(eff) ? 'matters little' : 'does not matter'} in the model.* Efficiency framing changes membership by ${dShare(eff)} (5 sponsor years) and survival not distinguishably. In a big start the founders join on need, fee and trust; the framing only reweights the expected knowledge and saving terms, which are small next to the fee. The 2025 article expects a knowledge-and-talent framing to work better than an efficiency framing; the model does not show it, which says that framing must act through something the model does not represent (for instance council support for the fee, or how members evaluate the pool later).`,
    );
    L(
      `- *The evaluation frame matters a lot.* A broad evaluation (counting knowledge received and the value to other members, the Drenthe lesson D7) raises members at the end by ${dShare(broad)} and survival from ${wShare(surv('drenthe-flexteam', '5'))} to ${wShare(surv('drenthe-broad-evaluation', '5'))}; progress by 2050 is ${dir(broadP, 'higher', 'lower', 'unchanged')} (${dShare(broadP)}), because a pool that keeps its members also keeps taking fees for the non-binding roles (RQ4).`,
    );
    synthesis.push([
      'Framing on developing and keeping knowledge works better than efficiency framing (2025)',
      `${sig(eff) ? 'Partly' : 'Not reproduced'}: efficiency framing changes members by ${dShare(eff)}; a broad evaluation (D7) changes them by ${dShare(broad)}`,
      'RQ6',
    ]);
    synthesis.push([
      'Scale can come from other domains (2025)',
      `${sig(multi) && multi.mean > 0 ? 'Agrees' : 'Not reproduced'}: multi-domain changes members by ${dShare(multi)}; ${wShare(surv('drenthe-multi-domain', '5'))} of the pools survive against ${wShare(surv('drenthe-flexteam', '5'))}`,
      'RQ6',
    ]);
    L(
      `- *Scope.* A multi-domain pool has steady work from other domains, higher utilisation and more members (${dShare(multi)}); survival rises to ${wShare(surv('drenthe-multi-domain', '5'))}. This supports De Jonge’s remark that scale can be sought in other domains.`,
    );
    L();
  }

  // ---------------------------------------------------------------- RQ7
  {
    const m = results['rq7-small-vs-large'].model;
    const nat = results.national.model;
    const scen = ['drenthe-flexteam', 'drenthe-small-first'];
    const rows = [
      ...scen.map((s) => ({ name: label(s), model: m, id: s, base: 'drenthe-none' })),
      { name: 'National flexpools', model: nat, id: 'national-flexpools', base: 'national-none' },
    ].map((x) => ({
      ...x,
      small: pairedRow(x.model, x.id, 'progressSmall2050'),
      large: pairedRow(x.model, x.id, 'progressLarge2050'),
      small30: pairedRow(x.model, x.id, 'progressSmall2030'),
      large30: pairedRow(x.model, x.id, 'progressLarge2030'),
      gap: pairedRow(x.model, x.id, 'equityGap2030'),
      all: pairedRow(x.model, x.id, 'progress2050'),
    }));
    const groups = ['Small municipalities (< 50,000)', 'Large municipalities (≥ 50,000)'];
    const forestRows = (f: number, k: 'small' | 'large' | 'small30' | 'large30') =>
      rows.map((r) => ({ label: `${r.name}: ${k.startsWith('small') ? 'small' : 'large'}`, group: groups[k.startsWith('small') ? 0 : 1], mean: r[k].mean * f, ciLow: r[k].ciLow * f, ciHigh: r[k].ciHigh * f, distinguishable: r[k].distinguishable }));
    const fig = await chart(
      'findings-rq7-small-vs-large',
      framed({
        title: 'RQ7: who benefits? Progress of small and large municipalities, pool minus no pool',
        subtitle: ['RES Drenthe (Flexteam first come first served, and small municipalities first) and the whole country (a flexpool per RES region)'],
        caption: ['Dot: mean paired difference from no pool; line: 95% interval; filled: interval excludes zero.', src('rq7-small-vs-large', 'national')],
        body: forestBody(
          [
            { title: 'Δ progress by 2030 (pp)', rows: [...forestRows(100, 'small30'), ...forestRows(100, 'large30')] },
            { title: 'Δ progress by 2050 (pp)', rows: [...forestRows(100, 'small'), ...forestRows(100, 'large')] },
          ],
          groups,
          'Municipalities',
        ),
      }),
      opts.figures,
    );
    const none = summaryRow(m, 'drenthe-none', 'progressSmall2050');
    const noneL = summaryRow(m, 'drenthe-none', 'progressLarge2050');
    const natS = summaryRow(nat, 'national-none', 'progressSmall2050');
    const natL = summaryRow(nat, 'national-none', 'progressLarge2050');
    L('## RQ7: who benefits, small or large municipalities?');
    L();
    L(
      '**Experiments.** `rq7-small-vs-large`: Drenthe without a pool, with the Flexteam (first come, first served) and with small municipalities served first. `national`: every RES region with a small-start flexpool against none. Small means under 50,000 inhabitants.',
    );
    L();
    L('```sh');
    L(command(results, 'rq7-small-vs-large'));
    L(command(results, 'national'));
    L('```');
    L();
    L(`![RQ7](${fig})`);
    L();
    L('| Scenario (minus no pool) | Δ small 2030 | Δ large 2030 | Δ small 2050 | Δ large 2050 | Δ gap large − small, 2030 | Δ all, 2050 |');
    L('|---|---|---|---|---|---|---|');
    for (const r of rows) L(`| ${r.name} | ${dShare(r.small30)} | ${dShare(r.large30)} | ${dShare(r.small)} | ${dShare(r.large)} | ${dShare(r.gap)} | ${dShare(r.all)} |`);
    L();
    L(
      `Without a pool, small municipalities reach ${mShare(none)} of their 2050 target in Drenthe against ${mShare(noneL)} for large ones; nationally ${mShare(natS)} against ${mShare(natL)}: small municipalities lag behind, as the 2023 article says.`,
    );
    L();
    const ft = rows[0];
    const sf = rows[1];
    const nt = rows[2];
    L('**Reading.**');
    L();
    L(
      `- *Pools redistribute more than they add.* With the Flexteam small municipalities gain ${dShare(ft.small)} by 2050 and large ones ${dShare(ft.large)}; serving small municipalities first moves this further (${dShare(sf.small)} and ${dShare(sf.large)}) and closes the 2030 gap by ${dShare(neg(sf.gap))}. Nationally, small municipalities gain ${dShare(nt.small)} and large ones ${dShare(nt.large)}, for a national total of ${dShare(nt.all)}.`,
    );
    L(
      '- Large municipalities lose, most likely because the pool draws its staff from the same pond (it pays 1.06 of the scale and offers variety) in which the large municipalities hold most staff, while its capacity goes to whoever asks first or is smallest (the batches do not record per municipality where pool staff came from). So the answer to "who benefits" is: small municipalities, partly at the expense of large ones. The 2023 article expects the small municipalities, where the shortage bites hardest, to gain; the model agrees, but it adds that the gain is a transfer within a fixed pond rather than new capacity.',
    );
    L('- *Depends on.* The allocation rule decides how much goes to small municipalities; scarcity decides whether there is anything to share (RQ1).');
    synthesis.push([
      'Small municipalities are the bottleneck and need the help (2023)',
      `Agrees that they lag (${pct(none.mean)} against ${pct(noneL.mean)} by 2050 in Drenthe); the Flexteam changes their progress by ${dShare(ft.small)} and that of large municipalities by ${dShare(ft.large)}`,
      'RQ7',
    ]);
    L();
  }

  // ---------------------------------------------------------------- synthesis
  L('## Where the model agrees with the source articles, and where it does not');
  L();
  L('| Expectation in the Platform31 articles (2023, 2025) | What the model shows | RQ |');
  L('|---|---|---|');
  for (const [expectation, shows, rq] of synthesis) L(`| ${expectation} | ${shows} | ${rq} |`);
  L();
  L(
    'Two cautions. First, the effects of pooling on progress are small (a few percentage points at most) against a region that reaches about a quarter of the full pace under high scarcity: no collaboration form closes a gap of this size (calibration pattern P5). Second, the answers that contradict the sources rest on assumptions that are not calibrated (the local-fit discount of outsiders, the share of local work in execution, the narrow evaluation rule, the budget rule that spends all unspent money on consultants); they are the first candidates for empirical checks and for the sensitivity analysis (`regiosim` exploratory designs).',
  );
  L();
  L('## Regeneration');
  L();
  L(
    `\`npm run findings\` builds the project, runs the ${EXPERIMENTS.length} experiments through the batch engine (\`workers/engine.ts\`, ${opts.threads} worker threads, runs.csv only) into \`out/findings/<experiment>/\` (each with the report tables of \`reports/\` under \`report/tables/\`), and rewrites this file and \`docs/figures/findings-*.svg\`. \`--reuse\` skips batches that are complete, for editing the template. This regeneration: ${formatDuration(opts.seconds)} in all${opts.reused ? ' (batches reused, so the times below are for reading, not running)' : ''}, on a 2-core machine shared with other work (the time varies with its load; runs and numbers do not).`,
  );
  L();
  L('| Experiment | Points × replicates | Runs | Seconds |');
  L('|---|---|---|---|');
  for (const e of EXPERIMENTS) L(`| \`${e}\` | ${results[e].plan.points.length} × ${results[e].plan.replicates} | ${num(results[e].runs)} | ${num(results[e].seconds)} |`);
  L();
  return out.join('\n');
}

function scale100(d: Stat): Stat {
  return { mean: d.mean * 100, ciLow: d.ciLow * 100, ciHigh: d.ciHigh * 100 };
}

function wRow(x: string, series: string, p: ProportionRow): LineRow {
  return { x, series, mean: p.share * 100, ciLow: p.ciLow * 100, ciHigh: p.ciHigh * 100 };
}

// ---- command line -----------------------------------------------------------------------------

async function main(): Promise<void> {
  // node:util parseArgs (strict): an unknown or misspelt option is an error, not silently ignored.
  const { values: args } = parseArgs({
    options: { help: { type: 'boolean' }, threads: { type: 'string' }, out: { type: 'string' }, reuse: { type: 'boolean' } },
  });
  if (args.help) {
    process.stdout.write(
      'node dist/scripts/findings.js [--threads N] [--out out/findings] [--reuse]\n' +
        'Runs the shipped experiments and writes docs/FINDINGS.md and docs/figures/findings-*.svg.\n',
    );
    return;
  }
  const t0 = performance.now();
  const root = projectRoot();
  const threads = Number(args.threads ?? availableParallelism());
  const outDir = args.out ?? join(root, 'out', 'findings');
  const reuse = args.reuse === true;
  const results = {} as Results;
  for (const name of EXPERIMENTS) {
    process.stderr.write(`findings: ${name}\n`);
    results[name] = await runExperiment(name, { outDir, threads, reuse });
    process.stderr.write(`findings: ${name}: ${results[name].runs} runs, ${formatDuration(results[name].seconds)}\n`);
  }
  const seconds = (performance.now() - t0) / 1000;
  const figures = join(root, 'docs', 'figures');
  mkdirSync(figures, { recursive: true });
  const doc = await findingsDocument(results, { figures, seconds, threads, reused: reuse, version: packageVersion() });
  writeFileSync(join(root, 'docs', 'FINDINGS.md'), doc);
  process.stdout.write(`findings: wrote docs/FINDINGS.md and docs/figures/findings-*.svg in ${formatDuration((performance.now() - t0) / 1000)}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
