/**
 * Writes outcomes in run-index order whatever order they finish in: out-of-order outcomes wait in
 * a buffer until the runs before them are in, then the contiguous prefix is appended. Each flush is
 * one write of complete lines per file, the row tables (series.csv, municipalities.csv, ...; see
 * workers/tables.ts) before runs.csv, so a kill leaves whole rows only, and every run in runs.csv
 * also has all its table rows (resume relies on both). The rows arrive formatted and encoded by the
 * workers (UTF-8 bytes, workers/wire.ts), so the main thread only concatenates and writes. A write
 * that fails (disk full) is undone: every file is cut back to its last complete flush.
 */
import { closeSync, fstatSync, ftruncateSync, openSync } from 'node:fs';
import { writeAll } from '../store/write.js';
import type { WireOutcome } from './protocol.js';
import type { TableKey } from './tables.js';

const MAX_LISTED = 20;

/** Sum of the byte lengths. */
const byteCount = (parts: Uint8Array[]) => parts.reduce((sum, p) => sum + p.length, 0);

export interface OrderedWriterFiles {
  runs: string;
  /** The row tables written (in this order, before runs.csv): which outcome field goes to which file. */
  tables: Array<{ key: TableKey; path: string }>;
}

interface TableFile {
  key: TableKey;
  path: string;
  fd: number;
  /** Bytes after the last complete flush. */
  size: number;
}

/** What the end message says of a failed run. */
export type FailedRun = Pick<WireOutcome, 'index' | 'pointId' | 'replicate' | 'seed' | 'error'>;

export class OrderedWriter {
  private readonly pending = new Map<number, WireOutcome>();
  private readonly runsFd: number;
  private readonly tables: TableFile[];
  private readonly files: OrderedWriterFiles;
  private broken = false;
  /** Bytes of runs.csv after the last complete flush. */
  private runsSize: number;
  /** The next run index to write: every run below it is on disk. */
  next: number;
  ok = 0;
  failed = 0;
  /** The first failures written (for the end message), at most MAX_LISTED. */
  readonly failures: FailedRun[] = [];

  /** Opens every file for appending (kept open: one write call per flush, no open/close). */
  constructor(files: OrderedWriterFiles, start: number) {
    this.next = start;
    this.runsFd = openSync(files.runs, 'a');
    this.tables = files.tables.map(({ key, path }) => {
      const fd = openSync(path, 'a');
      return { key, path, fd, size: fstatSync(fd).size };
    });
    this.files = files;
    this.runsSize = fstatSync(this.runsFd).size;
  }

  add(outcome: WireOutcome): void {
    this.pending.set(outcome.index, outcome);
  }

  /**
   * Appends the contiguous prefix that is complete; returns how many runs it wrote. On a failed
   * write both files are cut back to the last flush, the runs stay unwritten, and the error is thrown.
   */
  flush(): number {
    // After a failed write nothing more is written: the batch stops there, consistent, for --resume.
    if (this.broken) return 0;
    const rows: Uint8Array[] = [];
    const texts: Uint8Array[][] = this.tables.map(() => []);
    const batch: WireOutcome[] = [];
    for (let i = this.next, o = this.pending.get(i); o; o = this.pending.get(++i)) {
      batch.push(o);
      rows.push(o.row);
      for (let k = 0; k < this.tables.length; k++) texts[k].push(o[this.tables[k].key]);
    }
    if (batch.length === 0) return 0;
    const runsBytes = byteCount(rows);
    const tableBytes = texts.map(byteCount);
    try {
      this.tables.forEach((t, k) => {
        if (tableBytes[k] > 0) writeAll(t.fd, Buffer.concat(texts[k], tableBytes[k]), t.path);
      });
      writeAll(this.runsFd, Buffer.concat(rows, runsBytes), this.files.runs);
    } catch (e) {
      this.broken = true;
      this.undo();
      throw e;
    }
    this.runsSize += runsBytes;
    this.tables.forEach((t, k) => {
      t.size += tableBytes[k];
    });
    for (const o of batch) {
      this.pending.delete(o.index);
      if (o.status === 'ok') this.ok++;
      else {
        this.failed++;
        if (this.failures.length < MAX_LISTED)
          this.failures.push({
            index: o.index,
            pointId: o.pointId,
            replicate: o.replicate,
            seed: o.seed,
            error: o.error,
          });
      }
    }
    this.next += batch.length;
    return batch.length;
  }

  /** Cuts every file back to the last complete flush (best effort: resume repairs the rest). */
  private undo(): void {
    try {
      ftruncateSync(this.runsFd, this.runsSize);
      for (const t of this.tables) ftruncateSync(t.fd, t.size);
    } catch {
      // --resume drops a half-written row and table rows past the last whole row.
    }
  }

  close(): void {
    closeSync(this.runsFd);
    for (const t of this.tables) closeSync(t.fd);
  }
}
