/**
 * Experiment files with a design: block: good files expand to the design points (XLRM: policies
 * crossed with sampled futures, for every scenario), bad ones give the exact lines `regiosim
 * validate` prints, and the sample (design.csv) is reproducible from the seed.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SAMPLEABLE_LEVERS, SAMPLEABLE_PARAMETERS } from '../scenarios/design-schema.js';
import { designPointId, drawDesign, explorationOf } from '../scenarios/design-build.js';
import { DESIGN_CSV, readDesignFile, writeDesignFiles } from '../scenarios/design-files.js';
import { designToCsv, factorsFromRegistry, latinHypercube, saltelli } from '../scenarios/designs/index.js';
import { loadExperimentFile } from '../scenarios/load.js';
import { libraryDir } from '../scenarios/refs.js';
import { data, problems, writeFiles } from './scenarios-fixtures.js';

const HEAD = 'scenarios: [base.yaml, big.yaml]\nbaseline: base\nreplicates: 2\nseed: 5\n';
const BASE = {
  'base.yaml': 'name: base\nregion: { res: Drenthe }\nlevers: { startMode: small, initialStaff: 4 }\nhorizon: 24\n',
  'big.yaml': 'name: big\nextends: base.yaml\nlevers: { startMode: big }\n',
};

function experiment(text: string) {
  const dir = writeFiles({ ...BASE, 'e.yaml': HEAD + text });
  return { dir, plan: () => loadExperimentFile(join(dir, 'e.yaml'), data), problems: () => problems(dir, 'e.yaml') };
}

const made: string[] = [];
afterAll(() => {
  for (const d of made) rmSync(d, { recursive: true, force: true });
});

describe('a design block crossed with policies (XLRM)', () => {
  const e = experiment(
    [
      'design:',
      '  method: latinHypercube',
      '  samples: 5',
      '  seed: 11',
      '  uncertainties:',
      '    supplyRatio: { min: 0.35, max: 1.3 }',
      '    crisisPerMonth: {}',
      '  levers: [governance]',
      'policies:',
      '  - name: no-sponsor',
      '    levers: { sponsorPerYear: 0, sponsorYears: 0 }',
      '  - name: long-sponsor',
      '    description: ten years',
      '    levers: { sponsorYears: 10 }',
      '',
    ].join('\n'),
  );

  it('validates', () => {
    expect(e.problems()).toEqual([]);
  });

  it('has one point per scenario × policy × future, policy-major, with the sampled values as its sweep', () => {
    const plan = e.plan();
    expect(plan.points).toHaveLength(2 * 2 * 5);
    expect(plan.points.slice(0, 6).map((p) => p.id)).toEqual([
      'base|no-sponsor|future-0',
      'base|no-sponsor|future-1',
      'base|no-sponsor|future-2',
      'base|no-sponsor|future-3',
      'base|no-sponsor|future-4',
      'base|long-sponsor|future-0',
    ]);
    expect(plan.points[10].id).toBe('big|no-sponsor|future-0');
    const exploration = explorationOf(plan);
    expect(exploration).toBeDefined();
    const rows = exploration?.design.rows ?? [];
    for (const p of plan.points) {
      const [scenario, policy, future] = p.id.split('|');
      const row = rows[Number(future.slice('future-'.length))];
      expect(p.scenario).toBe(scenario);
      expect(p.sweep).toEqual({ policy, ...row });
      // Futures (uncertainties) are parameters; sampled and policy levers are levers; the scenario's own levers stay.
      expect(p.input.parameters.supplyRatio).toBe(row.supplyRatio);
      expect(p.input.parameters.crisisPerMonth).toBe(row.crisisPerMonth);
      expect(p.input.levers.governance).toBe(row.governance);
      expect(p.input.levers.sponsorYears).toBe(policy === 'no-sponsor' ? 0 : 10);
      expect(p.input.levers.sponsorPerYear).toBe(policy === 'no-sponsor' ? 0 : 584255);
      expect(p.input.levers.startMode).toBe(scenario === 'big' ? 'big' : 'small');
      expect(p.input.horizonMonths).toBe(24);
    }
    // Every policy meets the same futures: the futures do not depend on the policy or the scenario.
    const futureOf = (id: string) => plan.points.find((p) => p.id === id)?.sweep.supplyRatio;
    expect(futureOf('base|no-sponsor|future-3')).toBe(futureOf('big|long-sponsor|future-3'));
    expect(exploration?.policies).toEqual([
      { name: 'no-sponsor', description: '', levers: { sponsorPerYear: 0, sponsorYears: 0 } },
      { name: 'long-sponsor', description: 'ten years', levers: { sponsorYears: 10 } },
    ]);
    expect(exploration?.factors.map((f) => [f.name, f.kind, f.role, f.min ?? f.values])).toEqual([
      ['supplyRatio', 'real', 'uncertainty', 0.35],
      ['crisisPerMonth', 'real', 'uncertainty', 0.005],
      ['governance', 'choice', 'lever', ['demandPull', 'centralPush']],
    ]);
  });

  it('draws the same sample as the core sampler with the same seed (reproducible)', () => {
    const exploration = explorationOf(e.plan());
    const factors = factorsFromRegistry(['supplyRatio', 'crisisPerMonth', 'governance'], {
      supplyRatio: { min: 0.35, max: 1.3 },
    });
    expect(exploration?.design).toEqual(latinHypercube(factors, { samples: 5, seed: 11 }));
    // Another seed, another sample.
    const other = drawDesign({ method: 'latinHypercube', options: { samples: 5 }, seed: 12, factors });
    expect(other.rows).not.toEqual(exploration?.design.rows);
  });

  it('writes design.csv and design.json that reproduce from the seed, and refuses another design in the folder', () => {
    const exploration = explorationOf(e.plan());
    if (!exploration) throw new Error('no exploration');
    const dir = mkdtempSync(join(tmpdir(), 'regiosim-design-'));
    made.push(dir);
    writeDesignFiles(dir, exploration);
    const csv = readFileSync(join(dir, DESIGN_CSV), 'utf8');
    expect(csv.split('\n')[0]).toBe('row,supplyRatio,crisisPerMonth,governance');
    expect(csv).toBe(designToCsv(drawDesign({ ...exploration })));
    // The same experiment loaded again writes the very same bytes.
    const again = explorationOf(e.plan());
    expect(again && designToCsv(again.design)).toBe(csv);
    expect(readDesignFile(dir)).toEqual(JSON.parse(JSON.stringify(exploration)));
    expect(() => writeDesignFiles(dir, exploration)).not.toThrow();
    expect(() => writeDesignFiles(dir, { ...exploration, seed: 12 })).toThrow(/already holds another design/);
  });
});

describe('other methods', () => {
  it('sobol: a Saltelli sample of N(k+2) points, with a note when N is not a power of two', () => {
    const e = experiment(
      'design:\n  method: sobol\n  baseSamples: 6\n  uncertainties: [supplyRatio, crisisPerMonth]\n',
    );
    const plan = e.plan();
    const exploration = explorationOf(plan);
    expect(plan.points).toHaveLength(2 * 6 * 4);
    expect(plan.points[0].id).toBe('base|future-0');
    expect(plan.points[0].sweep).not.toHaveProperty('policy');
    // Without design.seed the experiment's seed draws the sample.
    const factors = factorsFromRegistry(['supplyRatio', 'crisisPerMonth']);
    expect(exploration?.design).toEqual(saltelli(factors, { baseSamples: 6, seed: 5 }));
    expect(exploration?.design.notes[0]).toMatch(/not a power of two/);
  });

  it('morris: trajectories of k+1 points on an even grid; factorial: every combination', () => {
    const m = explorationOf(
      experiment(
        'design: { method: morris, trajectories: 3, levels: 6, uncertainties: [supplyRatio, trustGain] }\n',
      ).plan(),
    );
    expect(m?.design.rows).toHaveLength(3 * 3);
    expect(m?.design).toMatchObject({ method: 'morris', trajectories: 3, levels: 6 });
    const f = explorationOf(
      experiment(
        'design: { method: factorial, levels: 2, uncertainties: [supplyRatio], levers: [talkItOut, initialStaff] }\n',
      ).plan(),
    );
    expect(f?.design.rows).toEqual([
      { supplyRatio: 0.2, talkItOut: false, initialStaff: 0 },
      { supplyRatio: 0.2, talkItOut: false, initialStaff: 100 },
      { supplyRatio: 0.2, talkItOut: true, initialStaff: 0 },
      { supplyRatio: 0.2, talkItOut: true, initialStaff: 100 },
      { supplyRatio: 1.6, talkItOut: false, initialStaff: 0 },
      { supplyRatio: 1.6, talkItOut: false, initialStaff: 100 },
      { supplyRatio: 1.6, talkItOut: true, initialStaff: 0 },
      { supplyRatio: 1.6, talkItOut: true, initialStaff: 100 },
    ]);
  });

  it('the design example in scenarios/README.md validates', () => {
    const guide = readFileSync(join(libraryDir('scenario'), '..', 'README.md'), 'utf8');
    const example = guide.match(/```yaml\n(design:[\s\S]*?)```/)?.[1] as string;
    expect(example).toContain('method: sobol');
    const e = experiment(example);
    expect(e.problems()).toEqual([]);
    expect(e.plan().points).toHaveLength(2 * 2 * 128 * (3 + 2));
  });

  it('point ids name the scenario, the policy (if any) and the future', () => {
    expect(designPointId('drenthe-start-small', 'no-sponsor', 17)).toBe('drenthe-start-small|no-sponsor|future-17');
    expect(designPointId('drenthe-start-small', undefined, 0)).toBe('drenthe-start-small|future-0');
  });
});

const PARAMS = `one of the ${SAMPLEABLE_PARAMETERS.length} parameter names of sim/parameters.ts with a range (scarcity is a named supplyRatio (low 1.3, medium 0.9, high 0.6, extreme 0.35): sample supplyRatio instead)`;

const bad: Array<{ name: string; text: string; expected: string[] }> = [
  {
    name: 'an unknown method',
    text: 'design: { method: latin, samples: 4, uncertainties: [supplyRatio] }\n',
    expected: [
      'e.yaml:5:19 design.method: "latin" is not allowed; allowed: factorial, latinHypercube, sobol, morris, posterior',
    ],
  },
  {
    name: 'a method without its size',
    text: 'design: { method: latinHypercube, uncertainties: [supplyRatio] }\n',
    expected: [
      'e.yaml:5:9 design.samples: is missing; allowed: 1 to 50000 design points (whole numbers) (method latinHypercube needs it)',
    ],
  },
  {
    name: 'a size key of another method',
    text: 'design: { method: latinHypercube, samples: 4, trajectories: 3, uncertainties: [supplyRatio] }\n',
    expected: [
      'e.yaml:5:47 design.trajectories: "trajectories" is not used by method latinHypercube; allowed with latinHypercube: samples, seed, uncertainties, levers',
    ],
  },
  {
    name: 'an odd number of Morris levels',
    text: 'design: { method: morris, trajectories: 4, levels: 3, uncertainties: [supplyRatio] }\n',
    expected: [
      'e.yaml:5:52 design.levels: 3 is not allowed; allowed: an even whole number ≥ 2 for method morris (default 4), so that every step stays on the grid',
    ],
  },
  {
    name: 'a range outside the registry, and one the wrong way round',
    text: 'design:\n  method: sobol\n  baseSamples: 8\n  uncertainties:\n    supplyRatio: { min: 0.1 }\n    crisisPerMonth: { min: 0.02, max: 0.01 }\n',
    expected: [
      'e.yaml:9:25 design.uncertainties.supplyRatio.min: 0.1 is out of range; allowed: 0.2 to 1.6 ratio',
      'e.yaml:10:21 design.uncertainties.crisisPerMonth: {"min":0.02,"max":0.01}: min 0.02 is not below max 0.01; allowed: min below max, within 0.005 to 0.02 /month',
    ],
  },
  {
    name: 'scarcity, which names a supplyRatio, in the list',
    text: 'design: { method: factorial, uncertainties: [supplyRatio, scarcity] }\n',
    expected: [`e.yaml:5:59 design.uncertainties[1]: "scarcity" is not allowed; allowed: ${PARAMS}`],
  },
  {
    name: 'a misspelt parameter in the mapping',
    text: 'design:\n  method: factorial\n  uncertainties:\n    suplyRatio: {}\n',
    expected: [
      `e.yaml:8:5 design.uncertainties.suplyRatio: "suplyRatio" is not a sampleable parameter; allowed: ${PARAMS} (did you mean "supplyRatio"?)`,
    ],
  },
  {
    name: 'a lever that cannot be sampled',
    text: 'design: { method: factorial, uncertainties: [supplyRatio], levers: [poolRoles] }\n',
    expected: [
      `e.yaml:5:69 design.levers[0]: "poolRoles" is not allowed; allowed: a lever that is a number, a choice or true/false: ${SAMPLEABLE_LEVERS.join(', ')}`,
    ],
  },
  {
    name: 'a choice that does not exist, and a fraction for a whole-number lever',
    text: 'design:\n  method: factorial\n  levers:\n    governance: { values: [demandPull, push] }\n    founderCount: { min: 1.5, max: 4 }\n',
    expected: [
      'e.yaml:8:40 design.levers.governance.values[1]: "push" is not allowed; allowed: demandPull, centralPush',
      'e.yaml:9:26 design.levers.founderCount.min: 1.5 is not a whole number; allowed: 1 to 60 municipalities (whole numbers)',
    ],
  },
  {
    name: 'a design that samples nothing',
    text: 'design: { method: factorial, uncertainties: {} }\n',
    expected: [
      'e.yaml:5:9 design: samples nothing; allowed: design.uncertainties (parameter names) and/or design.levers (lever names), at least one name',
    ],
  },
  {
    name: 'a lever both sampled and set by a policy, and two policies of one name',
    text: 'design: { method: factorial, levels: 2, uncertainties: [supplyRatio], levers: [sponsorYears] }\npolicies:\n  - name: a\n    levers: { sponsorYears: 3 }\n  - name: a\n    levers: { sponsorPerYear: 0 }\n',
    expected: [
      'e.yaml:8:15 policies[0].levers.sponsorYears: "sponsorYears" is also sampled by design.levers; allowed: a lever set by the policies or sampled by the design, not both',
      'e.yaml:9:11 policies[1].name: "a" is also the name of policies[0]; allowed: distinct policy names (they are used in point ids)',
    ],
  },
  {
    name: 'policies without a design',
    text: 'policies:\n  - name: a\n    levers: { sponsorYears: 3 }\n',
    expected: [
      'e.yaml:5:1 policies: policies are crossed with the sampled futures of a design; allowed: policies together with a design: block',
    ],
  },
  {
    name: 'sweeps and a design in one file',
    text: 'sweeps: { initialStaff: [2, 4] }\ndesign: { method: factorial, uncertainties: [supplyRatio] }\n',
    expected: [
      'e.yaml:5:1 sweeps: cannot be combined with design:; allowed: sweeps or a design, not both (sample the swept names in design.uncertainties or design.levers, or set them in policies)',
    ],
  },
  {
    name: 'a design too large to run',
    text: 'design: { method: latinHypercube, samples: 20000, uncertainties: [supplyRatio] }\npolicies:\n  - { name: a, levers: {} }\n  - { name: b, levers: { governance: centralPush } }\n',
    expected: [
      'e.yaml:5:9 design: gives 20000 design points × 2 policies × 2 scenarios = 80000 points; allowed: at most 50000 points (sample fewer points, factors or levels)',
    ],
  },
  {
    name: 'ranges whose combinations the model rejects',
    text: 'design: { method: factorial, levels: 2, uncertainties: { entrantShareSpecialist: {min: 0.55}, entrantShareLocal: {min: 0.4} } }\n',
    expected: [
      // 0.55 + 0.4 is accepted; the other three corners of each scenario are not.
      'e.yaml:5:9 design: 6 design points are rejected by the model (base|future-1: parameters.entrantShareSpecialist: 0.55 is not allowed; allowed: entrantShareSpecialist + entrantShareLocal must be below 1 (the rest are process staff) | base|future-2: parameters.entrantShareSpecialist: 0.6 is not allowed; allowed: entrantShareSpecialist + entrantShareLocal must be below 1 (the rest are process staff) | base|future-3: parameters.entrantShareSpecialist: 0.6 is not allowed; allowed: entrantShareSpecialist + entrantShareLocal must be below 1 (the rest are process staff) | ...); allowed: ranges whose combinations the model accepts',
    ],
  },
  {
    name: 'a negative design seed',
    text: 'design: { method: morris, trajectories: 2, uncertainties: [supplyRatio], seed: -1 }\n',
    expected: ['e.yaml:5:80 design.seed: -1 is out of range; allowed: 0 to 2147483647 (whole numbers)'],
  },
];

describe('bad design blocks: exact messages', () => {
  it.each(bad)('$name', ({ text, expected }) => {
    expect(experiment(text).problems()).toEqual(expected);
  });
});
