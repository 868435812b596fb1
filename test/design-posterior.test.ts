/**
 * design: { method: posterior }: futures resampled from a `regiosim calibrate` posterior.csv. The
 * resampling reproduces the weights (in expectation for multinomial, within one draw for
 * systematic), is reproducible from the seed, bad posterior files are refused with located
 * one-line errors, and an explore run on a tiny synthetic region reads a posterior, records it in
 * the manifest and keeps it in inputs/ so that --resume and report work after the original has moved.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recoverPlan } from '../reports/aggregate/plan-inputs.js';
import { readBatchInfo } from '../reports/read/manifest.js';
import { explorationOf } from '../scenarios/design-build.js';
import {
  designRandom,
  designToCsv,
  parsePosteriorCsv,
  type Posterior,
  posteriorDesign,
  resampleIndices,
} from '../scenarios/designs/index.js';
import { loadExperimentFile } from '../scenarios/load.js';
import { data, problems, writeFiles } from './scenarios-fixtures.js';

const TWO: Posterior = {
  names: ['externalHiringNorm'],
  ids: [0, 1],
  values: [[0.2], [0.3]],
  weights: [0.9, 0.1],
};

const share = (rows: ReadonlyArray<Record<string, unknown>>) =>
  rows.filter((r) => r.externalHiringNorm === 0.2).length / rows.length;

describe('weighted resampling', () => {
  it('systematic: each particle is drawn within one of n × its weight', () => {
    for (const seed of [1, 2, 3]) {
      const n = 1000;
      const idx = resampleIndices([0.9, 0.1], n, 'systematic', designRandom('t', seed));
      const first = idx.filter((i) => i === 0).length;
      expect(Math.abs(first - 900)).toBeLessThanOrEqual(1);
    }
    // Uneven weights over several particles, zero weights never drawn.
    const w = [0.5, 0, 0.25, 0.125, 0.125];
    const idx = resampleIndices(w, 64, 'systematic', designRandom('t', 9));
    expect(w.map((_, i) => idx.filter((j) => j === i).length)).toEqual([32, 0, 16, 8, 8]);
  });

  it('multinomial: ≈90% of futures from the 0.9 particle, within a binomial tolerance', () => {
    const n = 1000;
    const sd = Math.sqrt(n * 0.9 * 0.1);
    for (const seed of [1, 2, 3, 4]) {
      const d = posteriorDesign(TWO, { samples: n, seed, resampling: 'multinomial' });
      expect(Math.abs(share(d.rows) * n - 900)).toBeLessThanOrEqual(4 * sd);
    }
    // Over many seeds the mean share is 0.9 (in expectation), within 4 standard errors.
    let sum = 0;
    const seeds = 40;
    for (let s = 0; s < seeds; s++)
      sum += share(posteriorDesign(TWO, { samples: 100, seed: s, resampling: 'multinomial' }).rows);
    expect(Math.abs(sum / seeds - 0.9)).toBeLessThanOrEqual((4 * Math.sqrt(0.09 / 100)) / Math.sqrt(seeds));
  });

  it('is deterministic: the same seed gives the same futures, another seed others', () => {
    const post: Posterior = {
      names: ['externalHiringNorm', 'poolMinMembers'],
      ids: [10, 11, 12, 13],
      values: [
        [0.2, 2],
        [0.25, 3],
        [0.3, 4],
        [0.35, 5],
      ],
      weights: [1, 2, 3, 4],
    };
    const extra = [{ name: 'supplyRatio', kind: 'real' as const, min: 0.35, max: 1.3, role: 'uncertainty' as const }];
    const a = posteriorDesign(post, { samples: 20, seed: 7, extra });
    const b = posteriorDesign(post, { samples: 20, seed: 7, extra });
    const c = posteriorDesign(post, { samples: 20, seed: 8, extra });
    expect(designToCsv(a)).toBe(designToCsv(b));
    expect(designToCsv(c)).not.toBe(designToCsv(a));
    expect(designToCsv(a).split('\n')[0]).toBe('row,particle,externalHiringNorm,poolMinMembers,supplyRatio');
    // Every row is a whole particle (columns stay paired), and its particle number is recorded.
    a.rows.forEach((r, i) => {
      const k = post.ids.indexOf(a.particles[i]);
      expect([r.externalHiringNorm, r.poolMinMembers]).toEqual(post.values[k]);
      expect(r.supplyRatio).toBeGreaterThanOrEqual(0.35);
      expect(r.supplyRatio).toBeLessThanOrEqual(1.3);
    });
    // The Latin hypercube part holds one point per stratum.
    const strata = a.rows
      .map((r) => Math.floor((((r.supplyRatio as number) - 0.35) / 0.95) * 20))
      .sort((x, y) => x - y);
    expect(strata).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('reads the columns regiosim calibrate writes, and ignores distance and patterns', () => {
    const text = 'particle,externalHiringNorm,weight,distance,pattern:P2\n0,0.2,0.5,0,0.19\n1,0.3,0.5,Inf,NA\n';
    expect(parsePosteriorCsv(text)).toEqual({
      posterior: { names: ['externalHiringNorm'], ids: [0, 1], values: [[0.2], [0.3]], weights: [0.5, 0.5] },
    });
  });
});

const TINY =
  'name: tiny\nregion:\n  synthetic: { municipalities: 6, sizes: { distribution: lognormal, median: 30000, sigma: 0.6 }, seed: 5 }\nhorizon: 24\n';
const GOOD = 'particle,externalHiringNorm,poolMinMembers,weight,distance\n0,0.2,3,0.7,0\n1,0.3,4,0.3,0\n';

function experiment(design: string, files: Record<string, string> = {}) {
  return {
    'tiny.yaml': TINY,
    'e.yaml': `name: e\nscenarios: [tiny.yaml]\nbaseline: tiny\nreplicates: 1\nseed: 3\ndesign:\n  method: posterior\n${design}`,
    ...files,
  };
}

describe('posterior files are read strictly, with located errors', () => {
  const check = (design: string, files: Record<string, string> = {}) =>
    problems(writeFiles(experiment(design, files)), 'e.yaml');

  it('accepts a good posterior and joins further uncertainties', () => {
    const dir = writeFiles(
      experiment(
        '  posterior: post/posterior.csv\n  samples: 8\n  seed: 2\n  uncertainties: { supplyRatio: { min: 0.35, max: 1.3 } }\n',
        {
          'post/posterior.csv': GOOD,
        },
      ),
    );
    expect(problems(dir, 'e.yaml')).toEqual([]);
    const plan = loadExperimentFile(join(dir, 'e.yaml'), data);
    expect(plan.points).toHaveLength(8);
    expect(plan.sourceFiles).toContain(join(dir, 'post/posterior.csv'));
    const e = explorationOf(plan);
    expect(e?.method).toBe('posterior');
    expect(e?.posterior?.file).toBe('post/posterior.csv');
    expect(e?.posterior?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(e?.factors.map((f) => f.name)).toEqual(['externalHiringNorm', 'poolMinMembers', 'supplyRatio']);
    for (const p of plan.points) expect([0.2, 0.3]).toContain(p.input.parameters.externalHiringNorm);
  });

  it('refuses an unknown column, with a suggestion', () => {
    expect(check('  posterior: p.csv\n  samples: 4\n', { 'p.csv': 'externalHiringNrom,weight\n0.2,1\n' })).toEqual([
      'e.yaml:8:3 design.posterior: "p.csv" line 1, column 1: column "externalHiringNrom" is not a model parameter; allowed: parameter names of sim/parameters.ts, weight, and calibrate\'s particle, distance and pattern:<name> columns (did you mean "externalHiringNorm"?)',
    ]);
  });

  it('refuses values outside the registry range, fractions of whole-number parameters and non-numbers', () => {
    expect(
      check('  posterior: p.csv\n  samples: 4\n', {
        'p.csv': 'externalHiringNorm,poolMinMembers,weight\n0.2,3,1\n0.9,3,1\n0.2,3.5,1\n0.2,x,1\n',
      }),
    ).toEqual([
      'e.yaml:8:3 design.posterior: "p.csv" line 3, column 1: externalHiringNorm: 0.9 is outside the registry range; allowed: 0.1 to 0.5 share of staff spending',
      'e.yaml:8:3 design.posterior: "p.csv" line 4, column 5: poolMinMembers: 3.5 is not a whole number; allowed: whole numbers from 2 to 5',
      'e.yaml:8:3 design.posterior: "p.csv" line 5, column 5: poolMinMembers: "x" is not a number; allowed: a decimal number',
    ]);
  });

  it('refuses negative weights, weights that are all zero, and a missing weight column', () => {
    expect(
      check('  posterior: p.csv\n  samples: 4\n', { 'p.csv': 'externalHiringNorm,weight\n0.2,1\n0.3,-0.5\n' }),
    ).toEqual([
      'e.yaml:8:3 design.posterior: "p.csv" line 3, column 5: weight: -0.5 is negative; allowed: a weight ≥ 0',
    ]);
    expect(
      check('  posterior: p.csv\n  samples: 4\n', { 'p.csv': 'externalHiringNorm,weight\n0.2,0\n0.3,0\n' }),
    ).toEqual([
      'e.yaml:8:3 design.posterior: "p.csv" line 1, column 20: weight: every weight is 0; allowed: weights ≥ 0 with a positive sum',
    ]);
    expect(check('  posterior: p.csv\n  samples: 4\n', { 'p.csv': 'externalHiringNorm\n0.2\n' })).toEqual([
      'e.yaml:8:3 design.posterior: "p.csv" line 1: has no "weight" column; allowed: a header with the parameter names and weight (as regiosim calibrate writes posterior.csv)',
    ]);
  });

  it('refuses a path outside the project, a missing file, and a parameter both in the posterior and sampled', () => {
    const outside = check('  posterior: ../../../etc/passwd\n  samples: 4\n');
    expect(outside).toHaveLength(1);
    expect(outside[0]).toMatch(
      /^e\.yaml:8:3 design\.posterior: "\.\.\/\.\.\/\.\.\/etc\/passwd" is outside the folder of this file; allowed: a file in .* or its subfolders, or in the shipped library \(scenarios\/library, scenarios\/experiments, scenarios\/calibrations\)$/,
    );
    expect(check('  posterior: nope.csv\n  samples: 4\n')[0]).toMatch(
      /^e\.yaml:8:3 design\.posterior: "nope\.csv" does not exist \(.*nope\.csv\); allowed: a posterior\.csv written by regiosim calibrate, relative to this file$/,
    );
    expect(
      check('  posterior: p.csv\n  samples: 4\n  uncertainties: { externalHiringNorm: {} }\n', { 'p.csv': GOOD }),
    ).toEqual([
      'e.yaml:10:40 design.uncertainties.externalHiringNorm: "externalHiringNorm" is also a column of the posterior "p.csv"; allowed: a parameter drawn from the posterior or sampled here, not both',
    ]);
    expect(check('  samples: 4\n')).toEqual([
      'e.yaml:7:3 design.posterior: is missing; allowed: a path to a posterior.csv relative to the experiment file (method posterior needs it)',
    ]);
  });
});

const ROOT = join(import.meta.dirname, '..');
const cli = (args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'dist/cli/regiosim.js'), ...args], { encoding: 'utf8', cwd: ROOT });

describe('regiosim explore with a posterior', () => {
  it('runs on a tiny synthetic region, records the posterior, and resumes after the original has moved', () => {
    const dir = writeFiles(
      experiment('  posterior: post/posterior.csv\n  samples: 3\n  seed: 2\n', { 'post/posterior.csv': GOOD }),
    );
    const out = join(dir, 'out');
    const r = cli(['explore', join(dir, 'e.yaml'), '--out', out, '--quiet', '--threads', '1']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const design = readFileSync(join(out, 'design.csv'), 'utf8').trim().split('\n');
    expect(design[0]).toBe('row,particle,externalHiringNorm,poolMinMembers');
    expect(design).toHaveLength(4);
    const sha = JSON.parse(readFileSync(join(out, 'design.json'), 'utf8')).posterior.sha256;
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.inputs).toContainEqual({ name: 'posterior.csv', sha256: sha });
    const kept = JSON.parse(readFileSync(join(out, 'inputs/files.json'), 'utf8'));
    expect(kept).toContainEqual({
      original: join(dir, 'post/posterior.csv'),
      copy: 'inputs/files/posterior.csv',
      sha256: sha,
    });
    expect(readFileSync(join(out, 'inputs/files/posterior.csv'), 'utf8')).toBe(GOOD);
    const runs = readFileSync(join(out, 'runs.csv'), 'utf8').trim().split('\n');
    expect(runs).toHaveLength(4);
    // Move the posterior away: the experiment no longer loads, but --resume uses the kept inputs.
    renameSync(join(dir, 'post'), join(dir, 'moved'));
    const v = cli(['validate', join(dir, 'e.yaml')]);
    expect(v.status).not.toBe(0);
    expect(v.stdout + v.stderr).toMatch(/e\.yaml:8:3 design\.posterior: "post\/posterior\.csv" does not exist/);
    expect(v.stdout + v.stderr).not.toMatch(/\n\s+at /);
    const again = cli(['explore', join(dir, 'e.yaml'), '--out', out, '--quiet', '--resume', '--threads', '1']);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/inputs\/ \(.*posterior\.csv is gone.*\): used those to resume/);
    expect(existsSync(join(out, 'runs.csv'))).toBe(true);
    // regiosim report recovers the plan the same way: from inputs/, saying that the posterior is gone.
    const recovered = recoverPlan(readBatchInfo(out));
    expect(recovered.plan?.points).toHaveLength(3);
    expect(recovered.note).toMatch(/posterior\.csv is gone/);
  }, 120_000);
});
