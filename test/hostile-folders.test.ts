/**
 * Hostile output folders, as a careless or hostile user (or a folder from a download) makes them:
 * folders of another kind of output, files and folders of the user's where regiosim would write,
 * a live writer's lock, system folders that take no new folders (/proc: Node's recursive mkdir never
 * returns there), and files inside a folder that are a FIFO, a link to /dev/zero or to a secret,
 * a folder, or one endless line. Every writing command is tried: run, batch, explore, compare,
 * report, sensitivity, discover, merge and slurm. Each case: a non-zero exit with the located plain
 * message, no stack trace, nothing of the secret echoed, within the time limit, and every file in
 * the sandbox as it was (hashes before and after).
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, cli, expectRefused, hashTree, sandbox } from './hostile-helpers.js';

const box = sandbox('folders');
const outside = sandbox('folders-outside');
const SECRET = 'SECRET-TOKEN-7731';
const secret = join(outside, 'secret.txt');
writeFileSync(secret, `root:x:0:0:${SECRET}:/root:/bin/bash\n`);

const ok = (args: string[]) => {
  const r = cli(args, box);
  expect(r.code, `${args.join(' ')}\n${r.out}\n${r.err}`).toBe(0);
};

beforeAll(() => {
  writeFileSync(join(box, 'short.yaml'), 'name: short\nregion: { res: Drenthe }\nhorizon: 12\n');
  writeFileSync(join(box, 'short5.yaml'), 'name: short5\nregion: { res: Drenthe }\nhorizon: 60\n');
  writeFileSync(
    join(box, 'ex.yaml'),
    'name: ex\nscenarios: [./short5.yaml]\nbaseline: short5\nreplicates: 1\nseed: 1\ndesign: { method: morris, trajectories: 4, levels: 4, seed: 3, uncertainties: { supplyRatio: {}, joinConstant: {} } }\n',
  );
  ok(['batch', 'short.yaml', '--runs', '4', '--threads', '1', '--quiet', '--out', 'b']);
  ok(['run', 'short.yaml', '--out', 'r']);
  ok(['explore', 'ex.yaml', '--threads', '1', '--quiet', '--out', 'e']);
  ok(['sensitivity', 'e', '--resamples', '20', '--quiet']);
  ok(['discover', 'e', '--where', 'progress2030 > 0.15', '--quiet']);
  ok(['report', 'b', '--map-runs', '0', '--quiet', '--out', 'rep']);
  ok(['slurm', 'short.yaml', '--shards', '2', '--runs', '4', '--out', 'sl']);
  for (const i of [1, 2])
    ok(['batch', 'short.yaml', '--runs', '4', '--shard', `${i}/2`, '--threads', '1', '--quiet', '--out', `sh/s${i}`]);
}, 180_000);

/** A copy of one of the folders made above, under a new name. */
function copy(from: string, to: string): string {
  rmSync(join(box, to), { recursive: true, force: true });
  cpSync(join(box, from), join(box, to), { recursive: true });
  return to;
}
/** Replaces `file` in `dir` by a FIFO, a link, a folder or a file with `text`. */
function sabotage(dir: string, file: string, how: 'fifo' | 'zero' | 'secret' | 'folder' | { text: string }): void {
  const path = join(box, dir, file);
  rmSync(path, { recursive: true, force: true });
  if (how === 'fifo') spawnSync('mkfifo', [path]);
  else if (how === 'zero') symlinkSync('/dev/zero', path);
  else if (how === 'secret') symlinkSync(secret, path);
  else if (how === 'folder') mkdirSync(path);
  else writeFileSync(path, how.text);
}
/** A lock of a live regiosim process (this test's) in `dir` (or at `file`). */
function lock(path: string): void {
  writeFileSync(
    join(box, path),
    JSON.stringify({ pid: process.pid, host: hostname(), command: 'batch', startedAt: '2026-12-01T00:00:00Z' }),
  );
}
function userFile(path: string, text = 'my own notes\n'): void {
  mkdirSync(join(box, path, '..'), { recursive: true });
  writeFileSync(join(box, path), text);
}

