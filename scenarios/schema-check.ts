/**
 * Checks a located tree against the published JSON Schema (the subset of draft-07 that
 * scenarios/schema.ts generates), so files are validated by the very schema editors use, but with
 * messages people can act on: the bad value, what is allowed (range and unit, choices, names) and a
 * "did you mean" suggestion. Invalid parts are dropped from the returned tree, so later checks
 * (names, merging) run on what is valid and every problem is reported in one go.
 */
import { didYouMean, type ScenarioIssue, showValue } from './issues.js';
import { suggest } from './names.js';
import { type TreeNode, toPlain } from './yaml-tree.js';

/** The JSON Schema keywords the generator uses. `x-` keywords are annotations for messages. */
export interface Schema {
  $schema?: string;
  $id?: string;
  $ref?: string;
  title?: string;
  description?: string;
  default?: unknown;
  type?: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean';
  enum?: readonly (string | number | boolean)[];
  const?: string | number | boolean;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  properties?: Record<string, Schema>;
  additionalProperties?: boolean;
  required?: string[];
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  oneOf?: Schema[];
  definitions?: Record<string, Schema>;
  /** Unit shown after a range, e.g. "EUR/year". */
  'x-unit'?: string;
  /** What is allowed, in words, when the generated description would be unclear or too long. */
  'x-allowed'?: string;
  /** What the keys of a mapping are, e.g. "lever" ("x" is not a lever). */
  'x-key-noun'?: string;
  /** The allowed keys in words, for mappings with too many keys to list. */
  'x-keys'?: string;
}

const MAX_LISTED = 30;

/** Walks a tree against a schema, collecting issues. */
export class SchemaChecker {
  readonly issues: ScenarioIssue[] = [];

  constructor(private readonly root: Schema) {}

  /** Checks `node` at field path `path`; returns the node without its invalid parts, or undefined if it is invalid. */
  check(node: TreeNode, schema: Schema, path: string): TreeNode | undefined {
    const s = this.resolve(schema);
    if (s.oneOf) return this.checkOneOf(node, s, path);
    if (s.const !== undefined || s.enum) {
      const allowed = s.enum ?? [s.const as string];
      if (node.kind === 'scalar' && allowed.includes(node.value as string)) return node;
      const guess =
        node.kind === 'scalar' && typeof node.value === 'string' ? suggest(node.value, allowed.map(String)) : undefined;
      return this.fail(
        node,
        path,
        `${showValue(toPlain(node))} is not allowed; allowed: ${this.describe(s)}${didYouMean(guess)}`,
      );
    }
    const type = s.type;
    if (type && !typeMatches(node, type)) {
      return this.fail(node, path, `${showValue(toPlain(node))} is not ${article(type)}; allowed: ${this.describe(s)}`);
    }
    if (node.kind === 'map') return this.checkMap(node, s, path);
    if (node.kind === 'seq') return this.checkSeq(node, s, path);
    return this.checkScalar(node, s, path);
  }

  /** A description of what a schema allows, for "allowed: ..." in messages. */
  describe(schema: Schema): string {
    const s = this.resolve(schema);
    if (s['x-allowed']) return s['x-allowed'];
    if (s.enum) return s.enum.map(String).join(', ');
    if (s.const !== undefined) return JSON.stringify(s.const);
    if (s.oneOf) return s.oneOf.map((b) => this.resolve(b).title ?? this.describe(b)).join(' or ');
    switch (s.type) {
      case 'number':
      case 'integer': {
        const unit = s['x-unit'] && s['x-unit'] !== '-' ? ` ${s['x-unit']}` : '';
        const range =
          s.minimum !== undefined && s.maximum !== undefined
            ? `${s.minimum} to ${s.maximum}${unit}`
            : s.minimum !== undefined
              ? `at least ${s.minimum}${unit}`
              : `a number${unit}`;
        return s.type === 'integer' ? `${range} (whole numbers)` : range;
      }
      case 'boolean':
        return 'true, false';
      case 'string':
        return 'a text';
      case 'array':
        return `a list of ${s.items ? this.describe(s.items) : 'values'}`;
      case 'object': {
        const keys = Object.keys(s.properties ?? {});
        return keys.length <= MAX_LISTED ? `a mapping with keys ${keys.join(', ')}` : 'a mapping';
      }
      default:
        return 'a value';
    }
  }

