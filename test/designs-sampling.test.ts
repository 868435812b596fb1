import { describe, expect, it } from 'vitest';
import {
  DesignError,
  type Factor,
  fromUnit,
  fullFactorial,
  latinHypercube,
  minimumDistance,
  morris,
  trajectoryDistance,
} from '../scenarios/designs/index.js';

const mixed: Factor[] = [
  { name: 'share', kind: 'real', min: 0.2, max: 0.8 },
  { name: 'months', kind: 'integer', min: 1, max: 3 },
  { name: 'form', kind: 'choice', values: ['none', 'light', 'esc'] },
];

describe('factor mapping', () => {
  it('maps the unit interval to reals linearly, integers and choices by equal cells', () => {
    expect(fromUnit(mixed[0], 0.5)).toBeCloseTo(0.5, 12);
    expect([0, 0.33, 0.34, 0.66, 0.67, 0.999, 1].map((u) => fromUnit(mixed[1], u))).toEqual([1, 1, 2, 2, 3, 3, 3]);
    expect([0, 0.5, 1].map((u) => fromUnit(mixed[2], u))).toEqual(['none', 'light', 'esc']);
  });

  it('rejects bad factors', () => {
    expect(() => latinHypercube([{ name: 'x', kind: 'real', min: 1, max: 1 }], { samples: 2, seed: 1 })).toThrow(
      DesignError,
    );
    expect(() => latinHypercube([{ name: 'x', kind: 'integer', min: 0.5, max: 3 }], { samples: 2, seed: 1 })).toThrow(
      /whole/,
    );
    expect(() => latinHypercube([{ name: 'c', kind: 'choice', values: ['a'] }], { samples: 2, seed: 1 })).toThrow(
      /two/,
    );
    expect(() =>
      latinHypercube(
        [
          { name: 'x', kind: 'real', min: 0, max: 1 },
          { name: 'x', kind: 'real', min: 0, max: 1 },
        ],
        { samples: 2, seed: 1 },
      ),
    ).toThrow(/twice/);
  });
});

describe('Latin hypercube', () => {
  const factors: Factor[] = Array.from({ length: 4 }, (_, i) => ({ name: `x${i}`, kind: 'real', min: 0, max: 1 }));

  it('puts exactly one point in each stratum of each factor', () => {
    const d = latinHypercube(factors, { samples: 50, seed: 7 });
    expect(d.rows).toHaveLength(50);
    for (let j = 0; j < 4; j++) {
      const strata = d.unit.map((u) => Math.floor(u[j] * 50)).sort((a, b) => a - b);
      expect(strata).toEqual(Array.from({ length: 50 }, (_, i) => i));
    }
  });

  it('is reproducible from the seed and differs across seeds', () => {
    const a = latinHypercube(factors, { samples: 20, seed: 'futures' });
    expect(latinHypercube(factors, { samples: 20, seed: 'futures' })).toEqual(a);
    expect(latinHypercube(factors, { samples: 20, seed: 'other' }).unit).not.toEqual(a.unit);
  });

  it('spreads points further apart with maximin candidates', () => {
    const plain = latinHypercube(factors, { samples: 30, seed: 3 });
    const improved = latinHypercube(factors, { samples: 30, seed: 3, maximinCandidates: 25 });
    expect(minimumDistance(improved.unit)).toBeGreaterThanOrEqual(minimumDistance(plain.unit));
    for (let j = 0; j < 4; j++) expect(new Set(improved.unit.map((u) => Math.floor(u[j] * 30))).size).toBe(30);
  });

  it('centres points in their strata on request', () => {
    const d = latinHypercube(factors.slice(0, 1), { samples: 4, seed: 1, centred: true });
    expect(d.unit.map((u) => u[0]).sort()).toEqual([0.125, 0.375, 0.625, 0.875]);
  });

  it('maps integers and choices so that each value is equally frequent', () => {
    const d = latinHypercube(mixed, { samples: 300, seed: 11 });
    const count = (name: string) => {
      const m = new Map<unknown, number>();
      for (const r of d.rows) m.set(r[name], (m.get(r[name]) ?? 0) + 1);
      return Object.fromEntries(m);
    };
    expect(count('months')).toEqual({ 1: 100, 2: 100, 3: 100 });
    expect(count('form')).toEqual({ none: 100, light: 100, esc: 100 });
    for (const r of d.rows) {
      expect(Number.isInteger(r.months)).toBe(true);
      expect(r.share).toBeGreaterThanOrEqual(0.2);
      expect(r.share).toBeLessThan(0.8);
    }
  });
});

