/**
 * What `regiosim slurm --status` reports: the job folder's plan and submissions, what SLURM says of
 * each job (squeue, sacct, scontrol) and what each shard folder holds.
 */
import { commandLine } from '../workers/command-line.js';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readJsonFile, readRegularText } from '../store/read.js';
import { forEachLine } from '../workers/csv-lines.js';
import { join, relative, resolve } from 'node:path';
import type { BatchManifest } from '../workers/batch-manifest.js';
import { BatchError } from '../workers/batch-error.js';
import { type RunRange, runsText, shardFolderName, shardRange } from '../workers/shard.js';
import { compactIndices, JOB_FILE, JOBS_TSV, LOGS, MERGED, SHARDS, type SlurmJob } from './slurm-scripts.js';

export interface Submission {
  at: string;
  arrayJob: string;
  mergeJob: string;
  /** The array indices submitted (`1-3`, `2,5`). */
  indices: string;
}

export function readSlurmJob(dir: string): SlurmJob {
  const file = join(dir, JOB_FILE);
  if (!existsSync(file))
    throw new BatchError(
      `${dir} is not a regiosim slurm job folder (no ${JOB_FILE}); make one with ${commandLine(['slurm', '<experiment>', '--shards', 'n', '--out', dir])}`,
    );
  const job = readJsonFile(file) as SlurmJob | null;
  if (!job || typeof job !== 'object' || job.tool !== 'regiosim' || job.kind !== 'slurm-job')
    throw new BatchError(`${file} is not a regiosim slurm job`);
  return job;
}

export function readSubmissions(dir: string): Submission[] {
  const file = join(dir, JOBS_TSV);
  if (!existsSync(file)) return [];
  return readRegularText(file, 64 * 1024 * 1024)
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

export interface Cmd {
  ok: boolean;
  out: string;
  err: string;
  /** The command is not installed. */
  missing: boolean;
}

export function sh(cmd: string, args: string[]): Cmd {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  const missing = (r.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';
  return { ok: r.status === 0, out: r.stdout ?? '', err: (r.stderr ?? '') || (r.error?.message ?? ''), missing };
}

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
  let lines = 0;
  forEachLine(path, () => {
    lines++;
    return true;
  });
  return Math.max(0, lines - 1);
}

function readShardManifest(path: string): BatchManifest | undefined {
  try {
    return readJsonFile(path) as BatchManifest;
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
      `  resubmit ${s.toResubmit.length === 1 ? `shard ${s.toResubmit[0]} alone (it resumes)` : `shards ${compactIndices(s.toResubmit)} alone (they resume)`} and a new merge job: ${commandLine(['slurm', '--resubmit', dirArg])}`,
    );
  else if (s.merge.state === 'failed' && s.shards.every((x) => x.state === 'done'))
    lines.push(`  every shard is done: submit the merge job again with ${commandLine(['slurm', '--resubmit', dirArg])}`);
  return `${lines.join('\n')}\n`;
}

/** Submits the whole job (array 1-n, merge afterok) and records it in jobs.tsv. */
