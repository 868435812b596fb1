import { describe, expect, it } from 'vitest';
import { type Factor, saltelli, saltelliRowCount, sobolPoints, sobolSample } from '../scenarios/designs/index.js';

const unitFactors = (k: number): Factor[] =>
  Array.from({ length: k }, (_, i) => ({ name: `x${i + 1}`, kind: 'real', min: 0, max: 1 }));

describe('Sobol sequence (Joe & Kuo new-joe-kuo-6.21201 direction numbers)', () => {
  it('starts with the textbook points in the first three dimensions', () => {
    expect(sobolPoints(8, 3)).toEqual([
      [0, 0, 0],
      [0.5, 0.5, 0.5],
      [0.75, 0.25, 0.25],
      [0.25, 0.75, 0.75],
      [0.375, 0.375, 0.625],
      [0.875, 0.875, 0.125],
      [0.625, 0.125, 0.875],
      [0.125, 0.625, 0.375],
    ]);
  });

  it('matches SciPy qmc.Sobol(scramble=False) in dimensions 40, 41 and 1024', () => {
    // Reference values from scipy.stats.qmc.Sobol(d=1024, scramble=False).random(1024), scipy 1.17.
    const points = sobolPoints(1024, 1024);
    const reference: Record<number, { first: number[]; at1000: number; at1023: number }> = {
      40: { first: [0.5, 0.25, 0.75, 0.875, 0.375, 0.625, 0.125, 0.5625], at1000: 0.4794921875, at1023: 0.6982421875 },
      41: { first: [0.5, 0.25, 0.75, 0.875, 0.375, 0.625, 0.125, 0.5625], at1000: 0.9130859375, at1023: 0.6318359375 },
      1024: {
        first: [0.5, 0.75, 0.25, 0.875, 0.375, 0.125, 0.625, 0.0625],
        at1000: 0.7138671875,
        at1023: 0.9951171875,
      },
    };
    for (const [d, ref] of Object.entries(reference)) {
      const j = Number(d) - 1;
      expect(points.slice(1, 9).map((p) => p[j])).toEqual(ref.first);
      expect(points[1000][j]).toBe(ref.at1000);
      expect(points[1023][j]).toBe(ref.at1023);
    }
  });

  it('is balanced: the first 2^m points put one point in each interval of width 2^-m, in every dimension', () => {
    const points = sobolPoints(64, 60);
    for (let j = 0; j < 60; j++) {
      const cells = new Set(points.map((p) => Math.floor(p[j] * 64)));
      expect(cells.size).toBe(64);
    }
  });

  it('skips ahead to the same points it would reach by generating', () => {
    expect(sobolPoints(10, 7, { skip: 37 })).toEqual(sobolPoints(47, 7).slice(37));
  });

  it('rejects dimensions beyond the table', () => {
    expect(() => sobolPoints(2, 1025)).toThrow(/1 to 1024/);
  });
});

describe('Sobol sample', () => {
  it('is reproducible from the seed, differs across seeds, and stays balanced when shifted', () => {
    const f = unitFactors(5);
    const a = sobolSample(f, { samples: 32, seed: 'a' });
    expect(sobolSample(f, { samples: 32, seed: 'a' }).unit).toEqual(a.unit);
    expect(sobolSample(f, { samples: 32, seed: 'b' }).unit).not.toEqual(a.unit);
    for (let j = 0; j < 5; j++) expect(new Set(a.unit.map((p) => Math.floor(p[j] * 32))).size).toBe(32);
    expect(a.unit.some((p) => p.every((u) => u === 0))).toBe(false);
  });

  it('gives the plain sequence without scrambling and notes sizes that are not powers of two', () => {
    const d = sobolSample(unitFactors(2), { samples: 12, seed: 1, scramble: false });
    expect(d.unit.slice(0, 4)).toEqual(sobolPoints(4, 2));
    expect(d.notes.join()).toMatch(/not a power of two/);
  });
});

describe('Saltelli cross-sample', () => {
  const f = unitFactors(3);

  it('has N·(k+2) rows, or N·(2k+2) with second order', () => {
    expect(saltelli(f, { baseSamples: 64, seed: 1 }).rows).toHaveLength(64 * 5);
    expect(saltelli(f, { baseSamples: 64, seed: 1, secondOrder: true }).rows).toHaveLength(64 * 8);
    expect(saltelliRowCount(1024, 3)).toBe(5120);
    expect(saltelliRowCount(1024, 3, true)).toBe(8192);
  });

  it('lays out A, AB_j, BA_j, B per base sample, A and B from the two halves of a 2k-dimensional sequence', () => {
    const d = saltelli(f, { baseSamples: 16, seed: 1, secondOrder: true, scramble: false });
    const base = sobolPoints(16, 6);
    for (let i = 0; i < 16; i++) {
      const block = d.unit.slice(i * 8, (i + 1) * 8);
      const a = base[i].slice(0, 3);
      const b = base[i].slice(3);
      expect(block[0]).toEqual(a);
      expect(block[7]).toEqual(b);
      for (let j = 0; j < 3; j++) {
        expect(block[1 + j]).toEqual(a.map((v, m) => (m === j ? b[m] : v)));
        expect(block[4 + j]).toEqual(b.map((v, m) => (m === j ? a[m] : v)));
      }
    }
  });

  it('is reproducible from the seed and differs across seeds', () => {
    const a = saltelli(f, { baseSamples: 8, seed: 42 });
    expect(saltelli(f, { baseSamples: 8, seed: 42 }).rows).toEqual(a.rows);
    expect(saltelli(f, { baseSamples: 8, seed: 43 }).rows).not.toEqual(a.rows);
  });

  it('refuses more factors than the direction numbers cover', () => {
    expect(() => saltelli(unitFactors(513), { baseSamples: 2, seed: 1 })).toThrow(/at most 512 factors/);
  });
});
