/**
 * The pre-speed model as a baseline for `npm run bench`: commit 6994d29 checked out with
 * `git worktree` into .bench/ (git-ignored) and built there once; later benches reuse it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const BASELINE_COMMIT = '6994d29';

/** Root of the built baseline checkout (it holds dist/), made if missing. */
export function ensureBaseline(repo = process.cwd()): string {
  const dir = resolve(repo, '.bench', `baseline-${BASELINE_COMMIT}`);
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] });
  if (!existsSync(join(dir, 'package.json'))) {
    git('worktree', 'prune');
    git('worktree', 'add', '--detach', '--force', dir, BASELINE_COMMIT);
  }
  if (!existsSync(join(dir, 'node_modules'))) symlinkSync(resolve(repo, 'node_modules'), join(dir, 'node_modules'));
  if (!existsSync(join(dir, 'dist', 'sim', 'simulate.js'))) {
    console.log(`building the baseline ${BASELINE_COMMIT} in ${dir}`);
    execFileSync(process.execPath, [join(dir, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], {
      cwd: dir,
      stdio: 'inherit',
    });
  }
  return dir;
}
