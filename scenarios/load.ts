/**
 * The scenario layer's public entry points, used by the CLI and the batch engine. Files are read,
 * checked against the schema, merged along `extends`, resolved against the CBS data and checked
 * again by the model; any problem anywhere throws one ScenarioError listing all of them, so nothing
 * runs until every file is valid.
 */
import type { ModelInput } from '../sim/model-input.js';
import type { NationalData } from '../sim/region-data.js';
import { buildExperiment, baselineName, loadScenarios } from './experiment-build.js';
import { displayPath, ScenarioError, type ScenarioIssue, sortIssues } from './issues.js';
import type { ExperimentPlan } from './plan.js';
import { isBuiltIn, resolveRef } from './refs.js';
import { COMMAND_LINE, loadScenarioRef, nameFromFile } from './scenario-load.js';
import type { FileKind } from './refs.js';
import { readChecked } from './scenario-read.js';
import { MAX_SEED } from './schema.js';
import { readTree } from './yaml-tree.js';

export { ScenarioError, type ScenarioIssue, formatIssue, formatIssues } from './issues.js';
export { BUILT_IN } from './refs.js';

function throwIfAny(issues: ScenarioIssue[]): void {
  if (issues.length > 0) throw new ScenarioError(sortIssues(issues));
}

/**
 * Loads a scenario: a file path (YAML or JSON), a library name or a built-in (default, national).
 * `files` are the absolute paths read (the file and those it extends), for the run manifest.
 * @throws ScenarioError listing every problem
 */
export function loadScenarioFile(path: string, data: NationalData): { input: ModelInput; files: string[] } {
  const issues: ScenarioIssue[] = [];
  const loaded = loadScenarioRef(path, process.cwd(), data, issues);
  throwIfAny(issues);
  return { input: loaded.input as ModelInput, files: loaded.files };
}

/**
 * Loads an experiment file (or a library experiment by name) into a plan: every scenario × sweep point.
 * @throws ScenarioError listing every problem in the experiment and its scenarios
 */
export function loadExperimentFile(path: string, data: NationalData): ExperimentPlan {
  const issues: ScenarioIssue[] = [];
  const plan = experimentFromRef(path, data, issues);
  throwIfAny(issues);
  return plan as ExperimentPlan;
}

function experimentFromRef(ref: string, data: NationalData, issues: ScenarioIssue[]): ExperimentPlan | undefined {
  let resolved = resolveRef(ref, process.cwd(), 'experiment');
  // A library scenario named by mistake is reported as a scenario, not as unknown.
  const asScenario = 'error' in resolved ? resolveRef(ref, process.cwd(), 'scenario') : undefined;
  if (asScenario && !('error' in asScenario)) resolved = asScenario;
  if (!('file' in resolved)) {
    const message =
      'error' in resolved
        ? resolved.error
        : `${JSON.stringify(ref)} is a built-in scenario; allowed: an experiment file`;
    issues.push({ ...COMMAND_LINE, path: 'experiment', value: ref, message });
    return undefined;
  }
  const checked = readChecked(resolved.file, issues);
  if (checked.kind !== 'experiment') {
    if (checked.tree)
      issues.push({
        ...checked.tree.pos,
        path: '',
        value: displayPath(resolved.file),
        message: 'is a scenario file; allowed here: an experiment file (one with a scenarios: list)',
      });
    return undefined;
  }
  return checked.tree
    ? buildExperiment(resolved.file, checked.tree, nameFromFile(resolved.file), data, issues)
    : undefined;
}

/**
 * A plan comparing scenarios given by reference (paths relative to the working directory, library
 * names or built-ins), without sweeps. The baseline (a name or a reference) defaults to the first.
 * @throws ScenarioError listing every problem
 */
