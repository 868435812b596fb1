/**
 * Part (b): the one-at-a-time screen. Every factor is set to each of its settings on each base
 * scenario, all else at the base's values, and run on the same seeds as the base; each outcome's
 * paired difference from the base gets a 95% interval. A factor none of whose contrasts excludes 0
 * (every setting, base and outcome) is INERT. A factor with a screening context (contexts.ts) is run
 * on each base with the context applied and compared with that context base.
 */
import { sampleStandardDeviation } from 'simple-statistics';
import { checkModelInput, type ModelInput } from '../../sim/model-input.js';
import { type Contrast, compare } from './compare.js';
import { applyContext, type ScreenContext } from './contexts.js';
import { type Factor, type FactorValue, settingLabel, settingsFor, withFactor } from './factors.js';
import { type Cell, firstError, outcomeValues, type RunOptions, runCells } from './runner.js';
import type { RunMeasures } from './run-cell.js';

export interface ScreenBase {
  name: string;
  input: ModelInput;
}

export interface ScreenOptions extends RunOptions {
  seeds: number[];
  /** Outcomes measured for every factor. */
  outcomes: readonly string[];
  /** The outcome a factor exists for, if any (added to its rows when not already measured). */
  ownOutcome?: (f: Factor) => string | undefined;
  /** The settings under which the factor can act at all, if the bases lack them. */
  contextOf?: (f: Factor) => ScreenContext | undefined;
}

export interface ScreenRow {
  base: string;
  factor: string;
  /** The screening context's label, if the factor has one. */
  context?: string;
  kind: Factor['kind'];
  group: string;
  setting: string;
  outcome: string;
  /** 'own': the outcome the factor exists for, measured for it only. */
  role: 'all' | 'own';
  contrast: Contrast;
  /** Difference / sd of the outcome over every run on this base: comparable across factors. */
  standardised: number;
  error?: string;
}

export interface FactorResult {
  factor: Factor;
  /** The screening context's label, if any. */
  context?: string;
  /** The outcome the factor exists for, as declared (it may be one measured for every factor). */
  ownOutcome?: string;
  rows: ScreenRow[];
  /** Settings that could not run (an input the model rejects), with the reason. */
  invalid: Array<{ base: string; setting: string; reason: string }>;
  /** No contrast excludes 0. Undefined when nothing could be compared. */
  inert?: boolean;
  /** Every run of every setting equals the base run on every outcome: the factor never acts. */
  identical: boolean;
  /** The row with the largest |standardised| effect among distinguishable ones (else among all). */
  largest?: ScreenRow;
  distinguishable: number;
}

interface Planned {
  factor: Factor;
  base: ScreenBase;
  /** The cell the factor's runs are compared with: the base, or the base in the factor's context. */
  reference: string;
  context?: string;
  value: FactorValue;
  key: string;
}

const baseKey = (b: ScreenBase, context?: ScreenContext) =>
  context ? `base::${b.name}::${context.label}` : `base::${b.name}`;

export async function runScreen(
  bases: readonly ScreenBase[],
  factors: readonly Factor[],
  options: ScreenOptions,
): Promise<FactorResult[]> {
  const planned: Planned[] = [];
  const invalid = new Map<Factor, FactorResult['invalid']>();
  const cells: Cell[] = bases.map((b) => ({ key: baseKey(b), input: b.input, seeds: options.seeds }));
  for (const factor of factors) {
    invalid.set(factor, []);
    const context = options.contextOf?.(factor);
    for (const base of bases) {
      const reference = baseKey(base, context);
      const start = context ? applyContext(base.input, context) : base.input;
      if (context && !cells.some((c) => c.key === reference)) {
        checkModelInput(start);
        cells.push({ key: reference, input: start, seeds: options.seeds });
      }
      for (const value of settingsFor(start, factor)) {
        const input = withFactor(start, factor, value);
        const setting = settingLabel(value);
        try {
          checkModelInput(input);
        } catch (e) {
          invalid.get(factor)?.push({ base: base.name, setting, reason: (e as Error).message.split('\n')[0] });
          continue;
        }
        const where = context ? `${base.name}::[${context.label}]` : base.name;
        const key = `${where}::${factor.kind}:${factor.name}=${setting}`;
        planned.push({ factor, base, reference, context: context?.label, value, key });
        cells.push({ key, input, seeds: options.seeds });
      }
    }
  }
  const results = await runCells(cells, options);
  const scale = scales(bases, cells, results, factors, options);
  return factors.map((factor) => {
    const own = ownOf(factor, options);
    const rows = planned
      .filter((p) => p.factor === factor)
      .flatMap((p) => rowsFor(p, own, results, scale, options.outcomes));
    const result = summarise(factor, options.ownOutcome?.(factor), rows, invalid.get(factor) ?? []);
    const context = options.contextOf?.(factor)?.label;
    return context ? { ...result, context } : result;
  });
}

