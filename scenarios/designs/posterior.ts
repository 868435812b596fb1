/**
 * Futures drawn from a posterior: the weighted particles of a `regiosim calibrate` posterior.csv
 * are resampled (with replacement, in proportion to their weights) into design rows, optionally
 * joined column-wise with a Latin hypercube over further factors. Pure and synchronous: the file
 * is read by scenarios/design-posterior.ts; this module parses its text and draws the sample.
 */
import { isParameterName, PARAMETERS, type ParameterName } from '../../sim/parameters.js';
import { SAMPLEABLE_PARAMETERS } from '../design-schema.js';
import type { Design } from './design.js';
import { effectiveSampleSize } from './effective-sample-size.js';
import { DesignError } from './errors.js';
import { checkFactors, type DesignRow, type Factor } from './factors.js';
import { latinHypercube } from './latin-hypercube.js';
import { designRandom, permutation, type Uniform } from './random.js';
import { factorsFromRegistry } from './registry.js';

/** How particles are resampled: systematic (one uniform, low variance) or multinomial (independent draws). */
export const RESAMPLING_SCHEMES = ['systematic', 'multinomial'] as const;
export type ResamplingScheme = (typeof RESAMPLING_SCHEMES)[number];

/** The weight column of a posterior file. */
export const WEIGHT_COLUMN = 'weight';
/** The particle-number column calibrate writes first (optional; else particles are numbered 0, 1, ...). */
export const PARTICLE_COLUMN = 'particle';
/** Columns calibrate writes that are read past: the particle's distance and its pattern values. */
export const IGNORED_COLUMNS = ['distance'] as const;
export const IGNORED_PREFIX = 'pattern:';

/** A weighted sample of parameter vectors. */
export interface Posterior {
  /** Parameter names, in the file's column order. */
  names: string[];
  /** Particle numbers (the `particle` column, else the row number from 0). */
  ids: number[];
  /** Values per particle, one per name. */
  values: number[][];
  /** Weights per particle: ≥ 0, positive sum (not necessarily normalised). */
  weights: number[];
}

/** A problem at a place of a posterior file (1-based line and column; column 0 for the line as a whole). */
export interface PosteriorProblem {
  line: number;
  column: number;
  message: string;
}

const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
/** At most this many problems are listed (then how many more). */
export const MAX_POSTERIOR_PROBLEMS = 10;

/**
 * Parses a posterior.csv strictly: a header naming registry parameters (sim/parameters.ts) and a
 * `weight` column (and optionally calibrate's `particle`, `distance` and `pattern:<name>` columns,
 * which are read past), then one row per particle with a numeric value inside each parameter's
 * registry range (whole numbers for whole-number parameters) and a weight ≥ 0; the weights must
 * have a positive sum. Every problem is given with its line and column. Plain CSV only: no quoted
 * fields, no blank lines between rows.
 * @example parsePosteriorCsv('externalHiringNorm,weight\n0.2,1\n') // { posterior: { names: ['externalHiringNorm'], ids: [0], values: [[0.2]], weights: [1] } }
 */