/** The arguments, after the preparations given with them have run (they are evaluated first). */
const given = (args: string[], ..._done: unknown[]): string[] => args;

type Case = [name: string, prepare: () => string[], message: RegExp, code: number];

const KIND = (what: string) => new RegExp(`holds ${what}[^;]*; it cannot take`);
const NOT_OURS = (file: string) => new RegExp(`${file} exists and was not (written|made) by regiosim`);
const LOCKED =
  /is being written by regiosim batch \(PID \d+ on .*, since 2026-12-01T00:00:00Z\): wait for it to finish/;
const PROC =
  /cannot create the folder \/proc\/x: \/proc takes no new folders \(a system folder such as \/proc\); choose another output folder/;
const FIFO = (file: string) => new RegExp(`${file}: is a named pipe \\(FIFO\\); allowed: a regular file`);
const DEVICE = (file: string) => new RegExp(`${file}: is a device; allowed: a regular file`);
const NOT_JSON = (file: string) => new RegExp(`${file}: is not valid JSON`);

const folderKinds: Case[] = [
  [
    'slurm --out a batch folder',
    () => ['slurm', 'short.yaml', '--shards', '2', '--runs', '2', '--out', 'b'],
    KIND('a batch \\(regiosim batch\\)'),
    2,
  ],
  [
    'slurm --out a run folder',
    () => ['slurm', 'short.yaml', '--shards', '2', '--runs', '2', '--out', 'r'],
    KIND('the output of regiosim run'),
    2,
  ],
  [
    'slurm --out a report folder',
    () => ['slurm', 'short.yaml', '--shards', '2', '--runs', '2', '--out', 'rep'],
    KIND('a report'),
    2,
  ],
  [
    "slurm --out a folder with the user's submit.sh",
    () =>
      given(
        ['slurm', 'short.yaml', '--shards', '2', '--runs', '2', '--out', 'u-slurm1'],
        userFile('u-slurm1/submit.sh', '#!/bin/sh\necho mine\n'),
      ),
    NOT_OURS('u-slurm1/submit.sh'),
    2,
  ],
  [
    "slurm --out a folder with the user's logs/ folder",
    () =>
      given(
        ['slurm', 'short.yaml', '--shards', '2', '--runs', '2', '--out', 'u-slurm2'],
        userFile('u-slurm2/logs/mine.txt'),
      ),
    NOT_OURS('u-slurm2/logs/'),
    2,
  ],
  [
    'slurm --out an existing job folder',
    () => ['slurm', 'short.yaml', '--shards', '2', '--runs', '2', '--out', 'sl'],
    /sl already holds a SLURM job \(job\.json\)/,
    2,
  ],
  [
    'run --out a SLURM job folder',
    () => ['run', 'short.yaml', '--out', 'sl'],
    KIND('a SLURM job folder \\(regiosim slurm\\)'),
    2,
  ],
  [
    'batch --out a SLURM job folder',
    () => ['batch', 'short.yaml', '--runs', '1', '--out', 'sl'],
    KIND('a SLURM job folder'),
    2,
  ],
  ['explore --out a SLURM job folder', () => ['explore', 'ex.yaml', '--out', 'sl'], KIND('a SLURM job folder'), 2],
  [
    'batch --out a sensitivity folder',
    () => ['batch', 'short.yaml', '--runs', '1', '--out', 'e/sensitivity'],
    KIND('a sensitivity analysis'),
    2,
  ],
  [
    'compare --out a discovery folder',
    () => ['compare', 'short.yaml', 'default', '--runs', '1', '--out', 'e/discover'],
    KIND('a scenario discovery'),
    2,
  ],
  ['sensitivity --out a batch folder', () => ['sensitivity', 'e', '--quiet', '--out', 'b'], KIND('a batch'), 2],
  [
    'sensitivity --out a run folder',
    () => ['sensitivity', 'e', '--quiet', '--out', 'r'],
    KIND('the output of regiosim run'),
    2,
  ],
  [
    'sensitivity --out a discovery folder',
    () => ['sensitivity', 'e', '--quiet', '--out', 'e/discover'],
    KIND('a scenario discovery'),
    2,
  ],
  [
    'sensitivity --out the explore folder itself',
    () => ['sensitivity', 'e', '--quiet', '--out', 'e'],
    KIND('an exploration'),
    2,
  ],
  [
    "sensitivity --out a folder with the user's tables/morris.csv",
    () => given(['sensitivity', 'e', '--quiet', '--out', 'u-sens'], userFile('u-sens/tables/morris.csv', 'a,b\n1,2\n')),
    NOT_OURS('u-sens/tables/morris\\.csv'),
    2,
  ],
  [
    'discover --out a report folder',
    () => ['discover', 'e', '--where', 'progress2030 > 0.15', '--quiet', '--out', 'rep'],
    KIND('a report'),
    2,
  ],
  [
    'discover --out a sensitivity folder',
    () => ['discover', 'e', '--where', 'progress2030 > 0.15', '--quiet', '--out', 'e/sensitivity'],
    KIND('a sensitivity analysis'),
    2,
  ],
  [
    "discover --out a folder with the user's discover.json",
    () =>
      given(
        ['discover', 'e', '--where', 'progress2030 > 0.15', '--quiet', '--out', 'u-disc'],
        userFile('u-disc/discover.json', '{"mine": true}\n'),
      ),
    NOT_OURS('u-disc/discover\\.json'),
    2,
  ],
  [
    'report --out a sensitivity folder',
    () => ['report', 'b', '--map-runs', '0', '--quiet', '--out', 'e/sensitivity'],
    KIND('a sensitivity analysis'),
    2,
  ],
  [
    'report --out a SLURM job folder',
    () => ['report', 'b', '--map-runs', '0', '--quiet', '--out', 'sl'],
    KIND('a SLURM job folder'),
    2,
  ],
  [
    "report --out a folder with the user's chart of the same name",
    () =>
      given(
        ['report', 'b', '--map-runs', '0', '--quiet', '--out', 'u-rep'],
        userFile('u-rep/charts/pool-survival.png', 'not a chart\n'),
      ),
    NOT_OURS('u-rep/charts/pool-survival\\.png'),
    2,
  ],
  [
    'slurm --resubmit a batch folder',
    () => ['slurm', '--resubmit', 'b'],
    /b is not a regiosim slurm job folder \(no job\.json\)/,
    2,
  ],
];

