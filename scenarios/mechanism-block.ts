/**
 * Reads an experiment's `mechanism:` block (already checked against scenarios/mechanism-schema.ts)
 * into a MechanismSpec, with the checks the schema cannot make: variants must name non-baseline
 * scenarios of the experiment, once each.
 */
import { didYouMean, type ScenarioIssue, showValue } from './issues.js';
import type { ExpectedSign } from './mechanism-schema.js';
import { suggest } from './names.js';
import { child, type MapNode, type TreeNode, toPlain } from './yaml-tree.js';

/** Expected signs by outcome, in the order written. */
export type Expectations = Array<{ outcome: string; sign: ExpectedSign }>;

export interface MechanismVariant {
  scenario: string;
  expectation?: string;
  expect?: Expectations;
}

/** What a mechanism experiment tests and expects (see scenarios/mechanism-schema.ts). */
export interface MechanismSpec {
  id: string;
  title: string;
  source?: string;
  expectation: string;
  expect: Expectations;
  variants: MechanismVariant[];
}

const expectations = (node: TreeNode | undefined): Expectations | undefined =>
  node?.kind === 'map'
    ? node.entries.map((e) => ({ outcome: e.key, sign: toPlain(e.value) as ExpectedSign }))
    : undefined;

const text = (node: TreeNode | undefined) => (node?.kind === 'scalar' ? String(node.value) : undefined);

/** The block, or undefined when absent or after pushing its problems to `issues`. */
export function readMechanism(
  tree: MapNode,
  scenarioNames: readonly string[],
  baseline: string | undefined,
  issues: ScenarioIssue[],
): MechanismSpec | undefined {
  const node = child(tree, 'mechanism');
  if (node?.kind !== 'map') return undefined;
  const before = issues.length;
  const variants: MechanismVariant[] = [];
  const list = child(node, 'variants');
  const others = scenarioNames.filter((n) => n !== baseline);
  for (const [k, item] of (list?.kind === 'seq' ? list.items : []).entries()) {
    const scenario = text(child(item, 'scenario')) ?? '';
    const path = `mechanism.variants[${k}].scenario`;
    const at = child(item, 'scenario')?.pos ?? item.pos;
    if (!others.includes(scenario))
      issues.push({
        ...at,
        path,
        value: scenario,
        message: `${showValue(scenario)} is not a variant of this experiment; allowed: ${others.join(', ') || 'none (only the baseline is listed)'}${didYouMean(suggest(scenario, others))}`,
      });
    else if (variants.some((v) => v.scenario === scenario))
      issues.push({ ...at, path, value: scenario, message: `${showValue(scenario)} is listed twice; allowed: once` });
    else
      variants.push({
        scenario,
        expectation: text(child(item, 'expectation')),
        expect: expectations(child(item, 'expect')),
      });
  }
  if (issues.length > before) return undefined;
  return {
    id: text(child(node, 'id')) ?? '',
    title: text(child(node, 'title')) ?? '',
    source: text(child(node, 'source')),
    expectation: text(child(node, 'expectation')) ?? '',
    expect: expectations(child(node, 'expect')) ?? [],
    variants,
  };
}
