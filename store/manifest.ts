import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root: the nearest folder above this module with a package.json (works from source and dist/). */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      readFileSync(join(dir, 'package.json'));
      return dir;
    } catch {
      const up = dirname(dir);
      if (up === dir) throw new Error('regiosim: cannot find the project root (package.json)');
      dir = up;
    }
  }
}

export function packageVersion(): string {
  return JSON.parse(readFileSync(join(projectRoot(), 'package.json'), 'utf8')).version as string;
}

/** The git commit of the project, with "+dirty" for uncommitted changes; "unknown" outside a checkout. */
export function gitCommit(): string {
  try {
    const cwd = projectRoot();
    const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
      cwd,
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .toString()
      .trim();
    return dirty ? `${commit}+dirty` : commit;
  } catch {
    return 'unknown';
  }
}

export function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

export function sha256Text(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export interface Manifest {
  tool: 'regiosim';
  version: string;
  commit: string;
  node: string;
  command: string;
  arguments: Record<string, unknown>;
  inputs: Array<{ name: string; sha256: string }>;
  seeds: { master?: number; runs?: number[] };
  startedAt: string;
  finishedAt: string;
  [extra: string]: unknown;
}

/** A manifest for an output folder: what made it, from which inputs, when. */
export function makeManifest(fields: {
  command: string;
  arguments: Record<string, unknown>;
  inputFiles: string[];
  inlineInputs?: Array<{ name: string; text: string }>;
  seeds: Manifest['seeds'];
  startedAt: Date;
  extra?: Record<string, unknown>;
}): Manifest {
  return {
    tool: 'regiosim',
    version: packageVersion(),
    commit: gitCommit(),
    node: process.version,
    command: fields.command,
    arguments: fields.arguments,
    inputs: [
      ...fields.inputFiles.map((f) => ({ name: basename(f), sha256: sha256File(f) })),
      ...(fields.inlineInputs ?? []).map((i) => ({ name: i.name, sha256: sha256Text(i.text) })),
    ],
    seeds: fields.seeds,
    startedAt: fields.startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    ...fields.extra,
  };
}
