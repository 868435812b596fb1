/**
 * Progress on stderr: a redrawn bar (runs done, rate, time left) on a terminal, a plain line every
 * few seconds in logs and pipes (cli-progress prints nothing there by itself), nothing with --quiet.
 */
import cliProgress from 'cli-progress';

export interface Progress {
  start(total: number, done: number): void;
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

/** Rate over the runs done in this session (a resumed batch does not count the old ones). */
function rateTracker() {
  let t0 = 0;
  let base = 0;
  return {
    reset(done: number) {
      t0 = performance.now();
      base = done;
    },
    rate(done: number) {
      const s = (performance.now() - t0) / 1000;
      return s > 0 ? (done - base) / s : 0;
    },
  };
}

function barProgress(stream: NodeJS.WriteStream): Progress {
  const rate = rateTracker();
  let total = 0;
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
    const r = rate.rate(done);
    return { rate: r.toFixed(1), left: formatDuration(r > 0 ? (total - done) / r : Number.NaN), failed };
  };
  return {
    start(t, done) {
      total = t;
      rate.reset(done);
      bar.start(t, done, payload(done, 0));
    },
    update(done, failed) {
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
    const r = rate.rate(done);
    const pct = total ? ((100 * done) / total).toFixed(1) : '100.0';
    stream.write(
      `batch: ${done}/${total} runs (${pct}%), ${r.toFixed(1)} runs/s, ${formatDuration(r > 0 ? (total - done) / r : Number.NaN)} left, ${failed} failed\n`,
    );
  };
  return {
    start(t, done) {
      total = t;
      rate.reset(done);
      last = performance.now();
    },
    update(done, failed) {
      if (performance.now() - last < PLAIN_EVERY_MS) return;
      last = performance.now();
      line(done, failed);
    },
    stop() {},
  };
}
