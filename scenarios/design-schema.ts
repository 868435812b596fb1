/**
 * The JSON Schema of an experiment's `design:` block (a sample of uncertainties and levers instead
 * of listed values) and `policies:` list (lever settings crossed with the sampled futures, as in
 * EMA Workbench's XLRM). Generated from the registries like the rest of the schema
 * (scenarios/schema.ts includes these).
 */
import { MAX_DESCRIPTION, MAX_NAME } from './limits.js';
import { LEVER_NAMES, LEVERS, type LeverName } from '../sim/levers.js';
import { PARAMETER_NAMES, PARAMETERS, SCARCITY_LEVELS } from '../sim/parameters.js';
import type { Schema } from './schema-check.js';

/** The sampling methods as written in files; the core names are full-factorial, latin-hypercube, saltelli, morris, posterior. */
export const DESIGN_METHODS = ['factorial', 'latinHypercube', 'sobol', 'morris', 'posterior'] as const;
export type DesignMethodName = (typeof DESIGN_METHODS)[number];

/** The size and option keys of each method (besides method, seed, uncertainties and levers). */
export const METHOD_KEYS: Record<DesignMethodName, { required: string[]; optional: string[] }> = {
  factorial: { required: [], optional: ['levels'] },
  latinHypercube: { required: ['samples'], optional: [] },
  sobol: { required: ['baseSamples'], optional: ['secondOrder'] },
  morris: { required: ['trajectories'], optional: ['levels'] },
  posterior: { required: ['posterior', 'samples'], optional: ['resampling'] },
};

/** Levers a design can sample: numbers, choices and booleans (not role lists or municipality codes). */
export const SAMPLEABLE_LEVERS: readonly LeverName[] = LEVER_NAMES.filter((n) =>
  ['number', 'choice', 'boolean'].includes(LEVERS[n].kind),
);

/** Parameters a design can sample: those whose registry range is not a single value. */
export const SAMPLEABLE_PARAMETERS: readonly string[] = PARAMETER_NAMES.filter(
  (n) => PARAMETERS[n].min < PARAMETERS[n].max,
);

/** At most this many plan points (design rows × policies × scenarios) per experiment. */
export const MAX_DESIGN_POINTS = 50_000;

const ref = (name: string): Schema => ({ $ref: `#/definitions/${name}` });

const SCARCITY_HINT = `scarcity is a named supplyRatio (${Object.entries(SCARCITY_LEVELS)
  .map(([k, v]) => `${k} ${v}`)
  .join(', ')}): sample supplyRatio instead`;
const PARAMETER_WORDS = `one of the ${SAMPLEABLE_PARAMETERS.length} parameter names of sim/parameters.ts with a range (${SCARCITY_HINT})`;
const LEVER_WORDS = `a lever that is a number, a choice or true/false: ${SAMPLEABLE_LEVERS.join(', ')}`;

/** A numeric range narrowing the registry's: min and max, each checked against the registry. */
function rangeSchema(name: string, what: string): Schema {
  return {
    type: 'object',
    additionalProperties: false,
    description: `Range of ${name} to sample, within the ${what} registry's; a missing end is the registry's.`,
    properties: { min: ref(name), max: ref(name) },
  };
}

function leverRangeSchema(name: LeverName): Schema {
  if (LEVERS[name].kind === 'number') return rangeSchema(name, 'lever');
  return {
    type: 'object',
    additionalProperties: false,
    description: `Values of ${name} to sample from; default: all of them.`,
    properties: {
      values: {
        type: 'array',
        minItems: 2,
        uniqueItems: true,
        items: ref(name),
        'x-allowed': `a list of at least two distinct values of ${name}`,
      },
    },
  };
}

/** A list of names, or a mapping of names to ranges. */
function factorsSchema(kind: 'uncertainties' | 'levers'): Schema {
  const names = kind === 'uncertainties' ? SAMPLEABLE_PARAMETERS : SAMPLEABLE_LEVERS;
  const words = kind === 'uncertainties' ? PARAMETER_WORDS : LEVER_WORDS;
  const noun = kind === 'uncertainties' ? 'sampleable parameter' : 'sampleable lever';
  return {
    description:
      kind === 'uncertainties'
        ? 'The uncertainties (XLRM "X") to sample: a list of parameter names (each over its registry range), or a mapping of names to {min, max} within the registry range ({} for the whole range).'
        : 'Levers (XLRM "L") to sample as well: a list of names (numbers over their registry range, choices over all values), or a mapping of names to {min, max} (numbers) or {values: [...]} (choices, true/false).',
    oneOf: [
      {
        title: 'a list of names',
        type: 'array',
        minItems: 1,
        uniqueItems: true,
        items: { enum: [...names], 'x-allowed': words },
        'x-allowed': `a list of ${words}`,
      },
      {
        title: 'a mapping of names to ranges',
        type: 'object',
        additionalProperties: false,
        'x-key-noun': noun,
        'x-keys': words,
        properties: Object.fromEntries(
          names.map((n) => [
            n,
            kind === 'uncertainties' ? rangeSchema(n, 'parameter') : leverRangeSchema(n as LeverName),
          ]),
        ),
      },
    ],
  };
}

