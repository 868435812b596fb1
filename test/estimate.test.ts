/**
 * The --dry-run estimate and the time left (workers/pilot.ts, workers/estimate.ts, workers/run-cost.ts):
 * the pilot's order covers the points evenly, its runs stay within the batch, every point of a
 * small plan is timed, and the pace is robust to a single slow run.
 */
import { describe, expect, it } from 'vitest';
import { estimateBatch } from '../workers/estimate.js';
import { spreadOrder } from '../workers/pilot.js';
import { Pace, runCost } from '../workers/run-cost.js';
import { plan, point, snapshotWorker } from './batch-helpers.js';

describe('dry-run estimate', () => {
  it('visits points in an order whose every prefix is spread over the plan', () => {
    expect(spreadOrder(5)).toEqual([0, 4, 2, 1, 3]);
    expect(spreadOrder(1)).toEqual([0]);
    const order = spreadOrder(100);
    expect([...order].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    // The first 4 visits land in each quarter of the points.
    expect(
      order
        .slice(0, 4)
        .map((p) => Math.floor(p / 25))
        .sort(),
    ).toEqual([0, 1, 2, 3]);
  });

  it('weighs runs by months and municipalities, and takes the median of recent tasks', () => {
    expect(runCost({ horizonMonths: 240, municipalities: new Array(12) })).toBeLessThan(
      runCost({ horizonMonths: 300, municipalities: new Array(12) }),
    );
    const pace = new Pace();
    expect(pace.ms).toBeNaN();
    for (const ms of [10, 9, 500, 8, 9]) pace.record(ms);
    expect(pace.ms).toBe(9);
    for (const ms of [2, 2, 2]) pace.record(ms);
    expect(pace.ms).toBe(2);
  });

  it('pilots on the worker pool: every point of a small plan timed, within the batch, a positive estimate', async () => {
    const p = plan([point('a', 24), point('b', 36, { poolForm: 'none' }), point('c', 12)], 4);
    const e = await estimateBatch(p, { threads: 2, workerFile: snapshotWorker() });
    expect(e.runs).toBe(12);
    expect(e.pilotRuns).toBeGreaterThanOrEqual(6);
    expect(e.pilotRuns).toBeLessThanOrEqual(12);
    expect(e.pointsTimed).toBe(3);
    expect(e.seconds).toBeGreaterThan(0);
    expect(e.bytes).toBeGreaterThan(0);
  });
});