export function planFromScenarios(
  refs: string[],
  data: NationalData,
  options: { replicates: number; masterSeed: number; baseline?: string },
): ExperimentPlan {
  const issues: ScenarioIssue[] = [];
  const files = new Set<string>();
  if (refs.length === 0)
    issues.push({
      ...COMMAND_LINE,
      path: 'scenarios',
      value: [],
      message: 'no scenarios given; allowed: one or more scenario files, library names or built-ins',
    });
  if (!Number.isInteger(options.replicates) || options.replicates < 1 || options.replicates > 10000) {
    issues.push({
      ...COMMAND_LINE,
      path: 'replicates',
      value: options.replicates,
      message: `${options.replicates} is not allowed; allowed: 1 to 10000 (whole numbers)`,
    });
  }
  if (!Number.isInteger(options.masterSeed) || options.masterSeed < 0 || options.masterSeed > MAX_SEED) {
    issues.push({
      ...COMMAND_LINE,
      path: 'seed',
      value: options.masterSeed,
      message: `${options.masterSeed} is not allowed; allowed: 0 to ${MAX_SEED} (whole numbers)`,
    });
  }
  const scenarios = loadScenarios(
    refs.map((ref) => ({ ref, at: COMMAND_LINE, path: 'scenario' })),
    process.cwd(),
    data,
    issues,
    files,
  );
  const failed = refs.filter((r) => !scenarios.some((s) => s.ref === r));
  const baseline = baselineName(options.baseline, scenarios, COMMAND_LINE, issues, failed);
  throwIfAny(issues);
  const names = scenarios.map((s) => s.input.name);
  return {
    name: names.length <= 3 ? names.join('_vs_') : `${names[0]}_and_${names.length - 1}_more`,
    description: `Scenarios compared: ${names.join(', ')}`,
    baseline: baseline as string,
    masterSeed: options.masterSeed,
    replicates: options.replicates,
    points: scenarios.map((s) => ({ id: s.input.name, scenario: s.input.name, sweep: {}, input: s.input })),
    sourceFiles: [...files],
  };
}

/** The result of checking one file: its kind, problems, and on success a one-line summary. */
export interface FileCheck {
  file: string;
  kind: FileKind | 'built-in';
  issues: ScenarioIssue[];
  summary?: string;
}

/** Checks one scenario or experiment file (decided by content: experiments have a scenarios: list). */
export function checkFile(path: string, data: NationalData): FileCheck {
  const issues: ScenarioIssue[] = [];
  const file = displayPath(path);
  if (isBuiltIn(path)) {
    const { input } = loadScenarioFile(path, data);
    return { file, kind: 'built-in', issues, summary: scenarioSummary(input) };
  }
  const asScenario = resolveRef(path, process.cwd(), 'scenario');
  const asExperiment = resolveRef(path, process.cwd(), 'experiment');
  const resolved = 'file' in asScenario ? asScenario.file : 'file' in asExperiment ? asExperiment.file : undefined;
  const kind: FileKind = resolved !== undefined && isExperiment(resolved) ? 'experiment' : 'scenario';
  if (kind === 'experiment') {
    const plan = experimentFromRef(resolved as string, data, issues);
    return { file, kind, issues: sortIssues(issues), summary: plan && experimentSummary(plan) };
  }
  const loaded = loadScenarioRef(resolved ?? path, process.cwd(), data, issues, { file, line: 0, column: 0 }, '');
  return {
    file,
    kind,
    issues: sortIssues(issues),
    summary: loaded.input && issues.length === 0 ? scenarioSummary(loaded.input) : undefined,
  };
}

/** True when a reference (path or library name) names an experiment file rather than a scenario. */
export function isExperimentRef(ref: string): boolean {
  if (isBuiltIn(ref)) return false;
  const asScenario = resolveRef(ref, process.cwd(), 'scenario');
  if ('file' in asScenario) return isExperiment(asScenario.file);
  const asExperiment = resolveRef(ref, process.cwd(), 'experiment');
  return 'file' in asExperiment && isExperiment(asExperiment.file);
}

function isExperiment(path: string): boolean {
  const { tree } = readTree(path);
  return tree?.kind === 'map' && tree.entries.some((e) => e.key === 'scenarios');
}

/**
 * Checks files of either kind and returns every problem (none: all valid).
 * @example validateFiles(['scenarios/library/drenthe-flexteam.yaml'], data) // []
 */
export function validateFiles(paths: string[], data: NationalData): ScenarioIssue[] {
  return sortIssues(paths.flatMap((p) => checkFile(p, data).issues));
}

function scenarioSummary(input: ModelInput): string {
  const areas = input.poolAreas.length;
  const endYear = input.startYear + Math.ceil(input.horizonMonths / 12) - 1;
  return `scenario ${input.name}: ${input.municipalities.length} municipalities, ${areas} pool area${areas === 1 ? '' : 's'}, ${input.levers.poolForm}, ${input.startYear}-${endYear}`;
}

function experimentSummary(plan: ExperimentPlan): string {
  const scenarios = new Set(plan.points.map((p) => p.scenario)).size;
  const runs = plan.points.length * plan.replicates;
  return `experiment ${plan.name}: ${scenarios} scenario${scenarios === 1 ? '' : 's'}, ${plan.points.length} points x ${plan.replicates} replicates = ${runs} runs, baseline ${plan.baseline}`;
}
