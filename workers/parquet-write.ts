/**
 * A Parquet file written in row groups with flat memory (hyparquet-writer): rows are added one at a
 * time into column buffers of one row group; a full group is encoded, written to the file and the
 * buffers reused, so memory holds one row group whatever the file's size. The bytes depend only on
 * the rows, the schema and the key-value metadata (no timestamps, no paths), so the same rows give
 * the same file. Written under a temporary name and renamed into place by close(): a file of that
 * name is always whole.
 */
import { closeSync, openSync, renameSync, rmSync } from 'node:fs';
import { ByteWriter, ParquetWriter } from 'hyparquet-writer';
import { writeAll } from '../store/write.js';

/** Column types: integers (32-bit), doubles, text. Every column may hold nulls (NA in the CSV). */
export type ColumnType = 'int' | 'double' | 'string';

export interface ColumnSpec {
  name: string;
  type: ColumnType;
}

/** Rows per row group: ~64k rows keeps a group of 30 columns near 15 MB while the file stays scannable. */
export const ROW_GROUP_ROWS = 65_536;

const PARQUET_TYPE = {
  int: { type: 'INT32' },
  double: { type: 'DOUBLE' },
  string: { type: 'BYTE_ARRAY', converted_type: 'UTF8' },
} as const;

/** A ByteWriter that empties itself into a file descriptor after every row group (and at the end). */
class FileSink extends ByteWriter {
  constructor(
    private readonly fd: number,
    private readonly path: string,
  ) {
    super(1 << 20);
  }
  flush(): void {
    if (this.index > 0) writeAll(this.fd, new Uint8Array(this.buffer, 0, this.index), this.path);
    this.index = 0;
  }
  override finish(): void {
    this.flush();
  }
}

export type Cell = number | string | null;

export class ParquetTableWriter {
  private readonly fd: number;
  private readonly tmp: string;
  private readonly writer: ParquetWriter;
  private readonly buffers: Cell[][];
  private rows = 0;
  private closed = false;
  /** Rows written so far. */
  total = 0;

  constructor(
    private readonly path: string,
    private readonly columns: readonly ColumnSpec[],
    metadata: Record<string, string>,
    private readonly groupRows = ROW_GROUP_ROWS,
  ) {
    this.tmp = `${path}.tmp-${process.pid}`;
    this.fd = openSync(this.tmp, 'w');
    this.buffers = columns.map(() => new Array<Cell>(groupRows));
    try {
      this.writer = new ParquetWriter({
        writer: new FileSink(this.fd, this.tmp),
        schema: [
          { name: 'root', num_children: columns.length },
          ...columns.map((c) => ({ name: c.name, repetition_type: 'OPTIONAL' as const, ...PARQUET_TYPE[c.type] })),
        ],
        codec: 'SNAPPY',
        kvMetadata: Object.entries(metadata).map(([key, value]) => ({ key, value })),
        createdBy: metadata['regiosim.createdBy'] ?? 'regiosim',
      });
    } catch (e) {
      this.abort();
      throw e;
    }
  }

  /** Adds one row (cells in column order; null for a missing value). */
  add(cells: readonly Cell[]): void {
    for (let k = 0; k < this.buffers.length; k++) this.buffers[k][this.rows] = cells[k];
    if (++this.rows === this.groupRows) this.writeGroup();
  }

  private writeGroup(): void {
    if (this.rows === 0) return;
    const n = this.rows;
    const columnData = this.columns.map((c, k) => ({
      name: c.name,
      data: n === this.groupRows ? this.buffers[k] : this.buffers[k].slice(0, n),
    }));
    this.writer.write({ columnData, rowGroupSize: n });
    this.total += n;
    this.rows = 0;
  }

  /** Writes the last row group and the footer, and renames the file into place. */
  close(): void {
    if (this.closed) return;
    try {
      this.writeGroup();
      this.writer.finish();
    } catch (e) {
      this.abort();
      throw e;
    }
    closeSync(this.fd);
    this.closed = true;
    renameSync(this.tmp, this.path);
  }

  /** Drops the unfinished file. */
  abort(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
    rmSync(this.tmp, { force: true });
  }
}
