/**
 * Reading the files that scenarios and experiments name, safely: a file named inside another file
 * must lie (after symbolic links) in that file's folder tree or in the shipped library, only
 * regular files are read (a FIFO or /dev/zero would hang), at most MAX_FILE_BYTES, and only valid
 * UTF-8 text. Problems are said without quoting the file: it may be /etc/shadow.
 */
import { closeSync, constants, existsSync, fstatSync, openSync, readSync, realpathSync, type Stats } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { displayPath, showValue } from './issues.js';
import { MAX_FILE_BYTES, MAX_FILE_TEXT } from './limits.js';
import { libraryDir } from './refs.js';

/** Text read, or why not (with a 1-based line and column when the problem is at a place in the file). */
export type TextRead = { text: string } | { problem: string; line?: number; column?: number };

/** Reads a file as UTF-8 text under the rules above. */
export function readInputText(path: string, maxBytes = MAX_FILE_BYTES): TextRead {
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO must not wait for a writer; fstat below refuses it.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    return { problem: openProblem(e as NodeJS.ErrnoException) };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { problem: `is ${fileKind(st)}; allowed: a regular file` };
    const tooBig = { problem: `is larger than ${MAX_FILE_TEXT}; allowed: a file of at most ${MAX_FILE_TEXT}` };
    if (st.size > maxBytes) return tooBig;
    // Files in /proc say size 0: read up to the limit plus one byte whatever the size says.
    const buf = Buffer.alloc(maxBytes + 1);
    let n = 0;
    for (let got = 1; got > 0 && n < buf.length; n += got) got = readSync(fd, buf, n, buf.length - n, null);
    if (n > maxBytes) return tooBig;
    return decode(buf.subarray(0, n));
  } catch (e) {
    return { problem: openProblem(e as NodeJS.ErrnoException) };
  } finally {
    closeSync(fd);
  }
}

function openProblem(e: NodeJS.ErrnoException): string {
  if (e.code === 'ENOENT') return 'no such file';
  if (e.code === 'EACCES' || e.code === 'EPERM') return 'cannot be read (permission denied)';
  if (e.code === 'EISDIR') return 'is a folder; allowed: a regular file';
  if (e.code === 'ELOOP') return 'is a loop of symbolic links; allowed: a regular file';
  return `cannot be read (${e.code ?? e.message})`;
}

function fileKind(st: Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

// C0 controls other than tab, line feed and carriage return, and DEL: YAML does not allow them.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Strict UTF-8: an invalid byte is an error at its line and column, never silently replaced. */
function decode(buf: Buffer): TextRead {
  const text = buf.toString('utf8');
  const again = Buffer.from(text, 'utf8');
  if (!again.equals(buf)) {
    let i = 0;
    while (i < buf.length && buf[i] === again[i]) i++;
    const at = placeOfByte(buf, i);
    return {
      ...at,
      problem: `is not valid UTF-8 (byte 0x${buf[i].toString(16).padStart(2, '0')}); allowed: UTF-8 text`,
    };
  }
  const bad = CONTROL.exec(text);
  if (bad) {
    const before = text.slice(0, bad.index);
    const line = before.split('\n').length;
    const code = bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    return {
      line,
      column: bad.index - before.lastIndexOf('\n'),
      problem: `contains a control character (U+${code}); allowed: text without control characters`,
    };
  }
  return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
}

function placeOfByte(buf: Buffer, i: number): { line: number; column: number } {
  const before = buf.subarray(0, i);
  const lastNl = before.lastIndexOf(0x0a);
  let line = 1;
  for (const b of before) if (b === 0x0a) line++;
  return { line, column: before.subarray(lastNl + 1).toString('utf8').length + 1 };
}

/** The real path of a file or, when it does not exist, of its nearest existing folder plus the rest. */
function realPath(path: string): string {
  const abs = resolve(path);
  if (existsSync(abs)) return realpathSync(abs);
  const parent = dirname(abs);
  return parent === abs ? abs : resolve(realPath(parent), relative(parent, abs));
}

const inside = (path: string, root: string) => path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);

/**
 * Why `target`, named in `namingFile` under `key`, may not be read, or undefined when it may: it
 * must lie in the folder of `namingFile` (or below it) or in the shipped library, after links;
 * `alsoIn` adds shipped folders for some kinds of file (posteriors: scenarios/calibrations).
 */
export function confinementProblem(
  target: string,
  namingFile: string,
  written: string,
  alsoIn: ReadonlyArray<{ dir: string; label: string }> = [],
): string | undefined {
  const real = realPath(target);
  const home = realPath(dirname(namingFile));
  const library = [libraryDir('scenario'), libraryDir('experiment'), ...alsoIn.map((a) => a.dir)].map(realPath);
  if ([home, ...library].some((root) => inside(real, root))) return undefined;
  const via = real !== resolve(target) ? ` (a link to ${displayPath(real)})` : '';
  const shipped = ['scenarios/library', 'scenarios/experiments', ...alsoIn.map((a) => a.label)].join(', ');
  return `${showValue(written)}${via} is outside the folder of this file; allowed: a file in ${displayPath(home)} or its subfolders, or in the shipped library (${shipped})`;
}
