/**
 * The published JSON Schemas: not stale, valid draft-07 for editors (checked with ajv), and in
 * agreement with the loaders' own walk over the same schema objects.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AjvModule from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { libraryDir, projectRoot, yamlFiles } from '../scenarios/refs.js';
import { getSchemas } from '../scenarios/scenario-read.js';
import { SchemaChecker } from '../scenarios/schema-check.js';
import { schemaFiles } from '../scenarios/schema.js';
import { parseTree } from '../scenarios/yaml-tree.js';
import { LEVER_NAMES } from '../sim/levers.js';
import { PARAMETER_NAMES } from '../sim/parameters.js';

const Ajv = AjvModule.default;
const ajv = new Ajv({ allErrors: true, strict: true, keywords: ['x-unit', 'x-allowed', 'x-key-noun', 'x-keys'] });
const validateScenario = ajv.compile(getSchemas().scenario);
const validateExperiment = ajv.compile(getSchemas().experiment);

/** Whether the loaders' schema walk accepts the text as a file of `kind`. */
function walkerAccepts(text: string, kind: 'scenario' | 'experiment'): boolean {
  const { tree } = parseTree(text, 'x.yaml');
  const schema = getSchemas()[kind];
  const checker = new SchemaChecker(schema);
  checker.check(tree as NonNullable<typeof tree>, schema, '');
  return checker.issues.length === 0;
}

describe('schema files', () => {
  it('are up to date with the lever and parameter registries (run `npm run schema` if not)', () => {
    for (const { file, text } of schemaFiles()) {
      const committed = JSON.parse(readFileSync(join(projectRoot(), 'scenarios', file), 'utf8'));
      expect(committed, `scenarios/${file} is stale: run npm run schema`).toEqual(JSON.parse(text));
    }
  });

  it('describe every lever and parameter, and sweeps of all but founders', () => {
    const { scenario, experiment } = getSchemas();
    expect(Object.keys(scenario.properties?.levers.properties ?? {})).toEqual(LEVER_NAMES);
    expect(Object.keys(scenario.properties?.uncertainties.properties ?? {})).toEqual(['scarcity', ...PARAMETER_NAMES]);
    const sweepable = Object.keys(experiment.properties?.sweeps.properties ?? {});
    expect(sweepable).toHaveLength(1 + LEVER_NAMES.length - 1 + PARAMETER_NAMES.length);
    expect(sweepable).not.toContain('founders');
  });

  it('keep lever and parameter names apart, so a sweep name means one thing', () => {
    const shared = LEVER_NAMES.filter((n) => (PARAMETER_NAMES as string[]).includes(n));
    expect(shared).toEqual([]);
    expect(PARAMETER_NAMES).not.toContain('scarcity');
  });
});

describe('ajv (what editors check) and the loaders agree', () => {
  const shipped = [
    ...yamlFiles(libraryDir('scenario')).map((f) => ({ f, kind: 'scenario' as const })),
    ...yamlFiles(libraryDir('experiment')).map((f) => ({ f, kind: 'experiment' as const })),
  ];

  it.each(shipped)('accept the shipped $kind $f', ({ f, kind }) => {
    const text = readFileSync(f, 'utf8');
    const validate = kind === 'scenario' ? validateScenario : validateExperiment;
    expect(validate(parse(text)), JSON.stringify(validate.errors)).toBe(true);
    expect(walkerAccepts(text, kind)).toBe(true);
  });

  const bad: Array<[string, string, 'scenario' | 'experiment']> = [
    ['a word for a number', 'region: national\nlevers: { initialStaff: four }\n', 'scenario'],
    ['out of range', 'region: national\nuncertainties: { supplyRatio: 2 }\n', 'scenario'],
    ['a fraction for a whole number', 'region: national\nlevers: { founderCount: 2.5 }\n', 'scenario'],
    ['a misspelt choice', 'region: national\nlevers: { governance: centralPsh }\n', 'scenario'],
    ['an unknown key', 'region: national\nlevres: {}\n', 'scenario'],
    ['an unknown lever', 'region: national\nlevers: { initialStaf: 4 }\n', 'scenario'],
    ['an unknown parameter', 'region: national\nuncertainties: { suplyRatio: 0.3 }\n', 'scenario'],
    ['an empty region', 'region: { municipalities: [] }\n', 'scenario'],
    ['two region forms', 'region: { res: Drenthe, province: Drenthe }\n', 'scenario'],
    ['a region name without a form', 'region: Drenthe\n', 'scenario'],
    ['a history value out of range', 'region: national\nhistory: [{ a: Assen, b: Emmen, value: 2 }]\n', 'scenario'],
    ['a history entry without a value', 'region: national\nhistory: [{ a: Assen, b: Emmen }]\n', 'scenario'],
    ['a duplicate role', 'region: national\nlevers: { poolRoles: [local, local] }\n', 'scenario'],
    ['a name with a bar', 'name: a|b\nregion: national\n', 'scenario'],
    ['a list as the file', '- region\n', 'scenario'],
    ['no replicates', 'scenarios: [default]\nbaseline: default\nseed: 1\n', 'experiment'],
    [
      'a sweep of founders',
      'scenarios: [default]\nbaseline: default\nreplicates: 1\nseed: 1\nsweeps: { founders: [[Assen]] }\n',
      'experiment',
    ],
    [
      'a sweep out of range',
      'scenarios: [default]\nbaseline: default\nreplicates: 1\nseed: 1\nsweeps: { supplyRatio: [2] }\n',
      'experiment',
    ],
    [
      'a range with one step',
      'scenarios: [default]\nbaseline: default\nreplicates: 1\nseed: 1\nsweeps: { supplyRatio: { from: 0.3, to: 0.6, steps: 1 } }\n',
      'experiment',
    ],
    ['an empty scenario list', 'scenarios: []\nbaseline: default\nreplicates: 1\nseed: 1\n', 'experiment'],
  ];

  it.each(bad)('reject %s', (_name, text, kind) => {
    const validate = kind === 'scenario' ? validateScenario : validateExperiment;
    expect(validate(parse(text))).toBe(false);
    expect(walkerAccepts(text, kind)).toBe(false);
  });
});