const locks: Case[] = [
  [
    'run into a folder being written',
    () => given(['run', 'short.yaml', '--out', 'lk-run'], copy('r', 'lk-run'), lock('lk-run/.regiosim-lock')),
    LOCKED,
    2,
  ],
  [
    'batch --resume while another writer holds the lock',
    () =>
      given(
        ['batch', 'short.yaml', '--runs', '4', '--threads', '1', '--resume', '--out', 'lk-batch'],
        copy('b', 'lk-batch'),
        lock('lk-batch/.regiosim-lock'),
      ),
    LOCKED,
    2,
  ],
  [
    'explore --resume while another writer holds the lock',
    () =>
      given(
        ['explore', 'ex.yaml', '--resume', '--out', 'lk-explore'],
        copy('e', 'lk-explore'),
        lock('lk-explore/.regiosim-lock'),
      ),
    LOCKED,
    2,
  ],
  [
    'report into a report folder being written',
    () =>
      given(
        ['report', 'b', '--map-runs', '0', '--quiet', '--out', 'lk-rep'],
        copy('rep', 'lk-rep'),
        lock('lk-rep/.regiosim-lock'),
      ),
    LOCKED,
    2,
  ],
  [
    'sensitivity into a folder being written',
    () =>
      given(
        ['sensitivity', 'e', '--quiet', '--out', 'lk-sens'],
        copy('e/sensitivity', 'lk-sens'),
        lock('lk-sens/.regiosim-lock'),
      ),
    LOCKED,
    2,
  ],
  [
    'discover into a folder being written',
    () =>
      given(
        ['discover', 'e', '--where', 'progress2030 > 0.15', '--quiet', '--out', 'lk-disc'],
        copy('e/discover', 'lk-disc'),
        lock('lk-disc/.regiosim-lock'),
      ),
    LOCKED,
    2,
  ],
  [
    'slurm into a folder being written',
    () =>
      given(
        ['slurm', 'short.yaml', '--shards', '2', '--runs', '2', '--out', 'lk-slurm'],
        mkdirSync(join(box, 'lk-slurm')),
        lock('lk-slurm/.regiosim-lock'),
      ),
    LOCKED,
    2,
  ],
  [
    'merge into a folder another merge is writing',
    () => given(['merge', 'sh', '--out', 'lk-merged'], lock('.lk-merged.regiosim-lock')),
    LOCKED,
    2,
  ],
];

