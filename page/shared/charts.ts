/**
 * The page's Vega-Lite charts, in the report's look (reports/charts/theme.ts): progress over time
 * with 5-95% bands, pool members, pools alive with Wilson intervals, paired differences with 95%
 * intervals, and a map of the paired difference per municipality.
 */
import { categoryEncoding, chartConfig, VEGA_LITE_SCHEMA, type VlSpec } from '../../reports/charts/theme.js';
import type { BandDatum, SurvivalDatum, TableRow } from './results.js';

export const SOURCE = 'regiosim simulation; data: CBS 85755NED and CBS/PDOK boundaries (Bron: CBS)';

function frame(title: string, subtitle: string, body: VlSpec): VlSpec {
  return {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: title, subtitle: [subtitle, SOURCE] },
    config: chartConfig(),
    ...body,
  };
}

const WIDTH = 460;
const HEIGHT = 240;

function bandChart(
  title: string,
  subtitle: string,
  rows: BandDatum[],
  scenarios: string[],
  yTitle: string,
  format: string,
): VlSpec {
  const enc = categoryEncoding('scenario', 'Scenario', scenarios, ['color']);
  const x = { field: 'year', type: 'quantitative', title: 'Year', axis: { format: 'd' }, scale: { zero: false } };
  return frame(title, subtitle, {
    width: WIDTH,
    height: HEIGHT,
    data: { values: rows },
    encoding: { x },
    layer: [
      {
        mark: { type: 'area', opacity: 0.2 },
        encoding: { y: { field: 'q05', type: 'quantitative' }, y2: { field: 'q95' }, ...enc },
      },
      {
        mark: { type: 'line', point: true },
        encoding: {
          y: { field: 'mean', type: 'quantitative', title: yTitle, axis: { format } },
          ...categoryEncoding('scenario', 'Scenario', scenarios, ['color', 'strokeDash']),
          tooltip: [
            { field: 'scenario' },
            { field: 'year' },
            { field: 'mean', format: '.3' },
            { field: 'q05', format: '.3' },
            { field: 'q95', format: '.3' },
          ],
        },
      },
    ],
  });
}

export function progressChart(rows: BandDatum[], scenarios: string[], runs: number): VlSpec {
  return bandChart(
    'Progress of the heat transition over time',
    `Mean of ${runs} runs per scenario; band: 5-95% of runs`,
    rows,
    scenarios,
    'Dwellings ready (% of full-pace target)',
    '%',
  );
}

export function membersChart(rows: BandDatum[], scenarios: string[], runs: number): VlSpec {
  return bandChart(
    'Pool members over time',
    `Mean of ${runs} runs per scenario; band: 5-95% of runs`,
    rows,
    scenarios,
    'Pool members (municipalities)',
    'd',
  );
}

export function survivalChart(rows: SurvivalDatum[], scenarios: string[], runs: number): VlSpec {
  return frame('Pool alive at the end of each year', `Share of ${runs} runs; band: 95% Wilson interval`, {
    width: WIDTH,
    height: HEIGHT,
    data: { values: rows },
    encoding: {
      x: { field: 'year', type: 'quantitative', title: 'Year', axis: { format: 'd' }, scale: { zero: false } },
    },
    layer: [
      {
        mark: { type: 'area', opacity: 0.2 },
        encoding: {
          y: { field: 'ciLow', type: 'quantitative' },
          y2: { field: 'ciHigh' },
          ...categoryEncoding('scenario', 'Scenario', scenarios, ['color']),
        },
      },
      {
        mark: { type: 'line', point: true },
        encoding: {
          y: {
            field: 'share',
            type: 'quantitative',
            title: 'Runs with a pool alive',
            axis: { format: '%' },
            scale: { domain: [0, 1] },
          },
          ...categoryEncoding('scenario', 'Scenario', scenarios, ['color', 'strokeDash']),
          tooltip: [{ field: 'scenario' }, { field: 'year' }, { field: 'share', format: '.0%' }],
        },
      },
    ],
  });
}

