/**
 * The files of `regiosim sensitivity` and `regiosim discover`: tables as CSV (NA for missing, full
 * precision) and everything in one JSON file, and the charts as Vega-Lite spec, SVG and PNG
 * (validated against the official schema first, reports/write/charts.ts).
 */
import { OutputFolder } from '../../store/output-folder.js';
import { writeAtomic } from '../../store/write.js';
import type { Chart } from '../charts/chart.js';
import { morrisChart } from '../charts/explore-morris.js';
import { primBoxChart, primTradeoffChart } from '../charts/explore-prim.js';
import { featureScoresChart } from '../charts/explore-scores.js';
import { sobolChart } from '../charts/explore-sobol.js';
import { metricStyle } from '../metrics.js';
import { type WrittenChart, writeCharts } from '../write/charts.js';
import { toCsv } from '../write/tables.js';
import type { DiscoverResult } from './discover.js';
import type { SensitivityResult } from './sensitivity.js';

type Row = Record<string, unknown>;

/** JSON has no NaN or Infinity: they become null. */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 1)}\n`;
}

/** The charts of a sensitivity result, one per metric (Morris, Sobol or feature scores). */
export function sensitivityCharts(result: SensitivityResult): Chart[] {
  const charts: Chart[] = [];
  for (const metric of result.metrics) {
    const chart =
      result.method === 'morris'
        ? morrisChart(result, metric)
        : result.method === 'sobol'
          ? sobolChart(result, metric)
          : featureScoresChart({
              name: `feature-scores-${metric}`,
              title: `Which inputs tell most about ${metricStyle(metric).label.toLowerCase()}? Feature scores`,
              subtitle: [`${result.design.line}; replicates averaged per design point`],
              outcome: metricStyle(metric).label.toLowerCase(),
              panels: result.analyses
                .filter((a) => a.metric === metric && a.scores)
                .map((a) => ({ group: a.label, scores: a.scores ?? [] })),
              notes: [result.averaging],
              source: result.source,
            });
    if (chart) charts.push(chart);
  }
  return charts;
}

/** The tables of a sensitivity result. */
export function sensitivityTables(result: SensitivityResult): Record<string, { rows: Row[]; columns: string[] }> {
  const key = (a: SensitivityResult['analyses'][number]) => ({
    metric: a.metric,
    scenario: a.scenario,
    policy: a.policy ?? '',
  });
  const tables: Record<string, { rows: Row[]; columns: string[] }> = {};
  const all = result.analyses;
  tables.analyses = {
    columns: [
      'metric',
      'scenario',
      'policy',
      'rows',
      'rowsWithValue',
      'runsLeftOut',
      'noiseShare',
      'verdict',
      'skipped',
    ],
    rows: all.map((a) => ({
      ...key(a),
      rows: a.rows,
      rowsWithValue: a.rowsWithValue,
      runsLeftOut: a.runsLeftOut,
      noiseShare: a.noiseShare,
      verdict: a.sobol?.verdict ?? a.stability?.message ?? '',
      skipped: a.skipped ?? '',
    })),
  };
  if (result.method === 'morris')
    tables.morris = {
      columns: [
        'metric',
        'scenario',
        'policy',
        'factor',
        'rank',
        'muStar',
        'muStarConf',
        'muStarLow',
        'muStarHigh',
        'mu',
        'sigma',
        'effects',
      ],
      rows: all.flatMap((a) => (a.morris ?? []).map((f) => ({ ...key(a), factor: f.name, ...f }))),
    };
  if (result.method === 'sobol') {
    tables.sobol = {
      columns: [
        'metric',
        'scenario',
        'policy',
        'factor',
        'S1',
        'S1conf',
        'S1low',
        'S1high',
        'ST',
        'STconf',
        'STlow',
        'SThigh',
      ],
      rows: all.flatMap((a) =>
        (a.sobol?.factors ?? []).map((f) => ({
          ...key(a),
          factor: f.name,
          S1: f.S1.value,
          S1conf: f.S1.conf,
          S1low: f.S1.low,
          S1high: f.S1.high,
          ST: f.ST.value,
          STconf: f.ST.conf,
          STlow: f.ST.low,
          SThigh: f.ST.high,
        })),
      ),
    };
    tables.convergence = {
      columns: [
        'metric',
        'scenario',
        'policy',
        'baseSamples',
        'maxCiWidth',
        'maxChange',
        'converged',
        'suggestedBaseSamples',
      ],
      rows: all.flatMap((a) =>
        (a.sobol?.steps ?? []).map((s) => ({
          ...key(a),
          ...s,
          converged: a.sobol?.converged,
          suggestedBaseSamples: a.sobol?.suggestedBaseSamples,
        })),
      ),
    };
    if (all.some((a) => a.sobol?.pairs.length))
      tables['sobol-second-order'] = {
        columns: ['metric', 'scenario', 'policy', 'a', 'b', 'S2', 'S2conf', 'S2low', 'S2high'],
        rows: all.flatMap((a) =>
          (a.sobol?.pairs ?? []).map((p) => ({
            ...key(a),
            a: p.a,
            b: p.b,
            S2: p.S2.value,
            S2conf: p.S2.conf,
            S2low: p.S2.low,
            S2high: p.S2.high,
          })),
        ),
      };
  }
  if (result.method === 'scores')
    tables['feature-scores'] = {
      columns: [
        'metric',
        'scenario',
        'policy',
        'input',
        'rank',
        'share',
        'score',
        'mutualInformation',
        'baseline',
        'pValue',
      ],
      rows: all.flatMap((a) => (a.scores ?? []).map((s) => ({ ...key(a), input: s.name, ...s }))),
    };
  return tables;
}

/** The tables of a discovery result. */
export function discoverTables(r: DiscoverResult): Record<string, { rows: Row[]; columns: string[] }> {
  return {
    'prim-trajectory': {
      columns: [
        'index',
        'phase',
        'changed',
        'coverage',
        'density',
        'mass',
        'rows',
        'hits',
        'restrictedCount',
        'maxQp',
        'restricted',
      ],
      rows: r.trajectory as unknown as Row[],
    },
    'prim-box': {
      columns: ['name', 'kind', 'restricted', 'min', 'max', 'rangeMin', 'rangeMax', 'values', 'allValues', 'qp'],
      rows: r.chosen.limits.map((l) => ({ ...l, values: l.values?.join(';'), allValues: l.allValues?.join(';') })),
    },
    'feature-scores': {
      columns: ['name', 'rank', 'share', 'score', 'mutualInformation', 'baseline', 'pValue'],
      rows: r.scores as unknown as Row[],
    },
  };
}

/** The charts of a discovery result. */
export function discoverCharts(r: DiscoverResult): Chart[] {
  const scores = featureScoresChart({
    name: 'discover-feature-scores',
    title: `Which inputs tell most about ${r.condition.text}? Feature scores`,
    subtitle: [`Cases of interest: "${r.condition.text}", ${r.hits} of ${r.cases} ${r.unit}s; ${r.design.line}`],
    outcome: `"${r.condition.text}"`,
    panels: [{ group: '', scores: r.scores }],
    notes: [],
    source: r.source,
  });
  return [primTradeoffChart(r), primBoxChart(r), ...(scores ? [scores] : [])];
}

/**
 * Writes tables (CSV), one JSON file with everything and the charts into the output folder of
 * `kind` (claimed and locked here: store/output-folder.ts), each file atomically, the JSON file
 * last; files of an earlier analysis in the folder that this one does not write go at the end.
 * Returns the paths.
 */
export async function writeExploreOutput(
  outDir: string,
  kind: 'sensitivity' | 'discover',
  result: unknown,
  tables: Record<string, { rows: Row[]; columns: string[] }>,
  charts: readonly Chart[],
  log: (m: string) => void = () => {},
): Promise<{ json: string; tables: string[]; charts: WrittenChart[] }> {
  const jsonName = `${kind}.json`;
  // Every file is known before the first is written: a file of the user's is refused before anything changes.
  const planned = [
    jsonName,
    ...Object.keys(tables).map((name) => `tables/${name}.csv`),
    ...charts.flatMap((c) => ['vl.json', 'svg', 'png'].map((ext) => `charts/${c.name}.${ext}`)),
  ];
  const folder = OutputFolder.claim(outDir, kind, planned, kind);
  try {
    const files: string[] = [];
    for (const [name, t] of Object.entries(tables)) {
      const file = folder.path(`tables/${name}.csv`);
      writeAtomic(file, toCsv(t.rows, t.columns));
      files.push(file);
    }
    const written = await writeCharts(charts, 'charts', log, folder);
    const json = folder.path(jsonName);
    writeAtomic(json, jsonText(result));
    folder.removeStale();
    return { json, tables: files, charts: written };
  } finally {
    folder.release();
  }
}