const systemFolders: Case[] = [
  ['run --out /proc/x', () => ['run', 'short.yaml', '--out', '/proc/x'], PROC, 2],
  [
    'run --out /proc/self/x/y',
    () => ['run', 'short.yaml', '--out', '/proc/self/x/y'],
    /cannot create the folder \/proc\/self\/x: \/proc\/self takes no new folders/,
    2,
  ],
  ['batch --out /proc/x', () => ['batch', 'short.yaml', '--runs', '1', '--out', '/proc/x'], PROC, 2],
  ['explore --out /proc/x', () => ['explore', 'ex.yaml', '--out', '/proc/x'], PROC, 2],
  ['compare --out /proc/x', () => ['compare', 'short.yaml', 'default', '--runs', '1', '--out', '/proc/x'], PROC, 2],
  ['report --out /proc/x', () => ['report', 'b', '--map-runs', '0', '--quiet', '--out', '/proc/x'], PROC, 2],
  ['sensitivity --out /proc/x', () => ['sensitivity', 'e', '--quiet', '--out', '/proc/x'], PROC, 2],
  [
    'discover --out /proc/x',
    () => ['discover', 'e', '--where', 'progress2030 > 0.15', '--quiet', '--out', '/proc/x'],
    PROC,
    2,
  ],
  ['slurm --out /proc/x', () => ['slurm', 'short.yaml', '--shards', '2', '--runs', '2', '--out', '/proc/x'], PROC, 2],
  ['merge --out /proc/x', () => ['merge', 'sh', '--out', '/proc/x'], PROC, 2],
  [
    'run --out under /dev/null',
    () => ['run', 'short.yaml', '--out', '/dev/null/x'],
    /creating \/dev\/null\/x: a part of the path is a file, not a folder \(ENOTDIR\)/,
    2,
  ],
  [
    'run --out /sys/x',
    () => ['run', 'short.yaml', '--out', '/sys/x'],
    /creating \/sys\/x: (operation not permitted|permission denied)/,
    2,
  ],
  [
    'batch --out /sys/x',
    () => ['batch', 'short.yaml', '--runs', '1', '--out', '/sys/x'],
    /creating \/sys\/x: (operation not permitted|permission denied)/,
    1,
  ],
];

