/**
 * Exploratory modelling end to end, as a user runs it: `regiosim explore` on a small Latin
 * hypercube (8 futures × 2 policies × 2 replicates, 2026 to 2030), then `regiosim sensitivity` and
 * `regiosim discover` on the folder, each writing charts whose Vega-Lite specs validate against
 * the official schema; and Morris and Sobol designs through the batch engine and the analyses.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadNationalData } from '../data/load.js';
import { morrisChart } from '../reports/charts/explore-morris.js';
import { sobolChart } from '../reports/charts/explore-sobol.js';
import { discover, parseCondition } from '../reports/explore/discover.js';
import { readExploreBatch } from '../reports/explore/read.js';
import { analyseSensitivity } from '../reports/explore/sensitivity.js';
import { validateSpec } from '../reports/render/validate.js';
import { explorationOf } from '../scenarios/design-build.js';
import { writeDesignFiles } from '../scenarios/design-files.js';
import { designToCsv, factorsFromRegistry, latinHypercube } from '../scenarios/designs/index.js';
import { loadExperimentFile } from '../scenarios/load.js';
import { batch, read, rows, snapshotCli, tempDir } from './batch-helpers.js';

const work = tempDir('explore');
writeFileSync(
  join(work, 'short.yaml'),
  'name: short\nregion: { res: Drenthe }\nlevers: { poolForm: flexpool, startMode: small, founderCount: 3, initialStaff: 4, sponsorPerYear: 550000, sponsorYears: 2 }\nhorizon: { startYear: 2026, endYear: 2030 }\n',
);
const EXPERIMENT = `name: small-lhs
scenarios: [short.yaml]
baseline: short
replicates: 2
seed: 9
design:
  method: latinHypercube
  samples: 8
  seed: 4
  uncertainties:
    supplyRatio: { min: 0.35, max: 1.3 }
    crisisPerMonth: {}
    poolUtilisationFloor: {}
policies:
  - name: no-sponsor
    levers: { sponsorPerYear: 0, sponsorYears: 0 }
  - name: sponsor
    levers: {}
`;
writeFileSync(join(work, 'lhs.yaml'), EXPERIMENT);

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [snapshotCli(), ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Every .vl.json in a folder's charts/ validates, and has its SVG and PNG. */
function chartsValidate(dir: string): string[] {
  const files = readdirSync(join(dir, 'charts'));
  const specs = files.filter((f) => f.endsWith('.vl.json'));
  for (const f of specs) {
    expect(validateSpec(JSON.parse(readFileSync(join(dir, 'charts', f), 'utf8'))), f).toEqual([]);
    const stem = f.replace(/\.vl\.json$/, '');
    expect(files).toContain(`${stem}.svg`);
    expect(files).toContain(`${stem}.png`);
  }
  return specs.map((f) => f.replace(/\.vl\.json$/, '')).sort();
}

