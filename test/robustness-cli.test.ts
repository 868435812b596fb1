/**
 * `regiosim robustness` end to end on a tiny real batch (6 futures × 3 policies × 2 replicates,
 * 2026 to 2030): the tables (CSV and Parquet) agree with regret and satisficing recomputed here
 * from runs.csv, the charts validate, manifest.json says what made the folder, the report gets
 * the robustness charts; and bad input (no policies, no directed outcome, not an explore batch,
 * missing files, hostile paths) ends in one located line and exit 2, never a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateSpec } from '../reports/render/validate.js';
import { forEachParquetRow } from '../workers/parquet-read.js';
import { rows, snapshotCli, tempDir } from './batch-helpers.js';

const work = tempDir('robustness');
writeFileSync(
  join(work, 'short.yaml'),
  'name: short\nregion: { res: Drenthe }\nlevers: { poolForm: flexpool, startMode: small, founderCount: 3, initialStaff: 4, sponsorPerYear: 550000, sponsorYears: 2 }\nhorizon: { startYear: 2026, endYear: 2030 }\n',
);
const DESIGN = `design:
  method: latinHypercube
  samples: 6
  seed: 4
  uncertainties:
    supplyRatio: { min: 0.35, max: 1.3 }
    joinConstant: {}
`;
const POLICIES = `policies:
  - { name: no-pool, levers: { poolForm: none, sponsorPerYear: 0, sponsorYears: 0 } }
  - { name: no-sponsor, levers: { sponsorPerYear: 0, sponsorYears: 0 } }
  - { name: sponsor, levers: {} }
`;
const OUTCOMES = `outcomes:
  - { name: progress2030, direction: maximise, satisfice: { atLeast: 0.1 } }
  - { name: costPerDwelling, direction: minimise, satisfice: { atMost: 4000 } }
  - { name: gapFteEnd, direction: none }
`;
const experiment = (name: string, reps: number, ...blocks: string[]) =>
  writeFileSync(
    join(work, `${name}.yaml`),
    `name: ${name}\nscenarios: [short.yaml]\nbaseline: short\nreplicates: ${reps}\nseed: 9\n${blocks.join('')}`,
  );
experiment('robust', 2, DESIGN, POLICIES, OUTCOMES);
experiment('nopolicy', 1, DESIGN, OUTCOMES);
experiment('undirected', 1, DESIGN, POLICIES, 'outcomes:\n  - { name: progress2030 }\n');

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [snapshotCli(), ...args], { encoding: 'utf8', timeout: 120_000, cwd: work });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const csv = (file: string) => {
  const [head, ...lines] = readFileSync(file, 'utf8').trim().split('\n');
  const cols = head.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((c, i) => [cols[i], c])));
};
const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;

describe('regiosim robustness (CLI)', () => {
  const out = join(work, 'robust-out');

  it('writes regret, satisficing, percentiles and the non-dominated set that agree with runs.csv', () => {
    const e = cli('explore', join(work, 'robust.yaml'), '--out', out, '--threads', '2', '--quiet');
    expect(e.code, e.err).toBe(0);
    expect(e.out).toMatch(/\n {2}robustness: {2}.*regiosim(?:\.js)? robustness \S*robust-out\n/);
    const r = cli('robustness', out, '--quiet');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('regiosim robustness: 3 policies over 6 futures (Latin hypercube of 6 points');
    expect(r.out).toMatch(/satisficing \(progress2030 ≥ 0\.1; costPerDwelling ≤ 4000\): /);
    expect(r.out).toMatch(/non-dominated on maximum regret: \S/);

    // Recompute from runs.csv: point means over replicates, the best per future, regret, shares.
    const runs = rows(out);
    const policies = ['no-pool', 'no-sponsor', 'sponsor'];
    const value = (policy: string, f: number, col: string) =>
      mean(runs.filter((x) => x.point === `short|${policy}|future-${f}`).map((x) => Number(x[col])));
    const dir = join(out, 'robustness');
    const regret = csv(join(dir, 'tables', 'regret.csv'));
    for (const [col, sign] of [
      ['progress2030', 1],
      ['costPerDwelling', -1],
    ] as const) {
      const v = policies.map((p) => [0, 1, 2, 3, 4, 5].map((f) => value(p, f, col)));
      const best = [0, 1, 2, 3, 4, 5].map((f) => sign * Math.max(...v.map((p) => sign * p[f])));
      policies.forEach((p, i) => {
        const row = regret.find((x) => x.policy === p && x.outcome === col);
        const max = Math.max(...v[i].map((x, f) => Math.abs(best[f] - x)));
        expect(Number(row?.maxRegret)).toBeCloseTo(max, 9);
        expect(row?.futures).toBe('6');
      });
    }
    expect(regret.some((x) => x.outcome === 'gapFteEnd')).toBe(false); // no direction, no regret
    const sat = csv(join(dir, 'tables', 'satisficing.csv'));
    policies.forEach((p) => {
      const met = [0, 1, 2, 3, 4, 5].filter(
        (f) => value(p, f, 'progress2030') >= 0.1 && value(p, f, 'costPerDwelling') <= 4000,
      ).length;
      expect(sat.find((x) => x.policy === p && x.outcome === 'all')?.met).toBe(String(met));
    });
    const pct = csv(join(dir, 'tables', 'percentiles.csv'));
    expect(pct.map((x) => x.outcome)).toContain('progress2030');
    const pareto = csv(join(dir, 'tables', 'pareto.csv'));
    expect(pareto.filter((x) => x.nonDominated === 'TRUE').length).toBeGreaterThan(0);

    // Parquet holds the same rows as the CSV.
    const parquet: unknown[][] = [];
    forEachParquetRow(join(dir, 'tables', 'regret.parquet'), (cells) => {
      parquet.push(cells);
      return true;
    });
    expect(parquet).toHaveLength(regret.length);
    expect(parquet[0][0]).toBe(regret[0].policy);
    expect(parquet[0][5]).toBeCloseTo(Number(regret[0].maxRegret), 12);

    const charts = readdirSync(join(dir, 'charts')).filter((f) => f.endsWith('.vl.json'));
    expect(charts.sort()).toEqual([
      'robustness-regret.vl.json',
      'robustness-satisficing.vl.json',
      'robustness-tradeoff.vl.json',
    ]);
    for (const f of charts)
      expect(validateSpec(JSON.parse(readFileSync(join(dir, 'charts', f), 'utf8'))), f).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ tool: 'regiosim', command: 'robustness', futures: 6, pareto: 'maximum regret' });
    expect(manifest.inputs.map((i: { name: string }) => i.name)).toEqual(['manifest.json', 'runs.csv', 'design.json']);

    // Again into the same folder: allowed (its own kind); --pareto p90 changes the pareto columns.
    const again = cli('robustness', out, '--pareto', 'p90', '--quiet');
    expect(again.code, again.err).toBe(0);
    expect(readFileSync(join(dir, 'tables', 'pareto.csv'), 'utf8')).toMatch(
      /^policy,nonDominated,dominatedBy,p90Regret_/,
    );
  }, 180_000);

  it('the report of the batch includes the robustness charts', () => {
    const r = cli('report', out, '--map-runs', '0', '--quiet');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/charts: .*robustness-regret, robustness-satisficing, robustness-tradeoff/);
    expect(r.out).toContain('note: Robustness of the 3 policies over 6 futures');
  }, 120_000);

  /** Exit 2 for bad input, 1 for a fault of the file system (as every command: store/errors.ts faultMessage). */
  const refused = (args: string[], message: RegExp, code = 2) => {
    const r = cli(...args);
    expect(r.code, r.out).toBe(code);
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).not.toMatch(/\n\s+at /);
  };

  it('refuses a batch without policies or without a directed outcome, in one line', () => {
    for (const name of ['nopolicy', 'undirected']) {
      const e = cli('explore', join(work, `${name}.yaml`), '--out', join(work, `${name}-out`), '--quiet');
      expect(e.code, e.err).toBe(0);
      expect(e.out).not.toContain('robustness:');
    }
    refused(
      ['robustness', join(work, 'nopolicy-out')],
      /^regiosim robustness: .*nopolicy-out: the experiment has no policies; robustness compares policies across futures: add at least two/,
    );
    refused(
      ['robustness', join(work, 'undirected-out')],
      /^regiosim robustness: .*undirected-out: no outcome has a direction; robustness needs at least one: give an outcome direction: maximise or minimise/,
    );
  }, 180_000);

  it('refuses missing folders and files, and hostile output paths, in one line', () => {
    refused(['robustness', join(work, 'nowhere')], /^regiosim robustness: .*nowhere: no such folder\n$/);
    const broken = join(work, 'broken');
    cpSync(out, broken, { recursive: true });
    rmSync(join(broken, 'design.json'));
    refused(['robustness', broken], /^regiosim robustness: .*design\.json/);
    rmSync(join(broken, 'runs.csv'));
    refused(['robustness', broken], /^regiosim robustness: .*broken: no runs\.csv/);
    writeFileSync(join(work, 'a-file'), 'x');
    refused(['robustness', out, '--out', join(work, 'a-file')], /^regiosim: --out: .*a-file is a file, not a folder/);
    // The batch folder itself holds an exploration: it cannot take a robustness analysis.
    refused(
      ['robustness', out, '--out', out],
      /holds an exploration \(regiosim explore\); it cannot take a robustness analysis/,
    );
    refused(
      ['robustness', out, '--out', join(work, 'a-file', 'sub')],
      /^regiosim robustness: creating .*a-file\/sub: a part of the path is a file, not a folder/,
      1,
    );
    const bad = cli('robustness', out, '--pareto', 'min');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/Invalid values:[\s\S]*pareto/);
  }, 120_000);
});