const folderFiles: Case[] = [
  [
    'report: manifest.json is a FIFO',
    () =>
      given(
        ['report', 'ff1', '--quiet', '--out', 'ff1-rep'],
        copy('b', 'ff1'),
        sabotage('ff1', 'manifest.json', 'fifo'),
      ),
    FIFO('ff1/manifest\\.json'),
    2,
  ],
  [
    'report: manifest.json is a link to a secret',
    () =>
      given(
        ['report', 'ff2', '--quiet', '--out', 'ff2-rep'],
        copy('b', 'ff2'),
        sabotage('ff2', 'manifest.json', 'secret'),
      ),
    NOT_JSON('ff2/manifest\\.json'),
    2,
  ],
  [
    'report: manifest.json is a folder',
    () =>
      given(
        ['report', 'ff3', '--quiet', '--out', 'ff3-rep'],
        copy('b', 'ff3'),
        sabotage('ff3', 'manifest.json', 'folder'),
      ),
    /ff3\/manifest\.json: is a folder; allowed: a regular file/,
    2,
  ],
  [
    'report: runs.csv is a link to /dev/zero',
    () =>
      given(['report', 'ff4', '--quiet', '--out', 'ff4-rep'], copy('b', 'ff4'), sabotage('ff4', 'runs.csv', 'zero')),
    DEVICE('ff4/runs\\.csv'),
    2,
  ],
  [
    'report: runs.csv is a FIFO',
    () =>
      given(['report', 'ff5', '--quiet', '--out', 'ff5-rep'], copy('b', 'ff5'), sabotage('ff5', 'runs.csv', 'fifo')),
    FIFO('ff5/runs\\.csv'),
    2,
  ],
  [
    'report: series.csv is a link to /dev/zero',
    () =>
      given(['report', 'ff6', '--quiet', '--out', 'ff6-rep'], copy('b', 'ff6'), sabotage('ff6', 'series.csv', 'zero')),
    DEVICE('ff6/series\\.csv'),
    2,
  ],
  [
    'report: runs.csv is one endless line',
    () =>
      given(
        ['report', 'ff7', '--quiet', '--out', 'ff7-rep'],
        copy('b', 'ff7'),
        sabotage('ff7', 'runs.csv', { text: 'x'.repeat(17 * 1024 * 1024) }),
      ),
    /ff7\/runs\.csv: a line longer than 16,777,216 bytes at byte 0/,
    2,
  ],
  [
    'batch --resume: runs.csv is a link to /dev/zero',
    () =>
      given(
        ['batch', 'short.yaml', '--runs', '4', '--resume', '--quiet', '--out', 'ff8'],
        copy('b', 'ff8'),
        sabotage('ff8', 'runs.csv', 'zero'),
      ),
    /ff8\/runs\.csv is a symbolic link; allowed: the regular file/,
    2,
  ],
  [
    'batch --resume: manifest.json is a FIFO',
    () =>
      given(
        ['batch', 'short.yaml', '--runs', '4', '--resume', '--quiet', '--out', 'ff9'],
        copy('b', 'ff9'),
        sabotage('ff9', 'manifest.json', 'fifo'),
      ),
    FIFO('ff9/manifest\\.json'),
    2,
  ],
  [
    'batch --resume: manifest.json is a link to a secret',
    () =>
      given(
        ['batch', 'short.yaml', '--runs', '4', '--resume', '--quiet', '--out', 'ff10'],
        copy('b', 'ff10'),
        sabotage('ff10', 'manifest.json', 'secret'),
      ),
    NOT_JSON('ff10/manifest\\.json'),
    2,
  ],
  [
    'batch --resume: series.csv is a FIFO',
    () =>
      given(
        ['batch', 'short.yaml', '--runs', '4', '--resume', '--quiet', '--out', 'ff11'],
        copy('b', 'ff11'),
        sabotage('ff11', 'series.csv', 'fifo'),
      ),
    FIFO('ff11/series\\.csv'),
    2,
  ],
  [
    "batch --resume: runs.csv is a link to another batch's runs.csv (it would be cut and appended to)",
    () => {
      copy('b', 'ff21');
      copy('b', 'ff21-victim');
      const victim = join(box, 'ff21-victim', 'runs.csv');
      writeFileSync(victim, readFileSync(victim, 'utf8').split('\n').slice(0, 3).join('\n')); // a cut batch
      rmSync(join(box, 'ff21', 'runs.csv'));
      symlinkSync(victim, join(box, 'ff21', 'runs.csv'));
      return ['batch', 'short.yaml', '--runs', '4', '--resume', '--quiet', '--out', 'ff21'];
    },
    /ff21\/runs\.csv is a symbolic link; allowed: the regular file the batch wrote/,
    2,
  ],
  [
    'merge: a shard manifest is a FIFO',
    () =>
      given(
        ['merge', 'ff12', '--out', 'ff12-merged'],
        copy('sh', 'ff12'),
        sabotage(join('ff12', 's1'), 'manifest.json', 'fifo'),
      ),
    FIFO('ff12/s1/manifest\\.json'),
    2,
  ],
  [
    "merge: a shard's runs.csv is a link to /dev/zero",
    () =>
      given(
        ['merge', 'ff13', '--out', 'ff13-merged'],
        copy('sh', 'ff13'),
        sabotage(join('ff13', 's2'), 'runs.csv', 'zero'),
      ),
    DEVICE('ff13/s2/runs\\.csv'),
    2,
  ],
  [
    'merge: a shard manifest is a link to a secret',
    () =>
      given(
        ['merge', 'ff14', '--out', 'ff14-merged'],
        copy('sh', 'ff14'),
        sabotage(join('ff14', 's1'), 'manifest.json', 'secret'),
      ),
    NOT_JSON('ff14/s1/manifest\\.json'),
    2,
  ],
  [
    'sensitivity: design.json is a FIFO',
    () => given(['sensitivity', 'ff15', '--quiet'], copy('e', 'ff15'), sabotage('ff15', 'design.json', 'fifo')),
    FIFO('ff15/design\\.json'),
    2,
  ],
  [
    'sensitivity: design.json is a link to a secret',
    () => given(['sensitivity', 'ff16', '--quiet'], copy('e', 'ff16'), sabotage('ff16', 'design.json', 'secret')),
    NOT_JSON('ff16/design\\.json'),
    2,
  ],
  [
    'discover: runs.csv is a link to /dev/zero',
    () =>
      given(
        ['discover', 'ff17', '--where', 'progress2030 > 0.15', '--quiet'],
        copy('e', 'ff17'),
        sabotage('ff17', 'runs.csv', 'zero'),
      ),
    DEVICE('ff17/runs\\.csv'),
    2,
  ],
  [
    'slurm --status: job.json is a FIFO',
    () => given(['slurm', '--status', 'ff18'], copy('sl', 'ff18'), sabotage('ff18', 'job.json', 'fifo')),
    FIFO('ff18/job\\.json'),
    2,
  ],
  [
    'slurm --status: job.json is a link to a secret',
    () => given(['slurm', '--status', 'ff19'], copy('sl', 'ff19'), sabotage('ff19', 'job.json', 'secret')),
    NOT_JSON('ff19/job\\.json'),
    2,
  ],
  [
    'explore --resume: design.json is a link to a secret',
    () =>
      given(
        ['explore', 'ex.yaml', '--resume', '--quiet', '--out', 'ff20'],
        copy('e', 'ff20'),
        sabotage('ff20', 'design.json', 'secret'),
      ),
    /ff20 already holds another design \(design\.json differs\)/,
    2,
  ],
];

