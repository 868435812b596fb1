/**
 * regiosim calibrate (reports/abc/ with regiosim as the model): recovers a parameter from a pattern
 * generated at a known value, gives the same posterior whatever the thread count and after a
 * resume, and rejects bad calibration files with located errors. Tiny on purpose: a synthetic
 * region of six municipalities, five years, few particles.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadNationalData } from '../data/load.js';
import { calibrationPath, loadCalibrationFile } from '../reports/abc/calibration-file.js';
import { runAbcCalibration } from '../reports/abc/run.js';
import { loadScenarioFile } from '../scenarios/load.js';
import { simulate } from '../sim/simulate.js';

const data = loadNationalData();
const dir = mkdtempSync(join(tmpdir(), 'regiosim-abc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

writeFileSync(
  join(dir, 'tiny.yaml'),
  'name: tiny\nregion:\n  synthetic: { municipalities: 6, sizes: { distribution: lognormal, median: 30000, sigma: 0.6 }, seed: 5 }\nhorizon: 60\n',
);

const TRUE_NORM = 0.3;
/** The pattern at the true value: the mean external share over 8 seeds, ± 0.02. */
function truth(): number {
  const { input } = loadScenarioFile(join(dir, 'tiny.yaml'), data);
  const at = { ...input, parameters: { ...input.parameters, externalHiringNorm: TRUE_NORM } };
  const v = [1, 2, 3, 4, 5, 6, 7, 8].map((s) => simulate(at, s).summary.metrics.externalSpendShare);
  return v.reduce((a, b) => a + b, 0) / v.length;
}

function calibrationFile(name: string, extra: string): string {
  const v = truth();
  const file = join(dir, `${name}.yaml`);
  writeFileSync(
    file,
    `name: ${name}\nscenario: tiny.yaml\nseed: 3\nreplicates: 2\n${extra}parameters:\n  externalHiringNorm: { min: 0.1, max: 0.5 }\npatterns:\n  - { name: external, metric: externalSpendShare, band: [${v - 0.02}, ${v + 0.02}] }\n`,
  );
  return file;
}

const run = (file: string, out: string, o: { threads?: number; resume?: boolean; stop?: number } = {}) =>
  runAbcCalibration(loadCalibrationFile(file, data), {
    out,
    threads: o.threads ?? 2,
    resume: o.resume ?? false,
    force: false,
    arguments: {},
    stopAfterGenerations: o.stop,
  });

describe('regiosim calibrate', () => {
  it('recovers a parameter from patterns generated at a known value (true value in the 90% interval)', async () => {
    const file = calibrationFile('recover', 'particles: 40\ngenerations: 4\n');
    const r = await run(file, join(dir, 'recover'));
    const s = r.summaries[0];
    expect(s.q05).toBeLessThanOrEqual(TRUE_NORM);
    expect(s.q95).toBeGreaterThanOrEqual(TRUE_NORM);
    // And the data say something: the interval is narrower than the prior's 0.1-0.5.
    expect(s.q95 - s.q05).toBeLessThan(0.3);
    expect(readFileSync(join(dir, 'recover', 'generations.csv'), 'utf8').split('\n')[0]).toBe(
      'generation,epsilon,particles,simulations,acceptance_rate,ess',
    );
  }, 240_000);

  it('gives a byte-identical posterior on 1 and 2 threads, and after a resume', async () => {
    const file = calibrationFile('same', 'particles: 16\ngenerations: 3\nmin-acceptance: 0\n');
    await run(file, join(dir, 'one'), { threads: 1 });
    await run(file, join(dir, 'two'), { threads: 2 });
    const posterior = (d: string) => readFileSync(join(dir, d, 'posterior.csv'), 'utf8');
    expect(posterior('two')).toBe(posterior('one'));
    await expect(run(file, join(dir, 'cut'), { stop: 1 })).rejects.toThrow(/--resume/);
    // Finished work is not overwritten without --resume or --force.
    await expect(run(file, join(dir, 'cut'))).rejects.toThrow(/already holds a calibration/);
    const resumed = await run(file, join(dir, 'cut'), { resume: true });
    expect(resumed.resumedFrom).toBe(1);
    expect(posterior('cut')).toBe(posterior('one'));
    expect(readFileSync(join(dir, 'cut', 'generations.csv'), 'utf8')).toBe(
      readFileSync(join(dir, 'one', 'generations.csv'), 'utf8'),
    );
  }, 240_000);

  it('rejects bad calibration files with located errors, non-zero exit and no stack trace', () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(
      bad,
      [
        'scenario: tiny.yaml',
        'particles: 5',
        'parameters:',
        '  externalHiringNorn: {}',
        '  retirementAge: {}',
        '  baseExitPerYear: { min: 0.05, max: 0.02 }',
        'patterns:',
        '  - P9',
        '  - { name: own, metric: gapFteEnd, per: needFtee, band: [0.5, 0.8] }',
        '  - { name: flat, metric: gapFteEnd, band: [0.5, 0.5] }',
        '',
      ].join('\n'),
    );
    const r = spawnSync(process.execPath, ['dist/cli/regiosim.js', 'calibrate', bad, '--out', join(dir, 'bad-out')], {
      encoding: 'utf8',
    });
    expect(r.status).toBe(2);
    const err = r.stderr;
    expect(err).toMatch(/bad\.yaml:2:\d+ particles: 5 is not allowed|bad\.yaml:2:\d+ particles:/);
    expect(err).toMatch(/bad\.yaml:4:3 parameters\.externalHiringNorn: .*did you mean "externalHiringNorm"/);
    expect(err).toMatch(/bad\.yaml:5:3 parameters\.retirementAge: retirementAge is empirical/);
    expect(err).toMatch(/bad\.yaml:6:\d+ parameters\.baseExitPerYear: the prior range 0\.05 to 0\.02 is empty/);
    expect(err).toMatch(/bad\.yaml:8:5 patterns\[0\]: "P9" is not allowed/);
    expect(err).toMatch(/bad\.yaml:9:\d+ patterns\[1\]\.per: "needFtee" is not allowed.*did you mean "needFte"/);
    expect(err).toMatch(/bad\.yaml:10:\d+ patterns\[2\]\.band: the band \[0\.5,0\.5\] has no width/);
    expect(err).not.toMatch(/\n\s+at /);
    // A scenario outside the file's folder and the library is refused like an experiment's.
    writeFileSync(join(dir, 'outside.yaml'), 'scenario: /etc/hostname\nparameters: { demandIntensity: {} }\npatterns: [P1a]\n');
    const o = spawnSync(process.execPath, ['dist/cli/regiosim.js', 'calibrate', join(dir, 'outside.yaml')], { encoding: 'utf8' });
    expect(o.status).toBe(2);
    expect(o.stderr).toMatch(/outside\.yaml:1:11 scenario: .*outside the folder of this file/);
    expect(execFileSync(process.execPath, ['dist/cli/regiosim.js', 'calibrate', '--help'], { encoding: 'utf8' })).toMatch(/--resume/);
  });
});

describe('a calibration file by name', () => {
  it('finds a shipped calibration by name from any folder, and a path as given', () => {
    const shipped = calibrationPath('drenthe');
    expect(shipped).toBe(join(import.meta.dirname, '..', 'scenarios', 'calibrations', 'drenthe.yaml'));
    expect(loadCalibrationFile('drenthe', data).name).toBe('drenthe');
    expect(calibrationPath('no-such-calibration')).toBe(join(process.cwd(), 'no-such-calibration'));
    expect(calibrationPath('../drenthe')).toBe(join(process.cwd(), '..', 'drenthe'));
  });
});
