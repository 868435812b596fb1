/**
 * Writes outcomes in run-index order whatever order they finish in: out-of-order outcomes wait in
 * a buffer until the runs before them are in, then the contiguous prefix is appended. Each flush is
 * one write of complete lines per file, series.csv before runs.csv, so a kill leaves whole rows
 * only, and every run in runs.csv also has its series (resume relies on both). The rows arrive
 * formatted by the workers, so the main thread only concatenates and writes.
 */
import { closeSync, openSync, writeFileSync } from 'node:fs';
import type { RunOutcome } from './protocol.js';

const MAX_LISTED = 20;

export interface OrderedWriterFiles {
  runs: string;
  /** undefined when series are not written. */
  series?: string;
}

export class OrderedWriter {
  private readonly pending = new Map<number, RunOutcome>();
  private readonly runsFd: number;
  private readonly seriesFd: number | undefined;
  /** The next run index to write: every run below it is on disk. */
  next: number;
  ok = 0;
  failed = 0;
  /** The first failures written (for the end message), at most MAX_LISTED. */
  readonly failures: RunOutcome[] = [];

  /** Opens both files for appending (kept open: one write call per flush, no open/close). */
  constructor(files: OrderedWriterFiles, start: number) {
    this.next = start;
    this.runsFd = openSync(files.runs, 'a');
    this.seriesFd = files.series === undefined ? undefined : openSync(files.series, 'a');
  }

  add(outcome: RunOutcome): void {
    this.pending.set(outcome.index, outcome);
  }

  /** Appends the contiguous prefix that is complete; returns how many runs it wrote. */
  flush(): number {
    let rows = '';
    let series = '';
    const from = this.next;
    for (let o = this.pending.get(this.next); o; o = this.pending.get(this.next)) {
      this.pending.delete(this.next);
      rows += o.row;
      series += o.series;
      if (o.status === 'ok') this.ok++;
      else {
        this.failed++;
        if (this.failures.length < MAX_LISTED) this.failures.push({ ...o, series: '', metrics: [] });
      }
      this.next++;
    }
    if (this.next === from) return 0;
    // writeFileSync on a descriptor loops until every byte is written (fs.writeSync may not).
    if (this.seriesFd !== undefined && series) writeFileSync(this.seriesFd, series);
    writeFileSync(this.runsFd, rows);
    return this.next - from;
  }

  close(): void {
    closeSync(this.runsFd);
    if (this.seriesFd !== undefined) closeSync(this.seriesFd);
  }
}