/** The `design:` block. */
export function designSchema(): Schema {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['method'],
    description:
      'Sample the uncertainties (and optionally levers), or draw them from a calibration posterior, instead of listing values; every design point runs in every scenario (and policy) with the usual replicates. The sample is written to design.csv by regiosim explore and is reproducible from the seed.',
    properties: {
      method: {
        enum: [...DESIGN_METHODS],
        description:
          'factorial: every combination of `levels` values per factor; latinHypercube: `samples` points, one per stratum of each factor; sobol: Saltelli cross-sample for Sobol indices, `baseSamples` × (k+2) points (× (2k+2) with secondOrder); morris: `trajectories` one-at-a-time paths of k+1 points for Morris screening; posterior: `samples` futures resampled with their weights from the particles of a `posterior` file written by regiosim calibrate (uncertainties and levers, if given, are sampled by a Latin hypercube and joined column-wise).',
      },
      samples: {
        type: 'integer',
        minimum: 1,
        maximum: MAX_DESIGN_POINTS,
        'x-unit': 'design points',
        description: 'latinHypercube: the number of points. posterior: the number of futures drawn from the posterior.',
      },
      posterior: {
        type: 'string',
        minLength: 1,
        maxLength: 4096,
        description:
          "posterior: a posterior.csv written by regiosim calibrate (a header of parameter names and `weight`, one row per particle), relative to this file; it must lie in this file's folder tree or in the shipped scenarios/ library (scenarios/calibrations included). It is kept in the batch's inputs/ with its SHA-256.",
        'x-allowed': 'a path to a posterior.csv relative to the experiment file',
      },
      resampling: {
        enum: ['systematic', 'multinomial'],
        description:
          'posterior: how particles are drawn with their weights, with replacement: systematic (default; one uniform, each particle drawn within one of samples × its weight times) or multinomial (independent draws).',
      },
      levels: {
        type: 'integer',
        minimum: 1,
        maximum: 1000,
        'x-unit': 'levels',
        description:
          'factorial: values per numeric factor, evenly spaced from min to max (default 3; choices use all their values). morris: grid levels p, even (default 4).',
      },
      trajectories: {
        type: 'integer',
        minimum: 1,
        maximum: MAX_DESIGN_POINTS,
        'x-unit': 'trajectories',
        description: 'morris: the number of trajectories r (each k+1 points for k factors).',
      },
      baseSamples: {
        type: 'integer',
        minimum: 2,
        maximum: MAX_DESIGN_POINTS,
        'x-unit': 'base samples',
        description:
          'sobol: base samples N, best a power of two; the design has N·(k+2) points, N·(2k+2) with secondOrder.',
      },
      secondOrder: {
        type: 'boolean',
        description: 'sobol: also estimate second-order (pairwise interaction) indices (default false).',
      },
      seed: {
        type: 'integer',
        minimum: 0,
        maximum: 2_147_483_647,
        description: 'Seed of the sample (default: the experiment seed); the same seed gives the same design.',
      },
      uncertainties: factorsSchema('uncertainties'),
      levers: factorsSchema('levers'),
    },
  };
}

/** The `policies:` list. */
export function policiesSchema(namePattern: string): Schema {
  const settable = LEVER_NAMES.filter((n) => n !== 'founders');
  return {
    type: 'array',
    minItems: 1,
    description:
      'Policies (XLRM "L"): named lever settings, each crossed with every sampled future of the design, as EMA Workbench does. Point ids read <scenario>|<policy>|future-<row>.',
    items: {
      type: 'object',
      required: ['name', 'levers'],
      additionalProperties: false,
      properties: {
        name: {
          type: 'string',
          pattern: namePattern,
          maxLength: MAX_NAME,
          description: 'Name of the policy, used in point ids.',
          'x-allowed': 'letters, digits, ".", "_" and "-", starting with a letter or digit',
        },
        description: { type: 'string', maxLength: MAX_DESCRIPTION, description: 'What the policy is.' },
        levers: {
          type: 'object',
          additionalProperties: false,
          description: 'Lever settings of this policy, applied on top of each scenario.',
          'x-key-noun': 'lever',
          properties: Object.fromEntries(settable.map((n) => [n, ref(n)])),
        },
      },
    },
  };
}
