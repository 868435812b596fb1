/**
 * The JSON Schemas of scenario and experiment files, generated from the lever and parameter
 * registries so that names, ranges, units and choices are defined once. `npm run schema` writes them
 * to scenarios/*.schema.json for editors; the loaders check files against these same objects.
 */
import { LEVER_NAMES, LEVERS, type LeverName, ROLES } from '../sim/levers.js';
import { PARAMETER_NAMES, PARAMETERS, SCARCITY_LEVELS } from '../sim/parameters.js';
import { designSchema, policiesSchema } from './design-schema.js';
import { MAX_DESCRIPTION, MAX_NAME } from './limits.js';
import { mechanismDefinitions, mechanismSchema } from './mechanism-schema.js';
import { outcomesSchema } from './outcome-schema.js';
import type { Schema } from './schema-check.js';

export const SCENARIO_SCHEMA_FILE = 'scenario.schema.json';
export const EXPERIMENT_SCHEMA_FILE = 'experiment.schema.json';

/** Scenario and point names appear in ids such as "start-small|supplyRatio=0.35", so they avoid | and =. */
export const NAME_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]*$';
export const QUESTIONS = ['RQ1', 'RQ2', 'RQ3', 'RQ4', 'RQ5', 'RQ6', 'RQ7'] as const;
/** Levers that cannot be swept: founders are names that depend on the region. */
export const UNSWEEPABLE_LEVERS: readonly LeverName[] = ['founders'];
export const MAX_SEED = 2_147_483_647;

const MUNICIPALITY = 'a CBS code (GM0505) or municipality name';
const MUNICIPALITIES = 'a list of CBS codes (GM0505) or municipality names';
const PARAMETER_KEYS = `scarcity or one of the ${PARAMETER_NAMES.length} parameter names of sim/parameters.ts (the ODD parameter table lists them)`;

const text = (description: string, allowed?: string): Schema => ({
  type: 'string',
  minLength: 1,
  description,
  ...(allowed ? { 'x-allowed': allowed } : {}),
});

const names = (description: string): Schema => ({
  type: 'array',
  uniqueItems: true,
  items: text(MUNICIPALITY, MUNICIPALITY),
  description,
  'x-allowed': MUNICIPALITIES,
});

function leverSchema(name: LeverName): Schema {
  const def = LEVERS[name];
  const description = def.description;
  switch (def.kind) {
    case 'choice':
      return { enum: def.values, default: def.default, description };
    case 'number':
      return {
        type: def.integer ? 'integer' : 'number',
        minimum: def.min,
        maximum: def.max,
        default: def.default,
        description: `${description} [${def.unit}, ${def.min} to ${def.max}, default ${def.default}]`,
        'x-unit': def.unit,
      };
    case 'boolean':
      return { type: 'boolean', default: def.default, description };
    case 'roles':
      return {
        type: 'array',
        minItems: 1,
        uniqueItems: true,
        items: { enum: ROLES },
        default: [...def.default],
        description,
        'x-allowed': `a list of distinct roles from ${ROLES.join(', ')}`,
      };
    case 'codes':
      return { ...names(`${description} Codes or names.`), default: [] };
  }
}

function parameterSchema(name: (typeof PARAMETER_NAMES)[number]): Schema {
  const d = PARAMETERS[name];
  return {
    type: d.integer ? 'integer' : 'number',
    minimum: d.min,
    maximum: d.max,
    default: d.default,
    description: `${d.description} [${d.unit}, ${d.min} to ${d.max}, default ${d.default}, evidence ${d.tag}] ${d.source}`,
    'x-unit': d.unit,
  };
}

const SCARCITY: Schema = {
  enum: Object.keys(SCARCITY_LEVELS),
  description: `Labour scarcity as a named level; sets supplyRatio (${Object.entries(SCARCITY_LEVELS)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}). Give scarcity or supplyRatio, not both.`,
};

/** Levers, parameters and scarcity as definitions, referenced by both the scenario and the sweeps. */
function definitions(): Record<string, Schema> {
  const defs: Record<string, Schema> = { scarcity: SCARCITY };
  for (const name of LEVER_NAMES) defs[name] = leverSchema(name);
  for (const name of PARAMETER_NAMES) defs[name] = parameterSchema(name);
  return defs;
}

const ref = (name: string): Schema => ({ $ref: `#/definitions/${name}` });

const common = (kind: string): Record<string, Schema> => ({
  $schema: { type: 'string', description: 'The JSON Schema of this file (for editors).' },
  name: {
    type: 'string',
    pattern: NAME_PATTERN,
    maxLength: MAX_NAME,
    description: `Name of the ${kind}; default: the file name without extension. Not inherited through extends.`,
    'x-allowed': 'letters, digits, ".", "_" and "-", starting with a letter or digit',
  },
  description: {
    type: 'string',
    maxLength: MAX_DESCRIPTION,
    description: `One line saying what the ${kind} is for (shown by regiosim scenarios).`,
  },
  questions: {
    type: 'array',
    uniqueItems: true,
    items: { enum: QUESTIONS },
    description: 'The research questions (docs/ODD.md section 1.1) this file serves.',
  },
});

