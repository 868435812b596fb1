/**
 * Report statistics an editor would accept (issue 13, point 4), on a known small batch of real runs
 * and on synthetic batches of every size: one interval per quantity (Wilson for shares), no box
 * plots of 0/1 outcomes, one colour per scenario across every chart, bands edged in their
 * scenario's style, large sweeps paged, labels and units from the registries instead of code
 * names, numeric sweeps spaced by value, and the table of what each scenario changes against the
 * baseline at the top of report.html.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../reports/aggregate/build-model.js';
import { estimate } from '../reports/aggregate/estimates.js';
import { buildCharts, type Chart } from '../reports/charts/index.js';
import { OKABE_ITO } from '../reports/charts/theme.js';
import { reportHtml } from '../reports/html/page.js';
import { factorTitle, formatFactorValue } from '../reports/labels.js';
import type { ReportModel } from '../reports/model.js';
import type { PlanPoint } from '../scenarios/plan.js';
import type { ModelInput } from '../sim/model-input.js';
import {
  drenthePoint,
  makePlan,
  removeTempDirs,
  runSmallBatch,
  tempDir,
  writeSyntheticBatch,
} from './report-helpers.js';

afterAll(removeTempDirs);

/** Three scenarios on two scarcity levels: the baseline flexpool, no pool, and a sponsored flexpool with more crises. */
function editorPlan() {
  const points: PlanPoint[] = [];
  const scenarios = [
    ['flexpool', {}, {}],
    ['no-pool', { poolForm: 'none' }, {}],
    ['sponsored', { sponsorYears: 10 }, { crisisPerMonth: 0.02 }],
  ] as const;
  for (const [scenario, levers, parameters] of scenarios)
    for (const supplyRatio of [0.35, 0.6])
      points.push(
        drenthePoint(scenario, 36, { levers, parameters: { ...parameters, supplyRatio }, sweep: { supplyRatio } }),
      );
  return makePlan(points, 5, 21);
}

let model: ReportModel;
let charts: Chart[];
let html: string;

beforeAll(async () => {
  const plan = editorPlan();
  const { dir } = await runSmallBatch(plan, 'editor');
  model = buildModel(dir, { plan, mapRuns: 0 });
  charts = buildCharts(model);
  html = reportHtml(model, [], dir, []);
}, 180_000);

/** Every object of a spec (depth first). */
function* nodes(node: unknown): Generator<Record<string, unknown>> {
  if (node === null || typeof node !== 'object') return;
  if (!Array.isArray(node)) yield node as Record<string, unknown>;
  for (const v of Object.values(node)) yield* nodes(v);
}

/** The vconcat panels of the chart's body (the frame's first view). */
const panels = (chart: Chart) =>
  ((chart.spec as { vconcat: Array<{ vconcat?: unknown[] }> }).vconcat[0].vconcat ?? []) as Array<
    Record<string, unknown>
  >;
const xTitleOf = (panel: unknown) =>
  [...nodes(panel)].map((n) => (n.x as { title?: string } | undefined)?.title).find((t) => typeof t === 'string');
const marksOf = (panel: unknown) =>
  [...nodes(panel)].map((n) => (n.mark as { type?: string } | undefined)?.type).filter(Boolean);

