/**
 * A YAML (or JSON) file as a tree of values that remember where they were written. Scenario files
 * are merged across `extends`, so every value keeps its own file, line and column: an error in an
 * inherited value points at the file that wrote it.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, Lexer, LineCounter, type Node, parseDocument } from 'yaml';
import { readInputText } from './input-file.js';
import { displayPath, type Position, type ScenarioIssue } from './issues.js';
import { MAX_DEPTH, MAX_KEY, MAX_NODES, MAX_TEXT } from './limits.js';

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
  const read = readInputText(path);
  if ('problem' in read) {
    const { line = 0, column = 0 } = read;
    return { issues: [{ file: displayPath(path), line, column, path: '', value: undefined, message: read.problem }] };
  }
  return parseTree(read.text, displayPath(path));
}

/**
 * A YAML parser's message without the text it quotes (an unresolved tag or alias, a bad escape):
 * the file may not be a scenario at all, and its content is not for the terminal.
 */
function yamlMessage(message: string): string {
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  if (/call stack/i.test(first)) return `nesting too deep; allowed: at most ${MAX_DEPTH} levels of mappings and lists`;
  const cut = first.replace(/:\s.*$/, '');
  return cut.length > 100 ? `${cut.slice(0, 100)}...` : cut;
}

/**
 * The offset of the first flow bracket ([ or {) nested deeper than MAX_DEPTH, or undefined. The
 * YAML parser builds its tree recursively and aborts the process (not an exception) on a file of
 * 100,000 nested brackets, so the depth is measured first with its lexer, which is a flat loop
 * and knows which brackets are inside quotes. Block nesting needs indentation: 1 MB cannot hold
 * enough of it to matter, and the tree walk checks it.
 */
function flowTooDeep(text: string): number | undefined {
  if (!/[[{][^\n]*[[{]/.test(text)) return undefined;
  let depth = 0;
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    if (token === '[' || token === '{') {
      if (++depth > MAX_DEPTH) return offset;
    } else if (token === ']' || token === '}') depth = Math.max(0, depth - 1);
    // The lexer's control tokens (document start, scalar, flow end) are not text of the file.
    if (!(token.length === 1 && token < ' ' && token !== '\n' && token !== '\t' && token !== '\r')) offset += token.length;
  }
  return undefined;
}

/** Parses YAML text (JSON is YAML too). `file` is the name used in positions and messages. */
export function parseTree(text: string, file: string): ReadResult {
  const lines = new LineCounter();
  const deep = flowTooDeep(text);
  if (deep !== undefined) {
    const before = text.slice(0, deep);
    return {
      issues: [
        {
          file,
          line: before.split('\n').length,
          column: deep - before.lastIndexOf('\n'),
          path: '',
          value: undefined,
          message: `nesting too deep; allowed: at most ${MAX_DEPTH} levels of mappings and lists`,
        },
      ],
    };
  }
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const at = (offset: number): Position => {
    const { line, col } = lines.linePos(offset);
    return { file, line, column: col };
  };
  if (doc.errors.length > 0) {
    return {
      issues: doc.errors.slice(0, 10).map((e) => ({
        ...at(e.pos[0]),
        path: '',
        value: undefined,
        message: `invalid YAML: ${yamlMessage(e.message)}`,
      })),
    };
  }
  const limits = new TreeLimits(at);
  const tree = limits.convert(doc.contents as Node | null, 0, 0);
  return limits.issues.length > 0 ? { issues: limits.issues } : { tree, issues: [] };
}

/**
 * Turns the parsed document into a tree, within the limits of scenarios/limits.ts. Aliases are
 * copies of their anchor (found in one pass, not by searching the document for each alias), and
 * each copy counts towards MAX_NODES: an alias bomb stops at the limit instead of exhausting memory.
 */
class TreeLimits {
  readonly issues: ScenarioIssue[] = [];
  private nodes = 0;
  private readonly anchors = new Map<string, Node>();

  constructor(private readonly at: (offset: number) => Position) {}

  private stop(offset: number, message: string): TreeNode {
    if (this.issues.length < 10) this.issues.push({ ...this.at(offset), path: '', value: undefined, message });
    return { kind: 'scalar', pos: this.at(offset), value: null };
  }

  convert(node: Node | null | undefined, fallback: number, depth: number): TreeNode {
    const offset = node?.range?.[0] ?? fallback;
    if (this.issues.length > 0) return { kind: 'scalar', pos: this.at(offset), value: null };
    if (depth > MAX_DEPTH)
      return this.stop(offset, `nesting too deep; allowed: at most ${MAX_DEPTH} levels of mappings and lists`);
    if (++this.nodes > MAX_NODES)
      return this.stop(
        offset,
        `more than ${MAX_NODES} values (aliases count once per use); allowed: at most ${MAX_NODES} values in a file`,
      );
    if (node === null || node === undefined) return { kind: 'scalar', pos: this.at(fallback), value: null };
    const pos = this.at(offset);
    if (isAlias(node)) {
      const target = this.anchors.get(node.source);
      return target ? this.convert(target, offset, depth + 1) : this.stop(offset, 'an alias without its anchor');
    }
    if (node.anchor) this.anchors.set(node.anchor, node);
    if (isMap(node)) {
      const entries: TreeEntry[] = [];
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as Node | null;
        const keyOffset = keyNode?.range?.[0] ?? offset;
        if (!isScalar(keyNode) || keyNode.anchor)
          return this.stop(
            keyOffset,
            'a key must be a plain name; allowed: a text key without anchors, aliases, lists or mappings',
          );
        const key = String(keyNode.value);
        if (key.length > MAX_KEY)
          return this.stop(keyOffset, `a key of ${key.length} characters; allowed: at most ${MAX_KEY} characters`);
        entries.push({
          key,
          keyPos: this.at(keyOffset),
          value: this.convert(pair.value as Node | null, keyOffset, depth + 1),
        });
      }
      return { kind: 'map', pos, entries };
    }
    if (isSeq(node))
      return { kind: 'seq', pos, items: node.items.map((n) => this.convert(n as Node, offset, depth + 1)) };
    if (isScalar(node)) {
      const v = node.value;
      const value: Scalar =
        v === null || ['string', 'number', 'boolean'].includes(typeof v) ? (v as Scalar) : String(v);
      if (typeof value === 'string' && value.length > MAX_TEXT)
        return this.stop(offset, `a text of ${value.length} characters; allowed: at most ${MAX_TEXT} characters`);
      return { kind: 'scalar', pos, value };
    }
    return this.stop(offset, 'an unknown kind of YAML value');
  }
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
/** True when the field path is written in the file (not a default). */
export function hasPath(root: TreeNode, path: string): boolean {
  let node: TreeNode | undefined = root;
  for (const part of path.match(/[^.[\]]+/g) ?? []) {
    node = node?.kind === 'map' ? child(node, part) : node?.kind === 'seq' ? node.items[Number(part)] : undefined;
    if (node === undefined) return false;
  }
  return true;
}

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
