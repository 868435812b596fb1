/**
 * `npm run bench:batch`: throughput, speedup, overhead and memory of the batch engine, printed as
 * figures and ratios against the aims (speedup ≥ 1.8 on 2 cores, engine overhead under 5% of a
 * plain simulate loop, flat memory from 10,000 to 100,000 runs). Never a unit test: timings depend
 * on the machine and its load, so the load average is printed with the figures.
 *
 * Rates are steady-state: measured over the second half of the runs, because a fresh thread's
 * first runs are several times slower while V8 compiles. The plain loop runs in a fresh worker
 * thread too, so it starts as cold as the engine's workers and is measured the same way.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { packageVersion } from '../store/manifest.js';
import { loadNationalData } from '../data/load.js';
import { defaultScenario, nationalScenario } from '../scenarios/default.js';
import type { ExperimentPlan } from '../scenarios/plan.js';
import type { ModelInput } from '../sim/model-input.js';
import { simulate } from '../sim/simulate.js';
import { runBatch } from '../workers/engine.js';
import type { Progress } from '../workers/progress.js';
import type { SeriesMode } from '../workers/protocol.js';

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

function planOf(input: ModelInput, runs: number): ExperimentPlan {
  return {
    name: input.name,
    description: 'bench',
    baseline: input.name,
    masterSeed: 1,
    replicates: runs,
    points: [{ id: input.name, scenario: input.name, sweep: {}, input }],
    sourceFiles: [],
  };
}

/** CPU time of the whole process (all threads), ms. */
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/**
 * Share of runs left out of the steady-state rates: a fresh thread's JIT keeps re-optimising the
 * model for its first ~300 Drenthe runs (measured with --trace-opt), with compile threads busy
 * beside it, so a thread is only warm after a few seconds.
 */
const WARM_SHARE = 0.5;

/** The plain loop, run in a fresh worker thread so it starts as cold as the engine's workers. */
function plainLoop(input: ModelInput, runs: number): { rate: number; cpuPerRun: number } {
  const warm = Math.max(1, Math.floor(runs * WARM_SHARE));
  for (let s = 0; s < warm; s++) simulate(input, s);
  const t0 = performance.now();
  const c0 = cpuMs();
  for (let s = warm; s < runs; s++) simulate(input, s);
  return { rate: ((runs - warm) * 1000) / (performance.now() - t0), cpuPerRun: (cpuMs() - c0) / (runs - warm) };
}

function loopRate(input: ModelInput, runs: number): Promise<{ rate: number; cpuPerRun: number }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: { input, runs } });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

interface EngineFigures {
  /** Steady-state runs/s (over the second half of the runs). */
  rate: number;
  /** Steady-state CPU ms per run, all threads of the process (insensitive to other load on the machine). */
  cpuPerRun: number;
  /** Whole batch, including pool start and warm-up. */
  overallRate: number;
  peakRssMb: number;
  /** Largest heap in use in the main thread (where results are ordered and written), MB. */
  peakHeapMb: number;
  /** RSS when the batch ended, MB. */
  endRssMb: number;
  chunk: number;
  /**
   * Share of the threads' wall time spent inside simulate() over the whole batch: everything else
   * (pool start, messaging, formatting, ordering, writing, an idle tail) is the engine's cost. Unlike
   * the loop comparison it does not depend on how well V8 happened to optimise each thread.
   */
  simShare: number;
}

/** Records when runs are written, to take the rate after warm-up; samples RSS every 50 ms. */
async function engineRun(
  input: ModelInput,
  runs: number,
  threads: number,
  series: SeriesMode = 'yearly',
): Promise<EngineFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'regiosim-bench-'));
  const marks: Array<[number, number, number]> = [];
  const progress: Progress = {
    start() {},
    update(done) {
      marks.push([performance.now(), done, cpuMs()]);
    },
    stop() {},
  };
  let peak = process.memoryUsage.rss();
  let peakHeap = process.memoryUsage().heapUsed;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peak = Math.max(peak, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 50);
  try {
    const t0 = performance.now();
    const cpu0 = cpuMs();
    const result = await runBatch(planOf(input, runs), { outDir: dir, threads, series, progress });
    const elapsed = performance.now() - t0;
    if (result.status !== 'complete') throw new Error(`bench batch ended ${result.status}: ${result.error ?? ''}`);
    // Too few writes after the warm-up to time (tiny batches): take the whole batch.
    let from = marks.find(([, done]) => done >= runs * WARM_SHARE) ?? marks[0];
    const to = marks[marks.length - 1];
    if (to[1] <= from[1]) from = [t0, 0, cpu0];
    return {
      rate: ((to[1] - from[1]) * 1000) / (to[0] - from[0]),
      cpuPerRun: (to[2] - from[2]) / (to[1] - from[1]),
      overallRate: (runs * 1000) / elapsed,
      peakRssMb: Math.max(peak, process.memoryUsage.rss()) / 1048576,
      peakHeapMb: peakHeap / 1048576,
      endRssMb: process.memoryUsage.rss() / 1048576,
      chunk: result.chunk,
      simShare: result.busy.simMs / (result.threads * elapsed),
    };
  } finally {
    clearInterval(sampler);
    rmSync(dir, { recursive: true, force: true });
  }
}

