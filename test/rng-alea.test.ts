/** sim/rng.ts's Alea gives seedrandom's alea numbers, draw for draw (results depend on every bit). */
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { Alea, gumbel, gumbelOf } from '../sim/rng.js';

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

describe('gumbel and gumbelOf', () => {
  it('gumbel draws one uniform and gives gumbelOf of it, bit for bit', () => {
    const a = new Alea('regiosim:7:search');
    const b = new Alea('regiosim:7:search');
    for (let k = 0; k < 5_000; k++) {
      const shock = gumbel(a);
      expect(Object.is(shock, gumbelOf(b.next()))).toBe(true);
    }
    expect(a.next()).toBe(b.next());
  });

  it('is the standard Gumbel: gumbelOf(0.5) = -log(log 2), and the mean of many draws is near 0.5772', () => {
    expect(gumbelOf(0.5)).toBeCloseTo(-Math.log(Math.log(2)), 10);
    const u = new Alea('regiosim:8:search');
    let sum = 0;
    for (let k = 0; k < 200_000; k++) sum += gumbel(u);
    expect(sum / 200_000).toBeCloseTo(0.5772, 2);
  });
});
