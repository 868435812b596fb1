/**
 * `regiosim explore <experiment>`: runs an experiment whose file samples its points (a `design:`
 * block, optionally crossed with `policies:`) through the batch engine, and writes the sample
 * (design.csv, design.json) next to runs.csv, so `regiosim sensitivity` and `regiosim discover`
 * can analyse the folder. The batch options are those of `regiosim batch`.
 */

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { loadNationalData, modelDataFiles } from '../data/load.js';
import { describeDesign } from '../reports/explore/read.js';
import { readBatchInfo } from '../reports/read/manifest.js';
import { type RunsData, readRuns } from '../reports/read/runs.js';
import { buildPlan } from '../scenarios/build-plan.js';
import { type Exploration, explorationOf } from '../scenarios/design-build.js';
import { DESIGN_CSV, DESIGN_JSON, DesignFileError, writeDesignFiles } from '../scenarios/design-files.js';
import { isExperimentRef } from '../scenarios/load.js';
import { outcomesOf } from '../scenarios/outcomes.js';
import { OutputFolder } from '../store/output-folder.js';
import { planFingerprint } from '../workers/batch-manifest.js';
import { commandLine, rerunCommand, resumeCommand, shownPath } from '../workers/command-line.js';
import { BATCH_FILES, BatchError, estimateBatch, workerFile } from '../workers/engine.js';
import { MUNICIPALITY_MODES } from '../workers/municipality-table.js';
import { OUTPUT_FORMATS } from '../workers/parquet-export.js';
import { formatDuration, makeProgress } from '../workers/progress.js';
import { POINTS_FILE, resumePlan } from '../workers/provenance.js';
import { commandFailure } from './command-failure.js';
import { COMMANDS } from './command-list.js';
import { runBatchInterruptibly } from './interruptible.js';
import { wholeNumberProblem } from './options.js';
import type { RunArgs } from './run-args.js';
import { badTimeout } from './run-timeout.js';
import { writtenFiles } from './written-files.js';

export interface ExploreArgs extends RunArgs {
  experiment: string;
}

/** The lines that say what the design is. */
export function designLines(e: Exploration, points: number, replicates: number): string[] {
  const names = e.factors.map((f) => `${f.name}${f.role === 'lever' ? ' (lever)' : ''}`).join(', ');
  const crossed = [
    e.policies.length
      ? `${e.policies.length} polic${e.policies.length === 1 ? 'y' : 'ies'} (${e.policies.map((p) => p.name).join(', ')})`
      : '',
    e.scenarios.length > 1 ? `${e.scenarios.length} scenarios` : `scenario ${e.scenarios[0]}`,
  ].filter(Boolean);
  const rows = e.design.rows.length;
  return [
    `  design: ${describeDesign(e)}: ${names}`,
    `  ${rows} design points × ${crossed.join(' × ')} = ${points} points, × ${replicates} replicates = ${points * replicates} runs`,
    ...e.design.notes.map((n) => `  note: ${n}`),
  ];
}

/**
 * Writes design.csv and design.json into a batch folder before the batch starts (regiosim explore,
 * and regiosim batch for an experiment with a design), refusing a folder that already holds a batch
 * (unless resuming) or another design. Returns the folder claimed and locked for the batch, which
 * goes on to runBatch (`claimed`) so that no other writer gets in between.
 * @throws BatchError
 */
export function prepareDesignFolder(
  out: string,
  exploration: Exploration,
  resume: boolean,
  kind: 'batch' | 'explore' = 'explore',
): OutputFolder {
  if (resume && !existsSync(out))
    throw new BatchError(`${out}: no such folder, so there is no batch there to resume; start it without --resume`);
  // Claimed first, so that the design files are recorded as regiosim's and never overwrite a user's.
  const folder = OutputFolder.claim(
    out,
    kind,
    [...BATCH_FILES, DESIGN_CSV, DESIGN_JSON],
    `${kind}${resume ? ' --resume' : ''}`,
  );
  try {
    if (!resume && existsSync(join(out, 'manifest.json')))
      throw new BatchError(`${out} already holds a batch: add --resume to continue it, or choose another --out`);
    folder.path(DESIGN_CSV);
    folder.path(DESIGN_JSON);
    writeDesignFiles(out, exploration);
    return folder;
  } catch (e) {
    folder.release();
    if (e instanceof DesignFileError) throw new BatchError(e.message);
    throw e;
  }
}

/**
 * A --where condition that holds in some runs of the folder but not in all, so that the printed
 * discover command finds cases to explain: the pool dies, if it does in some runs; else the lower
 * quarter of the members over the run or of progress. Undefined when nothing varies.
 */
