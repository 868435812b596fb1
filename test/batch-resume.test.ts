import { readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { forEachLine, tailCut } from '../workers/csv-lines.js';
import { BatchError } from '../workers/engine.js';
import { batch, plan, point, read, tempDir } from './batch-helpers.js';

const experiment = plan([point('base', 24), point('no-pool', 24, { poolForm: 'none' })], 8);
let clean: { runs: string; series: string };

beforeAll(async () => {
  const dir = tempDir('clean');
  expect((await batch(experiment, { outDir: dir, threads: 2, chunk: 2 })).status).toBe('complete');
  clean = { runs: read(dir, 'runs.csv'), series: read(dir, 'series.csv') };
});

describe('batch resume', () => {
  it('continues a batch stopped after K runs and ends byte-identical to an uninterrupted one', async () => {
    const dir = tempDir('stop');
    const first = await batch(experiment, { outDir: dir, threads: 2, chunk: 1, stopAfter: 5 });
    expect(first.status).toBe('interrupted');
    expect(first.counts.done).toBe(5);
    expect(JSON.parse(read(dir, 'manifest.json')).status).toBe('interrupted');
    const second = await batch(experiment, { outDir: dir, threads: 1, resume: true });
    expect(second.status).toBe('complete');
    expect(second.resumedFrom).toBe(5);
    expect(read(dir, 'runs.csv')).toBe(clean.runs);
    expect(read(dir, 'series.csv')).toBe(clean.series);
    const manifest = JSON.parse(read(dir, 'manifest.json'));
    expect(manifest.status).toBe('complete');
    expect(manifest.counts).toEqual({ total: 16, done: 16, ok: 16, failed: 0 });
    expect(manifest.previousAttempts.map((a: { status: string }) => a.status)).toEqual(['interrupted']);
  });

  it('drops a half-written last row (a kill mid-write) and series rows past it, then resumes to the same files', async () => {
    const dir = tempDir('kill');
    await batch(experiment, { outDir: dir, threads: 2, chunk: 3 });
    // As if killed mid-write: runs.csv cut inside row 7 (run 6), series.csv holds runs 0..9 and half a line.
    const runsPath = join(dir, 'runs.csv');
    const lines = clean.runs.split('\n');
    const cutAt = lines.slice(0, 7).join('\n').length + 1 + 40;
    truncateSync(runsPath, cutAt);
    const seriesPath = join(dir, 'series.csv');
    const seriesText = readFileSync(seriesPath, 'utf8');
    const firstOf10 = seriesText.indexOf('\n10,') + 1;
    truncateSync(seriesPath, firstOf10 + 9);
    writeFileSync(join(dir, 'manifest.json'), read(dir, 'manifest.json').replace('"complete"', '"running"'));

    const resumed = await batch(experiment, { outDir: dir, threads: 2, resume: true });
    expect(resumed.resumedFrom).toBe(6);
    expect(resumed.status).toBe('complete');
    expect(read(dir, 'runs.csv')).toBe(clean.runs);
    expect(read(dir, 'series.csv')).toBe(clean.series);
  });

  it('resuming a finished batch changes nothing', async () => {
    const dir = tempDir('done');
    const first = await batch(experiment, { outDir: dir, threads: 2 });
    expect(first.failures).toEqual([]);
    const before = statSync(join(dir, 'runs.csv')).size;
    const again = await batch(experiment, { outDir: dir, threads: 2, resume: true });
    expect(again.error).toBeUndefined();
    expect(again.counts).toEqual({ total: 16, done: 16, ok: 16, failed: 0 });
    expect(again.status).toBe('complete');
    expect(again.resumedFrom).toBe(16);
    expect(statSync(join(dir, 'runs.csv')).size).toBe(before);
    expect(read(dir, 'runs.csv')).toBe(clean.runs);
  });

  it('refuses to resume with another plan or seed, and to start over an existing batch', async () => {
    const dir = tempDir('other');
    await batch(experiment, { outDir: dir, threads: 2, stopAfter: 2 });
    await expect(batch(plan(experiment.points, 8, 99), { outDir: dir, resume: true })).rejects.toThrow(
      /different plan: master seed 7 → 99/,
    );
    await expect(batch(plan(experiment.points, 9), { outDir: dir, resume: true })).rejects.toThrow(
      /runs per point 8 → 9/,
    );
    await expect(batch(experiment, { outDir: dir, series: 'monthly', resume: true })).rejects.toThrow(
      /series yearly → monthly/,
    );
    await expect(batch(experiment, { outDir: dir })).rejects.toThrow(BatchError);
    await expect(batch(experiment, { outDir: dir })).rejects.toThrow(/already holds a batch: add --resume/);
    await expect(batch(experiment, { outDir: tempDir('empty'), resume: true })).rejects.toThrow(/no manifest.json/);
  });
});

describe('line reading of large batch files', () => {
  // 3 MB of rows of varied length, so lines straddle the 1 MB read blocks.
  const lines = Array.from({ length: 30_000 }, (_, i) => `${i},${'x'.repeat(i % 173)},é`);
  const text = `run,rest\n${lines.join('\n')}\n`;

  it('visits every complete line across read blocks and reports where a half line starts', () => {
    const dir = tempDir('lines');
    const path = join(dir, 'f.csv');
    writeFileSync(path, `${text}12345,half`);
    const seen: string[] = [];
    const complete = forEachLine(path, (line) => {
      seen.push(line);
      return true;
    });
    expect(seen).toEqual(['run,rest', ...lines]);
    expect(complete).toBe(Buffer.byteLength(text));
  });

  it('cuts the tail back to the last line of a kept run, reading backwards', () => {
    const dir = tempDir('tail');
    const path = join(dir, 'f.csv');
    writeFileSync(path, `${text}300`);
    const size = statSync(path).size;
    const keep = (k: number) => tailCut(path, size, 'run,rest\n'.length, (line) => Number(line.split(',')[0]) < k);
    expect(keep(30_000)).toBe(Buffer.byteLength(text));
    expect(keep(12_345)).toBe(Buffer.byteLength(`run,rest\n${lines.slice(0, 12_345).join('\n')}\n`));
    expect(keep(0)).toBe('run,rest\n'.length);
  });
});
