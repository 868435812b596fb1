/**
 * Commands that work as printed (issue 13, point 7). Every command regiosim prints for the user to
 * paste (continue a batch, re-run a failed run, make the report, run sensitivity and discovery,
 * finish a shard before a merge, the examples of --help and the templates of `scenarios`) is
 * collected from its output and run as printed, in the project folder, where the hints say
 * `npx regiosim` (package.json's bin; `npm ci` builds dist/). Every `npx regiosim` example of the
 * README is run too, in a fresh folder, with tiny run counts. The docs name no file the project
 * lacks. Each command must exit 0.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'dist', 'cli', 'regiosim.js');
let work: string;

/** Runs a command line in a POSIX shell, as a user pasting it would (npm offline: nothing may be fetched). */
function sh(command: string, cwd = ROOT, env: Record<string, string> = {}, timeout = 240_000) {
  const r = spawnSync('sh', ['-c', command], {
    cwd,
    encoding: 'utf8',
    timeout,
    env: { ...process.env, npm_config_offline: 'true', npm_config_update_notifier: 'false', ...env },
  });
  return { code: r.status, out: r.stdout ?? '', err: r.stderr ?? '', text: `${r.stdout}${r.stderr}` };
}

/** The commands a text prints for pasting: from `npx regiosim` to the end of the line. */
function printed(text: string): string[] {
  return (
    text
      .split('\n')
      // (a command ends at the end of the line, or where --help starts the column of its description)
      .map((line) =>
        /\bnpx regiosim .*$/
          .exec(line)?.[0]
          .split(/\s{2,}/)[0]
          .trimEnd(),
      )
      .filter((c): c is string => c !== undefined)
  );
}

/** Runs a printed command as it is and expects exit 0. */
function runsAsPrinted(command: string, cwd = ROOT) {
  const r = sh(command, cwd);
  expect(r.code, `${command}\n${r.text.slice(-2000)}`).toBe(0);
  return r;
}

/** A small sampled design (Morris, 3 factors, 16 runs) in place of the shipped explore experiments. */
function writeTinyDesign(dir: string): string {
  writeFileSync(
    join(dir, 'short-drenthe.yaml'),
    'name: short-drenthe\nregion: { res: Drenthe }\nlevers: { poolForm: flexpool, startMode: small, sponsorPerYear: 0, sponsorYears: 0 }\n',
  );
  const file = join(dir, 'tiny-explore.yaml');
  writeFileSync(
    file,
    [
      'name: tiny-explore',
      'description: A small sampled design for the command tests',
      'scenarios: [short-drenthe.yaml]',
      'baseline: short-drenthe',
      'replicates: 1',
      'seed: 3',
      'design:',
      '  method: morris',
      '  trajectories: 4',
      '  levels: 4',
      '  seed: 5',
      '  uncertainties: { stayConstant: { min: 0, max: 1.5 }, satisfactionScale: { min: 0.03, max: 0.3 } }',
      '  levers: { sponsorYears: { min: 0, max: 3 } }',
      '',
    ].join('\n'),
  );
  return file;
}

/** Two policies over four sampled futures with directed, thresholded outcomes, in place of the shipped robustness experiment. */
function writeTinyRobustness(dir: string): string {
  const file = join(dir, 'tiny-robust.yaml');
  writeFileSync(
    file,
    [
      'name: tiny-robust',
      'scenarios: [short-drenthe.yaml]',
      'baseline: short-drenthe',
      'replicates: 1',
      'seed: 3',
      'design: { method: latinHypercube, samples: 4, seed: 5, uncertainties: { supplyRatio: { min: 0.35, max: 1.3 } } }',
      'policies:',
      '  - { name: no-sponsor, levers: { sponsorYears: 0 } }',
      '  - { name: sponsor-3y, levers: { sponsorYears: 3, sponsorPerYear: 550000 } }',
      'outcomes:',
      '  - { name: progress2050, direction: maximise, satisfice: { atLeast: 0.2 } }',
      '  - { name: poolSurvived, direction: maximise }',
      '',
    ].join('\n'),
  );
  return file;
}

