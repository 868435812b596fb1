/**
 * Progress on stderr: a redrawn bar (runs done, rate, time left) on a terminal, a plain line every
 * few seconds in logs and pipes (cli-progress prints nothing there by itself), nothing with --quiet.
 */
import cliProgress from 'cli-progress';

/** What the time left is reckoned from, besides runs done (workers/engine.ts gives it). */
export interface ProgressShape {
  /** Worker threads: their first runs (V8 warm-up) are left out of the rate once enough runs follow. */
  threads: number;
  /** Relative cost of run k of the batch (0-based from its first run); default 1 for every run. */
  weight?: (k: number) => number;
  /** Recent worker ms per unit of weight (NaN before any): the time left follows the workers as they warm up. */
  msPerWeight?: () => number;
}

export interface Progress {
  start(total: number, done: number, shape?: ProgressShape): void;
  update(done: number, failed: number): void;
  stop(): void;
}

const PLAIN_EVERY_MS = 5000;

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  if (seconds < 10) return `${seconds.toFixed(1)}s`;
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

export function makeProgress(mode: 'auto' | 'quiet', stream: NodeJS.WriteStream = process.stderr): Progress {
  if (mode === 'quiet') return { start() {}, update() {}, stop() {} };
  return stream.isTTY ? barProgress(stream) : plainProgress(stream);
}

/**
 * Time left, from the rate over the runs done in this session (a resumed batch does not count the
 * old ones), measured after each thread's first run (V8 warms up: a fresh thread's first runs are
 * many times slower) and in units of work, each run weighted by its point's cost (a national point
 * costs more than a Drenthe one), so the first points of a plan do not set the pace for all.
 */
function rateTracker() {
  let t0 = 0;
  let base = 0;
  let warmAt = Number.POSITIVE_INFINITY;
  let prefix = new Float64Array(1);
  let total = 0;
  let first = 0;
  let shape: ProgressShape | undefined;
  const work = (done: number) => prefix[Math.min(done, total)];
  return {
    reset(t: number, done: number, given?: ProgressShape) {
      shape = given;
      first = done;
      total = t;
      prefix = new Float64Array(t + 1);
      for (let k = 0; k < t; k++) prefix[k + 1] = prefix[k] + (shape?.weight?.(k) ?? 1);
      t0 = performance.now();
      base = done;
      const threads = shape?.threads ?? 0;
      // Only worth it when the warm-up is a small part of the session's runs.
      warmAt = threads > 0 && t - done >= 8 * threads ? done + threads : Number.POSITIVE_INFINITY;
    },
    /** Called on every update: once each thread has had its first run, the rate starts again from there. */
    seen(done: number) {
      if (done < warmAt) return;
      t0 = performance.now();
      base = done;
      warmAt = Number.POSITIVE_INFINITY;
    },
    /** Seconds left, NaN before a rate is known. */
    left(done: number) {
      const pace = shape?.msPerWeight?.() ?? Number.NaN;
      const threads = shape?.threads ?? 1;
      // The workers' recent pace, once the first run of each thread is in: it follows the warm-up.
      if (Number.isFinite(pace) && done - first >= threads) return ((work(total) - work(done)) * pace) / threads / 1000;
      const s = (performance.now() - t0) / 1000;
      const rate = s > 0 ? (work(done) - work(base)) / s : 0;
      return rate > 0 ? (work(total) - work(done)) / rate : Number.NaN;
    },
    rate(done: number) {
      const s = (performance.now() - t0) / 1000;
      return s > 0 ? (done - base) / s : 0;
    },
  };
}

function barProgress(stream: NodeJS.WriteStream): Progress {
  const rate = rateTracker();
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: 'runs |{bar}| {value}/{total} {percentage}% | {rate} runs/s | {left} left | {failed} failed',
      hideCursor: true,
      barsize: 30,
    },
    cliProgress.Presets.shades_classic,
  );
  const payload = (done: number, failed: number) => {
    const left = rate.left(done);
    return { rate: rate.rate(done).toFixed(1), left: formatDuration(left), failed };
  };
  return {
    start(t, done, shape) {
      rate.reset(t, done, shape);
      bar.start(t, done, payload(done, 0));
    },
    update(done, failed) {
      rate.seen(done);
      bar.update(done, payload(done, failed));
    },
    stop() {
      bar.stop();
    },
  };
}

function plainProgress(stream: NodeJS.WriteStream): Progress {
  const rate = rateTracker();
  let total = 0;
  let last = 0;
  const line = (done: number, failed: number) => {
    const left = rate.left(done);
    const pct = total ? ((100 * done) / total).toFixed(1) : '100.0';
    stream.write(
      `batch: ${done}/${total} runs (${pct}%), ${rate.rate(done).toFixed(1)} runs/s, ${formatDuration(left)} left, ${failed} failed\n`,
    );
  };
  return {
    start(t, done, shape) {
      total = t;
      rate.reset(t, done, shape);
      last = performance.now();
    },
    update(done, failed) {
      rate.seen(done);
      if (performance.now() - last < PLAIN_EVERY_MS) return;
      last = performance.now();
      line(done, failed);
    },
    stop() {},
  };
}
