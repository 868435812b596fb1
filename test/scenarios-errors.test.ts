/**
 * Bad scenario and experiment files, one per row, with the exact lines `regiosim validate` prints:
 * file:line:column, field path, the bad value and what is allowed (with "did you mean").
 */
import { describe, expect, it } from 'vitest';
import { ScenarioError, loadScenarioFile } from '../scenarios/load.js';
import { LEVER_NAMES } from '../sim/levers.js';
import { data, problems, writeFiles } from './scenarios-fixtures.js';

const RES_NAMES = data.resRegions.map((r) => r.name).join(', ');
const PROVINCES = [...new Map(data.municipalities.map((m) => [m.provinceCode, m.provinceName])).values()].join(', ');
const DRENTHE = data.resRegions
  .find((r) => r.code === 'ES03')
  ?.memberCodes.map((c) => data.municipalities.find((m) => m.code === c)?.name)
  .join(', ');
const LEVERS = LEVER_NAMES.join(', ');
const REGION_FORMS =
  '"national" or {res: RES code or name} or {province: code or name} or {municipalities: [codes or names]} or {synthetic: {municipalities, sizes, seed}}';
const TOP_KEYS =
  '$schema, name, description, questions, extends, region, levers, uncertainties, horizon, history, refusers';

interface Row {
  name: string;
  files: Record<string, string>;
  /** The file to validate; default x.yaml. */
  check?: string;
  expected: string[];
}

