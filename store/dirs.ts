/**
 * Creating folders. Node's mkdirSync(path, { recursive: true }) never returns for a path under
 * /proc (it retries the ENOENT it gets there forever), so output folders are made one level at a
 * time from the nearest existing folder, and a folder that cannot take new folders is said so.
 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { OutputError } from './errors.js';

/**
 * Makes `path` and any missing parents; returns the folders it created (outermost first), so that a
 * caller can remove them again when what it meant to write fails.
 * @throws OutputError for a parent that takes no new folders (/proc, /sys); file-system errors otherwise
 */
export function makeDir(path: string): string[] {
  const missing: string[] = [];
  for (let p = resolve(path); ; ) {
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(p, { throwIfNoEntry: false });
    } catch (e) {
      // ENOTDIR: a part of the path is a file; mkdir below says so about the folder to create.
      if ((e as NodeJS.ErrnoException).code !== 'ENOTDIR') throw e;
      st = undefined;
    }
    if (st) {
      if (!st.isDirectory()) {
        const e = new Error(`ENOTDIR: not a directory, mkdir '${path}'`) as NodeJS.ErrnoException;
        Object.assign(e, { code: 'ENOTDIR', syscall: 'mkdir', path });
        throw e;
      }
      break;
    }
    missing.push(p);
    const parent = dirname(p);
    if (parent === p) break;
    p = parent;
  }
  const made: string[] = [];
  for (const dir of missing.reverse()) {
    try {
      mkdirSync(dir);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' && statSync(dir).isDirectory()) continue;
      // ENOENT although the parent exists: a virtual file system (/proc) that takes no new folders.
      if (code === 'ENOENT' && statSync(dirname(dir), { throwIfNoEntry: false })?.isDirectory())
        throw new OutputError(
          `cannot create the folder ${dir}: ${dirname(dir)} takes no new folders (a system folder such as /proc); choose another output folder`,
        );
      if (code === 'ENOTDIR' || code === 'ENOENT') (e as NodeJS.ErrnoException).path = path;
      throw e;
    }
    made.push(dir);
  }
  return made;
}