const resumeNothing: Case[] = [
  [
    'batch --resume of a folder that does not exist',
    () => ['batch', 'short.yaml', '--resume', '--out', 'typo'],
    /typo: no such folder, so there is no batch there to resume; start it without --resume/,
    2,
  ],
  [
    'explore --resume of a folder that does not exist',
    () => ['explore', 'ex.yaml', '--resume', '--out', 'typo2'],
    /typo2: no such folder, so there is no batch there to resume/,
    2,
  ],
  [
    'explore a missing file',
    () => ['explore', 'missing.yaml', '--out', 'x1'],
    /<arguments> scenario: "missing\.yaml" is not a file/,
    2,
  ],
  [
    'explore a broken file',
    () => given(['explore', 'broken.yaml', '--out', 'x2'], userFile('broken.yaml', 'scenarios: [a\n')),
    /broken\.yaml:2:1: invalid YAML: Flow sequence/,
    2,
  ],
];

const all: Array<[string, Case[]]> = [
  ['output folders of another kind or the user', folderKinds],
  ['one writer at a time', locks],
  ['system folders', systemFolders],
  ['files in output folders', folderFiles],
  ['nothing to resume', resumeNothing],
];

describe.each(all)('%s', (_class, cases) => {
  it.each(cases)('%s', (_name, prepare, message, code) => {
    const args = prepare();
    const before = hashTree(box);
    const r = cli(args, box);
    expectRefused(r, message, [SECRET, 'root:x:0:0']);
    expect(r.code, r.err).toBe(code);
    expect(hashTree(box)).toEqual(before);
    // A refused writer leaves no folder behind for a new --out.
    const out = args[args.indexOf('--out') + 1];
    if (args.includes('--out') && /^(typo|x\d|ff\d+-)/.test(out)) expect(existsSync(join(box, out))).toBe(false);
  });
});

