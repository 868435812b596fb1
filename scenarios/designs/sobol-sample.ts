import { type Design, isPowerOfTwo } from './design.js';
import { DesignError } from './errors.js';
import { checkFactors, type Factor, unitToRows } from './factors.js';
import { designRandom } from './random.js';
import { sobolPoints } from './sobol-sequence.js';

export interface SobolSampleOptions {
  /** Number of rows; a power of two keeps the sequence's balance. */
  samples: number;
  seed: number | string;
  /** Randomise with a digital shift drawn from the seed (default true); false gives the plain sequence. */
  scramble?: boolean;
  /** Points of the sequence to skip first (default 0). */
  skip?: number;
}

/**
 * The random digital shift of a seed: one 32-bit integer per dimension, from the stream
 * `<purpose>` of the seed.
 * @example digitalShift('sobol', 1, 2).length // 2
 */
export function digitalShift(purpose: string, seed: number | string, dimensions: number): Uint32Array {
  const random = designRandom(purpose, seed);
  const shift = new Uint32Array(dimensions);
  for (let j = 0; j < dimensions; j++) shift[j] = Math.floor(random() * 2 ** 32);
  return shift;
}

/**
 * A quasi-random sample: the first `samples` points of the Sobol sequence (one dimension per
 * factor), by default with a random digital shift drawn from the seed (stream "sobol").
 * @example sobolSample([{ name: 'x', kind: 'real', min: 0, max: 1 }], { samples: 8, seed: 1, scramble: false }).rows[1].x // 0.5
 */
export function sobolSample(factors: readonly Factor[], options: SobolSampleOptions): Design {
  checkFactors(factors);
  const { samples, seed } = options;
  if (!Number.isInteger(samples) || samples < 1)
    throw new DesignError(`samples ${samples}; allowed: a whole number ≥ 1`);
  const k = factors.length;
  const shift = options.scramble === false ? undefined : digitalShift('sobol', seed, k);
  const unit = sobolPoints(samples, k, { skip: options.skip ?? 0, shift });
  const notes = isPowerOfTwo(samples)
    ? []
    : [`${samples} samples is not a power of two: the Sobol sequence is balanced only at powers of two`];
  return { method: 'sobol', factors: [...factors], seed, unit, rows: unitToRows(factors, unit), notes };
}