const scenarioRows: Row[] = [
  {
    name: 'a word where a whole number belongs',
    files: { 'x.yaml': 'region: { res: Drenthe }\nlevers: { initialStaff: four }\n' },
    expected: [
      'x.yaml:2:25 levers.initialStaff: "four" is not a whole number; allowed: 0 to 100 staff (whole numbers)',
    ],
  },
  {
    name: 'a number out of the registry range, with its unit',
    files: { 'x.yaml': 'region: { res: Drenthe }\nuncertainties:\n  supplyRatio: 2\n' },
    expected: ['x.yaml:3:16 uncertainties.supplyRatio: 2 is out of range; allowed: 0.2 to 1.6 ratio'],
  },
  {
    name: 'a fraction for a whole-number lever',
    files: { 'x.yaml': 'region: { res: Drenthe }\nlevers:\n  founderCount: 2.5\n' },
    expected: [
      'x.yaml:3:17 levers.founderCount: 2.5 is not a whole number; allowed: 1 to 60 municipalities (whole numbers)',
    ],
  },
  {
    name: 'a misspelt choice',
    files: { 'x.yaml': 'region: { res: Drenthe }\nlevers:\n  governance: centralPsh\n' },
    expected: [
      'x.yaml:3:15 levers.governance: "centralPsh" is not allowed; allowed: demandPull, centralPush (did you mean "centralPush"?)',
    ],
  },
  {
    name: 'yes for a boolean (YAML 1.2 reads it as text)',
    files: { 'x.yaml': 'region: { res: Drenthe }\nlevers:\n  talkItOut: yes\n' },
    expected: ['x.yaml:3:14 levers.talkItOut: "yes" is not a boolean; allowed: true, false'],
  },
  {
    name: 'a role that does not exist, in a list',
    files: { 'x.yaml': 'region: { res: Drenthe }\nlevers:\n  poolRoles: [specialist, procces]\n' },
    expected: [
      'x.yaml:3:27 levers.poolRoles[1]: "procces" is not allowed; allowed: specialist, local, process (did you mean "process"?)',
    ],
  },
  {
    name: 'an unknown top-level key',
    files: { 'x.yaml': 'region: { res: Drenthe }\nlevres: {}\n' },
    expected: [`x.yaml:2:1 levres: "levres" is not a known key; allowed: ${TOP_KEYS} (did you mean "levers"?)`],
  },
  {
    name: 'an unknown lever',
    files: { 'x.yaml': 'region: { res: Drenthe }\nlevers:\n  initialStaf: 4\n' },
    expected: [
      `x.yaml:3:3 levers.initialStaf: "initialStaf" is not a lever; allowed: ${LEVERS} (did you mean "initialStaff"?)`,
    ],
  },
  {
    name: 'an unknown parameter',
    files: { 'x.yaml': 'region: { res: Drenthe }\nuncertainties:\n  suplyRatio: 0.3\n' },
    expected: [
      expect.stringMatching(
        /^x\.yaml:3:3 uncertainties\.suplyRatio: "suplyRatio" is not a parameter; allowed: scarcity or one of the \d+ parameter names of sim\/parameters\.ts \(the ODD parameter table lists them\) \(did you mean "supplyRatio"\?\)$/,
      ),
    ] as unknown as string[],
  },
  {
    name: 'an unknown scarcity level',
    files: { 'x.yaml': 'region: { res: Drenthe }\nuncertainties: { scarcity: severe }\n' },
    expected: ['x.yaml:2:28 uncertainties.scarcity: "severe" is not allowed; allowed: low, medium, high, extreme'],
  },
  {
    name: 'scarcity and supplyRatio in one file',
    files: { 'x.yaml': 'region: { res: Drenthe }\nuncertainties:\n  scarcity: high\n  supplyRatio: 0.5\n' },
    expected: [
      'x.yaml:4:3 uncertainties.supplyRatio: "supplyRatio" conflicts with uncertainties.scarcity: scarcity names a supplyRatio; allowed: one of scarcity or supplyRatio',
    ],
  },
  {
    name: 'a misspelt RES region',
    files: { 'x.yaml': 'region: { res: Drente }\n' },
    expected: [`x.yaml:1:16 region.res: "Drente" is not a RES region; allowed: ${RES_NAMES} (did you mean "Drenthe"?)`],
  },
  {
    name: 'a misspelt province',
    files: { 'x.yaml': 'region: { province: Overijsel }\n' },
    expected: [
      `x.yaml:1:21 region.province: "Overijsel" is not a province; allowed: ${PROVINCES} (did you mean "Overijssel"?)`,
    ],
  },
  {
    name: 'a misspelt municipality in an explicit region',
    files: { 'x.yaml': 'region:\n  municipalities: [Dordrecht, Zwijndrect]\n' },
    expected: [
      'x.yaml:2:31 region.municipalities[1]: "Zwijndrect" is not a municipality; allowed: a CBS code (GM0505) or municipality name (did you mean "Zwijndrecht"?)',
    ],
  },
  {
    name: 'an empty region',
    files: { 'x.yaml': 'region: { municipalities: [] }\n' },
    expected: [
      'x.yaml:1:27 region.municipalities: [] has 0 items; allowed: a list of CBS codes (GM0505) or municipality names (at least 1)',
    ],
  },
  {
    name: 'no region in the file or the files it extends',
    files: { 'x.yaml': 'levers: { poolForm: none }\n' },
    expected: [`x.yaml:1:1 region: is missing (in this file and the files it extends); allowed: ${REGION_FORMS}`],
  },
  {
    name: 'a region written in two forms at once',
    files: { 'x.yaml': 'region: { res: Drenthe, province: Drenthe }\n' },
    expected: [
      `x.yaml:1:9 region: {"res":"Drenthe","province":"Drenthe"} mixes several forms (res, province); allowed: exactly one of ${REGION_FORMS}`,
    ],
  },
  {
    name: 'a region name where a form is needed',
    files: { 'x.yaml': 'region: Drenthe\n' },
    expected: [`x.yaml:1:9 region: "Drenthe" is not allowed; allowed: ${REGION_FORMS}`],
  },
  {
    name: 'a synthetic size distribution without a count',
    files: {
      'x.yaml': 'region:\n  synthetic: { sizes: { distribution: lognormal, median: 30000, sigma: 0.8 }, seed: 1 }\n',
    },
    expected: [
      'x.yaml:2:14 region.synthetic.municipalities: is missing; allowed: 1 to 400 municipalities (needed with a size distribution)',
    ],
  },
  {
    name: 'a synthetic count that does not match the sizes listed',
    files: { 'y.yaml': 'region:\n  synthetic: { municipalities: 3, sizes: [10000, 20000], seed: 1 }\n' },
    check: 'y.yaml',
    expected: [
      'y.yaml:2:32 region.synthetic.municipalities: 3 does not match the 2 sizes listed; allowed: 2, or leave it out',
    ],
  },
  {
    name: 'history: an unknown municipality, and the same one on both sides',
    files: {
      'x.yaml':
        'region: { res: Drenthe }\nhistory:\n  - { a: Asen, b: Emmen, value: 0.5 }\n  - { a: Emmen, b: GM0114, value: 0.5 }\n',
    },
    expected: [
      `x.yaml:3:10 history[0].a: "Asen" is not a municipality of the region; allowed: ${DRENTHE} (did you mean "Assen"?)`,
      'x.yaml:4:20 history[1].b: GM0114 is the same municipality as a; allowed: two different municipalities',
    ],
  },
  {
    name: 'history value out of range',
    files: { 'y.yaml': 'region: { res: Drenthe }\nhistory:\n  - { a: Assen, b: Emmen, value: 1.5 }\n' },
    check: 'y.yaml',
    expected: ['y.yaml:3:34 history[0].value: 1.5 is out of range; allowed: -1 to 1 history'],
  },
  {
    name: 'a refuser outside the region, one listed twice by code and name, a founder who refuses',
    files: {
      'x.yaml':
        'region: { res: Drenthe }\nlevers: { founders: [Assen] }\nrefusers: [Groningen, Emmen, GM0114, GM0106]\n',
    },
    expected: [
      `x.yaml:3:12 refusers[0]: "Groningen" is not a municipality of the region; allowed: ${DRENTHE}`,
      'x.yaml:3:30 refusers[2]: GM0114 is listed twice (by code and name); allowed: each municipality once',
      'x.yaml:3:38 refusers[3]: Assen (GM0106) is also a founder (levers.founders); allowed: a municipality that is not a founder',
    ],
  },
  {
    name: 'a horizon of zero months',
    files: { 'x.yaml': 'region: { res: Drenthe }\nhorizon: 0\n' },
    expected: ['x.yaml:2:10 horizon: 0 is out of range; allowed: 1 to 1200 months (whole numbers)'],
  },
  {
    name: 'a horizon in fractions of a month',
    files: { 'x.yaml': 'region: { res: Drenthe }\nhorizon: 24.5\n' },
    expected: ['x.yaml:2:10 horizon: 24.5 is not a whole number; allowed: 1 to 1200 months (whole numbers)'],
  },
  {
    name: 'a horizon that ends before it starts',
    files: { 'x.yaml': 'region: { res: Drenthe }\nhorizon: { startYear: 2030, endYear: 2026 }\n' },
    expected: ['x.yaml:2:38 horizon.endYear: 2026 is before startYear 2030; allowed: 2030 to 2129'],
  },
  {
    name: 'a name that cannot be part of a point id',
    files: { 'x.yaml': 'name: a|b\nregion: national\n' },
    expected: [
      'x.yaml:1:7 name: "a|b" is not allowed; allowed: letters, digits, ".", "_" and "-", starting with a letter or digit',
    ],
  },
  {
    name: 'a list instead of a mapping',
    files: { 'x.yaml': '- region\n- levers\n' },
    expected: [
      `x.yaml:1:1: is not a scenario or experiment file: its top level is a list; allowed: a mapping with keys ${TOP_KEYS}`,
    ],
  },
  {
    name: 'an empty file',
    files: { 'x.yaml': '# nothing yet\n' },
    expected: [`x.yaml:1:1: is empty; allowed: a mapping with keys ${TOP_KEYS}`],
  },
  {
    name: 'invalid YAML: an unclosed flow mapping',
    files: { 'x.yaml': 'region: { res: Drenthe\nlevers: {}\n' },
    expected: [expect.stringMatching(/^x\.yaml:\d+:\d+: invalid YAML: .+/)] as unknown as string[],
  },
  {
    name: 'invalid YAML: a key given twice',
    files: { 'x.yaml': 'region: national\nregion: { res: Drenthe }\n' },
    expected: ['x.yaml:2:1: invalid YAML: Map keys must be unique'],
  },
  {
    name: 'a file that does not exist',
    files: {},
    check: 'missing.yaml',
    expected: [
      expect.stringMatching(
        /^missing\.yaml: "missing\.yaml" is not a file, a built-in or a library scenario; allowed: .+/,
      ),
    ] as unknown as string[],
  },
  {
    name: 'several problems at once, in line order',
    files: {
      'x.yaml':
        'region: { res: Drenthe }\nlevers:\n  poolForm: pool\n  initialStaff: -1\nuncertainties:\n  supplyRatio: 0.1\n',
    },
    expected: [
      'x.yaml:3:13 levers.poolForm: "pool" is not allowed; allowed: none, light, flexpool, esc',
      'x.yaml:4:17 levers.initialStaff: -1 is out of range; allowed: 0 to 100 staff (whole numbers)',
      'x.yaml:6:16 uncertainties.supplyRatio: 0.1 is out of range; allowed: 0.2 to 1.6 ratio',
    ],
  },
  {
    name: 'the model’s own cross-check, placed at the line of the value',
    files: {
      'x.yaml': 'region: { res: Drenthe }\nuncertainties:\n  entrantShareSpecialist: 0.6\n  entrantShareLocal: 0.45\n',
    },
    expected: [
      'x.yaml:3:27 uncertainties.entrantShareSpecialist: 0.6 is not allowed; allowed: entrantShareSpecialist + entrantShareLocal must be below 1 (the rest are process staff)',
    ],
  },
];

