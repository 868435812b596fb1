/** sim/rng.ts's Alea gives seedrandom's alea numbers, draw for draw (results depend on every bit). */
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { Alea } from '../sim/rng.js';

describe('Alea', () => {
  it.each(['regiosim:1:attrition', 'regiosim:0:traits', 'regiosim:123456789:search', '', 'ü€ long seed '.repeat(9)])(
    'matches seedrandom.alea(%j) for 20,000 draws',
    (seed) => {
      const ours = new Alea(seed);
      const theirs = seedrandom.alea(seed);
      const a = new Float64Array(20_000);
      const b = new Float64Array(20_000);
      for (let k = 0; k < a.length; k++) {
        a[k] = ours.next();
        b[k] = theirs();
      }
      expect(Buffer.from(a.buffer).equals(Buffer.from(b.buffer))).toBe(true);
    },
  );
});
