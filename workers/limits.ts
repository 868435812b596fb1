/**
 * Limits on the engine: the thread count is capped at the cores (more threads only cost memory),
 * and an optional per-run time limit stops a run that hangs, so the batch goes on without it.
 */
import { availableParallelism } from 'node:os';
import type { ExperimentPlan } from '../scenarios/plan.js';
import type { ChunkTask, RunOutcome } from './protocol.js';
import type { RunsTable } from './runs-table.js';

/** The worker threads to use: the request capped at the available cores, with a note when capped. */
export function threadCount(requested: number | undefined): { threads: number; note?: string } {
  const cores = availableParallelism();
  const wanted = Math.max(1, Math.floor(requested ?? cores));
  if (wanted <= cores) return { threads: wanted };
  return {
    threads: cores,
    note: `warning: --threads ${wanted} is more than the ${cores} available cores: using ${cores} (more threads would only use more memory)`,
  };
}

/** A task under watch: aborted when its run has been running longer than the limit. */
export interface TimedTask {
  signal: AbortSignal;
  timedOut(): boolean;
  done(): void;
}

/**
 * Watches the running tasks: each task carries a shared clock the worker sets when its run starts
 * (so time waiting in the queue does not count); a poll aborts tasks past the limit, and piscina
 * then terminates the worker thread and starts a fresh one.
 */
export class TimeoutWatch {
  private readonly tasks = new Set<{ clock: Float64Array; controller: AbortController; late: boolean }>();
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly limitMs: number) {
    this.timer = setInterval(() => this.poll(), Math.max(10, Math.min(250, limitMs / 4)));
  }

  start(task: ChunkTask): TimedTask {
    const shared = new SharedArrayBuffer(8);
    task.started = shared;
    const entry = { clock: new Float64Array(shared), controller: new AbortController(), late: false };
    this.tasks.add(entry);
    return {
      signal: entry.controller.signal,
      timedOut: () => entry.late,
      done: () => this.tasks.delete(entry),
    };
  }

  private poll(): void {
    const now = Date.now();
    for (const t of this.tasks) {
      const started = t.clock[0];
      if (started > 0 && now - started > this.limitMs && !t.late) {
        t.late = true;
        t.controller.abort(new Error('run timeout'));
      }
    }
  }

  stop(): void {
    clearInterval(this.timer);
  }
}

/** The failed outcome of a run stopped by the time limit (its row says why). */
export function timeoutOutcome(
  spec: ChunkTask['runs'][number],
  plan: ExperimentPlan,
  table: RunsTable,
  limitMs: number,
): RunOutcome {
  const error = `timeout: the run took longer than --run-timeout ${limitMs / 1000} s and was stopped`;
  const outcome = {
    index: spec.index,
    pointId: spec.pointId,
    replicate: spec.replicate,
    seed: spec.seed,
    status: 'error' as const,
    error,
    metrics: [],
    series: '',
    municipalities: '',
    municipalitySeries: '',
  };
  return { ...outcome, row: table.row(outcome, plan.points[spec.point]) };
}
