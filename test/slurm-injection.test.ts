/**
 * `regiosim slurm` with hostile folder names: the generated scripts are run by bash (the Node binary
 * replaced by a stub that records its arguments, sbatch by a stub on PATH) and nothing may run that
 * was not meant: no marker file, and the commands get the folder exactly as named. The #SBATCH lines
 * are read back with the rules of sbatch's own parser (src/sbatch/opt.c, _get_argument).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sbq, type SlurmJob, slurmScripts } from '../cli/slurm-scripts.js';
import { cli, expectRefused, hashTree, sandbox } from './hostile-helpers.js';

const box = sandbox('slurm');
const scenario = join(box, 'small.yaml');
writeFileSync(scenario, 'name: small\nregion: { res: Drenthe }\nhorizon: 12\n');
const bin = join(box, 'bin');
mkdirSync(bin);
const argsFile = join(box, 'node-args.txt');
const stub = `#!/bin/bash\nprintf '%s\\n' "$@" > ${JSON.stringify(argsFile)}\n`;
for (const name of ['sbatch']) {
  writeFileSync(
    join(bin, name),
    `#!/bin/bash\necho "$*" >> ${JSON.stringify(join(box, 'sbatch.log'))}\necho "42;cluster"\n`,
  );
  chmodSync(join(bin, name), 0o755);
}
// The Node binary the scripts run, at a hostile path too.
const nodeDir = join(box, `it's "node" $(touch MARKER)`);
mkdirSync(nodeDir);
const fakeNode = join(nodeDir, 'node');
writeFileSync(fakeNode, stub);
chmodSync(fakeNode, 0o755);

/** Every file named MARKER or PWNED anywhere in the sandbox (what an injected command would make). */
const markers = () =>
  readdirSync(box, { recursive: true, encoding: 'utf8' }).filter((f) =>
    /^(MARKER|PWNED)$/.test(f.split('/').pop() ?? ''),
  );

function bash(file: string, cwd: string, env: Record<string, string> = {}) {
  return spawnSync('bash', [file], {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      PATH: `${bin}:${process.env.PATH}`,
      SLURM_ARRAY_TASK_ID: '1',
      SLURM_CPUS_PER_TASK: '1',
      ...env,
    },
  });
}

/** The arguments sbatch takes from one #SBATCH line (quotes removed, \ escapes, unquoted # a comment). */
function sbatchArgs(line: string): string[] {
  const out: string[] = [];
  let i = line.indexOf('#SBATCH') + 7;
  while (i < line.length) {
    while (i < line.length && /\s/.test(line[i])) i++;
    if (i >= line.length) break;
    let arg = '';
    let quote = '';
    let escaped = false;
    for (; i < line.length && (quote || !/\s/.test(line[i])); i++) {
      const c = line[i];
      if (escaped) escaped = false;
      else if (c === '\\') {
        escaped = true;
        continue;
      } else if (quote) {
        if (c === quote) {
          quote = '';
          continue;
        }
      } else if (c === '"' || c === "'") {
        quote = c;
        continue;
      } else if (c === '#') return out;
      arg += c;
    }
    if (quote) throw new Error(`unmatched ${quote} in ${line}`);
    out.push(arg);
  }
  return out;
}

const HOSTILE = [
  'with space',
  "it's",
  'say "hi"',
  '$(touch MARKER)',
  '`touch MARKER`',
  'x; touch MARKER #',
  '100% & done | tee MARKER',
  'mix \'"$HOME"\' #not-a-comment',
];

