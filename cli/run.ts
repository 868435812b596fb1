import { join } from 'node:path';
import { loadNationalData, modelDataFiles } from '../data/load.js';
import { recoverPlan } from '../reports/aggregate/plan-inputs.js';
import { ReportError } from '../reports/errors.js';
import { type BatchInfo, readBatchInfo } from '../reports/read/manifest.js';
import { loadScenarioFile } from '../scenarios/load.js';
import { replicateSeed } from '../scenarios/plan.js';
import type { ModelInput } from '../sim/model-input.js';
import { simulate } from '../sim/simulate.js';
import { makeManifest } from '../store/manifest.js';
import { faultMessage } from '../store/errors.js';
import { OutputFolder } from '../store/output-folder.js';
import { UsageError } from './options.js';
import { emptySizeClasses, RUN_FILES, writeRunOutputs } from './run-output.js';
import { regionCode } from '../workers/series.js';

export interface RunArgs {
  scenario?: string;
  seed: number;
  out: string;
  /** A batch folder: re-run one of its runs (`--from DIR --run N`) with the point's inputs and the run's seed. */
  from?: string;
  /** The run index in the batch folder's runs.csv (with `from`). */
  run?: number;
}

/** A problem with --from/--run: printed plainly, exit 2. */
export class RerunError extends Error {}

/**
 * The model input and seed of run `run` of a batch folder: the plan is rebuilt from the manifest's
 * recorded scenario references and accepted only when every point's input hash matches, so the run
 * is the one the batch ran (a swept or sampled point included).
 */
export function batchRunInput(dir: string, run: number): { input: ModelInput; files: string[]; seed: number; what: string } {
  let info: BatchInfo;
  try {
    info = readBatchInfo(dir);
  } catch (e) {
    if (e instanceof ReportError) throw new RerunError(e.message);
    throw e;
  }
  const total = info.points.length * info.replicates;
  if (!Number.isSafeInteger(run) || run < 0 || run >= total)
    throw new RerunError(`--run: ${run} is not a run of ${dir}; allowed: 0 to ${total - 1} (the run column of runs.csv)`);
  const point = info.points[Math.floor(run / info.replicates)];
  const replicate = run % info.replicates;
  const { plan, reason } = recoverPlan(info);
  if (!plan) throw new RerunError(`cannot re-run run ${run} of ${dir}: ${reason}`);
  const planned = plan.points.find((p) => p.id === point.id)!;
  const seed = replicateSeed(info.masterSeed, replicate);
  return {
    input: planned.input,
    files: plan.sourceFiles,
    seed,
    what: `run ${run} of ${dir} (point ${point.id}, replicate ${replicate}, seed ${seed})`,
  };
}

const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : 'n/a');

/**
 * `regiosim run`: one simulation, its outputs written to a folder, and a short readable summary.
 * Sets process.exitCode: 0 written, 1 the folder could not be written (a plain message says why).
 */
export function runCommand(args: RunArgs): void {
  const startedAt = new Date();
  const data = loadNationalData();
  let rerun: ReturnType<typeof batchRunInput> | undefined;
  if (args.from !== undefined || args.run !== undefined) {
    if (args.from === undefined || args.run === undefined)
      throw new UsageError('--from and --run go together: --from <batch folder> --run <run index of its runs.csv>');
    if (args.scenario !== undefined)
      throw new UsageError(`--from ${args.from} re-runs a run of a batch: name no scenario (${args.scenario}) with it`);
    try {
      rerun = batchRunInput(args.from, args.run);
    } catch (e) {
      if (!(e instanceof RerunError)) throw e;
      process.stderr.write(`regiosim run: ${e.message}\n`);
      process.exitCode = 2;
      return;
    }
  }
  const { input, files } = rerun ?? loadScenarioFile(args.scenario ?? 'default', data);
  const seed = rerun?.seed ?? args.seed;
  let folder: OutputFolder;
  try {
    folder = OutputFolder.claim(args.out, 'run', RUN_FILES, 'run');
  } catch (e) {
    const message = faultMessage('run', e);
    if (!message) throw e;
    process.stderr.write(message);
    process.exitCode = 2; // nothing was written: the folder named cannot take the output
    return;
  }
  const result = simulate(input, seed);
  const manifest = makeManifest({
    command: 'run',
    arguments: { ...args, seed },
    inputFiles: [...files, ...modelDataFiles()],
    inlineInputs: [{ name: 'model-input.json', text: JSON.stringify(input) }],
    seeds: { runs: [seed] },
    startedAt,
    extra: { scenario: input.name, horizonMonths: input.horizonMonths, startYear: input.startYear },
  });
  try {
    writeRunOutputs(
      folder,
      result,
      regionCode(input),
      input.municipalities.map((m) => m.code),
      manifest,
      emptySizeClasses(input.municipalities.map((m) => m.population)),
    );
  } catch (e) {
    const message = faultMessage('run', e, `nothing half-written was left in ${args.out}; free space or fix the folder and run again`);
    if (!message) throw e;
    process.stderr.write(message);
    process.exitCode = 1;
    return;
  } finally {
    folder.release();
  }

  const m = result.summary.metrics;
  const pools = result.summary.pools;
  const lines = [
    `regiosim ${manifest.version}: ${input.name} (${input.municipalities.length} municipalities, seed ${seed}, ${input.startYear}-${input.startYear + Math.ceil(input.horizonMonths / 12) - 1})`,
    ...(rerun ? [`  re-run of ${rerun.what}`] : []),
    `  progress: ${pct(m.progress2030)} of the full-pace target by 2030, ${pct(m.progress2050)} by 2050 (${Math.round(m.dwellingsReadyEnd).toLocaleString('en')} dwellings ready)`,
    `  need ${m.needFte.toFixed(0)} FTE; capacity by source over the run: own ${pct(m.capacityShareOwn)}, pool ${pct(m.capacitySharePool)}, consultants ${pct(m.capacityShareConsultants)}`,
    `  external spend share ${pct(m.externalSpendShare)}; staff outflow from the municipal sector ${pct(m.sectorOutflowRatePerYear)}/year`,
  ];
  if (pools.length === 0) lines.push('  pool: none formed');
  else if (pools.length === 1) {
    const p = pools[0];
    const fate =
      p.dissolvedAt >= 0
        ? `dissolved in ${input.startYear + Math.floor(p.dissolvedAt / 12)} (${p.dissolveReason})`
        : `alive at the end with ${p.membersEnd} members and ${p.staffEnd} staff`;
    lines.push(
      `  pool: founded by ${p.founders.length}, up to ${p.maxMembers} members, ${p.lateJoiners.length} late joiners; ${fate}`,
    );
  } else
    lines.push(
      `  pools: ${m.poolsFormed} founded, ${m.poolsAliveEnd} alive at the end; members at the end ${m.poolMembersEnd}`,
    );
  lines.push(`  written: ${join(args.out, 'summary.json')}, series.csv, manifest.json`);
  process.stdout.write(`${lines.join('\n')}\n`);
}
