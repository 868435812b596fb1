import { defaultLevers, isLeverName, LEVERS, type Levers, ROLES } from './levers.js';
import { defaultParameters, isParameterName, PARAMETER_NAMES, PARAMETERS, type Parameters } from './parameters.js';
import type { AdjacencyLink, MunicipalityData } from './region-data.js';
import { closestName } from './suggest.js';

/** Known shared history between two municipalities, replacing the default from adjacency and regions. */
export interface HistoryOverride {
  a: string;
  b: string;
  /** In [-1, 1]; below `deepNegativeHistory` a quarrel cannot be talked out. */
  value: number;
}

/** A set of municipalities that may form one pool (a RES region, or the chosen region as a whole). */
export interface PoolArea {
  code: string;
  name: string;
  memberCodes: string[];
}

/**
 * Everything one simulation needs, already resolved and checked: the pure model's whole input.
 * The scenario layer (scenarios/) builds it from files; tests build it directly.
 */
export interface ModelInput {
  name: string;
  municipalities: MunicipalityData[];
  adjacency: AdjacencyLink[];
  /** One pool may form per area. All municipalities share one labour market. */
  poolAreas: PoolArea[];
  levers: Levers;
  parameters: Parameters;
  startYear: number;
  horizonMonths: number;
  historyOverrides: HistoryOverride[];
  /** Municipalities that never join a pool. */
  refusers: string[];
}

/** One problem with an input value: where it is, what it was, and what is allowed. */
export interface InputIssue {
  path: string;
  value: unknown;
  message: string;
  /** A related field to point at when `path` is not written in the file (its value is the default). */
  near?: string;
}

export class ModelInputError extends Error {
  constructor(readonly issues: InputIssue[]) {
    super(issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
    this.name = 'ModelInputError';
  }
}

function show(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/**
 * Applies parameter overrides by name to the registry defaults, collecting every problem.
 * @example resolveParameters({ supplyRatio: 0.35 }).supplyRatio // 0.35
 */
export function resolveParameters(overrides: Record<string, unknown> = {}, pathPrefix = 'parameters'): Parameters {
  const params = defaultParameters();
  const issues: InputIssue[] = [];
  for (const [name, value] of Object.entries(overrides)) {
    const path = `${pathPrefix}.${name}`;
    if (!isParameterName(name)) {
      const guess = closestName(name, PARAMETER_NAMES);
      issues.push({ path, value, message: `unknown parameter${guess ? ` (did you mean "${guess}"?)` : ''}` });
      continue;
    }
    const def = PARAMETERS[name];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      issues.push({
        path,
        value,
        message: `${show(value)} is not a number; allowed: ${def.min} to ${def.max} ${def.unit}`,
      });
      continue;
    }
    if (value < def.min || value > def.max) {
      issues.push({ path, value, message: `${value} is out of range; allowed: ${def.min} to ${def.max} ${def.unit}` });
      continue;
    }
    if (def.integer && !Number.isInteger(value)) {
      issues.push({ path, value, message: `${value} must be a whole number (${def.min} to ${def.max} ${def.unit})` });
      continue;
    }
    params[name] = value;
  }
  if (issues.length) throw new ModelInputError(issues);
  return params;
}

/** Applies lever settings by name to the lever defaults, collecting every problem. */
export function resolveLevers(overrides: Record<string, unknown> = {}, pathPrefix = 'levers'): Levers {
  const levers = defaultLevers() as unknown as Record<string, unknown>;
  const issues: InputIssue[] = [];
  for (const [name, value] of Object.entries(overrides)) {
    const path = `${pathPrefix}.${name}`;
    if (!isLeverName(name)) {
      const guess = closestName(name, Object.keys(LEVERS));
      issues.push({ path, value, message: `unknown lever${guess ? ` (did you mean "${guess}"?)` : ''}` });
      continue;
    }
    const def = LEVERS[name];
    const problem = leverProblem(def, value);
    if (problem) issues.push({ path, value, message: problem });
    else levers[name] = Array.isArray(value) ? [...value] : value;
  }
  if (issues.length) throw new ModelInputError(issues);
  return levers as unknown as Levers;
}

function leverProblem(def: (typeof LEVERS)[keyof typeof LEVERS], value: unknown): string | undefined {
  switch (def.kind) {
    case 'choice':
      if (typeof value === 'string' && (def.values as readonly string[]).includes(value)) return undefined;
      {
        const guess = typeof value === 'string' ? closestName(value, def.values) : undefined;
        return `${show(value)} is not allowed; allowed: ${def.values.join(', ')}${guess ? ` (did you mean "${guess}"?)` : ''}`;
      }
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value))
        return `${show(value)} is not a number; allowed: ${def.min} to ${def.max} ${def.unit}`;
      if (value < def.min || value > def.max)
        return `${value} is out of range; allowed: ${def.min} to ${def.max} ${def.unit}`;
      if (def.integer && !Number.isInteger(value)) return `${value} must be a whole number`;
      return undefined;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `${show(value)} is not allowed; allowed: true, false`;
    case 'roles':
      if (
        Array.isArray(value) &&
        value.length > 0 &&
        value.every((r) => (ROLES as readonly unknown[]).includes(r)) &&
        new Set(value).size === value.length
      )
        return undefined;
      return `${show(JSON.stringify(value))} is not allowed; allowed: a non-empty list of distinct roles from ${ROLES.join(', ')}`;
    case 'codes':
      if (Array.isArray(value) && value.every((c) => typeof c === 'string')) return undefined;
      return `${show(JSON.stringify(value))} is not allowed; allowed: a list of CBS municipality codes`;
  }
}

