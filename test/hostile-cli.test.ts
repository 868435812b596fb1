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
    expect(r.code).toBe(2);
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
