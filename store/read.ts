/**
 * Reading the files of output folders (manifest.json, runs.csv, series.csv, design.json, job.json,
 * markers and locks) safely: a folder may come from a colleague or a download, so a file there may
 * be a named pipe (opening it would wait forever), a link to /dev/zero (reading it never ends) or
 * to /etc/shadow (an error must not quote it). Only regular files are read, JSON files up to a size
 * limit, and a file that is not valid JSON is said to be so without quoting it.
 */
import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { InputFileError } from './errors.js';

/** Largest JSON file read from an output folder (a manifest of 50,000 points is ~20 MB). */
export const MAX_JSON_BYTES = 256 * 1024 * 1024;

function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * Opens a regular file for reading (links followed) and returns its descriptor; anything else (a
 * FIFO, a device, a folder) is an InputFileError. Never waits: the open does not block on a FIFO.
 * File-system errors (no such file, permission denied) are thrown as they are.
 */
export function openRegular(path: string): number {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EISDIR')
      throw new InputFileError(`${path}: is a folder; allowed: a regular file`);
    throw e;
  }
  const st = fstatSync(fd);
  if (!st.isFile()) {
    closeSync(fd);
    throw new InputFileError(`${path}: is ${kindOf(st)}; allowed: a regular file`);
  }
  return fd;
}

/** A regular file's text (UTF-8), refused above `maxBytes`. */
export function readRegularText(path: string, maxBytes: number = MAX_JSON_BYTES): string {
  const fd = openRegular(path);
  try {
    const tooBig = () =>
      new InputFileError(`${path}: is larger than ${maxBytes.toLocaleString('en')} bytes; allowed: at most that`);
    if (fstatSync(fd).size > maxBytes) throw tooBig();
    // Some files say size 0 (/proc): read up to the limit plus one byte whatever the size says.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.alloc(Math.min(1 << 20, maxBytes + 1 - total));
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      chunks.push(buf.subarray(0, n));
      total += n;
      if (total > maxBytes) throw tooBig();
    }
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** Where JSON.parse stopped, as "line L, column C", when its message says (never the text itself). */
function jsonPlace(text: string, message: string): string {
  const m = /position (\d+)/.exec(message);
  if (!m) return /end of JSON input/.test(message) ? ' (it ends too early)' : '';
  const at = Number(m[1]);
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return ` (at line ${line}, column ${at - before.lastIndexOf('\n')})`;
}

/**
 * A regular file's JSON. A file that is not JSON is an InputFileError that says where, not what:
 * JSON.parse quotes the text in its message, and the file may be a link to a secret.
 */
export function readJsonFile(path: string, maxBytes: number = MAX_JSON_BYTES): unknown {
  const text = readRegularText(path, maxBytes);
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new InputFileError(`${path}: is not valid JSON${jsonPlace(text, (e as Error).message)}`);
  }
}

/** readJsonFile, or undefined when the file is missing, unreadable or not JSON (markers, locks). */
export function tryReadJson(path: string, maxBytes = 1 << 20): unknown {
  try {
    return readJsonFile(path, maxBytes);
  } catch {
    return undefined;
  }
}
