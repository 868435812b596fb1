import seedrandom from 'seedrandom';

/**
 * The purposes that own a random stream. Each stream is seeded from the run seed and its
 * purpose name, so a lever that changes how often one process draws cannot shift the numbers
 * of another: two scenarios run with the same seed are paired (common random numbers).
 */
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

/** A uniform random source on [0, 1). */
export type Uniform = () => number;

export type Streams = Record<StreamPurpose, Uniform>;

/**
 * Builds one independent stream per purpose from the run seed.
 * Alea is seedrandom's fastest generator (≈11 ns per draw here) with a period far beyond our needs.
 * @example
 * const s = makeStreams(42); s.crises(); // same value for every scenario run with seed 42
 */
export function makeStreams(seed: number): Streams {
  const streams = {} as Streams;
  for (const purpose of STREAM_PURPOSES) {
    streams[purpose] = seedrandom.alea(`regiosim:${seed}:${purpose}`) as Uniform;
  }
  return streams;
}

/** Standard normal draw (Box–Muller; uses two uniforms, discards the second variate for simplicity). */
export function normal(u: Uniform): number {
  const u1 = 1 - u(); // (0, 1]
  const u2 = u();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** Normal draw with the given mean and standard deviation, clamped to [lo, hi]. */
export function clampedNormal(u: Uniform, mean: number, sd: number, lo: number, hi: number): number {
  const x = mean + sd * normal(u);
  return Math.min(hi, Math.max(lo, x));
}

/** Standard Gumbel draw: the taste shock that makes a max over utilities a multinomial logit. */
export function gumbel(u: Uniform): number {
  return -Math.log(-Math.log(1 - u() * (1 - 1e-12)));
}

/**
 * Months until the next event of a process with a constant monthly probability p (≥ 1), by inversion,
 * so one uniform gives one event time however the process is used.
 * @example geometricMonths(() => 0.5, 0.5) // 1
 */
export function geometricMonths(uniform: number, p: number): number {
  if (p <= 0) return Number.POSITIVE_INFINITY;
  if (p >= 1) return 1;
  return Math.max(1, Math.ceil(Math.log(1 - uniform) / Math.log(1 - p)));
}

/** Integer in [0, n). */
export function randomIndex(u: Uniform, n: number): number {
  return Math.floor(u() * n);
}
