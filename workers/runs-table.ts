/**
 * runs.csv: one row per run, in run-index order. Columns: run, point, scenario, one column per
 * sweep variable (in order of first appearance in the plan), replicate, seed, status, error, then
 * every SUMMARY_METRICS column in registry order, then the columns of the plan's outcomes
 * (scenarios/outcomes.ts: declared, or chosen from the horizon). Failed runs have status `error`,
 * the message in `error` and NA metrics and outcomes.
 */
import { type OutcomeSpec, outcomeColumns, outcomesOf } from '../scenarios/outcomes.js';
import type { ExperimentPlan, PlanPoint } from '../scenarios/plan.js';
import { SUMMARY_METRICS } from '../sim/summary.js';
import { csvField, formatExact, formatValue } from './format.js';
import type { RunOutcome } from './protocol.js';

export const METRIC_COLUMNS = Object.keys(SUMMARY_METRICS);
const FIXED = ['run', 'point', 'scenario', 'replicate', 'seed', 'status', 'error'];

export interface RunsTable {
  /** The sweep variables, as named in the plan. */
  sweepNames: string[];
  /** Their column names (prefixed `sweep_` only where a name would clash with a fixed column). */
  sweepColumns: string[];
  /** The plan's outcomes (declared or default); their columns follow the metrics. */
  outcomes: OutcomeSpec[];
  columns: string[];
  header: string;
  row(outcome: Omit<RunOutcome, 'row'>, point: Pick<PlanPoint, 'scenario' | 'sweep'>): string;
}

/** The meaning of every runs.csv column of a table (fixed columns, swept values, SUMMARY_METRICS), in column order. */
export function runsColumnMeanings(table: {
  sweepNames: readonly string[];
  sweepColumns: readonly string[];
  outcomes?: readonly OutcomeSpec[];
}): Record<string, string> {
  const outcomes: Record<string, string> = {};
  for (const o of table.outcomes ?? []) {
    const areas = o.source.kind === 'series' && o.columns.length > 1 ? o.source.areas : [];
    o.columns.forEach((c, i) => {
      outcomes[c] = `outcome: ${o.meaning}${areas.length ? ` (area ${areas[i]})` : ''}`;
    });
  }
  return {
    run: 'run index in the batch (0-based); the key into series.csv and municipalities.csv',
    point: 'scenario × sweep point id',
    scenario: 'scenario name',
    ...Object.fromEntries(table.sweepNames.map((k, i) => [table.sweepColumns[i], `swept value of ${k}`])),
    replicate: 'replicate number within the point (0-based)',
    seed: 'run seed (from the master seed and the replicate); re-run one run alone as in "Re-running one run" in the batch README',
    status: 'ok, or error if the run threw',
    error: 'the error message of a failed run (its metrics are NA)',
    ...SUMMARY_METRICS,
    ...outcomes,
  };
}

/**
 * The table of a plan (built alike in the main thread, for the header, and in each worker, for rows).
 * Without `outcomes` the plan's defaults are used, which need the points' inputs (their horizons).
 */
export function runsTable(plan: {
  points: ReadonlyArray<Pick<PlanPoint, 'sweep'> & Partial<Pick<PlanPoint, 'input'>>>;
  outcomes?: ExperimentPlan['outcomes'];
}): RunsTable {
  const sweepNames: string[] = [];
  for (const p of plan.points) for (const k of Object.keys(p.sweep)) if (!sweepNames.includes(k)) sweepNames.push(k);
  const outcomes = outcomesOf(plan as Pick<ExperimentPlan, 'points' | 'outcomes'>);
  const extra = outcomeColumns(outcomes);
  const taken = new Set([...FIXED, ...METRIC_COLUMNS, ...extra]);
  const sweepColumns = sweepNames.map((k) => (taken.has(k) ? `sweep_${k}` : k));
  const columns = [
    'run',
    'point',
    'scenario',
    ...sweepColumns,
    'replicate',
    'seed',
    'status',
    'error',
    ...METRIC_COLUMNS,
    ...extra,
  ];
  const na = [...METRIC_COLUMNS, ...extra].map(() => 'NA').join(',');
  return {
    sweepNames,
    sweepColumns,
    outcomes,
    columns,
    header: `${columns.join(',')}\n`,
    row(o, point) {
      const sweep = sweepNames.map((k) => `,${formatValue(point.sweep[k])}`).join('');
      // An outcome without its values (made by hand, as in tests) leaves its columns NA.
      const outs = extra.map((_, i) => o.outcomes?.[i] ?? Number.NaN);
      const metrics = o.status === 'ok' ? [...o.metrics, ...outs].map(formatExact).join(',') : na;
      return `${o.index},${csvField(o.pointId)},${csvField(point.scenario)}${sweep},${o.replicate},${o.seed},${o.status},${csvField(o.error)},${metrics}\n`;
    },
  };
}

/** The run index at the start of a runs.csv line (its first field is always a bare integer). */
export function runIndexOf(line: string): number {
  const comma = line.indexOf(',');
  const text = comma < 0 ? line : line.slice(0, comma);
  return /^\d+$/.test(text) ? Number(text) : Number.NaN;
}
