/**
 * Helpers for the hostile-input suites: the built CLI run in a sandbox folder, hashes of every
 * file there (nothing written before may change), and the checks every refusal must pass.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect } from 'vitest';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** dist/ is built by test/global-setup.ts. */
export const CLI = join(ROOT, 'dist', 'cli', 'regiosim.js');

const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function sandbox(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `regiosim-hostile-${prefix}-`));
  made.push(dir);
  return dir;
}

export interface CliResult {
  code: number | null;
  out: string;
  err: string;
}

export function cli(args: string[], cwd: string, env: Record<string, string> = {}): CliResult {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Path -> sha256 of every regular file under `dir` (links not followed: a sandbox may link to /etc). */
export function hashTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const path = join(dir, name);
    const st = lstatSync(path, { throwIfNoEntry: false });
    if (st?.isFile()) out[name] = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  return out;
}

/** A refusal: non-zero exit, the expected located message, no stack trace, none of `secrets` echoed. */
export function expectRefused(r: CliResult, message: RegExp, secrets: string[] = []): void {
  const all = `${r.out}\n${r.err}`;
  expect(r.code, all).not.toBe(0);
  expect(r.code, all).not.toBeNull();
  expect(all).toMatch(message);
  expect(all).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  expect(all).not.toMatch(/internal error/);
  for (const s of secrets) expect(all).not.toContain(s);
}
