/** The numbers behind docs/MECHANISMS.md as CSV files (docs/mechanisms/*.csv). */
import type { Contrast } from './compare.js';
import type { MechanismRow } from './experiments.js';
import { csv, csvNum } from './format.js';
import type { FactorResult } from './screen.js';

/** The columns every contrast contributes, in both tables. */
const CONTRAST_COLUMNS = [
  'method',
  'pairs',
  'baselineMean',
  'variantMean',
  'effect',
  'ciLow',
  'ciHigh',
  'distinguishable',
];
function contrastCells(c: Contrast): Array<string | number | boolean> {
  return [
    c.method,
    c.pairs,
    csvNum(c.baselineMean),
    csvNum(c.variantMean),
    csvNum(c.mean),
    csvNum(c.ciLow),
    csvNum(c.ciHigh),
    c.distinguishable,
  ];
}

export function experimentsCsv(rows: readonly MechanismRow[]): string {
  return csv(
    [
      'mechanism',
      'experiment',
      'variant',
      'baseline',
      'sweep',
      'outcome',
      'expected',
      ...CONTRAST_COLUMNS,
      'verdict',
      'error',
    ],
    rows.map((r) => [
      r.mechanism.id,
      r.experiment,
      r.variant,
      r.baseline,
      r.sweep,
      r.outcome,
      r.expected,
      ...contrastCells(r.contrast),
      r.verdict.code,
      r.error,
    ]),
  );
}

export function screenCsv(results: readonly FactorResult[]): string {
  return csv(
    [
      'base',
      'context',
      'factor',
      'kind',
      'group',
      'setting',
      'outcome',
      'role',
      ...CONTRAST_COLUMNS,
      'identical',
      'standardised',
      'error',
    ],
    results.flatMap((f) =>
      f.rows.map((r) => [
        r.base,
        r.context,
        r.factor,
        r.kind,
        r.group,
        r.setting,
        r.outcome,
        r.role,
        ...contrastCells(r.contrast),
        r.contrast.identical,
        csvNum(r.standardised),
        r.error,
      ]),
    ),
  );
}

/** One line per factor: its status and largest effect. */
export function factorsCsv(results: readonly FactorResult[]): string {
  return csv(
    [
      'factor',
      'kind',
      'group',
      'range',
      'context',
      'status',
      'identical',
      'distinguishable',
      'contrasts',
      'largestBase',
      'largestSetting',
      'largestOutcome',
      'largestEffect',
      'largestStandardised',
    ],
    results.map((f) => [
      f.factor.name,
      f.factor.kind,
      f.factor.group,
      f.factor.range,
      f.context,
      status(f),
      f.identical,
      f.distinguishable,
      f.rows.length,
      f.largest?.base,
      f.largest?.setting,
      f.largest?.outcome,
      csvNum(f.largest?.contrast.mean ?? Number.NaN),
      csvNum(f.largest?.standardised ?? Number.NaN),
    ]),
  );
}

export function status(f: FactorResult): 'inert' | 'moves' | 'not screened' {
  return f.inert === undefined ? 'not screened' : f.inert ? 'inert' : 'moves';
}
