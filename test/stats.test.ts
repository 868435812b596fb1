import { describe as suite, expect, it } from 'vitest';
import { band, describe, pairedDifference, tQuantile975, wilson } from '../reports/stats/index.js';

suite('statistics', () => {
  it('describes a sample with a t-interval of the mean', () => {
    const d = describe([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(d.mean).toBe(5);
    expect(d.sd).toBeCloseTo(2.138, 3);
    expect(d.median).toBe(4.5);
    // 5 ± 2.365 · 2.138 / √8
    expect(d.ciLow).toBeCloseTo(5 - (2.365 * 2.13809) / Math.sqrt(8), 3);
    expect(d.ciHigh).toBeCloseTo(5 + (2.365 * 2.13809) / Math.sqrt(8), 3);
  });

  it('leaves out and counts missing values', () => {
    const d = describe([1, Number.NaN, 3]);
    expect(d.n).toBe(2);
    expect(d.missing).toBe(1);
    expect(d.mean).toBe(2);
  });

  it('has t quantiles that approach the normal one', () => {
    expect(tQuantile975(1)).toBeCloseTo(12.706, 3);
    expect(tQuantile975(40)).toBeCloseTo(2.021, 3);
    expect(tQuantile975(120)).toBeCloseTo(1.98, 3);
  });

  it('gives Wilson intervals that stay inside [0, 1] and match the textbook values', () => {
    const none = wilson(0, 20);
    expect(none.ciLow).toBe(0);
    expect(none.ciHigh).toBeCloseTo(0.1611, 3);
    const half = wilson(10, 20);
    expect(half.ciLow).toBeCloseTo(0.2993, 3);
    expect(half.ciHigh).toBeCloseTo(0.7007, 3);
  });

  it('pairs differences by replicate and says when they cannot be told from zero', () => {
    const base = new Map([
      [0, 10],
      [1, 20],
      [2, 30],
      [3, 40],
    ]);
    const shifted = new Map([...base].map(([k, v]) => [k, v + 1 + 0.01 * k]));
    const clear = pairedDifference(base, shifted);
    expect(clear.pairs).toBe(4);
    expect(clear.mean).toBeCloseTo(1.015, 6);
    expect(clear.distinguishable).toBe(true);
    const noisy = pairedDifference(base, new Map([...base].map(([k, v]) => [k, v + (k % 2 ? 3 : -3)])));
    expect(noisy.distinguishable).toBe(false);
  });

  it('builds bands per month', () => {
    const b = band([[0, 10], [2, 20], [4, 30]], [0, 1]);
    expect(b[0].mean).toBe(2);
    expect(b[1].mean).toBe(20);
    expect(b[1].q05).toBeCloseTo(11, 6);
  });
});
