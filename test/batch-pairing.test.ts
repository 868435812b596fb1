import { describe, expect, it } from 'vitest';
import { batch, plan, point, read, rows, tempDir } from './batch-helpers.js';

// Two scenarios that differ only in a lever: replicate i of both gets the same seed, and crises
// draw from their own stream, so the crisis events must coincide run for run.
const experiment = plan(
  [point('push-4', 60), point('push-12', 60, { initialStaff: 12, governance: 'centralPush' })],
  6,
  11,
);

describe('batch pairing (common random numbers)', () => {
  it('gives two scenarios differing in a lever the same crisis events per replicate', async () => {
    const dir = tempDir('pair');
    const result = await batch(experiment, { outDir: dir, threads: 2, series: 'monthly' });
    expect(result.status).toBe('complete');
    const table = rows(dir);
    const a = table.filter((r) => r.point === 'push-4');
    const b = table.filter((r) => r.point === 'push-12');
    expect(a.map((r) => r.seed)).toEqual(b.map((r) => r.seed));
    expect(a.map((r) => r.crises)).toEqual(b.map((r) => r.crises));
    expect(a.reduce((s, r) => s + Number(r.crises), 0)).toBeGreaterThan(0);
    // The lever did change the runs (else the test would prove nothing).
    expect(a.map((r) => r.poolStaffEnd)).not.toEqual(b.map((r) => r.poolStaffEnd));

    // Month by month: the number of municipalities in crisis is the same in paired runs...
    const crisesActive = new Map<number, string>();
    for (const line of read(dir, 'series.csv').split('\n')) {
      const [run, , , , , variable, value] = line.split(',');
      if (variable === 'crisesActive') crisesActive.set(Number(run), `${crisesActive.get(Number(run)) ?? ''} ${value}`);
    }
    for (let r = 0; r < 6; r++) expect(crisesActive.get(6 + r), `replicate ${r}`).toBe(crisesActive.get(r));
    // ...while different replicates do differ.
    expect(new Set(a.map((_, r) => crisesActive.get(r))).size).toBeGreaterThan(1);
  });
});
