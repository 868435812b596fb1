/**
 * One writer at a time per output folder: a lock file created exclusively (`wx`) holding the
 * holder's PID, host, command and start time. A lock whose process is dead (same host) is stale
 * and taken over; a live one refuses the second writer with a message naming the holder.
 */
import { closeSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { OutputError } from './errors.js';
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
  try {
    const h = JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
    return Number.isSafeInteger(h.pid) && typeof h.host === 'string' ? h : undefined;
  } catch {
    return undefined;
  }
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
      rmSync(path, { force: true });
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
