import { describe, expect, it } from 'vitest';
import { runSpecs } from '../scenarios/plan.js';
import { REGION_SERIES } from '../sim/outputs.js';
import { SUMMARY_METRICS } from '../sim/summary.js';
import { WorkerPool } from '../workers/engine.js';
import { batchSpecs } from '../workers/specs.js';
import { batch, plan, point, read, rows, snapshotWorker, tempDir } from './batch-helpers.js';

// Two points × 6 replicates of 36 months: 12 short runs, enough for several chunks on two threads.
const experiment = plan([point('base', 36), point('big-start', 36, { initialStaff: 8 }, { initialStaff: 8 })], 6);

describe('batch determinism', () => {
  it('computes the same run specs as scenarios/plan.ts runSpecs, in the same order', () => {
    const specs = batchSpecs(experiment);
    const ours = Array.from({ length: specs.total }, (_, i) => {
      const { point: _point, ...spec } = specs.at(i);
      return spec;
    });
    expect(ours).toEqual(runSpecs(experiment));
  });

  it('writes byte-identical runs.csv and series.csv for 1 or 2 threads and any chunk size', async () => {
    const outputs: Array<{ dir: string; runs: string; series: string; label: string }> = [];
    for (const [threads, chunk] of [
      [1, 1],
      [2, 1],
      [2, 5],
      [2, undefined],
    ] as const) {
      const dir = tempDir('det');
      const result = await batch(experiment, { outDir: dir, threads, chunk });
      expect(result.status).toBe('complete');
      expect(result.counts).toEqual({ total: 12, done: 12, ok: 12, failed: 0 });
      outputs.push({
        dir,
        runs: read(dir, 'runs.csv'),
        series: read(dir, 'series.csv'),
        label: `threads ${threads}, chunk ${chunk ?? 'auto'}`,
      });
    }
    for (const o of outputs.slice(1)) {
      expect(o.runs, o.label).toBe(outputs[0].runs);
      expect(o.series, o.label).toBe(outputs[0].series);
    }

    // The table itself: runs in order, the sweep column, every metric, one series row per run, year and variable.
    const table = rows(outputs[0].dir);
    expect(table.map((r) => Number(r.run))).toEqual([...Array(12).keys()]);
    expect(Object.keys(table[0])).toEqual([
      'run',
      'point',
      'scenario',
      'initialStaff',
      'replicate',
      'seed',
      'status',
      'error',
      ...Object.keys(SUMMARY_METRICS),
      // The horizon's outcomes (scenarios/outcomes.ts): 36 months from 2026 end in 2028.
      'progress2028',
    ]);
    expect(table.map((r) => r.initialStaff)).toEqual([...Array(6).fill(''), ...Array(6).fill('8')]);
    expect(table[0].seed).toBe(table[6].seed);
    const seriesLines = outputs[0].series.trimEnd().split('\n');
    expect(seriesLines[0]).toBe('run,scope,area,month,year,variable,value');
    expect(seriesLines.length - 1).toBe(12 * Object.keys(REGION_SERIES).length * 3);
    expect(seriesLines[1]).toMatch(/^0,region,[A-Z0-9]+,11,20\d\d,dwellingsReady,[0-9.]+$/);
  });

  it('gives the same files through warm workers shared by batch after batch as through fresh ones', async () => {
    // Two different plans in turn through one pool, then the first again: each worker must switch
    // to the inputs of the batch at hand (its setup id), never run a point of the one before.
    const other = plan([point('late', 24, { initialStaff: 2 }, { initialStaff: 2 }), point('base', 24)], 5, 11);
    const fresh = [experiment, other].map(async (p) => {
      const dir = tempDir('fresh');
      await batch(p, { outDir: dir, threads: 2, municipalities: 'end' });
      return dir;
    });
    const freshDirs = [await fresh[0], await fresh[1]];
    const pool = new WorkerPool(2, snapshotWorker());
    const warmDirs: string[] = [];
    try {
      for (const p of [experiment, other, experiment]) {
        const dir = tempDir('warm');
        const result = await batch(p, { outDir: dir, pool, municipalities: 'end' });
        expect(result.status).toBe('complete');
        expect(result.threads).toBe(2);
        warmDirs.push(dir);
      }
      // The pool is still open after the batches (the caller closes it): its two threads are still there.
      expect(pool.piscina.threads.length).toBe(2);
    } finally {
      await pool.close();
    }
    for (const file of ['runs.csv', 'series.csv', 'municipalities.csv']) {
      expect(read(warmDirs[0], file), file).toBe(read(freshDirs[0], file));
      expect(read(warmDirs[1], file), file).toBe(read(freshDirs[1], file));
      expect(read(warmDirs[2], file), file).toBe(read(freshDirs[0], file));
    }
    expect(read(warmDirs[1], 'runs.csv')).not.toBe(read(warmDirs[0], 'runs.csv'));
  });
});