describe('regiosim explore, sensitivity and discover (CLI)', () => {
  const out = join(work, 'lhs-out');

  it('explore runs the design through the batch engine and writes design.csv next to runs.csv', () => {
    const r = cli('explore', join(work, 'lhs.yaml'), '--out', out, '--threads', '2', '--quiet');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(
      'design: Latin hypercube of 8 points, 3 factors, seed 4: supplyRatio, crisisPerMonth, poolUtilisationFloor',
    );
    expect(r.out).toContain(
      '8 design points × 2 policies (no-sponsor, sponsor) × scenario short = 16 points, × 2 replicates = 32 runs',
    );
    expect(r.out).toMatch(/complete: 32\/32 runs done \(32 ok, 0 failed\)/);
    expect(r.out).toContain('runs.csv, design.csv (the sample), design.json, manifest.json, README.md');
    const factors = factorsFromRegistry(['supplyRatio', 'crisisPerMonth', 'poolUtilisationFloor'], {
      supplyRatio: { min: 0.35, max: 1.3 },
    });
    // The sample is reproducible from the design seed alone.
    expect(read(out, 'design.csv')).toBe(designToCsv(latinHypercube(factors, { samples: 8, seed: 4 })));
    const runs = rows(out);
    expect(runs).toHaveLength(32);
    expect(runs[0]).toMatchObject({ point: 'short|no-sponsor|future-0', policy: 'no-sponsor', replicate: '0' });
    expect(runs[31]).toMatchObject({ point: 'short|sponsor|future-7', policy: 'sponsor', replicate: '1' });
    expect(Number(runs[2].supplyRatio)).toBe(latinHypercube(factors, { samples: 8, seed: 4 }).rows[1].supplyRatio);
    // Replicate i has the same seed at every design point.
    expect(new Set(runs.filter((x) => x.replicate === '1').map((x) => x.seed)).size).toBe(1);
    expect(JSON.parse(read(out, 'manifest.json')).arguments).toMatchObject({
      command: 'explore',
      refs: [join(work, 'lhs.yaml')],
    });

    const again = cli('explore', join(work, 'lhs.yaml'), '--out', out, '--quiet');
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/already holds a batch: add --resume/);
  }, 120_000);

  it('sensitivity averages replicates per design point and writes tables and valid charts', () => {
    const r = cli(
      'sensitivity',
      out,
      '--metric',
      'progress2030',
      '--metric',
      'poolSurvived',
      '--resamples',
      '200',
      '--quiet',
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('regiosim sensitivity: feature scores of progress2030, poolSurvived');
    expect(r.out).toContain("Each design point's 2 replicates (same seeds at every point) are averaged first");
    expect(r.out).toMatch(/progress2030 \[no-sponsor\]: feature scores: \w+ \d+%/);
    const dir = join(out, 'sensitivity');
    expect(chartsValidate(dir)).toContain('feature-scores-progress2030');
    expect(read(dir, 'tables/feature-scores.csv').split('\n')[0]).toBe(
      'metric,scenario,policy,input,rank,share,score,mutualInformation,baseline,pValue',
    );
    const json = JSON.parse(read(dir, 'sensitivity.json'));
    expect(json).toMatchObject({ method: 'scores', metrics: ['progress2030', 'poolSurvived'] });
    expect(json.analyses).toHaveLength(4);
  }, 120_000);

  it('discover finds where the condition holds, with the trajectory, the chosen box and feature scores', () => {
    const r = cli('discover', out, '--where', 'poolSurvived == 0', '--quiet');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/regiosim discover: where does "poolSurvived == 0" happen\? \d+ of 32 runs/);
    expect(r.out).toMatch(/chosen: box \d+/);
    const dir = join(out, 'discover');
    expect(chartsValidate(dir)).toEqual(['discover-feature-scores', 'prim-box', 'prim-tradeoff']);
    const trajectory = read(dir, 'tables/prim-trajectory.csv').trimEnd().split('\n');
    expect(trajectory[0]).toBe('index,phase,changed,coverage,density,mass,rows,hits,restrictedCount,maxQp,restricted');
    expect(trajectory[1]).toMatch(/^0,start,,1,/);
    const result = JSON.parse(read(dir, 'discover.json'));
    expect(result.condition).toEqual({ metric: 'poolSurvived', op: '==', value: 0, text: 'poolSurvived == 0' });
    expect(result.inputs.map((i: { name: string }) => i.name)).toEqual([
      'supplyRatio',
      'crisisPerMonth',
      'poolUtilisationFloor',
      'policy',
    ]);
    expect(result.chosen.density).toBeGreaterThanOrEqual(result.trajectory[0].density);

    const box = discover(readExploreBatch(out), { where: 'poolSurvived == 0', box: 0 });
    expect(box.chosen).toMatchObject({ index: 0, selection: 'box 0, as chosen with --box', coverage: 1 });
    expect(box.chosen.limits.every((l) => !l.restricted)).toBe(true);
    expect(() => discover(readExploreBatch(out), { where: 'poolSurvived == 0', box: 999 })).toThrow(
      /--box 999: no such box; allowed: 0 to \d+/,
    );
  }, 120_000);

  it('the report of an explore folder shows the sensitivity and discovery charts instead of per-point charts', () => {
    const r = cli('report', out, '--map-runs', '0', '--quiet');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/charts: .*feature-scores-progress2030, .*prim-tradeoff, prim-box, discover-feature-scores/);
    expect(r.out).toContain('note: This batch samples a design');
    expect(r.out).not.toContain('outcome-distributions');
    expect(readFileSync(join(out, 'report', 'report.html'), 'utf8')).toContain('Which inputs tell most about');
  }, 120_000);

  it('says clearly what is wrong', () => {
    const where = cli('discover', out, '--where', 'poolSurvivd == 0', '--quiet');
    expect(where.code).toBe(2);
    expect(where.err).toMatch(
      /^regiosim discover: --where "poolSurvivd == 0": "poolSurvivd" is not a summary metric of runs.csv; allowed: progress2030, /,
    );
    const data = readExploreBatch(out);
    expect(() => discover(data, { where: 'progress2030 > 5' })).toThrow(
      /^"progress2030 > 5" holds in none of the 32 runs: PRIM needs cases of interest \(the values of progress2030 range from /,
    );
    expect(() => discover(data, { where: 'progress2030 >= 0' })).toThrow(
      /holds in all 32 runs: there is nothing to tell apart/,
    );
    expect(() => discover(data, { where: 'progress2030 about 5' })).toThrow(
      '--where "progress2030 about 5": not a condition; allowed: "<metric> <op> <number>" with op one of < <= > >= == !=, e.g. "poolSurvived == 0" or "progress2030 < 0.4"',
    );
    expect(() => discover(data, { where: 'poolSurvived == 0', policies: ['sponsr'] })).toThrow(
      '--policy sponsr: not a policy of this design; allowed: no-sponsor, sponsor',
    );
    expect(() => analyseSensitivity(data, { metrics: ['progres2030'] })).toThrow(
      /^--metric progres2030: not a summary metric of runs.csv/,
    );
    // A batch folder without design.json.
    const plain = join(work, 'plain');
    mkdirSync(plain);
    for (const f of ['manifest.json', 'runs.csv']) copyFileSync(join(out, f), join(plain, f));
    const noDesign = cli('sensitivity', plain, '--quiet');
    expect(noDesign.code).toBe(2);
    expect(noDesign.err).toContain('has no design.json: it is not an explore batch');
    const sweeps = join(work, 'sweeps.yaml');
    writeFileSync(
      sweeps,
      'scenarios: [short.yaml]\nbaseline: short\nreplicates: 1\nseed: 1\nsweeps: { initialStaff: [2, 4] }\n',
    );
    const notDesigned = cli('explore', sweeps, '--out', join(work, 'x'), '--quiet');
    expect(notDesigned.code).toBe(2);
    expect(notDesigned.err).toMatch(/has no design: block; allowed: an experiment that samples its points/);
    expect(existsSync(join(work, 'x'))).toBe(false);
  }, 120_000);
});

