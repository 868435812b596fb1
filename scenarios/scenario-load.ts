/**
 * Loads one scenario by reference (built-in, path or library name) into a model input, collecting
 * problems instead of throwing, so that an experiment can report the problems of all its scenarios.
 */
import { basename, extname } from 'node:path';
import type { ModelInput } from '../sim/model-input.js';
import type { NationalData } from '../sim/region-data.js';
import { defaultScenario, nationalScenario } from './default.js';
import { readScenarioChain } from './extends.js';
import { confinementProblem } from './input-file.js';
import type { Position, ScenarioIssue } from './issues.js';
import { resolveRef } from './refs.js';
import { buildScenario } from './scenario-build.js';

export interface LoadedScenario {
  input?: ModelInput;
  /** Absolute paths of the files read (the scenario and the files it extends). */
  files: string[];
}

/** Where a reference was written: a line in an experiment file, or the command line. */
export const COMMAND_LINE: Position = { file: '<arguments>', line: 0, column: 0 };

/** The default name of a scenario: its file name without extension, made safe for point ids. */
export function nameFromFile(path: string): string {
  return basename(path, extname(path)).replace(/[^A-Za-z0-9._-]/g, '-');
}

/**
 * Loads the scenario `ref` names. `baseDir` resolves relative paths; `at` and `path` place a
 * problem with the reference itself; `namedBy` is the experiment file that names it, if any.
 */
export function loadScenarioRef(
  ref: string,
  baseDir: string,
  data: NationalData,
  issues: ScenarioIssue[],
  at: Position = COMMAND_LINE,
  path = 'scenario',
  namedBy?: string,
): LoadedScenario {
  const resolved = resolveRef(ref, baseDir, 'scenario');
  if ('builtIn' in resolved)
    return { input: resolved.builtIn === 'national' ? nationalScenario(data) : defaultScenario(data), files: [] };
  if ('error' in resolved) {
    issues.push({ ...at, path, value: ref, message: resolved.error });
    return { files: [] };
  }
  // A file an experiment names must lie in the experiment's folder tree or the library.
  const outside = namedBy ? confinementProblem(resolved.file, namedBy, ref) : undefined;
  if (outside) {
    issues.push({ ...at, path, value: ref, message: outside });
    return { files: [] };
  }
  const own: ScenarioIssue[] = [];
  const chain = readScenarioChain(resolved.file, own);
  const input = chain.tree ? buildScenario(chain.tree, nameFromFile(resolved.file), data, own) : undefined;
  issues.push(...own);
  return { input: own.length === 0 ? input : undefined, files: chain.files };
}