describe('report statistics an editor would accept', () => {
  it('gives each quantity one interval: the Wilson share for pool founded and pool survives, t for means', () => {
    const base = model.set.points.find((p) => p.isBaseline)!;
    const survived = estimate(model, base.id, 'poolSurvived')!;
    const row = model.proportions.find((r) => r.point === base.id && r.measure === 'poolSurvives')!;
    expect(survived).toMatchObject({ method: 'wilson', successes: row.successes, n: row.n, of: 'pools' });
    // Wilson by hand for these counts.
    const z = 1.959963984540054;
    const p = row.successes / row.n;
    const centre = (p + (z * z) / (2 * row.n)) / (1 + (z * z) / row.n);
    const half = (z * Math.sqrt((p * (1 - p)) / row.n + (z * z) / (4 * row.n * row.n))) / (1 + (z * z) / row.n);
    expect(survived.ciLow).toBeCloseTo(Math.max(0, centre - half), 10);
    expect(survived.ciHigh).toBeCloseTo(Math.min(1, centre + half), 10);
    // No t-interval of the same share beside it, and no municipality-run share of membership.
    const summary = model.summary.find((r) => r.point === base.id && r.metric === 'poolSurvived')!;
    expect(Number.isNaN(summary.ciLow)).toBe(true);
    for (const p of model.set.points)
      expect(model.proportions.filter((r) => r.point === p.id).map((r) => r.measure)).toEqual([
        'poolFounded',
        'poolSurvives',
      ]);
    expect(estimate(model, base.id, 'capacitySharePool')!.method).toBe('t');
  });

  it('shows shares as a dot with its Wilson interval, never as a box plot of 0/1 runs', () => {
    const dist = charts.filter((c) => c.name.startsWith('outcome-distributions'));
    const all = dist.flatMap(panels);
    const survived = all.find((p) => /Founded pools alive/.test(xTitleOf(p) ?? ''))!;
    const founded = all.find((p) => /Pool founded/.test(xTitleOf(p) ?? ''))!;
    const progress = all.find((p) => /Capacity from the pool/.test(xTitleOf(p) ?? ''))!;
    for (const share of [survived, founded]) {
      expect(marksOf(share)).not.toContain('bar');
      expect(marksOf(share)).not.toContain('tick');
      expect(JSON.stringify(share)).toContain('95% Wilson low');
    }
    expect(marksOf(progress)).toContain('bar');
  });

  it('keeps one colour (and dash) per scenario across every chart, and no other use of those colours', () => {
    const colourOf = new Map<string, string>();
    for (const chart of charts)
      for (const n of nodes(chart.spec)) {
        const color = n.color as { field?: string; scale?: { domain?: string[]; range?: string[] } } | undefined;
        if (!color?.scale?.range) continue;
        const range = color.scale.range;
        if (color.field !== 'scenario') {
          // A colour of the scenario palette means a scenario, in every chart.
          expect(
            range.filter((c) => OKABE_ITO.includes(c)),
            `${chart.name}: ${color.field}`,
          ).toEqual([]);
          continue;
        }
        color.scale.domain!.forEach((scenario, i) => {
          const seen = colourOf.get(scenario);
          if (seen) expect(range[i], `${chart.name}: ${scenario}`).toBe(seen);
          else colourOf.set(scenario, range[i]);
        });
      }
    expect(colourOf.size).toBe(3);
    expect(new Set(colourOf.values()).size).toBe(3);
  });

  it('edges every band with thin lines in its scenario’s colour and dash, and draws one band per line', () => {
    const progress = charts.find((c) => c.name === 'progress-over-time')!;
    const layers = [...nodes(progress.spec)]
      .filter((n) => Array.isArray(n.layer))
      .flatMap((n) => n.layer as Array<Record<string, unknown>>);
    const areas = layers.filter((l) => (l.mark as { type: string }).type === 'area');
    expect(areas).toHaveLength(1);
    const edges = layers.filter((l) => {
      const e = l.encoding as { y?: { field?: string }; strokeDash?: { field?: string } };
      return (
        (l.mark as { type: string }).type === 'line' &&
        ['ciLow', 'ciHigh'].includes(e.y?.field ?? '') &&
        e.strokeDash?.field === 'scenario'
      );
    });
    expect(edges).toHaveLength(2);
    expect(JSON.stringify(progress.spec)).not.toContain('q05');
  });

  it('names levers, parameters and outcomes with their labels and units, not their code names', () => {
    const text = JSON.stringify(charts.map((c) => c.spec));
    expect(text).not.toMatch(/supplyRatio = |supplyRatio:|"title":"supplyRatio"/);
    expect(text).toContain('Labour supply ratio: 0.35');
    expect(factorTitle('sponsorYears')).toBe('Years of sponsor money (years)');
    expect(formatFactorValue('sponsorPerYear', 550000)).toBe('550,000 EUR/year');
    expect(formatFactorValue('governance', 'centralPush')).toBe('central push');
    expect(formatFactorValue('scarcity', 'extreme')).toBe('extreme (supply ratio 0.35)');
    expect(formatFactorValue('feeFixedShare', 0.5)).toBe('50%');
    // The point labels of the tables and charts read as settings.
    expect(model.set.points.map((p) => p.label)).toContain('Sponsored · Labour supply ratio: 0.6');
  });

  it('spaces a numeric sweep by value on a quantitative axis whose ticks are the swept values', () => {
    const sweep = charts.find((c) => c.name === 'sweep-outcome')!;
    const x = [...nodes(sweep.spec)]
      .map((n) => n.x as Record<string, unknown> | undefined)
      .find((v) => v?.type === 'quantitative')!;
    expect(x.title).toBe('Labour supply ratio');
    expect((x.axis as { values: number[] }).values).toEqual([0.35, 0.6]);
    expect((x.axis as { labelAngle: number }).labelAngle).toBe(0);
  });

  it('opens report.html with what each scenario changes against the baseline, with labels and units', () => {
    const h2 = [...html.matchAll(/<h2>([^<]*)<\/h2>/g)].map((m) => m[1]);
    expect(h2[0]).toBe('What each scenario changes against the baseline');
    expect(html.indexOf('What each scenario changes')).toBeLessThan(html.indexOf('Outcomes per scenario'));
    const rows = model.changes!.rows.map((r) => [r.scenarioLabel, r.label, r.baseline, r.value]);
    expect(rows).toEqual([
      ['No pool', 'Collaboration form', 'flexpool', 'no collaboration'],
      ['Sponsored', 'Years of sponsor money (years)', '3 years', '10 years'],
      ['Sponsored', 'Local crises (/month)', '0.01/month', '0.02/month'],
    ]);
    expect(model.changes!.baselineSummary).toMatch(
      /^Drenthe \(12 municipalities\), 2026–2028 \(36 months\); collaboration form: flexpool$/,
    );
    expect(html).toContain('<strong>no collaboration</strong>');
    // The registry's description of each lever or parameter is at hand (hover).
    expect(html).toContain('title="Years the sponsor pays."');
  });

  it('gives the outcome tables one interval per cell, shares with their counts, and no table wider than five outcomes', () => {
    const tables = html.split('<h2>Outcomes per scenario</h2>')[1].split('<h2>Differences from the baseline</h2>')[0];
    for (const table of tables.split('<table>').slice(1)) {
      const heads = (table.split('</thead>')[0].match(/<th>/g) ?? []).length;
      expect(heads - 2).toBeLessThanOrEqual(5);
    }
    // Every cell: a value and one "(low to high)".
    for (const cell of tables.match(/<td>[\s\S]*?<\/td>/g)!.filter((c) => c.includes('class="ci"')))
      expect(cell.match(/ to /g)).toHaveLength(1);
    expect(tables).toMatch(/of 5 runs/);
    expect(tables).toMatch(/of \d+ pools/);
    // Membership appears once: the run-level mean.
    expect(tables.match(/Pool members at the end/g)).toHaveLength(1);
  });
});

