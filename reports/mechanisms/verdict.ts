/**
 * The verdict on one outcome of a mechanism experiment: is the effect distinguishable from 0 (its
 * 95% interval excludes 0), and does its sign agree with what the articles expect? Reported as it
 * is: a verdict never changes the numbers.
 */
import type { ExpectedSign } from '../../scenarios/mechanism-schema.js';
import type { Contrast } from './compare.js';

export type VerdictCode = 'agrees' | 'opposite' | 'no clear effect' | 'moves' | 'no data';

export interface Verdict {
  code: VerdictCode;
  text: string;
}

export function verdict(expected: ExpectedSign, c: Contrast): Verdict {
  if (c.pairs === 0 || !Number.isFinite(c.mean)) return { code: 'no data', text: 'no data (no paired runs)' };
  const direction = c.mean > 0 ? 'up' : 'down';
  if (!c.distinguishable) {
    const code = expected === 'none' ? 'agrees' : 'no clear effect';
    return { code, text: expected === 'none' ? 'agrees: no clear effect' : 'no clear effect' };
  }
  switch (expected) {
    case 'up':
    case 'down':
      return direction === expected
        ? { code: 'agrees', text: `agrees: ${direction}` }
        : { code: 'opposite', text: `OPPOSITE: ${direction}, expected ${expected}` };
    case 'none':
      return { code: 'opposite', text: `moves ${direction}, expected none` };
    case 'any':
      return { code: 'moves', text: `moves ${direction} (no expectation)` };
  }
}
