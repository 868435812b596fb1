/**
 * Checks of what a batch folder's CSV files hold, shared by `--resume`, `regiosim merge` and
 * `regiosim report`, so none of them trusts a file that was cut, edited or half-written: every
 * runs.csv row is the expected run (index, point, replicate) with well-formed cells, and every ok
 * run has exactly its series.csv lines, in run order.
 */
import { splitCsvLine } from './csv-lines.js';
import { runIndexOf } from './runs-table.js';
import { REGION_SERIES_COUNT } from './series.js';
import type { SeriesMode } from './protocol.js';

/** A number cell as workers/format.ts writes it: a finite number, NA, Inf or -Inf. */
export function isNumberCell(text: string): boolean {
  if (text === 'NA' || text === 'Inf' || text === '-Inf') return true;
  return text !== '' && /^-?[0-9.]/.test(text) && Number.isFinite(Number(text));
}

/** series.csv lines of one ok run of `months` months. */
export function seriesLinesPerRun(months: number, mode: SeriesMode): number {
  if (mode === 'none') return 0;
  return REGION_SERIES_COUNT * (mode === 'monthly' ? months : Math.ceil(months / 12));
}

/** What a runs.csv row of a plan must be: its layout, and the point of each run index. */
export interface RowRules {
  columns: readonly string[];
  /** Point ids in plan order; run i belongs to point floor(i / replicates). */
  pointIds: readonly string[];
  replicates: number;
}

/** The problem with one runs.csv row (its cells), or undefined when it is run `run` of the plan, well formed. */
export function rowProblem(cells: readonly string[], run: number, rules: RowRules): string | undefined {
  const cols = rules.columns;
  if (cells.length !== cols.length) return `${cells.length} fields, the header has ${cols.length}`;
  const index = /^\d+$/.test(cells[0]) ? Number(cells[0]) : Number.NaN;
  if (index !== run)
    return Number.isNaN(index)
      ? `the run cell is "${cells[0]}", not a run number`
      : index > run
        ? `run ${index} where run ${run} was expected: run${index - run > 1 ? `s ${run}–${index - 1} are` : ` ${run} is`} missing`
        : `run ${index} where run ${run} was expected: a run repeated or out of order`;
  const point = rules.pointIds[Math.floor(run / rules.replicates)];
  if (cells[cols.indexOf('point')] !== point) return `run ${run} names point "${cells[1]}", the plan has "${point}"`;
  const at = (name: string) => cells[cols.indexOf(name)];
  if (at('replicate') !== String(run % rules.replicates))
    return `run ${run} has replicate "${at('replicate')}", expected ${run % rules.replicates}`;
  if (!/^\d+$/.test(at('seed'))) return `run ${run} has seed "${at('seed')}", not a whole number`;
  const status = at('status');
  if (status !== 'ok' && status !== 'error') return `run ${run} has status "${status}" (allowed: ok, error)`;
  const first = cols.indexOf('error') + 1;
  for (let k = first; k < cols.length; k++) {
    const cell = cells[k];
    if (status === 'ok' ? !isNumberCell(cell) : cell !== 'NA')
      return `run ${run}, column ${cols[k]}: "${cell.slice(0, 40)}" is not ${status === 'ok' ? 'a number (a number, NA, Inf or -Inf)' : 'NA (the run failed)'}`;
  }
  return undefined;
}

/** Splits a runs.csv line and checks it (see rowProblem). */
export function checkRow(line: string, run: number, rules: RowRules): { cells: string[]; problem?: string } {
  const cells = splitCsvLine(line);
  return { cells, problem: rowProblem(cells, run, rules) };
}

/**
 * Follows series.csv line by line against the ok runs of runs.csv (in order, with the number of
 * lines each must have): a missing, extra or out-of-order line is a problem naming the run.
 */
export class SeriesCheck {
  private readonly runs: number[] = [];
  private readonly counts: number[] = [];
  private i = 0;
  private seen = 0;
  /** Lines of runs past the expected ones (allowed only while a batch is still being written). */
  extra = 0;

  /**
   * @param checkValues check that every line ends in a number cell
   * @param noun what a line is, for the messages (series.csv: 'series'; municipalities.csv: 'municipality')
   */
  constructor(
    private readonly checkValues: boolean,
    private readonly noun = 'series',
  ) {}

  private get lines(): string {
    return this.noun === 'series' ? 'series lines' : `${this.noun} rows`;
  }

  /** A run's lines as a whole ("the series of run 3"). */
  private get group(): string {
    return this.noun === 'series' ? 'series' : this.lines;
  }

  /** Declares the next ok run and how many series lines it has. */
  expect(run: number, lines: number): void {
    if (lines <= 0) return;
    this.runs.push(run);
    this.counts.push(lines);
  }

  /** Checks one line (`run,scope,area,month,year,variable,value`); returns a problem or undefined. */
  line(text: string, allowExtra = false): string | undefined {
    const run = runIndexOf(text);
    if (Number.isNaN(run)) return `"${text.slice(0, 40)}" does not start with a run number`;
    if (this.checkValues) {
      const c = text.lastIndexOf(',');
      if (c < 0 || !isNumberCell(text.slice(c + 1)))
        return `run ${run}: "${text.slice(0, 60)}" does not end in a number (a number, NA, Inf or -Inf)`;
    }
    if (this.i >= this.runs.length) {
      if (allowExtra) {
        this.extra++;
        return undefined;
      }
      return `${this.lines.slice(0, -1)} of run ${run}, but runs.csv has no further ok run`;
    }
    if (run === this.runs[this.i]) {
      if (++this.seen > this.counts[this.i]) return `run ${run} has more than its ${this.counts[this.i]} ${this.lines}`;
      return undefined;
    }
    if (this.seen < this.counts[this.i])
      return this.seen === 0
        ? `the ${this.group} of run ${this.runs[this.i]} are missing (found run ${run} instead)`
        : `run ${this.runs[this.i]} has ${this.seen} of its ${this.counts[this.i]} ${this.lines} (a line is missing)`;
    const next = this.i + 1;
    if (next < this.runs.length && run === this.runs[next]) {
      this.i = next;
      this.seen = 1;
      return undefined;
    }
    if (next >= this.runs.length && allowExtra && run > this.runs[this.i]) {
      this.i = next;
      this.extra++;
      return undefined;
    }
    return `${this.lines.slice(0, -1)} of run ${run} where run ${next < this.runs.length ? this.runs[next] : 'none (every ok run is complete)'} was expected`;
  }

  /** After the last line: the ok runs whose series lines are missing, or undefined. */
  end(): string | undefined {
    const at = this.i;
    if (at >= this.runs.length || (at === this.runs.length - 1 && this.seen === this.counts[at])) return undefined;
    if (this.seen > 0 && this.seen < this.counts[at])
      return `run ${this.runs[at]} has ${this.seen} of its ${this.counts[at]} ${this.lines}${at < this.runs.length - 1 ? `, and the ${this.group} of ${this.runs.length - at - 1} later runs are missing` : ''}`;
    const from = this.seen === 0 ? at : at + 1;
    const n = this.runs.length - from;
    return `the ${this.group} of ${n} run${n === 1 ? '' : 's'} are missing (from run ${this.runs[from]} on)`;
  }
}