describe('Morris and Sobol designs through the batch engine and the analyses', () => {
  const data = loadNationalData();
  const run = async (name: string, design: string) => {
    const file = join(work, `${name}.yaml`);
    writeFileSync(
      file,
      `name: ${name}\nscenarios: [short.yaml]\nbaseline: short\nreplicates: 1\nseed: 3\ndesign:\n${design}`,
    );
    const plan = loadExperimentFile(file, data);
    const dir = join(work, `${name}-out`);
    writeDesignFiles(dir, explorationOf(plan) as NonNullable<ReturnType<typeof explorationOf>>);
    const result = await batch(plan, { outDir: dir, threads: 2, series: 'none' });
    expect(result.status).toBe('complete');
    return readExploreBatch(dir);
  };

  it('Morris: μ*, σ with intervals, a ranking check and a valid μ*–σ chart', async () => {
    const data = await run(
      'morris',
      '  method: morris\n  trajectories: 4\n  uncertainties:\n    supplyRatio: { min: 0.35, max: 1.3 }\n    trustGain: {}\n',
    );
    const result = analyseSensitivity(data, { metrics: ['progress2030'], resamples: 100 });
    expect(result.method).toBe('morris');
    const [a] = result.analyses;
    expect(a.rows).toBe(4 * 3);
    expect(a.morris?.map((f) => f.name).sort()).toEqual(['supplyRatio', 'trustGain']);
    for (const f of a.morris ?? []) {
      expect(f.effects).toBe(4);
      expect(f.muStarLow).toBeLessThanOrEqual(f.muStar);
    }
    // Scarcity moves 2030 progress more than the speed at which trust grows.
    expect(a.morris?.find((f) => f.rank === 1)?.name).toBe('supplyRatio');
    expect(a.stability?.checked).toBe(true);
    expect(a.stability?.message).toMatch(/^(stable|not stable): /);
    const chart = morrisChart(result, 'progress2030');
    expect(chart?.name).toBe('morris-progress2030');
    expect(validateSpec(chart?.spec)).toEqual([]);
  }, 120_000);

  it('Sobol: S1 and ST with bootstrap intervals, the convergence verdict and a valid chart', async () => {
    const data = await run(
      'sobol',
      '  method: sobol\n  baseSamples: 8\n  uncertainties:\n    supplyRatio: { min: 0.35, max: 1.3 }\n    trustGain: {}\n',
    );
    const result = analyseSensitivity(data, { metrics: ['progress2030'], resamples: 100 });
    expect(result.method).toBe('sobol');
    const [a] = result.analyses;
    expect(a.rows).toBe(8 * 4);
    const sobol = a.sobol;
    expect(sobol?.baseSamples).toBe(8);
    expect(sobol?.steps.map((s) => s.baseSamples)).toEqual([2, 4, 8]);
    expect(sobol?.verdict).toMatch(/^(converged at|too small at) N=8 base samples/);
    expect(sobol?.converged).toBe(false);
    for (const f of sobol?.factors ?? []) expect(f.ST.conf).toBeGreaterThan(0);
    const chart = sobolChart(result, 'progress2030');
    expect(validateSpec(chart?.spec)).toEqual([]);
    // Discovery on the same folder, per design point.
    const median = [...data.runs.points.map((p) => p.metrics.get('progress2030')?.[0] ?? 0)].sort((x, y) => x - y)[16];
    const found = discover(data, { where: `progress2030 < ${median}`, perPoint: true });
    expect(found.unit).toBe('point');
    expect(found.cases).toBe(32);
    expect(parseCondition('poolSurvived = 0', ['poolSurvived']).op).toBe('==');
  }, 120_000);
});
