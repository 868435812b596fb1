/**
 * `extends:` lets a scenario start from another file and change a few values, so a family of
 * scenarios has no copy-paste. Levers and uncertainties are merged key by key; everything else
 * (region, horizon, lists) is replaced whole; name, description and questions belong to each file.
 */
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { basename, dirname, extname, resolve } from 'node:path';
import { confinementProblem } from './input-file.js';
import { didYouMean, displayPath, type ScenarioIssue, showValue } from './issues.js';
import { MAX_EXTENDS } from './limits.js';
import { suggest } from './names.js';
import { readChecked } from './scenario-read.js';
import { entry, type MapNode, type TreeEntry, type TreeNode } from './yaml-tree.js';

/** Keys that describe one file and are not passed on to the files that extend it. */
const NOT_INHERITED = new Set(['$schema', 'name', 'description', 'questions', 'extends']);
/** Mappings merged key by key; every other key is replaced whole. */
const MERGED = new Set(['levers', 'uncertainties']);
/** Pairs of keys of which a file that sets one also replaces the other. */
const EXCLUSIVE: Record<string, string> = { scarcity: 'supplyRatio', supplyRatio: 'scarcity' };

export interface ScenarioChain {
  /** The merged tree; absent when a file in the chain could not be read or the chain is broken. */
  tree?: MapNode;
  /** Absolute paths of the files read, the named file first. */
  files: string[];
}

/** Reads a scenario file and the files it extends, merged. `path` is absolute; problems go to `issues`. */
export function readScenarioChain(path: string, issues: ScenarioIssue[], stack: string[] = []): ScenarioChain {
  const own = readChecked(path, issues);
  if (!own.tree) return { files: [path] };
  if (own.kind === 'experiment') {
    issues.push({
      ...own.tree.pos,
      path: '',
      value: displayPath(path),
      message: 'is an experiment file; allowed here: a scenario file (run experiments with regiosim batch)',
    });
    return { files: [path] };
  }
  const ext = entry(own.tree, 'extends');
  if (ext?.value.kind !== 'scalar') return { tree: own.tree, files: [path] };
  const written = String(ext.value.value);
  const target = resolve(dirname(path), written);
  const problem = (message: string): ScenarioChain => {
    issues.push({ ...ext.value.pos, path: 'extends', value: written, message });
    return { files: [path] };
  };
  const outside = confinementProblem(target, path, written);
  if (outside) return problem(outside);
  if (!existsSync(target))
    return problem(
      `${showValue(written)} does not exist (${displayPath(target)}); allowed: a scenario file path relative to this file${didYouMean(siblingGuess(target))}`,
    );
  // Cycles are found on real paths: a link to a folder would otherwise make every lap look new.
  const real = (p: string) => (existsSync(p) ? realpathSync(p) : p);
  if ([...stack, path].some((p) => real(p) === real(target))) {
    const chain = [...stack, path, target].map((p) => displayPath(p)).join(' -> ');
    return problem(
      `${showValue(written)} makes a cycle: ${chain}; allowed: a chain of files that ends in a file without extends`,
    );
  }
  if (stack.length + 1 >= MAX_EXTENDS)
    return problem(
      `${showValue(written)} makes the chain longer than ${MAX_EXTENDS} files; allowed: at most ${MAX_EXTENDS}`,
    );
  const parent = readScenarioChain(target, issues, [...stack, path]);
  const files = [path, ...parent.files];
  return parent.tree ? { tree: mergeScenario(parent.tree, own.tree), files } : { files };
}

/** A similar file name in the directory of a missing file, written relative like the original. */
function siblingGuess(target: string): string | undefined {
  let names: string[];
  try {
    names = readdirSync(dirname(target)).filter((f) => ['.yaml', '.yml', '.json'].includes(extname(f)));
  } catch {
    return undefined;
  }
  const guess = suggest(basename(target), names);
  return guess === undefined ? undefined : `./${guess}`;
}

/** The child file's values over the parent's (see the module comment for the rules). */
export function mergeScenario(parent: MapNode, child: MapNode): MapNode {
  const entries: TreeEntry[] = parent.entries.filter((e) => !NOT_INHERITED.has(e.key));
  for (const e of child.entries) {
    const i = entries.findIndex((p) => p.key === e.key);
    if (i < 0) entries.push(e);
    else entries[i] = MERGED.has(e.key) ? { ...e, value: mergeMaps(entries[i].value, e.value) } : e;
  }
  return { ...child, entries };
}

function mergeMaps(parent: TreeNode, child: TreeNode): TreeNode {
  if (parent.kind !== 'map' || child.kind !== 'map') return child;
  const childKeys = new Set(child.entries.map((e) => e.key));
  const replaced = new Set(child.entries.flatMap((e) => (Object.hasOwn(EXCLUSIVE, e.key) ? [EXCLUSIVE[e.key]] : [])));
  const entries = parent.entries.filter((e) => !childKeys.has(e.key) && !replaced.has(e.key));
  for (const e of child.entries) {
    const p = parent.entries.find((x) => x.key === e.key);
    entries.push(p ? { ...e, value: mergeMaps(p.value, e.value) } : e);
  }
  return { ...child, entries };
}
