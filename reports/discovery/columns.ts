import { DiscoveryError } from './errors.js';

/** A value of an input (a design row's values). */
export type InputValue = number | string | boolean;

/** How an input is treated: ordered (real, integer) or unordered (choice). */
export type InputKind = 'real' | 'integer' | 'choice';

/** An input dimension; a design Factor fits. `values` fixes the order of choices. */
export interface InputSpec {
  name: string;
  kind: InputKind;
  values?: readonly InputValue[];
}

export interface NumericColumn {
  name: string;
  kind: 'real' | 'integer';
  values: Float64Array;
  /** Row indices sorted by value. */
  order: Int32Array;
  min: number;
  max: number;
}

export interface ChoiceColumn {
  name: string;
  kind: 'choice';
  /** Per row, the index of its value in `labels`. */
  codes: Int32Array;
  labels: InputValue[];
}

export type Column = NumericColumn | ChoiceColumn;

/**
 * The inputs of a set of rows when none are given: every key of the first row; numbers are
 * integer inputs when all are whole, else real; anything else is a choice.
 * @example inferInputs([{ a: 1.5, b: 'x' }]) // [{ name: 'a', kind: 'real' }, { name: 'b', kind: 'choice' }]
 */
export function inferInputs(rows: ReadonlyArray<Readonly<Record<string, InputValue>>>): InputSpec[] {
  if (rows.length === 0) throw new DiscoveryError('no rows');
  return Object.keys(rows[0]).map((name) => {
    const values = rows.map((r) => r[name]);
    if (values.every((v) => typeof v === 'number'))
      return { name, kind: values.every((v) => Number.isInteger(v)) ? 'integer' : 'real' };
    return { name, kind: 'choice' };
  });
}

/**
 * Column-wise copies of the inputs, numeric ones with their sort order, choices as codes.
 * Throws DiscoveryError for a missing or non-finite value.
 * @example toColumns([{ a: 2 }, { a: 1 }], [{ name: 'a', kind: 'real' }])[0] // { kind: 'real', order: [1, 0], min: 1, max: 2, ... }
 */
export function toColumns(
  rows: ReadonlyArray<Readonly<Record<string, InputValue>>>,
  inputs: readonly InputSpec[],
): Column[] {
  const n = rows.length;
  return inputs.map((spec): Column => {
    if (spec.kind === 'choice') {
      const labels: InputValue[] = spec.values ? [...spec.values] : [];
      const index = new Map<InputValue, number>(labels.map((v, i) => [v, i]));
      const codes = new Int32Array(n);
      for (let i = 0; i < n; i++) {
        const v = rows[i][spec.name];
        if (v === undefined) throw new DiscoveryError(`row ${i} has no value for "${spec.name}"`);
        let c = index.get(v);
        if (c === undefined) {
          if (spec.values)
            throw new DiscoveryError(`row ${i}: "${spec.name}" = ${JSON.stringify(v)} is not one of its values`);
          c = labels.length;
          labels.push(v);
          index.set(v, c);
        }
        codes[i] = c;
      }
      return { name: spec.name, kind: 'choice', codes, labels };
    }
    const values = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const v = rows[i][spec.name];
      if (typeof v !== 'number' || !Number.isFinite(v))
        throw new DiscoveryError(
          `row ${i}: "${spec.name}" is ${JSON.stringify(v)}; a ${spec.kind} input needs a finite number`,
        );
      values[i] = v;
    }
    const order = Int32Array.from({ length: n }, (_, i) => i).sort((p, q) => values[p] - values[q] || p - q);
    return { name: spec.name, kind: spec.kind, values, order, min: values[order[0]], max: values[order[n - 1]] };
  });
}
