import type { Column, InputValue } from './columns.js';

/**
 * A box in input space: per numeric input an inclusive range [lo, hi], per choice input the set
 * of allowed value codes (null for numeric inputs).
 */
export interface Box {
  lo: Float64Array;
  hi: Float64Array;
  sets: Array<Set<number> | null>;
}

/** A box's limit on one input, for reports. */
export type BoxLimit =
  | { name: string; kind: 'real' | 'integer'; min: number; max: number }
  | { name: string; kind: 'choice'; values: InputValue[] };

/**
 * The box holding all data: each numeric input's observed range, every observed choice.
 * @example initialBox(columns).lo[0] === columns[0].min // for a numeric first input
 */
export function initialBox(columns: readonly Column[]): Box {
  return {
    lo: Float64Array.from(columns, (c) => (c.kind === 'choice' ? 0 : c.min)),
    hi: Float64Array.from(columns, (c) => (c.kind === 'choice' ? 0 : c.max)),
    sets: columns.map((c) => (c.kind === 'choice' ? new Set(c.labels.map((_, i) => i)) : null)),
  };
}

/** A copy that can be changed without touching the original. */
export function copyBox(box: Box): Box {
  return { lo: box.lo.slice(), hi: box.hi.slice(), sets: box.sets.map((s) => (s ? new Set(s) : null)) };
}

/**
 * Per row, how many inputs put it outside the box, and (when exactly one does) which: rows with
 * no violation are in the box, rows with one violation on input j are in the box "but for j"
 * (the candidates for pasting on j and the rows the quasi-p-value of j adds back).
 * @example membership(columns, box, n).count[i] === 0 // row i is in the box
 */
export function membership(columns: readonly Column[], box: Box, n: number): { count: Int32Array; dim: Int32Array } {
  const count = new Int32Array(n);
  const dim = new Int32Array(n).fill(-1);
  columns.forEach((c, j) => {
    if (c.kind === 'choice') {
      const set = box.sets[j] as Set<number>;
      if (set.size === c.labels.length) return;
      for (let i = 0; i < n; i++)
        if (!set.has(c.codes[i])) {
          count[i]++;
          dim[i] = j;
        }
    } else {
      const lo = box.lo[j];
      const hi = box.hi[j];
      if (lo <= c.min && hi >= c.max) return;
      for (let i = 0; i < n; i++) {
        const v = c.values[i];
        if (v < lo || v > hi) {
          count[i]++;
          dim[i] = j;
        }
      }
    }
  });
  return { count, dim };
}

/**
 * Whether input j of the box is narrower than in the initial box.
 * @example isRestricted(columns, box, initialBox(columns), 0) // false at the start
 */
export function isRestricted(columns: readonly Column[], box: Box, initial: Box, j: number): boolean {
  const c = columns[j];
  if (c.kind === 'choice') return (box.sets[j] as Set<number>).size < (initial.sets[j] as Set<number>).size;
  return box.lo[j] > initial.lo[j] || box.hi[j] < initial.hi[j];
}

/**
 * The limit of input j in report form.
 * @example boxLimit(columns, box, 0) // { name: 'x1', kind: 'real', min: 0.2, max: 0.6 }
 */
export function boxLimit(columns: readonly Column[], box: Box, j: number): BoxLimit {
  const c = columns[j];
  if (c.kind === 'choice')
    return {
      name: c.name,
      kind: 'choice',
      values: [...(box.sets[j] as Set<number>)].sort((p, q) => p - q).map((code) => c.labels[code]),
    };
  return { name: c.name, kind: c.kind, min: box.lo[j], max: box.hi[j] };
}
