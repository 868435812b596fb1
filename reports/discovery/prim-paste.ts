import type { Column } from './columns.js';
import type { Box } from './prim-box.js';
import type { Move } from './prim-peel.js';

/**
 * The candidate pastes of the box on one restricted input (Friedman & Fisher 1999): widen a
 * numeric limit just enough to take in about a share alpha of the box's size from the rows that
 * are outside the box on this input only (ties together; back to the data's end when that takes
 * all of them), or add back one dropped choice. `count` and `dim` come from `membership`.
 * @example pastes(columns, box, initial, count, dim, y, 0, 0.05, boxRows)
 */
export function pastes(
  columns: readonly Column[],
  box: Box,
  initial: Box,
  count: Int32Array,
  dim: Int32Array,
  y: Uint8Array,
  j: number,
  alpha: number,
  boxRows: number,
): Move[] {
  const c = columns[j];
  const moves: Move[] = [];
  const n = count.length;
  if (c.kind === 'choice') {
    const set = box.sets[j] as Set<number>;
    const rows = new Int32Array(c.labels.length);
    const hits = new Int32Array(c.labels.length);
    for (let i = 0; i < n; i++)
      if (count[i] === 1 && dim[i] === j) {
        rows[c.codes[i]]++;
        hits[c.codes[i]] += y[i];
      }
    for (let code = 0; code < c.labels.length; code++)
      if (!set.has(code) && rows[code] > 0)
        moves.push({ dim: j, side: 'choice', limit: 0, code, rows: rows[code], hits: hits[code] });
    return moves;
  }
  const want = Math.max(1, Math.ceil(alpha * boxRows));
  const integer = c.kind === 'integer';
  const below: Array<[number, number]> = [];
  const above: Array<[number, number]> = [];
  for (let i = 0; i < n; i++)
    if (count[i] === 1 && dim[i] === j) {
      const v = c.values[i];
      if (v < box.lo[j]) below.push([v, y[i]]);
      else above.push([v, y[i]]);
    }
  const widen = (slab: Array<[number, number]>, side: 'lower' | 'upper') => {
    if (slab.length === 0) return;
    // Nearest to the box first.
    slab.sort(side === 'lower' ? (p, q) => q[0] - p[0] : (p, q) => p[0] - q[0]);
    let take = Math.min(want, slab.length);
    while (take < slab.length && slab[take][0] === slab[take - 1][0]) take++;
    let limit: number;
    if (take === slab.length) limit = side === 'lower' ? initial.lo[j] : initial.hi[j];
    else limit = integer ? slab[take - 1][0] : (slab[take - 1][0] + slab[take][0]) / 2;
    let hits = 0;
    for (let t = 0; t < take; t++) hits += slab[t][1];
    moves.push({ dim: j, side, limit, code: -1, rows: take, hits });
  };
  widen(below, 'lower');
  widen(above, 'upper');
  return moves;
}
