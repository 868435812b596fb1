/** The Web Worker: runs the tasks it is sent on the points it was given (page/shared/outcome.ts). */
import type { ModelInput } from '../../sim/model-input.js';
import { type PageTask, runPageTask } from '../shared/outcome.js';

export type ToWorker = { type: 'init'; points: ModelInput[] } | { type: 'run'; task: PageTask };

const scope = self as unknown as { onmessage: (e: MessageEvent<ToWorker>) => void; postMessage(m: unknown): void };
let points: ModelInput[] = [];
scope.onmessage = (e) => {
  const m = e.data;
  if (m.type === 'init') points = m.points;
  else scope.postMessage(runPageTask(points[m.task.point], m.task));
};