const extendsRows: Row[] = [
  {
    name: 'a cycle in extends, with the chain',
    files: { 'a.yaml': 'extends: ./b.yaml\n', 'b.yaml': 'extends: a.yaml\nregion: national\n' },
    check: 'a.yaml',
    expected: [
      expect.stringMatching(
        /^b\.yaml:1:10 extends: "a\.yaml" makes a cycle: (.*\/)?a\.yaml -> (.*\/)?b\.yaml -> (.*\/)?a\.yaml; allowed: a chain of files that ends in a file without extends$/,
      ),
    ] as unknown as string[],
  },
  {
    name: 'a file that extends itself',
    files: { 'a.yaml': 'extends: a.yaml\nregion: national\n' },
    check: 'a.yaml',
    expected: [
      expect.stringMatching(/^a\.yaml:1:10 extends: "a\.yaml" makes a cycle: (.*\/)?a\.yaml -> (.*\/)?a\.yaml;/),
    ] as unknown as string[],
  },
  {
    name: 'extends naming a missing file, with a suggestion',
    files: { 'base.yaml': 'region: national\n', 'x.yaml': 'extends: ./bsae.yaml\n' },
    expected: [
      expect.stringMatching(
        /^x\.yaml:1:10 extends: "\.\/bsae\.yaml" does not exist \(.*bsae\.yaml\); allowed: a scenario file path relative to this file \(did you mean "\.\/base\.yaml"\?\)$/,
      ),
    ] as unknown as string[],
  },
  {
    name: 'a problem in the file extended is reported at its own line',
    files: { 'base.yaml': 'region: { res: Drenthe }\nlevers:\n  scope: hea\n', 'x.yaml': 'extends: base.yaml\n' },
    expected: ['base.yaml:3:10 levers.scope: "hea" is not allowed; allowed: heat, multi (did you mean "heat"?)'],
  },
  {
    name: 'extending an experiment file',
    files: {
      'e.yaml': 'scenarios: [default]\nbaseline: default\nreplicates: 1\nseed: 1\n',
      'x.yaml': 'extends: e.yaml\n',
    },
    expected: [
      expect.stringMatching(/^e\.yaml:1:1: is an experiment file; allowed here: a scenario file/),
    ] as unknown as string[],
  },
];

