/**
 * Issue 12, verified reading: report, merge and --resume check runs.csv and series.csv against the
 * manifest and plan, refuse or name what is missing, and a report of partial data says so.
 */
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../reports/aggregate/build-model.js';
import { ReportError } from '../reports/errors.js';
import { buildReport } from '../reports/report.js';
import { resetFaults } from '../store/fault.js';
import { BatchError } from '../workers/engine.js';
import { MergeError } from '../workers/shard-folder.js';
import { mergeShards } from '../workers/shard-merge.js';
import { batch, plan, point, read, tempDir } from './batch-helpers.js';

const experiment = plan([point('base', 24), point('no-pool', 24, { poolForm: 'none' })], 5);
let good: string;

beforeAll(async () => {
  good = join(tempDir('good'), 'b');
  expect((await batch(experiment, { outDir: good, threads: 2 })).status).toBe('complete');
});

afterEach(() => {
  delete process.env.REGIOSIM_TEST_FAULT;
  resetFaults();
});

/** A copy of the good batch with runs.csv or series.csv changed by `edit`. */
function damaged(file: 'runs.csv' | 'series.csv', edit: (text: string) => string): string {
  const dir = join(tempDir('bad'), 'b');
  cpSync(good, dir, { recursive: true });
  writeFileSync(join(dir, file), edit(readFileSync(join(dir, file), 'utf8')));
  return dir;
}
const lines = (t: string) => t.split('\n');
const withoutLine = (n: number) => (t: string) => lines(t).filter((_, i) => i !== n).join('\n');
const metric = (cell: string) => (t: string) => {
  const l = lines(t);
  const cells = l[3].split(',');
  cells[cells.length - 2] = cell;
  l[3] = cells.join(',');
  return l.join('\n');
};

describe('report refuses damaged batch files, naming the problem', () => {
  it.each([
    ['NaN in a metric cell', 'runs.csv', metric('NaN'), /line 4: run 2, column \w+: "NaN" is not a number/],
    ['text in a metric cell', 'runs.csv', metric('abc'), /"abc" is not a number/],
    ['a row cut mid-line', 'runs.csv', (t: string) => t.slice(0, t.length - 30), /holds 9 of the 10 runs|cut mid-line/],
    ['a deleted middle row', 'runs.csv', withoutLine(5), /run 5 where run 4 was expected: run 4 is missing/],
    ['a header-only file', 'runs.csv', (t: string) => `${lines(t)[0]}\n`, /holds 0 of the 10 runs manifest\.json lists as done/],
    ['a duplicated row', 'runs.csv', (t: string) => t.replace(/\n(3,[^\n]*\n)/, '\n$1$1'), /run 3 where run 4 was expected: a run repeated/],
    ['a series line missing in the middle', 'series.csv', withoutLine(40), /run \d+ has \d+ of its \d+ series lines/],
    ['a series value that is not a number', 'series.csv', (t: string) => t.replace(/\n(0,region,\w+,11,\d+,[a-zA-Z]+),[^\n]*/, '\n$1,abc'), /does not end in a number/],
    ['a cut series file', 'series.csv', (t: string) => t.slice(0, Math.floor(t.length / 2)), /series|cut/],
  ] as const)('%s', (_what, file, edit, message) => {
    const dir = damaged(file, edit);
    expect(() => buildModel(dir, { mapRuns: 0 })).toThrow(ReportError);
    expect(() => buildModel(dir, { mapRuns: 0 })).toThrow(message);
  });

  it('a folder with runs.csv but no manifest says what to do', () => {
    const dir = damaged('runs.csv', (t) => t);
    rmSync(join(dir, 'manifest.json'));
    expect(() => buildModel(dir, { mapRuns: 0 })).toThrow(/has runs\.csv but no manifest\.json.*run the batch again into a new --out/);
  });

  it('a partial batch is reported as partial: N of M runs, never complete', async () => {
    const dir = join(tempDir('partial'), 'b');
    await batch(experiment, { outDir: dir, threads: 1, chunk: 1, stopAfter: 4 });
    const model = buildModel(dir, { mapRuns: 0 });
    expect(model.notes.join('\n')).toMatch(/partial: 4 of 10 runs; the batch is interrupted/);
    const report = await buildReport(dir, { mapRuns: 0 });
    const html = readFileSync(report.html, 'utf8');
    expect(html).toMatch(/partial: 4 of 10 runs/);
    expect(html).not.toMatch(/>complete \(/);
  });

  it('a report on a full disk leaves no temp file and no truncated chart', async () => {
    process.env.REGIOSIM_TEST_FAULT = 'enospc:400000';
    const out = join(tempDir('rep'), 'report');
    await expect(buildReport(good, { outDir: out, mapRuns: 0 })).rejects.toThrow(/ENOSPC/);
    delete process.env.REGIOSIM_TEST_FAULT;
    const files = readdirSync(out, { recursive: true }).map(String);
    expect(files.filter((f) => /\.tmp-\d+$/.test(f))).toEqual([]);
    expect(files).not.toContain('report.html');
    for (const f of files.filter((f) => f.endsWith('.png')))
      expect(readFileSync(join(out, f)).subarray(-8).toString('hex')).toBe('49454e44ae426082'); // a whole PNG ends in IEND
  });
});

describe('resume and merge verify the series', () => {
  it('--resume refuses a done run whose series lines are missing', async () => {
    const dir = join(tempDir('resume'), 'b');
    await batch(experiment, { outDir: dir, threads: 1, chunk: 1, stopAfter: 4 });
    writeFileSync(join(dir, 'series.csv'), withoutLine(30)(read(dir, 'series.csv')));
    await expect(batch(experiment, { outDir: dir, resume: true })).rejects.toThrow(BatchError);
    await expect(batch(experiment, { outDir: dir, resume: true })).rejects.toThrow(/series lines \(a line is missing\)/);
  });

  it('merge refuses a shard missing a series line in the middle, and writes nothing', async () => {
    const work = tempDir('merge');
    const shards = [1, 2].map((i) => join(work, `s${i}`));
    for (const [i, dir] of shards.entries())
      await batch(experiment, { outDir: dir, threads: 1, shard: { index: i + 1, count: 2 } });
    writeFileSync(join(shards[0], 'series.csv'), withoutLine(50)(read(shards[0], 'series.csv')));
    const out = join(work, 'merged');
    expect(() => mergeShards(shards, out)).toThrow(MergeError);
    try {
      mergeShards(shards, out);
    } catch (e) {
      expect((e as MergeError).kind).toBe('refused');
      expect((e as MergeError).problems.join('\n')).toMatch(/s1\/series\.csv: run \d+ has \d+ of its \d+ series lines/);
    }
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(work).sort()).toEqual(['s1', 's2']);
  });

  it('merge refuses text in a metric cell of a shard', async () => {
    const work = tempDir('merge2');
    const shards = [1, 2].map((i) => join(work, `s${i}`));
    for (const [i, dir] of shards.entries())
      await batch(experiment, { outDir: dir, threads: 1, shard: { index: i + 1, count: 2 } });
    writeFileSync(join(shards[1], 'runs.csv'), metric('abc')(read(shards[1], 'runs.csv')));
    expect(() => mergeShards(shards, join(work, 'merged'))).toThrow(/"abc" is not a number/);
  });
});
