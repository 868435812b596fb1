/**
 * Hostile paths in scenario and experiment files: whatever a file names must lie in its own folder
 * tree or the shipped library (after links), be a regular file of at most 1 MB of UTF-8 text, and a
 * file that is not a scenario is reported without quoting it. Each case: validate exits non-zero
 * with a located message, no stack trace, nothing of the foreign file echoed, no file changed.
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { cli, expectRefused, hashTree, ROOT, sandbox } from './hostile-helpers.js';

const box = sandbox('paths');
const outside = sandbox('paths-outside');
const SECRET = 'SECRET-LINE-42';
writeFileSync(join(outside, 'secret.yaml'), `${SECRET}\nroot:x:0:0:${SECRET}:/root:/bin/bash\n`);
writeFileSync(join(outside, 'valid.yaml'), 'name: valid\nregion: { res: Drenthe }\n');
writeFileSync(join(box, 'passwd-like'), `root:x:0:0:${SECRET}:/root:/bin/bash\ndaemon:x:1:1:${SECRET}\n`);
writeFileSync(join(box, 'env-like.yaml'), `API_TOKEN: ${SECRET}\nHOME: /root\n`);
writeFileSync(join(box, 'list.yaml'), `- ${SECRET}\n- two\n`);
writeFileSync(join(box, 'big.yaml'), `name: big\ndescription: "${'x'.repeat(1_100_000)}"\n`);
writeFileSync(join(box, 'latin1.yaml'), Buffer.from('name: caf\xe9\nregion: { res: Drenthe }\n', 'latin1'));
writeFileSync(join(box, 'nul.yaml'), `name: a\u0000${SECRET}\n`);
mkdirSync(join(box, 'sub'));
writeFileSync(join(box, 'sub', 'base.yaml'), 'name: base\nregion: { res: Drenthe }\n');
symlinkSync(join(outside, 'valid.yaml'), join(box, 'link-out.yaml'));
symlinkSync(outside, join(box, 'dir-link'));
symlinkSync('/etc', join(box, 'etc-link'));
symlinkSync(join(box, 'loop-a'), join(box, 'loop-b'));
symlinkSync(join(box, 'loop-b'), join(box, 'loop-a'));
spawnSync('mkfifo', [join(box, 'fifo.yaml')]);

const scenario = (ext: string) => `name: s\nextends: ${JSON.stringify(ext)}\n`;
const experiment = (ref: string) => `scenarios: [${JSON.stringify(ref)}]\nbaseline: s\nreplicates: 1\nseed: 1\n`;

type Case = [name: string, file: string, text: string, message: RegExp];
const OUTSIDE =
  /is outside the folder of this file; allowed: a file in .* or its subfolders, or in the shipped library/;
const cases: Case[] = [
  ['extends an absolute path outside', 's1.yaml', scenario(join(outside, 'secret.yaml')), OUTSIDE],
  ['extends /etc/passwd', 's2.yaml', scenario('/etc/passwd'), /s2\.yaml:2:10 extends: "\/etc\/passwd" is outside/],
  ['extends /etc/shadow', 's3.yaml', scenario('/etc/shadow'), OUTSIDE],
  ['extends /proc/self/environ', 's4.yaml', scenario('/proc/self/environ'), OUTSIDE],
  ['extends /dev/zero', 's5.yaml', scenario('/dev/zero'), OUTSIDE],
  ['extends ../ out of the folder', 'sub/s6.yaml', scenario('../../x/secret.yaml'), OUTSIDE],
  ['extends a ../ path back into a sibling', 'sub/s7.yaml', scenario('../passwd-like'), OUTSIDE],
  [
    'extends a link to a file outside',
    's8.yaml',
    scenario('./link-out.yaml'),
    /"\.\/link-out\.yaml" \(a link to .*valid\.yaml\) is outside/,
  ],
  [
    'extends through a linked folder',
    's9.yaml',
    scenario('./dir-link/secret.yaml'),
    /a link to .*secret\.yaml\) is outside/,
  ],
  ['extends through a link to /etc', 's10.yaml', scenario('./etc-link/passwd'), OUTSIDE],
  [
    'extends a FIFO',
    's11.yaml',
    scenario('./fifo.yaml'),
    /fifo\.yaml: is a named pipe \(FIFO\); allowed: a regular file/,
  ],
  ['extends a folder', 's12.yaml', scenario('./sub'), /is a folder; allowed: a regular file|does not exist/],
  ['extends a loop of links', 's13.yaml', scenario('./loop-a'), /loop of symbolic links|outside|does not exist/],
  [
    'extends a file larger than 1 MB',
    's14.yaml',
    scenario('./big.yaml'),
    /big\.yaml: is larger than 1 MB \(1,000,000 bytes\); allowed: a file of at most 1 MB/,
  ],
  [
    'extends a file that is not UTF-8',
    's15.yaml',
    scenario('./latin1.yaml'),
    /latin1\.yaml:1:10: is not valid UTF-8 \(byte 0xe9\); allowed: UTF-8 text/,
  ],
  [
    'extends a file with a NUL byte',
    's16.yaml',
    scenario('./nul.yaml'),
    /nul\.yaml:1:8: contains a control character \(U\+0000\)/,
  ],
  [
    'extends a passwd-like file in the folder',
    's17.yaml',
    scenario('./passwd-like'),
    /passwd-like:1:1: is not a scenario or experiment file: its top level is a single value/,
  ],
  [
    'extends a mapping of foreign keys',
    's18.yaml',
    scenario('./env-like.yaml'),
    /env-like\.yaml:1:1: is not a scenario or experiment file: none of its 2 top-level keys is known/,
  ],
  [
    'extends a list',
    's19.yaml',
    scenario('./list.yaml'),
    /list\.yaml:1:1: is not a scenario or experiment file: its top level is a list/,
  ],
  [
    'an experiment naming /etc/passwd',
    'e1.yaml',
    experiment('/etc/passwd'),
    /e1\.yaml:1:13 scenarios\[0\]: "\/etc\/passwd" is outside/,
  ],
  ['an experiment naming ../ outside', 'sub/e2.yaml', experiment('../passwd-like'), OUTSIDE],
  [
    'an experiment naming a link outside',
    'e3.yaml',
    experiment('./link-out.yaml'),
    /a link to .*valid\.yaml\) is outside/,
  ],
  ['an experiment naming a file in another tree', 'e4.yaml', experiment(join(outside, 'valid.yaml')), OUTSIDE],
  [
    'an experiment naming a FIFO',
    'e5.yaml',
    experiment('./fifo.yaml'),
    /is not a file, a built-in or a library scenario/,
  ],
  [
    'an experiment naming /dev/zero',
    'e6.yaml',
    experiment('/dev/zero'),
    /is not a file, a built-in or a library scenario/,
  ],
];

describe('paths named in files', () => {
  it.each(cases)('%s: refused with the key, the rule and no content', (_name, file, text, message) => {
    writeFileSync(join(box, file), text);
    const before = hashTree(box);
    const r = cli(['validate', join(box, file)], box);
    expectRefused(r, message, [SECRET, 'root:x:0:0', 'daemon:']);
    expect(r.code).toBe(2);
    expect(hashTree(box)).toEqual(before);
  });

  it.each([
    ['/etc/passwd', /passwd:1:1: is not a scenario or experiment file/],
    ['/proc/self/environ', /environ:1:\d+: contains a control character \(U\+0000\)/],
    ['/dev/zero', /"\/dev\/zero" is not a file, a built-in or a library scenario/],
    ['passwd-like', /is not a scenario or experiment file/],
    ['fifo.yaml', /"fifo\.yaml" is not a file, a built-in or a library scenario/],
  ])('validate %s named on the command line: no content echoed', (path, message) => {
    const r = cli(['validate', path], box);
    expectRefused(r, message, [SECRET, 'root:x:0:0', 'PATH=']);
  });

  it('still accepts files in the folder tree and the library', () => {
    writeFileSync(join(box, 'ok.yaml'), scenario('./sub/base.yaml'));
    writeFileSync(join(box, 'lib.yaml'), scenario(join(ROOT, 'scenarios', 'library', 'drenthe-flexteam.yaml')));
    writeFileSync(
      join(box, 'ok-e.yaml'),
      'scenarios: [./ok.yaml, drenthe-none]\nbaseline: s\nreplicates: 1\nseed: 1\n',
    );
    const r = cli(['validate', 'ok.yaml', 'lib.yaml', 'ok-e.yaml'], box);
    expect(r.err + r.out).not.toMatch(/outside/);
    expect(r.code, r.out).toBe(0);
  });
});