/** One row per key outcome: the mean paired difference with its 95% interval (own x scale each). */
export function differencesChart(rows: TableRow[], scenario: string, baseline: string): VlSpec {
  const values = rows
    .filter((r) => Number.isFinite(r.difference.mean))
    .map((r) => ({
      label: r.label,
      mean: r.difference.mean,
      ciLow: Number.isFinite(r.difference.ciLow) ? r.difference.ciLow : r.difference.mean,
      ciHigh: Number.isFinite(r.difference.ciHigh) ? r.difference.ciHigh : r.difference.mean,
      distinguishable: r.difference.distinguishable ? 'yes' : 'no (interval contains 0)',
    }));
  const pairs = rows[0]?.difference.pairs ?? 0;
  return frame(
    `Paired difference: ${scenario} − ${baseline}`,
    `Mean over ${pairs} paired runs (same seeds) with 95% t-interval`,
    {
      data: { values },
      facet: {
        row: {
          field: 'label',
          type: 'nominal',
          title: null,
          sort: values.map((v) => v.label),
          header: { labelAngle: 0, labelAlign: 'left', labelLimit: 260 },
        },
      },
      spec: {
        width: WIDTH - 120,
        height: 22,
        layer: [
          { mark: { type: 'rule', color: '#888' }, encoding: { x: { datum: 0, type: 'quantitative' } } },
          {
            mark: { type: 'rule', strokeWidth: 2 },
            encoding: { x: { field: 'ciLow', type: 'quantitative', title: null }, x2: { field: 'ciHigh' } },
          },
          {
            mark: { type: 'point', filled: true, size: 60 },
            encoding: {
              x: { field: 'mean', type: 'quantitative' },
              color: {
                field: 'distinguishable',
                type: 'nominal',
                title: 'Distinguishable from 0',
                scale: { domain: ['yes', 'no (interval contains 0)'], range: ['#D55E00', '#777777'] },
              },
              tooltip: [
                { field: 'label' },
                { field: 'mean', format: '.4' },
                { field: 'ciLow', format: '.4' },
                { field: 'ciHigh', format: '.4' },
              ],
            },
          },
        ],
      },
      resolve: { scale: { x: 'independent' } },
    },
  );
}

/** The municipalities of the region coloured by the mean paired difference of progress by 2030. */
export function municipalityMapChart(
  boundaries: unknown[],
  rows: Array<{ code: string; difference: number }>,
  pairs: number,
): VlSpec {
  return frame(
    'Paired difference in progress by 2030, per municipality',
    `Scenario − baseline, mean over ${pairs} paired runs`,
    {
      width: WIDTH,
      height: 360,
      projection: { type: 'mercator' },
      data: { values: rows },
      transform: [
        {
          lookup: 'code',
          from: { data: { values: boundaries }, key: 'properties.gm_code', fields: ['geometry', 'type', 'properties'] },
        },
      ],
      mark: { type: 'geoshape', stroke: 'white', strokeWidth: 0.5 },
      encoding: {
        color: {
          field: 'difference',
          type: 'quantitative',
          title: 'Δ progress 2030',
          scale: { scheme: 'blueorange', domainMid: 0 },
          legend: { format: '+.1%' },
        },
        tooltip: [
          { field: 'properties.gm_name', title: 'Municipality' },
          { field: 'difference', format: '+.2%', title: 'Δ progress 2030' },
        ],
      },
    },
  );
}

/** The region picker: every municipality, the chosen ones in colour. */
export function regionMapChart(boundaries: unknown[], chosen: readonly string[]): VlSpec {
  return {
    $schema: VEGA_LITE_SCHEMA,
    config: { ...chartConfig(), view: { stroke: null } },
    width: 320,
    height: 380,
    projection: { type: 'mercator' },
    data: { values: boundaries },
    transform: [
      {
        calculate: `indexof(${JSON.stringify(chosen)}, datum.properties.gm_code) >= 0 ? 'chosen' : 'other'`,
        as: 'chosen',
      },
    ],
    mark: { type: 'geoshape', stroke: 'white', strokeWidth: 0.3, cursor: 'pointer' },
    encoding: {
      color: {
        field: 'chosen',
        type: 'nominal',
        legend: null,
        scale: { domain: ['chosen', 'other'], range: ['#0072B2', '#d9d9d9'] },
      },
      tooltip: [
        { field: 'properties.gm_name', title: 'Municipality' },
        { field: 'properties.res_name', title: 'RES region' },
        { field: 'properties.province_name', title: 'Province' },
      ],
    },
  };
}
