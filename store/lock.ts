/**
 * One writer at a time per output folder: a lock file created exclusively (`wx`) holding the
 * holder's PID, host, command and start time. A lock whose process is dead (same host) is stale
 * and taken over; a live one refuses the second writer with a message naming the holder.
 */
import { closeSync, openSync, rmSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { OutputError } from './errors.js';
import { tryReadJson } from './read.js';
import { writeAll } from './write.js';

export const LOCK_FILE = '.regiosim-lock';

export interface LockHolder {
  pid: number;
  host: string;
  command: string;
  startedAt: string;
}

export interface Lock {
  path: string;
  /** Set when a stale lock of a dead process was taken over (for a note). */
  stale?: LockHolder;
  release(): void;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(path: string): LockHolder | undefined {
  const h = tryReadJson(path, 64 * 1024) as LockHolder | undefined;
  return h && Number.isSafeInteger(h.pid) && typeof h.host === 'string' ? h : undefined;
}

const sameHolder = (a: LockHolder | undefined, b: LockHolder | undefined) =>
  a === undefined || b === undefined ? a === b : a.pid === b.pid && a.host === b.host && a.startedAt === b.startedAt;

/**
 * Removes the stale lock at `path` if it is still the one found stale (`seen`), under a second,
 * short-lived lock (`path.takeover`), so that two writers who both found it stale cannot both take
 * it over: without it, the second would remove the lock the first had just taken. Returns false
 * when another process is taking it over this instant.
 */
function removeStale(path: string, seen: LockHolder | undefined): boolean {
  const guard = `${path}.takeover`;
  let fd: number;
  try {
    fd = openSync(guard, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    // A guard left by a process killed in these few lines: old after a few seconds.
    const age = Date.now() - (statSync(guard, { throwIfNoEntry: false })?.mtimeMs ?? 0);
    if (age > 10_000) rmSync(guard, { force: true });
    return false;
  }
  try {
    if (sameHolder(readHolder(path), seen)) rmSync(path, { force: true });
  } finally {
    closeSync(fd);
    rmSync(guard, { force: true });
  }
  return true;
}

/** The live holder of a lock file, or undefined when there is none or it is stale. */
export function liveHolder(path: string): LockHolder | undefined {
  const h = readHolder(path);
  if (!h) return undefined;
  return h.host !== hostname() || alive(h.pid) ? h : undefined;
}

export const holderText = (h: LockHolder) =>
  `regiosim ${h.command} (PID ${h.pid} on ${h.host}, since ${h.startedAt})`;

/**
 * Takes the lock at `path` for `command` or throws an OutputError naming the holder. `what` names
 * the folder in messages. The lock goes when released, and at process exit whatever the cause.
 */
export function acquireLock(path: string, command: string, what: string): Lock {
  const me: LockHolder = { pid: process.pid, host: hostname(), command, startedAt: new Date().toISOString() };
  let stale: LockHolder | undefined;
  for (let attempt = 0; ; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, 'wx');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const h = readHolder(path);
      // An unreadable lock younger than a few seconds may be one being written this instant.
      const age = Date.now() - (statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? 0);
      if ((h && (h.host !== hostname() || alive(h.pid))) || (!h && age < 5000) || attempt > 0)
        throw new OutputError(
          `${what} is being written by ${h ? holderText(h) : 'another regiosim process'}: wait for it to finish. If no such process runs any more, remove ${path}`,
        );
      stale = h;
      removeStale(path, h);
      continue;
    }
    try {
      writeAll(fd, `${JSON.stringify(me)}\n`, path);
    } catch (e) {
      rmSync(path, { force: true }); // no half-written lock of ours
      throw e;
    } finally {
      closeSync(fd);
    }
    break;
  }
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    process.off('exit', release);
    // Remove only our own lock (not one a later writer took over).
    if (readHolder(path)?.pid === me.pid) rmSync(path, { force: true });
  };
  process.on('exit', release);
  return { path, stale, release };
}
