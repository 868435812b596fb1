/**
 * `regiosim batch`: many seeded runs of one or more scenarios on worker threads (workers/engine.ts),
 * with paired seeds, streaming results, resume, a dry run and progress. This module only turns
 * arguments into a plan and the engine's result into a readable end message and an exit code.
 */

import type { Argv, CommandModule } from 'yargs';
import { loadNationalData, modelDataFiles } from '../data/load.js';
import { buildPlan, DEFAULT_RUNS, DEFAULT_SEED, PlanRefError } from '../scenarios/build-plan.js';
import { explorationOf } from '../scenarios/design-build.js';
import type { ExperimentPlan } from '../scenarios/plan.js';
import { planFingerprint } from '../workers/batch-manifest.js';
import { commandLine, rerunCommand, resumeCommand, shownPath } from '../workers/command-line.js';
import { BatchError, type BatchResult, estimateBatch, workerFile } from '../workers/engine.js';
import { MUNICIPALITY_MODES, type MunicipalityMode } from '../workers/municipality-table.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../workers/parquet-export.js';
import { formatDuration, makeProgress } from '../workers/progress.js';
import type { SeriesMode } from '../workers/protocol.js';
import { resumePlan } from '../workers/provenance.js';
import { parseShard, runsText, type Shard, shardLabel, shardRange } from '../workers/shard.js';
import { commandFailure } from './command-failure.js';
import { COMMANDS } from './command-list.js';
import { prepareDesignFolder } from './explore.js';
import { runBatchInterruptibly } from './interruptible.js';
import { shownFlagValue, wholeNumberProblem } from './options.js';
import type { RunArgs } from './run-args.js';
import { badTimeout } from './run-timeout.js';
import { writtenFiles } from './written-files.js';

export interface BatchArgs extends RunArgs {
  /** One experiment file, or scenario files, library names or built-ins (default, national). */
  refs: string[];
  /** Run only this shard's block of runs (`--shard i/n`); merge the shards with `regiosim merge`. */
  shard?: Shard;
}

const mb = (bytes: number) => (bytes >= 1e9 ? `${(bytes / 1e9).toFixed(1)} GB` : `${(bytes / 1e6).toFixed(1)} MB`);

/** Runs the command; returns the exit code (0 all ok, 1 failed runs or a batch error, 130/143 interrupted). */
export async function batchCommand(args: BatchArgs): Promise<number> {
  const data = loadNationalData();
  const build = () => buildPlan(args.refs, data, { replicates: args.runs, masterSeed: args.seed }).plan;
  // --resume works from the inputs the batch kept when the files have moved or changed (workers/provenance.ts).
  const { plan, note } =
    args.resume && !args.dryRun
      ? resumePlan(args.out, build, { replicates: args.runs, masterSeed: args.seed }, (p) =>
          planFingerprint(p, args.series, args.municipalities ?? 'end'),
        )
      : { plan: build(), note: undefined };
  const out = process.stdout;
  const total = plan.points.length * plan.replicates;
  let shape = `${plan.points.length} point${plan.points.length === 1 ? '' : 's'} × ${plan.replicates} replicates = ${total} runs`;
  if (args.shard) {
    shape += `, shard ${shardLabel(args.shard)}: ${runsText(shardRange(total, args.shard))}`;
  }

  if (args.dryRun) {
    const e = await estimateBatch(plan, {
      threads: args.threads,
      chunk: args.chunk,
      series: args.series,
      municipalities: args.municipalities,
      shard: args.shard,
      workerFile: workerFile(),
    });
    out.write(
      `${[
        `regiosim batch --dry-run: ${shape}, master seed ${plan.masterSeed}, ${e.threads} thread${e.threads === 1 ? '' : 's'}`,
        `  pilot: ${e.pilotRuns} runs on ${e.threads} worker thread${e.threads === 1 ? '' : 's'} (${e.pointsTimed} of ${plan.points.length} points timed), ${e.msPerRun.toFixed(1)} ms per warm run → chunks of ${e.chunk} run${e.chunk === 1 ? '' : 's'}`,
        `  estimate: ${formatDuration(e.seconds)} of wall time, ${mb(e.bytes)} on disk as CSV (runs.csv, series.csv ${args.series}, municipality tables ${args.municipalities ?? 'end'})`,
        '  nothing else was run and nothing was written',
      ].join('\n')}\n`,
    );
    return 0;
  }

  // An experiment with a design: block: its sample goes next to runs.csv, as with regiosim explore.
  const exploration = explorationOf(plan);
  const claimed = exploration ? prepareDesignFolder(args.out, exploration, args.resume, 'batch') : undefined;
  const { result, exitCode } = await runBatchInterruptibly('batch', plan, {
    outDir: args.out,
    claimed,
    runTimeout: args.runTimeout,
    threads: args.threads,
    chunk: args.chunk,
    series: args.series,
    municipalities: args.municipalities,
    format: args.format,
    resume: args.resume,
    progress: makeProgress(args.quiet ? 'quiet' : 'auto'),
    shard: args.shard,
    manifest: { arguments: { ...args }, inputFiles: [...plan.sourceFiles, ...modelDataFiles()] },
  });
  if (note) result.notes.unshift(note);
  out.write(endMessage(result, plan, shape, args.series, args.shard !== undefined, writtenFiles(args, result)));
  return exitCode;
}

