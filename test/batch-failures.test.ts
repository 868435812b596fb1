import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { endMessage } from '../cli/batch.js';
import { simulate } from '../sim/simulate.js';
import { SUMMARY_METRICS } from '../sim/summary.js';
import { WorkerPool } from '../workers/engine.js';
import { formatExact } from '../workers/format.js';
import { batch, plan, point, read, rows, tempDir } from './batch-helpers.js';

// The middle point has a horizon the model rejects (checkModelInput throws ModelInputError), so
// each of its runs throws inside the worker while the points around it run normally.
const bad = point('bad-horizon', 24);
bad.input = { ...bad.input, horizonMonths: 0 };
const experiment = plan([point('good', 24), bad, point('good-too', 24, { initialStaff: 6 })], 3);

describe('batch failures', () => {
  it('records a run that throws with its error and seed, and completes the others', async () => {
    const dir = tempDir('fail');
    const result = await batch(experiment, { outDir: dir, threads: 2, chunk: 2 });
    expect(result.status).toBe('failed');
    expect(result.counts).toEqual({ total: 9, done: 9, ok: 6, failed: 3 });
    expect(result.failures.map((f) => f.index)).toEqual([3, 4, 5]);

    const table = rows(dir);
    expect(table.map((r) => r.status)).toEqual(['ok', 'ok', 'ok', 'error', 'error', 'error', 'ok', 'ok', 'ok']);
    const failed = table[3];
    expect(failed.error).toMatch(/^ModelInputError: horizonMonths: allowed: a whole number of months/);
    expect(failed.seed).toBe(table[0].seed);
    expect(Object.keys(SUMMARY_METRICS).every((k) => failed[k] === 'NA')).toBe(true);
    // Failed runs have no series rows; the others do.
    const seriesRuns = new Set(
      read(dir, 'series.csv')
        .trimEnd()
        .split('\n')
        .slice(1)
        .map((l) => Number(l.split(',')[0])),
    );
    expect([...seriesRuns].sort((a, b) => a - b)).toEqual([0, 1, 2, 6, 7, 8]);

    const message = endMessage(result, experiment, '3 points × 3 replicates = 9 runs', 'yearly');
    expect(message).toMatch(/failed: 9\/9 runs done \(6 ok, 3 failed\)/);
    expect(message).toMatch(/run 3 \(bad-horizon, replicate 0, seed \d+\): ModelInputError: horizonMonths/);
    // The re-run names the batch folder and the run: its point's inputs (sweep values included) and seed come from there.
    expect(message).toMatch(
      /re-run one alone to debug it: (npx regiosim|node \S+regiosim\.js) run --from \S+ --run 3\n/,
    );
    expect(message).toMatch(/report: (npx regiosim|node \S+regiosim\.js) report \S+/);

    const manifest = JSON.parse(read(dir, 'manifest.json'));
    expect(manifest.status).toBe('failed');
    expect(manifest.counts).toEqual({ total: 9, done: 9, ok: 6, failed: 3 });
  });

  it('reproduces any run alone from the seed in its row', async () => {
    const dir = tempDir('repro');
    await batch(experiment, { outDir: dir, threads: 2 });
    const table = rows(dir);
    const ok = table[7];
    const alone = simulate(experiment.points[2].input, Number(ok.seed));
    for (const k of Object.keys(SUMMARY_METRICS) as Array<keyof typeof SUMMARY_METRICS>)
      expect(ok[k], k).toBe(formatExact(alone.summary.metrics[k]));
    expect(() => simulate(bad.input, Number(table[4].seed))).toThrow(table[4].error.replace(/^ModelInputError: /, ''));
  });

  it('stops with status failed, and stays resumable, when a worker thread itself fails', async () => {
    const dir = tempDir('crash');
    const broken = join(tempDir('worker'), 'worker.mjs');
    writeFileSync(broken, 'throw new Error("cannot load");\n');
    const result = await batch(experiment, { outDir: dir, threads: 2, workerFile: broken });
    expect(result.status).toBe('failed');
    expect(result.error).toMatch(/a worker thread failed: cannot load/);
    expect(result.counts.done).toBe(0);
    expect(JSON.parse(read(dir, 'manifest.json')).status).toBe('failed');
    const resumed = await batch(experiment, { outDir: dir, threads: 2, resume: true });
    expect(resumed.counts).toEqual({ total: 9, done: 9, ok: 6, failed: 3 });
  });

  it('a shared pool whose workers cannot load fails the batch, stays usable to close, and raises nothing uncaught', async () => {
    const broken = join(tempDir('worker'), 'worker.mjs');
    writeFileSync(broken, 'throw new Error("cannot load");\n');
    const pool = new WorkerPool(2, broken);
    try {
      const result = await batch(experiment, { outDir: tempDir('crash-pool'), pool });
      expect(result.status).toBe('failed');
      expect(result.error).toMatch(/a worker thread failed: cannot load/);
      // The pool keeps replacing the failing threads until it is closed; their errors go nowhere.
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      await pool.close();
    }
  });
});
