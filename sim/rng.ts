/**
 * The purposes that own a random stream. Each stream is seeded from the run seed and its
 * purpose name, so a lever that changes how often one process draws cannot shift the numbers
 * of another: two scenarios run with the same seed are paired (common random numbers).
 */
import { cos, log } from './math/index.js';
export const STREAM_PURPOSES = [
  'traits', // autonomy aversion, not-invented-here bias, salary allowance: one draw set per municipality
  'workforce', // the initial workers: roles, ages, homes, experience
  'entrants', // new professionals entering the market
  'outsideHires', // pool and consultancy vacancies filled from outside the region
  'search', // vacancy sampling and logit taste shocks
  'attrition', // monthly leaving hazards
  'crises', // local crisis onsets and durations (pre-drawn per municipality)
  'quarrels', // interpersonal quarrels (pre-drawn per pair)
  'decisions', // join / stay / leave choices
] as const;
export type StreamPurpose = (typeof STREAM_PURPOSES)[number];

/** A uniform random source on [0, 1): `next()` gives the next draw. */
export interface Uniform {
  next(): number;
}

/** Baagøe's Mash hash, as seedrandom seeds Alea with it (same arithmetic, so the same numbers). */
function mash(n: number, data: string): number {
  for (let i = 0; i < data.length; i++) {
    n += data.charCodeAt(i);
    let h = 0.02519603282416938 * n;
    n = h >>> 0;
    h -= n;
    h *= n;
    n = h >>> 0;
    h -= n;
    n += h * 0x100000000; // 2^32
  }
  return n;
}

/**
 * Baagøe's Alea generator, draw for draw the same as `seedrandom.alea(seed)`, as a class: a
 * monomorphic `next()` that V8 inlines, with the state in fields (seedrandom returns a closure per
 * stream, and each draw it returns through a call is a boxed number: garbage).
 */
export class Alea implements Uniform {
  // Numbers from the start (a field declared without a value starts as undefined, and a double
  // stored over undefined is boxed afresh on every store).
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private c = 1;

  constructor(seed: string) {
    // Mash keeps its state n across calls: three hashes of ' ', then three of the seed.
    let n = 0xefc8249d;
    const step = (data: string) => {
      n = mash(n, data);
      return (n >>> 0) * 2.3283064365386963e-10; // 2^-32
    };
    this.s0 = step(' ');
    this.s1 = step(' ');
    this.s2 = step(' ');
    this.s0 -= step(seed);
    if (this.s0 < 0) this.s0 += 1;
    this.s1 -= step(seed);
    if (this.s1 < 0) this.s1 += 1;
    this.s2 -= step(seed);
    if (this.s2 < 0) this.s2 += 1;
  }

  next(): number {
    const t = 2091639 * this.s0 + this.c * 2.3283064365386963e-10; // 2^-32
    this.s0 = this.s1;
    this.s1 = this.s2;
    this.c = t | 0;
    this.s2 = t - this.c;
    return this.s2;
  }
}

export type Streams = Record<StreamPurpose, Alea>;

/**
 * Builds one independent stream per purpose from the run seed (Alea: fast, with a period far
 * beyond our needs).
 * @example
 * const s = makeStreams(42); s.crises.next(); // same value for every scenario run with seed 42
 */
export function makeStreams(seed: number): Streams {
  const streams = {} as Streams;
  for (const purpose of STREAM_PURPOSES) streams[purpose] = new Alea(`regiosim:${seed}:${purpose}`);
  return streams;
}

/** Standard normal draw (Box–Muller; uses two uniforms, discards the second variate for simplicity). */
export function normal(u: Uniform): number {
  const u1 = 1 - u.next(); // (0, 1]
  const u2 = u.next();
  return Math.sqrt(-2 * log(u1)) * cos(2 * Math.PI * u2);
}

/** Normal draw with the given mean and standard deviation, clamped to [lo, hi]. */
export function clampedNormal(u: Uniform, mean: number, sd: number, lo: number, hi: number): number {
  const x = mean + sd * normal(u);
  return Math.min(hi, Math.max(lo, x));
}

/** Standard Gumbel draw: the taste shock that makes a max over utilities a multinomial logit. */
export function gumbel(u: Uniform): number {
  return gumbelOf(u.next());
}

/**
 * The Gumbel draw gumbel() makes from a given uniform: lets a caller take the uniform from the
 * stream at its turn and work out the shock only if it is used.
 * @example gumbelOf(0.5) // -log(log 2) ≈ 0.3665
 */
export function gumbelOf(uniform: number): number {
  return -log(-log(1 - uniform * (1 - 1e-12)));
}

/**
 * Months until the next event of a process with a constant monthly probability p (≥ 1), by inversion,
 * so one uniform gives one event time however the process is used.
 * @example geometricMonths(0.5, 0.5) // 1
 */
export function geometricMonths(uniform: number, p: number): number {
  if (p <= 0) return Number.POSITIVE_INFINITY;
  if (p >= 1) return 1;
  return Math.max(1, Math.ceil(log(1 - uniform) / log(1 - p)));
}

/** Integer in [0, n). */
export function randomIndex(u: Uniform, n: number): number {
  return Math.floor(u.next() * n);
}