  private resolve(schema: Schema): Schema {
    if (!schema.$ref) return schema;
    const name = schema.$ref.replace(/^#\/definitions\//, '');
    const defs = this.root.definitions ?? {};
    const target = Object.hasOwn(defs, name) ? defs[name] : undefined;
    if (!target) throw new Error(`schema: unresolved $ref ${schema.$ref}`);
    return target;
  }

  private fail(node: TreeNode, path: string, message: string): undefined {
    this.issues.push({ ...node.pos, path, value: toPlain(node), message });
    return undefined;
  }

  /** Picks the branch whose type (and, for mappings, whose required key) fits the value. */
  private checkOneOf(node: TreeNode, s: Schema, path: string): TreeNode | undefined {
    const branches = (s.oneOf ?? []).map((b) => this.resolve(b));
    const byType = branches.filter((b) =>
      b.const !== undefined || b.enum
        ? node.kind === 'scalar' && typeof node.value === typeof (b.const ?? b.enum?.[0])
        : b.type && typeMatches(node, b.type),
    );
    let fits = byType;
    if (node.kind === 'map' && byType.length > 1) {
      const keys = new Set(node.entries.map((e) => e.key));
      fits = byType.filter((b) => (b.required ?? []).every((k) => keys.has(k)));
      if (fits.length > 1) {
        const forms = fits.map((b) => b.required?.join('+')).join(', ');
        return this.fail(
          node,
          path,
          `${showValue(toPlain(node))} mixes several forms (${forms}); allowed: exactly one of ${this.describe(s)}`,
        );
      }
    }
    const literal = (b: Schema) => b.const !== undefined || b.enum !== undefined;
    const isMember = (b: Schema) => node.kind === 'scalar' && (b.enum ?? [b.const]).includes(node.value as string);
    // A value of the right type that matches no literal branch: name every form, not just the literals.
    if (fits.length > 0 && fits.every(literal) && !fits.some(isMember)) fits = [];
    if (fits.length === 0) {
      const guess =
        node.kind === 'scalar' && typeof node.value === 'string'
          ? suggest(
              node.value,
              branches.flatMap((b) => (b.const !== undefined ? [String(b.const)] : [])),
            )
          : undefined;
      return this.fail(
        node,
        path,
        `${showValue(toPlain(node))} is not allowed; allowed: ${this.describe(s)}${didYouMean(guess)}`,
      );
    }
    return this.check(node, fits[0], path);
  }

  private checkMap(node: Extract<TreeNode, { kind: 'map' }>, s: Schema, path: string): TreeNode | undefined {
    const props = s.properties ?? {};
    const names = Object.keys(props);
    const entries = [];
    for (const e of node.entries) {
      const sub = path ? `${path}.${e.key}` : e.key;
      // Own properties only: "__proto__" or "constructor" in a file is an unknown key like any other.
      const propSchema = Object.hasOwn(props, e.key) ? props[e.key] : undefined;
      if (propSchema === undefined) {
        if (s.additionalProperties === false) {
          const noun = s['x-key-noun'] ?? 'known key';
          const allowed =
            names.length <= MAX_LISTED ? names.join(', ') : (s['x-keys'] ?? `one of ${names.length} names`);
          this.issues.push({
            ...e.keyPos,
            path: sub,
            value: e.key,
            message: `${JSON.stringify(e.key)} is not ${article(noun)}; allowed: ${allowed}${didYouMean(suggest(e.key, names))}`,
          });
        }
        continue;
      }
      const value = this.check(e.value, propSchema, sub);
      if (value) entries.push({ ...e, value });
    }
    let complete = true;
    for (const key of s.required ?? []) {
      if (!entries.some((e) => e.key === key)) complete = false;
      if (!node.entries.some((e) => e.key === key)) {
        this.issues.push({
          ...node.pos,
          path: path ? `${path}.${key}` : key,
          value: undefined,
          message: `is missing; allowed: ${this.describe(props[key] ?? {})}`,
        });
      }
    }
    // A nested mapping without a valid required key is dropped whole; the file's root is kept so
    // that later checks can still report what they find.
    return complete || path === '' ? { ...node, entries } : undefined;
  }

  private checkSeq(node: Extract<TreeNode, { kind: 'seq' }>, s: Schema, path: string): TreeNode | undefined {
    const before = this.issues.length;
    const count = node.items.length;
    if (s.minItems !== undefined && count < s.minItems) {
      return this.fail(
        node,
        path,
        `${showValue(toPlain(node))} has ${count} item${count === 1 ? '' : 's'}; allowed: ${this.describe(s)} (at least ${s.minItems})`,
      );
    }
    if (s.maxItems !== undefined && count > s.maxItems) {
      return this.fail(node, path, `the list has ${count} items; allowed: at most ${s.maxItems}`);
    }
    const items = node.items.map((item, k) => (s.items ? this.check(item, s.items, `${path}[${k}]`) : item));
    if (s.uniqueItems) {
      const seen = new Set<string>();
      node.items.forEach((item, k) => {
        const key = JSON.stringify(toPlain(item));
        if (seen.has(key))
          this.fail(item, `${path}[${k}]`, `${showValue(toPlain(item))} is listed twice; allowed: distinct values`);
        seen.add(key);
      });
    }
    // A list with a bad item is dropped whole: half a list would silently mean something else.
    return this.issues.length === before ? { ...node, items: items as TreeNode[] } : undefined;
  }

  private checkScalar(node: Extract<TreeNode, { kind: 'scalar' }>, s: Schema, path: string): TreeNode | undefined {
    const v = node.value;
    if (typeof v === 'number') {
      if (!Number.isFinite(v))
        return this.fail(node, path, `${v} is not a finite number; allowed: ${this.describe(s)}`);
      if ((s.minimum !== undefined && v < s.minimum) || (s.maximum !== undefined && v > s.maximum)) {
        return this.fail(node, path, `${v} is out of range; allowed: ${this.describe(s)}`);
      }
      if (s.type === 'integer' && !Number.isInteger(v))
        return this.fail(node, path, `${v} is not a whole number; allowed: ${this.describe(s)}`);
    }
    if (typeof v === 'string') {
      if (s.minLength !== undefined && v.length < s.minLength)
        return this.fail(node, path, `${showValue(v)} is empty; allowed: ${this.describe(s)}`);
      if (s.maxLength !== undefined && v.length > s.maxLength)
        return this.fail(
          node,
          path,
          `${showValue(v)} is too long; allowed: at most ${s.maxLength} characters${s['x-allowed'] ? ` (${s['x-allowed']})` : ''}`,
        );
      if (s.pattern !== undefined && !new RegExp(s.pattern, 'u').test(v))
        return this.fail(node, path, `${showValue(v)} is not allowed; allowed: ${this.describe(s)}`);
    }
    return node;
  }
}

function typeMatches(node: TreeNode, type: NonNullable<Schema['type']>): boolean {
  switch (type) {
    case 'object':
      return node.kind === 'map';
    case 'array':
      return node.kind === 'seq';
    case 'integer':
      return node.kind === 'scalar' && typeof node.value === 'number';
    default:
      return node.kind === 'scalar' && typeof node.value === type;
  }
}

function article(noun: string): string {
  const word =
    noun === 'object'
      ? 'mapping'
      : noun === 'array'
        ? 'list'
        : noun === 'string'
          ? 'text'
          : noun === 'integer'
            ? 'whole number'
            : noun;
  return /^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`;
}
