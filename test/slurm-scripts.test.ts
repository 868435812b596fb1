/**
 * `regiosim slurm` without a cluster: the generated sbatch scripts (array range, resources, threads,
 * dependency), --submit/--status/--resubmit against stand-in sbatch/squeue/sacct/scontrol/scancel
 * commands that log their arguments, and the scripts themselves run by bash with the environment
 * SLURM gives an array task (including a resumed shard), merged and compared with one machine's batch.
 * test/slurm.test.ts runs the same scripts on a real SLURM cluster.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { arraySpec, compactIndices, expandIndices, shq } from '../cli/slurm.js';
import { read, snapshotCli, tempDir } from './batch-helpers.js';

const work = tempDir('slurm-scripts');
const small = join(work, 'small.yaml');
const big = join(work, 'small big.yaml'); // a space: the scripts must quote paths
writeFileSync(
  small,
  'name: small\nregion: { res: Drenthe }\nlevers: { poolForm: flexpool, initialStaff: 4 }\nhorizon: 24\n',
);
writeFileSync(
  big,
  'name: small-big\nregion: { res: Drenthe }\nlevers: { poolForm: flexpool, initialStaff: 10 }\nhorizon: 24\n',
);
const plan = [small, big, '--runs', '6', '--seed', '5'];

// Stand-ins for the SLURM commands: log every call, answer from FAKE_* variables, number jobs from 101.
const bin = join(work, 'bin');
const log = join(work, 'calls.log');
mkdirSync(bin);
const fake = `#!/bin/bash
name=$(basename "$0")
echo "$name $*" >> "${log}"
case "$name" in
  sbatch) n=$(cat "${bin}/next" 2>/dev/null || echo 101); echo $((n + 1)) > "${bin}/next"; echo "$n;cluster" ;;
  squeue) printf '%b' "\${FAKE_SQUEUE:-}" ;;
  sacct) if [ -n "\${FAKE_SACCT:-}" ]; then printf '%b' "$FAKE_SACCT"; else echo "Slurm accounting storage is disabled" >&2; exit 1; fi ;;
  scontrol) exit 1 ;;
  scancel) exit 0 ;;
esac
`;
for (const name of ['sbatch', 'squeue', 'sacct', 'scontrol', 'scancel']) {
  writeFileSync(join(bin, name), fake);
  chmodSync(join(bin, name), 0o755);
}

function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [snapshotCli(), ...args], {
    encoding: 'utf8',
    env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
const calls = () => (existsSync(log) ? readFileSync(log, 'utf8').trimEnd().split('\n') : []);
const clearCalls = () => writeFileSync(log, '');

/** Runs a generated script as SLURM would (bash, with the array task's variables). */
function runScript(file: string, env: Record<string, string>) {
  const r = spawnSync('bash', [file], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

let single: string;
beforeAll(() => {
  single = join(work, 'single');
  const r = cli(['batch', ...plan, '--quiet', '--threads', '2', '--out', single]);
  expect(r.code).toBe(0);
});

describe('regiosim slurm: scripts', () => {
  it('writes a job array with the resources, threads from SLURM_CPUS_PER_TASK, and an afterok merge job', () => {
    const dir = join(work, 'job-res');
    const r = cli([
      'slurm',
      ...plan,
      '--shards',
      '3',
      '--cpus',
      '4',
      '--mem',
      '2G',
      '--time',
      '01:30:00',
      '--partition',
      'short',
      '--account',
      'proj1',
      '--max-parallel',
      '2',
      '--sbatch=--qos=fast',
      '--out',
      dir,
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/2 points × 6 replicates = 12 runs, master seed 5, in 3 shards of 4 runs/);
    expect(r.out).toMatch(
      /job array --array=1-3%2 \(--cpus-per-task=4 --mem=2G --time=01:30:00 --partition=short --account=proj1 --qos=fast\)/,
    );
    const shard = readFileSync(join(dir, 'shard.sbatch'), 'utf8');
    for (const line of [
      '#SBATCH --array=1-3%2',
      '#SBATCH --ntasks=1',
      '#SBATCH --cpus-per-task=4',
      '#SBATCH --mem=2G',
      '#SBATCH --time=01:30:00',
      '#SBATCH --partition=short',
      '#SBATCH --account=proj1',
      '#SBATCH --qos=fast',
      `#SBATCH --output=${dir}/logs/shard-%a.%A.out`,
      `threads=\${SLURM_CPUS_PER_TASK:-1}`,
      'N=3',
      `REGIOSIM=${snapshotCli()}`,
      `NODE=\${REGIOSIM_NODE:-${process.execPath}}`,
    ])
      expect(shard.split('\n')).toContain(line);
    expect(shard).toContain(
      `batch ${small} '${big}' --runs 6 --seed 5 --series yearly \\\n  --shard "$i/$N" --threads "$threads" --quiet --out "$out" \${resume:+--resume}`,
    );
    expect(shard).not.toMatch(/module (load|add)/);
    const merge = readFileSync(join(dir, 'merge.sbatch'), 'utf8').split('\n');
    for (const line of [
      '#SBATCH --cpus-per-task=1',
      '#SBATCH --partition=short',
      '#SBATCH --time=01:30:00',
      '#SBATCH --qos=fast',
    ])
      expect(merge).toContain(line);
    expect(merge).toContain(`exec "$NODE" "$REGIOSIM" merge ${dir}/shards --out ${dir}/merged`);
    expect(merge.join('\n')).not.toContain('--array');
    const submit = readFileSync(join(dir, 'submit.sh'), 'utf8');
    expect(submit).toContain('merge=$(sbatch --parsable --dependency=afterok:"$array" merge.sbatch)');
    const job = JSON.parse(readFileSync(join(dir, 'job.json'), 'utf8'));
    expect(job).toMatchObject({ shards: 3, totalRuns: 12, masterSeed: 5, replicates: 6, refs: [small, big] });
    // The folder is a job now: not overwritten.
    const again = cli(['slurm', ...plan, '--shards', '3', '--out', dir]);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(
      /already holds a SLURM job \(job\.json\): choose another --out, or use --status\/--resubmit/,
    );
  });

  it('refuses bad options with what is allowed', () => {
    const out = join(work, 'never');
    const cases: Array<[string[], RegExp]> = [
      [['--shards', '13'], /13 shards for a batch of 12 runs: .* use at most 12 shards/],
      [['--shards', '0'], /--shards: 0 is not allowed; allowed: a whole number from 1 to/],
      [[], /--shards n is required/],
      [['--shards', '3', '--time', '2 hours'], /--time 2 hours is not allowed; allowed: a SLURM time/],
      [['--shards', '3', '--mem', '4 GB'], /--mem 4 GB is not allowed/],
      [['--shards', '3', '--partition', 'a;rm'], /--partition a;rm is not allowed/],
      [['--shards', '3', '--sbatch', 'qos fast'], /--sbatch qos fast is not allowed/],
    ];
    for (const [args, message] of cases) {
      const r = cli(['slurm', ...plan, ...args, '--out', out]);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.err).toMatch(message);
    }
    expect(existsSync(out)).toBe(false);
  });

  it('--submit runs sbatch for the array, then the merge job with afterok on it, and records the ids', () => {
    const dir = join(work, 'job-submit');
    clearCalls();
    const r = cli(['slurm', ...plan, '--shards', '3', '--out', dir, '--submit']);
    expect(r.code).toBe(0);
    const [a, m] = calls();
    expect(a).toBe(`sbatch --parsable ${dir}/shard.sbatch`);
    const arrayId = Number(r.out.match(/array job (\d+)/)?.[1]);
    expect(m).toBe(`sbatch --parsable --dependency=afterok:${arrayId} ${dir}/merge.sbatch`);
    expect(r.out).toContain(
      `submitted: array job ${arrayId} (tasks 1-3), merge job ${arrayId + 1} (afterok:${arrayId})`,
    );
    expect(read(dir, 'jobs.tsv')).toMatch(new RegExp(`^\\S+\\t${arrayId}\\t${arrayId + 1}\\t1-3\\n$`));
  });

  it('runs as array tasks (bash, SLURM variables), resumes an unfinished shard, and merges to the one-machine files', () => {
    const dir = join(work, 'job-run');
    expect(cli(['slurm', ...plan, '--shards', '3', '--cpus', '2', '--out', dir]).code).toBe(0);
    const task = (i: number) =>
      runScript(join(dir, 'shard.sbatch'), { SLURM_ARRAY_TASK_ID: String(i), SLURM_CPUS_PER_TASK: '2' });
    for (const i of [3, 1, 2]) {
      const r = task(i);
      expect(r.code, r.err).toBe(0);
      expect(r.out).toContain(`regiosim shard ${i}/3 on`);
      expect(r.out).toMatch(/2 threads/);
    }
    // Shard 2 as if killed after two runs: its manifest says running, runs.csv holds two rows.
    const s2 = join(dir, 'shards', 'shard-2-of-3');
    const m = JSON.parse(read(s2, 'manifest.json'));
    writeFileSync(
      join(s2, 'manifest.json'),
      JSON.stringify({ ...m, status: 'running', finishedAt: null, counts: { ...m.counts, done: 2, ok: 2 } }),
    );
    const rows = read(s2, 'runs.csv').split('\n');
    writeFileSync(join(s2, 'runs.csv'), `${rows.slice(0, 3).join('\n')}\n`);
    const premature = runScript(join(dir, 'merge.sbatch'), {});
    expect(premature.code).toBe(1);
    expect(premature.err).toMatch(/shard 2\/3 in .*shard-2-of-3 is incomplete: 2\/4 runs done, status running/);
    const again = task(2);
    expect(again.code, again.err).toBe(0);
    expect(again.out).toMatch(/\(resuming\)/);
    expect(again.out).toMatch(/resumed: 2 runs were already done/);
    const merged = runScript(join(dir, 'merge.sbatch'), {});
    expect(merged.code, merged.err).toBe(0);
    expect(read(join(dir, 'merged'), 'runs.csv')).toBe(read(single, 'runs.csv'));
    expect(read(join(dir, 'merged'), 'series.csv')).toBe(read(single, 'series.csv'));
  });
});

describe('regiosim slurm --status / --resubmit', () => {
  it('finds the failed and missing shards and resubmits only them, resuming, with a new merge job', () => {
    const dir = join(work, 'job-fail');
    expect(cli(['slurm', ...plan, '--shards', '4', '--out', dir]).code).toBe(0);
    // Submission 201 (array) + 202 (merge): task 1 done, task 2 failed, task 3 never wrote anything, task 4 still running.
    writeFileSync(join(dir, 'jobs.tsv'), '2026-01-01T00:00:00Z\t201\t202\t1-4\n');
    expect(runScript(join(dir, 'shard.sbatch'), { SLURM_ARRAY_TASK_ID: '1' }).code).toBe(0);
    const env = {
      FAKE_SQUEUE: '201_4|RUNNING|None\\n202|PENDING|Dependency\\n',
      FAKE_SACCT: '201_1|COMPLETED|0:0\\n201_2|FAILED|1:0\\n201_3|TIMEOUT|0:0\\n201_4|RUNNING|0:0\\n202|PENDING|0:0\\n',
    };
    const status = cli(['slurm', '--status', dir], env);
    expect(status.code).toBe(0);
    const lines = status.out.split('\n');
    expect(lines[0]).toMatch(/4 shards; 1 done, 1 running, 0 queued, 2 failed, 0 not submitted$/);
    expect(lines[1]).toBe('  shard 1/4 (runs 0–2): done: 3 ok');
    expect(lines[2]).toMatch(
      /^ {2}shard 2\/4 \(runs 3–5\): failed: array task 201_2 FAILED exit 1:0; no runs written, no manifest; log \S+shard-2\.201\.out$/,
    );
    expect(lines[3]).toMatch(/^ {2}shard 3\/4 \(runs 6–8\): failed: array task 201_3 TIMEOUT/);
    expect(lines[4]).toBe('  shard 4/4 (runs 9–11): running: array task 201_4 RUNNING; no runs written');
    expect(lines[5]).toBe('  merge: waiting: merge job 202 PENDING (Dependency)');
    expect(lines[6]).toMatch(
      new RegExp(`^ {2}resubmit shards 2-3 alone \\(they resume\\) and a new merge job: (npx regiosim|node \\S+regiosim\\.js) slurm --resubmit ${dir}$`),
    );

    writeFileSync(join(bin, 'next'), '301');
    clearCalls();
    const r = cli(['slurm', '--resubmit', dir], env);
    expect(r.code, r.err).toBe(0);
    const submitted = calls().filter((c) => /^(sbatch|scancel)/.test(c));
    expect(submitted).toEqual([
      'scancel 202',
      `sbatch --parsable --array=2-3 ${dir}/shard.sbatch`,
      `sbatch --parsable --dependency=afterok:301,afterany:201 ${dir}/merge.sbatch`,
    ]);
    expect(r.out).toContain(
      'regiosim slurm --resubmit: resubmitted shards 2-3: array job 301 (--array=2-3; each resumes its shard folder)',
    );
    expect(read(dir, 'jobs.tsv').trimEnd().split('\n')[1]).toMatch(/\t301\t302\t2-3$/);
  });

  it('submits the merge job alone when every shard is done, and does nothing once merged', () => {
    const dir = join(work, 'job-merge-only');
    expect(cli(['slurm', ...plan, '--shards', '2', '--out', dir]).code).toBe(0);
    writeFileSync(join(dir, 'jobs.tsv'), '2026-01-01T00:00:00Z\t401\t402\t1-2\n');
    for (const i of ['1', '2']) expect(runScript(join(dir, 'shard.sbatch'), { SLURM_ARRAY_TASK_ID: i }).code).toBe(0);
    const env = { FAKE_SACCT: '401_1|COMPLETED|0:0\\n401_2|COMPLETED|0:0\\n402|FAILED|1:0\\n' };
    expect(cli(['slurm', '--status', dir], env).out).toMatch(
      /every shard is done: submit the merge job again with (npx regiosim|node \S+regiosim\.js) slurm --resubmit/,
    );
    writeFileSync(join(bin, 'next'), '501');
    clearCalls();
    const r = cli(['slurm', '--resubmit', dir], env);
    expect(calls().filter((c) => c.startsWith('sbatch'))).toEqual([`sbatch --parsable ${dir}/merge.sbatch`]);
    expect(r.out).toContain('every shard is done: submitted merge job 501');
    expect(runScript(join(dir, 'merge.sbatch'), {}).code).toBe(0);
    clearCalls();
    const done = cli(['slurm', '--resubmit', dir], env);
    expect(done.out).toMatch(/nothing to do: merged into/);
    expect(calls().filter((c) => c.startsWith('sbatch'))).toEqual([]);
  });

  it('says so when the folder is not a job folder', () => {
    const r = cli(['slurm', '--status', work]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/is not a regiosim slurm job folder \(no job\.json\)/);
  });

  it('writes array indices as SLURM does', () => {
    expect(compactIndices([7, 3, 2, 4, 9])).toBe('2-4,7,9');
    expect(expandIndices('2-4,7,9%3')).toEqual([2, 3, 4, 7, 9]);
    expect(arraySpec('1-100', 10)).toBe('1-100%10');
    expect(shq("it's")).toBe(`'it'\\''s'`);
    expect(shq('/a/b-c.yaml')).toBe('/a/b-c.yaml');
  });
});
