/** Issue 12, one writer at a time: a lock file around batch, resume, merge and report. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { OutputError } from '../store/errors.js';
import { acquireLock, LOCK_FILE } from '../store/lock.js';
import { batch, plan, point, read, tempDir } from './batch-helpers.js';

const experiment = plan([point('base', 24), point('no-pool', 24, { poolForm: 'none' })], 6);
let clean: string;

beforeAll(async () => {
  const dir = tempDir('clean');
  await batch(experiment, { outDir: dir, threads: 2 });
  clean = read(dir, 'runs.csv');
});

/** The PID of a process that has ended. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}
describe('write lock', () => {
  it('two --resume at once: one is refused naming the holder, runs.csv ends intact without duplicates', async () => {
    const dir = tempDir('two');
    await batch(experiment, { outDir: dir, threads: 1, chunk: 1, stopAfter: 3 });
    const results = await Promise.allSettled([
      batch(experiment, { outDir: dir, threads: 1, resume: true }),
      batch(experiment, { outDir: dir, threads: 1, resume: true }),
    ]);
    const refused = results.filter((r) => r.status === 'rejected');
    expect(refused).toHaveLength(1);
    const reason = (refused[0] as PromiseRejectedResult).reason;
    expect(reason).toBeInstanceOf(OutputError);
    expect(reason.message).toMatch(new RegExp(`being written by regiosim batch --resume \\(PID ${process.pid} on `));
    expect(read(dir, 'runs.csv')).toBe(clean);
    expect(JSON.parse(read(dir, 'manifest.json')).status).toBe('complete');
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it('takes over the stale lock of a process that no longer runs, with a note', async () => {
    const dir = tempDir('stale');
    await batch(experiment, { outDir: dir, threads: 1, stopAfter: 2 });
    const pid = deadPid();
    writeFileSync(
      join(dir, LOCK_FILE),
      JSON.stringify({ pid, host: hostname(), command: 'batch', startedAt: '2026-01-01T00:00:00Z' }),
    );
    const r = await batch(experiment, { outDir: dir, threads: 1, resume: true });
    expect(r.status).toBe('complete');
    expect(r.notes.join('\n')).toMatch(new RegExp(`took over the stale lock of regiosim batch \\(PID ${pid}`));
    expect(read(dir, 'runs.csv')).toBe(clean);
  });

  it('refuses a live holder, on this or another host, and releases only its own lock', () => {
    const dir = tempDir('live');
    const path = join(dir, LOCK_FILE);
    const lock = acquireLock(path, 'merge', dir);
    expect(() => acquireLock(path, 'report', dir)).toThrow(/being written by regiosim merge \(PID/);
    lock.release();
    expect(existsSync(path)).toBe(false);
    writeFileSync(path, JSON.stringify({ pid: 1, host: 'elsewhere', command: 'batch', startedAt: 'x' }));
    expect(() => acquireLock(path, 'batch', dir)).toThrow(/on elsewhere/);
    expect(readFileSync(path, 'utf8')).toMatch(/elsewhere/);
  });
});
