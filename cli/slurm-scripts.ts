/**
 * The scripts of a `regiosim slurm` job folder: shard.sbatch (the job array), merge.sbatch and
 * submit.sh. Every value put into them is checked (no control characters: a line break would be a
 * new shell line) and quoted twice over: for bash (single quotes) and, in #SBATCH lines, for
 * sbatch's own parser (double quotes with backslash escapes; `%` doubled where SLURM expands it).
 */
import type { MunicipalityMode } from '../workers/municipality-table.js';
import type { OutputFormat } from '../workers/parquet-export.js';
import { controlCharacter } from './options.js';
import { BatchError } from '../workers/batch-error.js';
import type { SeriesMode } from '../workers/protocol.js';

/** Resources of each array task (the merge job gets one CPU and the same partition, time, memory and account). */
export interface SlurmResources {
  partition?: string;
  time?: string;
  cpus: number;
  mem?: string;
  account?: string;
  /** At most this many array tasks at once (`--array=1-n%k`). */
  maxParallel?: number;
  /** More sbatch options, one per #SBATCH line (e.g. --qos=short). */
  extra: string[];
}

/** DIR/job.json: what `regiosim slurm` planned; --status and --resubmit read it. */
export interface SlurmJob {
  tool: 'regiosim';
  kind: 'slurm-job';
  version: string;
  createdAt: string;
  /** The job folder (absolute). */
  dir: string;
  experiment: string;
  shards: number;
  totalRuns: number;
  points: number;
  replicates: number;
  masterSeed: number;
  series: SeriesMode;
  /** Absent in jobs written before the municipality tables (their shards wrote none). */
  municipalities?: MunicipalityMode;
  format?: OutputFormat;
  planHash: string;
  /** The batch's references as the scripts pass them (files made absolute). */
  refs: string[];
  resources: SlurmResources;
  /** The Node binary and the regiosim CLI the scripts run. */
  node: string;
  regiosim: string;
}

export const JOB_FILE = 'job.json';
export const JOBS_TSV = 'jobs.tsv';
export const SHARDS = 'shards';
export const MERGED = 'merged';
export const LOGS = 'logs';
/** The scripts of a job folder. */
export const SCRIPT_FILES = ['shard.sbatch', 'merge.sbatch', 'submit.sh'] as const;

/** Single-quotes a word for bash. */
export const shq = (s: string): string => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/**
 * Quotes a value for an #SBATCH line. sbatch reads these lines itself, not bash: it splits at spaces,
 * removes quotes, takes backslash as an escape and an unquoted # as the start of a comment.
 */
export const sbq = (s: string): string => (/^[\w@%+=:,./-]+$/.test(s) ? s : `"${s.replace(/[\\"]/g, '\\$&')}"`);

/** A path in --output, where SLURM expands %A, %a and %j: a literal % is written %%. */
const literalPercent = (s: string) => s.replace(/%/g, '%%');

/**
 * Checks every value the scripts are made of: a control character (a line break above all) would
 * end a comment or #SBATCH line and start a shell command. A backslash in the folder is refused
 * too: SLURM reads it in --output as "do not expand %A", so the logs would be misnamed.
 * @throws BatchError naming the value and the rule
 */
export function checkScriptValues(job: SlurmJob): void {
  const values: Array<[string, string]> = [
    ['--out (the job folder)', job.dir],
    ['--node', job.node],
    ['the regiosim program path', job.regiosim],
    ['the experiment name', job.experiment],
    ['the version', job.version],
    ...job.refs.map((r, k): [string, string] => [`scenario ${k + 1}`, r]),
  ];
  for (const [what, v] of values) {
    const control = controlCharacter(v);
    if (control)
      throw new BatchError(
        `${what} ${JSON.stringify(v)} contains ${control}; allowed: text without control characters (it goes into shell scripts)`,
      );
  }
  if (job.dir.includes('\\'))
    throw new BatchError(
      `--out (the job folder) ${JSON.stringify(job.dir)} contains a backslash; allowed: a folder path without backslashes (SLURM reads them in log file names)`,
    );
}