/** A calibration of two generations of ten particles on the short scenario, in place of the shipped one. */
function writeTinyCalibration(dir: string): string {
  const file = join(dir, 'tiny-calibration.yaml');
  writeFileSync(
    file,
    'name: tiny-calibration\nscenario: short-drenthe.yaml\nseed: 3\nreplicates: 1\nparticles: 10\ngenerations: 2\n' +
      'parameters:\n  externalHiringNorm: {}\npatterns:\n  - P2\n',
  );
  return file;
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'rs-commands-'));
  writeTinyDesign(work);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npx regiosim from the project folder', () => {
  it('has a bin entry that npm ci builds (prepare), and npx regiosim runs it without fetching anything', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.bin).toEqual({ regiosim: 'dist/cli/regiosim.js' });
    expect(pkg.scripts.prepare).toMatch(/prepare\.mjs|tsc/);
    expect(readFileSync(BIN, 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
    const r = sh('npx regiosim --version');
    expect(r.code, r.text).toBe(0);
    expect(r.out.trim()).toBe(pkg.version);
  });
});

describe('every command regiosim prints works when pasted', () => {
  it('re-runs a failed run of a batch alone, as the end message says', () => {
    const out = join(work, 'failed');
    const r = sh(`npx regiosim batch synthetic-twelve drenthe-none --runs 2 --out ${out} --quiet --run-timeout 0.0001`);
    expect(r.code, r.text).toBe(1);
    const rerun = printed(r.out).filter((c) => c.includes(' run --from '));
    expect(rerun).toEqual([`npx regiosim run --from ${out} --run 0`]);
    const again = runsAsPrinted(rerun[0]);
    expect(again.out).toMatch(/re-run of run 0 of .*failed \(point synthetic-twelve, replicate 0, seed \d+\)/);
    // Its seed is the failed row's seed.
    const row = readFileSync(join(out, 'runs.csv'), 'utf8').split('\n')[1].split(',');
    expect(again.out).toContain(`seed ${row[4]}`);
  });

  it('makes the report of a finished batch, and re-runs a run of a swept point', () => {
    const out = join(work, 'done');
    const exp = join(work, 'swept.yaml');
    writeFileSync(
      exp,
      'name: swept\nscenarios: [synthetic-twelve]\nbaseline: synthetic-twelve\nreplicates: 2\nseed: 4\nsweeps:\n  initialStaff: [2, 6]\n',
    );
    const r = sh(`npx regiosim batch ${exp} --out ${out} --quiet`);
    expect(r.code, r.text).toBe(0);
    const commands = printed(r.out);
    expect(commands).toEqual([`npx regiosim report ${out}`]);
    runsAsPrinted(commands[0]);
    expect(existsSync(join(out, 'report', 'report.html'))).toBe(true);
    // Run 3 is replicate 1 of the point initialStaff = 6: the re-run has its inputs and seed.
    const again = runsAsPrinted(`npx regiosim run --from ${out} --run 3 --out ${join(work, 'run-3')}`);
    expect(again.out).toContain('point synthetic-twelve|initialStaff=6, replicate 1');
    const input = JSON.parse(readFileSync(join(work, 'run-3', 'manifest.json'), 'utf8'));
    expect(JSON.stringify(input)).toContain('model-input.json');
  });

  it('continues an interrupted batch with the printed command', () => {
    const out = join(work, 'full');
    const r = sh(`npx regiosim batch default --runs 4 --quiet --out ${out}`, ROOT, {
      REGIOSIM_TEST_FAULT: 'enospc:60000',
    });
    expect(r.code, r.text).toBe(1);
    const commands = printed(r.out);
    expect(commands).toEqual([`npx regiosim batch default --runs 4 --quiet --out ${out} --resume`]);
    const resumed = runsAsPrinted(commands[0]);
    expect(resumed.out).toMatch(/complete: 4\/4 runs done/);
  });

  it('runs sensitivity, discovery and the report of an exploration as printed', () => {
    const out = join(work, 'explore');
    const r = sh(`npx regiosim explore ${join(work, 'tiny-explore.yaml')} --out ${out} --quiet`);
    expect(r.code, r.text).toBe(0);
    const commands = printed(r.out);
    expect(commands.map((c) => c.split(' ')[2])).toEqual(['sensitivity', 'discover', 'report']);
    // The discovery condition holds in some runs of this batch, so PRIM has cases to explain.
    expect(commands[1]).toMatch(/--where '[^']+'$/);
    for (const c of commands) runsAsPrinted(c);
  });

  it('finishes an incomplete shard with the command the merge prints, then merges', () => {
    const s1 = join(work, 's1');
    const s2 = join(work, 's2');
    const merged = join(work, 'merged');
    expect(sh(`npx regiosim batch synthetic-twelve --runs 4 --shard 1/2 --out ${s1} --quiet`).code).toBe(0);
    const cut = sh(`npx regiosim batch synthetic-twelve --runs 4 --shard 2/2 --out ${s2} --quiet`, ROOT, {
      REGIOSIM_TEST_FAULT: 'enospc:60000',
    });
    expect(cut.code, cut.text).toBe(1);
    const merge = sh(`npx regiosim merge ${s1} ${s2} --out ${merged}`);
    expect(merge.code, merge.text).not.toBe(0);
    const finish = printed(merge.err + merge.out);
    expect(finish).toHaveLength(1);
    expect(finish[0]).toMatch(
      /^npx regiosim batch synthetic-twelve --runs 4 .*--shard 2\/2 --out \S+s2 --quiet --resume$/,
    );
    runsAsPrinted(finish[0]);
    runsAsPrinted(`npx regiosim merge ${s1} ${s2} --out ${merged}`);
  });

  it('runs the examples of --help and the templates of the scenario listing', () => {
    const help = sh('npx regiosim run --help');
    expect(help.code).toBe(0);
    const examples = printed(help.out.split('Examples:')[1] ?? '');
    expect(examples).toEqual([
      'npx regiosim run drenthe-start-small --seed 7',
      'npx regiosim run --from out/batch --run 17',
    ]);
    runsAsPrinted(`${examples[0]} --out ${join(work, 'help-run')}`);
    // The second names a batch folder of yours, with at least 18 runs.
    const batch = join(work, 'help-batch');
    expect(sh(`npx regiosim batch synthetic-twelve --runs 18 --out ${batch} --quiet`).code).toBe(0);
    runsAsPrinted(`${examples[1].replace('out/batch', batch)} --out ${join(work, 'help-rerun')}`);

    const listing = sh('npx regiosim scenarios');
    expect(listing.code).toBe(0);
    const templates = printed(listing.out).map((c) => c.replace(/\):$/, ''));
    expect(templates).toEqual(['npx regiosim run <name>', 'npx regiosim batch <name>']);
    const names = listing.out
      .split('\n')
      .filter((l) => /^ {2}\S/.test(l))
      .map((l) => l.trim().split(/\s+/)[0]);
    expect(names).toContain('drenthe-flexteam');
    runsAsPrinted(`${templates[0].replace('<name>', 'drenthe-flexteam')} --out ${join(work, 'list-run')}`);
    runsAsPrinted(
      `${templates[1].replace('<name>', 'rq1-start-size-by-scarcity')} --runs 1 --quiet --out ${join(work, 'list-batch')}`,
    );
  });
});