/**
 * The summary printed when a batch ends: counts, failures with their seeds and the command that
 * re-runs one, the command that resumes an unfinished batch, and the one that makes its report.
 */
export function endMessage(
  r: BatchResult,
  plan: ExperimentPlan,
  shape: string,
  series: SeriesMode,
  shard = false,
  files = `runs.csv${series === 'none' ? '' : `, series.csv (${series})`}`,
): string {
  const c = r.counts;
  const ran = c.done - r.resumedFrom;
  const secs = r.elapsedMs / 1000;
  const lines = [
    `regiosim batch: ${shape}, master seed ${plan.masterSeed}, ${r.threads} thread${r.threads === 1 ? '' : 's'}, chunks of ${r.chunk}`,
    ...r.notes.map((n) => `  ${n}`),
  ];
  if (r.resumedFrom > 0) lines.push(`  resumed: ${r.resumedFrom} runs were already done`);
  lines.push(
    `  ${r.status}: ${c.done}/${c.total} runs done (${c.ok} ok, ${c.failed} failed); ${ran} run${ran === 1 ? '' : 's'} in ${formatDuration(secs)} (${secs > 0 ? (ran / secs).toFixed(1) : '-'} runs/s)`,
  );
  if (r.error) lines.push(`  batch error: ${r.error}`);
  if (c.failed > 0) {
    lines.push(
      `  ${c.failed} run${c.failed === 1 ? '' : 's'} failed (status error in runs.csv)${r.failures.length ? '; the first:' : ''}`,
    );
    for (const f of r.failures.slice(0, 5))
      lines.push(`    run ${f.index} (${f.pointId}, replicate ${f.replicate}, seed ${f.seed}): ${f.error}`);
    const f = r.failures[0];
    if (f) lines.push(`  re-run one alone to debug it: ${rerunCommand(r.paths.dir, f.index)}`);
  }
  const unfinished = r.status === 'interrupted' || (r.error !== undefined && c.done < c.total);
  if (unfinished) lines.push(`  continue with: ${resumeCommand(process.argv.slice(2))}`);
  lines.push(`  written in ${r.paths.dir}: ${files}, manifest.json, README.md (column meanings)`);
  // A shard is reported after the merge (regiosim merge); a whole batch right away.
  if (!unfinished && c.ok > 0 && !shard) lines.push(`  report: ${commandLine(['report', shownPath(r.paths.dir)])}`);
  return `${lines.join('\n')}\n`;
}

