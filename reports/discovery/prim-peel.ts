import type { Column } from './columns.js';
import type { Box } from './prim-box.js';

/** A candidate change of the box: a new limit on one input and the rows it removes or adds. */
export interface Move {
  dim: number;
  side: 'lower' | 'upper' | 'choice';
  /** New lower or upper limit (numeric inputs). */
  limit: number;
  /** The choice code removed or added (choice inputs). */
  code: number;
  /** Rows removed (peel) or added (paste), and how many of them are cases of interest. */
  rows: number;
  hits: number;
}

/**
 * The candidate peels of the box on one input (Friedman & Fisher 1999, data-type aware as in EMA
 * Workbench): for a numeric input, cut about a share alpha of the box's rows off the bottom and
 * off the top, at the alpha and 1 − alpha quantiles of the values in the box (ties stay together;
 * a real limit lies midway between the last row removed and the first kept, an integer limit on
 * the first value kept); for a choice input, drop one of its values.
 * @example peels(columns, box, inBox, y, 0, 0.05) // up to two moves for a numeric input
 */
export function peels(
  columns: readonly Column[],
  box: Box,
  inBox: Uint8Array,
  y: Uint8Array,
  j: number,
  alpha: number,
): Move[] {
  const c = columns[j];
  const moves: Move[] = [];
  if (c.kind === 'choice') {
    const set = box.sets[j] as Set<number>;
    if (set.size < 2) return moves;
    const rows = new Int32Array(c.labels.length);
    const hits = new Int32Array(c.labels.length);
    let total = 0;
    for (let i = 0; i < inBox.length; i++)
      if (inBox[i]) {
        rows[c.codes[i]]++;
        hits[c.codes[i]] += y[i];
        total++;
      }
    for (const code of set)
      if (rows[code] > 0 && rows[code] < total)
        moves.push({ dim: j, side: 'choice', limit: 0, code, rows: rows[code], hits: hits[code] });
    return moves;
  }
  // The box's values in increasing order, with their outcomes.
  const vals: number[] = [];
  const ys: number[] = [];
  for (let t = 0; t < c.order.length; t++) {
    const i = c.order[t];
    if (inBox[i]) {
      vals.push(c.values[i]);
      ys.push(y[i]);
    }
  }
  const m = vals.length;
  if (m < 2) return moves;
  const integer = c.kind === 'integer';
  // Lower peel: remove every row up to and including the alpha quantile's value.
  let q = Math.floor((m - 1) * alpha) + 1;
  while (q < m && vals[q] === vals[q - 1]) q++;
  if (q < m) {
    let hits = 0;
    for (let t = 0; t < q; t++) hits += ys[t];
    moves.push({
      dim: j,
      side: 'lower',
      limit: integer ? vals[q] : (vals[q - 1] + vals[q]) / 2,
      code: -1,
      rows: q,
      hits,
    });
  }
  // Upper peel: remove every row from the 1 − alpha quantile's value up.
  q = Math.ceil((m - 1) * (1 - alpha)) - 1;
  while (q >= 0 && vals[q] === vals[q + 1]) q--;
  if (q >= 0) {
    let hits = 0;
    for (let t = q + 1; t < m; t++) hits += ys[t];
    moves.push({
      dim: j,
      side: 'upper',
      limit: integer ? vals[q] : (vals[q] + vals[q + 1]) / 2,
      code: -1,
      rows: m - 1 - q,
      hits,
    });
  }
  return moves;
}
