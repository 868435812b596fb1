/**
 * Writes outcomes in run-index order whatever order they finish in: out-of-order outcomes wait in
 * a buffer until the runs before them are in, then the contiguous prefix is appended. Each flush is
 * one write of complete lines per file, series.csv before runs.csv, so a kill leaves whole rows
 * only, and every run in runs.csv also has its series (resume relies on both). The rows arrive
 * formatted by the workers, so the main thread only concatenates and writes. A write that fails
 * (disk full) is undone: both files are cut back to their last complete flush.
 */
import { closeSync, fstatSync, ftruncateSync, openSync } from 'node:fs';
import { writeAll } from '../store/write.js';
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
  private readonly files: OrderedWriterFiles;
  private broken = false;
  /** Bytes of each file after the last complete flush. */
  private runsSize: number;
  private seriesSize: number;
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
    this.files = files;
    this.runsSize = fstatSync(this.runsFd).size;
    this.seriesSize = this.seriesFd === undefined ? 0 : fstatSync(this.seriesFd).size;
  }

  add(outcome: RunOutcome): void {
    this.pending.set(outcome.index, outcome);
  }

  /**
   * Appends the contiguous prefix that is complete; returns how many runs it wrote. On a failed
   * write both files are cut back to the last flush, the runs stay unwritten, and the error is thrown.
   */
  flush(): number {
    // After a failed write nothing more is written: the batch stops there, consistent, for --resume.
    if (this.broken) return 0;
    let rows = '';
    let series = '';
    const batch: RunOutcome[] = [];
    for (let i = this.next, o = this.pending.get(i); o; o = this.pending.get(++i)) {
      batch.push(o);
      rows += o.row;
      series += o.series;
    }
    if (batch.length === 0) return 0;
    try {
      if (this.seriesFd !== undefined && series) writeAll(this.seriesFd, series, this.files.series!);
      writeAll(this.runsFd, rows, this.files.runs);
    } catch (e) {
      this.broken = true;
      this.undo();
      throw e;
    }
    this.runsSize += Buffer.byteLength(rows);
    this.seriesSize += Buffer.byteLength(series);
    for (const o of batch) {
      this.pending.delete(o.index);
      if (o.status === 'ok') this.ok++;
      else {
        this.failed++;
        if (this.failures.length < MAX_LISTED) this.failures.push({ ...o, series: '', metrics: [] });
      }
    }
    this.next += batch.length;
    return batch.length;
  }

  /** Cuts both files back to the last complete flush (best effort: resume repairs the rest). */
  private undo(): void {
    try {
      ftruncateSync(this.runsFd, this.runsSize);
      if (this.seriesFd !== undefined) ftruncateSync(this.seriesFd, this.seriesSize);
    } catch {
      // --resume drops a half-written row and series lines past the last whole row.
    }
  }

  close(): void {
    closeSync(this.runsFd);
    if (this.seriesFd !== undefined) closeSync(this.seriesFd);
  }
}