describe('folders that end well', () => {
  it('a batch stopped before its first run starts over, with or without --resume, byte-identical', () => {
    const reference = readFileSync(join(box, 'b', 'runs.csv'), 'utf8');
    for (const [dir, resume] of [
      ['un1', false],
      ['un2', true],
    ] as const) {
      copy('b', dir);
      rmSync(join(box, dir, 'manifest.json'));
      writeFileSync(join(box, dir, 'runs.csv'), reference.slice(0, reference.indexOf('\n') + 1));
      const r = cli(
        [
          'batch',
          'short.yaml',
          '--runs',
          '4',
          '--threads',
          '1',
          '--quiet',
          '--out',
          dir,
          ...(resume ? ['--resume'] : []),
        ],
        box,
      );
      expect(r.code, r.err).toBe(0);
      expect(r.out).toMatch(
        /had stopped before its first run \(no manifest\.json, no run in runs\.csv\): started it from the beginning/,
      );
      expect(readFileSync(join(box, dir, 'runs.csv'), 'utf8')).toBe(reference);
      expect(readFileSync(join(box, dir, 'series.csv'))).toEqual(readFileSync(join(box, 'b', 'series.csv')));
    }
  });

  it('two --resume at once over a stale lock: exactly one takes it over, the batch ends byte-identical', async () => {
    const dir = copy('b', 'race');
    const reference = readFileSync(join(box, 'b', 'runs.csv'), 'utf8');
    const lines = reference.split('\n');
    writeFileSync(join(box, dir, 'runs.csv'), `${lines.slice(0, 2).join('\n')}\n`); // one run done
    const dead = Number(
      spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout,
    );
    writeFileSync(
      join(box, dir, '.regiosim-lock'),
      JSON.stringify({ pid: dead, host: hostname(), command: 'batch', startedAt: '2026-01-01T00:00:00Z' }),
    );
    const resume = () =>
      new Promise<{ code: number | null; out: string; err: string }>((done) => {
        const p = spawn(
          process.execPath,
          [CLI, 'batch', 'short.yaml', '--runs', '4', '--threads', '1', '--quiet', '--resume', '--out', dir],
          {
            cwd: box,
          },
        );
        let out = '';
        let err = '';
        p.stdout.on('data', (d) => (out += d));
        p.stderr.on('data', (d) => (err += d));
        p.on('close', (code) => done({ code, out, err }));
      });
    const results = await Promise.all([resume(), resume()]);
    const codes = results.map((r) => r.code).sort();
    // Either both ran one after the other (the second found nothing left to do) or one was refused.
    const refused = results.filter((r) => r.code === 2);
    for (const r of refused) expect(r.err).toMatch(/is being written by regiosim batch --resume \(PID \d+/);
    expect(codes[0]).toBe(0);
    expect(results.filter((r) => /took over the stale lock/.test(r.out))).toHaveLength(1);
    expect(readFileSync(join(box, dir, 'runs.csv'), 'utf8')).toBe(reference);
    expect(readFileSync(join(box, dir, 'series.csv'))).toEqual(readFileSync(join(box, 'b', 'series.csv')));
    expect(existsSync(join(box, dir, '.regiosim-lock'))).toBe(false);
  });
});
