/** Runs one cell (an input on a list of seeds) and measures every run; a run that throws gives its error. */
import type { ModelInput } from '../../sim/model-input.js';
import { type RunResult, simulate } from '../../sim/simulate.js';
import { type Measures, measureRun } from '../../scenarios/mechanism-outcomes.js';

export interface CellTask {
  input: ModelInput;
  seeds: number[];
}

/** One run's outcomes, or why it failed. */
export type RunMeasures = Measures | { error: string };

export type Measure = (result: RunResult, input: ModelInput) => Measures;

export function runCell(task: CellTask, measure: Measure = measureRun): RunMeasures[] {
  return task.seeds.map((seed) => {
    try {
      return measure(simulate(task.input, seed), task.input);
    } catch (e) {
      return { error: e instanceof Error ? `${e.name}: ${e.message.split('\n')[0]}` : String(e) };
    }
  });
}
