/**
 * Runs a plan's paired runs in Web Workers made from the inlined worker code (a blob URL, so it
 * works from file://). Run i of the baseline and run i of the scenario are sent one after the
 * other, so pairs complete early and the charts fill in as the runs arrive. The seeds are the
 * batch's (workers/specs.ts, scenarios/plan.ts replicateSeed).
 */
import type { ExperimentPlan } from '../../scenarios/plan.js';
import { batchSpecs } from '../../workers/specs.js';
import type { PageOutcome, PageTask } from '../shared/outcome.js';
import type { ToWorker } from './worker.js';

export class Runner {
  private workers: Worker[] = [];
  private stopped = false;

  constructor(
    private readonly workerCode: string,
    readonly threads: number,
  ) {}

  /** Runs every task; resolves when all are done or stop() was called. */
  run(plan: ExperimentPlan, onOutcome: (o: PageOutcome) => void): Promise<'done' | 'stopped'> {
    const specs = batchSpecs(plan);
    const queue: PageTask[] = [];
    for (let r = 0; r < plan.replicates; r++)
      for (let p = 0; p < plan.points.length; p++) {
        const s = specs.at(p * plan.replicates + r);
        queue.push({ index: s.index, point: s.point, pointId: s.pointId, replicate: s.replicate, seed: s.seed });
      }
    const url = URL.createObjectURL(new Blob([this.workerCode], { type: 'text/javascript' }));
    this.stopped = false;
    return new Promise((resolve) => {
      let pending = queue.length;
      const next = (w: Worker) => {
        const task = queue.shift();
        if (task) w.postMessage({ type: 'run', task } satisfies ToWorker);
      };
      this.workers = Array.from({ length: Math.min(this.threads, queue.length) }, () => {
        const w = new Worker(url);
        w.postMessage({ type: 'init', points: plan.points.map((p) => p.input) } satisfies ToWorker);
        w.onmessage = (e: MessageEvent<PageOutcome>) => {
          if (this.stopped) return;
          onOutcome(e.data);
          pending--;
          if (pending === 0) {
            this.terminate();
            resolve('done');
          } else next(w);
        };
        w.onerror = (e) => {
          e.preventDefault();
          console.warn(`worker error: ${e.message}`);
        };
        next(w);
        return w;
      });
      this.onStop = () => resolve('stopped');
    }).finally(() => URL.revokeObjectURL(url)) as Promise<'done' | 'stopped'>;
  }

  private onStop: () => void = () => {};

  stop(): void {
    this.stopped = true;
    this.terminate();
    this.onStop();
  }

  private terminate(): void {
    for (const w of this.workers) w.terminate();
    this.workers = [];
  }
}