const SCENARIO = 'region: { res: Drenthe }\n';
const experimentRows: Row[] = [
  {
    name: 'a baseline that is not one of the scenarios',
    files: { 's.yaml': SCENARIO, 'e.yaml': 'scenarios: [s.yaml]\nbaseline: other-one\nreplicates: 2\nseed: 1\n' },
    check: 'e.yaml',
    expected: ['e.yaml:2:11 baseline: "other-one" is not one of the scenarios; allowed: s'],
  },
  {
    name: 'a misspelt baseline',
    files: {
      'start-small.yaml': SCENARIO,
      'e.yaml': 'scenarios: [start-small.yaml, default]\nbaseline: start-smal\nreplicates: 2\nseed: 1\n',
    },
    check: 'e.yaml',
    expected: [
      'e.yaml:2:11 baseline: "start-smal" is not one of the scenarios; allowed: start-small, drenthe-flexpool-high-scarcity (did you mean "start-small"?)',
    ],
  },
  {
    name: 'a misspelt baseline next to a scenario that does not load: both reported',
    files: {
      'e.yaml':
        'scenarios: [drenthe-flexteam, drenthe-central-pusj]\nbaseline: drenthe-flextaem\nreplicates: 2\nseed: 1\n',
    },
    check: 'e.yaml',
    expected: [
      'e.yaml:1:31 scenarios[1]: "drenthe-central-pusj" is not a file, a built-in or a library scenario; allowed: a built-in (default, national), a path to a scenario file, or a library name (regiosim scenarios lists them) (did you mean "drenthe-central-push"?)',
      'e.yaml:2:11 baseline: "drenthe-flextaem" is not one of the scenarios; allowed: drenthe-flexteam, drenthe-central-pusj (did you mean "drenthe-flexteam"?)',
    ],
  },
  {
    name: 'missing replicates and seed',
    files: { 'e.yaml': 'scenarios: [default]\nbaseline: default\n' },
    check: 'e.yaml',
    expected: [
      'e.yaml:1:1 replicates: is missing; allowed: 1 to 10000 runs per point (whole numbers)',
      'e.yaml:1:1 seed: is missing; allowed: 0 to 2147483647 (whole numbers)',
    ],
  },
  {
    name: 'an unknown scenario reference, with a suggestion',
    files: { 'e.yaml': 'scenarios: [defualt]\nbaseline: default\nreplicates: 2\nseed: 1\n' },
    check: 'e.yaml',
    expected: [
      'e.yaml:1:13 scenarios[0]: "defualt" is not a file, a built-in or a library scenario; allowed: a built-in (default, national), a path to a scenario file, or a library name (regiosim scenarios lists them) (did you mean "default"?)',
    ],
  },
  {
    name: 'two scenarios with the same name',
    files: {
      'a/s.yaml': SCENARIO,
      'b/s.yaml': SCENARIO,
      'e.yaml': 'scenarios: [a/s.yaml, b/s.yaml]\nbaseline: s\nreplicates: 2\nseed: 1\n',
    },
    check: 'e.yaml',
    expected: [
      'e.yaml:1:23 scenarios[1]: has the same name "s" as scenarios[0] ("a/s.yaml"); allowed: scenarios with distinct names (set name: in one of the files)',
    ],
  },
  {
    name: 'a sweep of an unknown parameter, with a suggestion',
    files: {
      'e.yaml': 'scenarios: [default]\nbaseline: default\nreplicates: 2\nseed: 1\nsweeps:\n  supplyRatoi: [0.3]\n',
    },
    check: 'e.yaml',
    expected: [
      expect.stringMatching(
        /^e\.yaml:6:3 sweeps\.supplyRatoi: "supplyRatoi" is not a sweepable lever or parameter; allowed: scarcity, a lever other than founders, or one of the \d+ parameter names .* \(did you mean "supplyRatio"\?\)$/,
      ),
    ] as unknown as string[],
  },
  {
    name: 'a sweep value out of range',
    files: {
      'e.yaml': 'scenarios: [default]\nbaseline: default\nreplicates: 2\nseed: 1\nsweeps:\n  supplyRatio: [0.3, 1.7]\n',
    },
    check: 'e.yaml',
    expected: ['e.yaml:6:22 sweeps.supplyRatio[1]: 1.7 is out of range; allowed: 0.2 to 1.6 ratio'],
  },
  {
    name: 'a range that gives fractions for a whole-number lever',
    files: {
      'e.yaml':
        'scenarios: [default]\nbaseline: default\nreplicates: 2\nseed: 1\nsweeps:\n  initialStaff: { from: 2, to: 10, steps: 4 }\n',
    },
    check: 'e.yaml',
    expected: [
      'e.yaml:6:17 sweeps.initialStaff: from 2 to 10 in 4 steps gives 4.66666666667, but initialStaff takes whole numbers; allowed: steps 2, 3, 5, 9',
    ],
  },
  {
    name: 'a range with equal ends',
    files: {
      'e.yaml':
        'scenarios: [default]\nbaseline: default\nreplicates: 2\nseed: 1\nsweeps:\n  supplyRatio: { from: 0.5, to: 0.5, steps: 3 }\n',
    },
    check: 'e.yaml',
    expected: [
      'e.yaml:6:16 sweeps.supplyRatio: from and to are both 0.5; allowed: two different ends (or a list of one value)',
    ],
  },
  {
    name: 'a range with one step and an unknown key',
    files: {
      'e.yaml':
        'scenarios: [default]\nbaseline: default\nreplicates: 2\nseed: 1\nsweeps:\n  supplyRatio: { from: 0.3, to: 0.9, steps: 1, by: 0.1 }\n',
    },
    check: 'e.yaml',
    expected: [
      'e.yaml:6:45 sweeps.supplyRatio.steps: 1 is out of range; allowed: 2 to 1000 values (whole numbers)',
      'e.yaml:6:48 sweeps.supplyRatio.by: "by" is not a known key; allowed: from, to, steps',
    ],
  },
  {
    name: 'sweeps of both scarcity and supplyRatio',
    files: {
      'e.yaml':
        'scenarios: [default]\nbaseline: default\nreplicates: 2\nseed: 1\nsweeps:\n  scarcity: [low]\n  supplyRatio: [0.5]\n',
    },
    check: 'e.yaml',
    expected: [
      'e.yaml:7:3 sweeps.supplyRatio: "supplyRatio" conflicts with sweeps.scarcity: scarcity names a supplyRatio; allowed: a sweep of one of them',
    ],
  },
  {
    name: 'sweeping founders (names depend on the region)',
    files: {
      'e.yaml': 'scenarios: [default]\nbaseline: default\nreplicates: 2\nseed: 1\nsweeps:\n  founders: [[Assen]]\n',
    },
    check: 'e.yaml',
    expected: [
      expect.stringMatching(
        /^e\.yaml:6:3 sweeps\.founders: "founders" is not a sweepable lever or parameter; allowed: scarcity, a lever other than founders,/,
      ),
    ] as unknown as string[],
  },
  {
    name: 'a sweep point that breaks the model’s cross-check',
    files: {
      'e.yaml':
        'scenarios: [default]\nbaseline: default\nreplicates: 2\nseed: 1\nsweeps:\n  entrantShareSpecialist: [0.4, 0.6]\n  entrantShareLocal: [0.45]\n',
    },
    check: 'e.yaml',
    expected: [
      'e.yaml:6:27 sweeps: point drenthe-flexpool-high-scarcity|entrantShareSpecialist=0.6|entrantShareLocal=0.45: parameters.entrantShareSpecialist: 0.6 is not allowed; allowed: entrantShareSpecialist + entrantShareLocal must be below 1 (the rest are process staff)',
    ],
  },
  {
    name: 'a problem in a listed scenario is reported in that file',
    files: {
      's.yaml': 'region: { res: Drenthe }\nlevers: { allocation: smallfirst }\n',
      'e.yaml': 'scenarios: [s.yaml]\nbaseline: s\nreplicates: 2\nseed: 1\n',
    },
    check: 'e.yaml',
    expected: [
      's.yaml:2:23 levers.allocation: "smallfirst" is not allowed; allowed: fcfs, proportional, smallFirst (did you mean "smallFirst"?)',
    ],
  },
];

