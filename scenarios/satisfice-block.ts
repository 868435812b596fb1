/**
 * An outcome's optional `satisfice:` threshold (checked against scenarios/outcome-schema.ts first),
 * with the checks a schema cannot make, each located at the key at fault: at least one of atLeast
 * and atMost, and atLeast not above atMost.
 * @example
 * // outcomes:
 * //   - { name: progress2040, series: progressShare, at: 2040, direction: maximise, satisfice: { atLeast: 0.6 } }
 */
import type { Satisfice } from './outcomes.js';
import { child, type MapNode, type TreeNode } from './yaml-tree.js';

const num = (node: TreeNode | undefined) =>
  node?.kind === 'scalar' && typeof node.value === 'number' ? node.value : undefined;

/**
 * The threshold of one outcome item, or undefined without one (or after a problem, reported
 * through `fail(key, message)`, key relative to the outcome, e.g. "satisfice.atMost").
 */
export function readSatisfice(item: MapNode, fail: (key: string, message: string) => void): Satisfice | undefined {
  const node = child(item, 'satisfice');
  if (node?.kind !== 'map') return undefined;
  const atLeast = num(child(node, 'atLeast'));
  const atMost = num(child(node, 'atMost'));
  if (atLeast === undefined && atMost === undefined) {
    fail('satisfice', 'names no threshold; allowed: { atLeast: <number> }, { atMost: <number> } or both');
    return undefined;
  }
  if (atLeast !== undefined && atMost !== undefined && atLeast > atMost) {
    fail('satisfice.atMost', `${atMost} is below atLeast (${atLeast}); allowed: a number of at least ${atLeast}`);
    return undefined;
  }
  return { ...(atLeast !== undefined ? { atLeast } : {}), ...(atMost !== undefined ? { atMost } : {}) };
}
