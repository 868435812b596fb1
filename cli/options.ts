/**
 * Checks of the options every command shares, run once before any command (a yargs middleware), so
 * that `--seed 1.5`, `--threads 1000` or `--out ''` get a plain message instead of a stack trace
 * from deep inside a command. Each command still checks what only it knows.
 */
import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { MAX_SEED } from '../scenarios/schema.js';

/** A mistake on the command line: printed as a plain message, exit 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The whole-number options and their allowed ranges. */
const WHOLE: Record<string, { min: number; max: number }> = {
  seed: { min: 0, max: MAX_SEED },
  runs: { min: 1, max: 10_000 },
  run: { min: 0, max: Number.MAX_SAFE_INTEGER },
  threads: { min: 1, max: 1024 },
  chunk: { min: 1, max: 1_000_000 },
  shards: { min: 1, max: 100_000 },
  cpus: { min: 1, max: 1024 },
  maxParallel: { min: 1, max: 100_000 },
};

/** Folder options: a path without control characters, not an existing file. */
const FOLDERS = ['out'];

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;

/** The first control character of a text, said so that a person can find it, or undefined. */
export function controlCharacter(text: string): string | undefined {
  const m = CONTROL.exec(text);
  if (!m) return undefined;
  const code = m[0].charCodeAt(0);
  const name =
    code === 10
      ? 'a line break'
      : code === 13
        ? 'a carriage return'
        : code === 0
          ? 'a NUL byte'
          : 'a control character';
  return `${name} (U+${code.toString(16).toUpperCase().padStart(4, '0')}) at character ${m.index + 1}`;
}

const flag = (key: string) => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/**
 * Throws a UsageError for the first bad shared option; caps --threads at the cores with a warning.
 * `argv` is yargs' parsed arguments (camel-case keys).
 */
export function checkSharedOptions(argv: Record<string, unknown>, warn: (line: string) => void = console.warn): void {
  for (const [key, range] of Object.entries(WHOLE)) {
    const v = argv[key];
    if (v === undefined) continue;
    if (Array.isArray(v)) throw new UsageError(`${flag(key)}: given ${v.length} times; allowed: once`);
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < range.min || v > range.max)
      throw new UsageError(
        `${flag(key)}: ${typeof v === 'number' ? (Number.isNaN(v) ? 'not a number' : v) : JSON.stringify(v)} is not allowed; allowed: a whole number from ${range.min} to ${range.max}`,
      );
  }
  for (const key of FOLDERS) {
    const v = argv[key];
    if (v === undefined) continue;
    if (typeof v !== 'string') throw new UsageError(`${flag(key)}: given more than once; allowed: one folder`);
    if (v.trim() === '') throw new UsageError(`${flag(key)}: is empty; allowed: a folder path`);
    const control = controlCharacter(v);
    if (control)
      throw new UsageError(
        `${flag(key)}: the folder name contains ${control}; allowed: a path without control characters`,
      );
    if (existsSync(v) && !statSync(v).isDirectory())
      throw new UsageError(`${flag(key)}: ${v} is a file, not a folder; allowed: a new or existing folder`);
  }
  const cores = availableParallelism();
  if (typeof argv.threads === 'number' && argv.threads > cores) {
    warn(`regiosim: --threads ${argv.threads} is more than the ${cores} cores of this machine; using ${cores}`);
    argv.threads = cores;
  }
}

/** A flag's value as a message shows it: a list when the flag was given more than once. */
export function shownFlagValue(v: unknown): string {
  return Array.isArray(v) ? `${v.join(', ')} (given more than once)` : String(v);
}

/**
 * A message if a numeric flag is not one whole number ≥ min, else undefined (for yargs `.check`).
 * @example wholeNumberProblem('runs', 0, 1) // '--runs: 0 is not allowed; allowed: a whole number ≥ 1'
 */
export function wholeNumberProblem(name: string, v: unknown, min: number): string | undefined {
  if (v === undefined || (typeof v === 'number' && Number.isSafeInteger(v) && v >= min)) return undefined;
  return `--${name}: ${shownFlagValue(v)} is not allowed; allowed: a whole number ≥ ${min}`;
}