describe('full factorial', () => {
  it('crosses every level of every factor, first factor slowest', () => {
    const d = fullFactorial(mixed, { levels: 2 });
    expect(d.rows).toHaveLength(2 * 2 * 3);
    expect(d.rows.slice(0, 3)).toEqual([
      { share: 0.2, months: 1, form: 'none' },
      { share: 0.2, months: 1, form: 'light' },
      { share: 0.2, months: 1, form: 'esc' },
    ]);
    expect(d.rows[11]).toEqual({ share: 0.8, months: 3, form: 'esc' });
    expect(d.seed).toBeNull();
  });

  it('gives integers at most one level per whole number, and levels per factor', () => {
    const d = fullFactorial(mixed.slice(0, 2), { levels: { share: 3, months: 10 } });
    expect([...new Set(d.rows.map((r) => r.months))]).toEqual([1, 2, 3]);
    expect([...new Set(d.rows.map((r) => r.share))]).toEqual([0.2, 0.5, 0.8]);
  });
});

describe('Morris trajectories', () => {
  const factors: Factor[] = Array.from({ length: 6 }, (_, i) => ({ name: `x${i}`, kind: 'real', min: 0, max: 1 }));

  it('moves one factor at a time by ±Δ on the p-level grid, each factor once per trajectory', () => {
    for (const levels of [4, 6]) {
      const d = morris(factors, { trajectories: 12, levels, seed: 5 });
      const delta = levels / (2 * (levels - 1));
      expect(d.delta).toBeCloseTo(delta, 15);
      expect(d.rows).toHaveLength(12 * 7);
      for (const u of d.unit)
        for (const v of u) {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(1);
          expect(Math.abs(v * (levels - 1) - Math.round(v * (levels - 1)))).toBeLessThan(1e-12);
        }
      for (let t = 0; t < 12; t++) {
        const moved: number[] = [];
        for (let s = 0; s < 6; s++) {
          const a = d.unit[t * 7 + s];
          const b = d.unit[t * 7 + s + 1];
          const changed = a.flatMap((v, j) => (v !== b[j] ? [j] : []));
          expect(changed).toHaveLength(1);
          expect(Math.abs(b[changed[0]] - a[changed[0]])).toBeCloseTo(delta, 12);
          moved.push(changed[0]);
        }
        expect(moved.sort()).toEqual([0, 1, 2, 3, 4, 5]);
      }
    }
  });

  it('is reproducible from the seed and differs across seeds', () => {
    const a = morris(factors, { trajectories: 5, seed: 1 });
    expect(morris(factors, { trajectories: 5, seed: 1 }).unit).toEqual(a.unit);
    expect(morris(factors, { trajectories: 5, seed: 2 }).unit).not.toEqual(a.unit);
  });

  it('picks trajectories more spread out than random ones with the Campolongo selection', () => {
    const spread = (unit: number[][]) => {
      const ts = Array.from({ length: unit.length / 7 }, (_, t) => unit.slice(t * 7, t * 7 + 7));
      let s = 0;
      for (let a = 0; a < ts.length; a++)
        for (let b = a + 1; b < ts.length; b++) s += trajectoryDistance(ts[a], ts[b]) ** 2;
      return Math.sqrt(s);
    };
    const random = morris(factors, { trajectories: 10, seed: 9 });
    const selected = morris(factors, { trajectories: 10, candidates: 60, seed: 9 });
    expect(selected.rows).toHaveLength(70);
    expect(spread(selected.unit)).toBeGreaterThan(spread(random.unit));
  });

  it('maps integer and choice factors through the grid', () => {
    const d = morris(mixed, { trajectories: 4, seed: 2 });
    for (const r of d.rows) {
      expect([1, 2, 3]).toContain(r.months);
      expect(['none', 'light', 'esc']).toContain(r.form);
    }
  });

  it('needs an even number of levels', () => {
    expect(() => morris(factors, { trajectories: 2, levels: 5, seed: 1 })).toThrow(/even/);
  });
});
