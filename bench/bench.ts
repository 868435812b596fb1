/**
 * `npm run bench`: speed and memory of single simulations on one thread, printed as figures and
 * ratios against the aims (Drenthe 300 months under 5 ms; national under 150 ms). Never a unit test:
 * timings depend on the machine and its load.
 */
import { loadNationalData } from '../data/load.js';
import { defaultScenario, nationalScenario } from '../scenarios/default.js';
import type { ModelInput } from '../sim/model-input.js';
import { simulate } from '../sim/simulate.js';

interface Case {
  name: string;
  input: ModelInput;
  runs: number;
  aimMs: number;
}

function measure(c: Case): void {
  for (let s = 0; s < Math.min(5, c.runs); s++) simulate(c.input, 1_000_000 + s); // warm up the JIT
  const times: number[] = [];
  const rssBefore = process.memoryUsage().rss;
  for (let s = 0; s < c.runs; s++) {
    const t0 = performance.now();
    simulate(c.input, s);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const total = times.reduce((a, b) => a + b, 0);
  const median = times[times.length >> 1];
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  console.log(
    `${c.name.padEnd(10)} runs ${String(c.runs).padStart(4)}  median ${median.toFixed(2)} ms/run  mean ${(total / c.runs).toFixed(2)} ms/run  ` +
      `${((1000 * c.runs) / total).toFixed(1)} runs/s  aim ${c.aimMs} ms  median/aim ${(median / c.aimMs).toFixed(2)}  ` +
      `RSS growth ${((process.memoryUsage().rss - rssBefore) / 1048576).toFixed(1)} MB  peak RSS ${peakRssMb.toFixed(0)} MB`,
  );
}

const data = loadNationalData();
const drenthe = defaultScenario(data);
const national = nationalScenario(data);
console.log(`regiosim bench: node ${process.version}, one thread, 300-month runs`);
measure({ name: 'drenthe', input: drenthe, runs: Number(process.env.BENCH_DRENTHE_RUNS ?? 200), aimMs: 5 });
measure({ name: 'national', input: national, runs: Number(process.env.BENCH_NATIONAL_RUNS ?? 10), aimMs: 150 });
