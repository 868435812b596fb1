/**
 * Reads one scenario or experiment file and checks it against its schema on its own (before any
 * merging), so that every file's mistakes are reported at their own lines.
 */
import type { ScenarioIssue } from './issues.js';
import type { FileKind } from './refs.js';
import { type Schema, SchemaChecker } from './schema-check.js';
import { experimentSchema, scenarioSchema } from './schema.js';
import { suggest } from './names.js';
import { entry, type MapNode, readTree, type TreeNode } from './yaml-tree.js';

let schemas: { scenario: Schema; experiment: Schema } | undefined;

/** The generated schemas, built once per process. */
export function getSchemas(): { scenario: Schema; experiment: Schema } {
  schemas ??= { scenario: scenarioSchema(), experiment: experimentSchema() };
  return schemas;
}

/** Experiment files are told apart from scenario files by their `scenarios:` list. */
export function isExperimentTree(tree: TreeNode | undefined): boolean {
  return entry(tree, 'scenarios') !== undefined;
}

/** A file read and checked against the schema of its kind: the tree keeps only the valid parts. */
export interface CheckedFile {
  kind: FileKind;
  tree?: MapNode;
}

/** Reads `path` (absolute) and checks it; problems go to `issues`. */
export function readChecked(path: string, issues: ScenarioIssue[]): CheckedFile {
  const read = readTree(path);
  issues.push(...read.issues);
  if (!read.tree) return { kind: 'scenario' };
  const foreign = foreignFileProblem(read.tree);
  if (foreign) {
    issues.push({ ...read.tree.pos, path: '', value: undefined, message: foreign });
    return { kind: 'scenario' };
  }
  const kind: FileKind = isExperimentTree(read.tree) ? 'experiment' : 'scenario';
  const schema = getSchemas()[kind];
  const checker = new SchemaChecker(schema);
  const clean = checker.check(read.tree, schema, '');
  issues.push(...checker.issues);
  if (clean?.kind !== 'map') return { kind };
  if (kind === 'scenario') checkScarcityOnce(clean, issues);
  return { kind, tree: clean };
}

/**
 * Why a parsed file is not a scenario or experiment at all (its top level is not a mapping, or no
 * top-level key is one of ours and not all are close to one), or undefined. Such a file may be anything, say
 * /etc/passwd: the message names the rule and quotes nothing from it.
 */
function foreignFileProblem(tree: TreeNode): string | undefined {
  const keys = [
    ...new Set([
      ...Object.keys(getSchemas().scenario.properties ?? {}),
      ...Object.keys(getSchemas().experiment.properties ?? {}),
    ]),
  ];
  const scenario = getSchemas().scenario;
  const allowed = `allowed: ${new SchemaChecker(scenario).describe(scenario)}`;
  if (tree.kind === 'scalar' && tree.value === null) return `is empty; ${allowed}`;
  if (tree.kind !== 'map')
    return `is not a scenario or experiment file: its top level is ${tree.kind === 'seq' ? 'a list' : 'a single value'}; ${allowed}`;
  // A scenario with misspelt keys keeps its "did you mean" messages: every key is close to one of ours.
  const known = tree.entries.some((e) => keys.includes(e.key));
  if (tree.entries.length > 0 && !known && !tree.entries.every((e) => suggest(e.key, keys) !== undefined))
    return `is not a scenario or experiment file: none of its ${tree.entries.length} top-level keys is known; ${allowed}`;
  return undefined;
}

/** `scarcity` is a name for a value of `supplyRatio`: one file may give one of them, not both. */
function checkScarcityOnce(tree: MapNode, issues: ScenarioIssue[]): void {
  const u = entry(tree, 'uncertainties')?.value;
  const scarcity = entry(u, 'scarcity');
  const ratio = entry(u, 'supplyRatio');
  if (scarcity && ratio) {
    const later = scarcity.keyPos.line > ratio.keyPos.line ? scarcity : ratio;
    issues.push({
      ...later.keyPos,
      path: `uncertainties.${later.key}`,
      value: later.key,
      message: `${JSON.stringify(later.key)} conflicts with uncertainties.${later === scarcity ? 'supplyRatio' : 'scarcity'}: scarcity names a supplyRatio; allowed: one of scarcity or supplyRatio`,
    });
  }
}
