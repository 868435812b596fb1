/** One simulation run turned into its batch outcome; used by the workers and by the dry-run pilot. */
import type { PlanPoint } from '../scenarios/plan.js';
import { simulate } from '../sim/simulate.js';
import { SUMMARY_METRICS, type SummaryMetric } from '../sim/summary.js';
import type { ChunkTask, RunOutcome, SeriesMode } from './protocol.js';
import type { RunsTable } from './runs-table.js';
import { regionCode, seriesLines } from './series.js';
import { type MunicipalityMode, municipalityRows, municipalitySeriesLines } from './municipality-table.js';
import { outcomeValues } from './outcome-values.js';

const METRIC_NAMES = Object.keys(SUMMARY_METRICS) as SummaryMetric[];

/**
 * One run, never throwing: its metrics, its runs.csv row and its series.csv lines. Adds the time
 * spent inside simulate() to `timing.simMs` (the batch bench separates the engine's cost with it).
 */
export function runOne(
  spec: ChunkTask['runs'][number],
  points: ReadonlyArray<Pick<PlanPoint, 'scenario' | 'sweep' | 'input'>>,
  table: RunsTable,
  mode: SeriesMode,
  timing: { simMs: number } = { simMs: 0 },
  municipalities: MunicipalityMode = 'none',
): RunOutcome {
  const point = points[spec.point];
  const base = { index: spec.index, pointId: spec.pointId, replicate: spec.replicate, seed: spec.seed };
  let outcome: Omit<RunOutcome, 'row'>;
  try {
    const t0 = performance.now();
    const result = simulate(point.input, spec.seed);
    timing.simMs += performance.now() - t0;
    const metrics = METRIC_NAMES.map((name) => result.summary.metrics[name]);
    const outcomes = outcomeValues(table.outcomes, result);
    const series = seriesLines(
      spec.index,
      result.series.region.values,
      result.horizonMonths,
      mode,
      regionCode(point.input),
      result.startYear,
    );
    const records = result.summary.municipalities;
    const perMunicipality =
      municipalities === 'none' ? '' : municipalityRows(spec.index, spec.pointId, spec.replicate, records);
    const yearly =
      municipalities === 'yearly'
        ? municipalitySeriesLines(
            spec.index,
            records.map((r) => r.code),
            result.series.municipality,
            result.startYear,
          )
        : '';
    outcome = {
      ...base,
      status: 'ok',
      error: '',
      metrics,
      outcomes,
      series,
      municipalities: perMunicipality,
      municipalitySeries: yearly,
    };
  } catch (e) {
    const error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    outcome = {
      ...base,
      status: 'error',
      error,
      metrics: [],
      outcomes: [],
      series: '',
      municipalities: '',
      municipalitySeries: '',
    };
  }
  return { ...outcome, row: table.row(outcome, point) };
}