export function parsePosteriorCsv(
  text: string,
  suggest: (name: string, candidates: readonly string[]) => string | undefined = () => undefined,
): { posterior: Posterior } | { problems: PosteriorProblem[] } {
  const problems: PosteriorProblem[] = [];
  const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  if (lines.length === 0)
    return {
      problems: [{ line: 1, column: 0, message: 'is empty; allowed: a header line and one line per particle' }],
    };
  const header = lines[0].split(',');
  const columnOf = (k: number, cells: readonly string[]) => cells.slice(0, k).reduce((n, c) => n + c.length + 1, 1);
  const params: Array<{ k: number; name: string }> = [];
  let weightAt = -1;
  let particleAt = -1;
  const seen = new Map<string, number>();
  const allowedNames = SAMPLEABLE_PARAMETERS;
  header.forEach((name, k) => {
    const at = { line: 1, column: columnOf(k, header) };
    if (seen.has(name)) {
      problems.push({
        ...at,
        message: `column ${JSON.stringify(name)} appears twice (also column ${seen.get(name)}); allowed: each column once`,
      });
      return;
    }
    seen.set(name, at.column);
    if (name === WEIGHT_COLUMN) weightAt = k;
    else if (name === PARTICLE_COLUMN) particleAt = k;
    else if ((IGNORED_COLUMNS as readonly string[]).includes(name) || name.startsWith(IGNORED_PREFIX)) return;
    else if (isParameterName(name) && allowedNames.includes(name)) params.push({ k, name });
    else {
      const guess = suggest(name, allowedNames);
      problems.push({
        ...at,
        message: isParameterName(name)
          ? `column ${JSON.stringify(name)} is a parameter fixed in the registry; allowed: parameters with a range`
          : `column ${JSON.stringify(name)} is not a model parameter; allowed: parameter names of sim/parameters.ts, ${WEIGHT_COLUMN}, and calibrate's ${PARTICLE_COLUMN}, distance and ${IGNORED_PREFIX}<name> columns${guess ? ` (did you mean "${guess}"?)` : ''}`,
      });
    }
  });
  if (weightAt < 0)
    problems.push({
      line: 1,
      column: 0,
      message: `has no ${JSON.stringify(WEIGHT_COLUMN)} column; allowed: a header with the parameter names and ${WEIGHT_COLUMN} (as regiosim calibrate writes posterior.csv)`,
    });
  if (params.length === 0 && problems.length === 0)
    problems.push({
      line: 1,
      column: 0,
      message: 'names no model parameter; allowed: at least one parameter column of sim/parameters.ts',
    });
  if (problems.length > 0) return { problems };
  if (lines.length === 1)
    return {
      problems: [{ line: 2, column: 0, message: 'has no particles; allowed: one line per particle after the header' }],
    };
  const ids: number[] = [];
  const values: number[][] = [];
  const weights: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = i + 1;
    const cells = lines[i].split(',');
    if (cells.length !== header.length) {
      problems.push({
        line,
        column: 0,
        message: `has ${cells.length} cells; allowed: ${header.length}, one per header column${lines[i] === '' ? ' (a blank line)' : ''}`,
      });
      continue;
    }
    const num = (k: number, what: string): number | undefined => {
      const cell = cells[k];
      if (NUMBER.test(cell)) return Number(cell);
      problems.push({
        line,
        column: columnOf(k, cells),
        message: `${what}: ${JSON.stringify(cell)} is not a number; allowed: a decimal number`,
      });
      return undefined;
    };
    const row: number[] = [];
    for (const p of params) {
      const v = num(p.k, p.name);
      if (v === undefined) continue;
      const def = PARAMETERS[p.name as ParameterName];
      const at = { line, column: columnOf(p.k, cells) };
      if (v < def.min || v > def.max)
        problems.push({
          ...at,
          message: `${p.name}: ${v} is outside the registry range; allowed: ${def.min} to ${def.max} ${def.unit}`,
        });
      else if (def.integer && !Number.isInteger(v))
        problems.push({
          ...at,
          message: `${p.name}: ${v} is not a whole number; allowed: whole numbers from ${def.min} to ${def.max}`,
        });
      row.push(v);
    }
    const w = num(weightAt, WEIGHT_COLUMN);
    if (w !== undefined && !(w >= 0))
      problems.push({
        line,
        column: columnOf(weightAt, cells),
        message: `${WEIGHT_COLUMN}: ${w} is negative; allowed: a weight ≥ 0`,
      });
    let id = i - 1;
    if (particleAt >= 0) {
      const v = num(particleAt, PARTICLE_COLUMN);
      if (v !== undefined && !(Number.isInteger(v) && v >= 0))
        problems.push({
          line,
          column: columnOf(particleAt, cells),
          message: `${PARTICLE_COLUMN}: ${v} is not allowed; allowed: a whole number ≥ 0`,
        });
      id = v ?? id;
    }
    ids.push(id);
    values.push(row);
    weights.push(w ?? 0);
  }
  if (problems.length === 0 && !(weights.reduce((a, b) => a + b, 0) > 0))
    problems.push({
      line: 1,
      column: columnOf(weightAt, header),
      message: `${WEIGHT_COLUMN}: every weight is 0; allowed: weights ≥ 0 with a positive sum`,
    });
  if (problems.length > 0) return { problems };
  return { posterior: { names: params.map((p) => p.name), ids, values, weights } };
}

/**
 * Indices of `n` particles drawn with replacement in proportion to `weights`: systematic
 * resampling (one uniform u, points (u + i)/n on the cumulative weights; each particle's count is
 * within one of n·wᵢ) or multinomial (n independent draws). The same random source gives the same
 * indices, in particle order.
 * @example resampleIndices([0.5, 0.5], 4, 'systematic', () => 0.3) // [0, 0, 1, 1]
 */
