/** Object and array shapes that V8 keeps stable through a batch (a shape change deoptimises the monthly code). */
import type { ModelState, Municipality, Pool, Quarrel } from './state.js';

/**
 * Number fields that start whole but come to hold fractions. V8 first stores such a field as a small
 * integer and moves it to a double slot the first time a fraction arrives; when that happens late
 * (a rare event in run 57, say) the object's shape changes and every optimised function that reads
 * such objects is thrown away and compiled again. withDoubleSlots makes the move at creation.
 */
export const MUNICIPALITY_FRACTIONS = [
  'ready',
  'refReady',
  'spentSalaries',
  'spentConsultants',
  'spentFees',
  'feeCommitment',
  'valueAvg',
  'feeAvg',
  'feePaidMonth',
  'servedRatio',
  'legitimacy',
  'outsiderLocalAvg',
  'savingAvg',
  'decisionDraw',
  'servedShareAvg',
  'servedRecent',
  'netBenefitAvg',
  'progressMonth',
  'knowledgeReceived',
  'valueReceived',
] as const satisfies ReadonlyArray<keyof Municipality>;
export const POOL_FRACTIONS = [
  'reserve',
  'successSignal',
  'fixedFeeTotal',
  'usagePrice',
  'otherDomainFte',
  'crisisFte',
  'incomeFees',
  'incomeSponsor',
  'incomeOtherDomains',
  'costStaff',
  'costOverhead',
] as const satisfies ReadonlyArray<keyof Pool>;
export const QUARREL_FRACTIONS = ['drop'] as const satisfies ReadonlyArray<keyof Quarrel>;
export const STATE_FRACTIONS = ['entrantCarry', 'tightness'] as const satisfies ReadonlyArray<keyof ModelState>;
export const TALLY_FRACTIONS = [
  'salaries',
  'consultants',
  'fees',
  'exitFees',
  'sponsor',
  'budgets',
  'knowledgeLostLeavers',
  'knowledgeLostConsultants',
  'knowledgeLostToRegion',
  'fteMonthsPool',
] as const satisfies ReadonlyArray<keyof ModelState['tally']>;

/** Moves the given number fields to double slots now, keeping their values (see MUNICIPALITY_FRACTIONS). */
export function withDoubleSlots<T extends object>(obj: T, keys: ReadonlyArray<keyof T>): void {
  const o = obj as Record<keyof T, number>;
  for (const k of keys) {
    const value = o[k];
    o[k] = 0.5;
    o[k] = value;
  }
}

/**
 * An empty array already of the element kind that holds objects or strings. An empty literal `[]`
 * starts as a small-integer array and changes kind at its first object; V8 then remembers the kind
 * at that literal and makes the next arrays there in it directly. So the arrays in one field came
 * in two kinds, depending on the run and on which of them had been filled yet, and code compiled
 * for one kind was thrown away on meeting the other. Arrays made here have their final kind at once.
 * @example
 * const exits = objectList<Exit>(); // exits.push({ ... }) later keeps its kind
 */
export function objectList<T>(): T[] {
  const list: unknown[] = [OBJECT_KIND];
  list.pop();
  return list as T[];
}
const OBJECT_KIND = {};

/** An empty array of numbers that come to hold fractions (see objectList). */
export function doubleList(): number[] {
  const list = [0.5];
  list.pop();
  return list;
}

/** An n×n matrix of zeros, packed (never map(): see initState). */
export function zeroMatrix(n: number): number[][] {
  const rows: number[][] = [];
  for (let i = 0; i < n; i++) {
    const row: number[] = [];
    for (let j = 0; j < n; j++) row.push(0);
    rows.push(row);
  }
  return rows;
}

/** A fast-properties copy of one parameters object, and the keys and values it was made from. */
interface FastCopy {
  keys: string[];
  values: unknown[];
  copy: object;
}
const fastCopies = new WeakMap<object, FastCopy>();

/**
 * A fresh copy of a parameters or levers object with fast properties, for one run (the run may change its
 * copy; tests do). Spreading the registry-built original (a dictionary-mode object of 150+ keys)
 * costs about 50 µs, a sizeable share of a Drenthe run's set-up; spreading a fast copy made once is
 * a block copy. The cached copy is used only while the source still has the same keys and values
 * (Object.is), so an input changed in place gets a new one.
 */
export function freshCopy<T extends object>(source: T): T {
  let c = fastCopies.get(source);
  if (c === undefined || !sameEntries(c, source)) {
    const keys = Object.keys(source);
    const values: unknown[] = [];
    for (const k of keys) values.push((source as Record<string, unknown>)[k]);
    c = { keys, values, copy: { ...source } };
    fastCopies.set(source, c);
  }
  // One spread site for every run: a copy made at a second site had another hidden class, and the
  // code V8 compiled during a batch's first run was thrown away at the start of its second.
  return { ...(c.copy as T) };
}

function sameEntries(c: FastCopy, source: object): boolean {
  const keys = Object.keys(source);
  if (keys.length !== c.keys.length) return false;
  const s = source as Record<string, unknown>;
  for (let i = 0; i < keys.length; i++) if (keys[i] !== c.keys[i] || !Object.is(s[keys[i]], c.values[i])) return false;
  return true;
}
