/**
 * The page's results as runs arrive (in any order): runs.csv rows formatted by the batch's own
 * table (workers/runs-table.ts), and the statistics of the report (reports/stats): bands over time,
 * survival with Wilson intervals, paired differences with 95% t-intervals, a municipality map.
 */
import { KEY_METRICS, metricStyle } from '../../reports/metrics.js';
import { band, describe, pairedDifference, wilson } from '../../reports/stats/index.js';
import type { ExperimentPlan } from '../../scenarios/plan.js';
import type { RunOutcome } from '../../workers/protocol.js';
import { METRIC_COLUMNS, runsTable } from '../../workers/runs-table.js';
import type { PageOutcome, PageSeries } from './outcome.js';

export interface BandDatum {
  scenario: string;
  year: number;
  mean: number;
  q05: number;
  q95: number;
}
export interface SurvivalDatum {
  scenario: string;
  year: number;
  share: number;
  ciLow: number;
  ciHigh: number;
}
export interface TableRow {
  metric: string;
  label: string;
  format: string;
  share: boolean;
  baseline: { mean: number; ciLow: number; ciHigh: number };
  scenario: { mean: number; ciLow: number; ciHigh: number };
  difference: { mean: number; ciLow: number; ciHigh: number; pairs: number; distinguishable: boolean };
}

/** A page run as the batch's table takes it: the fields of a row, and no series or municipality lines. */
function batchOutcome(o: PageOutcome): Omit<RunOutcome, 'row'> {
  const { index, pointId, replicate, seed, status, error, metrics, outcomes } = o;
  return {
    index,
    pointId,
    replicate,
    seed,
    status,
    error,
    metrics,
    outcomes,
    series: '',
    municipalities: '',
    municipalitySeries: '',
  };
}

export class PageResults {
  private readonly outcomes = new Map<number, PageOutcome>();
  private readonly table;
  readonly years: number[];

  constructor(readonly plan: ExperimentPlan) {
    this.table = runsTable(plan);
    const { startYear, horizonMonths } = plan.points[0].input;
    this.years = Array.from({ length: Math.ceil(horizonMonths / 12) }, (_, k) => startYear + k);
  }

  add(o: PageOutcome): void {
    this.outcomes.set(o.index, o);
  }

  get done(): number {
    return this.outcomes.size;
  }

  /** Replicates with both runs done. */
  pairs(): number[] {
    const n = this.plan.replicates;
    const out: number[] = [];
    for (let r = 0; r < n; r++) if (this.outcomes.has(r) && this.outcomes.has(n + r)) out.push(r);
    return out;
  }

  private of(point: number): PageOutcome[] {
    return this.pairs()
      .map((r) => this.outcomes.get(point * this.plan.replicates + r) as PageOutcome)
      .filter((o) => o.status === 'ok');
  }

  /** runs.csv as `regiosim batch` writes it for the runs done so far (in run order). */
  runsCsv(): string {
    const rows = [...this.outcomes.values()]
      .sort((a, b) => a.index - b.index)
      .map((o) => this.table.row(batchOutcome(o), this.plan.points[o.point]));
    return this.table.header + rows.join('');
  }

  failed(): number {
    return [...this.outcomes.values()].filter((o) => o.status === 'error').length;
  }

  bands(series: PageSeries): BandDatum[] {
    return this.plan.points.flatMap((p, k) => {
      const runs = this.of(k).map((o) => o.series[series]);
      if (runs.length === 0) return [];
      return band(runs, this.years).map((b) => ({
        scenario: p.scenario,
        year: b.month,
        mean: b.mean,
        q05: b.q05,
        q95: b.q95,
      }));
    });
  }

  /** Share of runs with a pool alive at each year end. */
  survival(): SurvivalDatum[] {
    return this.plan.points.flatMap((p, k) => {
      const runs = this.of(k);
      if (runs.length === 0) return [];
      return this.years.map((year, t) => {
        const w = wilson(runs.filter((o) => o.series.poolsAlive[t] > 0).length, runs.length);
        return { scenario: p.scenario, year, share: w.share, ciLow: w.ciLow, ciHigh: w.ciHigh };
      });
    });
  }

  /** The key outcomes: each side's mean with its 95% interval, and the paired difference. */
  tableRows(): TableRow[] {
    const [base, scen] = [this.of(0), this.of(1)];
    return KEY_METRICS.map((metric) => {
      const col = METRIC_COLUMNS.indexOf(metric);
      const values = (runs: PageOutcome[]) => new Map(runs.map((o) => [o.replicate, o.metrics[col]]));
      const b = describe(base.map((o) => o.metrics[col]));
      const s = describe(scen.map((o) => o.metrics[col]));
      const d = pairedDifference(values(base), values(scen));
      const style = metricStyle(metric);
      return {
        metric,
        label: style.label,
        format: style.format,
        share: style.share,
        baseline: { mean: b.mean, ciLow: b.ciLow, ciHigh: b.ciHigh },
        scenario: { mean: s.mean, ciLow: s.ciLow, ciHigh: s.ciHigh },
        difference: {
          mean: d.mean,
          ciLow: d.ciLow,
          ciHigh: d.ciHigh,
          pairs: d.pairs,
          distinguishable: d.distinguishable,
        },
      };
    });
  }

  /** Mean paired difference (scenario − baseline) of progress by 2030, per municipality. */
  municipalityDifferences(): Array<{ code: string; difference: number }> {
    const n = this.plan.replicates;
    const sums = new Map<string, { sum: number; n: number }>();
    for (const r of this.pairs()) {
      const b = this.outcomes.get(r) as PageOutcome;
      const s = this.outcomes.get(n + r) as PageOutcome;
      if (b.status !== 'ok' || s.status !== 'ok') continue;
      for (const [code, v] of Object.entries(s.municipalities)) {
        const d = v - b.municipalities[code];
        if (!Number.isFinite(d)) continue;
        const acc = sums.get(code) ?? { sum: 0, n: 0 };
        acc.sum += d;
        acc.n += 1;
        sums.set(code, acc);
      }
    }
    return [...sums].map(([code, a]) => ({ code, difference: a.sum / a.n }));
  }
}