const ownOf = (f: Factor, options: ScreenOptions) => {
  const own = options.ownOutcome?.(f);
  return own && !options.outcomes.includes(own) ? own : undefined;
};

/** The sd of each outcome over all runs on a base, the yardstick of the standardised effects. */
function scales(
  bases: readonly ScreenBase[],
  cells: readonly Cell[],
  results: ReadonlyMap<string, RunMeasures[]>,
  factors: readonly Factor[],
  options: ScreenOptions,
): Map<string, number> {
  const outcomes = new Set([
    ...options.outcomes,
    ...factors.map((f) => ownOf(f, options)).filter((o) => o !== undefined),
  ]);
  const out = new Map<string, number>();
  for (const base of bases) {
    // The base, its contexts and every factor run on it.
    const own = [baseKey(base), `${baseKey(base)}::`, `${base.name}::`];
    const mine = cells.filter((c) => c.key === own[0] || c.key.startsWith(own[1]) || c.key.startsWith(own[2]));
    for (const outcome of outcomes) {
      const values = mine.flatMap((c) => outcomeValues(results.get(c.key) ?? [], outcome)).filter(Number.isFinite);
      out.set(`${base.name}|${outcome}`, values.length > 1 ? sampleStandardDeviation(values) : Number.NaN);
    }
  }
  return out;
}

function rowsFor(
  p: Planned,
  own: string | undefined,
  results: ReadonlyMap<string, RunMeasures[]>,
  scale: ReadonlyMap<string, number>,
  outcomes: readonly string[],
): ScreenRow[] {
  const baseRuns = results.get(p.reference) ?? [];
  const runs = results.get(p.key) ?? [];
  const error = firstError(runs) ?? firstError(baseRuns);
  const measured: Array<[string, ScreenRow['role']]> = [...outcomes.map((o) => [o, 'all'] as [string, 'all'])];
  if (own) measured.push([own, 'own']);
  return measured.map(([outcome, role]) => {
    const contrast = compare(outcomeValues(baseRuns, outcome), outcomeValues(runs, outcome));
    const sd = scale.get(`${p.base.name}|${outcome}`) ?? Number.NaN;
    return {
      base: p.base.name,
      factor: p.factor.name,
      ...(p.context ? { context: p.context } : {}),
      kind: p.factor.kind,
      group: p.factor.group,
      setting: settingLabel(p.value),
      outcome,
      role,
      contrast,
      standardised: sd > 0 && Number.isFinite(contrast.mean) ? contrast.mean / sd : 0,
      ...(error ? { error } : {}),
    };
  });
}

function summarise(
  factor: Factor,
  ownOutcome: string | undefined,
  rows: ScreenRow[],
  invalid: FactorResult['invalid'],
): FactorResult {
  const compared = rows.filter((r) => r.contrast.pairs > 0);
  const moving = compared.filter((r) => r.contrast.distinguishable);
  const byEffect = (list: ScreenRow[]) =>
    list.reduce<ScreenRow | undefined>(
      (best, r) => (best === undefined || Math.abs(r.standardised) > Math.abs(best.standardised) ? r : best),
      undefined,
    );
  return {
    factor,
    ownOutcome,
    rows,
    invalid,
    inert: compared.length === 0 ? undefined : moving.length === 0,
    identical: rows.length > 0 && rows.every((r) => r.contrast.identical),
    largest: byEffect(moving) ?? byEffect(compared),
    distinguishable: moving.length,
  };
}
