import { describe, expect, it } from 'vitest';
import { effectiveSampleSize } from '../scenarios/designs/effective-sample-size.js';

describe('effectiveSampleSize (Kish)', () => {
  it('is n for equal weights and 1 when one weight carries everything', () => {
    expect(effectiveSampleSize([0.25, 0.25, 0.25, 0.25])).toBeCloseTo(4, 12);
    expect(effectiveSampleSize([3, 0, 0, 0, 0])).toBe(1);
  });
  it('does not depend on the scale of the weights and falls as they grow unequal', () => {
    expect(effectiveSampleSize([2, 1, 1])).toBeCloseTo(effectiveSampleSize([20, 10, 10]), 12);
    expect(effectiveSampleSize([2, 1, 1])).toBeLessThan(3);
    expect(effectiveSampleSize([8, 1, 1])).toBeLessThan(effectiveSampleSize([2, 1, 1]));
  });
});
