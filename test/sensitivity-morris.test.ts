import { describe, expect, it } from 'vitest';
import { morrisEffects, normalQuantile, SensitivityError } from '../reports/sensitivity/index.js';
import { type Factor, morris } from '../scenarios/designs/index.js';

/** Sobol's g-function: ∏ (|4x_j − 2| + a_j) / (1 + a_j); small a_j = important factor. */
const A = [0, 1, 4.5, 9, 99, 99, 99, 99];
const g = (x: number[]) => x.reduce((p, v, j) => (p * (Math.abs(4 * v - 2) + A[j])) / (1 + A[j]), 1);

describe("Morris screening of Sobol's g-function (a = 0, 1, 4.5, 9, 99, 99, 99, 99)", () => {
  const factors: Factor[] = A.map((_, j) => ({ name: `x${j + 1}`, kind: 'real', min: 0, max: 1 }));
  const design = morris(factors, { trajectories: 20, candidates: 100, levels: 4, seed: 'g-function' });
  const effects = morrisEffects(design, design.unit.map(g), { seed: 1 });

  it('ranks the important factors first by μ*, in order of importance', () => {
    expect(effects.slice(0, 4).map((e) => e.rank)).toEqual([1, 2, 3, 4]);
  });

  it('puts the a = 99 factors near zero', () => {
    const top = effects[0].muStar;
    for (const e of effects.slice(4)) {
      expect(e.muStar).toBeLessThan(0.05 * top);
      expect(e.muStarHigh).toBeLessThan(effects[3].muStarLow);
    }
  });

  it('uses every trajectory once per factor', () => {
    expect(effects.every((e) => e.effects === 20)).toBe(true);
    for (const e of effects) expect(e.muStarConf).toBeGreaterThan(0);
  });
});

describe('Morris elementary effects', () => {
  const factors: Factor[] = [
    { name: 'a', kind: 'real', min: 0, max: 1 },
    { name: 'b', kind: 'real', min: 0, max: 1 },
  ];

  it('equal the slopes of a linear function, with no spread', () => {
    const d = morris(factors, { trajectories: 8, seed: 3 });
    const [a, b] = morrisEffects(
      d,
      d.unit.map(([u, v]) => 3 * u - 2 * v),
      { resamples: 50 },
    );
    expect(a.mu).toBeCloseTo(3, 10);
    expect(a.muStar).toBeCloseTo(3, 10);
    expect(a.sigma).toBeCloseTo(0, 10);
    expect(b.mu).toBeCloseTo(-2, 10);
    expect(b.muStar).toBeCloseTo(2, 10);
  });

  it('skips steps with missing outputs and rejects rows that are not trajectories', () => {
    const d = morris(factors, { trajectories: 4, seed: 3 });
    const y = d.unit.map(([u]) => u);
    y[0] = Number.NaN;
    expect(morrisEffects(d, y).reduce((s, e) => s + e.effects, 0)).toBe(7);
    const broken = {
      factors,
      unit: [
        [0, 0],
        [1, 1],
        [1, 0],
      ],
    };
    expect(() => morrisEffects(broken, [0, 1, 2])).toThrow(SensitivityError);
  });

  it('uses accurate normal quantiles for other confidence levels', () => {
    expect(normalQuantile(0.95)).toBeCloseTo(1.6448536269514722, 8);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 8);
  });
});