/** README commands that cannot run here, and why. */
const SKIPPED: Array<[RegExp, string]> = [[/ slurm /, 'needs a SLURM cluster (test/slurm.test.ts runs it on one)']];

describe('every example command of the README works', () => {
  it('runs each npx regiosim line of README.md in order, in a fresh folder, with tiny run counts', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]);
    const lines = blocks
      .flatMap((b) => b.split('\n'))
      .flatMap((l) => l.split('&&'))
      .map((l) => l.replace(/\s+#.*$/, '').trim())
      .filter((l) => l.startsWith('npx regiosim '));
    expect(lines.length).toBeGreaterThanOrEqual(14);
    const dir = mkdtempSync(join(work, 'readme-'));
    const design = writeTinyDesign(dir);
    const calibration = writeTinyCalibration(dir);
    const robust = writeTinyRobustness(dir);
    // The README's scenario example is the file the examples run and validate.
    const yaml = /```yaml\n([\s\S]*?)```/.exec(readme)![1];
    writeFileSync(join(dir, 'my-scenario.yaml'), yaml.replace(/^# yaml-language-server.*\n/, ''));
    let condition = '';
    const ran: string[] = [];
    for (const line of lines) {
      if (SKIPPED.some(([re]) => re.test(` ${line} `))) continue;
      let command = line;
      // Tiny run counts; the shipped exploration is thousands of runs, so a small design stands in.
      if (/ (batch|compare) /.test(command))
        command = /--runs \d+/.test(command) ? command.replace(/--runs \d+/, '--runs 2') : `${command} --runs 2`;
      if (/ explore /.test(command))
        command = command.replace(/explore \S+/, `explore ${/ explore robust/.test(command) ? robust : design}`);
      if (/ calibrate /.test(command)) command = command.replace(/calibrate \S+/, `calibrate ${calibration}`);
      if (/ discover /.test(command) && condition)
        command = command.replace(/--where "[^"]*"/, `--where '${condition}'`);
      // In this folder `npx regiosim` would not find the project: call the same program by its path.
      const r = sh(command.replace(/^npx regiosim/, `node ${BIN}`), dir);
      expect(r.code, `${line}\n${r.text.slice(-2000)}`).toBe(0);
      if (/ explore /.test(command)) condition = /--where '([^']+)'/.exec(r.out)?.[1] ?? '';
      ran.push(line);
    }
    expect(ran.length).toBe(lines.length - lines.filter((l) => SKIPPED.some(([re]) => re.test(` ${l} `))).length);
    expect(existsSync(join(dir, 'out', 'rq1', 'report', 'report.html'))).toBe(true);
  }, 600_000);
});

