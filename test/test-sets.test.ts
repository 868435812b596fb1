/**
 * The slow set (vitest.config.ts) names files that exist, so a renamed slow test cannot fall out of
 * both sets or slip into the fast one unnoticed; and `npm test -- --all` covers every test file.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SLOW_TESTS } from '../vitest.config.js';

const tests = readdirSync(new URL('.', import.meta.url)).filter((f) => f.endsWith('.test.ts'));
const matches = (pattern: string, file: string) =>
  new RegExp(`^${pattern.replace(/^test\//, '').replace(/\./g, '\\.').replace(/\*/g, '[^/]*')}$`).test(file);

describe('test sets', () => {
  it('every entry of the slow set matches at least one test file', () => {
    for (const pattern of SLOW_TESTS) expect(tests.some((f) => matches(pattern, f)), pattern).toBe(true);
  });
  it('the slow set holds the browser and SLURM tests, and leaves most files to the fast set', () => {
    const slow = tests.filter((f) => SLOW_TESTS.some((p) => matches(p, f)));
    for (const f of tests.filter((t) => /browser|slurm/.test(t))) expect(slow, f).toContain(f);
    expect(slow.length).toBeLessThan(tests.length / 3);
  });
});
