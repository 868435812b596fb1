import { describe, expect, it } from 'vitest';
import { formatCompact, formatExact } from '../workers/format.js';

/** What formatCompact printed before it built the text itself: the reference it must match byte for byte. */
function reference(v: number): string {
  if (!Number.isFinite(v)) return formatExact(v);
  return formatExact(Math.abs(v) >= 1e9 ? Math.round(v) : Math.round(v * 1e6) / 1e6);
}

describe('formatCompact: six decimals, the same text as String() of the rounded value', () => {
  it('matches the reference on edge cases', () => {
    const edges = [
      0,
      -0,
      1,
      -1,
      0.5,
      -0.5,
      1e-6,
      -1e-6,
      4.9e-7,
      5e-7,
      -5e-7,
      1.5e-6,
      0.1,
      0.2,
      0.3,
      1 / 3,
      -2 / 3,
      123.4560001,
      999999999.9999994,
      999999999.9999996,
      -999999999.9999996,
      1e9,
      -1e9,
      1e9 + 0.5,
      2.5e15,
      1e21,
      1e-300,
      Number.MIN_VALUE,
      Number.MAX_VALUE,
      Number.NaN,
      Number.POSITIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
      0.0000015,
      12.0000005,
      7.9999995,
      1234567.890123,
      0.000999999,
    ];
    for (const v of edges) expect(formatCompact(v), String(v)).toBe(reference(v));
  });

  it('matches the reference on 200,000 values across magnitudes (seeded)', () => {
    let x = 12345;
    const next = () => {
      // xorshift32: a fixed sequence, so a failure reproduces.
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      return (x >>> 0) / 4294967296;
    };
    const mismatches: number[] = [];
    for (let k = 0; k < 200_000; k++) {
      const magnitude = 10 ** (Math.floor(next() * 19) - 9);
      const v = (next() - 0.5) * 2 * magnitude;
      const w = k % 3 === 0 ? Math.round(v * 1e6) / 1e6 + (next() - 0.5) * 1e-6 : v;
      if (formatCompact(w) !== reference(w)) mismatches.push(w);
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
  });
});
