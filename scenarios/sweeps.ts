/**
 * Sweeps in experiment files: each swept lever or parameter takes a list of values or an evenly
 * spaced range, and all sweeps are crossed with each other (full factorial) and with the scenarios.
 */
import { isLeverName, LEVERS, type Levers } from '../sim/levers.js';
import type { ModelInput } from '../sim/model-input.js';
import { PARAMETERS, isParameterName, SCARCITY_LEVELS, type ScarcityLevel } from '../sim/parameters.js';
import { MAX_DESIGN_POINTS } from './design-schema.js';
import type { ScenarioIssue } from './issues.js';
import { child, type TreeEntry, type TreeNode, toPlain } from './yaml-tree.js';

export type SweepValue = number | string | boolean | string[];

/** One swept lever or parameter and its values, with where it was written. */
export interface SweepAxis {
  name: string;
  entry: TreeEntry;
  values: SweepValue[];
}

/** One combination of sweep values: a value per axis. */
export type SweepSetting = Array<{ axis: SweepAxis; value: SweepValue }>;

/** Number with at most 12 significant digits, so 0.1 + 0.2 shows as 0.3 in point ids. */
const tidy = (x: number) => Number(x.toPrecision(12));

/** The axes of a `sweeps:` mapping (already checked against the schema). */
export function sweepAxes(sweeps: TreeNode | undefined, issues: ScenarioIssue[]): SweepAxis[] {
  if (sweeps?.kind !== 'map') return [];
  const axes: SweepAxis[] = [];
  const scarcity = sweeps.entries.find((e) => e.key === 'scarcity');
  const ratio = sweeps.entries.find((e) => e.key === 'supplyRatio');
  if (scarcity && ratio) {
    issues.push({
      ...ratio.keyPos,
      path: 'sweeps.supplyRatio',
      value: 'supplyRatio',
      message:
        '"supplyRatio" conflicts with sweeps.scarcity: scarcity names a supplyRatio; allowed: a sweep of one of them',
    });
  }
  for (const e of sweeps.entries) {
    const values = e.value.kind === 'seq' ? (e.value.items.map(toPlain) as SweepValue[]) : rangeValues(e, issues);
    if (values) axes.push({ name: e.key, entry: e, values });
  }
  return axes;
}

/** The values of `{from, to, steps}`, both ends included; whole numbers for whole-number settings. */
function rangeValues(e: TreeEntry, issues: ScenarioIssue[]): number[] | undefined {
  const from = Number(toPlain(child(e.value, 'from') as TreeNode));
  const to = Number(toPlain(child(e.value, 'to') as TreeNode));
  const steps = Number(toPlain(child(e.value, 'steps') as TreeNode));
  const problem = (message: string) => {
    issues.push({ ...e.value.pos, path: `sweeps.${e.key}`, value: { from, to, steps }, message });
    return undefined;
  };
  if (from === to) return problem(`from and to are both ${from}; allowed: two different ends (or a list of one value)`);
  const values = Array.from({ length: steps }, (_, i) => tidy(from + (i * (to - from)) / (steps - 1)));
  if (new Set(values).size < values.length)
    return problem(
      `from ${from} to ${to} in ${steps} steps repeats values; allowed: fewer steps or ends further apart`,
    );
  if (wholeNumbers(e.key) && !values.every(Number.isInteger)) {
    const span = Math.abs(to - from);
    const fits = Array.from({ length: Math.min(span, 1000) }, (_, d) => d + 1)
      .filter((d) => span % d === 0)
      .map((d) => d + 1)
      .slice(0, 6);
    return problem(
      `from ${from} to ${to} in ${steps} steps gives ${values.find((v) => !Number.isInteger(v))}, but ${e.key} takes whole numbers; allowed: steps ${fits.join(', ')}`,
    );
  }
  return values;
}

function wholeNumbers(name: string): boolean {
  if (isParameterName(name)) return PARAMETERS[name].integer === true;
  if (isLeverName(name)) {
    const def = LEVERS[name];
    return def.kind === 'number' && def.integer === true;
  }
  return false;
}

/**
 * True (after pushing the problem) when the sweeps crossed with the scenarios make more points than
 * a design may have (MAX_DESIGN_POINTS); the product of the value counts is taken, nothing is built.
 */
export function sweepTooBig(
  sweeps: TreeNode | undefined,
  axes: readonly SweepAxis[],
  scenarios: number,
  issues: ScenarioIssue[],
): boolean {
  const points = axes.reduce((n, a) => n * a.values.length, Math.max(scenarios, 1));
  if (sweeps === undefined || points <= MAX_DESIGN_POINTS) return false;
  const counts = axes.map((a) => `${a.values.length} ${a.name}`).join(' × ');
  issues.push({
    ...sweeps.pos,
    path: 'sweeps',
    value: points,
    message: `${counts}${scenarios > 1 ? ` × ${scenarios} scenarios` : ''} = ${points} points; allowed: at most ${MAX_DESIGN_POINTS} points (sweep fewer values, or sample with a design: block)`,
  });
  return true;
}

/** Every combination of the axes' values; the first axis varies slowest. One empty setting without axes. */
export function sweepSettings(axes: readonly SweepAxis[]): SweepSetting[] {
  let settings: SweepSetting[] = [[]];
  for (const axis of axes) settings = settings.flatMap((s) => axis.values.map((value) => [...s, { axis, value }]));
  return settings;
}

/** How a value is written in a point id and in PlanPoint.sweep: lists of roles joined by "+". */
export function sweepLabel(value: SweepValue): number | string | boolean {
  return Array.isArray(value) ? value.join('+') : value;
}

/**
 * The point id: scenario name, then name=value per axis.
 * @example pointId('start-small', setting) // "start-small|supplyRatio=0.35"
 */
export function pointId(scenario: string, setting: SweepSetting): string {
  return [scenario, ...setting.map(({ axis, value }) => `${axis.name}=${sweepLabel(value)}`)].join('|');
}

/** A copy of `input` with the setting applied (scarcity sets supplyRatio). */
export function applySetting(input: ModelInput, setting: SweepSetting): ModelInput {
  const levers = { ...input.levers } as Record<string, unknown>;
  const parameters = { ...input.parameters } as Record<string, number>;
  for (const { axis, value } of setting) {
    if (axis.name === 'scarcity') parameters.supplyRatio = SCARCITY_LEVELS[value as ScarcityLevel];
    else if (isLeverName(axis.name)) levers[axis.name] = Array.isArray(value) ? [...value] : value;
    else parameters[axis.name] = value as number;
  }
  return { ...input, levers: levers as unknown as Levers, parameters: parameters as ModelInput['parameters'] };
}
