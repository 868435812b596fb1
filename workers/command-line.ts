/**
 * Commands the tool prints for the user to paste (resume a batch, re-run a failed run, make the
 * report): they must work as printed, in the folder the user is in. So they start with the way
 * regiosim can be called from there, and every argument is quoted for a POSIX shell when it needs it.
 *
 *  - in the project folder: `npx regiosim` (package.json's `bin`; `npm ci` builds dist/);
 *  - run through a `regiosim` on the PATH (npm install -g, npm link): `regiosim`;
 *  - anywhere else: `node <path>/dist/cli/regiosim.js`.
 */
import { existsSync, realpathSync } from 'node:fs';
import { basename, delimiter, join, relative, resolve } from 'node:path';
import { projectRoot } from '../scenarios/refs.js';

/** The compiled entry point, as package.json's `bin` names it. */
export const BIN_PATH = 'dist/cli/regiosim.js';

const same = (a: string, b: string) => {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return resolve(a) === resolve(b);
  }
};

/** True when `regiosim` on the PATH is this program (so a plain `regiosim` works when pasted). */
function onPath(root: string): boolean {
  const script = process.argv[1];
  if (!script || basename(script) !== 'regiosim') return false;
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, 'regiosim');
    if (dir && existsSync(candidate) && same(candidate, join(root, BIN_PATH))) return true;
  }
  return false;
}

/** How to call regiosim from `cwd` in a pasted command: `npx regiosim`, `regiosim` or `node …/regiosim.js`. */
export function regiosimCommand(cwd = process.cwd()): string {
  const root = projectRoot();
  if (same(cwd, root)) return 'npx regiosim';
  if (onPath(root)) return 'regiosim';
  const rel = relative(cwd, join(root, BIN_PATH));
  // A path a few folders up stays readable; a path far away is clearer absolute.
  const path = rel.split('/').filter((p) => p === '..').length <= 1 ? rel : join(root, BIN_PATH);
  return `node ${shellQuote(path)}`;
}

/** One argument quoted for a POSIX shell (sh, bash, zsh) when it holds anything but safe characters. */
export function shellQuote(arg: string): string {
  if (arg !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** A complete command line to paste: `npx regiosim batch exp.yaml --out 'out/my run' --resume`. */
export function commandLine(args: readonly string[], cwd = process.cwd()): string {
  return [regiosimCommand(cwd), ...args.map(shellQuote)].join(' ');
}

/** A folder as the user should type it: relative to the current folder when inside it, else absolute. */
export function shownPath(path: string, cwd = process.cwd()): string {
  const r = relative(cwd, resolve(path));
  return r === '' ? '.' : r.startsWith('..') ? resolve(path) : r;
}

/** The command that re-runs run `index` of the batch folder alone (its point's inputs and its seed). */
export function rerunCommand(dir: string, index: number): string {
  return commandLine(['run', '--from', shownPath(dir), '--run', String(index)]);
}

/** The command line that was run, with --resume: it continues the batch in the same folder. */
export function resumeCommand(argv: readonly string[]): string {
  return commandLine([...argv, ...(argv.includes('--resume') ? [] : ['--resume'])]);
}
/**
 * The `regiosim batch` arguments that continue a batch, rebuilt from the arguments its manifest
 * records (`arguments` of manifest.json), or undefined when they are not a batch's.
 */
export function batchResumeArgs(recorded: Record<string, unknown>): string[] | undefined {
  const refs = recorded.refs;
  if (!Array.isArray(refs) || !refs.every((r) => typeof r === 'string') || typeof recorded.out !== 'string')
    return undefined;
  const args = ['batch', ...(refs as string[])];
  const option = (flag: string, value: unknown) => {
    if (typeof value === 'number' || (typeof value === 'string' && value !== '')) args.push(flag, String(value));
  };
  option('--runs', recorded.runs);
  option('--seed', recorded.seed);
  option('--series', recorded.series);
  option('--threads', recorded.threads);
  option('--chunk', recorded.chunk);
  option('--run-timeout', recorded.runTimeout);
  const shard = recorded.shard as { index?: unknown; count?: unknown } | undefined;
  if (shard && typeof shard.index === 'number' && typeof shard.count === 'number')
    args.push('--shard', `${shard.index}/${shard.count}`);
  args.push('--out', recorded.out, '--quiet', '--resume');
  return args;
}
