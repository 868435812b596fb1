/**
 * `regiosim compare <scenario> <scenario> ...`: the common case in one step: a batch of the
 * scenarios on shared seeds (the first is the baseline), then the report on it. It uses the batch
 * command's plan builder and the engine's API, so the folder is an ordinary batch folder that
 * `regiosim report` can read again.
 */

import { join } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { loadNationalData, modelDataFiles } from '../data/load.js';
import { ReportError } from '../reports/errors.js';
import { buildReport } from '../reports/report.js';
import { buildPlan } from '../scenarios/build-plan.js';
import { BatchError } from '../workers/engine.js';
import { formatDuration, makeProgress } from '../workers/progress.js';
import { commandFailure } from './command-failure.js';
import { COMMANDS } from './command-list.js';
import { runBatchInterruptibly } from './interruptible.js';
import { UsageError, wholeNumberProblem } from './options.js';
import { reportMessage, reportOptions } from './report.js';

export interface CompareArgs {
  refs: string[];
  runs: number;
  seed: number;
  threads?: number;
  out: string;
  mapRuns: number;
  quiet: boolean;
}

/** Runs the batch and the report; returns the exit code (0 ok, 1 failed runs, 2 bad input, 130 interrupted). */
export async function compareCommand(args: CompareArgs): Promise<number> {
  const t0 = performance.now();
  const log = args.quiet ? () => {} : (m: string) => process.stderr.write(`${m}\n`);
  try {
    if (args.refs.length < 2)
      throw new BatchError('name at least two scenarios to compare (the first is the baseline)');
    const { plan } = buildPlan(args.refs, loadNationalData(), { replicates: args.runs, masterSeed: args.seed });
    log(
      `regiosim compare: ${plan.points.length} scenarios × ${plan.replicates} runs, master seed ${plan.masterSeed}, baseline ${plan.baseline}`,
    );
    const { result: batch, exitCode } = await runBatchInterruptibly('compare', plan, {
      outDir: args.out,
      kind: 'compare',
      threads: args.threads,
      series: 'yearly',
      progress: makeProgress(args.quiet ? 'quiet' : 'auto'),
      // The same argument names as `regiosim batch`, so `regiosim report` can rebuild the inputs for its maps.
      manifest: {
        arguments: {
          command: 'compare',
          refs: args.refs,
          runs: args.runs,
          seed: args.seed,
          threads: args.threads,
          out: args.out,
          series: 'yearly',
        },
        inputFiles: [...plan.sourceFiles, ...modelDataFiles()],
      },
    });
    const c = batch.counts;
    log(
      `  batch ${batch.status}: ${c.done}/${c.total} runs (${c.ok} ok, ${c.failed} failed) in ${formatDuration(batch.elapsedMs / 1000)}, written in ${batch.paths.dir}`,
    );
    if (batch.status === 'interrupted') return exitCode;
    const report = await buildReport(args.out, { outDir: join(args.out, 'report'), plan, mapRuns: args.mapRuns, log });
    process.stdout.write(reportMessage(report, (performance.now() - t0) / 1000));
    return batch.status === 'complete' ? 0 : 1;
  } catch (e) {
    return commandFailure('compare', e, [BatchError, ReportError]);
  }
}

const wholeAtLeast = (name: string, min: number, v: number | undefined) => {
  const problem = wholeNumberProblem(name, v, min);
  if (problem) throw new UsageError(problem);
};

/** The yargs definition of `regiosim compare`, registered in cli/regiosim.ts. */
export const compareCommandModule: CommandModule = {
  ...COMMANDS.compare,
  builder: (y: Argv) =>
    reportOptions(
      y
        .positional('scenarios', {
          type: 'string',
          array: true,
          describe: 'two or more scenario files, library names or built-ins',
        })
        .option('runs', {
          type: 'number',
          default: 20,
          describe: 'runs per scenario (run i has the same seed in every scenario)',
        })
        .option('seed', { type: 'number', default: 1, describe: 'master seed the run seeds derive from' })
        .option('threads', { type: 'number', describe: 'worker threads (default: the number of cores)' })
        .option('out', {
          type: 'string',
          default: 'out/compare',
          describe: 'output folder: the batch, with the report in <out>/report',
        })
        .check((a) => {
          wholeAtLeast('runs', 1, a.runs as number);
          wholeAtLeast('seed', 0, a.seed as number);
          wholeAtLeast('threads', 1, a.threads as number | undefined);
          return true;
        }),
    ),
  handler: async (raw) => {
    const a = raw as unknown as {
      scenarios: string[];
      runs: number;
      seed: number;
      threads?: number;
      out: string;
      mapRuns: number;
      quiet: boolean;
    };
    process.exitCode = await compareCommand({
      refs: a.scenarios,
      runs: a.runs,
      seed: a.seed,
      threads: a.threads,
      out: a.out,
      mapRuns: a.mapRuns,
      quiet: a.quiet,
    });
  },
};
