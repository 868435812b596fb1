/**
 * Stage 2f: what each scenario changes against the baseline, the table that opens report.html. For
 * every scenario, its point is compared with the baseline's point at the same sweep values (the
 * first such pair): the region and its pool areas, the years, every lever and every parameter that
 * differs, named refusers and set shared history. Labels and units come from the registries
 * (reports/labels.ts), so the reader sees "Governance: demand-pull → central push", not code.
 */
import { LEVER_NAMES } from '../../sim/levers.js';
import type { ModelInput } from '../../sim/model-input.js';
import { PARAMETER_NAMES } from '../../sim/parameters.js';
import type { ExperimentPlan } from '../../scenarios/plan.js';
import { factorInfo, factorTitle, formatFactorValue } from '../labels.js';
import { type PointSet, sweepKey } from './points.js';

export interface ChangeRow {
  /** Scenario name (code) and its readable label. */
  scenario: string;
  scenarioLabel: string;
  /** lever, parameter, region, years, refusers, history; "none" when nothing differs. */
  kind: 'lever' | 'parameter' | 'region' | 'years' | 'refusers' | 'history' | 'none';
  /** Code name of the lever or parameter ('' for the others). */
  name: string;
  /** "Governance", "Labour supply ratio (ratio)", "Region". */
  label: string;
  baseline: string;
  value: string;
  /** The registry's description of the lever or parameter. */
  description: string;
}

export interface ScenarioChanges {
  baseline: string;
  baselineLabel: string;
  /** The baseline's setting in one line: region, years, collaboration form. */
  baselineSummary: string;
  rows: ChangeRow[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** "RES Drenthe (12 municipalities, 1 pool area)" */
export function regionText(input: ModelInput): string {
  const areas = input.poolAreas;
  const names = areas.length <= 3 ? areas.map((a) => a.name).join(', ') : `${areas.length} pool areas`;
  const n = input.municipalities.length;
  return `${names} (${n} municipalit${n === 1 ? 'y' : 'ies'}${areas.length > 1 && areas.length <= 3 ? `, ${areas.length} pool areas` : ''})`;
}

export function yearsText(input: ModelInput): string {
  return `${input.startYear}–${input.startYear + Math.ceil(input.horizonMonths / 12) - 1} (${input.horizonMonths} months)`;
}

function namesOf(input: ModelInput, codes: readonly string[]): string {
  const byCode = new Map(input.municipalities.map((m) => [m.code, m.name]));
  return codes.length ? codes.map((c) => byCode.get(c) ?? c).join(', ') : 'none';
}

function historyText(input: ModelInput): string {
  if (input.historyOverrides.length === 0) return 'from adjacency and sub-regions';
  const byCode = new Map(input.municipalities.map((m) => [m.code, m.name]));
  return input.historyOverrides
    .map((h) => `${byCode.get(h.a) ?? h.a}–${byCode.get(h.b) ?? h.b}: ${h.value}`)
    .join('; ');
}

/** The differences of one input from the baseline input. */
export function inputChanges(
  baseline: ModelInput,
  input: ModelInput,
): Array<Omit<ChangeRow, 'scenario' | 'scenarioLabel'>> {
  const rows: Array<Omit<ChangeRow, 'scenario' | 'scenarioLabel'>> = [];
  const codes = (i: ModelInput) => i.municipalities.map((m) => m.code);
  if (!same(codes(baseline), codes(input)) || !same(baseline.poolAreas, input.poolAreas))
    rows.push({
      kind: 'region',
      name: '',
      label: 'Region',
      baseline: regionText(baseline),
      value: regionText(input),
      description: 'the municipalities simulated and the areas in which a pool may form',
    });
  if (baseline.startYear !== input.startYear || baseline.horizonMonths !== input.horizonMonths)
    rows.push({
      kind: 'years',
      name: '',
      label: 'Years',
      baseline: yearsText(baseline),
      value: yearsText(input),
      description: 'start year and horizon',
    });
  for (const name of LEVER_NAMES) {
    const b = baseline.levers[name];
    const v = input.levers[name];
    if (same(b, v)) continue;
    const show = (x: unknown, i: ModelInput) =>
      name === 'founders' ? namesOf(i, x as string[]) : formatFactorValue(name, x);
    rows.push({
      kind: 'lever',
      name,
      label: factorTitle(name),
      baseline: show(b, baseline),
      value: show(v, input),
      description: factorInfo(name).description,
    });
  }
  for (const name of PARAMETER_NAMES) {
    const b = baseline.parameters[name];
    const v = input.parameters[name];
    if (same(b, v)) continue;
    rows.push({
      kind: 'parameter',
      name,
      label: factorTitle(name),
      baseline: formatFactorValue(name, b),
      value: formatFactorValue(name, v),
      description: factorInfo(name).description,
    });
  }
  if (!same([...baseline.refusers].sort(), [...input.refusers].sort()))
    rows.push({
      kind: 'refusers',
      name: '',
      label: 'Never join a pool',
      baseline: namesOf(baseline, baseline.refusers),
      value: namesOf(input, input.refusers),
      description: 'municipalities that refuse to join',
    });
  if (!same(baseline.historyOverrides, input.historyOverrides))
    rows.push({
      kind: 'history',
      name: '',
      label: 'Shared history',
      baseline: historyText(baseline),
      value: historyText(input),
      description: 'known shared history between pairs, in [-1, 1]',
    });
  return rows;
}

/** The changes of every scenario against the baseline (undefined without the plan's inputs). */
export function scenarioChanges(set: PointSet, plan: ExperimentPlan): ScenarioChanges | undefined {
  const inputOf = new Map(plan.points.map((p) => [p.id, p.input]));
  const baselinePoints = set.points.filter((p) => p.isBaseline);
  if (baselinePoints.length === 0) return undefined;
  const first = inputOf.get(baselinePoints[0].id);
  if (!first) return undefined;
  const byKey = new Map(baselinePoints.map((p) => [sweepKey(p.sweep), p]));
  const rows: ChangeRow[] = [];
  set.scenarios.forEach((scenario, i) => {
    if (scenario === set.baseline) return;
    const label = set.scenarioLabels[i];
    // The scenario's first point that has a baseline point at the same sweep values.
    const point = set.points.find((p) => p.scenario === scenario && byKey.has(sweepKey(p.sweep)));
    const base = point && inputOf.get(byKey.get(sweepKey(point.sweep))!.id);
    const input = point && inputOf.get(point.id);
    if (!base || !input) return;
    const changes = inputChanges(base, input);
    if (changes.length === 0)
      rows.push({
        scenario,
        scenarioLabel: label,
        kind: 'none',
        name: '',
        label: 'Nothing',
        baseline: '',
        value: '',
        description: 'the same inputs as the baseline (only the name differs)',
      });
    for (const c of changes) rows.push({ scenario, scenarioLabel: label, ...c });
  });
  const baselineLabel = set.scenarioLabels[set.scenarios.indexOf(set.baseline)];
  const form = formatFactorValue('poolForm', first.levers.poolForm);
  return {
    baseline: set.baseline,
    baselineLabel,
    baselineSummary: `${regionText(first)}, ${yearsText(first)}; collaboration form: ${form}`,
    rows,
  };
}
