/**
 * Hostile command lines: every user error ends in a plain message and a non-zero exit, never a
 * stack trace (--debug shows one), and leaves what was there untouched.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, expectRefused, hashTree, sandbox } from './hostile-helpers.js';

const box = sandbox('cli');
writeFileSync(join(box, 'a-file'), 'not a folder\n');
mkdirSync(join(box, 'earlier'));
writeFileSync(join(box, 'earlier', 'README.md'), 'a user file\n');

type Case = [name: string, args: string[], message: RegExp];
const cases: Case[] = [
  [
    'run --seed 1.5',
    ['run', '--seed', '1.5', '--out', 'o'],
    /^regiosim: --seed: 1\.5 is not allowed; allowed: a whole number from 0 to 2147483647$/m,
  ],
  ['run --seed -1', ['run', '--seed', '-1', '--out', 'o'], /--seed: -1 is not allowed/],
  ['run --seed abc', ['run', '--seed', 'abc', '--out', 'o'], /--seed: not a number is not allowed/],
  ['run --seed 1e300', ['run', '--seed', '1e300', '--out', 'o'], /--seed: 1e\+300 is not allowed/],
  [
    'run --seed given twice',
    ['run', '--seed', '1', '--seed', '2', '--out', 'o'],
    /--seed: given 2 times; allowed: once/,
  ],
  [
    'run --out a file',
    ['run', '--out', 'a-file'],
    /--out: a-file is a file, not a folder; allowed: a new or existing folder/,
  ],
  ["run --out ''", ['run', '--out', ''], /--out: is empty; allowed: a folder path/],
  [
    'run --out under a file',
    ['run', '--out', 'a-file/x'],
    /regiosim run: creating a-file\/x: a part of the path is a file, not a folder/,
  ],
  ['run --out with a line break', ['run', '--out', 'o\nx'], /--out: the folder name contains a line break \(U\+000A\)/],
  [
    'batch --runs 0',
    ['batch', 'default', '--runs', '0', '--out', 'b'],
    /--runs: 0 is not allowed; allowed: a whole number from 1 to 10000/,
  ],
  ['batch --runs 1e9', ['batch', 'default', '--runs', '1000000000', '--out', 'b'], /--runs: 1000000000 is not allowed/],
  ['batch --threads 0', ['batch', 'default', '--threads', '0', '--out', 'b'], /--threads: 0 is not allowed/],
  ['batch --threads 2.5', ['batch', 'default', '--threads', '2.5', '--out', 'b'], /--threads: 2\.5 is not allowed/],
  ['batch --chunk -3', ['batch', 'default', '--chunk', '-3', '--out', 'b'], /--chunk: -3 is not allowed/],
  [
    'compare --seed NaN',
    ['compare', 'default', 'national', '--seed', 'NaN', '--out', 'c'],
    /--seed: not a number is not allowed/,
  ],
  ['slurm --cpus 0', ['slurm', 'default', '--shards', '2', '--cpus', '0', '--out', 's'], /--cpus: 0 is not allowed/],
  // Checks of a command's own options: plain usage errors (they were "internal error", exit 1).
  [
    'report --map-runs -1',
    ['report', 'b', '--map-runs', '-1'],
    /--map-runs: -1 is not allowed; allowed: a whole number ≥ 0/,
  ],
  [
    'sensitivity --resamples 1e9',
    ['sensitivity', 'b', '--resamples', '1000000000'],
    /--resamples: 1000000000 is not allowed; allowed: a whole number from 2 to 100000/,
  ],
  ['sensitivity --resamples 1', ['sensitivity', 'b', '--resamples', '1'], /--resamples: 1 is not allowed/],
  [
    'discover --peel-alpha 5',
    ['discover', 'b', '--where', 'poolSurvived == 0', '--peel-alpha', '5'],
    /--peel-alpha: 5 is not allowed; allowed: a number between 0 and 1/,
  ],
  ['discover --box -1', ['discover', 'b', '--where', 'poolSurvived == 0', '--box', '-1'], /--box: -1 is not allowed/],
  ['discover --where twice', ['discover', 'b', '--where', 'a > 1', '--where', 'b > 1'], /--where: give it once/],
  [
    'batch --shard 3/2',
    ['batch', 'default', '--shard', '3/2', '--out', 'b'],
    /--shard 3\/2 is not allowed; allowed: i\/n/,
  ],
  [
    'batch --run-timeout -1',
    ['batch', 'default', '--run-timeout', '-1', '--out', 'b'],
    /--run-timeout: -1 is not allowed/,
  ],
  [
    'explore --run-timeout abc',
    ['explore', 'x.yaml', '--run-timeout', 'abc', '--out', 'b'],
    /--run-timeout: NaN is not allowed/,
  ],
  [
    'compare --runs 1.5',
    ['compare', 'default', 'national', '--runs', '1.5', '--out', 'c'],
    /--runs: 1\.5 is not allowed/,
  ],
  [
    'slurm --status with --resubmit',
    ['slurm', '--status', 'a', '--resubmit', 'b'],
    /give --status or --resubmit, not both/,
  ],
  [
    'validate a 300-deep file',
    ['validate', 'deep.yaml'],
    /deep\.yaml:\d+:\d+: nesting too deep; allowed: at most 50 levels/,
  ],
  [
    'run a scenario outside the rules',
    ['run', 'bad.yaml', '--out', 'o'],
    /regiosim: invalid scenario\n {2}bad\.yaml:2:10 extends: "\/etc\/passwd" is outside/,
  ],
];

describe('command lines', () => {
  writeFileSync(
    join(box, 'deep.yaml'),
    `a:\n${Array.from({ length: 300 }, (_, i) => `${' '.repeat(i + 1)}b${i}:`).join('\n')} 1\n`,
  );
  writeFileSync(join(box, 'bad.yaml'), 'name: s\nextends: /etc/passwd\n');

  it.each(cases)('%s: a plain message, exit 2, nothing changed', (_name, args, message) => {
    const before = hashTree(box);
    const r = cli(args, box);
    expectRefused(r, message, ['root:x:0:0']);
    expect(r.code, r.err).toBe(2);
    expect(hashTree(box)).toEqual(before);
  });

  it('--debug adds the stack trace', () => {
    const r = cli(['run', '--seed', '1.5', '--debug'], box);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--seed: 1.5 is not allowed/);
    expect(r.err).toMatch(/\n\s+at .+:\d+:\d+/);
  });

  it('--threads above the cores is capped with a warning, and the batch runs', () => {
    const r = cli(['batch', 'default', '--runs', '1', '--threads', '1000', '--quiet', '--out', 'capped'], box);
    expect(r.err).toMatch(/--threads 1000 is more than the \d+ cores of this machine; using \d+/);
    expect(r.code).toBe(0);
  });
});
