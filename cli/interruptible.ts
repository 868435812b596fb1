import type { ExperimentPlan } from '../scenarios/plan.js';
import { type BatchOptions, type BatchResult, runBatch } from '../workers/engine.js';

/** A batch result with the exit code the command should end with. */
export interface InterruptibleResult {
  result: BatchResult;
  /** 0 complete, 1 runs or the batch failed, 130/143 stopped by SIGINT/SIGTERM. */
  exitCode: number;
}

/**
 * Runs a batch so that Ctrl-C or a kill stops it cleanly: the first SIGINT/SIGTERM lets the runs in
 * flight finish (the files then hold whole rows only, ready for --resume), a second quits at once
 * (the folder's lock goes with the process: store/lock.ts releases it on exit).
 * Shared by `regiosim batch`, `explore` and `compare`.
 */
export async function runBatchInterruptibly(
  command: string,
  plan: ExperimentPlan,
  options: Omit<BatchOptions, 'signal'>,
): Promise<InterruptibleResult> {
  const controller = new AbortController();
  let signalCode = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) process.exit(signalCode);
    signalCode = signal === 'SIGINT' ? 130 : 143;
    process.stderr.write(
      `\nregiosim ${command}: ${signal}: finishing the runs in flight, then stopping (again to quit at once)\n`,
    );
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const result = await runBatch(plan, { ...options, signal: controller.signal });
    // Interrupted by a signal: 130/143; by a fault (disk full) without a signal: 1.
    const exitCode =
      result.status === 'interrupted'
        ? signalCode || (result.error ? 1 : 130)
        : result.status === 'complete'
          ? 0
          : 1;
    return { result, exitCode };
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
