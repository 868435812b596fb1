/**
 * Scenario resolution in the page, through the scenario layer itself: the YAML text is parsed,
 * checked against the generated schema and built into a model input exactly as `regiosim
 * validate` and `regiosim batch` do for a file, so the page shows the same messages and runs the
 * same inputs. The plan is the one `planFromScenarios` makes for `regiosim batch baseline scenario`.
 */
import type { ExperimentPlan } from '../../scenarios/plan.js';
import type { ScenarioIssue } from '../../scenarios/issues.js';
import { buildScenario } from '../../scenarios/scenario-build.js';
import { SchemaChecker } from '../../scenarios/schema-check.js';
import { getSchemas } from '../../scenarios/scenario-read.js';
import { parseTree } from '../../scenarios/yaml-tree.js';
import type { ModelInput } from '../../sim/model-input.js';
import type { NationalData } from '../../sim/region-data.js';

export interface Resolved {
  input?: ModelInput;
  issues: ScenarioIssue[];
}

/** One scenario file's text, read as `regiosim validate` reads a file named `file`. */
export function resolveScenarioText(text: string, file: string, data: NationalData): Resolved {
  const read = parseTree(text, file);
  const issues = [...read.issues];
  if (!read.tree) return { issues };
  const schema = getSchemas().scenario;
  const checker = new SchemaChecker(schema);
  const clean = checker.check(read.tree, schema, '');
  issues.push(...checker.issues);
  if (clean?.kind !== 'map' || issues.length > 0) return { issues };
  const input = buildScenario(clean, file.replace(/\.ya?ml$/, ''), data, issues);
  return { input: issues.length === 0 ? input : undefined, issues };
}

/** The plan of `regiosim batch baseline.yaml scenario.yaml --runs N --seed S` (baseline first). */
export function pagePlan(
  baseline: ModelInput,
  scenario: ModelInput,
  replicates: number,
  masterSeed: number,
): ExperimentPlan {
  const names = [baseline.name, scenario.name];
  return {
    name: names.join('_vs_'),
    description: `Scenarios compared: ${names.join(', ')}`,
    baseline: baseline.name,
    masterSeed,
    replicates,
    points: [baseline, scenario].map((input) => ({ id: input.name, scenario: input.name, sweep: {}, input })),
    sourceFiles: [],
  };
}