describe('bad scenario files: exact messages', () => {
  it.each(scenarioRows)('$name', ({ files, check, expected }) => {
    expect(problems(writeFiles(files), check ?? 'x.yaml')).toEqual(expected);
  });
});

describe('bad extends chains: exact messages', () => {
  it.each(extendsRows)('$name', ({ files, check, expected }) => {
    expect(problems(writeFiles(files), check ?? 'x.yaml')).toEqual(expected);
  });
});

describe('bad experiment files: exact messages', () => {
  it.each(experimentRows)('$name', ({ files, check, expected }) => {
    expect(problems(writeFiles(files), check ?? 'e.yaml')).toEqual(expected);
  });
});

describe('message shape', () => {
  it('every problem line names file:line:column, the field path, the value and what is allowed', () => {
    for (const row of [...scenarioRows, ...experimentRows]) {
      const dir = writeFiles(row.files);
      const lines = problems(dir, row.check ?? (row.files['e.yaml'] ? 'e.yaml' : 'x.yaml'));
      for (const line of lines) {
        if (line.includes('invalid YAML') || line.startsWith('missing.yaml')) continue;
        expect(line, row.name).toMatch(/^[\w./-]+\.yaml:\d+:\d+(:| [\w$.[\]]+:) .*allowed: /);
      }
    }
  });

  it('loading an invalid file throws one ScenarioError listing every problem, and nothing is built', () => {
    const dir = writeFiles({ 'x.yaml': 'region: { res: Drente }\nlevers: { poolForm: pool }\n' });
    let error: unknown;
    try {
      loadScenarioFile(`${dir}/x.yaml`, data);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    const issues = (error as ScenarioError).issues;
    expect(issues.map((i) => [i.line, i.column, i.path, i.value])).toEqual([
      [1, 16, 'region.res', 'Drente'],
      [2, 21, 'levers.poolForm', 'pool'],
    ]);
    expect((error as ScenarioError).message.split('\n')).toHaveLength(2);
  });
});
