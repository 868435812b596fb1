/**
 * `npm run bench:estimate`: how far the time regiosim promises is from the time a batch takes.
 * For each shipped experiment (or those named on the command line) it sizes the batch to about
 * BENCH_SECONDS (default 40) of work with --runs (the shipped replicates take only seconds now), runs
 * `regiosim batch --dry-run` and then the batch itself in a fresh process, reads the ETA the plain
 * progress lines (every 5 s) give after at least 10% of the runs (elapsed + time left), and prints
 * both against the measured wall time:
 * the aim is a ratio between 1/1.5 and 1.5 for both. Never a unit test: timings depend on the
 * machine and its load, which the first line prints.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../cli/regiosim.js', import.meta.url));
const threads = process.env.BENCH_THREADS ?? '2';
const DEFAULT_EXPERIMENTS = [
  'rq7-small-vs-large',
  'rq4-what-to-pool',
  'rq1-start-size-by-scarcity',
  'rq6-framing-funding-scope',
  'national',
];

/** "1m05s", "12s", "3.4s", "1h02m" (workers/progress.ts formatDuration) in seconds. */
function durationSeconds(text: string): number {
  const m = /^(?:(\d+)h)?(?:(\d+)m)?(?:([\d.]+)s)?$/.exec(text.trim());
  if (!m || text.trim() === '') return Number.NaN;
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}

const targetSeconds = Number(process.env.BENCH_SECONDS ?? 40);

/** The dry run's estimate, points and warm ms per run (with --runs when given). */
function dryRun(experiment: string, runs?: number): { seconds: number; points: number; msPerRun: number } {
  const extra = runs ? ['--runs', String(runs)] : [];
  const r = spawnSync(process.execPath, [cli, 'batch', experiment, '--dry-run', '--threads', threads, ...extra], {
    encoding: 'utf8',
  });
  const text = r.stdout + r.stderr;
  const m = /estimate: (\S+) of wall time/.exec(text);
  const points = /: (\d+) points? ×/.exec(text);
  const ms = /([\d.]+) ms per warm run/.exec(text);
  if (r.status !== 0 || !m || !points || !ms) throw new Error(`dry run of ${experiment} failed:\n${text}`);
  return { seconds: durationSeconds(m[1]), points: Number(points[1]), msPerRun: Number(ms[1]) };
}

/** Replicates per point that make the batch about targetSeconds of work on the threads. */
function sizedRuns(experiment: string): number {
  const first = dryRun(experiment);
  const perPoint = (first.points * first.msPerRun) / 1000 / Number(threads);
  return Math.max(2, Math.round(targetSeconds / perPoint));
}

/** Runs the batch; returns its wall time and the first ETA given at or after 10% of the runs. */
function timedRun(experiment: string, runs: number): Promise<{ wall: number; eta: number; etaAtPct: number }> {
  const out = mkdtempSync(join(tmpdir(), 'regiosim-estimate-'));
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, 'batch', experiment, '--out', join(out, 'b'), '--threads', threads, '--runs', String(runs)], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let eta = Number.NaN;
    let etaAtPct = Number.NaN;
    let buffered = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const m = /\(([\d.]+)%\), [\d.]+ runs\/s, (\S+) left/.exec(line);
        if (!m || !Number.isNaN(eta) || Number(m[1]) < 10) continue;
        const left = durationSeconds(m[2]);
        if (Number.isNaN(left)) continue;
        eta = (performance.now() - started) / 1000 + left;
        etaAtPct = Number(m[1]);
      }
    });
    child.on('error', reject);
    child.on('close', (code) => {
      rmSync(out, { recursive: true, force: true });
      if (code !== 0) reject(new Error(`batch ${experiment} exited with ${code}`));
      else resolve({ wall: (performance.now() - started) / 1000, eta, etaAtPct });
    });
  });
}

const f = (x: number, d = 1) => (Number.isNaN(x) ? 'n/a' : x.toFixed(d));
const experiments = process.argv.slice(2).length ? process.argv.slice(2) : DEFAULT_EXPERIMENTS;
console.log(
  `regiosim bench, estimates: node ${process.version}, ${threads} threads, load avg ${loadavg().map((x) => x.toFixed(2)).join(' ')}`,
);
console.log('| experiment | runs per point | actual s | --dry-run s | dry-run / actual | ETA s (at %) | ETA / actual |');
console.log('|---|---|---|---|---|---|---|');
let worst = 1;
for (const experiment of experiments) {
  const runs = sizedRuns(experiment);
  const estimate = dryRun(experiment, runs).seconds;
  const run = await timedRun(experiment, runs);
  const dry = estimate / run.wall;
  const eta = run.eta / run.wall;
  for (const r of [dry, eta]) if (Number.isFinite(r)) worst = Math.max(worst, r, 1 / r);
  console.log(
    `| ${experiment} | ${runs} | ${f(run.wall)} | ${f(estimate)} | ${f(dry, 2)} | ${f(run.eta)} (${f(run.etaAtPct)}%) | ${f(eta, 2)} |`,
  );
}
console.log(`worst factor either way: ${worst.toFixed(2)} (aim <= 1.5)`);
