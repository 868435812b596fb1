/**
 * Checks specs against the official Vega-Lite JSON schema (vega-lite/vega-lite-schema.json).
 * vega-lite's compile() is no validator: a typo there gives "Cannot read properties of undefined".
 * The schema's root is a large anyOf, so ajv reports dozens of errors per mistake; formatErrors()
 * keeps the few that name the mistake.
 */
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { ReportError } from '../errors.js';

// ajv is loaded with the first validator, not with this module (every command imports it).
const require = createRequire(import.meta.url);

let cached: ValidateFunction | undefined;

/** The compiled validator (about 1–2 s to compile, so once per process). */
export function vegaLiteValidator(): ValidateFunction {
  if (cached) return cached;
  const { Ajv } = require('ajv') as typeof import('ajv');
  const schema = require('vega-lite/vega-lite-schema.json') as object;
  // Settings measured to compile the draft-07 schema without warnings (stack-poc.md, section 4).
  const ajv = new Ajv({
    allErrors: true,
    allowUnionTypes: true,
    strictTypes: false,
    formats: { uri: true, 'uri-reference': true, 'color-hex': true },
  });
  cached = ajv.compile(schema);
  return cached;
}

/** Keywords that only say "no branch of a union matched": they repeat, never explain. */
const NOISE = new Set(['anyOf', 'oneOf', 'const', 'if', 'not', 'false schema']);

/**
 * Readable messages, most telling first: an enum error (the value is one of a closed list) at the
 * deepest path beats an unknown property, which beats a wrong type; messages that many branches of
 * the union agree on rank higher. At most `limit` lines.
 */
export function formatErrors(errors: readonly ErrorObject[], limit = 5): string[] {
  type Entry = { text: string; depth: number; rank: number; votes: number };
  const entries = new Map<string, Entry>();
  const enums = new Map<string, Set<unknown>>();
  for (const e of errors) {
    if (NOISE.has(e.keyword)) continue;
    const path = e.instancePath || '/';
    const depth = path.split('/').length;
    let key: string;
    let text: string;
    let rank: number;
    if (e.keyword === 'enum') {
      const allowed = enums.get(path) ?? new Set();
      for (const v of (e.params as { allowedValues: unknown[] }).allowedValues) allowed.add(v);
      enums.set(path, allowed);
      key = `enum ${path}`;
      text = '';
      rank = 3;
    } else if (e.keyword === 'additionalProperties') {
      const name = (e.params as { additionalProperty: string }).additionalProperty;
      key = `extra ${path} ${name}`;
      text = `${path} has an unknown property "${name}"`;
      rank = 2;
    } else if (e.keyword === 'required') {
      key = `required ${path} ${(e.params as { missingProperty: string }).missingProperty}`;
      text = `${path} ${e.message}`;
      rank = 0;
    } else {
      key = `${e.keyword} ${path} ${e.message}`;
      text = `${path} ${e.message}`;
      rank = 1;
    }
    const entry = entries.get(key) ?? { text, depth, rank, votes: 0 };
    entry.votes++;
    entries.set(key, entry);
  }
  for (const [path, allowed] of enums) {
    const list = [...allowed].map((v) => JSON.stringify(v));
    const shown = list.length > 12 ? `${list.slice(0, 12).join(', ')}, …` : list.join(', ');
    entries.get(`enum ${path}`)!.text = `${path} must be one of ${shown}`;
  }
  const sorted = [...entries.values()].sort((a, b) => b.rank - a.rank || b.depth - a.depth || b.votes - a.votes);
  // A property unknown at a deeper path explains the required/type noise of its parents: drop those.
  const deepest = sorted.length ? Math.max(...sorted.filter((e) => e.rank > 0).map((e) => e.depth), 0) : 0;
  const kept = sorted.filter((e) => e.rank > 0 || deepest === 0);
  return [...new Set(kept.map((e) => e.text))].slice(0, limit);
}

/** The problems of a spec against the schema (empty when valid). */
export function validateSpec(spec: unknown): string[] {
  const validate = vegaLiteValidator();
  if (validate(spec)) return [];
  return formatErrors(validate.errors ?? []);
}

/** Throws a ReportError naming the chart and its problems when the spec is not valid Vega-Lite. */
export function assertValidSpec(name: string, spec: unknown): void {
  const problems = validateSpec(spec);
  if (problems.length > 0)
    throw new ReportError(
      `chart ${name}: the Vega-Lite spec does not match the schema:\n${problems.map((p) => `  ${p}`).join('\n')}`,
    );
}
