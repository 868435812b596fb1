/**
 * Two verdicts per claim, computed from its numbers only: does the model agree with the articles'
 * expectation, and does the contrast keep its sign at both ends of each assumption it rests on.
 * @example articleVerdict(-1, { mean: -0.05, ciLow: -0.08, ciHigh: -0.02 }) // 'agrees'
 */
import type { Stat } from './format.js';

export type ArticleVerdict = 'agrees' | 'disagrees' | 'not distinguishable' | 'no expectation';

const sign = (d: Stat): -1 | 0 | 1 => (d.ciLow > 0 ? 1 : d.ciHigh < 0 ? -1 : 0);

/**
 * An expected direction (±1) agrees when the interval excludes zero on that side, disagrees when it
 * excludes zero on the other side; "no effect expected" (0) agrees while the interval holds zero.
 */
export function articleVerdict(expected: -1 | 0 | 1 | undefined, d: Stat): ArticleVerdict {
  if (expected === undefined) return 'no expectation';
  const s = sign(d);
  if (expected === 0) return s === 0 ? 'agrees' : 'disagrees';
  if (s === 0) return 'not distinguishable';
  return s === expected ? 'agrees' : 'disagrees';
}

export type EndVerdict = 'holds' | 'fades' | 'reverses' | 'appears';

/**
 * The contrast at one end of a driver against the main contrast: the same distinguishable sign
 * (holds), no longer distinguishable (fades), the opposite sign (reverses), or distinguishable where
 * the main contrast was not (appears). Two indistinguishable contrasts also "hold".
 */
export function endVerdict(main: Stat, atEnd: Stat): EndVerdict {
  const m = sign(main);
  const e = sign(atEnd);
  if (m === e) return 'holds';
  if (e === 0) return 'fades';
  if (m === 0) return 'appears';
  return 'reverses';
}

/** One word for a claim over all its driver ends: the worst end decides. */
export function robustnessVerdict(ends: EndVerdict[]): 'no drivers' | 'robust' | 'fragile' | 'reverses' | 'appears' {
  if (ends.length === 0) return 'no drivers';
  if (ends.includes('reverses')) return 'reverses';
  if (ends.includes('fades')) return 'fragile';
  if (ends.includes('appears')) return 'appears';
  return 'robust';
}