const REGION: Schema = {
  description: 'The municipalities simulated (one shared labour market) and the areas in which one pool may form each.',
  oneOf: [
    { title: '"national"', const: 'national', description: 'All 342 municipalities; one pool area per RES region.' },
    {
      title: '{res: RES code or name}',
      type: 'object',
      required: ['res'],
      additionalProperties: false,
      properties: {
        res: text('A RES region, e.g. ES03 or Drenthe; one pool area.', 'a RES region code (ES01 to ES30) or name'),
      },
    },
    {
      title: '{province: code or name}',
      type: 'object',
      required: ['province'],
      additionalProperties: false,
      properties: {
        province: text(
          'A province, e.g. PV23 or Overijssel; one pool area covering the province.',
          'a province code (PV20 to PV31) or name',
        ),
      },
    },
    {
      title: '{municipalities: [codes or names]}',
      type: 'object',
      required: ['municipalities'],
      additionalProperties: false,
      properties: {
        municipalities: { ...names('An explicit list of municipalities forming one pool area.'), minItems: 1 },
      },
    },
    {
      title: '{synthetic: {municipalities, sizes, seed}}',
      type: 'object',
      required: ['synthetic'],
      additionalProperties: false,
      properties: {
        synthetic: {
          type: 'object',
          required: ['sizes', 'seed'],
          additionalProperties: false,
          description:
            'Generated municipalities on a grid (about 10 km apart, neighbours adjacent); the same seed gives the same region.',
          properties: {
            municipalities: {
              type: 'integer',
              minimum: 1,
              maximum: 400,
              'x-unit': 'municipalities',
              description: 'Number of municipalities (needed with a size distribution).',
            },
            sizes: {
              description: 'Populations: a lognormal distribution or an explicit list.',
              oneOf: [
                {
                  title: '{distribution: lognormal, median, sigma}',
                  type: 'object',
                  required: ['distribution', 'median', 'sigma'],
                  additionalProperties: false,
                  properties: {
                    distribution: { enum: ['lognormal'] },
                    median: {
                      type: 'number',
                      minimum: 1000,
                      maximum: 1_000_000,
                      'x-unit': 'inhabitants',
                      description: 'Median population (the Netherlands: 32,800).',
                    },
                    sigma: {
                      type: 'number',
                      minimum: 0,
                      maximum: 2,
                      'x-unit': 'ln units',
                      description: 'Spread of ln(population) (the Netherlands: about 0.8).',
                    },
                  },
                },
                {
                  title: 'a list of populations',
                  type: 'array',
                  minItems: 1,
                  maxItems: 400,
                  items: { type: 'integer', minimum: 100, maximum: 2_000_000, 'x-unit': 'inhabitants' },
                },
              ],
            },
            seed: { type: 'integer', minimum: 0, maximum: MAX_SEED, description: 'Seed of the generator.' },
          },
        },
      },
    },
  ],
};

const HORIZON: Schema = {
  description:
    'How long to simulate: months from January 2026, or whole calendar years. Default: 2026 to 2050 (300 months).',
  oneOf: [
    { title: 'months (1 to 1200)', type: 'integer', minimum: 1, maximum: 1200, 'x-unit': 'months' },
    {
      title: '{startYear, endYear}',
      type: 'object',
      required: ['startYear', 'endYear'],
      additionalProperties: false,
      properties: {
        startYear: { type: 'integer', minimum: 2020, maximum: 2100, description: 'First simulated year (January).' },
        endYear: { type: 'integer', minimum: 2020, maximum: 2200, description: 'Last simulated year (December).' },
      },
    },
  ],
};

/** The schema of a scenario file. */
export function scenarioSchema(): Schema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'regiosim scenario',
    description:
      'One scenario: a region, levers (what the region decides), uncertainties (parameters and scarcity), a horizon and per-municipality overrides. Generated from sim/levers.ts and sim/parameters.ts by npm run schema.',
    type: 'object',
    additionalProperties: false,
    properties: {
      ...common('scenario'),
      extends: text(
        'Another scenario file (path relative to this file) to start from: levers and uncertainties are merged, everything else is replaced.',
        'a path to a scenario file, relative to this file',
      ),
      region: REGION,
      levers: {
        type: 'object',
        additionalProperties: false,
        description: 'Policy levers (sim/levers.ts); unnamed levers keep their defaults.',
        'x-key-noun': 'lever',
        properties: Object.fromEntries(LEVER_NAMES.map((n) => [n, ref(n)])),
      },
      uncertainties: {
        type: 'object',
        additionalProperties: false,
        description:
          'Uncertain parameters (sim/parameters.ts) and the named scarcity level; unnamed ones keep their defaults.',
        'x-key-noun': 'parameter',
        'x-keys': PARAMETER_KEYS,
        properties: { scarcity: ref('scarcity'), ...Object.fromEntries(PARAMETER_NAMES.map((n) => [n, ref(n)])) },
      },
      horizon: HORIZON,
      history: {
        type: 'array',
        description:
          'Known shared history between two municipalities, replacing the default from adjacency and regions.',
        items: {
          type: 'object',
          required: ['a', 'b', 'value'],
          additionalProperties: false,
          properties: {
            a: text('First municipality.', MUNICIPALITY),
            b: text('Second municipality.', MUNICIPALITY),
            value: {
              type: 'number',
              minimum: -1,
              maximum: 1,
              'x-unit': 'history',
              description: 'Shared history in [-1, 1]; below deepNegativeHistory a quarrel cannot be talked out.',
            },
          },
        },
      },
      refusers: names('Municipalities that never join a pool.'),
    },
    definitions: definitions(),
  };
}

