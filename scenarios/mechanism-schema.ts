/**
 * The JSON Schema of an experiment's optional `mechanism:` block: which mechanism of the articles
 * (or of the model review) the experiment tests, what the articles expect, and the expected sign of
 * each outcome's paired difference (variant − baseline). `npm run mechanisms` reads it
 * (reports/mechanisms/). Outcome names come from the model's summary registry, so the schema follows
 * the model when outputs are renamed.
 */
import { DERIVED_OUTCOME_NAMES, OUTCOME_NAMES } from './mechanism-outcomes.js';
import type { Schema } from './schema-check.js';

/** Expected sign of variant − baseline: up, down, none (no effect expected) or any (no expectation). */
export const EXPECTED_SIGNS = ['up', 'down', 'none', 'any'] as const;
export type ExpectedSign = (typeof EXPECTED_SIGNS)[number];

/** Mechanism ids are short names such as M2, nih or brokerage. */
export const MECHANISM_ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._-]*$';

const sign: Schema = {
  enum: EXPECTED_SIGNS,
  description: 'Expected sign of variant − baseline: up, down, none (no effect expected) or any (no expectation).',
};

/** The outcomes an experiment expects to move, each with its expected sign (the order is kept in tables). */
function expectSchema(): Schema {
  const derived = DERIVED_OUTCOME_NAMES.length ? ` or ${DERIVED_OUTCOME_NAMES.join(', ')}` : '';
  return {
    type: 'object',
    additionalProperties: false,
    description:
      `Outcome → expected sign of variant − baseline. The outcomes are summary metrics of sim/summary.ts (runs.csv columns)${derived}.`,
    'x-key-noun': 'outcome',
    'x-keys': `one of the ${OUTCOME_NAMES.length} outcomes: the summary metrics of sim/summary.ts${derived}`,
    properties: Object.fromEntries(OUTCOME_NAMES.map((n) => [n, sign])),
  };
}

const EXPECT_REF: Schema = { $ref: '#/definitions/mechanismExpect' };

/** Shared definitions of the block (the outcome list is long, so it is written once). */
export const mechanismDefinitions = (): Record<string, Schema> => ({ mechanismExpect: expectSchema() });

const text = (description: string): Schema => ({ type: 'string', minLength: 1, description });

export function mechanismSchema(namePattern: string): Schema {
  return {
    type: 'object',
    additionalProperties: false,
    required: ['id', 'title', 'expectation', 'expect'],
    description:
      'Marks the experiment as a paired test of one mechanism (npm run mechanisms runs the files named mechanism-*.yaml): each non-baseline scenario is a variant compared with the baseline on shared seeds.',
    properties: {
      id: {
        type: 'string',
        pattern: MECHANISM_ID_PATTERN,
        description: 'Mechanism id as in the review and issue 11: M1..M11, nih, scope, legitimacy, brokerage, ...',
        'x-allowed': 'a short name of letters, digits, ".", "_" and "-", e.g. M2 or brokerage',
      },
      title: text('The mechanism in a few words.'),
      source: text('Where the expectation comes from (article, section, case fact).'),
      expectation: text('What the articles expect the variant to do, in one or two sentences.'),
      expect: EXPECT_REF,
      variants: {
        type: 'array',
        description: 'Variants whose expectation differs from the experiment-wide one: their own text and signs.',
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['scenario'],
          properties: {
            scenario: {
              type: 'string',
              pattern: namePattern,
              description: 'Name of a non-baseline scenario of this experiment.',
            },
            expectation: text('What the articles expect of this variant.'),
            expect: EXPECT_REF,
          },
        },
      },
    },
  };
}
