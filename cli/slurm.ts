/**
 * `regiosim slurm`: runs a batch on a SLURM cluster as a job array of shards plus a merge job.
 *
 *   regiosim slurm <experiment or scenarios...> --shards n [--partition P --time T --cpus C --mem M] [--out DIR] [--submit]
 *   regiosim slurm --status DIR      what every shard and the merge job are doing; which failed
 *   regiosim slurm --resubmit DIR    submit again only the failed or missing shards (they resume), and a new merge job
 *
 * DIR gets shard.sbatch (array task i runs `regiosim batch --shard i/n` with --threads
 * $SLURM_CPUS_PER_TASK into shards/), merge.sbatch (`regiosim merge shards --out merged`, submitted
 * with --dependency=afterok on the array), submit.sh, job.json (what was planned) and jobs.tsv (every
 * submission: array and merge job ids, array indices). The scripts are module-free: they call one
 * Node binary and the project's dist/cli/regiosim.js by absolute path (docs/SLURM.md).
 */

import { chmodSync, existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { loadNationalData } from '../data/load.js';
import { buildPlan } from '../scenarios/build-plan.js';
import { OutputFolder } from '../store/output-folder.js';
import { appendText, writeAtomic } from '../store/write.js';
import { BatchError } from '../workers/batch-error.js';
import { planFingerprint } from '../workers/batch-manifest.js';
import { commandLine, shellQuote } from '../workers/command-line.js';
import type { SeriesMode } from '../workers/protocol.js';
import { checkShardCount } from '../workers/shard.js';
import { commandFailure } from './command-failure.js';
import { type JobStatus, type Submission, sh, slurmStatus, statusMessage } from './slurm-status.js';

export {
  expandIndices,
  isActive,
  type JobState,
  type JobStatus,
  jobStates,
  readSlurmJob,
  readSubmissions,
  type ShardState,
  type ShardStatus,
  type Submission,
  slurmStatus,
  statusMessage,
} from './slurm-status.js';

import {
  arraySpec,
  checkResources,
  checkScriptValues,
  compactIndices,
  JOB_FILE,
  JOBS_TSV,
  LOGS,
  MERGED,
  SCRIPT_FILES,
  SHARDS,
  type SlurmJob,
  type SlurmResources,
  slurmScripts,
} from './slurm-scripts.js';

export {
  arraySpec,
  checkResources,
  compactIndices,
  type SlurmJob,
  type SlurmResources,
  shq,
  slurmScripts,
} from './slurm-scripts.js';

import { packageVersion, projectRoot } from '../store/manifest.js';
import { MUNICIPALITY_MODES, type MunicipalityMode } from '../workers/municipality-table.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../workers/parquet-export.js';
import { COMMANDS } from './command-list.js';

/** One line of DIR/jobs.tsv. */

export interface SlurmArgs {
  refs: string[];
  shards: number;
  runs?: number;
  seed?: number;
  series: SeriesMode;
  /** Per-municipality tables of the shards (default end). */
  municipalities?: MunicipalityMode;
  /** Table format of the merged batch (the shards keep CSV; merge writes Parquet). */
  format?: OutputFormat;
  out: string;
  resources: SlurmResources;
  node?: string;
  submit: boolean;
}

/** Writes the job folder; returns the job. */
export function writeSlurmJob(args: SlurmArgs): SlurmJob {
  checkResources(args.resources);
  const data = loadNationalData();
  const { plan } = buildPlan(args.refs, data, { replicates: args.runs, masterSeed: args.seed });
  const total = plan.points.length * plan.replicates;
  checkShardCount(args.shards, total);
  const dir = resolve(args.out);
  if (existsSync(join(dir, JOB_FILE)))
    throw new BatchError(
      `${args.out} already holds a SLURM job (${JOB_FILE}): choose another --out, or use --status/--resubmit`,
    );
  const regiosim = join(projectRoot(), 'dist', 'cli', 'regiosim.js');
  if (!existsSync(regiosim)) throw new BatchError(`${regiosim} is missing: run npm run build first`);
  const refs = (args.refs.length ? args.refs : ['default']).map((r) => (existsSync(r) ? resolve(r) : r));
  const job: SlurmJob = {
    tool: 'regiosim',
    kind: 'slurm-job',
    version: packageVersion(),
    createdAt: new Date().toISOString(),
    dir,
    experiment: plan.name,
    shards: args.shards,
    totalRuns: total,
    points: plan.points.length,
    replicates: plan.replicates,
    masterSeed: plan.masterSeed,
    series: args.series,
    municipalities: args.municipalities ?? 'end',
    format: args.format ?? 'csv',
    planHash: planFingerprint(plan, args.series, args.municipalities ?? 'end'),
    refs,
    resources: args.resources,
    node: args.node ?? process.execPath,
    regiosim,
  };
  checkScriptValues(job); // before any folder is made
  // The folder holds this kind of output only, one writer at a time, and no file of the user's is overwritten.
  const folder = OutputFolder.claim(
    args.out,
    'slurm',
    [...SCRIPT_FILES, JOB_FILE, JOBS_TSV, `${SHARDS}/`, `${LOGS}/`],
    'slurm',
  );
  try {
    folder.dirPath(SHARDS);
    folder.dirPath(LOGS);
    const s = slurmScripts(job);
    writeAtomic(folder.path('shard.sbatch'), s.shard);
    writeAtomic(folder.path('merge.sbatch'), s.merge);
    writeAtomic(folder.path('submit.sh'), s.submit);
    chmodSync(join(dir, 'submit.sh'), 0o755);
    // job.json last: a folder without it is not a job yet (--status says so), and can be written again.
    writeAtomic(folder.path(JOB_FILE), `${JSON.stringify(job, null, 2)}\n`);
    folder.path(JOBS_TSV); // submit.sh appends to it: recorded as regiosim's
  } finally {
    folder.release();
  }
  return job;
}

/** sbatch --parsable ...; returns the job id. */
function sbatch(args: string[]): string {
  const r = sh('sbatch', ['--parsable', ...args]);
  if (r.missing)
    throw new BatchError(
      'sbatch is not installed here: run this on the cluster (a login node), or submit the scripts by hand',
    );
  if (!r.ok) throw new BatchError(`sbatch ${args.join(' ')} failed: ${r.err.trim() || r.out.trim()}`);
  const id = r.out.trim().split(';')[0];
  if (!/^\d+$/.test(id)) throw new BatchError(`sbatch ${args.join(' ')} printed no job id: ${r.out.trim()}`);
  return id;
}

/** What SLURM knows about one job or array task. */
export function submitJob(job: SlurmJob, indices?: number[]): Submission {
  const dir = job.dir;
  const spec = indices ? compactIndices(indices) : `1-${job.shards}`;
  const arrayArgs = indices ? [`--array=${arraySpec(spec, job.resources.maxParallel)}`] : [];
  const arrayJob = sbatch([...arrayArgs, join(dir, 'shard.sbatch')]);
  const mergeJob = sbatch([`--dependency=afterok:${arrayJob}`, join(dir, 'merge.sbatch')]);
  return record(dir, { at: new Date().toISOString(), arrayJob, mergeJob, indices: spec });
}

function record(dir: string, s: Submission): Submission {
  appendText(join(dir, JOBS_TSV), `${s.at}\t${s.arrayJob}\t${s.mergeJob}\t${s.indices}\n`);
  return s;
}

/**
 * --resubmit: submits the failed and never-submitted shards alone (`--array=3,7`; each resumes its
 * folder) and a new merge job after them (afterok on the new array; afterany on arrays whose other
 * tasks still run: the merge checks those shards itself). A merge job still pending on the old
 * array can never start (afterok failed), so it is cancelled. With every shard done and no merge,
 * submits the merge job alone.
 */
export function resubmit(dirArg: string): { status: JobStatus; lines: string[] } {
  slurmStatus(dirArg); // a folder that is not a job folder is refused before it is claimed
  const folder = OutputFolder.claim(dirArg, 'slurm', [], 'slurm --resubmit');
  try {
    return resubmitLocked(dirArg);
  } finally {
    folder.release();
  }
}

function resubmitLocked(dirArg: string): { status: JobStatus; lines: string[] } {
  const status = slurmStatus(dirArg);
  const job = status.job;
  const lines: string[] = [];
  if (status.merge.state === 'done') return { status, lines: [`nothing to do: ${status.merge.detail}`] };
  if (status.toResubmit.length === 0) {
    if (status.activeArrays.length || status.activeMerge)
      return {
        status,
        lines: ['nothing to resubmit: no shard failed; shards or the merge job are still queued or running'],
      };
    const mergeJob = sbatch([join(job.dir, 'merge.sbatch')]);
    record(job.dir, { at: new Date().toISOString(), arrayJob: '', mergeJob, indices: '' });
    return { status, lines: [`every shard is done: submitted merge job ${mergeJob}`] };
  }
  if (status.activeMerge?.state === 'PENDING') {
    const c = sh('scancel', [status.activeMerge.id]);
    lines.push(
      c.ok
        ? `cancelled merge job ${status.activeMerge.id} (it waited on the failed array and could never start)`
        : `could not cancel merge job ${status.activeMerge.id}: ${c.err.trim()}`,
    );
  }
  const spec = compactIndices(status.toResubmit);
  const arrayJob = sbatch([`--array=${arraySpec(spec, job.resources.maxParallel)}`, join(job.dir, 'shard.sbatch')]);
  const deps = [`afterok:${arrayJob}`, ...status.activeArrays.map((a) => `afterany:${a}`)].join(',');
  const mergeJob = sbatch([`--dependency=${deps}`, join(job.dir, 'merge.sbatch')]);
  record(job.dir, { at: new Date().toISOString(), arrayJob, mergeJob, indices: spec });
  lines.push(
    `resubmitted shards ${spec}: array job ${arrayJob} (--array=${arraySpec(spec, job.resources.maxParallel)}; each resumes its shard folder)`,
    `merge job ${mergeJob} (--dependency=${deps})`,
  );
  return { status, lines };
}

// --- the command -------------------------------------------------------------------------------

export function slurmCommand(args: SlurmArgs): number {
  const job = writeSlurmJob(args);
  const rel = relative(process.cwd(), job.dir) || '.';
  const r = job.resources;
  const per = Math.ceil(job.totalRuns / job.shards);
  const res = [
    `--cpus-per-task=${r.cpus}`,
    r.mem && `--mem=${r.mem}`,
    r.time && `--time=${r.time}`,
    r.partition && `--partition=${r.partition}`,
    r.account && `--account=${r.account}`,
    ...r.extra,
  ]
    .filter(Boolean)
    .join(' ');
  const lines = [
    `regiosim slurm: ${job.experiment}: ${job.points} point${job.points === 1 ? '' : 's'} × ${job.replicates} replicates = ${job.totalRuns} runs, master seed ${job.masterSeed}, in ${job.shards} shards of ${per === Math.floor(job.totalRuns / job.shards) ? per : `${per - 1}–${per}`} runs`,
    `  ${rel}/shard.sbatch  job array --array=${arraySpec(`1-${job.shards}`, r.maxParallel)} (${res}): task i runs regiosim batch --shard i/${job.shards} --threads $SLURM_CPUS_PER_TASK into ${rel}/${SHARDS}/`,
    `  ${rel}/merge.sbatch  merge job (afterok on the array): regiosim merge ${rel}/${SHARDS} --out ${rel}/${MERGED}`,
    `  ${rel}/submit.sh     submits both and records the job ids in ${rel}/${JOBS_TSV}`,
  ];
  if (args.submit) {
    const s = submitJob(job);
    lines.push(
      `  submitted: array job ${s.arrayJob} (tasks 1-${job.shards}), merge job ${s.mergeJob} (afterok:${s.arrayJob})`,
    );
  } else lines.push(`  submit: bash ${shellQuote(`${rel}/submit.sh`)} (or add --submit)`);
  lines.push(
    `  status: ${commandLine(['slurm', '--status', rel])}`,
    `  failed shards alone: ${commandLine(['slurm', '--resubmit', rel])}`,
    `  result: ${rel}/${MERGED}/, then: ${commandLine(['report', `${rel}/${MERGED}`])}`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

/** The yargs definition of `regiosim slurm`, registered in cli/regiosim.ts. */
export const slurmCommandModule: CommandModule = {
  ...COMMANDS.slurm,
  builder: (y: Argv) =>
    y
      .positional('scenarios', {
        type: 'string',
        array: true,
        describe: 'one experiment file, or scenario files, library names or built-ins (as for regiosim batch)',
      })
      .option('shards', {
        type: 'number',
        describe: 'number of shards = array tasks (each runs a contiguous block of runs)',
      })
      .option('runs', { type: 'number', describe: "replicates per scenario (default: the experiment's, or 10)" })
      .option('seed', { type: 'number', describe: "master seed (default: the experiment's, or 1)" })
      .option('series', {
        choices: ['yearly', 'monthly', 'none'] as const,
        default: 'yearly' as const,
        describe: 'region series written to series.csv',
      })
      .option('municipalities', {
        choices: MUNICIPALITY_MODES,
        default: 'end' as const,
        describe: 'per-municipality tables, as for regiosim batch (end, yearly, none)',
      })
      .option('format', {
        choices: OUTPUT_FORMATS,
        default: 'csv' as const,
        describe: 'table files of the merged batch: csv, parquet or both (shards keep CSV; merge writes Parquet)',
      })
      .option('partition', { type: 'string', describe: 'SLURM partition (sbatch --partition)' })
      .option('time', { type: 'string', describe: 'time limit per array task, e.g. 02:00:00 (sbatch --time)' })
      .option('cpus', {
        type: 'number',
        default: 1,
        describe: 'cores per array task (--cpus-per-task; the shard runs that many threads)',
      })
      .option('mem', { type: 'string', describe: 'memory per array task, e.g. 4G (sbatch --mem)' })
      .option('account', { type: 'string', describe: 'SLURM account (sbatch --account)' })
      .option('max-parallel', { type: 'number', describe: 'at most this many array tasks at once (--array=1-n%k)' })
      .option('sbatch', {
        type: 'string',
        array: true,
        describe: 'another sbatch option for both jobs, e.g. --sbatch=--qos=short',
      })
      .option('node', {
        type: 'string',
        describe: `the Node binary the jobs run (default: this one, ${process.execPath})`,
      })
      .option('out', {
        type: 'string',
        default: 'out/slurm',
        describe: 'the job folder: scripts, shards/, merged/, logs/',
      })
      .option('submit', { type: 'boolean', default: false, describe: 'submit with sbatch and print the job ids' })
      .option('status', { type: 'string', describe: 'report on the job folder DIR: every shard and the merge job' })
      .option('resubmit', {
        type: 'string',
        describe: 'submit the failed or missing shards of DIR again (they resume), with a new merge job',
      })
      .check((a) => {
        if (a.status !== undefined || a.resubmit !== undefined) {
          if (a.status !== undefined && a.resubmit !== undefined) return 'give --status or --resubmit, not both';
          if ((a.scenarios as string[] | undefined)?.length || a.shards !== undefined)
            return '--status and --resubmit take only the job folder';
          return true;
        }
        if (a.shards === undefined) return '--shards n is required (the number of array tasks)';
        for (const [k, v, min] of [
          ['shards', a.shards, 1],
          ['runs', a.runs, 1],
          ['seed', a.seed, 0],
          ['cpus', a.cpus, 1],
          ['max-parallel', a.maxParallel, 1],
        ] as const)
          if (v !== undefined && !(typeof v === 'number' && Number.isSafeInteger(v) && v >= min))
            return `--${k}: ${v} is not allowed; allowed: a whole number ≥ ${min}`;
        return true;
      }),
  handler: (raw) => {
    const a = raw as unknown as {
      scenarios?: string[];
      shards?: number;
      runs?: number;
      seed?: number;
      series: SeriesMode;
      municipalities: MunicipalityMode;
      format: OutputFormat;
      partition?: string;
      time?: string;
      cpus: number;
      mem?: string;
      account?: string;
      maxParallel?: number;
      sbatch?: string[];
      node?: string;
      out: string;
      submit: boolean;
      status?: string;
      resubmit?: string;
    };
    try {
      if (a.status !== undefined) {
        process.stdout.write(statusMessage(slurmStatus(a.status), a.status));
        process.exitCode = 0;
        return;
      }
      if (a.resubmit !== undefined) {
        const r = resubmit(a.resubmit);
        process.stdout.write(statusMessage(r.status, a.resubmit));
        process.stdout.write(`${r.lines.map((l) => `regiosim slurm --resubmit: ${l}`).join('\n')}\n`);
        process.exitCode = 0;
        return;
      }
      process.exitCode = slurmCommand({
        refs: a.scenarios ?? [],
        shards: a.shards!,
        runs: a.runs,
        seed: a.seed,
        series: a.series,
        municipalities: a.municipalities,
        format: a.format,
        out: a.out,
        node: a.node,
        submit: a.submit,
        resources: {
          partition: a.partition,
          time: a.time,
          cpus: a.cpus,
          mem: a.mem,
          account: a.account,
          maxParallel: a.maxParallel,
          extra: a.sbatch ?? [],
        },
      });
    } catch (e) {
      process.exitCode = commandFailure('slurm', e, [BatchError]);
    }
  },
};