/** A sweep of one lever or parameter: a list of values, or for numbers also an evenly spaced range. */
function sweepSchema(name: string, value: Schema): Schema {
  const list: Schema = { title: 'a list of values', type: 'array', minItems: 1, uniqueItems: true, items: ref(name) };
  const numeric = value.type === 'number' || value.type === 'integer';
  if (!numeric) return { ...list, description: `Values of ${name} to cross with the scenarios.` };
  return {
    description: `Values of ${name} to cross with the scenarios: a list, or {from, to, steps} evenly spaced (steps counts both ends).`,
    oneOf: [
      list,
      {
        title: '{from, to, steps}',
        type: 'object',
        required: ['from', 'to', 'steps'],
        additionalProperties: false,
        properties: {
          from: ref(name),
          to: ref(name),
          steps: { type: 'integer', minimum: 2, maximum: 1000, 'x-unit': 'values' },
        },
      },
    ],
  };
}

/** The schema of an experiment file. */
export function experimentSchema(): Schema {
  const defs = definitions();
  const sweepable = ['scarcity', ...LEVER_NAMES.filter((n) => !UNSWEEPABLE_LEVERS.includes(n)), ...PARAMETER_NAMES];
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'regiosim experiment',
    description:
      'Scenarios to compare (one of them the baseline), replicates, master seed and optional sweeps crossed with the scenarios, or a design sampling uncertainties (and levers) crossed with policies and the scenarios; optional outcomes to compute in every run. Generated from sim/levers.ts and sim/parameters.ts by npm run schema.',
    type: 'object',
    additionalProperties: false,
    required: ['scenarios', 'baseline', 'replicates', 'seed'],
    properties: {
      ...common('experiment'),
      scenarios: {
        type: 'array',
        minItems: 1,
        uniqueItems: true,
        description:
          'Scenarios to compare: file paths (relative to this file), library names or built-ins (default, national).',
        items: text(
          'A scenario.',
          'a scenario file path (relative to this file), a library scenario name, or a built-in: default, national',
        ),
        'x-allowed': 'a list of scenario file paths, library names or built-ins',
      },
      baseline: text(
        'Name of the scenario the others are compared with (paired by seed).',
        'the name of one of the scenarios',
      ),
      replicates: {
        type: 'integer',
        minimum: 1,
        maximum: 10000,
        'x-unit': 'runs per point',
        description: 'Runs per scenario and sweep point.',
      },
      seed: {
        type: 'integer',
        minimum: 0,
        maximum: MAX_SEED,
        description: 'Master seed: replicate i gets the same run seed in every scenario (common random numbers).',
      },
      sweeps: {
        type: 'object',
        additionalProperties: false,
        description: 'Levers or parameters to vary, crossed with each other and with the scenarios (full factorial).',
        'x-key-noun': 'sweepable lever or parameter',
        'x-keys': `scarcity, a lever other than ${UNSWEEPABLE_LEVERS.join(', ')}, or ${PARAMETER_KEYS.replace(/^scarcity or /, '')}`,
        properties: Object.fromEntries(sweepable.map((n) => [n, sweepSchema(n, defs[n])])),
      },
      design: designSchema(),
      policies: policiesSchema(NAME_PATTERN),
      mechanism: mechanismSchema(NAME_PATTERN),
      outcomes: outcomesSchema(),
    },
    definitions: { ...defs, ...mechanismDefinitions() },
  };
}

/** The schema files as written to scenarios/ (`npm run schema`); a test compares them with the committed ones. */
export function schemaFiles(): Array<{ file: string; text: string }> {
  const render = (schema: Schema) => {
    // Lists of plain values on one line: a third of the size, and easier to read.
    const text = JSON.stringify(schema, null, 2).replace(
      /\[\n\s+([^[\]{}]*?)\n\s*\]/g,
      (_m, inner: string) => `[${inner.replace(/,\n\s+/g, ', ')}]`,
    );
    if (JSON.stringify(JSON.parse(text)) !== JSON.stringify(schema))
      throw new Error('schema rendering changed the schema');
    return `${text}\n`;
  };
  return [
    { file: SCENARIO_SCHEMA_FILE, text: render(scenarioSchema()) },
    { file: EXPERIMENT_SCHEMA_FILE, text: render(experimentSchema()) },
  ];
}
