/**
 * Reads the posterior file a `design: { method: posterior }` block names: the path is relative to
 * the experiment file and confined like its other file references (its folder tree, or the shipped
 * library including scenarios/calibrations), a regular UTF-8 file of at most MAX_FILE_BYTES, parsed
 * strictly (scenarios/designs/posterior.ts). Every problem is a ScenarioIssue at the `posterior:`
 * key, saying the posterior's own line and column when the problem is at a place in it.
 */
import { dirname, join, resolve } from 'node:path';
import { sha256File } from '../store/manifest.js';
import { MAX_POSTERIOR_PROBLEMS, type Posterior, parsePosteriorCsv } from './designs/index.js';
import { confinementProblem, readInputText } from './input-file.js';
import { displayPath, type Position, type ScenarioIssue, showValue } from './issues.js';
import { suggest } from './names.js';
import { projectRoot } from './refs.js';

/** A posterior file as read for a design. */
export interface PosteriorFile {
  /** The path as written in the experiment. */
  written: string;
  /** The absolute path read. */
  path: string;
  sha256: string;
  posterior: Posterior;
}

/** Shipped posteriors live here (next to the calibration files that make them). */
export function calibrationsDir(): string {
  return join(projectRoot(), 'scenarios', 'calibrations');
}

/**
 * The posterior named by `written` in `experimentFile`, or undefined after pushing its problems
 * (at `at`, the `posterior:` key) to `issues`.
 */
export function readPosteriorFile(
  written: string,
  experimentFile: string,
  at: Position,
  issues: ScenarioIssue[],
): PosteriorFile | undefined {
  const path = resolve(dirname(experimentFile), written);
  const push = (message: string) => {
    issues.push({ ...at, path: 'design.posterior', value: written, message });
    return undefined;
  };
  const outside = confinementProblem(path, experimentFile, written, [
    { dir: calibrationsDir(), label: 'scenarios/calibrations' },
  ]);
  if (outside) return push(outside);
  const read = readInputText(path);
  if ('problem' in read) {
    const where = read.line ? ` line ${read.line}, column ${read.column}` : '';
    return push(
      read.problem === 'no such file'
        ? `${showValue(written)} does not exist (${displayPath(path)}); allowed: a posterior.csv written by regiosim calibrate, relative to this file`
        : `${showValue(written)}${where} ${read.problem}`,
    );
  }
  const parsed = parsePosteriorCsv(read.text, suggest);
  if ('problems' in parsed) {
    for (const p of parsed.problems.slice(0, MAX_POSTERIOR_PROBLEMS))
      push(`${showValue(written)} line ${p.line}${p.column > 0 ? `, column ${p.column}` : ''}: ${p.message}`);
    const more = parsed.problems.length - MAX_POSTERIOR_PROBLEMS;
    if (more > 0) push(`${showValue(written)}: ${more} more problem${more === 1 ? '' : 's'} in this file`);
    return undefined;
  }
  return { written, path, sha256: sha256File(path), posterior: parsed.posterior };
}