/** Checks the resource options (they become #SBATCH lines, so no line breaks or stray characters). */
export function checkResources(r: SlurmResources): void {
  const bad = (opt: string, v: string, allowed: string) => {
    throw new BatchError(`--${opt} ${controlCharacter(v) ? JSON.stringify(v) : v} is not allowed; allowed: ${allowed}`);
  };
  if (r.partition !== undefined && !/^[\w.-]+(,[\w.-]+)*$/.test(r.partition))
    bad('partition', r.partition, 'a partition name, or several separated by commas');
  if (r.account !== undefined && !/^[\w.-]+$/.test(r.account)) bad('account', r.account, 'an account name');
  if (r.time !== undefined && !/^(\d+-\d{1,2}(:\d{1,2}){0,2}|\d+(:\d{1,2}){0,2})$/.test(r.time))
    bad('time', r.time, 'a SLURM time: minutes, MM:SS, HH:MM:SS, D-HH, D-HH:MM or D-HH:MM:SS');
  if (r.mem !== undefined && !/^\d+[KMGT]?$/i.test(r.mem)) bad('mem', r.mem, 'memory per task, e.g. 4G or 4000M');
  if (!Number.isSafeInteger(r.cpus) || r.cpus < 1) bad('cpus', String(r.cpus), 'a whole number ≥ 1');
  if (r.maxParallel !== undefined && (!Number.isSafeInteger(r.maxParallel) || r.maxParallel < 1))
    bad('max-parallel', String(r.maxParallel), 'a whole number ≥ 1');
  for (const o of r.extra)
    if (!/^--?[\w-]+(=.*)?$/s.test(o) || controlCharacter(o))
      bad(
        'sbatch',
        o,
        'one sbatch option per --sbatch, written as --name=value without control characters, e.g. --sbatch=--qos=short',
      );
}

/** The #SBATCH lines for the resources shared by both jobs. */
function resourceLines(r: SlurmResources, cpus: number): string[] {
  return [
    '#SBATCH --ntasks=1',
    `#SBATCH --cpus-per-task=${cpus}`,
    ...(r.mem ? [`#SBATCH --mem=${r.mem}`] : []),
    ...(r.time ? [`#SBATCH --time=${r.time}`] : []),
    ...(r.partition ? [`#SBATCH --partition=${r.partition}`] : []),
    ...(r.account ? [`#SBATCH --account=${r.account}`] : []),
    ...r.extra.map((o) => `#SBATCH ${sbatchOption(o)}`),
  ];
}

/** An --sbatch option on its #SBATCH line: the value quoted, so that it stays one option. */
function sbatchOption(o: string): string {
  const eq = o.indexOf('=');
  return eq < 0 ? o : `${o.slice(0, eq)}=${sbq(o.slice(eq + 1))}`;
}

const jobName = (job: SlurmJob) => `regiosim-${job.experiment.replace(/[^\w.-]+/g, '-').slice(0, 40) || 'batch'}`;

/** `--array` value for indices, with the throttle. */
export function arraySpec(indices: string, maxParallel?: number): string {
  return maxParallel ? `${indices}%${maxParallel}` : indices;
}

/** Array indices as SLURM writes them: 1-3 for a run of consecutive indices, else 2,5,7. */
export function compactIndices(indices: number[]): string {
  const s = [...new Set(indices)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < s.length; ) {
    let j = i;
    while (j + 1 < s.length && s[j + 1] === s[j] + 1) j++;
    parts.push(j > i ? `${s[i]}-${s[j]}` : `${s[i]}`);
    i = j + 1;
  }
  return parts.join(',');
}

