/**
 * `regiosim slurm` on a real SLURM cluster: a small sharded experiment (2 scenarios × 6 replicates,
 * 24 months, 3 shards) is submitted as a job array plus the dependent merge job through the
 * generated scripts; the merged runs.csv and series.csv must equal the batch run on this machine
 * byte for byte. Then an array task that fails is reported by --status and resubmitted alone by
 * --resubmit, and the result is the same again.
 *
 * Needs a reachable cluster: .ci/run starts a one-node cluster with scripts/slurm/start-cluster.sh
 * (slurm-wlm and munge as plain daemons) and stops it after the tests. Without one the test is
 * skipped, or fails when CI is set. It runs only against that local test cluster (ClusterName
 * regiosim-ci), unless CI or REGIOSIM_SLURM_TEST=1 is set (on a real cluster, point TMPDIR at a
 * folder the compute nodes share).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { read, snapshotCli, tempDir } from './batch-helpers.js';

const inCi = Boolean(process.env.CI);
const sh = (cmd: string, args: string[]) => {
  // A configured cluster whose controller is down makes sinfo retry for ~10 s; a running one answers at once.
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 5000 });
  const code = (r.error as NodeJS.ErrnoException | undefined)?.code;
  const err =
    code === 'ENOENT'
      ? `${cmd} is not installed (apt-get install --no-install-recommends slurm-wlm munge)`
      : code === 'ETIMEDOUT'
        ? `${cmd} got no answer from a SLURM controller in 5 s`
        : (r.stderr ?? '') || (r.error?.message ?? '');
  return { ok: r.status === 0, out: r.stdout ?? '', err };
};

/** Why the test cannot run here (undefined: it can). */
function unavailable(): string | undefined {
  const info = sh('sinfo', ['-h', '-o', '%T']);
  if (!info.ok || !info.out.trim())
    return `no SLURM cluster is reachable (${(info.err || info.out).trim() || 'sinfo lists no nodes'}): start the one-node test cluster with sudo scripts/slurm/start-cluster.sh (.ci/run does), stop it with scripts/slurm/stop-cluster.sh`;
  const config = sh('scontrol', ['show', 'config']).out;
  const cluster = /^ClusterName\s*=\s*(\S+)/m.exec(config)?.[1];
  if (cluster !== 'regiosim-ci' && !inCi && process.env.REGIOSIM_SLURM_TEST !== '1')
    return `the reachable SLURM cluster is "${cluster}", not the local test cluster (regiosim-ci): set REGIOSIM_SLURM_TEST=1 to submit the test jobs to it`;
  return undefined;
}

const why = unavailable();
if (why && !inCi)
  console.warn(`skipped: regiosim slurm on a real SLURM cluster. ${why}. With CI set this is a failure.`);

