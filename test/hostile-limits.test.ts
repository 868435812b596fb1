/**
 * Hostile sizes and names in scenario and experiment files: alias bombs, deep nesting, huge texts,
 * huge sweeps, inherited property names and cross-field nonsense. Each case: `validate` exits 2 with
 * a located message, no stack trace, within seconds, and no file in the folder changes.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, expectRefused, hashTree, sandbox } from './hostile-helpers.js';

const box = sandbox('limits');
const EXP = 'scenarios: [drenthe-flexteam]\nbaseline: drenthe-flexteam\nreplicates: 1\nseed: 1\n';
const lol = (levels: number) => {
  const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i < levels; i++)
    lines.push(
      `a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(', ')}]`,
    );
  return `${lines.join('\n')}\nregion: { res: Drenthe }\n`;
};

type Case = [name: string, text: string, message: RegExp];
const cases: Case[] = [
  [
    'an alias bomb (billion laughs)',
    lol(9),
    /more than 100000 values \(aliases count once per use\); allowed: at most 100000/,
  ],
  ['a smaller alias bomb', lol(6), /more than 100000 values/],
  [
    '300-deep block nesting',
    `a:\n${Array.from({ length: 300 }, (_, i) => `${' '.repeat(i + 1)}b${i}:`).join('\n')} 1\n`,
    /:\d+:\d+: nesting too deep; allowed: at most 50 levels/,
  ],
  [
    '300-deep flow nesting',
    `a: ${'['.repeat(300)}${']'.repeat(300)}\n`,
    /nesting too deep; allowed: at most 50 levels/,
  ],
  [
    '5000-deep flow nesting',
    `a: ${'['.repeat(5000)}${']'.repeat(5000)}\n`,
    /nesting too deep; allowed: at most 50 levels/,
  ],
  [
    'a 100,000-character name',
    `name: ${'n'.repeat(100_000)}\nregion: { res: Drenthe }\n`,
    /x\.yaml:1:7: a text of 100000 characters; allowed: at most 10000 characters/,
  ],
  [
    'a 500-character name',
    `name: ${'n'.repeat(500)}\nregion: { res: Drenthe }\n`,
    /x\.yaml:1:7 name: "n+\.\.\." \(500 characters\) is too long; allowed: at most 100 characters/,
  ],
  [
    'a 5000-character description',
    `description: ${'d'.repeat(5000)}\nregion: { res: Drenthe }\n`,
    /description: .* is too long; allowed: at most 2000 characters/,
  ],
  ['a 30 MB description', `description: ${'d'.repeat(30_000_000)}\n`, /is larger than 1 MB \(1,000,000 bytes\)/],
  [
    'a 300-character key',
    `${'k'.repeat(300)}: 1\nregion: { res: Drenthe }\n`,
    /x\.yaml:1:1: a key of 300 characters; allowed: at most 200/,
  ],
  ['a list as a key', `? [a, b]\n: 1\nregion: { res: Drenthe }\n`, /a key must be a plain name/],
  [
    'a duplicate key',
    'region: { res: Drenthe }\nregion: { res: Twente }\n',
    /x\.yaml:2:1: invalid YAML: Map keys must be unique/,
  ],
  ['an unresolved alias', 'region: *SECRET\n', /invalid YAML|alias without its anchor/],
  [
    'invalid UTF-8 in a value',
    Buffer.from('name: ok\ndescription: caf\xe9\nregion: { res: Drenthe }\n', 'latin1').toString('binary'),
    /x\.yaml:2:\d+: is not valid UTF-8/,
  ],
  [
    'a sweep of 1000 × 300 points',
    `${EXP}sweeps:\n  supplyRatio: { from: 0.2, to: 1.5, steps: 1000 }\n  maxStaff: { from: 0, to: 299, steps: 300 }\n`,
    /x\.yaml:6:3 sweeps: 1000 supplyRatio × 300 maxStaff = 300000 points; allowed: at most 50000 points/,
  ],
  [
    'a sweep of 1000 × 1000 × 101 points',
    `${EXP}sweeps:\n  supplyRatio: { from: 0.2, to: 1.5, steps: 1000 }\n  sponsorPerYear: { from: 0, to: 999000, steps: 1000 }\n  maxStaff: { from: 0, to: 100, steps: 101 }\n`,
    /= 101000000 points; allowed: at most 50000 points/,
  ],
  [
    'a top-level __proto__ key',
    '__proto__: { a: 1 }\nregion: { res: Drenthe }\n',
    /x\.yaml:1:1 __proto__: "__proto__" is not a known key; allowed: \$schema, name/,
  ],
  [
    'a top-level constructor key',
    'constructor: 1\nregion: { res: Drenthe }\n',
    /constructor: "constructor" is not a known key/,
  ],
  [
    'a lever named __proto__',
    'region: { res: Drenthe }\nlevers: { __proto__: 3 }\n',
    /x\.yaml:2:11 levers\.__proto__: "__proto__" is not a lever; allowed: poolForm/,
  ],
  [
    'a lever named constructor',
    'region: { res: Drenthe }\nlevers: { constructor: 3 }\n',
    /levers\.constructor: "constructor" is not a lever/,
  ],
  [
    'a lever named toString',
    'region: { res: Drenthe }\nlevers: { toString: x }\n',
    /levers\.toString: "toString" is not a lever/,
  ],
  [
    'a parameter named hasOwnProperty',
    'region: { res: Drenthe }\nuncertainties: { hasOwnProperty: 1 }\n',
    /uncertainties\.hasOwnProperty: "hasOwnProperty" is not a parameter/,
  ],
  [
    'a parameter named __proto__',
    'region: { res: Drenthe }\nuncertainties: { __proto__: 1 }\n',
    /uncertainties\.__proto__: "__proto__" is not a parameter/,
  ],
  [
    'a sweep named constructor',
    `${EXP}sweeps: { constructor: [1, 2] }\n`,
    /sweeps\.constructor: "constructor" is not a sweepable lever or parameter/,
  ],
  [
    'a sweep named __proto__',
    `${EXP}sweeps: { __proto__: [1, 2] }\n`,
    /sweeps\.__proto__: "__proto__" is not a sweepable lever or parameter/,
  ],
  ['a sweep named toString', `${EXP}sweeps: { toString: [1, 2] }\n`, /sweeps\.toString: "toString" is not a sweepable/],
  [
    'a policy lever named constructor',
    `${EXP}design: { method: latinHypercube, samples: 4, uncertainties: [supplyRatio] }\npolicies: [{ name: p, levers: { constructor: 1 } }]\n`,
    /policies\[0\]\.levers\.constructor: "constructor" is not a lever/,
  ],
  [
    'a design factor named __proto__',
    `${EXP}design: { method: latinHypercube, samples: 4, uncertainties: { __proto__: {} } }\n`,
    /design\.uncertainties\.__proto__: "__proto__" is not a sampleable parameter/,
  ],
  ['a region named __proto__', 'region: { res: __proto__ }\n', /region\.res: "__proto__" is not a RES region/],
  [
    'a founder named constructor',
    'region: { res: Drenthe }\nlevers: { founders: [constructor] }\n',
    /levers\.founders\[0\]: "constructor" is not a municipality of the region/,
  ],
  [
    'more founders than municipalities',
    'region: { res: Drenthe }\nlevers: { founderCount: 13 }\n',
    /x\.yaml:2:25 levers\.founderCount: 13 founders is more than the 12 municipalities of the region \(Drenthe\); allowed: 1 to 12/,
  ],
  [
    'founders beyond the non-refusers',
    'region: { municipalities: [Assen, Emmen] }\nrefusers: [Assen]\nlevers: { founderCount: 2 }\n',
    /founderCount: 2 founders is more than the 1 municipalities that are not refusers/,
  ],
  [
    'initialStaff above maxStaff',
    'region: { res: Drenthe }\nlevers: { initialStaff: 40, maxStaff: 10 }\n',
    /levers\.initialStaff: 40 initial staff is above levers\.maxStaff 10, the most pool staff; allowed: 0 to 10/,
  ],
  [
    'a pool formed after the horizon',
    'region: { res: Drenthe }\nlevers: { formationMonth: 30 }\nhorizon: 24\n',
    /levers\.formationMonth: month 30 is not within the 24-month horizon.*allowed: 0 to 23/,
  ],
  [
    'a sweep making too many founders',
    `${EXP.replaceAll('drenthe-flexteam', 'drenthe-start-small')}sweeps: { founderCount: [3, 20] }\n`,
    /point drenthe-start-small\|founderCount=20: levers\.founderCount: 20 founders is more than the 12/,
  ],
  [
    'a sweep putting initialStaff above maxStaff',
    `${EXP}sweeps: { initialStaff: [4, 80] }\n`,
    /initialStaff=80: levers\.initialStaff: 80 initial staff is above levers\.maxStaff/,
  ],
  [
    '100,000 nested flow lists (the parser would abort the process)',
    `a: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`,
    /x\.yaml:1:54: nesting too deep; allowed: at most 50 levels/,
  ],
  [
    '100,000 nested flow mappings',
    `a: ${'{b: '.repeat(100_000)}1${'}'.repeat(100_000)}\n`,
    /x\.yaml:1:\d+: nesting too deep; allowed: at most 50 levels/,
  ],
  [
    '200,000 nested JSON arrays',
    `{"a": ${'['.repeat(200_000)}${']'.repeat(200_000)}}`,
    /x\.yaml:1:56: nesting too deep/,
  ],
  [
    'deep nesting behind quoted closing brackets',
    `a: "]]]]]]]]]]"\nb: '}}}}}}'\nc: ${'[ "]", '.repeat(60_000)}${']'.repeat(60_000)}\n`,
    /x\.yaml:3:\d+: nesting too deep/,
  ],
  [
    'a default founder count beyond a one-municipality region, located at the region',
    'region: { municipalities: [Assen] }\n',
    /x\.yaml:1:9 levers\.founderCount: 3 founders is more than the 1 municipalities .* \(levers\.founderCount is not set in the file: 3 is its default\)/,
  ],
  [
    'a default initialStaff above a small maxStaff, located at maxStaff',
    'region: { res: Drenthe }\nlevers: { maxStaff: 2 }\n',
    /x\.yaml:2:21 levers\.initialStaff: 4 initial staff is above levers\.maxStaff 2.*\(levers\.initialStaff is not set in the file: 4 is its default\)/,
  ],
  [
    'refusers leaving fewer municipalities than the default founders, located at refusers',
    'region: { municipalities: [Assen, Emmen, Meppel] }\nrefusers: [Assen]\n',
    /x\.yaml:2:11 levers\.founderCount: 3 founders is more than the 2 municipalities that are not refusers/,
  ],
];

describe('limits, names and cross-field checks', () => {
  it.each(cases)('%s', (_name, text, message) => {
    const file = join(box, 'x.yaml');
    writeFileSync(file, text, text.includes('\xe9') ? 'latin1' : 'utf8');
    const before = hashTree(box);
    const started = Date.now();
    const r = cli(['validate', 'x.yaml'], box);
    expectRefused(r, message, ['SECRET']);
    expect(r.code).toBe(2);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(hashTree(box)).toEqual(before);
  });
});
