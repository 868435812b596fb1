/**
 * The page's controls, generated from the registries (sim/levers.ts, sim/parameters.ts): a label
 * from the name, the unit, range or choices, and help text from the description and source note.
 * Nothing here is typed twice: a new lever or parameter gets its control without a change here.
 */
import { LEVER_NAMES, LEVERS, ROLES } from '../../sim/levers.js';
import { PARAMETER_NAMES, PARAMETERS, type ParameterGroup, SCARCITY_LEVELS } from '../../sim/parameters.js';

export type ControlValue = string | number | boolean | string[];

export interface ControlSpec {
  /** Scenario path: `levers.initialStaff`, `uncertainties.demandIntensity`. */
  path: string;
  name: string;
  label: string;
  kind: 'choice' | 'number' | 'boolean' | 'roles';
  values?: readonly string[];
  min?: number;
  max?: number;
  integer?: boolean;
  unit?: string;
  default: ControlValue;
  help: string;
  /** Parameter group (uncertainties only). */
  group?: ParameterGroup | 'scarcity';
}

/** "initialStaff" → "Initial staff". */
export function labelOf(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** One control per lever, except `founders` (named municipalities; set it in the exported YAML). */
export function leverControls(): ControlSpec[] {
  return LEVER_NAMES.filter((n) => n !== 'founders').map((name) => {
    const def = LEVERS[name] as (typeof LEVERS)[keyof typeof LEVERS];
    const base = { path: `levers.${name}`, name, label: labelOf(name), help: def.description };
    switch (def.kind) {
      case 'choice':
        return { ...base, kind: 'choice', values: def.values, default: def.default };
      case 'number':
        return {
          ...base,
          kind: 'number',
          min: def.min,
          max: def.max,
          integer: def.integer,
          unit: def.unit,
          default: def.default,
          help: def.source ? `${def.description} Source: ${def.source}` : def.description,
        };
      case 'boolean':
        return { ...base, kind: 'boolean', default: def.default };
      default:
        return { ...base, kind: 'roles', values: ROLES, default: [...(def.default as readonly string[])] };
    }
  });
}

/** Scarcity (a named supplyRatio), then every parameter that can vary, in registry order. */
export function uncertaintyControls(): ControlSpec[] {
  const levels = Object.entries(SCARCITY_LEVELS);
  const scarcity: ControlSpec = {
    path: 'uncertainties.scarcity',
    name: 'scarcity',
    label: 'Labour scarcity',
    kind: 'choice',
    values: ['', ...levels.map(([k]) => k)],
    default: 'high',
    help: `A named level of supplyRatio: ${levels.map(([k, v]) => `${k} = ${v}`).join(', ')}; empty: set supplyRatio below.`,
    group: 'scarcity',
  };
  const params = PARAMETER_NAMES.filter((n) => PARAMETERS[n].min < PARAMETERS[n].max).map((name): ControlSpec => {
    const d = PARAMETERS[name];
    return {
      path: `uncertainties.${name}`,
      name,
      label: labelOf(name),
      kind: 'number',
      min: d.min,
      max: d.max,
      integer: d.integer,
      unit: d.unit,
      default: d.default,
      help: `${d.description} Evidence ${d.tag}. Source: ${d.source}`,
      group: d.group,
    };
  });
  return [scarcity, ...params];
}
