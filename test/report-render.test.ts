/**
 * PNG rendering: the same chart gives the same bytes every time (pinned fonts, renumbered SVG ids),
 * its text is really drawn (not blank for want of a font), and a missing font is a clear error.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../reports/aggregate/build-model.js';
import { buildCharts, type Chart } from '../reports/charts/index.js';
import { ReportError } from '../reports/errors.js';
import { checkFonts, normaliseSvgIds, renderPng, renderSvg } from '../reports/render/render.js';
import type { PlanPoint } from '../scenarios/plan.js';
import type { ModelInput } from '../sim/model-input.js';
import { makePlan, removeTempDirs, tempDir, writeSyntheticBatch } from './report-helpers.js';

afterAll(removeTempDirs);

let charts: Chart[];

beforeAll(() => {
  const points: PlanPoint[] = ['base', 'alt'].map((s) => ({ id: s, scenario: s, sweep: {}, input: { name: s, horizonMonths: 48, startYear: 2026 } as ModelInput }));
  const dir = tempDir('render');
  writeSyntheticBatch(dir, makePlan(points, 4), (p, r, k) => (0.2 + 0.05 * p + 0.02 * r + 0.03 * (k % 5)) % 1);
  charts = buildCharts(buildModel(dir, { mapRuns: 0 }));
});

const chart = (name: string) => charts.find((c) => c.name === name)!;
const isPng = (b: Buffer) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

describe('rendering', () => {
  it('gives the same SVG and the same PNG bytes for the same chart, again and after other charts', async () => {
    const first = await renderSvg(chart('progress-over-time').spec);
    for (const c of charts) await renderSvg(c.spec); // advances vega's per-process id counters
    const again = await renderSvg(chart('progress-over-time').spec);
    expect(again).toBe(first);
    const a = renderPng(first);
    const b = renderPng(again);
    expect(isPng(a)).toBe(true);
    expect(a.equals(b)).toBe(true);
  });

  it('draws the text (the PNG differs from the same SVG without its text) in DejaVu Sans', async () => {
    const svg = await renderSvg(chart('outcome-distributions').spec);
    expect(svg).toContain('font-family="DejaVu Sans"');
    expect(svg).toContain('Bron: CBS');
    const noText = svg.replace(/<text[^>]*>[\s\S]*?<\/text>/g, '');
    expect(noText).not.toContain('<text');
    expect(renderPng(svg).equals(renderPng(noText))).toBe(false);
  });

  it('renumbers SVG ids so they do not depend on what was rendered before', () => {
    const svg = '<svg><defs><linearGradient id="gradient_17"/><clipPath id="clip9"/></defs><rect fill="url(#gradient_17)" clip-path="url(#clip9)"/></svg>';
    expect(normaliseSvgIds(svg)).toBe('<svg><defs><linearGradient id="gradient-0"/><clipPath id="clip-1"/></defs><rect fill="url(#gradient-0)" clip-path="url(#clip-1)"/></svg>');
  });

  it('stops with a clear message when the pinned font is missing', async () => {
    expect(checkFonts()).toBe('/usr/share/fonts/truetype/dejavu');
    expect(() => checkFonts('/nonexistent/fonts')).toThrow(ReportError);
    expect(() => checkFonts('/nonexistent/fonts')).toThrow(/DejaVuSans\.ttf.*apt-get install fonts-dejavu-core/);
    await expect(renderSvg(chart('progress-over-time').spec, '/nonexistent/fonts')).rejects.toThrow(/fonts-dejavu-core/);
  });
});
