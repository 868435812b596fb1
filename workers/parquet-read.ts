/**
 * Reads the Parquet tables regiosim writes, synchronously and one row group at a time (the report
 * and the checks are synchronous, and hyparquet's public reader is async). It uses hyparquet's
 * column decoder (exported as `hyparquet/src/*.js`, pinned version) on byte ranges read with
 * fs.readSync: memory holds one row group of the columns asked for.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { FileMetaData } from 'hyparquet';
import { readColumn } from 'hyparquet/src/column.js';
import { DEFAULT_PARSERS } from 'hyparquet/src/convert.js';
import { parquetMetadata, parquetSchema } from 'hyparquet/src/metadata.js';
import { getTreePath } from 'hyparquet/src/schema.js';

export type ReadCell = number | bigint | string | boolean | null | undefined;

function readBytes(fd: number, start: number, length: number): Uint8Array {
  const buf = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buf, done, length - done, start + done);
    if (n === 0) throw new Error(`unexpected end of file at byte ${start + done}`);
    done += n;
  }
  return new Uint8Array(buf.buffer, buf.byteOffset, length);
}

/** The file's metadata (schema, row groups, key-value metadata), read from its footer. */
export function readParquetMetadata(path: string): FileMetaData {
  const fd = openSync(path, 'r');
  try {
    return footer(fd);
  } finally {
    closeSync(fd);
  }
}

function footer(fd: number): FileMetaData {
  const size = fstatSync(fd).size;
  if (size < 12) throw new Error('not a Parquet file (too short)');
  const tail = readBytes(fd, size - 8, 8);
  const length = new DataView(tail.buffer, tail.byteOffset, 8).getUint32(0, true);
  if (length + 12 > size) throw new Error('not a Parquet file (bad footer length)');
  return parquetMetadata(readBytes(fd, size - 8 - length, length + 8));
}

/** The key-value metadata of a file as an object. */
export function parquetKeyValues(meta: FileMetaData): Record<string, string> {
  return Object.fromEntries((meta.key_value_metadata ?? []).map((kv) => [kv.key, kv.value ?? '']));
}

/**
 * Calls `visit(cells)` for every row, cells in the order of `columns` (all columns when omitted);
 * null for a missing value. `visit` returning false stops the reading.
 */
export function forEachParquetRow(
  path: string,
  visit: (cells: ReadCell[]) => boolean | undefined,
  columns?: readonly string[],
): { rows: number; columns: string[] } {
  const fd = openSync(path, 'r');
  try {
    const meta = footer(fd);
    const tree = parquetSchema(meta);
    const names = tree.children.map((c) => c.element.name);
    const wanted = columns ?? names;
    const index = wanted.map((name) => {
      const k = names.indexOf(name);
      if (k < 0) throw new Error(`${path} has no column ${name}`);
      return k;
    });
    let rows = 0;
    for (const group of meta.row_groups) {
      const n = Number(group.num_rows);
      const data = index.map((k) => {
        const chunk = group.columns[k].meta_data!;
        const schemaPath = getTreePath(tree, chunk.path_in_schema);
        const start = Number(chunk.dictionary_page_offset ?? chunk.data_page_offset);
        const bytes = readBytes(fd, start, Number(chunk.total_compressed_size));
        const reader = { view: new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), offset: 0 };
        const decoder = {
          pathInSchema: chunk.path_in_schema,
          type: chunk.type,
          element: schemaPath[schemaPath.length - 1].element,
          schemaPath,
          codec: chunk.codec,
          parsers: DEFAULT_PARSERS,
        };
        const pages = readColumn(reader, { groupStart: 0, selectStart: 0, selectEnd: n, groupRows: n }, decoder).data;
        const flat: ReadCell[] = [];
        for (const page of pages) for (let i = 0; i < page.length; i++) flat.push(page[i] as ReadCell);
        if (flat.length !== n) throw new Error(`${path}: column ${names[k]} has ${flat.length} of ${n} values in a row group`);
        return flat;
      });
      for (let r = 0; r < n; r++) {
        rows++;
        if (visit(data.map((col) => col[r] ?? null)) === false) return { rows, columns: [...wanted] };
      }
    }
    return { rows, columns: [...wanted] };
  } finally {
    closeSync(fd);
  }
}