/** The three scripts of a job folder. */
export function slurmScripts(job: SlurmJob): { shard: string; merge: string; submit: string } {
  checkScriptValues(job);
  const r = job.resources;
  const n = job.shards;
  const dir = job.dir;
  const width = String(n).length;
  const head = (what: string) => [
    '#!/bin/bash',
    `# ${what}`,
    `# Written by \`regiosim slurm\` (regiosim ${job.version}) for ${job.experiment}: ${job.points} point${job.points === 1 ? '' : 's'} × ${job.replicates} replicates = ${job.totalRuns} runs, master seed ${job.masterSeed}, ${n} shards.`,
    '# Module-free: one Node binary (REGIOSIM_NODE overrides it) and the built project. See docs/SLURM.md.',
  ];
  const batchArgs = [
    ...job.refs.map(shq),
    '--runs',
    String(job.replicates),
    '--seed',
    String(job.masterSeed),
    '--series',
    job.series,
    // Only when not the default, so scripts of earlier jobs read the same.
    ...((job.municipalities ?? 'none') === 'end' ? [] : ['--municipalities', job.municipalities ?? 'none']),
    ...((job.format ?? 'csv') === 'csv' ? [] : ['--format', job.format!]),
  ].join(' ');
  const shard = [
    ...head(
      'Job array: task i runs shard i/n of the batch (its contiguous block of runs) with the cores it was given; a task that runs again resumes its shard.',
    ),
    `#SBATCH --job-name=${jobName(job)}`,
    `#SBATCH --array=${arraySpec(`1-${n}`, r.maxParallel)}`,
    ...resourceLines(r, r.cpus),
    `#SBATCH --output=${sbq(`${literalPercent(dir)}/${LOGS}/shard-%a.%A.out`)}`,
    `#SBATCH --chdir=${sbq(dir)}`,
    'set -euo pipefail',
    `NODE=\${REGIOSIM_NODE:-${shq(job.node)}}`,
    `REGIOSIM=${shq(job.regiosim)}`,
    `N=${n}`,
    `i=\${SLURM_ARRAY_TASK_ID:?submit this script with sbatch: it is a job array}`,
    `threads=\${SLURM_CPUS_PER_TASK:-1}`,
    `printf -v out '%s/shard-%0${width}d-of-%d' ${shq(`${dir}/${SHARDS}`)} "$i" "$N"`,
    'resume=',
    'if [ -f "$out/manifest.json" ]; then',
    '  resume=--resume # run again (resubmitted, requeued): go on where the shard stopped',
    'elif [ -d "$out" ]; then',
    '  rm -f "$out/runs.csv" "$out/series.csv" "$out/municipalities.csv" "$out/municipality-series.csv" # killed before it wrote its manifest: start the shard over',
    'fi',
    `echo "regiosim shard $i/$N on $(hostname) with $threads cores into $out\${resume:+ (resuming)}"`,
    'rc=0',
    `"$NODE" "$REGIOSIM" batch ${batchArgs} \\`,
    `  --shard "$i/$N" --threads "$threads" --quiet --out "$out" \${resume:+--resume} || rc=$?`,
    '# Exit 1 with every run done means runs failed inside the model (status error in runs.csv): the shard',
    '# is complete, as the same runs on one machine would be, so the merge may go ahead.',
    'if [ "$rc" = 1 ] && "$NODE" -e \'const m=require(process.argv[1]);process.exit(m.counts.done===m.counts.total&&!m.error?0:1)\' "$out/manifest.json"; then',
    '  echo "shard $i/$N complete; some runs failed inside the model (status error in runs.csv)"',
    '  rc=0',
    'fi',
    'exit "$rc"',
    '',
  ].join('\n');
  const merge = [
    ...head(
      'Merge job: submitted with --dependency=afterok:<array job>, so it runs once every shard succeeded; merges the shards into merged/ (never a partial result).',
    ),
    `#SBATCH --job-name=${jobName(job)}-merge`,
    ...resourceLines(r, 1),
    `#SBATCH --output=${sbq(`${literalPercent(dir)}/${LOGS}/merge.%j.out`)}`,
    `#SBATCH --chdir=${sbq(dir)}`,
    'set -euo pipefail',
    `NODE=\${REGIOSIM_NODE:-${shq(job.node)}}`,
    `REGIOSIM=${shq(job.regiosim)}`,
    `exec "$NODE" "$REGIOSIM" merge ${shq(`${dir}/${SHARDS}`)} --out ${shq(`${dir}/${MERGED}`)}`,
    '',
  ].join('\n');
  const submit = [
    '#!/bin/bash',
    '# Submits the job array and the merge job that waits for it (what `regiosim slurm ... --submit` does),',
    `# and records the job ids in ${JOBS_TSV} for \`regiosim slurm --status/--resubmit\`.`,
    'set -euo pipefail',
    `cd ${shq(dir)}`,
    `array=$(sbatch --parsable shard.sbatch); array=\${array%%;*}`,
    `merge=$(sbatch --parsable --dependency=afterok:"$array" merge.sbatch); merge=\${merge%%;*}`,
    `printf '%s\\t%s\\t%s\\t%s\\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$array" "$merge" 1-${n} >> ${JOBS_TSV}`,
    `echo "submitted: array job $array (shards 1-${n}), merge job $merge (afterok:$array)"`,
    '',
  ].join('\n');
  return { shard, merge, submit };
}
