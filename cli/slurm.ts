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
import { spawnSync } from 'node:child_process';
import { appendFileSync, chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { loadNationalData } from '../data/load.js';
import type { BatchManifest } from '../workers/batch-manifest.js';
import { planFingerprint } from '../workers/batch-manifest.js';
import type { SeriesMode } from '../workers/protocol.js';
import { BatchError } from '../workers/resume.js';
import { checkShardCount, type RunRange, runsText, shardFolderName, shardRange } from '../workers/shard.js';
import { buildPlan } from './batch.js';
import {
  arraySpec,
  checkResources,
  checkScriptValues,
  compactIndices,
  JOB_FILE,
  JOBS_TSV,
  LOGS,
  MERGED,
  SHARDS,
  type SlurmJob,
  type SlurmResources,
  slurmScripts,
} from './slurm-scripts.js';

export {
  arraySpec,
  checkResources,
  compactIndices,
  shq,
  type SlurmJob,
  type SlurmResources,
  slurmScripts,
} from './slurm-scripts.js';
import { packageVersion, projectRoot } from './manifest.js';

/** One line of DIR/jobs.tsv. */
export interface Submission {
  at: string;
  arrayJob: string;
  mergeJob: string;
  /** The array indices submitted (`1-3`, `2,5`). */
  indices: string;
}

export interface SlurmArgs {
  refs: string[];
  shards: number;
  runs?: number;
  seed?: number;
  series: SeriesMode;
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
    planHash: planFingerprint(plan, args.series),
    refs,
    resources: args.resources,
    node: args.node ?? process.execPath,
    regiosim,
  };
  checkScriptValues(job); // before any folder is made
  mkdirSync(join(dir, SHARDS), { recursive: true });
  mkdirSync(join(dir, LOGS), { recursive: true });
  const s = slurmScripts(job);
  writeFileSync(join(dir, 'shard.sbatch'), s.shard);
  writeFileSync(join(dir, 'merge.sbatch'), s.merge);
  writeFileSync(join(dir, 'submit.sh'), s.submit);
  chmodSync(join(dir, 'submit.sh'), 0o755);
  writeFileSync(join(dir, JOB_FILE), `${JSON.stringify(job, null, 2)}\n`);
  return job;
}

export function readSlurmJob(dir: string): SlurmJob {
  const file = join(dir, JOB_FILE);
  if (!existsSync(file))
    throw new BatchError(
      `${dir} is not a regiosim slurm job folder (no ${JOB_FILE}); make one with regiosim slurm <experiment> --shards n --out ${dir}`,
    );
  const job = JSON.parse(readFileSync(file, 'utf8')) as SlurmJob;
  if (job.tool !== 'regiosim' || job.kind !== 'slurm-job') throw new BatchError(`${file} is not a regiosim slurm job`);
  return job;
}

export function readSubmissions(dir: string): Submission[] {
  const file = join(dir, JOBS_TSV);
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const [at, arrayJob, mergeJob, indices] = l.split('\t');
      return { at, arrayJob, mergeJob, indices };
    });
}

/** Array indices from `1-3,5` (the throttle `%k` ignored). */
export function expandIndices(spec: string): number[] {
  const out: number[] = [];
  for (const part of spec.split('%')[0].split(',')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
    if (!m) continue;
    for (let i = Number(m[1]); i <= Number(m[2] ?? m[1]); i++) out.push(i);
  }
  return out;
}

// --- talking to SLURM --------------------------------------------------------------------------

interface Cmd {
  ok: boolean;
  out: string;
  err: string;
  /** The command is not installed. */
  missing: boolean;
}

