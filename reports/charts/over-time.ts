/**
 * Charts over time, from the bands (stats/band.ts): progress, capacity by source, pool members and
 * staff, and the share of pools alive. Lines are means over runs with one band, the 95% interval
 * of the mean (one interval per quantity; the 5–95% spread of the runs is in bands.csv and the
 * distribution chart). Bands are light and edged with thin lines in their scenario's colour and
 * dash, so overlapping bands stay distinguishable. Large sweeps are paged (chart.ts: sweepPages).
 */
import type { ReportModel } from '../model.js';
import {
  bySweep,
  type Chart,
  type ChartBuilder,
  labels,
  lineLegend,
  paged,
  scenarioEncoding,
  sweepFields,
  sweepPages,
  swept,
  yearAxis,
} from './chart.js';
import { factorTitle } from '../labels.js';
import { framed, type VlSpec } from './theme.js';

const BAND_NOTE =
  'Line: mean over runs. Band (edged in the line’s colour and dash): 95% confidence interval of the mean.';

/** Opacity of a band's fill: low, so that where bands overlap both stay visible through their edges. */
const BAND_OPACITY = 0.14;

/**
 * Chart rows of one variable. Every charted series is a count or share that cannot be negative, so
 * the intervals are cut at zero for drawing (with few runs, mean − t·sd/√n can dip below it);
 * bands.csv keeps the uncut values.
 */
function bandRows(model: ReportModel, variable: string): Array<Record<string, unknown>> {
  const names = labels(model);
  const cut = (v: number) => (Number.isFinite(v) ? Math.max(0, v) : v);
  return model.bands
    .filter((b) => b.variable === variable)
    .map((b) => ({
      scenario: names.get(b.point)!.scenario,
      ...sweepFields(model, b.point),
      year: b.year,
      mean: b.mean,
      ciLow: cut(b.ciLow),
      ciHigh: b.ciHigh,
      n: b.n,
    }));
}

/** The layers of one band: the light fill, then its two edges (thin, in the scenario's colour and dash). */
export function bandWithEdges(x: VlSpec, y: VlSpec, colour: VlSpec, colourDash: VlSpec): VlSpec[] {
  const yOf = (field: string) => ({ ...y, field });
  const edge = (field: string): VlSpec => ({
    mark: { type: 'line', strokeWidth: 0.9, opacity: 0.85 },
    encoding: { x, y: yOf(field), ...colourDash },
  });
  return [
    {
      mark: { type: 'area', opacity: BAND_OPACITY },
      encoding: { x, y: yOf('ciLow'), y2: { field: 'ciHigh' }, ...colour },
    },
    edge('ciLow'),
    edge('ciHigh'),
  ];
}

/** Mean line with its band, coloured, dashed and marked by scenario (`shown`: the scenarios with data). */
function bandLayers(model: ReportModel, y: VlSpec, format: string, shown?: readonly string[], nTitle = 'Runs'): VlSpec {
  const x = yearAxis(model);
  // One legend, from the line layer (colour and dash); the bands, edges and dots repeat its styles.
  const colour = lineLegend(scenarioEncoding(model, ['color'], shown));
  const colourDash = lineLegend(scenarioEncoding(model, ['color', 'strokeDash'], shown));
  const yOf = (field: string) => ({ ...y, field });
  const layers: VlSpec[] = [
    ...bandWithEdges(x, y, colour, colourDash),
    { mark: { type: 'line', strokeWidth: 2.2 }, encoding: { x, y: yOf('mean'), ...colourDash } },
  ];
  if (model.info.seriesMode !== 'monthly')
    layers.push({
      mark: { type: 'point', filled: true, size: 30 },
      encoding: {
        x,
        y: yOf('mean'),
        ...colour,
        tooltip: [
          { field: 'scenario', title: 'Scenario' },
          ...(swept(model) ? [{ field: 'sweep', title: 'Sweep point' }] : []),
          { field: 'year', title: 'Year', format: 'd' },
          { field: 'mean', title: 'Mean', format },
          { field: 'ciLow', title: '95% CI low', format },
          { field: 'ciHigh', title: '95% CI high', format },
          { field: 'n', title: nTitle },
        ],
      },
    });
  return { layer: layers };
}

const progress: ChartBuilder = (model) => {
  const rows = bandRows(model, 'progressShare');
  if (rows.length === 0) return [];
  const y = { type: 'quantitative', title: 'Dwellings ready (% of the full-pace target)', axis: { format: '%' } };
  return paged(sweepPages(model), (page, p) => ({
    name: `progress-over-time${p.name}`,
    title: `Progress of the heat transition over time${p.title}`,
    description: `Cumulative dwellings made ready as a share of what a fully staffed region would have made ready by then, per scenario. ${BAND_NOTE}`,
    spec: framed({
      title: `Progress of the heat transition over time${p.title}`,
      subtitle: ['Dwellings made ready as a share of the full-pace target, region total'],
      caption: [BAND_NOTE, model.source],
      body: bySweep(model, rows, bandLayers(model, y, '.1%'), 520, 300, page),
    }),
  }));
};

const SOURCES = [
  ['fteOwn', 'Own staff'],
  ['ftePool', 'Pool staff'],
  ['fteConsultants', 'Consultants'],
] as const;

/** Sweep points per page of the capacity chart (one row of three sources each). */
const CAPACITY_ROWS = 4;

