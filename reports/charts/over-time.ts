/**
 * Charts over time, from the bands (stats/band.ts): progress, capacity by source, pool members and
 * staff, and the share of pools alive. Lines are means over runs; the dark band is the 95%
 * interval of the mean, the light band 5–95% of runs, so readers see both how sure the mean is and
 * how much single runs vary.
 */
import { categoryEncoding, framed, type VlSpec } from './theme.js';
import { bySweep, type Chart, type ChartBuilder, labels, lineLegend, scenarioEncoding, yearAxis } from './chart.js';
import type { ReportModel } from '../model.js';


const BAND_NOTE = 'Line: mean over runs. Dark band: 95% confidence interval of the mean. Light band: 5–95% of runs.';

/**
 * Chart rows of one variable. Every charted series is a count or share that cannot be negative, so
 * the intervals are cut at zero for drawing (with few runs, mean − t·sd/√n can dip below it);
 * bands.csv keeps the uncut values.
 */
function bandRows(model: ReportModel, variable: string) {
  const names = labels(model);
  const cut = (v: number) => (Number.isFinite(v) ? Math.max(0, v) : v);
  return model.bands
    .filter((b) => b.variable === variable)
    .map((b) => ({
      scenario: names.get(b.point)!.scenario,
      sweep: names.get(b.point)!.sweep,
      year: b.year,
      mean: b.mean,
      ciLow: cut(b.ciLow),
      ciHigh: b.ciHigh,
      q05: cut(b.q05),
      q95: b.q95,
      n: b.n,
    }));
}

/** Mean line with two bands, coloured, dashed and marked by scenario. */
function bandLayers(model: ReportModel, y: VlSpec, withQuantiles = true, shown?: readonly string[]): VlSpec {
  const x = yearAxis(model);
  // One legend, from the line layer (colour and dash); the bands and dots repeat its colours.
  const colour = lineLegend(scenarioEncoding(model, ['color'], shown));
  const yOf = (field: string) => ({ ...y, field });
  const layers: VlSpec[] = [];
  if (withQuantiles)
    layers.push({ mark: { type: 'area', opacity: 0.1 }, encoding: { x, y: yOf('q05'), y2: { field: 'q95' }, ...colour } });
  layers.push({ mark: { type: 'area', opacity: 0.28 }, encoding: { x, y: yOf('ciLow'), y2: { field: 'ciHigh' }, ...colour } });
  layers.push({ mark: { type: 'line' }, encoding: { x, y: yOf('mean'), ...lineLegend(scenarioEncoding(model, ['color', 'strokeDash'], shown)) } });
  if (model.info.seriesMode !== 'monthly')
    layers.push({
      mark: { type: 'point', filled: true, size: 36 },
      encoding: {
        x,
        y: yOf('mean'),
        ...lineLegend(scenarioEncoding(model, ['color'], shown)),
        tooltip: [
          { field: 'scenario', title: 'Scenario' },
          { field: 'year', title: 'Year', format: 'd' },
          { field: 'mean', title: 'Mean', format: y.axis ? '.1%' : ',.2f' },
          { field: 'ciLow', title: '95% CI low', format: ',.3f' },
          { field: 'ciHigh', title: '95% CI high', format: ',.3f' },
          { field: 'n', title: 'Runs' },
        ],
      },
    });
  return { layer: layers };
}

const progress: ChartBuilder = (model) => {
  const rows = bandRows(model, 'progressShare');
  if (rows.length === 0) return [];
  const y = { type: 'quantitative', title: 'Dwellings ready (% of full-pace target)', axis: { format: '%' } };
  return [
    {
      name: 'progress-over-time',
      title: 'Progress of the heat transition over time',
      description: `Cumulative dwellings made ready as a share of what a fully staffed region would have made ready by then, per scenario. ${BAND_NOTE}`,
      spec: framed({
        title: 'Progress of the heat transition over time',
        subtitle: ['Dwellings made ready as a share of the full-pace target, region total'],
        caption: [BAND_NOTE, model.source],
        body: bySweep(model, rows, bandLayers(model, y)),
      }),
    },
  ];
};

const SOURCES = [
  ['fteOwn', 'Own staff'],
  ['ftePool', 'Pool staff'],
  ['fteConsultants', 'Consultants'],
] as const;