describe('large sweeps are paged or faceted', () => {
  function fakePoint(scenario: string, sweep: PlanPoint['sweep']): PlanPoint {
    const id = [scenario, ...Object.entries(sweep).map(([k, v]) => `${k}=${v}`)].join('|');
    return { id, scenario, sweep, input: { name: scenario, horizonMonths: 36, startYear: 2026 } as ModelInput };
  }

  it('splits 2 scenarios × 20 swept values into charts of at most 12 panels and 40 rows', () => {
    const values = Array.from({ length: 20 }, (_, i) => 2 + 2 * i);
    const plan = makePlan(
      ['base', 'alt'].flatMap((s) => values.map((v) => fakePoint(s, { initialStaff: v }))),
      3,
    );
    const dir = tempDir('paged');
    writeSyntheticBatch(dir, plan, (p, r, k) => (0.1 + 0.01 * p + 0.013 * r + 0.05 * (k % 9)) % 1);
    const big = buildCharts(buildModel(dir, { mapRuns: 0 }));
    const progress = big.filter((c) => c.name.startsWith('progress-over-time'));
    expect(progress.map((c) => c.name)).toEqual(['progress-over-time-1', 'progress-over-time-2']);
    for (const c of progress) {
      const facet = (c.spec as { vconcat: Array<{ facet: { sort: string[] } }> }).vconcat[0].facet;
      expect(facet.sort.length).toBeLessThanOrEqual(12);
      expect(c.title).toMatch(/\(page \d of 2\)/);
    }
    for (const c of big.filter((x) => /^(outcome-distributions|paired-differences)/.test(x.name))) {
      const rows = panels(c).reduce(
        (s, p) =>
          s +
          new Set(
            ((p.layer as Array<{ data?: { values: Array<{ label: string }> } }>) ?? [])
              .flatMap((l) => l.data?.values.map((v) => v.label) ?? [])
              .concat(((p.data as { values?: Array<{ label: string }> })?.values ?? []).map((v) => v.label))
              .filter(Boolean),
          ).size,
        0,
      );
      expect(rows, c.name).toBeLessThanOrEqual(40);
    }
    // The sweep chart: one panel, the 20 values spaced on a quantitative axis.
    const sweep = big.find((c) => c.name === 'sweep-outcome')!;
    expect(JSON.stringify(sweep.spec)).toContain('"type":"quantitative","title":"Initial pool staff"');
  });
});
