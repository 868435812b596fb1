import { binomialUpperTail } from './binomial.js';
import { type Column, type InputSpec, type InputValue, inferInputs, toColumns } from './columns.js';
import { DiscoveryError } from './errors.js';
import { binaryOutcome } from './outcome.js';
import { type Box, type BoxLimit, boxLimit, copyBox, initialBox, isRestricted, membership } from './prim-box.js';
import { pastes } from './prim-paste.js';
import { type Move, peels } from './prim-peel.js';

/** A restricted input of a box, with EMA Workbench's quasi-p-value. */
export type RestrictedLimit = BoxLimit & {
  /**
   * One-sided binomial test: the chance of at least the box's cases of interest among its rows if
   * they were drawn at the density of the box without this restriction. Large (say > 0.05):
   * the restriction adds little and could be dropped.
   */
  qp: number;
};

/** One box on the peeling and pasting trajectory. */
export interface PrimStep {
  index: number;
  phase: 'start' | 'peel' | 'paste';
  /** The input whose limit this step changed (absent at the start). */
  changed?: string;
  /** Share of all cases of interest that lie in the box. */
  coverage: number;
  /** Share of the box's rows that are cases of interest. */
  density: number;
  /** Share of all rows in the box. */
  mass: number;
  rows: number;
  hits: number;
  /** The inputs the box restricts, with their limits and quasi-p-values, most significant first. */
  restricted: RestrictedLimit[];
  /** The box's limits on every input. */
  limits: BoxLimit[];
}

export interface PrimOptions {
  /** Inputs and their kinds (default: inferred from the rows; design factors fit). */
  inputs?: readonly InputSpec[];
  /** Share of the box peeled off per step (default 0.05). */
  peelAlpha?: number;
  /** Share of the box pasted on per step (default 0.05). */
  pasteAlpha?: number;
  /** Peeling stops before the box holds less than this share of the rows (default 0.05). */
  massMin?: number;
  /** Paste the last peeled box (default true). */
  paste?: boolean;
  /**
   * Which box to report as `chosen`: the last one (default), a step index, or the box with the
   * highest coverage among those with at least this density (ties: fewer restricted inputs).
   */
  select?: 'last' | { index: number } | { minDensity: number };
}

export interface PrimResult {
  rows: number;
  /** Cases of interest in the data. */
  hits: number;
  inputs: InputSpec[];
  /** Every box from the whole data to the last one: pick from the coverage-density trade-off. */
  trajectory: PrimStep[];
  chosen: PrimStep;
}

/**
 * PRIM, the patient rule induction method (Friedman & Fisher 1999), for scenario discovery as in
 * EMA Workbench's `prim`: starting from the box holding all data, repeatedly peel off the slice
 * (about a share peelAlpha of the box, on one input's low or high end, or one choice value) that
 * raises the box's density most per row removed (EMA's default "lenient1" objective), while the
 * density rises and the box keeps at least massMin of the data; then paste slices back while
 * that raises the density. Returns the whole trajectory (coverage, density, mass, restricted
 * inputs, limits and quasi-p-values per box) and the chosen box. Real, integer and choice inputs.
 * @example prim(rows, outcomeOfInterest(progress, { atMost: 0.4 }), { select: { minDensity: 0.8 } }).chosen.restricted
 */
