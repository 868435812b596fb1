import { describe, expect, it } from 'vitest';
import { SensitivityError, sobolConvergence, sobolIndices } from '../reports/sensitivity/index.js';
import { type Factor, saltelli } from '../scenarios/designs/index.js';

/** Ishigami & Homma (1990) with a = 7, b = 0.1 on [−π, π]³. */
const ishigami = (x: number[]) => Math.sin(x[0]) + 7 * Math.sin(x[1]) ** 2 + 0.1 * x[2] ** 4 * Math.sin(x[0]);
// Analytic indices (e.g. Saltelli et al. 2008, Global Sensitivity Analysis: The Primer, and SALib's tests).
const S1 = [0.3139, 0.4424, 0];
const ST = [0.5576, 0.4424, 0.2437];
const S13 = 0.2437;
const TOLERANCE = 0.03;

const factors: Factor[] = ['x1', 'x2', 'x3'].map((name) => ({ name, kind: 'real', min: -Math.PI, max: Math.PI }));
const outputs = (rows: Array<Record<string, unknown>>) => rows.map((r) => ishigami([r.x1, r.x2, r.x3] as number[]));

describe('Sobol indices of the Ishigami function (N = 4096 base samples, tolerance 0.03)', () => {
  const design = saltelli(factors, { baseSamples: 4096, seed: 'ishigami' });
  const y = outputs(design.rows);
  const result = sobolIndices(y, design, { seed: 1 });

  it('recovers the analytic first-order and total-order indices', () => {
    result.factors.forEach((f, j) => {
      expect(Math.abs(f.S1.value - S1[j])).toBeLessThan(TOLERANCE);
      expect(Math.abs(f.ST.value - ST[j])).toBeLessThan(TOLERANCE);
    });
  });

  it('gives 95% bootstrap intervals that contain the analytic values and are narrow', () => {
    result.factors.forEach((f, j) => {
      expect(f.S1.low).toBeLessThanOrEqual(S1[j]);
      expect(f.S1.high).toBeGreaterThanOrEqual(S1[j]);
      expect(f.ST.low).toBeLessThanOrEqual(ST[j]);
      expect(f.ST.high).toBeGreaterThanOrEqual(ST[j]);
      expect(f.S1.conf).toBeLessThan(0.05);
      expect(f.ST.conf).toBeLessThan(0.05);
    });
  });

  it('recovers the x1-x3 interaction as a second-order index', () => {
    const second = saltelli(factors, { baseSamples: 4096, seed: 'ishigami', secondOrder: true });
    const r = sobolIndices(outputs(second.rows), second, { seed: 1, resamples: 200 });
    const s = Object.fromEntries(r.pairs.map((p) => [`${p.a}${p.b}`, p.S2.value]));
    expect(Math.abs(s.x1x3 - S13)).toBeLessThan(TOLERANCE);
    expect(Math.abs(s.x1x2)).toBeLessThan(TOLERANCE);
    expect(Math.abs(s.x2x3)).toBeLessThan(TOLERANCE);
    // The A, AB and B rows are the same as in the first-order design.
    expect(r.factors[0].S1.value).toBeCloseTo(result.factors[0].S1.value, 10);
  });

  it('calls the sample converged', () => {
    const report = sobolConvergence(y, design, { seed: 1, resamples: 300 });
    expect(report.steps.map((s) => s.baseSamples)).toEqual([1024, 2048, 4096]);
    expect(report.converged).toBe(true);
    expect(report.message).toMatch(/^converged at N=4096/);
  });
});

describe('Sobol analysis', () => {
  it('says a small sample is too small and by how much to grow it', () => {
    const design = saltelli(factors, { baseSamples: 256, seed: 'small' });
    const report = sobolConvergence(outputs(design.rows), design, { seed: 1, resamples: 300 });
    expect(report.converged).toBe(false);
    expect(report.suggestedBaseSamples).toBeGreaterThanOrEqual(1024);
    expect(Math.log2(report.suggestedBaseSamples) % 1).toBe(0);
    expect(report.message).toMatch(/too small at N=256 .* grow to about \d+ base samples/);
  });

  it('gives exact shares for an additive function', () => {
    const f: Factor[] = [
      { name: 'a', kind: 'real', min: 0, max: 1 },
      { name: 'b', kind: 'real', min: 0, max: 1 },
      { name: 'c', kind: 'real', min: 0, max: 1 },
    ];
    const d = saltelli(f, { baseSamples: 1024, seed: 2 });
    const r = sobolIndices(
      d.rows.map((row) => 2 * (row.a as number) + (row.b as number)),
      d,
      { resamples: 100 },
    );
    expect(r.factors.map((x) => Number(x.S1.value.toFixed(2)))).toEqual([0.8, 0.2, 0]);
    expect(r.factors.map((x) => Number(x.ST.value.toFixed(2)))).toEqual([0.8, 0.2, 0]);
  });

  it('is reproducible from the bootstrap seed', () => {
    const d = saltelli(factors, { baseSamples: 64, seed: 1 });
    const y = outputs(d.rows);
    expect(sobolIndices(y, d, { seed: 5, resamples: 50 })).toEqual(sobolIndices(y, d, { seed: 5, resamples: 50 }));
    expect(sobolIndices(y, d, { seed: 6, resamples: 50 }).factors[0].S1.conf).not.toBe(
      sobolIndices(y, d, { seed: 5, resamples: 50 }).factors[0].S1.conf,
    );
  });

  it('reports a constant output as all zero and rejects outputs that do not fit', () => {
    const d = saltelli(factors, { baseSamples: 8, seed: 1 });
    const flat = sobolIndices(new Array(d.rows.length).fill(3), d);
    expect(flat.factors.every((x) => x.S1.value === 0 && x.ST.value === 0)).toBe(true);
    expect(flat.notes).toEqual(['the output is constant: every index is 0']);
    expect(() => sobolIndices(new Array(d.rows.length - 1).fill(1), d)).toThrow(SensitivityError);
    const y = outputs(d.rows);
    y[3] = Number.NaN;
    expect(() => sobolIndices(y, d)).toThrow(/output 3 is NaN/);
  });
});
