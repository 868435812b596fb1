/**
 * What a robustness analysis compares, read from an explore batch: the batch's outcome columns that
 * have a direction or a satisficing threshold (manifest plan.outcomes), and for each of them a
 * policies × futures matrix of values, a future being a scenario × design row and the value the
 * mean over the point's replicates (runs with no value left out).
 * @example
 * const m = robustnessMeasures(readExploreBatch('out/robust-drenthe-pool'));
 * m.measures[0].values[0][3] // the first policy's mean in the fourth future
 */
import { type OutcomeDirection, type Satisfice, valueColumn } from '../../scenarios/outcomes.js';
import { ReportError } from '../errors.js';
import { type ExploreData, rowMeans } from '../explore/read.js';
import { metricStyle, setOutcomeStyles } from '../metrics.js';

export interface Measure {
  /** The runs.csv column. */
  column: string;
  /** The declared outcome it belongs to (differs from column for area: each). */
  outcome: string;
  label: string;
  unit: string;
  direction: OutcomeDirection;
  satisfice?: Satisfice;
  /** values[p][f]: policy p's mean over replicates in future f (NaN: no run with a value). */
  values: Float64Array[];
  /** Median standard error of a point's mean over its replicates (NaN with one replicate): the noise in each value. */
  noiseSe: number;
}

export interface RobustnessMeasures {
  policies: string[];
  /** Future ids, "<scenario>|future-<row>", in order (scenario-major). */
  futures: string[];
  measures: Measure[];
}

/** The standard error of the mean of a point's finite values (NaN for fewer than two). */
function standardError(values: readonly number[]): number {
  const v = values.filter(Number.isFinite);
  if (v.length < 2) return Number.NaN;
  const m = v.reduce((s, x) => s + x, 0) / v.length;
  return Math.sqrt(v.reduce((s, x) => s + (x - m) ** 2, 0) / (v.length - 1) / v.length);
}

function median(values: number[]): number {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (v.length === 0) return Number.NaN;
  return v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
}

/**
 * The measures of a batch.
 * @throws ReportError when the experiment has no policies, or no outcome with a direction
 */
export function robustnessMeasures(data: ExploreData): RobustnessMeasures {
  const e = data.exploration;
  const where = data.info.dir;
  if (e.policies.length < 2)
    throw new ReportError(
      `${where}: the experiment has ${e.policies.length === 0 ? 'no policies' : 'one policy'}; robustness compares policies across futures: add at least two to its policies: list (scenarios/README.md, "Designs")`,
    );
  const outcomes = data.info.outcomes;
  if (!outcomes)
    throw new ReportError(
      `${where}: manifest.json lists no outcomes (a batch made before outcomes): run the experiment again with this version`,
    );
  setOutcomeStyles(outcomes); // labels and units as declared, for the tables and charts
  const wanted = outcomes.filter((o) => o.direction !== 'none' || o.satisfice);
  if (!wanted.some((o) => o.direction !== 'none'))
    throw new ReportError(
      `${where}: no outcome has a direction; robustness needs at least one: give an outcome direction: maximise or minimise in the experiment's outcomes: (scenarios/README.md, "Outcomes")`,
    );
  const policies = e.policies.map((p) => p.name);
  const futures = e.scenarios.flatMap((s) => e.design.rows.map((_, r) => `${s}|future-${r}`));
  const measures: Measure[] = [];
  for (const o of wanted) {
    const columns = o.columns.length ? o.columns : [valueColumn(o)];
    for (const column of columns) {
      if (!data.runs.metricNames.includes(column))
        throw new ReportError(
          `${data.info.files.runs}: no column "${column}" of outcome ${o.name}; the file was edited`,
        );
      const values = policies.map(() => new Float64Array(futures.length).fill(Number.NaN));
      const errors: number[] = [];
      for (const g of data.groups) {
        const p = policies.indexOf(g.policy ?? '');
        if (p < 0) continue;
        const offset = e.scenarios.indexOf(g.scenario) * e.design.rows.length;
        rowMeans(g, column).means.forEach((m, r) => {
          values[p][offset + r] = m;
        });
        for (const point of g.rows) if (point) errors.push(standardError(point.metrics.get(column) ?? []));
      }
      const style = metricStyle(column);
      measures.push({
        column,
        outcome: o.name,
        label: style.label,
        unit: style.unit,
        direction: o.direction,
        ...(o.satisfice ? { satisfice: o.satisfice } : {}),
        values,
        noiseSe: median(errors),
      });
    }
  }
  return { policies, futures, measures };
}