/** A message if an option is not a whole number ≥ min (yargs prints it with the help), else undefined. */
/** A message if --shard is not i/n (given once), else undefined. */
function badShard(v: unknown): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string') return `--shard: ${shownFlagValue(v)} is not allowed; allowed: i/n, e.g. 2/8`;
  try {
    parseShard(v);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

/** The yargs definition of `regiosim batch`, registered in cli/regiosim.ts. */
export const batchCommandModule: CommandModule = {
  ...COMMANDS.batch,
  builder: (y: Argv) =>
    y
      .positional('scenarios', {
        type: 'string',
        array: true,
        describe: 'one experiment file, or scenario files (YAML/JSON), library names or built-ins (default, national)',
      })
      .option('runs', {
        type: 'number',
        describe: `replicates per scenario (replicate i has the same seed in every scenario); default: the experiment's, or ${DEFAULT_RUNS}`,
      })
      .option('seed', {
        type: 'number',
        describe: `master seed the run seeds derive from; default: the experiment's, or ${DEFAULT_SEED}`,
      })
      .option('threads', { type: 'number', describe: 'worker threads (default: the number of cores)' })
      .option('chunk', { type: 'number', describe: 'runs per worker task (default: chosen from a short pilot)' })
      .option('out', { type: 'string', default: 'out/batch', describe: 'output folder' })
      .option('series', {
        choices: ['yearly', 'monthly', 'none'] as const,
        default: 'yearly' as const,
        describe: 'region series written to series.csv',
      })
      .option('municipalities', {
        choices: MUNICIPALITY_MODES,
        default: 'end' as const,
        describe:
          'per-municipality results: end (one row per run × municipality in municipalities.csv), yearly (also every municipality’s yearly series in municipality-series.csv), none (for huge batches)',
      })
      .option('format', {
        choices: OUTPUT_FORMATS,
        default: 'csv' as const,
        describe:
          'table files: csv, parquet (Parquet tables; runs.csv stays as the ledger) or both; Parquet is written when every run is done',
      })
      .option('resume', { type: 'boolean', default: false, describe: 'continue the interrupted batch in --out' })
      .option('dry-run', {
        type: 'boolean',
        default: false,
        describe: 'print the number of runs and estimates of time and disk, run nothing',
      })
      .option('quiet', { type: 'boolean', default: false, describe: 'no progress output' })
      .option('run-timeout', {
        type: 'number',
        describe:
          'seconds a run may take; a run that takes longer is stopped and recorded as failed (status error), the batch goes on',
      })
      .option('shard', {
        type: 'string',
        describe:
          'run only shard i of n (i/n, 1-based: a contiguous block of the runs) into --out; combine the n shard folders with regiosim merge',
      })
      .check(
        (a) =>
          wholeNumberProblem('runs', a.runs, 1) ??
          wholeNumberProblem('seed', a.seed, 0) ??
          wholeNumberProblem('threads', a.threads, 1) ??
          wholeNumberProblem('chunk', a.chunk, 1) ??
          badShard(a.shard) ??
          badTimeout(a.runTimeout) ??
          true,
      ),
  handler: async (raw) => {
    const a = raw as unknown as Omit<RunArgs, 'municipalities' | 'format'> & {
      scenarios?: string[];
      municipalities: MunicipalityMode;
      format: OutputFormat;
      shard?: string;
    };
    try {
      process.exitCode = await batchCommand({
        refs: a.scenarios ?? [],
        runs: a.runs,
        seed: a.seed,
        threads: a.threads,
        chunk: a.chunk,
        out: a.out,
        series: a.series,
        municipalities: a.municipalities,
        format: a.format,
        resume: a.resume,
        dryRun: a.dryRun,
        quiet: a.quiet,
        runTimeout: a.runTimeout,
        shard: a.shard === undefined ? undefined : parseShard(a.shard),
      });
    } catch (e) {
      process.exitCode = commandFailure('batch', e, [BatchError, PlanRefError]);
    }
  },
};
