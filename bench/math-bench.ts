/**
 * `npm run bench:math`: nanoseconds per call of the deterministic sim/math functions against the
 * built-in Math functions they replace, on arguments in the ranges the model uses, and the ratio.
 * Never a unit test: timings depend on the machine and its load.
 */
import seedrandom from 'seedrandom';
import { asin, cos, exp, log, pow, sin } from '../sim/math/index.js';

const N = 1 << 16;
const REPS = 9;
const CALLS = 2_000_000;

interface Case {
  name: string;
  args: () => number;
  y?: () => number;
  ours: (x: number, y: number) => number;
  math: (x: number, y: number) => number;
}

/** Median nanoseconds per call of f over the arguments, cycling through them. */
function time(f: (x: number, y: number) => number, x: Float64Array, y: Float64Array): number {
  const times: number[] = [];
  let sink = 0;
  for (let r = 0; r < REPS; r++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < CALLS; i++) {
      const j = i & (N - 1);
      sink += f(x[j], y[j]);
    }
    times.push(Number(process.hrtime.bigint() - t0) / CALLS);
  }
  if (sink === 0.123456789) console.log(''); // keeps the loop's results alive
  times.sort((a, b) => a - b);
  return times[REPS >> 1];
}

const u = seedrandom.alea('regiosim:math-bench');
const cases: Case[] = [
  { name: 'exp', args: () => -50 + 100 * u(), ours: exp, math: Math.exp },
  { name: 'log', args: () => 1 - u(), ours: log, math: Math.log },
  { name: 'pow', args: () => 0.01 + 100 * u(), y: () => -1 + 3 * u(), ours: pow, math: Math.pow },
  { name: 'sin', args: () => 2 * Math.PI * u(), ours: sin, math: Math.sin },
  { name: 'cos', args: () => 2 * Math.PI * u(), ours: cos, math: Math.cos },
  { name: 'asin', args: () => 0.1 * u(), ours: asin, math: Math.asin },
];

console.log(
  `regiosim math bench: node ${process.version}, ${CALLS.toLocaleString('en')} calls x ${REPS} repetitions (median)`,
);
for (const c of cases) {
  const x = new Float64Array(N);
  const y = new Float64Array(N);
  for (let i = 0; i < N; i++) {
    x[i] = c.args();
    y[i] = c.y ? c.y() : 0;
  }
  // warm up both, then measure alternately
  time(c.math, x, y);
  time(c.ours, x, y);
  const tm = time(c.math, x, y);
  const to = time(c.ours, x, y);
  console.log(
    `${c.name.padEnd(5)} Math.* ${tm.toFixed(1).padStart(6)} ns/call  sim/math ${to.toFixed(1).padStart(6)} ns/call  ratio ${(to / tm).toFixed(2)}`,
  );
}