export function resampleIndices(
  weights: readonly number[],
  n: number,
  scheme: ResamplingScheme,
  random: Uniform,
): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  if (!(total > 0) || weights.some((w) => !(w >= 0) || !Number.isFinite(w)))
    throw new DesignError('posterior weights must be ≥ 0 with a positive sum');
  if (!Number.isInteger(n) || n < 1) throw new DesignError(`samples ${n}; allowed: a whole number ≥ 1`);
  const cumulative: number[] = [];
  let acc = 0;
  for (const w of weights) {
    acc += w / total;
    cumulative.push(acc);
  }
  cumulative[cumulative.length - 1] = 1;
  // The first index whose cumulative weight exceeds u (zero weights are never chosen).
  const find = (u: number) => {
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  if (scheme === 'systematic') {
    const u0 = random();
    return Array.from({ length: n }, (_, i) => find((u0 + i) / n));
  }
  return Array.from({ length: n }, () => find(random())).sort((a, b) => a - b);
}

/** A design drawn from a posterior: which particle each row came from, and a summary of the posterior. */
export interface PosteriorDesign extends Design {
  method: 'posterior';
  resampling: ResamplingScheme;
  /** The particle number (posterior.csv's `particle`) of each row. */
  particles: number[];
  /** Particles in the posterior, and how many distinct ones the sample holds. */
  posteriorParticles: number;
  distinctParticles: number;
  /** Kish's effective sample size of the posterior weights, (Σw)²/Σw². */
  ess: number;
}

export interface PosteriorDesignOptions {
  samples: number;
  seed: number | string;
  resampling?: ResamplingScheme;
  /** Further factors, sampled by a Latin hypercube (same seed) and joined column-wise. */
  extra?: readonly Factor[];
}

/** The unit coordinate of a value on a factor's range (the inverse of fromUnit). */
function toUnit(f: Factor, v: number): number {
  const min = f.min as number;
  const max = f.max as number;
  if (f.kind === 'integer') return (v - min + 0.5) / (max - min + 1);
  return (v - min) / (max - min);
}

/**
 * Futures drawn from a posterior: `samples` particles resampled with their weights (stream
 * "posterior" of the seed), put in random order (stream "posterior-order") so that any first rows
 * are a fair sample too, with further factors from a Latin hypercube joined column-wise. Posterior
 * parameters become uncertainty factors over their registry ranges. The same posterior, options
 * and seed give the same design.
 * @throws DesignError
 * @example posteriorDesign({ names: ['externalHiringNorm'], ids: [0, 1], values: [[0.2], [0.3]], weights: [1, 0] }, { samples: 3, seed: 1 }).rows // three rows of 0.2
 */
export function posteriorDesign(posterior: Posterior, options: PosteriorDesignOptions): PosteriorDesign {
  const extra = options.extra ?? [];
  const scheme = options.resampling ?? 'systematic';
  const own = factorsFromRegistry(posterior.names);
  const both = own.map((f) => f.name).filter((n) => extra.some((x) => x.name === n));
  if (both.length > 0)
    throw new DesignError(
      `${both.join(', ')}: both in the posterior and sampled; allowed: each parameter in one of them`,
    );
  const factors = [...own, ...extra];
  checkFactors(factors);
  const picked = resampleIndices(posterior.weights, options.samples, scheme, designRandom('posterior', options.seed));
  const order = permutation(picked.length, designRandom('posterior-order', options.seed));
  const chosen = order.map((i) => picked[i]);
  const lhs = extra.length > 0 ? latinHypercube(extra, { samples: options.samples, seed: options.seed }) : undefined;
  const rows: DesignRow[] = [];
  const unit: number[][] = [];
  chosen.forEach((p, r) => {
    const row: DesignRow = {};
    const u: number[] = [];
    own.forEach((f, j) => {
      row[f.name] = posterior.values[p][j];
      u.push(toUnit(f, posterior.values[p][j]));
    });
    if (lhs) {
      Object.assign(row, lhs.rows[r]);
      u.push(...lhs.unit[r]);
    }
    rows.push(row);
    unit.push(u);
  });
  const ess = effectiveSampleSize(posterior.weights);
  const distinct = new Set(chosen).size;
  return {
    method: 'posterior',
    factors,
    seed: options.seed,
    unit,
    rows,
    resampling: scheme,
    particles: chosen.map((p) => posterior.ids[p]),
    posteriorParticles: posterior.ids.length,
    distinctParticles: distinct,
    ess,
    notes: [
      `${options.samples} futures resampled (${scheme}, with replacement) from ${posterior.ids.length} posterior particles (effective sample size ${ess.toFixed(1)}): ${distinct} distinct particles${extra.length ? `; ${extra.map((f) => f.name).join(', ')} from a Latin hypercube joined column-wise` : ''}`,
    ],
  };
}
