/**
 * The tables of a robustness result, each with its columns, their Parquet types and what it holds:
 * regret, satisficing, percentiles, pareto (the non-dominated set) and regret-by-future (the long
 * table, one row per future × policy × directed outcome).
 * @example
 * const t = robustnessTables(result); toCsv(t.regret.rows, t.regret.columns.map((c) => c.name))
 */
import type { ColumnSpec } from '../../workers/parquet-write.js';
import type { RobustnessResult } from './analyse.js';

type Row = Record<string, unknown>;
export interface Table {
  columns: ColumnSpec[];
  rows: Row[];
  about: string;
}

const s = (name: string): ColumnSpec => ({ name, type: 'string' });
const d = (name: string): ColumnSpec => ({ name, type: 'double' });
const i = (name: string): ColumnSpec => ({ name, type: 'int' });
/** The leading columns of the regret and percentiles tables. */
const keys = [s('policy'), s('outcome'), s('label'), s('unit'), s('direction')];

export function robustnessTables(r: RobustnessResult): Record<string, Table> {
  const directed = r.outcomes.filter((o) => o.direction !== 'none').map((o) => o.outcome);
  return {
    regret: {
      about: `per policy and directed outcome: regret against the best policy of each future (in the outcome's unit; 0 = best), its maximum, 90th percentile (type 7) and mean over ${r.futures} futures, the share of futures where the policy is best, and the replicate noise of a point mean (median standard error)`,
      columns: [
        ...keys,
        d('maxRegret'),
        d('p90Regret'),
        d('meanRegret'),
        d('bestShare'),
        i('futures'),
        i('futuresLeftOut'),
        d('noiseSe'),
      ],
      rows: r.regret as unknown as Row[],
    },
    satisficing: {
      about:
        'per policy and thresholded outcome (and "all": every threshold at once): futures meeting the declared threshold, the share and its 95% Wilson interval',
      columns: [
        s('policy'),
        s('outcome'),
        s('label'),
        s('threshold'),
        i('futures'),
        i('met'),
        d('share'),
        d('ciLow'),
        d('ciHigh'),
      ],
      rows: r.satisficing as unknown as Row[],
    },
    percentiles: {
      about:
        "per policy and outcome: the 10th, 50th and 90th percentiles (type 7) and the mean of the futures' values (each the mean over replicates)",
      columns: [...keys, i('futures'), d('p10'), d('p50'), d('p90'), d('mean')],
      rows: r.percentiles as unknown as Row[],
    },
    pareto: {
      about: `per policy: whether it is in the non-dominated set on the ${r.pareto.words} of every directed outcome (lower is better), which policies dominate it, and those regrets`,
      columns: [
        s('policy'),
        s('nonDominated'),
        s('dominatedBy'),
        ...directed.map((c) => d(`${r.pareto.on}Regret_${c}`)),
      ],
      rows: r.pareto.rows.map((p) => ({
        policy: p.policy,
        nonDominated: p.nonDominated ? 'TRUE' : 'FALSE',
        dominatedBy: p.dominatedBy,
        ...Object.fromEntries(directed.map((c) => [`${r.pareto.on}Regret_${c}`, p.scores[c]])),
      })),
    },
    'regret-by-future': {
      about:
        'one row per future × policy × directed outcome: the value (mean over replicates) and the regret (NA where some policy had no value)',
      columns: [s('future'), s('policy'), s('outcome'), d('value'), d('regret')],
      rows: r.byFuture as unknown as Row[],
    },
  };
}
