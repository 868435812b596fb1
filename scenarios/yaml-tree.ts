/**
 * A YAML (or JSON) file as a tree of values that remember where they were written. Scenario files
 * are merged across `extends`, so every value keeps its own file, line and column: an error in an
 * inherited value points at the file that wrote it.
 */
import { readFileSync } from 'node:fs';
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { displayPath, type Position, type ScenarioIssue } from './issues.js';

export type Scalar = string | number | boolean | null;

export type TreeNode =
  | { kind: 'map'; pos: Position; entries: TreeEntry[] }
  | { kind: 'seq'; pos: Position; items: TreeNode[] }
  | { kind: 'scalar'; pos: Position; value: Scalar };

export interface TreeEntry {
  key: string;
  keyPos: Position;
  value: TreeNode;
}

export type MapNode = Extract<TreeNode, { kind: 'map' }>;

/** The result of reading a file: its tree (absent if the file could not be read or parsed) and problems. */
export interface ReadResult {
  tree?: TreeNode;
  issues: ScenarioIssue[];
}

/** Reads and parses a file. `path` should be absolute; messages show it relative to the working directory. */
export function readTree(path: string): ReadResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message;
    return { issues: [{ file: displayPath(path), line: 0, column: 0, path: '', value: path, message: reason }] };
  }
  return parseTree(text, displayPath(path));
}

/** Parses YAML text (JSON is YAML too). `file` is the name used in positions and messages. */
export function parseTree(text: string, file: string): ReadResult {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const at = (offset: number): Position => {
    const { line, col } = lines.linePos(offset);
    return { file, line, column: col };
  };
  if (doc.errors.length > 0) {
    return {
      issues: doc.errors.map((e) => ({
        ...at(e.pos[0]),
        path: '',
        value: text.slice(e.pos[0], Math.min(e.pos[1], e.pos[0] + 40)),
        message: `invalid YAML: ${e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '')}`,
      })),
    };
  }
  const convert = (node: Node | null | undefined, fallback: number, depth: number): TreeNode => {
    if (depth > 100) throw new Error('YAML nesting too deep (alias loop?)');
    if (node === null || node === undefined) return { kind: 'scalar', pos: at(fallback), value: null };
    const pos = at(node.range?.[0] ?? fallback);
    if (isAlias(node)) return convert(node.resolve(doc) as Node | undefined, fallback, depth + 1);
    if (isMap(node)) {
      const entries: TreeEntry[] = [];
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as Node | null;
        const keyOffset = keyNode?.range?.[0] ?? node.range?.[0] ?? fallback;
        const key = isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
        entries.push({ key, keyPos: at(keyOffset), value: convert(pair.value as Node | null, keyOffset, depth + 1) });
      }
      return { kind: 'map', pos, entries };
    }
    if (isSeq(node)) {
      const start = node.range?.[0] ?? fallback;
      return { kind: 'seq', pos, items: node.items.map((n) => convert(n as Node, start, depth + 1)) };
    }
    if (isScalar(node)) {
      const v = node.value;
      const value: Scalar =
        v === null || ['string', 'number', 'boolean'].includes(typeof v) ? (v as Scalar) : String(v);
      return { kind: 'scalar', pos, value };
    }
    return { kind: 'scalar', pos, value: String(node) };
  };
  return { tree: convert(doc.contents as Node | null, 0, 0), issues: [] };
}

/** The plain JavaScript value of a node (for messages and for building the model input). */
export function toPlain(node: TreeNode): unknown {
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'seq':
      return node.items.map(toPlain);
    case 'map':
      return Object.fromEntries(node.entries.map((e) => [e.key, toPlain(e.value)]));
  }
}

/** The entry under `key` in a map node, if any. */
export function entry(node: TreeNode | undefined, key: string): TreeEntry | undefined {
  return node?.kind === 'map' ? node.entries.find((e) => e.key === key) : undefined;
}

/** The value node under `key` in a map node, if any. */
export function child(node: TreeNode | undefined, key: string): TreeNode | undefined {
  return entry(node, key)?.value;
}

/**
 * The position of the value at a field path such as "levers.founders[0]", or of its nearest
 * ancestor that exists: maps problems found after building (by field path) back to the file.
 */
export function positionOf(root: TreeNode, path: string): Position {
  let node: TreeNode = root;
  for (const part of path.match(/[^.[\]]+/g) ?? []) {
    const next: TreeNode | undefined =
      node.kind === 'map' ? child(node, part) : node.kind === 'seq' ? node.items[Number(part)] : undefined;
    if (next === undefined) break;
    node = next;
  }
  return node.pos;
}