const capacity: ChartBuilder = (model) => {
  const names = labels(model);
  const rows = model.bands
    .filter((b) => SOURCES.some(([v]) => v === b.variable))
    .map((b) => ({
      point: names.get(b.point)!.label,
      source: SOURCES.find(([v]) => v === b.variable)![1],
      year: b.year,
      mean: b.mean,
      ciLow: Math.max(0, b.ciLow),
      ciHigh: b.ciHigh,
    }));
  if (rows.length === 0) return [];
  const domain = SOURCES.map(([, l]) => l);
  const x = yearAxis(model);
  const y = { type: 'quantitative', title: 'Capacity working for the municipalities (FTE)' };
  const panels = model.set.points.length;
  const note = 'Lines: mean FTE over runs by source; bands: 95% confidence interval of the mean.';
  return [
    {
      name: 'capacity-by-source',
      title: 'Capacity by source over time',
      description: `Own staff, pool staff working for the municipalities and consultants, in FTE, per scenario. ${note}`,
      spec: framed({
        title: 'Capacity by source over time',
        subtitle: ['Own staff, pool staff and consultants working for the municipalities of the region'],
        caption: [note, model.source],
        body: {
          data: { values: rows },
          facet: { field: 'point', type: 'nominal', sort: model.set.points.map((p) => p.label), title: null },
          columns: Math.min(panels, 3),
          spec: {
            width: panels === 1 ? 520 : 300,
            height: 240,
            layer: [
              { mark: { type: 'area', opacity: 0.25 }, encoding: { x, y: { ...y, field: 'ciLow' }, y2: { field: 'ciHigh' }, ...lineLegend(categoryEncoding('source', 'Source', domain, ['color'])) } },
              { mark: { type: 'line' }, encoding: { x, y: { ...y, field: 'mean' }, ...lineLegend(categoryEncoding('source', 'Source', domain, ['color', 'strokeDash'])) } },
            ],
          },
        },
      }),
    },
  ];
};

const pool: ChartBuilder = (model) => {
  const members = bandRows(model, 'poolMembers');
  const staff = bandRows(model, 'poolStaff');
  if (members.length === 0 && staff.length === 0) return [];
  const note = 'Line: mean over runs. Dark band: 95% CI of the mean. Light band: 5–95% of runs.';
  const panel = (rows: unknown[], title: string) => bySweep(model, rows, bandLayers(model, { type: 'quantitative', title }), 520, 220);
  return [
    {
      name: 'pool-over-time',
      title: 'Pool membership and pool staff over time',
      description: `Upper panel: municipalities that are pool members; lower panel: staff employed by the pool(s). ${note}`,
      spec: framed({
        title: 'Pool membership and pool staff over time',
        subtitle: ['Upper: members of the pool(s). Lower: staff employed by the pool(s), headcount'],
        caption: [note, model.source],
        body: { vconcat: [panel(members, 'Pool members (municipalities)'), panel(staff, 'Pool staff (people)')] },
      }),
    },
  ];
};

const survivalCurve: ChartBuilder = (model) => {
  const names = labels(model);
  const rows = model.survival.map((s) => ({
    scenario: names.get(s.point)!.scenario,
    sweep: names.get(s.point)!.sweep,
    year: s.year,
    mean: s.share,
    ciLow: s.ciLow,
    ciHigh: s.ciHigh,
    alive: s.alive,
    founded: s.founded,
  }));
  if (rows.length === 0) return [];
  const note = 'Share of the pools founded in the runs that exist at that time (not yet founded counts as not alive); band: 95% Wilson interval.';
  const y = { type: 'quantitative', title: 'Pools alive (% of pools founded in the runs)', scale: { domain: [0, 1] }, axis: { format: '.0%' } };
  return [
    {
      name: 'pool-survival',
      title: 'Share of pools still alive over time',
      description: `${note} Scenarios in which no pool was ever founded are left out.`,
      spec: framed({
        title: 'Share of pools still alive over time',
        subtitle: ['Pools alive at each time, of all pools founded during the runs'],
        caption: [note, model.source],
        // Only scenarios that founded a pool have a curve; the legend lists those.
        body: bySweep(model, rows, bandLayers(model, y, false, [...new Set(rows.map((r) => r.scenario))])),
      }),
    },
  ];
};

export const overTimeCharts: ChartBuilder[] = [progress, capacity, pool, survivalCurve];
export type { Chart };
