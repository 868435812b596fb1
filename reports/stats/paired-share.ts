import { wilson } from './wilson.js';

/** The difference of two shares measured on the same units (paired 0/1 outcomes), with its interval. */
export interface PairedShareDifference {
  pairs: number;
  /** Share of 1s in the scenario runs and in the baseline runs of the pairs. */
  share: number;
  baselineShare: number;
  /** share − baselineShare. */
  mean: number;
  ciLow: number;
  ciHigh: number;
  distinguishable: boolean;
}

/**
 * Paired difference of shares (scenario − baseline) with Newcombe's hybrid score interval for
 * paired data (1998, method 10): Wilson intervals of both shares, combined with the correlation
 * of the pairs. Unlike a t-interval on 0/1 differences it neither collapses to a point when every
 * pair agrees nor leaves [−1, 1]. Pairs where either value is not 0 or 1 are dropped.
 * @example pairedShareDifference([1, 1, 1, 1], [0, 0, 0, 0]).mean // -1
 */
export function pairedShareDifference(baseline: readonly number[], scenario: readonly number[]): PairedShareDifference {
  // a: both 1, b: scenario 1 only, c: baseline 1 only, d: both 0.
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  for (let i = 0; i < Math.min(baseline.length, scenario.length); i++) {
    const x = scenario[i];
    const y = baseline[i];
    if ((x !== 0 && x !== 1) || (y !== 0 && y !== 1)) continue;
    if (x === 1 && y === 1) a++;
    else if (x === 1) b++;
    else if (y === 1) c++;
    else d++;
  }
  const n = a + b + c + d;
  const nan = Number.NaN;
  if (n === 0)
    return { pairs: 0, share: nan, baselineShare: nan, mean: nan, ciLow: nan, ciHigh: nan, distinguishable: false };
  const w1 = wilson(a + b, n);
  const w2 = wilson(a + c, n);
  const p1 = w1.share;
  const p2 = w2.share;
  const margins = (a + b) * (c + d) * (a + c) * (b + d);
  const phi = margins > 0 ? (a * d - b * c) / Math.sqrt(margins) : 0;
  const delta = Math.sqrt(
    Math.max(0, (p1 - w1.ciLow) ** 2 - 2 * phi * (p1 - w1.ciLow) * (w2.ciHigh - p2) + (w2.ciHigh - p2) ** 2),
  );
  const epsilon = Math.sqrt(
    Math.max(0, (w1.ciHigh - p1) ** 2 - 2 * phi * (w1.ciHigh - p1) * (p2 - w2.ciLow) + (p2 - w2.ciLow) ** 2),
  );
  const mean = p1 - p2;
  const ciLow = Math.max(-1, mean - delta);
  const ciHigh = Math.min(1, mean + epsilon);
  return { pairs: n, share: p1, baselineShare: p2, mean, ciLow, ciHigh, distinguishable: ciLow > 0 || ciHigh < 0 };
}
