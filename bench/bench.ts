/**
 * `npm run bench`, per run: this checkout's model against the pre-speed model (commit 6994d29,
 * built into .bench/ by bench/baseline.ts) on the same scenarios and seeds, side by side: the two
 * alternate, each repetition in a fresh process (A B A B ...), so drift in the machine's load hits
 * both. Prints median and mean wall and CPU per run and the ratios. Never a unit test: timings
 * depend on the machine and its load.
 */
import { execFileSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { BASELINE_COMMIT, ensureBaseline } from './baseline.js';

interface Sample {
  wall: number[];
  cpu: number[];
  maxRssMb: number;
}

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const here = fileURLToPath(new URL('.', import.meta.url));
const current = fileURLToPath(new URL('../..', import.meta.url));
const baseline = ensureBaseline(current);

function sample(root: string, scenario: string, runs: number, warmup: number): Sample {
  const out = execFileSync(process.execPath, [`${here}per-run.js`, root, scenario, String(runs), String(warmup)], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  return JSON.parse(out.trim().split('\n').pop() as string) as Sample;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const f2 = (x: number) => x.toFixed(2);

function compare(scenario: string, runs: number, warmup: number, reps: number, aimMs: number): void {
  const sides = { before: [] as Sample[], now: [] as Sample[] };
  for (let r = 0; r < reps; r++) {
    // Alternate which goes first, so neither always runs right after the other.
    const order: Array<keyof typeof sides> = r % 2 ? ['now', 'before'] : ['before', 'now'];
    for (const side of order) sides[side].push(sample(side === 'now' ? current : baseline, scenario, runs, warmup));
  }
  const stats = (xs: Sample[]) => {
    const wall = xs.flatMap((x) => x.wall);
    const cpu = xs.flatMap((x) => x.cpu);
    return {
      wallMedian: median(wall),
      wallMean: mean(wall),
      cpuMedian: median(cpu),
      cpuMean: mean(cpu),
      repCpuMeans: xs.map((x) => mean(x.cpu)),
      rss: Math.max(...xs.map((x) => x.maxRssMb)),
    };
  };
  const b = stats(sides.before);
  const n = stats(sides.now);
  const line = (name: string, s: ReturnType<typeof stats>) =>
    `  ${name.padEnd(22)} wall median ${f2(s.wallMedian).padStart(7)} ms  mean ${f2(s.wallMean).padStart(7)} ms | ` +
    `CPU median ${f2(s.cpuMedian).padStart(7)} ms  mean ${f2(s.cpuMean).padStart(7)} ms | peak RSS ${s.rss.toFixed(0)} MB`;
  console.log(`${scenario}: ${reps} repetitions x ${runs} runs (seeds 0-${runs - 1}, ${warmup} warm-up runs each)`);
  console.log(line(`before (${BASELINE_COMMIT})`, b));
  console.log(line('now', n));
  const pairRatios = b.repCpuMeans.map((x, k) => x / n.repCpuMeans[k]);
  console.log(
    `  ratio before/now: mean CPU ${f2(b.cpuMean / n.cpuMean)} (aim >= 3.5; per repetition ${pairRatios.map(f2).join(' ')}), ` +
      `median CPU ${f2(b.cpuMedian / n.cpuMedian)}, mean wall ${f2(b.wallMean / n.wallMean)}, median wall ${f2(b.wallMedian / n.wallMedian)}` +
      `  | now mean CPU / aim ${aimMs} ms: ${f2(n.cpuMean / aimMs)}`,
  );
}

console.log(
  `regiosim bench, per run: node ${process.version}, 300-month runs, load avg ${loadavg().map(f2).join(' ')}`,
);
const drentheRuns = env('BENCH_DRENTHE_RUNS', 400);
const nationalRuns = env('BENCH_NATIONAL_RUNS', 10);
if (drentheRuns > 0) compare('drenthe', drentheRuns, env('BENCH_WARMUP', 20), env('BENCH_REPEAT', 4), 5);
if (nationalRuns > 0) compare('national', nationalRuns, env('BENCH_NATIONAL_WARMUP', 3), env('BENCH_REPEAT', 4), 60);
