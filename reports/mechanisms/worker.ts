/**
 * The piscina worker of the mechanism screen: one task is one cell (an input and its seeds).
 * Loaded as compiled JS (dist/reports/mechanisms/worker.js): worker threads cannot load TypeScript.
 */
import { type CellTask, type RunMeasures, runCell } from './run-cell.js';

export default function runTask(task: CellTask): RunMeasures[] {
  return runCell(task);
}
