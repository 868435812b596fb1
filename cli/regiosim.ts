#!/usr/bin/env node
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { batchCommandModule } from './batch.js';
import { calibrateCommandModule } from './calibrate.js';
import { regiosimCommand } from '../workers/command-line.js';
import { compareCommandModule } from './compare.js';
import { discoverCommandModule } from './discover.js';
import { describeError } from './errors.js';
import { exploreCommandModule } from './explore.js';
import { scenariosCommandModule } from './list-scenarios.js';
import { mergeCommandModule } from './merge.js';
import { checkSharedOptions } from './options.js';
import { pageCommandModule } from './page.js';
import { reportCommandModule } from './report.js';
import { robustnessCommandModule } from './robustness.js';
import { runCommand } from './run.js';
import { sensitivityCommandModule } from './sensitivity.js';
import { slurmCommandModule } from './slurm.js';
import { validateCommandModule } from './validate.js';

const debug = process.argv.includes('--debug');

/** Prints the error plainly (its stack only with --debug) and exits non-zero. */
function fail(error: unknown): never {
  const { text, code } = describeError(error, debug);
  process.stderr.write(text);
  process.exit(code);
}
// Errors outside the command's own promise (timers, streams) end the same way.
process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);

try {
  await yargs(hideBin(process.argv))
    // The name in usage lines and examples is the way to call regiosim from here, so they work when pasted.
    .scriptName(regiosimCommand())
    .usage(
      '$0 <command> [options]\n\nAgent-based simulation of regional staff pooling between Dutch municipalities in the heat transition.',
    )
    .command(
      'run [scenario]',
      'Run one simulation (default: RES Drenthe, flexpool, high scarcity) and write summary.json, series.csv, manifest.json',
      (y) =>
        y
          .positional('scenario', {
            type: 'string',
            describe: 'scenario file (YAML/JSON), library name (see regiosim scenarios) or built-in: default, national',
          })
          .option('seed', { type: 'number', default: 1, describe: 'run seed (integer)' })
          .option('out', { type: 'string', default: 'out/run', describe: 'output folder' })
          .option('from', {
            type: 'string',
            describe: 'a batch folder: re-run one of its runs (with --run), its point\'s inputs and seed, e.g. a failed run',
          })
          .option('run', { type: 'number', describe: 'with --from: the run index (run column of runs.csv)' })
          .example('$0 run drenthe-start-small --seed 7', 'a shipped scenario with seed 7')
          .example('$0 run --from out/batch --run 17', 'run 17 of a batch again, alone (sweep values and seed included)'),
      (a) => runCommand({ scenario: a.scenario, seed: a.seed, out: a.out, from: a.from, run: a.run }),
    )
    .command(batchCommandModule)
    .command(validateCommandModule)
    .command(scenariosCommandModule)
    .command(reportCommandModule)
    .command(compareCommandModule)
    .command(exploreCommandModule)
    .command(sensitivityCommandModule)
    .command(discoverCommandModule)
    .command(robustnessCommandModule)
    .command(mergeCommandModule)
    .command(slurmCommandModule)
    .command(calibrateCommandModule)
    .command(pageCommandModule)
    .demandCommand(
      1,
      'Name a command: run, batch, compare, report, validate, scenarios, explore, sensitivity, discover, robustness, merge, slurm, calibrate or page',
    )
    .option('debug', { type: 'boolean', global: true, describe: 'show the stack trace of an error' })
    .middleware((argv) => checkSharedOptions(argv as Record<string, unknown>))
    .strict()
    // No wrapping: an example command cut over two lines would not work when pasted.
    .wrap(null)
    .help()
    .fail((msg, err, y) => {
      // A check that returned a message comes as that text (not an Error), yargs' own validation
      // errors as a YError: both are usage errors, said with the help. Anything else is ours.
      if (err instanceof Error && err.name !== 'YError') fail(err);
      process.stderr.write(`${y.help()}\n\n${msg ?? String(err)}\n`);
      process.exit(2);
    })
    .parseAsync();
} catch (error) {
  fail(error);
}
