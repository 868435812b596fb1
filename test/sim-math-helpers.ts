/** Argument sets and ulp measures shared by the sim/math tests (Node and Chromium). */
import seedrandom from 'seedrandom';
import { asin, cos, exp, log, pow, sin } from '../sim/math/index.js';

const OURS = { exp, log, sin, cos, asin };

export type UnaryName = 'exp' | 'log' | 'sin' | 'cos' | 'asin';
export type FunctionName = UnaryName | 'pow';

/** One argument range: the function, a label, and arguments (y is set for pow only). */
export interface ArgSet {
  fn: FunctionName;
  label: string;
  x: Float64Array;
  y?: Float64Array;
}

export const N = 100_000;

const words = new Uint32Array(2);
const f64 = new Float64Array(words.buffer);
/** Distance in ulps between two doubles (0 for equal values, both NaN, or +0 and -0 as equal numbers). */
export function ulpDiff(a: number, b: number): number {
  if (a === b) return 0;
  if (Number.isNaN(a) && Number.isNaN(b)) return 0;
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.POSITIVE_INFINITY;
  if (a < 0 !== b < 0) return Number.POSITIVE_INFINITY;
  f64[0] = Math.abs(a);
  const ah = words[1];
  const al = words[0];
  f64[0] = Math.abs(b);
  return Math.abs((ah - words[1]) * 4294967296 + (al - words[0]));
}

/** A double with uniformly random bits in the exponent range [emin, emax] (positive). */
function wideDouble(u: () => number, emin: number, emax: number): number {
  const e = emin + Math.floor(u() * (emax - emin + 1));
  const m = 1 + u(); // [1, 2)
  // m * 2^e built by repeated exact scaling (no pow)
  let s = m;
  let k = e;
  while (k > 0) {
    const step = Math.min(k, 500);
    s *= 2 ** step;
    k -= step;
  }
  while (k < 0) {
    const step = Math.min(-k, 500);
    s /= 2 ** step;
    k += step;
  }
  return s;
}

function fill(n: number, f: (i: number) => number): Float64Array {
  const a = new Float64Array(n);
  for (let i = 0; i < n; i++) a[i] = f(i);
  return a;
}

/** The seeded argument sets: the ranges the model uses first, then wide ones. */
export function argSets(n = N): ArgSet[] {
  const u = seedrandom.alea('regiosim:sim-math-test');
  const uni = (lo: number, hi: number) => () => lo + (hi - lo) * u();
  const sets: ArgSet[] = [];
  const add = (fn: FunctionName, label: string, x: () => number, y?: () => number) =>
    sets.push({ fn, label, x: fill(n, x), y: y ? fill(n, y) : undefined });
  // exp: logits clamped to ±50, exp(-staff/scale), logistic; wide: the whole finite range
  add('exp', 'model [-50, 50]', uni(-50, 50));
  add('exp', 'small [-1, 1]', uni(-1, 1));
  add('exp', 'wide [-745, 709.78]', uni(-745, 709.78));
  // log: 1 - uniform draws, ratios of populations, wages; near 1; any positive double
  add('log', 'model (0, 1]', () => 1 - u());
  add('log', 'model [0.001, 1e3]', () => wideDouble(u, -10, 10));
  add('log', 'near 1 [0.99, 1.01]', uni(0.99, 1.01));
  add('log', 'wide 2^-1074..2^1023', () => wideDouble(u, -1074, 1023));
  // pow: (1 - p)^(1/12), (population ratio)^exponent; wide bases and exponents
  add(
    'pow',
    'model (1-p)^(1/12)',
    () => 1 - u() * 0.999999,
    () => 1 / 12,
  );
  add('pow', 'model [0.01, 100]^[-1, 2]', () => wideDouble(u, -7, 6), uni(-1, 2));
  add('pow', 'wide 2^±64 ^ [-16, 16]', () => wideDouble(u, -64, 64), uni(-16, 16));
  add('pow', 'wide [0.5, 2] ^ [-1000, 1000]', uni(0.5, 2), uni(-1000, 1000));
  add('pow', 'integer y, x in [-10, 10]', uni(-10, 10), () => Math.floor(u() * 41) - 20);
  // sin, cos: Box–Muller angles, half latitude/longitude differences, latitudes; wide; huge
  for (const fn of ['sin', 'cos'] as const) {
    add(fn, 'model [0, 2pi)', uni(0, 2 * Math.PI));
    add(fn, 'model [-0.1, 0.1]', uni(-0.1, 0.1));
    add(fn, 'wide [-1e6, 1e6]', uni(-1e6, 1e6));
    add(fn, 'huge 2^20..2^1023', () => (u() < 0.5 ? -1 : 1) * wideDouble(u, 20, 1023));
  }
  // asin: sqrt of the haversine term (small), and the whole domain
  add('asin', 'model [0, 0.1]', uni(0, 0.1));
  add('asin', 'wide [-1, 1]', uni(-1, 1));
  add('asin', 'near ±1', () => (u() < 0.5 ? -1 : 1) * (1 - u() * 1e-6));
  return sets;
}

/** The function under test applied to one set, with the given implementation (ours or Math's). */
export function evaluate(set: ArgSet, impl: 'ours' | 'math'): Float64Array {
  const out = new Float64Array(set.x.length);
  const { x, y } = set;
  if (set.fn === 'pow') {
    const f = impl === 'ours' ? pow : Math.pow;
    for (let i = 0; i < x.length; i++) out[i] = f(x[i], y![i]);
  } else {
    const f = impl === 'ours' ? OURS[set.fn] : Math[set.fn];
    for (let i = 0; i < x.length; i++) out[i] = f(x[i]);
  }
  return out;
}
