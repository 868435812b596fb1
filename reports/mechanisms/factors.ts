/**
 * The factors of the one-at-a-time screen, read from the registries (sim/parameters.ts,
 * sim/levers.ts) so that renamed, added or removed parameters and levers follow without edits:
 * every parameter at both ends of its range; every lever at each of its values (choices), both
 * values (booleans), both ends (numbers), each role alone and all roles (role lists).
 */
import { LEVER_NAMES, LEVERS, ROLES } from '../../sim/levers.js';
import type { ModelInput } from '../../sim/model-input.js';
import { PARAMETER_NAMES, PARAMETERS } from '../../sim/parameters.js';

export type FactorValue = number | string | boolean | string[];

export interface Factor {
  name: string;
  kind: 'parameter' | 'lever';
  /** The parameter's registry group; levers are in group "lever". */
  group: string;
  /** The registry's range or choices, for the document. */
  range: string;
  /** Candidate settings; those equal to a base scenario's value are dropped per base. */
  values: FactorValue[];
  /** The registry's optional `screenOutcome`: the outcome the factor exists for. */
  screenOutcome?: string;
  /** Why the factor is not screened (values empty). */
  skipped?: string;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The optional registry field, read without assuming it exists. */
function screenOutcomeOf(def: object): string | undefined {
  const v = (def as { screenOutcome?: unknown }).screenOutcome;
  return typeof v === 'string' ? v : undefined;
}

function parameterFactors(): Factor[] {
  return PARAMETER_NAMES.map((name) => {
    const d = PARAMETERS[name];
    const fixed = d.min === d.max;
    return {
      name,
      kind: 'parameter',
      group: d.group,
      range: `${d.min} to ${d.max} ${d.unit}`.trim(),
      values: fixed ? [] : [d.min, d.max],
      screenOutcome: screenOutcomeOf(d),
      ...(fixed ? { skipped: `fixed (range ${d.min} to ${d.max})` } : {}),
    };
  });
}

function leverFactor(name: string, def: (typeof LEVERS)[keyof typeof LEVERS]): Factor {
  const base = { name, kind: 'lever' as const, group: 'lever', screenOutcome: screenOutcomeOf(def) };
  switch (def.kind) {
    case 'choice':
      return { ...base, range: def.values.join(' | '), values: [...def.values] };
    case 'boolean':
      return { ...base, range: 'true | false', values: [false, true] };
    case 'number':
      return { ...base, range: `${def.min} to ${def.max} ${def.unit}`, values: [def.min, def.max] };
    case 'roles':
      return { ...base, range: `roles from ${ROLES.join(', ')}`, values: [...ROLES.map((r) => [r]), [...ROLES]] };
    default:
      return {
        ...base,
        range: def.kind,
        values: [],
        skipped: `not screened: a ${def.kind} lever depends on the region`,
      };
  }
}

/** Every parameter (registry order), then every lever. */
export function registryFactors(): Factor[] {
  return [...parameterFactors(), ...LEVER_NAMES.map((n) => leverFactor(n, LEVERS[n]))];
}

/** The factor's current value in an input. */
export function currentValue(input: ModelInput, f: Factor): unknown {
  return f.kind === 'parameter'
    ? (input.parameters as Record<string, number>)[f.name]
    : (input.levers as unknown as Record<string, unknown>)[f.name];
}

/** The settings to try on a base: the candidates other than the base's own value. */
export function settingsFor(input: ModelInput, f: Factor): FactorValue[] {
  const now = currentValue(input, f);
  return f.values.filter((v) => !same(v, now));
}

/** A copy of `input` with the factor set to `value`. */
export function withFactor(input: ModelInput, f: Factor, value: FactorValue): ModelInput {
  if (f.kind === 'parameter') return { ...input, parameters: { ...input.parameters, [f.name]: value as number } };
  const v = Array.isArray(value) ? [...value] : value;
  return { ...input, levers: { ...input.levers, [f.name]: v } as ModelInput['levers'] };
}

/** How a setting is written in tables: lists joined by "+". */
export const settingLabel = (v: FactorValue | unknown): string => (Array.isArray(v) ? v.join('+') : String(v));