const f1 = (x: number) => x.toFixed(1);
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

/** Best of `repeat` (fastest rate, least CPU): other work on the machine only ever slows a run down. */
async function best<T extends { rate: number; cpuPerRun: number }>(
  repeat: number,
  measure: () => Promise<T>,
): Promise<T> {
  let out: T | undefined;
  for (let i = 0; i < repeat; i++) {
    const m = await measure();
    out =
      out === undefined
        ? m
        : {
            ...(m.rate > out.rate ? m : out),
            cpuPerRun: Math.min(m.cpuPerRun, out.cpuPerRun),
            ...('simShare' in m && 'simShare' in out
              ? { simShare: Math.max(m.simShare as number, out.simShare as number) }
              : {}),
          };
  }
  return out as T;
}

async function throughput(name: string, input: ModelInput, runs: number, repeat: number): Promise<void> {
  const loop = await best(repeat, () => loopRate(input, runs));
  const one = await best(repeat, () => engineRun(input, runs, 1));
  const two = await best(repeat, () => engineRun(input, runs, 2));
  console.log(
    `${name.padEnd(9)} ${String(runs).padStart(4)} runs  loop ${f1(loop.rate)} runs/s | engine 1 thread ${f1(one.rate)} runs/s ` +
      `(overall ${f1(one.overallRate)}, chunk ${one.chunk}) | 2 threads ${f1(two.rate)} runs/s (overall ${f1(two.overallRate)}, chunk ${two.chunk})`,
  );
  console.log(
    `${''.padEnd(9)} speedup 2/1 threads ${(two.rate / one.rate).toFixed(2)} (aim ≥ 1.8)  ` +
      `engine overhead vs loop: wall ${(100 * (1 - one.rate / loop.rate)).toFixed(1)}%, ` +
      `CPU ${(100 * (one.cpuPerRun / loop.cpuPerRun - 1)).toFixed(1)}% (${loop.cpuPerRun.toFixed(2)} → ${one.cpuPerRun.toFixed(2)} ms/run; aim < 5%)`,
  );
  console.log(
    `${''.padEnd(9)} threads' time outside simulate() over the whole batch (pool start, messaging, formatting, writing, ` +
      `idle tail): 1 thread ${(100 * (1 - one.simShare)).toFixed(1)}%, 2 threads ${(100 * (1 - two.simShare)).toFixed(1)}%  load avg ${load()}`,
  );
}

async function memory(input: ModelInput, runsList: number[]): Promise<void> {
  const base = process.memoryUsage.rss() / 1048576;
  for (const runs of runsList) {
    const t0 = performance.now();
    const r = await engineRun(input, runs, 2);
    console.log(
      `memory    ${String(runs).padStart(6)} runs of ${input.horizonMonths} months, 2 threads, yearly series: peak RSS ${r.peakRssMb.toFixed(0)} MB, ` +
        `RSS at the end ${r.endRssMb.toFixed(0)} MB, main-thread heap peak ${r.peakHeapMb.toFixed(0)} MB ` +
        `(process before ${base.toFixed(0)} MB) in ${((performance.now() - t0) / 1000).toFixed(1)} s, ${f1(r.overallRate)} runs/s`,
    );
  }
}

if (!isMainThread) {
  const job = workerData as { input: ModelInput; runs: number };
  parentPort?.postMessage(plainLoop(job.input, job.runs));
} else {
  const data = loadNationalData();
  console.log(
    `regiosim batch bench ${packageVersion()}: node ${process.version}, ${availableParallelism()} cores, load avg ${load()}`,
  );
  const repeat = env('BENCH_BATCH_REPEAT', 2);
  console.log(`rates are steady-state (over the second half of the runs), best of ${repeat}`);
  await throughput('drenthe', defaultScenario(data), env('BENCH_BATCH_DRENTHE_RUNS', 1600), repeat);
  await throughput('national', nationalScenario(data), env('BENCH_BATCH_NATIONAL_RUNS', 24), repeat);
  const memoryHorizon = env('BENCH_BATCH_MEMORY_MONTHS', 12);
  console.log(`memory runs use Drenthe with a ${memoryHorizon}-month horizon so 100,000 runs finish in minutes`);
  await memory(defaultScenario(data, { horizonMonths: memoryHorizon }), [
    env('BENCH_BATCH_MEMORY_RUNS_SMALL', 10_000),
    env('BENCH_BATCH_MEMORY_RUNS_LARGE', 100_000),
  ]);
}