describe('the docs name no file the project lacks', () => {
  const DOCS = [
    'README.md',
    'scenarios/README.md',
    'reports/README.md',
    'data/README.md',
    ...readdirSync(join(ROOT, 'docs'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => `docs/${f}`),
  ];
  const TOP = ['docs', 'sim', 'scenarios', 'reports', 'workers', 'cli', 'data', 'store', 'bench', 'scripts', 'test'];

  it('links and paths of README.md, docs/, scenarios/README.md and reports/README.md exist', () => {
    const missing: string[] = [];
    for (const doc of DOCS) {
      const text = readFileSync(join(ROOT, doc), 'utf8');
      const base = dirname(join(ROOT, doc));
      text.split('\n').forEach((line, i) => {
        for (const m of line.matchAll(/\]\(([^)\s#]+)(#[^)\s]*)?\)/g)) {
          const target = m[1];
          if (/^[a-z]+:/.test(target)) continue;
          const file = resolve(base, target);
          if (!existsSync(file)) missing.push(`${doc}:${i + 1}: link ${target}`);
          // Anchors into docs/ODD.md that the docs rely on.
          const anchor = m[2]?.slice(1);
          if (
            anchor &&
            ['levers', 'parameters'].includes(anchor) &&
            !readFileSync(file, 'utf8').includes(`<a id="${anchor}"></a>`)
          )
            missing.push(`${doc}:${i + 1}: anchor ${target}#${anchor}`);
        }
        for (const m of line.matchAll(
          new RegExp(`(?<![\\w./-])((?:${TOP.join('|')})/[A-Za-z0-9_./-]*[A-Za-z0-9_])`, 'g'),
        )) {
          const path = m[1];
          const after = line.slice((m.index ?? 0) + path.length);
          if (/^[*<{]/.test(after) || after.startsWith('-*')) continue; // a pattern, not a file
          if (!existsSync(join(ROOT, path)) && !existsSync(resolve(base, path)))
            missing.push(`${doc}:${i + 1}: ${path}`);
        }
      });
    }
    expect(missing).toEqual([]);
  });

  it('mentions the design brief (MODEL.md) only as a document outside the repository', () => {
    for (const doc of DOCS) {
      const text = readFileSync(join(ROOT, doc), 'utf8');
      if (!text.includes('MODEL.md')) continue;
      expect(text, doc).toMatch(
        /MODEL\.md[\s\S]{0,80}not part of this repository|not part of this repository[\s\S]{0,200}MODEL\.md/,
      );
    }
    expect(existsSync(join(ROOT, 'MODEL.md'))).toBe(false);
  });
});
