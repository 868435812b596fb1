/**
 * Every chart the report makes, for batches of every shape (no sweep, one sweep, two sweeps, a real
 * batch with maps), is valid against the official Vega-Lite JSON schema and carries its title, axis
 * titles, source line and pinned font; a broken spec is rejected with a message a person can act on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../reports/aggregate/build-model.js';
import { buildCharts, type Chart } from '../reports/charts/index.js';
import { ReportError } from '../reports/errors.js';
import { assertValidSpec, validateSpec, vegaLiteValidator } from '../reports/render/validate.js';
import type { ExperimentPlan, PlanPoint } from '../scenarios/plan.js';
import type { ModelInput } from '../sim/model-input.js';
import { makePlan, removeTempDirs, runSmallBatch, sweptPlan, tempDir, writeSyntheticBatch } from './report-helpers.js';

afterAll(removeTempDirs);

/** A made-up point: the writers need only its id, scenario, sweep and horizon. */
function fakePoint(scenario: string, sweep: PlanPoint['sweep'] = {}): PlanPoint {
  const id = [scenario, ...Object.entries(sweep).map(([k, v]) => `${k}=${v}`)].join('|');
  return { id, scenario, sweep, input: { name: scenario, horizonMonths: 72, startYear: 2026 } as ModelInput };
}

function synthetic(plan: ExperimentPlan): Chart[] {
  const dir = tempDir('specs');
  writeSyntheticBatch(dir, plan, (p, r, k) => (0.1 + 0.07 * p + 0.013 * r + 0.05 * (k % 9)) % 1);
  return buildCharts(buildModel(dir, { mapRuns: 0 }));
}

const shapes: Record<string, () => Promise<Chart[]>> = {
  'one scenario, no sweep': async () => synthetic(makePlan([fakePoint('only')], 5)),
  'three scenarios, one categorical sweep': async () =>
    synthetic(makePlan(['base', 'alt-a', 'alt-b'].flatMap((s) => ['low', 'high'].map((v) => fakePoint(s, { scarcity: v }))), 4)),
  'two scenarios, two numeric sweeps': async () =>
    synthetic(makePlan(['base', 'alt'].flatMap((s) => [0.35, 0.6].flatMap((a) => [2, 6].map((b) => fakePoint(s, { supplyRatio: a, initialStaff: b })))), 3)),
  'a real batch with maps': async () => {
    const plan = sweptPlan(3);
    const { dir } = await runSmallBatch(plan, 'specs-real');
    return buildCharts(buildModel(dir, { plan, mapRuns: 2 }));
  },
};

const built = new Map<string, Chart[]>();

/** Every quantitative x or y encoding in a spec, with where it is (scenario-label axes are nominal). */
function positionalEncodings(node: unknown, path = ''): Array<[string, { title?: unknown }]> {
  if (node === null || typeof node !== 'object') return [];
  const found: Array<[string, { title?: unknown }]> = [];
  for (const [key, value] of Object.entries(node)) {
    const here = `${path}/${key}`;
    const v = value as { type?: string; title?: unknown };
    if ((key === 'x' || key === 'y') && v && typeof v === 'object' && v.type === 'quantitative' && path.endsWith('encoding')) found.push([here, v]);
    else found.push(...positionalEncodings(value, here));
  }
  return found;
}

beforeAll(async () => {
  vegaLiteValidator(); // compile the 1.9 MB schema once (1–2 s)
  for (const [name, make] of Object.entries(shapes)) built.set(name, await make());
}, 120_000);

describe('chart specs', () => {
  it('makes the expected charts for each shape of batch', () => {
    const names = (shape: string) => built.get(shape)!.map((c) => c.name);
    expect(names('one scenario, no sweep')).toEqual(['progress-over-time', 'capacity-by-source', 'pool-over-time', 'pool-survival', 'outcome-distributions', 'small-vs-large']);
    expect(names('three scenarios, one categorical sweep')).toContain('paired-differences');
    expect(names('three scenarios, one categorical sweep')).toContain('sweep-outcome');
    // Numeric sweeps are spaced by value: a quantitative x axis with the swept values as ticks, the other sweep as panels.
    const sweep = JSON.stringify(built.get('two scenarios, two numeric sweeps')!.find((c) => c.name === 'sweep-outcome')!.spec);
    expect(sweep).toContain('"type":"quantitative","title":"Labour supply ratio"');
    expect(sweep).toContain('"values":[0.35,0.6]');
    expect(sweep).toContain('"sort":["Initial pool staff: 2 staff","Initial pool staff: 6 staff"]');
    expect(names('a real batch with maps')).toEqual([
      'progress-over-time', 'capacity-by-source', 'pool-over-time', 'pool-survival', 'outcome-distributions',
      'paired-differences', 'sweep-outcome', 'small-vs-large', 'map-progress', 'map-membership',
    ]);
  });

  for (const shape of Object.keys(shapes)) {
    it(`validates every chart against the Vega-Lite schema: ${shape}`, () => {
      for (const chart of built.get(shape)!) expect(validateSpec(chart.spec), chart.name).toEqual([]);
    });
  }

  it('gives every chart a title, axis titles, the source line and the pinned font', () => {
    for (const chart of [...built.values()].flat()) {
      const spec = chart.spec as { title: { text: string }; config: { font: string } };
      const text = JSON.stringify(chart.spec);
      expect(spec.title.text.length, chart.name).toBeGreaterThan(5);
      expect(spec.config.font, chart.name).toBe('DejaVu Sans');
      expect(text, chart.name).toContain('Bron: CBS');
      expect(text, chart.name).toMatch(/regiosim \d+\.\d+\.\d+/);
      expect(text, chart.name).toMatch(/master\sseed\s\d+/);
      expect(text, chart.name).toMatch(/\d+\sruns\s\(\d+\spoints?\s×\s\d+\sreplicates/);
      for (const [where, channel] of positionalEncodings(chart.spec)) expect(channel.title, `${chart.name} ${where}`).not.toBeUndefined();
    }
  });

  it('uses colour-blind safe palettes with a second cue (dash or shape) for scenarios', () => {
    const progress = built.get('three scenarios, one categorical sweep')!.find((c) => c.name === 'progress-over-time')!;
    const text = JSON.stringify(progress.spec);
    expect(text).toContain('"strokeDash":{"field":"scenario"');
    expect(text).toContain('#0072B2'); // Okabe–Ito
    const map = built.get('a real batch with maps')!.find((c) => c.name === 'map-progress')!;
    expect(JSON.stringify(map.spec)).toContain('"scheme":"cividis"');
  });

  it('rejects a broken spec with a few readable lines naming the place and what is allowed', () => {
    const good = built.get('one scenario, no sweep')![0].spec as Record<string, unknown>;
    expect(validateSpec(good)).toEqual([]);
    const bad = JSON.parse(JSON.stringify(good));
    const body = bad.vconcat[0];
    (body.spec ?? body).layer[2].mark.type = 'lien';
    bad.vconcat[1].widht = 300;
    const problems = validateSpec(bad);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.length).toBeLessThanOrEqual(5);
    const text = problems.join('\n');
    expect(text).toMatch(/\/vconcat\/0\/(spec\/)?layer\/2\/mark\/type must be one of .*"line"/);
    expect(text).toContain('/vconcat/1 has an unknown property "widht"');
    expect(() => assertValidSpec('progress-over-time', bad)).toThrow(ReportError);
    expect(() => assertValidSpec('progress-over-time', bad)).toThrow(/chart progress-over-time: the Vega-Lite spec does not match the schema/);
  });
});
