/**
 * Screening contexts (docs/mechanisms/screen-contexts.yaml): many factors act only under a lever
 * setting the base scenarios do not have (pushNihMultiplier only under central push, ...). A
 * context names those settings; the screen then runs the factor on each base with the context
 * applied and compares with that context base, so "inert" means inert where the factor can act.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Levers } from '../../sim/levers.js';
import { type HistoryOverride, type ModelInput, resolveLevers, resolveParameters } from '../../sim/model-input.js';
import type { Parameters } from '../../sim/parameters.js';

export interface ScreenContext {
  /** How the document shows it: the settings, e.g. "governance=centralPush, sponsorYears=0". */
  label: string;
  levers: Partial<Levers>;
  parameters: Partial<Parameters>;
  /** Shared history by municipality name or code, as in scenario files. */
  history: HistoryOverride[];
  factors: string[];
}

const isMap = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const show = (v: unknown) => (Array.isArray(v) ? v.join('+') : String(v));

function historyOf(value: unknown, where: string): HistoryOverride[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new Error(`${where}.history: expected a list of { a, b, value }`);
  return value.map((h, k) => {
    if (!isMap(h) || typeof h.a !== 'string' || typeof h.b !== 'string' || typeof h.value !== 'number')
      throw new Error(`${where}.history[${k}]: expected { a: name or code, b: name or code, value: -1 to 1 }`);
    return { a: h.a, b: h.b, value: h.value };
  });
}

/** One context, its overrides checked against the registries (resolve* throw on unknown names or bad values). */
function parseContext(raw: unknown, where: string): ScreenContext {
  if (!isMap(raw)) throw new Error(`${where}: expected a mapping with factors and levers, parameters or history`);
  const levers = raw.levers ?? {};
  const parameters = raw.parameters ?? {};
  if (!isMap(levers) || !isMap(parameters)) throw new Error(`${where}: levers and parameters must be mappings`);
  resolveLevers(levers, `${where}.levers`);
  resolveParameters(parameters, `${where}.parameters`);
  const history = historyOf(raw.history, where);
  const factors = raw.factors;
  if (!Array.isArray(factors) || factors.length === 0 || !factors.every((f) => typeof f === 'string'))
    throw new Error(`${where}.factors: expected a non-empty list of parameter or lever names`);
  const parts = [
    ...Object.entries(levers).map(([k, v]) => `${k}=${show(v)}`),
    ...Object.entries(parameters).map(([k, v]) => `${k}=${show(v)}`),
    ...history.map((h) => `history ${h.a}-${h.b}=${h.value}`),
  ];
  if (parts.length === 0) throw new Error(`${where}: a context needs levers, parameters or history`);
  for (const f of factors as string[])
    if (Object.hasOwn(levers, f) || Object.hasOwn(parameters, f))
      throw new Error(`${where}: ${f} is screened in this context, so the context cannot set it`);
  return {
    label: parts.join(', '),
    levers: levers as Partial<Levers>,
    parameters: parameters as Partial<Parameters>,
    history,
    factors: factors as string[],
  };
}

/** The contexts of the file (none when it is missing); a factor may have one context only. */
export function readContexts(file: string): ScreenContext[] {
  if (!existsSync(file)) return [];
  const doc = parse(readFileSync(file, 'utf8')) as unknown;
  const list = isMap(doc) ? doc.contexts : undefined;
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) throw new Error(`${file} contexts: expected a list`);
  const out = list.map((raw, k) => parseContext(raw, `${file} contexts[${k}]`));
  const seen = new Set<string>();
  for (const c of out)
    for (const f of c.factors) {
      if (seen.has(f)) throw new Error(`${file}: ${f} has more than one context`);
      seen.add(f);
    }
  return out;
}

/** Factor name → its context. */
export function contextsByFactor(contexts: readonly ScreenContext[]): Map<string, ScreenContext> {
  return new Map(contexts.flatMap((c) => c.factors.map((f) => [f, c] as const)));
}

/** A municipality named by code or by name (any case) among the input's. */
function codeOf(input: ModelInput, ref: string): string {
  const lower = ref.toLowerCase();
  const m = input.municipalities.find((x) => x.code === ref || x.name.toLowerCase() === lower);
  if (!m) throw new Error(`screen context: ${ref} is not a municipality of ${input.name}`);
  return m.code;
}

/** The base with the context's settings; its history replaces any earlier value of the same pair. */
export function applyContext(input: ModelInput, ctx: ScreenContext): ModelInput {
  const pairs = ctx.history.map((h) => ({ a: codeOf(input, h.a), b: codeOf(input, h.b), value: h.value }));
  const samePair = (x: HistoryOverride, y: HistoryOverride) =>
    (x.a === y.a && x.b === y.b) || (x.a === y.b && x.b === y.a);
  const levers = Object.fromEntries(
    Object.entries(ctx.levers).map(([k, v]) => [k, Array.isArray(v) ? [...v] : v]),
  ) as Partial<Levers>;
  return {
    ...input,
    levers: { ...input.levers, ...levers },
    parameters: { ...input.parameters, ...ctx.parameters },
    historyOverrides: [...input.historyOverrides.filter((h) => !pairs.some((p) => samePair(h, p))), ...pairs],
  };
}
