/**
 * Runs many cells (an input on a list of seeds each) on a piscina pool, or in this thread when
 * threads ≤ 1 (tests, and a custom `measure`, which cannot cross threads). Results are keyed by
 * cell, so completion order never changes them. Progress goes to `log` every few seconds.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { ModelInput } from '../../sim/model-input.js';
import { formatDuration } from '../../workers/progress.js';
import { type Measure, type RunMeasures, runCell } from './run-cell.js';

export interface Cell {
  key: string;
  input: ModelInput;
  seeds: number[];
}

export interface RunOptions {
  threads: number;
  /** What is being run, for progress lines. */
  label: string;
  measure?: Measure;
  log?: (line: string) => void;
}

const PROGRESS_EVERY_MS = 5000;

/** The compiled worker; from TypeScript source (tests, tsx) still the dist/ build. */
export function mechanismWorkerFile(): string {
  const fromSource = import.meta.url.endsWith('.ts');
  const file = fileURLToPath(
    new URL(fromSource ? '../../dist/reports/mechanisms/worker.js' : './worker.js', import.meta.url),
  );
  if (!existsSync(file)) throw new Error(`the compiled worker ${file} is missing: run npm run build`);
  return file;
}

export async function runCells(cells: readonly Cell[], options: RunOptions): Promise<Map<string, RunMeasures[]>> {
  const total = cells.reduce((s, c) => s + c.seeds.length, 0);
  const t0 = performance.now();
  let done = 0;
  let last = t0;
  const tick = (runs: number) => {
    done += runs;
    const now = performance.now();
    if (now - last < PROGRESS_EVERY_MS && done < total) return;
    last = now;
    const rate = done / ((now - t0) / 1000);
    options.log?.(
      `${options.label}: ${done}/${total} runs, ${rate.toFixed(0)} runs/s, ${formatDuration((total - done) / rate)} left`,
    );
  };
  const out = new Map<string, RunMeasures[]>();
  if (options.threads <= 1) {
    for (const cell of cells) {
      out.set(cell.key, runCell(cell, options.measure));
      tick(cell.seeds.length);
    }
    return out;
  }
  if (options.measure) throw new Error('a custom measure runs only in this thread (threads: 1)');
  const pool = new Piscina({
    filename: mechanismWorkerFile(),
    maxThreads: options.threads,
    minThreads: options.threads,
  });
  try {
    await Promise.all(
      cells.map(async (cell) => {
        const runs = (await pool.run({ input: cell.input, seeds: cell.seeds })) as RunMeasures[];
        out.set(cell.key, runs);
        tick(cell.seeds.length);
      }),
    );
  } finally {
    await pool.destroy();
  }
  return out;
}

/** The values of one outcome over a cell's runs, NaN where a run failed or lacks it. */
export function outcomeValues(runs: readonly RunMeasures[], outcome: string): number[] {
  return runs.map((r) => ('error' in r ? Number.NaN : (r[outcome] ?? Number.NaN)));
}

/** The first error of a cell's runs, if any. */
export function firstError(runs: readonly RunMeasures[]): string | undefined {
  for (const r of runs) if ('error' in r) return String(r.error);
  return undefined;
}
