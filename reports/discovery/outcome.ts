import { DiscoveryError } from './errors.js';

/** Which continuous outcomes are of interest: a predicate, or inclusive thresholds. */
export type OutcomeTest = ((value: number) => boolean) | { atLeast?: number; atMost?: number };

/**
 * Marks the cases of interest of a continuous outcome, e.g. 2030 progress below a target
 * (`{ atMost: 0.4 }`), for PRIM. With thresholds a non-finite value is an error; a predicate
 * sees every value as it is.
 * @example outcomeOfInterest([0.2, 0.5, 0.9], { atLeast: 0.5 }) // [false, true, true]
 */
export function outcomeOfInterest(values: ArrayLike<number>, test: OutcomeTest): boolean[] {
  const out: boolean[] = [];
  if (typeof test === 'function') {
    for (let i = 0; i < values.length; i++) out.push(test(values[i]));
    return out;
  }
  if (test.atLeast === undefined && test.atMost === undefined) throw new DiscoveryError('give atLeast, atMost or both');
  const lo = test.atLeast ?? Number.NEGATIVE_INFINITY;
  const hi = test.atMost ?? Number.POSITIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) throw new DiscoveryError(`outcome ${i} is ${v}; thresholds need finite outcomes`);
    out.push(v >= lo && v <= hi);
  }
  return out;
}

/**
 * A binary outcome as 0/1 codes: booleans, or numbers that are all 0 or 1.
 * @example binaryOutcome([true, false]) // Uint8Array [1, 0]
 */
export function binaryOutcome(y: ArrayLike<boolean | number>): Uint8Array {
  const out = new Uint8Array(y.length);
  for (let i = 0; i < y.length; i++) {
    const v = y[i];
    if (v === true || v === 1) out[i] = 1;
    else if (v !== false && v !== 0)
      throw new DiscoveryError(
        `outcome ${i} is ${String(v)}; a binary outcome is true/false or 1/0 (see outcomeOfInterest)`,
      );
  }
  return out;
}
