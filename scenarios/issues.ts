/**
 * Problems found in scenario and experiment files. Every problem names the file, the line and
 * column, the field path, the bad value and what is allowed, so a researcher can fix a file without
 * reading code. Loaders collect all problems first and throw them together (several errors at once).
 */
import { isAbsolute, relative } from 'node:path';

/** Where a value sits in a file; line and column are 1-based, 0 when unknown (e.g. a missing file). */
export interface Position {
  file: string;
  line: number;
  column: number;
}

/** One problem in a scenario or experiment file. */
export interface ScenarioIssue extends Position {
  /** Field path, e.g. "levers.governance" or "history[0].a"; "" for the file as a whole. */
  path: string;
  value: unknown;
  /** What is wrong and what is allowed, e.g. `"centralPsh" is not allowed; allowed: demandPull, centralPush`. */
  message: string;
}

/** Thrown when files are invalid: nothing runs until every issue is fixed. */
export class ScenarioError extends Error {
  constructor(readonly issues: ScenarioIssue[]) {
    super(formatIssues(issues));
    this.name = 'ScenarioError';
  }
}

/** References that cannot make one plan (a user error; scenarios/build-plan.ts). */
export class PlanRefError extends Error {}

/** A problem with a folder's design files (another design already there, unreadable JSON; scenarios/design-files.ts). */
export class DesignFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DesignFileError';
  }
}

/**
 * A file path as shown to people: relative to the working directory when the file is inside it.
 * @example displayPath('/work/main/scenarios/library/x.yaml') // 'scenarios/library/x.yaml' (cwd /work/main)
 */
export function displayPath(path: string): string {
  if (!isAbsolute(path)) return path;
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : path;
}

/**
 * One line per issue: `file:line:column path: message`.
 * @example `scenarios/library/x.yaml:12:5 levers.governance: "centralPsh" is not allowed; allowed: demandPull, centralPush (did you mean "centralPush"?)`
 */
export function formatIssue(issue: ScenarioIssue): string {
  const where = issue.line > 0 ? `${issue.file}:${issue.line}:${issue.column}` : issue.file;
  return issue.path ? `${where} ${issue.path}: ${issue.message}` : `${where}: ${issue.message}`;
}

export function formatIssues(issues: readonly ScenarioIssue[]): string {
  return issues.map(formatIssue).join('\n');
}

/**
 * A value as quoted in a message: strings in double quotes, lists and mappings as short JSON.
 * @example showValue('x') // '"x"'
 */
export function showValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null (empty)';
  // Long texts are cut: a message is one line, whatever a file holds.
  if (typeof value === 'string')
    return value.length > 80
      ? `${JSON.stringify(value.slice(0, 60)).slice(0, -1)}..." (${value.length} characters)`
      : JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}

/** The suffix ` (did you mean "x"?)` when a suggestion exists, else "". */
export function didYouMean(guess: string | undefined): string {
  return guess === undefined ? '' : ` (did you mean "${guess}"?)`;
}

/** Issues sorted by file, line and column, without exact duplicates (a parent file checked twice). */
export function sortIssues(issues: readonly ScenarioIssue[]): ScenarioIssue[] {
  const seen = new Set<string>();
  const unique = issues.filter((i) => {
    const key = `${formatIssue(i)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}
