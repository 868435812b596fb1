/**
 * Speed work must not change results: every identity case's outputs (summary and all series, to
 * the bit) hash the same as under the reference model (fixture written by test/speed-identity-gen.ts
 * from a build of it; first the pre-speed commit 6994d29, regenerated once when sim/math replaced
 * Math.exp/log/pow/sin/cos/asin). A difference is a model change: regenerate only on purpose.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadNationalData } from '../data/load.js';
import { defaultScenario, nationalScenario } from '../scenarios/default.js';
import { loadScenarioFile } from '../scenarios/load.js';
import { simulate } from '../sim/simulate.js';
import { identityCases, type ModelModules, outputHash } from './speed-identity-cases.js';

const fixture = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'speed-identity.json'), 'utf8')) as {
  hashes: Record<string, string>;
};
const model = { loadNationalData, defaultScenario, nationalScenario, loadScenarioFile, simulate } as ModelModules<
  Parameters<typeof simulate>[0]
>;
const cases = identityCases(model, join(import.meta.dirname, '..', 'scenarios', 'library'));

describe('outputs are byte-identical to the reference model (fixture)', () => {
  it('covers the same cases as the fixture', () => {
    expect(cases.map((c) => c.name).sort()).toEqual(Object.keys(fixture.hashes).sort());
  });
  it.each(cases.map((c) => [c.name, c] as const))('%s', (name, c) => {
    expect(outputHash(simulate(c.input, c.seed))).toBe(fixture.hashes[name]);
  });
});