export function discoverCondition(dir: string): string | undefined {
  let runs: RunsData;
  try {
    runs = readRuns(readBatchInfo(dir));
  } catch {
    return undefined;
  }
  const values = (m: string) => runs.points.flatMap((p) => p.metrics.get(m) ?? []).filter(Number.isFinite);
  const survived = values('poolSurvived');
  if (survived.some((v) => v === 0) && survived.some((v) => v > 0)) return 'poolSurvived == 0';
  for (const m of ['memberShareMean', 'progress2030', 'progress2050']) {
    const v = values(m).sort((a, b) => a - b);
    if (v.length < 4 || v[0] === v[v.length - 1]) continue;
    let t = Number(v[Math.floor(v.length / 4)].toPrecision(2));
    if (!(v[0] < t)) t = v.find((x) => x > v[0]) as number;
    if (v.some((x) => x < t) && v.some((x) => x >= t)) return `${m} < ${t}`;
  }
  return undefined;
}

/** The discover command to print: with a condition that has cases in this batch. */
function discoveryHint(path: string, dir: string): string[] {
  const where = discoverCondition(path);
  return where ? [`  discovery:   ${commandLine(['discover', dir, '--where', where])}`] : [];
}

/** Runs the command; returns the exit code (0 all ok, 1 failed runs, 2 bad input, 130/143 interrupted). */
export async function exploreCommand(args: ExploreArgs): Promise<number> {
  const data = loadNationalData();
  // --resume works from the inputs the batch kept when the files have moved or changed (workers/provenance.ts).
  const build = () => buildPlan([args.experiment], data, { replicates: args.runs, masterSeed: args.seed }).plan;
  const resumed =
    args.resume && !args.dryRun && existsSync(join(args.out, POINTS_FILE))
      ? resumePlan(args.out, build, { replicates: args.runs, masterSeed: args.seed }, (p) =>
          planFingerprint(p, args.series, args.municipalities ?? 'none'),
        )
      : undefined;
  if (!resumed && !isExperimentRef(args.experiment)) {
    // A missing or broken file: the loader says what is wrong, where. A valid scenario is not an experiment.
    buildPlan([args.experiment], data, { replicates: args.runs, masterSeed: args.seed });
    throw new BatchError(
      `${JSON.stringify(args.experiment)} is not an experiment file; allowed: an experiment file with a design: block (regiosim scenarios lists the shipped ones)`,
    );
  }
  const plan = resumed?.plan ?? build();
  const exploration = explorationOf(plan);
  if (!exploration)
    throw new BatchError(
      `${args.experiment} has no design: block; allowed: an experiment that samples its points (scenarios/README.md, "Designs"); run experiments with sweeps with regiosim batch`,
    );
  const out = process.stdout;
  const head = `regiosim explore: ${plan.name}, master seed ${plan.masterSeed}`;
  const lines = designLines(exploration, plan.points.length, plan.replicates);
  if (args.dryRun) {
    const e = await estimateBatch(plan, {
      threads: args.threads,
      chunk: args.chunk,
      series: args.series,
      municipalities: args.municipalities ?? 'none',
      workerFile: workerFile(),
    });
    out.write(
      `${[
        `${head} --dry-run, ${e.threads} thread${e.threads === 1 ? '' : 's'}`,
        ...lines,
        `  pilot: ${e.pilotRuns} runs on ${e.threads} worker thread${e.threads === 1 ? '' : 's'} (${e.pointsTimed} points timed), ${e.msPerRun.toFixed(1)} ms per warm run → estimate ${formatDuration(e.seconds)} of wall time, ${(e.bytes / 1e6).toFixed(1)} MB on disk`,
        '  nothing else was run and nothing was written',
      ].join('\n')}\n`,
    );
    return 0;
  }
  const claimed = prepareDesignFolder(args.out, exploration, args.resume);
  if (!args.quiet) process.stderr.write(`${head}\n${lines.join('\n')}\n`);
  const { result, exitCode } = await runBatchInterruptibly('explore', plan, {
    outDir: args.out,
    kind: 'explore',
    claimed,
    runTimeout: args.runTimeout,
    threads: args.threads,
    chunk: args.chunk,
    series: args.series,
    municipalities: args.municipalities ?? 'none',
    format: args.format,
    resume: args.resume,
    progress: makeProgress(args.quiet ? 'quiet' : 'auto'),
    // `refs` as regiosim batch records them, so that regiosim report can rebuild the inputs.
    manifest: {
      arguments: { command: 'explore', ...args, refs: [args.experiment] },
      inputFiles: [...plan.sourceFiles, ...modelDataFiles()],
    },
  });
  if (resumed?.note) result.notes.unshift(resumed.note);
  const c = result.counts;
  const ran = c.done - result.resumedFrom;
  const secs = result.elapsedMs / 1000;
  const end = [
    head,
    ...lines,
    ...result.notes.map((n) => `  ${n}`),
    `  ${result.status}: ${c.done}/${c.total} runs done (${c.ok} ok, ${c.failed} failed); ${ran} run${ran === 1 ? '' : 's'} in ${formatDuration(secs)} on ${result.threads} thread${result.threads === 1 ? '' : 's'} (${secs > 0 ? (ran / secs).toFixed(1) : '-'} runs/s)`,
  ];
  if (result.error) end.push(`  batch error: ${result.error}`);
  for (const f of result.failures.slice(0, 3))
    end.push(`  failed: run ${f.index} (${f.pointId}, seed ${f.seed}): ${f.error}`);
  if (result.failures.length > 0)
    end.push(`  re-run one alone to debug it: ${rerunCommand(result.paths.dir, result.failures[0].index)}`);
  const unfinished = result.status === 'interrupted' || (result.error !== undefined && c.done < c.total);
  if (unfinished) end.push(`  continue with: ${resumeCommand(process.argv.slice(2))}`);
  const dir = shownPath(result.paths.dir);
  end.push(
    `  written in ${dir}: ${writtenFiles({ ...args, municipalities: args.municipalities ?? 'none' }, result)}, ${DESIGN_CSV} (the sample), ${DESIGN_JSON}, manifest.json, README.md`,
  );
  if (!unfinished && c.ok > 0)
    end.push(
      `  sensitivity: ${commandLine(['sensitivity', dir])}`,
      ...discoveryHint(result.paths.dir, dir),
      // Policies crossed with futures and a directed outcome: compare the policies' robustness.
      ...(exploration.policies.length >= 2 && outcomesOf(plan).some((o) => o.direction !== 'none')
        ? [`  robustness:  ${commandLine(['robustness', dir])}`]
        : []),
      `  report:      ${commandLine(['report', dir])}`,
    );
  out.write(`${end.join('\n')}\n`);
  return exitCode;
}

