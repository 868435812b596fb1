import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { read, snapshotCli, tempDir } from './batch-helpers.js';

const work = tempDir('cli');
const small = join(work, 'small.yaml');
const other = join(work, 'small-big.yaml');
writeFileSync(
  small,
  'name: small\nregion: { res: Drenthe }\nlevers: { poolForm: flexpool, initialStaff: 4 }\nhorizon: 24\n',
);
writeFileSync(
  other,
  'name: small-big\nregion: { res: Drenthe }\nlevers: { poolForm: flexpool, initialStaff: 10 }\nhorizon: 24\n',
);

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [snapshotCli(), ...args], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('regiosim batch (CLI)', () => {
  it('runs scenarios × replicates, writes the folder, and refuses to overwrite it', () => {
    const out = join(work, 'b1');
    const r = cli(['batch', small, other, '--runs', '3', '--seed', '5', '--threads', '2', '--quiet', '--out', out]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/2 points × 3 replicates = 6 runs, master seed 5, 2 threads/);
    expect(r.out).toMatch(/complete: 6\/6 runs done \(6 ok, 0 failed\)/);
    expect(read(out, 'runs.csv').trimEnd().split('\n')).toHaveLength(7);
    const manifest = JSON.parse(read(out, 'manifest.json'));
    expect(manifest).toMatchObject({
      command: 'batch',
      status: 'complete',
      seeds: { master: 5 },
      counts: { total: 6, ok: 6, failed: 0 },
    });
    expect(manifest.inputs.map((i: { name: string }) => i.name)).toContain('small.yaml');
    expect(read(out, 'README.md')).toMatch(/\| crises \| local crises \|/);

    const again = cli(['batch', small, other, '--runs', '3', '--seed', '5', '--quiet', '--out', out]);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/already holds a batch: add --resume/);
  });

  it('--dry-run estimates time and disk and writes nothing', () => {
    const out = join(work, 'dry');
    const r = cli(['batch', small, '--runs', '1000', '--dry-run', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/1 point × 1000 replicates = 1000 runs/);
    expect(r.out).toMatch(/estimate: \S+ of wall time, [\d.]+ MB on disk/);
    expect(existsSync(out)).toBe(false);
  });

  it('stops cleanly on SIGINT and --resume finishes with the same runs.csv as an uninterrupted batch', async () => {
    const args = [small, '--runs', '400', '--chunk', '1', '--series', 'none'];
    const out = join(work, 'sigint');
    const child = spawn(process.execPath, [snapshotCli(), 'batch', ...args, '--threads', '1', '--out', out], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (b) => {
      stdout += b;
    });
    const code = await new Promise<number | null>((resolve) => {
      const poll = setInterval(() => {
        const rows = existsSync(join(out, 'runs.csv'))
          ? readFileSync(join(out, 'runs.csv'), 'utf8').split('\n').length
          : 0;
        if (rows > 20) {
          clearInterval(poll);
          child.kill('SIGINT');
        }
      }, 10);
      child.on('exit', (c) => {
        clearInterval(poll);
        resolve(c);
      });
    });
    expect(code).toBe(130);
    expect(stdout).toMatch(/interrupted: \d+\/400 runs done/);
    // The command to paste: how regiosim is called from here (npx regiosim, or node <path>), then the same arguments.
    expect(stdout).toMatch(/continue with: (npx regiosim|regiosim|node \S+regiosim\.js) batch .* --resume/);
    expect(JSON.parse(read(out, 'manifest.json')).status).toBe('interrupted');

    const resumed = cli(['batch', ...args, '--out', out, '--resume', '--quiet']);
    expect(resumed.code).toBe(0);
    expect(resumed.out).toMatch(/resumed: \d+ runs were already done/);
    const clean = join(work, 'clean');
    expect(cli(['batch', ...args, '--threads', '2', '--out', clean, '--quiet']).code).toBe(0);
    expect(read(out, 'runs.csv')).toBe(read(clean, 'runs.csv'));
  });
});
