/**
 * Every file regiosim writes goes through these few functions, so that a failed write (disk full,
 * no permission) never leaves half a file or a temp file behind, and tests can inject the fault
 * (store/fault.ts).
 */
import { closeSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { allowedBytes, injectedError } from './fault.js';

/** Appends or writes all of `data` at a descriptor's position (writeFileSync loops until every byte is out). */
export function writeAll(fd: number, data: string | Uint8Array, path: string): void {
  const bytes = typeof data === 'string' ? Buffer.from(data) : data;
  const allowed = allowedBytes(bytes.length);
  if (allowed < bytes.length) {
    if (allowed > 0) writeFileSync(fd, bytes.subarray(0, allowed));
    throw injectedError(path);
  }
  writeFileSync(fd, bytes);
}

/** Writes a whole file (created or replaced) through writeAll. */
export function writeWhole(path: string, data: string | Uint8Array, flag: 'w' | 'wx' = 'w'): void {
  const fd = openSync(path, flag);
  try {
    writeAll(fd, data, path);
  } finally {
    closeSync(fd);
  }
}

/** Appends text to a file (created if missing) through writeAll. */
export function appendText(path: string, data: string): void {
  const fd = openSync(path, 'a');
  try {
    writeAll(fd, data, path);
  } finally {
    closeSync(fd);
  }
}

/** Writes a file atomically (temp file, then rename): an interrupted or failed write never leaves half a file, nor the temp file. */
export function writeAtomic(path: string, data: string | Uint8Array): void {
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    writeWhole(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    // Messages name the file the user knows, not the temp file.
    if ((e as NodeJS.ErrnoException).path === tmp) (e as NodeJS.ErrnoException).path = path;
    throw e;
  }
}