function sh(cmd: string, args: string[]): Cmd {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  const missing = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
  return { ok: r.status === 0, out: r.stdout ?? '', err: (r.stderr ?? '') || (r.error?.message ?? ''), missing };
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
export interface JobState {
  state: string;
  exitCode?: string;
  reason?: string;
}

const ACTIVE = new Set([
  'PENDING',
  'RUNNING',
  'CONFIGURING',
  'COMPLETING',
  'SUSPENDED',
  'REQUEUED',
  'RESIZING',
  'STAGE_OUT',
  'SIGNALING',
]);
export const isActive = (s: JobState | undefined): boolean => s !== undefined && ACTIVE.has(s.state);

/**
 * The states of jobs and array tasks (keys `123` and `123_4`): squeue for queued and running ones
 * (authoritative), then sacct (needs accounting storage), else scontrol (finished jobs for MinJobAge).
 */
export function jobStates(ids: string[]): Map<string, JobState> {
  const states = new Map<string, JobState>();
  if (ids.length === 0) return states;
  const list = [...new Set(ids)].join(',');
  const put = (key: string, s: JobState, over: boolean) => {
    if (over || !states.has(key)) states.set(key, s);
  };
  const sacct = sh('sacct', ['-n', '-P', '-X', '-j', list, '--format=JobID,State,ExitCode']);
  if (sacct.ok)
    for (const line of sacct.out.split('\n')) {
      const [id, state, exitCode] = line.trim().split('|');
      if (id && /^\d+(_\d+)?$/.test(id) && state) put(id, { state: state.split(' ')[0], exitCode }, true);
    }
  for (const id of new Set(ids)) {
    const sc = sh('scontrol', ['show', 'job', '-o', id]);
    if (!sc.ok) continue;
    for (const line of sc.out.split('\n')) {
      const f = Object.fromEntries(
        line
          .split(' ')
          .map((kv) => kv.split('='))
          .filter((kv) => kv.length >= 2)
          .map(([k, ...v]) => [k, v.join('=')]),
      );
      if (!f.JobId || !f.JobState) continue;
      const key =
        f.ArrayJobId && /^\d+$/.test(f.ArrayTaskId ?? '')
          ? `${f.ArrayJobId}_${f.ArrayTaskId}`
          : f.ArrayJobId
            ? ''
            : f.JobId;
      if (key) put(key, { state: f.JobState, exitCode: f.ExitCode, reason: f.Reason }, false);
    }
  }
  const sq = sh('squeue', ['-h', '-r', '-j', list, '-o', '%i|%T|%r']);
  if (sq.ok)
    for (const line of sq.out.split('\n')) {
      const [id, state, reason] = line.trim().split('|');
      if (id && /^\d+(_\d+)?$/.test(id) && state) put(id, { state, reason }, true);
    }
  return states;
}

// --- status ------------------------------------------------------------------------------------

export type ShardState = 'done' | 'running' | 'queued' | 'failed' | 'not submitted';

export interface ShardStatus {
  index: number;
  runs: RunRange;
  state: ShardState;
  detail: string;
}

export interface JobStatus {
  job: SlurmJob;
  shards: ShardStatus[];
  merge: { state: 'done' | 'waiting' | 'running' | 'failed' | 'not submitted'; detail: string };
  submissions: Submission[];
  /** Shards to submit again (failed or never submitted). */
  toResubmit: number[];
  /** Array jobs that still have queued or running tasks. */
  activeArrays: string[];
  /** The latest merge job, when it is still queued or running. */
  activeMerge?: { id: string; state: string };
}

/** Rows in a shard's runs.csv (the manifest is final only at the end; the rows show progress). */
function rowsWritten(path: string): number {
  if (!existsSync(path)) return 0;
  const data = readFileSync(path);
  let lines = 0;
  for (let at = data.indexOf(10); at >= 0; at = data.indexOf(10, at + 1)) lines++;
  return Math.max(0, lines - 1);
}

function readShardManifest(path: string): BatchManifest | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as BatchManifest;
  } catch {
    return undefined;
  }
}

export function slurmStatus(dirArg: string): JobStatus {
  const job = readSlurmJob(dirArg);
  const dir = resolve(dirArg);
  const submissions = readSubmissions(dir);
  const states = jobStates(submissions.flatMap((s) => [s.arrayJob, s.mergeJob].filter(Boolean)));
  const shards: ShardStatus[] = [];
  const activeArrays = new Set<string>();
  for (let i = 1; i <= job.shards; i++) {
    const runs = shardRange(job.totalRuns, { index: i, count: job.shards });
    const folder = join(dir, SHARDS, shardFolderName(i, job.shards));
    const m = readShardManifest(join(folder, 'manifest.json'));
    const last = [...submissions].reverse().find((s) => expandIndices(s.indices).includes(i));
    const task = last ? `${last.arrayJob}_${i}` : undefined;
    const st = task ? states.get(task) : undefined;
    const log = last ? relative(process.cwd(), join(dir, LOGS, `shard-${i}.${last.arrayJob}.out`)) || '.' : undefined;
    const written = rowsWritten(join(folder, 'runs.csv'));
    const progress = written > 0 ? `${written}/${runs.to - runs.from} runs written` : 'no runs written';
    if (m && m.planHash !== job.planHash) {
      shards.push({
        index: i,
        runs,
        state: 'failed',
        detail: `${folder} holds another plan (fingerprint ${m.planHash}): delete it and resubmit`,
      });
      continue;
    }
    if (m && m.counts.done === m.counts.total && (m.status === 'complete' || m.status === 'failed') && !m.error) {
      const failed = m.counts.failed ? `, ${m.counts.failed} failed inside the model (status error in runs.csv)` : '';
      shards.push({ index: i, runs, state: 'done', detail: `${m.counts.ok} ok${failed}` });
      continue;
    }
    if (isActive(st)) {
      activeArrays.add(last!.arrayJob);
      shards.push({
        index: i,
        runs,
        state: st!.state === 'PENDING' ? 'queued' : 'running',
        detail: `array task ${task} ${st!.state}${st!.reason && st!.reason !== 'None' ? ` (${st!.reason})` : ''}; ${progress}`,
      });
      continue;
    }
    if (!last) {
      shards.push({ index: i, runs, state: 'not submitted', detail: progress });
      continue;
    }
    const slurm = st
      ? `array task ${task} ${st.state}${st.exitCode ? ` exit ${st.exitCode}` : ''}`
      : `array task ${task}: SLURM no longer reports it`;
    const why = m ? `status ${m.status}${m.error ? ` (${m.error})` : ''}` : 'no manifest';
    shards.push({ index: i, runs, state: 'failed', detail: `${slurm}; ${progress}, ${why}; log ${log}` });
  }
  const lastSub = submissions[submissions.length - 1];
  const mergedManifest = join(dir, MERGED, 'manifest.json');
  let merge: JobStatus['merge'];
  let activeMerge: JobStatus['activeMerge'];
  const ms = lastSub?.mergeJob ? states.get(lastSub.mergeJob) : undefined;
  if (existsSync(mergedManifest)) merge = { state: 'done', detail: `merged into ${join(dir, MERGED)}` };
  else if (!lastSub?.mergeJob) merge = { state: 'not submitted', detail: 'no merge job submitted' };
  else if (isActive(ms)) {
    activeMerge = { id: lastSub.mergeJob, state: ms!.state };
    merge = {
      state: ms!.state === 'PENDING' ? 'waiting' : 'running',
      detail: `merge job ${lastSub.mergeJob} ${ms!.state}${ms!.reason && ms!.reason !== 'None' ? ` (${ms!.reason})` : ''}`,
    };
  } else
    merge = {
      state: 'failed',
      detail: `merge job ${lastSub.mergeJob} ${ms ? `${ms.state}${ms.reason && ms.reason !== 'None' ? ` (${ms.reason})` : ''}` : 'is gone'} and ${MERGED}/ does not exist; log ${relative(process.cwd(), join(dir, LOGS, `merge.${lastSub.mergeJob}.out`))}`,
    };
  const toResubmit = shards.filter((s) => s.state === 'failed' || s.state === 'not submitted').map((s) => s.index);
  return { job, shards, merge, submissions, toResubmit, activeArrays: [...activeArrays], activeMerge };
}

