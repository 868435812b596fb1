import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import {
  binomialUpperTail,
  DiscoveryError,
  featureScores,
  outcomeOfInterest,
  prim,
  selectBox,
} from '../reports/discovery/index.js';

/** 2000 uniform points in [0, 1]^5; y = 1 inside [0.2, 0.6] × [0.3, 0.8] (x1, x2), with 5% of labels flipped. */
function syntheticBox() {
  const random = seedrandom.alea('regiosim:test:prim-box');
  const rows: Array<Record<string, number>> = [];
  const y: boolean[] = [];
  for (let i = 0; i < 2000; i++) {
    const row: Record<string, number> = {};
    for (let j = 1; j <= 5; j++) row[`x${j}`] = random();
    const inside = row.x1 >= 0.2 && row.x1 <= 0.6 && row.x2 >= 0.3 && row.x2 <= 0.8;
    y.push(random() < 0.05 ? !inside : inside);
    rows.push(row);
  }
  return { rows, y };
}

describe('PRIM on a synthetic data set with a known box', () => {
  const { rows, y } = syntheticBox();
  const result = prim(rows, y, { select: { minDensity: 0.9 } });
  const limit = (name: string) => result.chosen.restricted.find((r) => r.name === name);

  it('recovers the box within 0.05 and leaves the irrelevant dimensions unrestricted', () => {
    expect(result.chosen.restricted.map((r) => r.name).sort()).toEqual(['x1', 'x2']);
    expect(limit('x1')).toMatchObject({ kind: 'real' });
    const x1 = limit('x1') as { min: number; max: number };
    const x2 = limit('x2') as { min: number; max: number };
    expect(Math.abs(x1.min - 0.2)).toBeLessThan(0.05);
    expect(Math.abs(x1.max - 0.6)).toBeLessThan(0.05);
    expect(Math.abs(x2.min - 0.3)).toBeLessThan(0.05);
    expect(Math.abs(x2.max - 0.8)).toBeLessThan(0.05);
    expect(result.chosen.coverage).toBeGreaterThan(0.75);
    expect(result.chosen.density).toBeGreaterThan(0.9);
    for (const r of result.chosen.restricted) expect(r.qp).toBeLessThan(1e-10);
  });

  it('returns the whole peeling and pasting trajectory', () => {
    const t = result.trajectory;
    expect(t[0]).toMatchObject({ phase: 'start', coverage: 1, mass: 1, restricted: [] });
    expect(t[0].density).toBeCloseTo(result.hits / 2000, 12);
    const peeled = t.filter((s) => s.phase === 'peel');
    expect(peeled.length).toBeGreaterThan(20);
    for (let i = 1; i < peeled.length; i++) {
      expect(peeled[i].mass).toBeLessThan(peeled[i - 1].mass);
      expect(peeled[i].coverage).toBeLessThanOrEqual(peeled[i - 1].coverage);
      expect(peeled[i].density).toBeGreaterThan(peeled[i - 1].density);
    }
    expect(t.at(-1)?.mass).toBeGreaterThanOrEqual(0.05);
    for (const s of t) expect(s.limits.map((l) => l.name)).toEqual(['x1', 'x2', 'x3', 'x4', 'x5']);
    expect(selectBox(t, { index: 3 })).toBe(t[3]);
    expect(selectBox(t, 'last')).toBe(t.at(-1));
  });

  it('scores x1 and x2 as the inputs that matter', () => {
    const scores = featureScores(rows, y, { permutations: 20 });
    expect(
      scores
        .slice(0, 2)
        .map((s) => s.name)
        .sort(),
    ).toEqual(['x1', 'x2']);
    for (const s of scores.slice(2)) expect(s.share).toBeLessThan(0.05);
    expect(scores[0].pValue).toBeCloseTo(1 / 21, 10);
  });
});

describe('PRIM with integer and categorical inputs', () => {
  const random = seedrandom.alea('regiosim:test:prim-mixed');
  const forms = ['none', 'light', 'flexpool', 'esc'];
  const rows = Array.from({ length: 1200 }, () => ({
    staff: 1 + Math.floor(random() * 10),
    form: forms[Math.floor(random() * 4)],
    noise: random(),
  }));
  const dissolved = rows.map((r) => (r.form === 'light' || r.form === 'none') && r.staff <= 4);

  it('keeps the categories and the whole-number range where the outcome happens', () => {
    const result = prim(rows, dissolved, { select: { minDensity: 0.99 } });
    expect(result.inputs.map((i) => i.kind)).toEqual(['integer', 'choice', 'real']);
    const byName = Object.fromEntries(result.chosen.restricted.map((r) => [r.name, r]));
    expect(Object.keys(byName).sort()).toEqual(['form', 'staff']);
    expect(byName.staff).toMatchObject({ kind: 'integer', min: 1, max: 4 });
    expect(byName.form).toMatchObject({ kind: 'choice' });
    expect((byName.form as { values: string[] }).values.sort()).toEqual(['light', 'none']);
    expect(result.chosen.coverage).toBe(1);
    expect(result.chosen.density).toBe(1);
  });

  it('takes a predicate or thresholds on a continuous outcome', () => {
    const progress = rows.map((r) => r.staff / 10);
    expect(outcomeOfInterest(progress, { atMost: 0.3 })).toEqual(progress.map((p) => p <= 0.3));
    expect(outcomeOfInterest(progress, (p) => p > 0.5)).toEqual(progress.map((p) => p > 0.5));
    const result = prim(rows, outcomeOfInterest(progress, { atMost: 0.3 }));
    expect(result.chosen.restricted.map((r) => r.name)).toEqual(['staff']);
    expect(result.chosen.restricted[0]).toMatchObject({ min: 1, max: 3 });
  });

  it('rejects outcomes it cannot use', () => {
    expect(() =>
      prim(
        rows,
        rows.map(() => false),
      ),
    ).toThrow(/no case of interest/);
    expect(() => prim(rows, [true])).toThrow(DiscoveryError);
    expect(() =>
      prim(
        rows,
        rows.map(() => 0.5),
      ),
    ).toThrow(/binary outcome/);
  });
});

describe('quasi-p-values', () => {
  it('use the one-sided binomial test', () => {
    // scipy.stats.binomtest(k, n, p, alternative='greater').pvalue
    expect(binomialUpperTail(30, 40, 0.5)).toBeCloseTo(0.0011107168866146822, 12);
    expect(binomialUpperTail(3, 1000, 0.001)).toBeCloseTo(0.080209342840201, 10);
    expect(binomialUpperTail(0, 10, 0.3)).toBe(1);
  });
});
