/** Seeded random streams of the ABC sampler: uniform, standard normal, and weighted choice. */
import seedrandom from 'seedrandom';

export interface AbcRandom {
  uniform(): number;
  normal(): number;
  /** An index drawn with probability proportional to `weights` (non-negative, not all zero). */
  choose(weights: readonly number[]): number;
}

/**
 * The random stream of one purpose (e.g. generation 3's proposals) of a calibration seeded `seed`:
 * a stream depends on the seed and the purpose only, so a resumed calibration draws what an
 * uninterrupted one would have drawn.
 */
export function abcRandom(seed: number, purpose: string): AbcRandom {
  const u = seedrandom.alea(`regiosim:abc:${seed}:${purpose}`) as () => number;
  let spare: number | undefined;
  return {
    uniform: u,
    normal() {
      if (spare !== undefined) {
        const s = spare;
        spare = undefined;
        return s;
      }
      // Box-Muller on (0, 1]: no log(0).
      const r = Math.sqrt(-2 * Math.log(1 - u()));
      const a = 2 * Math.PI * u();
      spare = r * Math.sin(a);
      return r * Math.cos(a);
    },
    choose(weights) {
      let total = 0;
      for (const w of weights) total += w;
      let x = u() * total;
      for (let i = 0; i < weights.length; i++) {
        x -= weights[i];
        if (x < 0) return i;
      }
      // Rounding: the last index with a positive weight.
      for (let i = weights.length - 1; i >= 0; i--) if (weights[i] > 0) return i;
      return weights.length - 1;
    },
  };
}
