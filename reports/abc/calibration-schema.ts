/**
 * The JSON Schema of a calibration file (`regiosim calibrate <file>`, see docs/HOWTO-calibration.md):
 * the scenario to calibrate, the parameters with their priors (registry names and ranges), the target
 * patterns (shipped by name, or a researcher's own: a summary metric, optionally per another, how the
 * runs of a particle are aggregated, and a band), and the sampler's settings.
 */
import type { Schema } from '../../scenarios/schema-check.js';
import { PARAMETERS } from '../../sim/parameters.js';
import { SUMMARY_METRICS } from '../../sim/summary.js';
import { PATTERNS } from '../calibration/patterns.js';

export const AGGREGATES = ['mean', 'median'] as const;
export type Aggregate = (typeof AGGREGATES)[number];

/** The sampler's settings when a calibration file leaves them out (max-simulations: this many × particles). */
export const CALIBRATION_DEFAULTS = {
  seed: 1,
  replicates: 3,
  particles: 100,
  generations: 5,
  quantile: 0.5,
  minAcceptance: 0.02,
  minEpsilon: 0,
  simulationsPerParticle: 50,
} as const;
const D = CALIBRATION_DEFAULTS;

const int = (minimum: number, maximum: number, description: string): Schema => ({
  type: 'integer',
  minimum,
  maximum,
  description,
});

function parameterSchema(name: string): Schema {
  const p = PARAMETERS[name as keyof typeof PARAMETERS];
  const bound = (what: string): Schema => ({
    type: p.integer ? 'integer' : 'number',
    minimum: p.min,
    maximum: p.max,
    'x-unit': p.unit,
    description: `${what} of the uniform prior (default: the registry's ${what === 'lower edge' ? 'min' : 'max'}, ${what === 'lower edge' ? p.min : p.max})`,
  });
  return {
    type: 'object',
    additionalProperties: false,
    description: `${p.description} Prior: uniform on the registry range ${p.min} to ${p.max} ${p.unit}, or on min..max.`,
    properties: {
      min: bound('lower edge'),
      max: bound('upper edge'),
      'allow-empirical': { type: 'boolean', description: 'calibrate a parameter tagged E (empirical) all the same' },
    },
  };
}

const metric: Schema = {
  enum: Object.keys(SUMMARY_METRICS),
  description: 'a summary metric of sim/summary.ts (a runs.csv column)',
  'x-allowed': 'a summary metric of sim/summary.ts (a runs.csv column)',
};

const ownPattern: Schema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'metric', 'band'],
  title: 'a pattern of your own (name, metric, band)',
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 60, pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$', description: 'the pattern\'s name in the output' },
    metric,
    per: { ...metric, description: 'divide the metric by this metric, run by run (e.g. gapFteEnd per needFte)' },
    aggregate: { enum: AGGREGATES, description: 'how the runs of one particle are summarised (default mean)' },
    band: {
      type: 'array',
      items: { type: 'number' },
      minItems: 2,
      maxItems: 2,
      description: 'the target band [low, high] of the aggregated value',
    },
    description: { type: 'string', description: 'what the pattern says, for the output' },
  },
};

export function calibrationSchema(): Schema {
  const names = Object.keys(PARAMETERS);
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'regiosim calibration',
    type: 'object',
    additionalProperties: false,
    required: ['scenario', 'parameters', 'patterns'],
    properties: {
      name: { type: 'string', minLength: 1, maxLength: 80, description: 'name of the calibration' },
      description: { type: 'string', description: 'what is calibrated and why' },
      scenario: {
        type: 'string',
        minLength: 1,
        description: 'the scenario whose parameters are calibrated: a library name or a file in this folder',
      },
      seed: int(0, 2 ** 31 - 1, `master seed: the same seed gives the same posterior (default ${D.seed})`),
      replicates: int(1, 1000, `runs per particle, on shared seeds within a batch (default ${D.replicates})`),
      particles: int(10, 100_000, `accepted particles per generation (default ${D.particles})`),
      generations: int(1, 100, `most generations, generation 0 (the prior) included (default ${D.generations})`),
      quantile: { type: 'number', minimum: 0.05, maximum: 0.95, description: `εₜ is this quantile of the previous distances (default ${D.quantile})` },
      'min-acceptance': { type: 'number', minimum: 0, maximum: 1, description: `stop when a generation accepts fewer (default ${D.minAcceptance})` },
      'min-epsilon': { type: 'number', minimum: 0, description: `stop after a generation with ε at or below this (default ${D.minEpsilon}: inside every band)` },
      'max-simulations': int(1, 10_000_000, `most particles simulated in one generation (default ${D.simulationsPerParticle} × particles)`),
      parameters: {
        type: 'object',
        additionalProperties: false,
        description: 'parameter → its prior range (an empty mapping {} for the registry range)',
        'x-key-noun': 'parameter',
        'x-keys': 'a parameter of the registry (sim/parameters.ts; npm run docs:params lists them)',
        properties: Object.fromEntries(names.map((n) => [n, parameterSchema(n)])),
      },
      patterns: {
        type: 'array',
        minItems: 1,
        items: {
          oneOf: [
            { enum: PATTERNS.map((p) => p.id), title: `a shipped pattern (${PATTERNS.map((p) => p.id).join(', ')})` },
            ownPattern,
          ],
        },
        description: 'the target patterns: shipped ones by name (docs/CALIBRATION.md) or your own',
      },
    },
  };
}
