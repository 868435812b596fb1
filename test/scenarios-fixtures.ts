/** Helpers for the scenario-file tests: files in a temporary folder, and their problems as printed lines. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';
import { loadNationalData } from '../data/load.js';
import { formatIssue, validateFiles } from '../scenarios/load.js';

export const data = loadNationalData();

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** Writes `files` (name -> YAML text) into a new temporary folder and returns the folder. */
export function writeFiles(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'regiosim-scenarios-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** The problems of `file` in `dir` as printed by `regiosim validate`, with the folder left out. */
export function problems(dir: string, file: string): string[] {
  return validateFiles([join(dir, file)], data).map((i) => formatIssue(i).replaceAll(`${dir}/`, ''));
}
