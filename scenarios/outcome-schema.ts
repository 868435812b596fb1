/**
 * The JSON Schema of an experiment's optional `outcomes:` list: each outcome a series or an
 * end-of-run metric, at a year, at the end or aggregated over a window, for the region, a size class
 * or a municipality, with a label, unit and direction. Series and metric names come from the model's
 * registries (sim/outputs.ts, sim/summary.ts), so the schema follows the model. The checks a schema
 * cannot make (one of series or metric, years within the horizon, areas of the region) are in
 * scenarios/outcome-block.ts.
 */
import { MUNICIPALITY_SERIES, REGION_SERIES, SIZE_CLASS_SERIES } from '../sim/outputs.js';
import { SUMMARY_METRICS } from '../sim/summary.js';
import { OUTCOME_DIRECTIONS, OUTCOME_SCOPES, OUTCOME_STATS } from './outcomes.js';
import type { Schema } from './schema-check.js';

/** Outcome names are runs.csv columns: identifiers that R, pandas and SQL take without quoting. */
export const OUTCOME_NAME_PATTERN = '^[A-Za-z][A-Za-z0-9_]*$';
export const MAX_OUTCOMES = 100;
/** Columns all outcomes may add (area: each over a national region adds one per municipality). */
export const MAX_OUTCOME_COLUMNS = 2000;

const SERIES_NAMES = [
  ...new Set([...Object.keys(REGION_SERIES), ...Object.keys(SIZE_CLASS_SERIES), ...Object.keys(MUNICIPALITY_SERIES)]),
];

const text = (description: string, max = 200): Schema => ({
  type: 'string',
  minLength: 1,
  maxLength: max,
  description,
});

const YEAR: Schema = { type: 'integer', minimum: 2020, maximum: 2200, 'x-unit': 'calendar year' };

export function outcomesSchema(): Schema {
  return {
    type: 'array',
    minItems: 1,
    maxItems: MAX_OUTCOMES,
    description:
      'Outcomes (XLRM "M") to compute in every run, each one or more runs.csv columns: a series (region, size class or municipality) at a year, at the end, or aggregated over a window, or an end-of-run metric; with a label, unit and direction. Without this list the outcomes follow the horizon (progress at 2030 and at the last simulated year, membership, survival, ...).',
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['name'],
      properties: {
        name: {
          type: 'string',
          pattern: OUTCOME_NAME_PATTERN,
          maxLength: 60,
          description:
            'Column name in runs.csv (with area: each, one column name_<area> per area). A summary metric name alone declares that metric.',
          'x-allowed': 'a letter, then letters, digits and "_"',
        },
        label: text('Human label for tables and charts; default: from the name.'),
        unit: text('Unit for axis titles, e.g. "% of target", "FTE", "months".'),
        direction: {
          enum: OUTCOME_DIRECTIONS,
          description: 'Better when higher (maximise), lower (minimise), or neither (none, default).',
        },
        metric: {
          enum: Object.keys(SUMMARY_METRICS),
          description: 'An end-of-run summary metric (sim/summary.ts, docs/ODD.md 8.5); no time or area.',
          'x-allowed': `one of the ${Object.keys(SUMMARY_METRICS).length} summary metrics (runs.csv columns; docs/ODD.md section 8.5)`,
        },
        series: {
          enum: SERIES_NAMES,
          description:
            'A series (sim/outputs.ts, docs/ODD.md 8): REGION_SERIES for scope region, SIZE_CLASS_SERIES for sizeClass, MUNICIPALITY_SERIES (yearly) for municipality.',
          'x-allowed': 'a series name (docs/ODD.md section 8: region, size-class and municipality series)',
        },
        scope: { enum: OUTCOME_SCOPES, description: 'Whose series: region (default), sizeClass or municipality.' },
        area: text(
          'Which size class (under20k, 20to50k, 50to100k, over100k) or municipality (CBS code or name); each: one column per area.',
          100,
        ),
        at: {
          description: 'The value at the end of this calendar year, or at the end of the run (default).',
          oneOf: [
            { title: 'a calendar year', ...YEAR },
            { title: '"end"', const: 'end' },
          ],
        },
        stat: {
          enum: OUTCOME_STATS,
          description:
            'Aggregate over the window from..to instead of a value at a time: mean, sum, final, min, max, or firstCrossing (first month at or beyond threshold).',
        },
        from: { ...YEAR, description: 'First calendar year of the window (January); default the start.' },
        to: { ...YEAR, description: 'Last calendar year of the window (December); default the end.' },
        threshold: { type: 'number', description: 'For stat firstCrossing: the value to reach.' },
        crossing: {
          enum: ['above', 'below'],
          description: 'For stat firstCrossing: reach the threshold from below (above, default) or from above (below).',
        },
        satisfice: {
          type: 'object',
          additionalProperties: false,
          description:
            'Satisficing threshold for regiosim robustness: a future meets it when the outcome (mean over replicates) is at least atLeast and/or at most atMost; the share of futures meeting it is reported per policy, per outcome and for all thresholds jointly.',
          'x-allowed': '{ atLeast: <number> }, { atMost: <number> } or both',
          properties: {
            atLeast: { type: 'number', description: 'The lowest value that satisfices.' },
            atMost: { type: 'number', description: 'The highest value that satisfices.' },
          },
        },
      },
    },
  };
}