/** The yargs definition of `regiosim explore`, registered in cli/regiosim.ts. */
export const exploreCommandModule: CommandModule = {
  ...COMMANDS.explore,
  builder: (y: Argv) =>
    y
      .positional('experiment', {
        type: 'string',
        describe: 'an experiment file with a design: block, or a library name',
      })
      .option('runs', {
        type: 'number',
        describe:
          "replicates per design point (replicate i has the same seed at every point); default: the experiment's",
      })
      .option('seed', {
        type: 'number',
        describe: "master seed of the replicates (the design has its own seed in the file); default: the experiment's",
      })
      .option('threads', { type: 'number', describe: 'worker threads (default: the number of cores)' })
      .option('chunk', { type: 'number', describe: 'runs per worker task (default: chosen from a short pilot)' })
      .option('out', { type: 'string', default: 'out/explore', describe: 'output folder' })
      .option('series', {
        choices: ['none', 'yearly', 'monthly'] as const,
        default: 'none' as const,
        describe: 'region series written to series.csv (the analyses use runs.csv only)',
      })
      .option('municipalities', {
        choices: MUNICIPALITY_MODES,
        default: 'none' as const,
        describe:
          'per-municipality tables, as for regiosim batch: end, yearly or none (the analyses use runs.csv only)',
      })
      .option('format', {
        choices: OUTPUT_FORMATS,
        default: 'csv' as const,
        describe: 'table files: csv, parquet (runs.csv stays) or both, as for regiosim batch',
      })
      .option('resume', {
        type: 'boolean',
        default: false,
        describe: 'continue the interrupted explore batch in --out',
      })
      .option('dry-run', {
        type: 'boolean',
        default: false,
        describe: 'print the design, the number of runs and estimates; run nothing',
      })
      .option('quiet', { type: 'boolean', default: false, describe: 'no progress output' })
      .option('run-timeout', {
        type: 'number',
        describe:
          'seconds a run may take; a run that takes longer is stopped and recorded as failed (status error), the batch goes on',
      })
      .check(
        (a) =>
          wholeNumberProblem('runs', a.runs, 1) ??
          wholeNumberProblem('seed', a.seed, 0) ??
          wholeNumberProblem('threads', a.threads, 1) ??
          wholeNumberProblem('chunk', a.chunk, 1) ??
          badTimeout(a.runTimeout) ??
          true,
      ),
  handler: async (raw) => {
    const a = raw as unknown as ExploreArgs & { experiment: string };
    try {
      process.exitCode = await exploreCommand({
        experiment: a.experiment,
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
      });
    } catch (e) {
      process.exitCode = commandFailure('explore', e, [BatchError]);
    }
  },
};
