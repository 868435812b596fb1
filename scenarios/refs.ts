/**
 * What a scenario reference names: a built-in scenario (default, national), a file path, or a file
 * of the shipped library by name (so `regiosim run drenthe-flexteam` works from any folder).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { didYouMean, showValue } from './issues.js';
import { suggest } from './names.js';

/** Built-in scenarios that need no file (scenarios/default.ts). */
export const BUILT_IN = {
  default: 'RES Drenthe, flexpool of 4 staff started by 5 founders, high scarcity, 2026-2050',
  national: 'All 342 municipalities, one labour market, one flexpool per RES region, high scarcity',
} as const;
export type BuiltInName = keyof typeof BUILT_IN;

export function isBuiltIn(ref: string): ref is BuiltInName {
  return Object.hasOwn(BUILT_IN, ref);
}

const EXTENSIONS = ['.yaml', '.yml', '.json'];

/** The project root (the folder with package.json), from source and from dist/ alike. */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('regiosim: cannot find the project root (package.json)');
    dir = up;
  }
  return dir;
}

/** What a file describes: one scenario, or an experiment over scenarios. */
export type FileKind = 'scenario' | 'experiment';

/** Where the shipped scenarios and experiments live. */
export function libraryDir(kind: FileKind): string {
  return join(projectRoot(), 'scenarios', kind === 'scenario' ? 'library' : 'experiments');
}

/** Every YAML or JSON file under `dir`, sorted, as absolute paths. */
export function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => EXTENSIONS.includes(extname(f)) && statSync(f).isFile())
    .sort();
}

/** The library's files by name (file name without extension). */
export function libraryNames(kind: FileKind): Map<string, string> {
  return new Map(yamlFiles(libraryDir(kind)).map((f) => [basename(f, extname(f)), f]));
}

export type ResolvedRef = { builtIn: BuiltInName } | { file: string } | { error: string };

/**
 * Resolves a reference: a built-in name, a path (relative to `baseDir`), or a library name.
 * @example resolveRef('drenthe-flexteam', process.cwd(), 'scenario') // { file: '/…/scenarios/library/drenthe-flexteam.yaml' }
 */
export function resolveRef(ref: string, baseDir: string, kind: FileKind): ResolvedRef {
  if (kind === 'scenario' && isBuiltIn(ref)) return { builtIn: ref };
  const path = resolve(baseDir, ref);
  if (existsSync(path) && statSync(path).isFile()) return { file: path };
  const library = libraryNames(kind);
  const named = library.get(ref);
  if (named) return { file: named };
  const candidates = [...(kind === 'scenario' ? Object.keys(BUILT_IN) : []), ...library.keys()];
  const builtIns = kind === 'scenario' ? `a built-in (${Object.keys(BUILT_IN).join(', ')}), ` : '';
  return {
    error: `${showValue(ref)} is not a file, ${kind === 'scenario' ? 'a built-in ' : ''}or a library ${kind}; allowed: ${builtIns}a path to a ${kind} file, or a library name (regiosim scenarios lists them)${didYouMean(suggest(basename(ref, extname(ref)), candidates))}`,
  };
}
