/**
 * Line-level reading of the batch CSV files without loading them whole (runs.csv of 100,000 runs is
 * ~100 MB): forward block reads for runs.csv, backward reads for the tail of series.csv.
 */
import { closeSync, ftruncateSync, openSync, readSync } from 'node:fs';
import { InputFileError } from '../store/errors.js';
import { openRegular } from '../store/read.js';

const BLOCK = 1 << 20;
/** Longest line read (a runs.csv row is a few kB): a file without line breaks (a link to /dev/zero) stops here. */
export const MAX_LINE_BYTES = 16 * 1024 * 1024;

/**
 * Calls `visit(line, startByte)` for every complete line (ending in \n, without it) and returns the
 * byte length of the complete lines: anything after it is a half-written last line.
 */
export function forEachLine(path: string, visit: (line: string, start: number) => boolean | undefined): number {
  const fd = openRegular(path);
  try {
    const buf = Buffer.alloc(BLOCK);
    let carry = Buffer.alloc(0);
    let carryStart = 0;
    let pos = 0;
    for (;;) {
      const n = readSync(fd, buf, 0, BLOCK, pos);
      if (n === 0) return carryStart;
      pos += n;
      const data = carry.length ? Buffer.concat([carry, buf.subarray(0, n)]) : buf.subarray(0, n);
      let from = 0;
      for (let nl = data.indexOf(10, from); nl >= 0; nl = data.indexOf(10, from)) {
        if (visit(data.toString('utf8', from, nl), carryStart + from) === false) return carryStart + nl + 1;
        from = nl + 1;
      }
      carry = Buffer.from(data.subarray(from));
      carryStart += from;
      if (carry.length > MAX_LINE_BYTES)
        throw new InputFileError(
          `${path}: a line longer than ${MAX_LINE_BYTES.toLocaleString('en')} bytes at byte ${carryStart}; allowed: a CSV file written by regiosim (short lines)`,
        );
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads the file's tail backwards, line by line (complete lines only, last first), until `keep`
 * says a line stays; returns the byte offset just after the last kept line (or after the header).
 */
export function tailCut(path: string, size: number, headerBytes: number, keep: (line: string) => boolean): number {
  const fd = openRegular(path);
  try {
    let window = Math.min(size, BLOCK);
    for (;;) {
      const start = size - window;
      const buf = Buffer.alloc(window);
      readSync(fd, buf, 0, window, start);
      let end = buf.lastIndexOf(10);
      if (end < 0) {
        if (start <= headerBytes) return headerBytes;
        window = Math.min(size, window * 2);
        continue;
      }
      // Walk complete lines from the end; the first (possibly partial) line of the window is not trusted.
      for (;;) {
        const prev = end > 0 ? buf.lastIndexOf(10, end - 1) : -1;
        if (prev < 0 && start > 0) break;
        const lineStart = prev + 1;
        if (start + lineStart < headerBytes) return headerBytes;
        if (keep(buf.toString('utf8', lineStart, end))) return start + end + 1;
        end = prev;
        if (end < 0) return headerBytes;
      }
      if (window === size) return headerBytes;
      window = Math.min(size, window * 2);
    }
  } finally {
    closeSync(fd);
  }
}

export function truncate(path: string, length: number): void {
  closeSync(openRegular(path));
  const fd = openSync(path, 'r+');
  try {
    ftruncateSync(fd, length);
  } finally {
    closeSync(fd);
  }
}

/** Splits one CSV record that has no line breaks (RFC 4180 quotes). */
export function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells;
}
