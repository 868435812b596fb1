/**
 * Maps of the region's municipalities (CBS/PDOK boundaries) coloured by an outcome, over every run
 * of the batch's municipalities table (or, for a batch without one, re-runs of its first seeds:
 * aggregate/map-data.ts). The tooltip gives each municipality's n and 95% interval; the caption
 * says where the values come from, how many runs each colour averages and the widest interval,
 * for readers of the static image.
 */
import type { ReportModel } from '../model.js';
import type { Chart, ChartBuilder } from './chart.js';
import { QUANTITY_SCHEME, SHARE_SCHEME, framed, type VlSpec } from './theme.js';

/** The middle of the bounding box of a point's municipalities, [lon, lat] (rounded: it only has to tell regions apart). */
function centre(model: ReportModel, point: string): [number, number] {
  const codes = new Set(model.map!.rows.filter((r) => r.point === point).map((r) => r.code));
  const box = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') {
      box[0] = Math.min(box[0], c[0]);
      box[1] = Math.min(box[1], c[1] as number);
      box[2] = Math.max(box[2], c[0]);
      box[3] = Math.max(box[3], c[1] as number);
    } else if (Array.isArray(c)) for (const x of c) visit(x);
  };
  for (const f of (model.boundaries ?? []) as Array<{ properties: { gm_code: string }; geometry: { coordinates: unknown } }>)
    if (codes.has(f.properties.gm_code)) visit(f.geometry.coordinates);
  const round = (v: number) => Math.round(v * 1000) / 1000;
  return [round((box[0] + box[2]) / 2), round((box[1] + box[3]) / 2)];
}

function mapChart(model: ReportModel, kind: 'progress' | 'membership'): Chart {
  const map = model.map!;
  const order = map.points.map((id) => model.set.points.find((p) => p.id === id)!.label);
  const when = map.progressYear === 2030 ? 'by end 2030' : 'by the end of the run';
  const field = kind === 'progress' ? 'progress' : 'memberShare';
  const legendTitle = kind === 'progress' ? ['Progress', `${when}`, '(% of target)'] : ['Member at the end', '(% of runs)'];
  const pct = (v: number) => (Number.isFinite(v) ? `${(100 * v).toFixed(1)}%` : 'n/a');
  const range = (lo: number, hi: number) => (Number.isFinite(lo) && Number.isFinite(hi) ? `${pct(lo)} – ${pct(hi)}` : 'n/a (one run)');
  const rows = map.rows.map((r) => ({
    point: r.point,
    code: r.code,
    name: r.name,
    progress: r.progress,
    progressInterval: range(r.progressLow, r.progressHigh),
    memberShare: r.memberShare,
    memberInterval: range(r.memberLow, r.memberHigh),
    runs: r.runs,
  }));
  const n = order.length;
  const color: VlSpec = {
    field,
    type: 'quantitative',
    title: legendTitle,
    scale: kind === 'progress' ? { scheme: QUANTITY_SCHEME } : { scheme: SHARE_SCHEME, domain: [0, 1] },
    legend: { format: '.0%', orient: 'right', gradientLength: 160 },
  };
  const runs = `${map.runsPerPoint} run${map.runsPerPoint === 1 ? '' : 's'}`;
  const widest =
    kind === 'progress'
      ? `the widest 95% interval of a mean is ±${(100 * map.widest.progress).toFixed(1)} points`
      : `the widest 95% interval (Wilson) of a share is ±${(100 * map.widest.memberShare).toFixed(1)} points`;
  const source =
    map.source === 'table'
      ? `Over all ${runs} of each scenario (the batch's municipalities table)`
      : `Over the first ${runs} of each scenario, re-simulated with the batch's seeds (the batch has no municipalities table; ${map.check?.matched ?? 0} of ${map.check?.compared ?? 0} re-runs reproduced its progress2030)`;
  const how = `${source}; ${widest}. Hover a municipality for its n and interval.`;
  const panels = `${model.set.sweepNames.length ? ' Each panel is the first sweep point of its scenario.' : ''}${n < model.set.scenarios.length ? ` Only the first ${n} scenarios are mapped.` : ''}`;
  const title = kind === 'progress' ? `Progress ${when} per municipality` : 'Pool membership per municipality';
  const subtitle = kind === 'progress' ? 'Dwellings made ready as a share of the municipality’s full-pace target' : 'Share of runs in which the municipality is a pool member at the end';
  return {
    name: kind === 'progress' ? 'map-progress' : 'map-membership',
    title,
    description: `${subtitle}. ${how}${panels}`,
    spec: framed({
      title,
      subtitle: [subtitle],
      caption: [how + panels, `Boundaries: CBS/PDOK gemeentegrenzen 2024. ${model.source}`],
      datasets: { boundaries: model.boundaries ?? [], values: rows },
      // One view per scenario, not a facet: a facet shares one projection, which would draw a
      // region at its place in a national map (tiny) when another panel is national.
      body: {
        concat: map.points.map((id, i) => ({
          title: { text: order[i], fontSize: 13, fontWeight: 'normal', anchor: 'middle' },
          data: { name: 'values' },
          transform: [
            { filter: { field: 'point', equal: id } },
            { lookup: 'code', from: { data: { name: 'boundaries' }, key: 'properties.gm_code' }, as: 'geo' },
          ],
          width: n === 1 ? 420 : 300,
          height: n === 1 ? 420 : 300,
          // Vega-Lite merges equal projections of a concat into one; a centre per region keeps each panel fitted to its own.
          projection: { type: 'mercator', center: centre(model, id) },
          mark: { type: 'geoshape', stroke: '#ffffff', strokeWidth: 0.8 },
          encoding: {
            shape: { field: 'geo', type: 'geojson' },
            color,
            tooltip: [
              { field: 'name', title: 'Municipality' },
              { field: 'code', title: 'Code' },
              { field: 'progress', title: `Progress ${when} (mean)`, format: '.1%' },
              { field: 'progressInterval', title: 'Progress: 95% interval of the mean' },
              { field: 'memberShare', title: 'Member at the end (share of runs)', format: '.1%' },
              { field: 'memberInterval', title: 'Member share: 95% interval (Wilson)' },
              { field: 'runs', title: 'Runs (n)' },
            ],
          },
        })),
        columns: Math.min(n, 3),
        resolve: { scale: { color: 'shared' } },
      },
    }),
  };
}

const maps: ChartBuilder = (model) => (model.map ? [mapChart(model, 'progress'), mapChart(model, 'membership')] : []);

export const mapCharts: ChartBuilder[] = [maps];
