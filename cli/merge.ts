/**
 * `regiosim merge <dirs...> --out DIR`: the shards of one batch (`regiosim batch --shard i/n`) into
 * one batch folder, byte-identical in runs.csv and series.csv to the batch run on one machine
 * (workers/shard-merge.ts). Exit codes: 0 merged, 1 shards missing or unfinished, 2 refused
 * (folders of different batches, the same shard twice, not shard folders, --out not empty).
 */
import { existsSync, readdirSync } from 'node:fs';
import type { Argv, CommandModule } from 'yargs';
import { faultMessage, OutputError } from '../store/errors.js';
import { runsText } from '../workers/shard.js';
import { MergeError } from '../workers/shard-folder.js';
import { type MergeResult, mergeShards } from '../workers/shard-merge.js';
import { COMMANDS } from './command-list.js';

export interface MergeArgs {
  dirs: string[];
  out: string;
}

/** Runs the command; returns the exit code and writes the messages. */
export function mergeCommand(args: MergeArgs): number {
  try {
    const r = mergeShards(args.dirs, args.out);
    process.stdout.write(mergeMessage(r));
    return 0;
  } catch (e) {
    const fault = faultMessage(
      'merge',
      e,
      e instanceof OutputError ? '' : 'nothing was written (the staging folder was removed)',
    );
    if (fault) {
      process.stderr.write(fault);
      return e instanceof OutputError ? 2 : 1;
    }
    if (!(e instanceof MergeError)) throw e;
    process.stderr.write(mergeErrorMessage(e));
    return e.kind === 'refused' ? 2 : 1;
  }
}

/** The table files of a merged folder: runs first, CSV before Parquet. */
function tableFiles(dir: string): string[] {
  const names = existsSync(dir) ? readdirSync(dir).filter((f) => /\.(csv|parquet)$/.test(f)) : [];
  const rank = (f: string) => (f.startsWith('runs.') ? 0 : 1) + (f.endsWith('.parquet') ? 2 : 0);
  return names.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

export function mergeMessage(r: MergeResult): string {
  const c = r.counts;
  const n = r.shards.length;
  const lines = [
    `regiosim merge: ${n} shard${n === 1 ? '' : 's'} of ${r.plan.name ? `${r.plan.name}, ` : ''}${r.plan.points} point${r.plan.points === 1 ? '' : 's'} × ${r.plan.replicates} replicates = ${c.total} runs, master seed ${r.plan.masterSeed}`,
    ...r.shards.map(
      (s) =>
        `  shard ${s.index}/${s.count}: ${runsText(s.runs)} (${s.counts.ok} ok, ${s.counts.failed} failed) from ${s.dir}`,
    ),
    ...r.notes.map((x) => `  ${x}`),
    `  ${r.status}: ${c.done}/${c.total} runs (${c.ok} ok, ${c.failed} failed)`,
  ];
  if (c.failed > 0)
    lines.push(
      `  ${c.failed} run${c.failed === 1 ? '' : 's'} failed inside the model (status error in runs.csv), as on one machine`,
    );
  lines.push(`  written in ${r.dir}: ${tableFiles(r.dir).join(', ')}, manifest.json, README.md`);
  return `${lines.join('\n')}\n`;
}

export function mergeErrorMessage(e: MergeError): string {
  const head = e.kind === 'refused' ? 'regiosim merge: refused:' : 'regiosim merge: the batch is not complete:';
  return `${[head, ...e.problems.map((p) => `  ${p}`), '  nothing was written'].join('\n')}\n`;
}

/** The yargs definition of `regiosim merge`, registered in cli/regiosim.ts. */
export const mergeCommandModule: CommandModule = {
  ...COMMANDS.merge,
  builder: (y: Argv) =>
    y
      .positional('dirs', {
        type: 'string',
        array: true,
        describe: 'the shard folders, or a folder holding them (e.g. the shards/ folder of regiosim slurm)',
      })
      .option('out', {
        type: 'string',
        demandOption: true,
        describe: 'the merged batch folder (must not exist, or be empty)',
      }),
  handler: (raw) => {
    const a = raw as unknown as { dirs: string[]; out: string };
    process.exitCode = mergeCommand({ dirs: a.dirs, out: a.out });
  },
};
