/** The calibration charts (Vega-Lite, the reports' theme): patterns against bands, and need by size class. */
import { join } from 'node:path';
import { writeAtomic } from '../../store/write.js';
import { framed, OKABE_ITO, type VlSpec } from '../charts/theme.js';
import { renderSvg } from '../render/render.js';
import { assertValidSpec } from '../render/validate.js';
import { SIZE_CLASSES } from './need-by-size.js';
import { POINT_LABELS } from './points.js';
import type { CalibrationResult } from './run.js';

// ---- charts -----------------------------------------------------------------------------------

const PASS = 'mean inside the tolerance band';
const FAIL = 'mean outside the band';

export function patternChart(result: CalibrationResult, source: string): VlSpec {
  const ids = [...new Set(result.patterns.map((r) => r.def.id))];
  const panels = ids.map((id): VlSpec => {
    const rows = result.patterns.filter((r) => r.def.id === id);
    const def = rows[0].def;
    const scale = def.unit === 'percent' || def.unit === 'pp' ? 100 : 1;
    const unit =
      def.unit === 'percent' ? '%' : def.unit === 'pp' ? 'percentage points' : def.unit === 'fte' ? 'FTE' : 'ratio';
    const values = rows.map((r) => ({
      label: POINT_LABELS[r.point] ?? r.point,
      mean: r.stats.mean * scale,
      ciLow: (Number.isFinite(r.stats.ciLow) ? r.stats.ciLow : r.stats.mean) * scale,
      ciHigh: (Number.isFinite(r.stats.ciHigh) ? r.stats.ciHigh : r.stats.mean) * scale,
      verdict: r.pass ? PASS : FAIL,
    }));
    const x = (field: string) => ({
      field,
      type: 'quantitative',
      title: `${def.id}: ${def.pattern} (${unit})`,
      scale: { zero: false },
    });
    const y = {
      field: 'label',
      type: 'nominal',
      title: null,
      sort: values.map((v) => v.label),
      axis: { labelLimit: 320 },
    };
    const layers: VlSpec[] = [
      {
        data: { values: [{ lo: def.lo * scale, hi: def.hi * scale }] },
        mark: { type: 'rect', color: '#cfe3f5', opacity: 0.8 },
        encoding: { x: x('lo'), x2: { field: 'hi' } },
      },
    ];
    if (def.mark !== undefined)
      layers.push({
        data: { values: [{ mark: def.mark * scale }] },
        mark: { type: 'rule', color: '#0072B2', strokeDash: [5, 3], strokeWidth: 1.5 },
        encoding: { x: x('mark') },
      });
    layers.push(
      {
        data: { values },
        mark: { type: 'rule', strokeWidth: 2.5, color: '#333333' },
        encoding: { y, x: x('ciLow'), x2: { field: 'ciHigh' } },
      },
      {
        data: { values },
        mark: { type: 'point', size: 90, strokeWidth: 2, opacity: 1, stroke: '#000000' },
        encoding: {
          y,
          x: x('mean'),
          fill: {
            field: 'verdict',
            type: 'nominal',
            title: 'Result',
            scale: { domain: [PASS, FAIL], range: ['#000000', '#ffffff'] },
          },
        },
      },
    );
    return { width: 460, height: { step: 28 }, layer: layers };
  });
  const note =
    'Shaded: tolerance band; dashed line: the empirical figure; dot: mean over the runs with its 95% interval. Filled: mean inside the band; hollow: outside.';
  return framed({
    title: 'Calibration patterns: simulated against the Dutch figures',
    subtitle: ['High labour scarcity, registry defaults, 2026-2050; each row a scenario of the calibration batch'],
    caption: [note, source],
    body: { vconcat: panels, spacing: 18, resolve: { scale: { fill: 'shared' } } },
  });
}

export function needChart(result: CalibrationResult, source: string): VlSpec {
  const classLabel = Object.fromEntries(SIZE_CLASSES.map((c) => [c.id, c.label]));
  const bounds = Object.fromEntries(SIZE_CLASSES.map((c) => [c.id, c.shown]));
  const points = result.need.municipalities.map((m) => ({
    population: m.population,
    need: m.need,
    name: m.name,
    cls: classLabel[m.sizeClass],
  }));
  const targets = result.need.rows.map((r) => ({
    x: bounds[r.id][0],
    x2: bounds[r.id][1],
    lo: r.targetLo,
    hi: r.targetHi,
    tlo: r.lo,
    thi: r.hi,
    cls: r.label,
  }));
  const means = result.need.rows.map((r) => ({ population: r.meanPopulation, need: r.meanNeed, cls: r.label }));
  const x = {
    field: 'population',
    type: 'quantitative',
    title: 'Inhabitants (1 Jan 2024, log scale)',
    scale: { type: 'log', domain: [SIZE_CLASSES[0].shown[0], SIZE_CLASSES[SIZE_CLASSES.length - 1].shown[1]] },
    axis: { format: '~s' },
  };
  const y = {
    field: 'need',
    type: 'quantitative',
    title: 'Heat-transition FTE need per municipality',
    scale: { type: 'log', domain: [0.5, 100] },
  };
  // A class's target box: its population range across, [low, high] of the need up, filled at this opacity.
  const box = (low: string, high: string, opacity: number): VlSpec => ({
    data: { values: targets },
    mark: { type: 'rect', opacity },
    encoding: {
      x: { ...x, field: 'x' },
      x2: { field: 'x2' },
      y: { ...y, field: low },
      y2: { field: high },
      color: colour,
    },
  });
  const order = SIZE_CLASSES.map((c) => c.label);
  const colour = {
    field: 'cls',
    type: 'nominal',
    title: 'Size class',
    scale: { domain: order, range: OKABE_ITO.slice(0, order.length) },
    sort: order,
  };
  return framed({
    title: 'FTE need per municipality by size class (pattern P3)',
    subtitle: [
      'Dots: each municipality; boxes: AEF/ROB need per class × heat share 0.6 (dark) and ±10% tolerance (light); diamonds: class means',
    ],
    caption: [
      'AEF/ROB extra FTE per municipality for climate tasks (A2-A5) times the heat share of about 60% (A11).',
      source,
    ],
    body: {
      width: 560,
      height: 360,
      layer: [
        box('tlo', 'thi', 0.15),
        box('lo', 'hi', 0.4),
        {
          data: { values: points },
          mark: { type: 'circle', size: 18, opacity: 0.7 },
          encoding: {
            x,
            y,
            color: colour,
            tooltip: [{ field: 'name' }, { field: 'population' }, { field: 'need', format: '.1f' }],
          },
        },
        {
          data: { values: means },
          mark: { type: 'point', shape: 'diamond', size: 160, filled: true, stroke: '#000000', strokeWidth: 1.2 },
          encoding: { x, y, color: colour },
        },
      ],
    },
  });
}

export async function writeChart(name: string, spec: VlSpec, dir: string): Promise<string> {
  assertValidSpec(name, spec);
  const file = join(dir, `${name}.svg`);
  writeAtomic(file, await renderSvg(spec));
  return file;
}