describe('slurm scripts with hostile folder names', () => {
  it.each(HOSTILE)('%s: the scripts run as meant and nothing else runs', (name) => {
    const dir = join(box, name);
    const r = cli(
      ['slurm', scenario, '--runs', '2', '--shards', '2', '--node', fakeNode, '--sbatch=--comment=a b#c', '--out', dir],
      box,
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const shard = readFileSync(join(dir, 'shard.sbatch'), 'utf8');
    // sbatch reads each #SBATCH line as the options meant, the folder as one argument.
    const sbatch = shard
      .split('\n')
      .filter((l) => l.startsWith('#SBATCH'))
      .map(sbatchArgs);
    expect(sbatch).toContainEqual([`--output=${dir.replace(/%/g, '%%')}/logs/shard-%a.%A.out`]);
    expect(sbatch).toContainEqual([`--chdir=${dir}`]);
    expect(sbatch).toContainEqual(['--comment=a b#c']);
    // bash runs the shard: the stub gets the shard folder exactly.
    const run = bash(join(dir, 'shard.sbatch'), box);
    expect(run.status, run.stderr).toBe(0);
    const args = readFileSync(argsFile, 'utf8').split('\n');
    expect(args[1]).toBe('batch');
    expect(args).toContain(scenario);
    expect(args[args.indexOf('--out') + 1]).toBe(join(dir, 'shards', 'shard-1-of-2'));
    const merge = bash(join(dir, 'merge.sbatch'), box);
    expect(merge.status, merge.stderr).toBe(0);
    expect(readFileSync(argsFile, 'utf8').split('\n').slice(1, 5)).toEqual([
      'merge',
      join(dir, 'shards'),
      '--out',
      join(dir, 'merged'),
    ]);
    const submit = bash(join(dir, 'submit.sh'), box);
    expect(submit.status, submit.stderr).toBe(0);
    expect(readFileSync(join(dir, 'jobs.tsv'), 'utf8')).toMatch(/\t42\t42\t1-2\n$/);
    expect(markers()).toEqual([]);
  });

  it.each([
    ['a line break', 'job\ntouch PWNED #', /line break \(U\+000A\)/],
    ['a carriage return', 'job\rtouch PWNED', /carriage return \(U\+000D\)/],
    ['a tab', 'job\ttab', /control character \(U\+0009\)/],
    ['an escape', 'job\u001b[31m', /control character \(U\+001B\)/],
  ])('a folder name with %s is refused before anything is written', (_what, name, message) => {
    const before = hashTree(box);
    const r = cli(['slurm', scenario, '--runs', '2', '--shards', '2', '--out', join(box, name)], box);
    expectRefused(r, message);
    expect(r.code).toBe(2);
    expect(hashTree(box)).toEqual(before);
    expect(existsSync(join(box, name))).toBe(false);
    expect(markers()).toEqual([]);
  });

  it.each([
    ['--node', ['--node', '/usr/bin/node\ntouch PWNED'], /--node .* contains a line break/],
    ['--sbatch', ['--sbatch=--comment=a\ntouch PWNED'], /--sbatch .* is not allowed/],
    ['--partition', ['--partition', 'short\n#SBATCH --uid=0'], /--partition .* is not allowed/],
    ['a scenario path', [], /scenario 1 .* contains a line break/],
  ])('%s with a line break is refused', (what, extra, message) => {
    const ref = what === 'a scenario path' ? join(box, 'odd\nname.yaml') : scenario;
    if (what === 'a scenario path') writeFileSync(ref, 'name: odd\nregion: { res: Drenthe }\nhorizon: 12\n');
    const out = join(box, `job-${what.replace(/\W/g, '')}`);
    const r = cli(['slurm', ref, '--runs', '2', '--shards', '2', ...extra, '--out', out], box);
    expectRefused(r, message);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a working folder with a line break even when --out itself is plain', () => {
    const job = { dir: '/tmp/a\nrm -rf b', node: 'node', regiosim: 'r.js', experiment: 'e', version: '1', refs: [] };
    expect(() => slurmScripts(job as unknown as SlurmJob)).toThrow(/line break/);
  });

  it('quotes for sbatch only what needs it', () => {
    expect(sbq('/plain/path-1.2_x')).toBe('/plain/path-1.2_x');
    expect(sbatchArgs(`#SBATCH --chdir=${sbq('/a b/"c"\\d#e')}`)).toEqual(['--chdir=/a b/"c"\\d#e']);
  });
});
