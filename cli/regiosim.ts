#!/usr/bin/env node
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { DataError } from '../data/load.js';
import { formatIssue, ScenarioError } from '../scenarios/load.js';
import { ModelInputError } from '../sim/model-input.js';
import { batchCommandModule } from './batch.js';
import { compareCommandModule } from './compare.js';
import { discoverCommandModule } from './discover.js';
import { exploreCommandModule } from './explore.js';
import { scenariosCommandModule } from './list-scenarios.js';
import { mergeCommandModule } from './merge.js';
import { reportCommandModule } from './report.js';
import { runCommand } from './run.js';
import { sensitivityCommandModule } from './sensitivity.js';
import { slurmCommandModule } from './slurm.js';
import { validateCommandModule } from './validate.js';

/** Prints an input error clearly and exits non-zero; anything else is a bug and shows its stack. */
function fail(error: unknown): never {
  if (error instanceof ScenarioError) {
    process.stderr.write(`regiosim: invalid scenario\n${error.issues.map((i) => `  ${formatIssue(i)}`).join('\n')}\n`);
    process.exit(2);
  }
  if (error instanceof ModelInputError) {
    process.stderr.write(
      `regiosim: invalid input\n${error.issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}\n`,
    );
    process.exit(2);
  }
  if (error instanceof DataError) {
    process.stderr.write(`regiosim: data error: ${error.message}\n`);
    process.exit(2);
  }
  process.stderr.write(`regiosim: ${(error as Error)?.stack ?? String(error)}\n`);
  process.exit(1);
}

try {
  await yargs(hideBin(process.argv))
    .scriptName('regiosim')
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
          .check((a) => {
            if (!Number.isSafeInteger(a.seed) || a.seed < 0)
              throw new Error(`--seed: ${a.seed} is not allowed; allowed: a whole number ≥ 0`);
            return true;
          }),
      (a) => runCommand({ scenario: a.scenario, seed: a.seed, out: a.out }),
    )
    .command(batchCommandModule)
    .command(validateCommandModule)
    .command(scenariosCommandModule)
    .command(reportCommandModule)
    .command(compareCommandModule)
    .command(exploreCommandModule)
    .command(sensitivityCommandModule)
    .command(discoverCommandModule)
    .command(mergeCommandModule)
    .command(slurmCommandModule)
    .demandCommand(
      1,
      'Name a command: run, batch, compare, report, validate, scenarios, explore, sensitivity, discover, merge or slurm',
    )
    .strict()
    .help()
    .fail((msg, err, y) => {
      if (err) fail(err);
      process.stderr.write(`${y.help()}\n\n${msg}\n`);
      process.exit(2);
    })
    .parseAsync();
} catch (error) {
  fail(error);
}