function cli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [snapshotCli(), ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Job ids of a job folder's submissions (jobs.tsv: time, array job, merge job, indices). */
function jobIds(dir: string, line = -1): string[] {
  const rows = read(dir, 'jobs.tsv').trimEnd().split('\n');
  return rows[line < 0 ? rows.length + line : line].split('\t').slice(1, 3).filter(Boolean);
}

/** Waits until SLURM has none of the jobs queued or running; returns the seconds waited. */
async function waitFor(ids: string[], timeoutS = 150): Promise<number> {
  const t0 = performance.now();
  for (;;) {
    const q = sh('squeue', ['-h', '-j', ids.join(','), '-o', '%i']);
    if (q.ok && !q.out.trim()) return (performance.now() - t0) / 1000;
    if ((performance.now() - t0) / 1000 > timeoutS) {
      sh('scancel', ids);
      throw new Error(`SLURM jobs ${ids.join(',')} did not finish in ${timeoutS} s:\n${q.out}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

// Made by the first test that runs: a skipped suite must not leave a temp folder (its cleanup does not run).
let work = '';
let plan: string[] = [];
function setup(): void {
  if (work) return;
  work = tempDir('slurm');
  const small = join(work, 'small.yaml');
  const big = join(work, 'small-big.yaml');
  writeFileSync(
    small,
    'name: small\nregion: { res: Drenthe }\nlevers: { poolForm: flexpool, initialStaff: 4 }\nhorizon: 24\n',
  );
  writeFileSync(
    big,
    'name: small-big\nregion: { res: Drenthe }\nlevers: { poolForm: flexpool, initialStaff: 10 }\nhorizon: 24\n',
  );
  plan = [small, big, '--runs', '6', '--seed', '5'];
}

let single: string | undefined;
function singleMachine(): string {
  if (single) return single;
  setup();
  single = join(work, 'single');
  const r = cli(['batch', ...plan, '--threads', '2', '--quiet', '--out', single]);
  if (r.code !== 0) throw new Error(`the one-machine batch failed: ${r.err}`);
  return single;
}

describe.skipIf(why !== undefined && !inCi)('regiosim slurm on a real SLURM cluster', () => {
  it('runs 3 shards as a job array plus the afterok merge job; the merged files equal one machine’s batch', {
    timeout: 240_000,
  }, async () => {
    if (why) throw new Error(why);
    const one = singleMachine();
    const dir = join(work, 'job');
    const t0 = performance.now();
    const r = cli(['slurm', ...plan, '--shards', '3', '--cpus', '1', '--time', '00:10:00', '--out', dir, '--submit']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/submitted: array job \d+ \(tasks 1-3\), merge job \d+ \(afterok:\d+\)/);
    const waited = await waitFor(jobIds(dir));
    const total = (performance.now() - t0) / 1000;
    const status = cli(['slurm', '--status', dir]);
    console.log(
      `slurm test: submit → array of 3 + merge done in ${total.toFixed(1)} s (waiting ${waited.toFixed(1)} s)\n${status.out}`,
    );
    expect(status.out).toMatch(/3 done, 0 running, 0 queued, 0 failed, 0 not submitted/);
    expect(status.out).toMatch(/merge: done: merged into/);
    const merged = join(dir, 'merged');
    expect(read(merged, 'runs.csv')).toBe(read(one, 'runs.csv'));
    expect(read(merged, 'series.csv')).toBe(read(one, 'series.csv'));
    const manifest = JSON.parse(read(merged, 'manifest.json'));
    expect(manifest.merged.shards).toHaveLength(3);
    // Each task ran on the cluster with the cores it was given.
    for (let i = 1; i <= 3; i++) {
      const log = read(join(dir, 'logs'), `shard-${i}.${jobIds(dir)[0]}.out`);
      expect(log).toMatch(new RegExp(`regiosim shard ${i}/3 on \\S+ with 1 cores`));
      expect(log).toMatch(/complete: 4\/4 runs done/);
    }
  });

  it('reports a failed array task and resubmits it alone; the merged files are the same', {
    timeout: 240_000,
  }, async () => {
    if (why) throw new Error(why);
    const one = singleMachine();
    const dir = join(work, 'job-flaky');
    // A Node wrapper that fails array task 2 the first time it runs (as a crashed node would).
    const marker = join(work, 'flaky-failed-once');
    const flaky = join(work, 'flaky-node');
    writeFileSync(
      flaky,
      `#!/bin/bash\nif [ "\${SLURM_ARRAY_TASK_ID:-}" = 2 ] && [ ! -e '${marker}' ]; then touch '${marker}'; echo 'flaky: task 2 fails' >&2; exit 3; fi\nexec '${process.execPath}' "$@"\n`,
    );
    chmodSync(flaky, 0o755);
    const t0 = performance.now();
    expect(cli(['slurm', ...plan, '--shards', '3', '--out', dir, '--node', flaky, '--submit']).code).toBe(0);
    // The array only: its merge job can never start, and clusters without kill_invalid_depend keep it pending.
    await waitFor(jobIds(dir).slice(0, 1));
    const t1 = performance.now();
    const status = cli(['slurm', '--status', dir]);
    expect(status.out).toMatch(/2 done, 0 running, 0 queued, 1 failed/);
    expect(status.out).toMatch(/shard 2\/3 \(runs 4–7\): failed: array task \d+_2 FAILED exit 3:0/);
    expect(status.out).toMatch(/merge: (failed: merge job \d+ CANCELLED|waiting: merge job \d+ PENDING)/);
    expect(status.out).toMatch(
      new RegExp(`resubmit shard 2 alone \\(it resumes\\) and a new merge job: (npx regiosim|node \\S+regiosim\\.js) slurm --resubmit ${dir}`),
    );
    expect(existsSync(join(dir, 'merged'))).toBe(false);

    const again = cli(['slurm', '--resubmit', dir]);
    expect(again.code, again.err).toBe(0);
    expect(again.out).toMatch(/resubmitted shards 2: array job \d+ \(--array=2; each resumes its shard folder\)/);
    expect(again.out).toMatch(/merge job \d+ \(--dependency=afterok:\d+\)/);
    await waitFor(jobIds(dir));
    const t2 = performance.now();
    console.log(
      `slurm test (failure): array with the failing task ${((t1 - t0) / 1000).toFixed(1)} s, resubmitted shard + merge ${((t2 - t1) / 1000).toFixed(1)} s`,
    );
    expect(cli(['slurm', '--status', dir]).out).toMatch(/3 done, .* 0 failed, 0 not submitted[\s\S]*merge: done/);
    expect(read(join(dir, 'merged'), 'runs.csv')).toBe(read(one, 'runs.csv'));
    expect(read(join(dir, 'merged'), 'series.csv')).toBe(read(one, 'series.csv'));
  });
});