export function statusMessage(s: JobStatus, dirArg: string): string {
  const j = s.job;
  const count = (st: ShardState) => s.shards.filter((x) => x.state === st).length;
  const lines = [
    `regiosim slurm status: ${dirArg}: ${j.experiment}, ${j.totalRuns} runs in ${j.shards} shards; ${count('done')} done, ${count('running')} running, ${count('queued')} queued, ${count('failed')} failed, ${count('not submitted')} not submitted`,
    ...s.shards.map((x) => `  shard ${x.index}/${j.shards} (${runsText(x.runs)}): ${x.state}: ${x.detail}`),
    `  merge: ${s.merge.state}: ${s.merge.detail}`,
  ];
  if (s.merge.state !== 'done' && s.toResubmit.length)
    lines.push(
      `  resubmit ${s.toResubmit.length === 1 ? `shard ${s.toResubmit[0]} alone (it resumes)` : `shards ${compactIndices(s.toResubmit)} alone (they resume)`} and a new merge job: regiosim slurm --resubmit ${dirArg}`,
    );
  else if (s.merge.state === 'failed' && s.shards.every((x) => x.state === 'done'))
    lines.push(`  every shard is done: submit the merge job again with regiosim slurm --resubmit ${dirArg}`);
  return `${lines.join('\n')}\n`;
}

/** Submits the whole job (array 1-n, merge afterok) and records it in jobs.tsv. */
export function submitJob(job: SlurmJob, indices?: number[]): Submission {
  const dir = job.dir;
  const spec = indices ? compactIndices(indices) : `1-${job.shards}`;
  const arrayArgs = indices ? [`--array=${arraySpec(spec, job.resources.maxParallel)}`] : [];
  const arrayJob = sbatch([...arrayArgs, join(dir, 'shard.sbatch')]);
  const mergeJob = sbatch([`--dependency=afterok:${arrayJob}`, join(dir, 'merge.sbatch')]);
  return record(dir, { at: new Date().toISOString(), arrayJob, mergeJob, indices: spec });
}

function record(dir: string, s: Submission): Submission {
  appendFileSync(join(dir, JOBS_TSV), `${s.at}\t${s.arrayJob}\t${s.mergeJob}\t${s.indices}\n`);
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
  } else lines.push(`  submit: bash ${rel}/submit.sh (or add --submit)`);
  lines.push(
    `  status: regiosim slurm --status ${rel}; failed shards alone: regiosim slurm --resubmit ${rel}; result: ${rel}/${MERGED}/`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

/** The yargs definition of `regiosim slurm`, registered in cli/regiosim.ts. */
export const slurmCommandModule: CommandModule = {
  command: 'slurm [scenarios..]',
  describe:
    'Write (and --submit) a SLURM job array of batch shards plus a merge job; --status and --resubmit for failed shards',
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
      if (!(e instanceof BatchError)) throw e;
      process.stderr.write(`regiosim slurm: ${e.message}\n`);
      process.exitCode = 2;
    }
  },
};