const capacity: ChartBuilder = (model) => {
  const names = labels(model);
  const rows = model.bands
    .filter((b) => SOURCES.some(([v]) => v === b.variable))
    .map((b) => ({
      scenario: names.get(b.point)!.scenario,
      sweep: names.get(b.point)!.sweep,
      // The row header: the swept values alone, under a title naming the swept variables.
      row: names.get(b.point)!.values.filter((v) => v !== '(not set)').join(', '),
      source: SOURCES.find(([v]) => v === b.variable)![1],
      year: b.year,
      mean: b.mean,
      ciLow: Math.max(0, b.ciLow),
      ciHigh: b.ciHigh,
      n: b.n,
    }));
  if (rows.length === 0) return [];
  const x = yearAxis(model);
  const y = { type: 'quantitative', title: 'Capacity (FTE)' };
  const note = `Columns: own staff, pool staff and consultants. ${BAND_NOTE}`;
  const colour = lineLegend(scenarioEncoding(model, ['color']));
  const colourDash = lineLegend(scenarioEncoding(model, ['color', 'strokeDash']));
  const view: VlSpec = {
    width: 240,
    height: 200,
    layer: [
      ...bandWithEdges(x, y, colour, colourDash),
      {
        mark: { type: 'line', strokeWidth: 2.2 },
        encoding: {
          x,
          y: { ...y, field: 'mean' },
          ...colourDash,
          tooltip: [
            { field: 'scenario', title: 'Scenario' },
            { field: 'source', title: 'Source' },
            { field: 'year', title: 'Year', format: 'd' },
            { field: 'mean', title: 'Mean FTE', format: ',.1f' },
            { field: 'ciLow', title: '95% CI low', format: ',.1f' },
            { field: 'ciHigh', title: '95% CI high', format: ',.1f' },
          ],
        },
      },
    ],
  };
  const sourceOrder = SOURCES.map(([, l]) => l);
  // Scenarios keep their colour and dash of every other chart; the source is the column.
  return paged(sweepPages(model, CAPACITY_ROWS), (page, p) => ({
    name: `capacity-by-source${p.name}`,
    title: `Capacity by source over time${p.title}`,
    description: `Own staff, pool staff working for the municipalities and consultants, in FTE, per scenario. ${BAND_NOTE}`,
    spec: framed({
      title: `Capacity by source over time${p.title}`,
      subtitle: ['Own staff, pool staff and consultants working for the municipalities of the region'],
      caption: [note, model.source],
      body: {
        data: { values: swept(model) ? rows.filter((r) => page.includes(r.sweep)) : rows },
        facet: {
          column: { field: 'source', type: 'nominal', sort: sourceOrder, title: null },
          ...(swept(model)
            ? {
                row: {
                  field: 'row',
                  type: 'ordinal',
                  sort: [...new Set(rows.filter((r) => page.includes(r.sweep)).map((r) => r.row))],
                  title: model.set.sweepNames.map((k) => factorTitle(k)).join(', '),
                  header: { labelAngle: 0, labelAlign: 'right', labelLimit: 220, labelPadding: 12 },
                },
              }
            : {}),
        },
        spec: view,
      },
    }),
  }));
};

const pool: ChartBuilder = (model) => {
  const members = bandRows(model, 'poolMembers');
  const staff = bandRows(model, 'poolStaff');
  if (members.length === 0 && staff.length === 0) return [];
  const panel = (rows: Array<Record<string, unknown>>, title: string, format: string, page: readonly string[]) =>
    bySweep(model, rows, bandLayers(model, { type: 'quantitative', title }, format), 520, 220, page);
  return paged(
    sweepPages(model, 6),
    (page, p): Chart => ({
      name: `pool-over-time${p.name}`,
      title: `Pool membership and pool staff over time${p.title}`,
      description: `Upper panel: municipalities that are pool members; lower panel: staff employed by the pool(s). ${BAND_NOTE}`,
      spec: framed({
        title: `Pool membership and pool staff over time${p.title}`,
        subtitle: ['Upper: members of the pool(s). Lower: staff employed by the pool(s), headcount'],
        caption: [BAND_NOTE, model.source],
        body: {
          vconcat: [
            panel(members, 'Pool members (municipalities)', ',.1f', page),
            panel(staff, 'Pool staff (people)', ',.1f', page),
          ],
        },
      }),
    }),
  );
};

const survivalCurve: ChartBuilder = (model) => {
  const names = labels(model);
  const rows = model.survival.map((s) => ({
    scenario: names.get(s.point)!.scenario,
    ...sweepFields(model, s.point),
    year: s.year,
    mean: s.share,
    ciLow: s.ciLow,
    ciHigh: s.ciHigh,
    n: s.founded,
    alive: s.alive,
    founded: s.founded,
  }));
  if (rows.length === 0) return [];
  const note =
    'Line: pools alive at that time, of the pools founded in the runs (not yet founded counts as not alive). Band (edged in the line’s colour and dash): 95% Wilson interval.';
  const y = {
    type: 'quantitative',
    title: 'Pools alive (% of pools founded in the runs)',
    scale: { domain: [0, 1] },
    axis: { format: '.0%' },
  };
  // Only scenarios that founded a pool have a curve; the legend lists those.
  const shown = [...new Set(rows.map((r) => r.scenario))];
  return paged(sweepPages(model), (page, p) => ({
    name: `pool-survival${p.name}`,
    title: `Share of pools still alive over time${p.title}`,
    description: `${note} Scenarios in which no pool was ever founded are left out.`,
    spec: framed({
      title: `Share of pools still alive over time${p.title}`,
      subtitle: ['Pools alive at each time, of all pools founded during the runs'],
      caption: [note, model.source],
      body: bySweep(model, rows, bandLayers(model, y, '.1%', shown, 'Pools founded'), 520, 300, page),
    }),
  }));
};

export const overTimeCharts: ChartBuilder[] = [progress, capacity, pool, survivalCurve];
export type { Chart };
