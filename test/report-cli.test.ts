/**
 * The commands end to end, as a user runs them (compiled dist/, built by the global setup):
 * `regiosim report` on a batch folder, `regiosim compare` in one step, and their errors.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, tempDir } from './report-helpers.js';

afterAll(removeTempDirs);

function regiosim(...args: string[]) {
  const r = spawnSync(process.execPath, ['dist/cli/regiosim.js', ...args], { encoding: 'utf8', timeout: 170_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('regiosim report and compare', () => {
  it('reports a batch folder written by regiosim batch, rebuilding the inputs for the maps', () => {
    const dir = tempDir('cli');
    const batch = regiosim('batch', 'default', '--runs', '2', '--threads', '1', '--out', join(dir, 'b'), '--quiet');
    expect(batch.status, batch.stderr).toBe(0);
    const r = regiosim('report', join(dir, 'b'), '--map-runs', '1', '--quiet');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('report.html (self-contained, works offline)');
    expect(r.stdout).not.toContain('note:');
    const charts = readdirSync(join(dir, 'b', 'report', 'charts'));
    for (const name of ['progress-over-time', 'map-progress', 'map-membership']) for (const ext of ['.vl.json', '.svg', '.png']) expect(charts).toContain(`${name}${ext}`);
    expect(existsSync(join(dir, 'b', 'report', 'tables', 'summary.csv'))).toBe(true);
  }, 180_000);

  it('runs a comparison and its report in one step, with --out', () => {
    const out = join(tempDir('cli'), 'c');
    const r = regiosim('compare', 'drenthe-start-small', 'drenthe-none', '--runs', '3', '--threads', '2', '--out', out, '--map-runs', '1', '--quiet');
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(join(out, 'runs.csv'))).toBe(true);
    expect(existsSync(join(out, 'report', 'report.html'))).toBe(true);
    expect(existsSync(join(out, 'report', 'charts', 'paired-differences.png'))).toBe(true);
    expect(r.stdout).toMatch(/regiosim report: 6 runs of 2 points/);
  }, 180_000);

  it('says clearly what is wrong with the input', () => {
    const missing = regiosim('report', '/nonexistent/batch');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('regiosim report: /nonexistent/batch: no such folder');
    const notBatch = regiosim('report', tempDir('cli'));
    expect(notBatch.status).toBe(2);
    expect(notBatch.stderr).toMatch(/no manifest\.json; expected a batch folder/);
    const one = regiosim('compare', 'default', '--out', join(tempDir('cli'), 'x'));
    expect(one.status).toBe(2);
    expect(one.stderr).toContain('name at least two scenarios to compare');
  }, 60_000);
});
