/** Synthetic regions: deterministic from their seed, connected, with plausible sizes and places. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../scenarios/load.js';
import { syntheticRegion } from '../scenarios/synthetic.js';
import { simulate } from '../sim/simulate.js';
import { data, writeFiles } from './scenarios-fixtures.js';

const LOGNORMAL = { distribution: 'lognormal', median: 32800, sigma: 0.8 } as const;

function connected(codes: string[], links: Array<{ a: string; b: string }>): boolean {
  const seen = new Set([codes[0]]);
  const queue = [codes[0]];
  while (queue.length) {
    const c = queue.pop() as string;
    for (const l of links) {
      const other = l.a === c ? l.b : l.b === c ? l.a : undefined;
      if (other && !seen.has(other)) {
        seen.add(other);
        queue.push(other);
      }
    }
  }
  return seen.size === codes.length;
}

describe('synthetic regions', () => {
  it('are the same for the same seed and differ for another seed', () => {
    const a = syntheticRegion({ municipalities: 20, sizes: LOGNORMAL, seed: 7 });
    const b = syntheticRegion({ municipalities: 20, sizes: LOGNORMAL, seed: 7 });
    const c = syntheticRegion({ municipalities: 20, sizes: LOGNORMAL, seed: 8 });
    expect(b).toEqual(a);
    expect(c.municipalities.map((m) => m.population)).not.toEqual(a.municipalities.map((m) => m.population));
  });

  it('have the requested number of municipalities with unique codes, one pool area and a connected grid', () => {
    const r = syntheticRegion({ municipalities: 23, sizes: LOGNORMAL, seed: 1 });
    const codes = r.municipalities.map((m) => m.code);
    expect(new Set(codes).size).toBe(23);
    expect(r.poolAreas).toEqual([{ code: 'SYNTH', name: 'Synthetic region', memberCodes: codes }]);
    expect(connected(codes, r.adjacency)).toBe(true);
    for (const m of r.municipalities) {
      expect(m.centroidLat).toBeGreaterThan(50.7);
      expect(m.centroidLat).toBeLessThan(53.6);
      expect(m.centroidLon).toBeGreaterThan(3.3);
      expect(m.centroidLon).toBeLessThan(7.3);
      expect(m.urbanityCode).toBeGreaterThanOrEqual(1);
      expect(m.urbanityCode).toBeLessThanOrEqual(5);
    }
  });

  it('draw sizes around the median, and use a given list of sizes as is', () => {
    const r = syntheticRegion({ municipalities: 400, sizes: LOGNORMAL, seed: 3 });
    const sorted = r.municipalities.map((m) => m.population).sort((x, y) => x - y);
    const median = sorted[200];
    expect(median).toBeGreaterThan(32800 * 0.8);
    expect(median).toBeLessThan(32800 * 1.25);
    const listed = syntheticRegion({ sizes: [10000, 50000, 120000], seed: 1 });
    expect(listed.municipalities.map((m) => m.population)).toEqual([10000, 50000, 120000]);
  });

  it('load from a scenario file and run', () => {
    const dir = writeFiles({
      's.yaml':
        'region:\n  synthetic: { municipalities: 9, sizes: { distribution: lognormal, median: 30000, sigma: 0.6 }, seed: 5 }\nrefusers: [Synthetic 2]\nhorizon: 12\n',
    });
    const { input } = loadScenarioFile(join(dir, 's.yaml'), data);
    expect(input.municipalities).toHaveLength(9);
    expect(input.refusers).toEqual(['SY0002']);
    const again = loadScenarioFile(join(dir, 's.yaml'), data).input;
    expect(again).toEqual(input);
    expect(simulate(input, 1).summary.metrics.needFte).toBeGreaterThan(0);
  });
});