/**
 * Checks the cross-field consistency of a model input that single-field checks cannot see:
 * codes that must exist, mixes that must be usable, a horizon that must be positive.
 */
export function checkModelInput(input: ModelInput): void {
  const issues: InputIssue[] = [];
  const codes = new Set(input.municipalities.map((m) => m.code));
  if (input.municipalities.length === 0)
    issues.push({ path: 'region', value: 0, message: 'the region has no municipalities' });
  if (!Number.isInteger(input.horizonMonths) || input.horizonMonths < 1 || input.horizonMonths > 1200)
    issues.push({
      path: 'horizonMonths',
      value: input.horizonMonths,
      message: 'allowed: a whole number of months from 1 to 1200',
    });
  const inArea = new Set<string>();
  input.poolAreas.forEach((area, k) => {
    for (const c of area.memberCodes) {
      if (!codes.has(c))
        issues.push({ path: `poolAreas[${k}].memberCodes`, value: c, message: `${c} is not in the region` });
      if (inArea.has(c))
        issues.push({ path: `poolAreas[${k}].memberCodes`, value: c, message: `${c} is in two pool areas` });
      inArea.add(c);
    }
  });
  const checkCode = (path: string, c: string) => {
    if (!codes.has(c)) {
      const guess = closestName(c, [...codes]);
      issues.push({
        path,
        value: c,
        message: `${c} is not a municipality of the region${guess ? ` (did you mean "${guess}"?)` : ''}`,
      });
    }
  };
  input.levers.founders.forEach((c, k) => {
    checkCode(`levers.founders[${k}]`, c);
  });
  input.refusers.forEach((c, k) => {
    checkCode(`refusers[${k}]`, c);
  });
  input.historyOverrides.forEach((h, k) => {
    checkCode(`history[${k}].a`, h.a);
    checkCode(`history[${k}].b`, h.b);
    if (!(h.value >= -1 && h.value <= 1))
      issues.push({ path: `history[${k}].value`, value: h.value, message: 'allowed: -1 to 1' });
  });
  const p = input.parameters;
  if (p.entrantShareSpecialist + p.entrantShareLocal >= 1)
    issues.push({
      path: 'parameters.entrantShareSpecialist',
      value: p.entrantShareSpecialist,
      message: 'entrantShareSpecialist + entrantShareLocal must be below 1 (the rest are process staff)',
    });
  if (issues.length) throw new ModelInputError(issues);
}
