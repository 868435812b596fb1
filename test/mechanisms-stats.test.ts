/**
 * The statistics of the mechanism screen on hand-computed cases: the paired t-interval, Newcombe's
 * paired interval for shares (his published example), and the verdict rules.
 */
import { describe, expect, it } from 'vitest';
import { compare } from '../reports/mechanisms/compare.js';
import { verdict } from '../reports/mechanisms/verdict.js';
import { pairedShareDifference } from '../reports/stats/paired-share.js';

describe('paired contrasts', () => {
  it('mean paired difference with a t-interval: diffs 1, 2, 3 give 2 ± 4.303/√3', () => {
    const c = compare([1, 2, 3], [2, 4, 6]);
    expect(c.method).toBe('t');
    expect(c.pairs).toBe(3);
    expect(c.mean).toBeCloseTo(2, 12);
    expect(c.ciLow).toBeCloseTo(2 - 4.303 / Math.sqrt(3), 10);
    expect(c.ciHigh).toBeCloseTo(2 + 4.303 / Math.sqrt(3), 10);
    expect(c.distinguishable).toBe(false);
    expect(c.identical).toBe(false);
  });

  it('drops pairs with a missing value; identical runs are flagged and never distinguishable', () => {
    const c = compare(
      [0.5, Number.NaN, 0.7, 0.2],
      [0.5, 0.9, 0.7, 0.2].map((x, i) => (i === 1 ? Number.NaN : x)),
    );
    expect(c.pairs).toBe(3);
    expect(c.identical).toBe(true);
    expect(c.mean).toBe(0);
    expect(c.distinguishable).toBe(false);
    // The same shift in every pair: sd 0, the interval is the point, and it excludes 0.
    const shift = compare([0.25, 0.5], [0.75, 1]);
    expect([shift.ciLow, shift.ciHigh]).toEqual([0.5, 0.5]);
    expect(shift.distinguishable).toBe(true);
  });

  it("0/1 outcomes: Newcombe's hybrid score interval (1998, method 10; his example 36/12/2/0)", () => {
    // a = 36 both 1, b = 12 scenario only, c = 2 baseline only, d = 0: difference 0.2 [0.0569, 0.3404].
    const scenario = [...Array(48).fill(1), 0, 0];
    const baseline = [...Array(36).fill(1), ...Array(12).fill(0), 1, 1];
    const s = pairedShareDifference(baseline, scenario);
    expect(s.mean).toBeCloseTo(0.2, 12);
    expect(s.ciLow).toBeCloseTo(0.0569, 4);
    expect(s.ciHigh).toBeCloseTo(0.3404, 4);
    expect(s.distinguishable).toBe(true);
  });

  it('0/1 outcomes by hand: a=2, b=1, c=2, d=1 (phi 0) and all pairs alike', () => {
    const c = compare([1, 0, 0, 1, 1, 1], [1, 1, 0, 0, 1, 0]);
    expect(c.method).toBe('share');
    expect(c.mean).toBeCloseTo(-1 / 6, 12);
    expect(c.ciLow).toBeCloseTo(-0.558515, 5);
    expect(c.ciHigh).toBeCloseTo(0.315031, 5);
    const alike = compare([1, 1, 1, 1], [1, 1, 1, 1]);
    expect(alike.mean).toBe(0);
    expect(alike.ciLow).toBeLessThan(0);
    expect(alike.distinguishable).toBe(false);
    const all = compare([1, 1, 1, 1], [0, 0, 0, 0]);
    expect(all.mean).toBe(-1);
    expect(all.ciHigh).toBeLessThan(0);
  });
});

describe('verdicts', () => {
  const down = compare([1, 2, 3, 4], [0, 1, 2, 3.1]);
  const unclear = compare([1, 2, 3], [2, 4, 6]);
  it('agrees, opposite, no clear effect, moves', () => {
    expect(verdict('down', down).code).toBe('agrees');
    expect(verdict('up', down).code).toBe('opposite');
    expect(verdict('none', down).code).toBe('opposite');
    expect(verdict('any', down).text).toBe('moves down (no expectation)');
    expect(verdict('up', unclear).code).toBe('no clear effect');
    expect(verdict('none', unclear).code).toBe('agrees');
    expect(verdict('up', compare([], [])).code).toBe('no data');
  });
});
