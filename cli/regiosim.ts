#!/usr/bin/env node
import yargs, { type CommandModule } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { regiosimCommand } from '../workers/command-line.js';
import { COMMANDS, type CommandName } from './command-list.js';
import { describeError } from './errors.js';
import { checkSharedOptions } from './options.js';

/**
 * Each command's module, loaded only when that command is run: the modules behind report, compare
 * and the analyses take a few hundred milliseconds to load, which `validate`, `--help` or a SLURM
 * shard should not pay. Other commands are registered by usage and description alone (for --help).
 */
const LOADERS: Record<Exclude<CommandName, 'run'>, () => Promise<CommandModule>> = {
  batch: async () => (await import('./batch.js')).batchCommandModule,
  validate: async () => (await import('./validate.js')).validateCommandModule,
  scenarios: async () => (await import('./list-scenarios.js')).scenariosCommandModule,
  report: async () => (await import('./report.js')).reportCommandModule,
  compare: async () => (await import('./compare.js')).compareCommandModule,
  explore: async () => (await import('./explore.js')).exploreCommandModule,
  sensitivity: async () => (await import('./sensitivity.js')).sensitivityCommandModule,
  discover: async () => (await import('./discover.js')).discoverCommandModule,
  robustness: async () => (await import('./robustness.js')).robustnessCommandModule,
  merge: async () => (await import('./merge.js')).mergeCommandModule,
  slurm: async () => (await import('./slurm.js')).slurmCommandModule,
  calibrate: async () => (await import('./calibrate.js')).calibrateCommandModule,
  page: async () => (await import('./page.js')).pageCommandModule,
};

/**
 * Every argument that names a command: its module is loaded. Usually just the command word; an
 * argument that only looks like one (a file called `report`) costs a load, never a wrong command.
 */
const named = new Set(hideBin(process.argv));

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
  const cli = yargs(hideBin(process.argv))
    // The name in usage lines and examples is the way to call regiosim from here, so they work when pasted.
    .scriptName(regiosimCommand())
    .usage(
      '$0 <command> [options]\n\nAgent-based simulation of regional staff pooling between Dutch municipalities in the heat transition.',
    )
    .command(
      COMMANDS.run.command,
      COMMANDS.run.describe,
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
            describe:
              "a batch folder: re-run one of its runs (with --run), its point's inputs and seed, e.g. a failed run",
          })
          .option('run', { type: 'number', describe: 'with --from: the run index (run column of runs.csv)' })
          .example('$0 run drenthe-start-small --seed 7', 'a shipped scenario with seed 7')
          .example(
            '$0 run --from out/batch --run 17',
            'run 17 of a batch again, alone (sweep values and seed included)',
          ),
      async (a) =>
        (await import('./run.js')).runCommand({
          scenario: a.scenario,
          seed: a.seed,
          out: a.out,
          from: a.from,
          run: a.run,
        }),
    );
  for (const name of Object.keys(LOADERS) as Array<keyof typeof LOADERS>) {
    if (named.has(name)) cli.command(await LOADERS[name]());
    else cli.command(COMMANDS[name].command, COMMANDS[name].describe);
  }
  await cli
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