export function prim(
  x: ReadonlyArray<Readonly<Record<string, InputValue>>>,
  outcome: ArrayLike<boolean | number>,
  options: PrimOptions = {},
): PrimResult {
  const peelAlpha = options.peelAlpha ?? 0.05;
  const pasteAlpha = options.pasteAlpha ?? 0.05;
  const massMin = options.massMin ?? 0.05;
  for (const [name, v] of [
    ['peelAlpha', peelAlpha],
    ['pasteAlpha', pasteAlpha],
    ['massMin', massMin],
  ] as const)
    if (!(v > 0 && v < 1)) throw new DiscoveryError(`${name} ${v}; allowed: between 0 and 1`);
  if (x.length !== outcome.length) throw new DiscoveryError(`${x.length} rows but ${outcome.length} outcomes`);
  const y = binaryOutcome(outcome);
  const n = y.length;
  let hits = 0;
  for (let i = 0; i < n; i++) hits += y[i];
  if (hits === 0) throw new DiscoveryError('no case of interest: PRIM needs at least one');
  const inputs = options.inputs ? options.inputs.map((s) => ({ ...s })) : inferInputs(x);
  const columns = toColumns(x, inputs);
  const initial = initialBox(columns);

  const trajectory: PrimStep[] = [];
  let box = copyBox(initial);
  let state = membership(columns, box, n);
  const record = (phase: PrimStep['phase'], changed?: string) =>
    trajectory.push(describeBox(columns, box, initial, state, y, hits, trajectory.length, phase, changed));
  record('start');

  // Peeling.
  for (;;) {
    const { rows, hits: inHits } = totals(state.count, y);
    const inBox = Uint8Array.from(state.count, (c) => (c === 0 ? 1 : 0));
    let best: { move: Move; score: number; free: number } | undefined;
    for (let j = 0; j < columns.length; j++) {
      const free = isRestricted(columns, box, initial, j) ? 1 : 0;
      for (const move of peels(columns, box, inBox, y, j, peelAlpha)) {
        const score = ((inHits - move.hits) / (rows - move.rows) - inHits / rows) / move.rows;
        if (!best || score > best.score || (score === best.score && free > best.free)) best = { move, score, free };
      }
    }
    if (!best || !(best.score > 0) || (rows - best.move.rows) / n < massMin) break;
    box = applyMove(box, best.move, 'peel');
    state = membership(columns, box, n);
    record('peel', columns[best.move.dim].name);
  }

  // Pasting.
  if (options.paste !== false) {
    for (;;) {
      const { rows, hits: inHits } = totals(state.count, y);
      let best: { move: Move; score: number } | undefined;
      for (let j = 0; j < columns.length; j++) {
        if (!isRestricted(columns, box, initial, j)) continue;
        for (const move of pastes(columns, box, initial, state.count, state.dim, y, j, pasteAlpha, rows)) {
          const score = ((inHits + move.hits) / (rows + move.rows) - inHits / rows) / move.rows;
          if (!best || score > best.score) best = { move, score };
        }
      }
      if (!best || !(best.score > 0)) break;
      box = applyMove(box, best.move, 'paste');
      state = membership(columns, box, n);
      record('paste', columns[best.move.dim].name);
    }
  }
  return { rows: n, hits, inputs, trajectory, chosen: selectBox(trajectory, options.select ?? 'last') };
}

/**
 * A box of the trajectory: by index, the last one, or the one with the highest coverage among
 * those with at least a density (ties: fewer restricted inputs, then the earlier box); the last
 * box when none reaches that density.
 * @example selectBox(result.trajectory, { minDensity: 0.9 }).coverage
 */
export function selectBox(trajectory: readonly PrimStep[], select: PrimOptions['select'] = 'last'): PrimStep {
  const last = trajectory[trajectory.length - 1];
  if (select === 'last') return last;
  if ('index' in select) {
    const step = trajectory[select.index];
    if (!step) throw new DiscoveryError(`box ${select.index}; allowed: 0 to ${trajectory.length - 1}`);
    return step;
  }
  let best: PrimStep | undefined;
  for (const step of trajectory)
    if (
      step.density >= select.minDensity &&
      (!best ||
        step.coverage > best.coverage ||
        (step.coverage === best.coverage && step.restricted.length < best.restricted.length))
    )
      best = step;
  return best ?? last;
}

function totals(count: Int32Array, y: Uint8Array): { rows: number; hits: number } {
  let rows = 0;
  let hits = 0;
  for (let i = 0; i < count.length; i++)
    if (count[i] === 0) {
      rows++;
      hits += y[i];
    }
  return { rows, hits };
}

function applyMove(box: Box, move: Move, phase: 'peel' | 'paste'): Box {
  const next = copyBox(box);
  if (move.side === 'choice') {
    const set = next.sets[move.dim] as Set<number>;
    if (phase === 'peel') set.delete(move.code);
    else set.add(move.code);
  } else if (move.side === 'lower') next.lo[move.dim] = move.limit;
  else next.hi[move.dim] = move.limit;
  return next;
}

function describeBox(
  columns: readonly Column[],
  box: Box,
  initial: Box,
  state: { count: Int32Array; dim: Int32Array },
  y: Uint8Array,
  allHits: number,
  index: number,
  phase: PrimStep['phase'],
  changed: string | undefined,
): PrimStep {
  const n = y.length;
  const { rows, hits } = totals(state.count, y);
  // Rows and hits of the box without restriction j = the box plus the rows outside on j only.
  const looseRows = new Int32Array(columns.length);
  const looseHits = new Int32Array(columns.length);
  for (let i = 0; i < n; i++)
    if (state.count[i] === 1) {
      looseRows[state.dim[i]]++;
      looseHits[state.dim[i]] += y[i];
    }
  const restricted: RestrictedLimit[] = [];
  columns.forEach((_, j) => {
    if (!isRestricted(columns, box, initial, j)) return;
    const p = (hits + looseHits[j]) / (rows + looseRows[j]);
    restricted.push({ ...boxLimit(columns, box, j), qp: binomialUpperTail(hits, rows, p) });
  });
  restricted.sort((p, q) => p.qp - q.qp);
  const step: PrimStep = {
    index,
    phase,
    coverage: hits / allHits,
    density: rows > 0 ? hits / rows : Number.NaN,
    mass: rows / n,
    rows,
    hits,
    restricted,
    limits: columns.map((_, j) => boxLimit(columns, box, j)),
  };
  if (changed !== undefined) step.changed = changed;
  return step;
}
