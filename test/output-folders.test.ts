/** Issue 12, output folders: one kind of output per folder, never a file regiosim did not write, stale files of a report go. */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { OutputError } from '../store/errors.js';
import { MARKER_FILE, OutputFolder, outputKindOf } from '../store/output-folder.js';
import { batch, plan, point, snapshotCli, tempDir } from './batch-helpers.js';

const experiment = plan([point('base', 12)], 3);

/** Hashes of every file under a folder, to prove nothing changed. */
function hashes(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (e.isFile()) {
      const p = join(e.parentPath, e.name);
      out[p] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  return out;
}

let batchDir: string;
beforeAll(async () => {
  batchDir = join(tempDir('kinds'), 'b');
  expect((await batch(experiment, { outDir: batchDir, threads: 1 })).status).toBe('complete');
});

describe('output folders', () => {
  it('marks a batch folder with its kind and the files regiosim wrote', () => {
    const marker = JSON.parse(readFileSync(join(batchDir, MARKER_FILE), 'utf8'));
    expect(marker.kind).toBe('batch');
    expect(marker.files).toEqual([
      'README.md',
      'inputs/files.json',
      'inputs/points.json',
      'manifest.json',
      'municipalities.csv',
      'runs.csv',
      'series.csv',
    ]);
    expect(outputKindOf(batchDir)).toBe('batch');
  });

  it('refuses `run --out <batch folder>` with a plain message and leaves the batch as it was', () => {
    const before = hashes(batchDir);
    const r = spawnSync(process.execPath, [snapshotCli(), 'run', '--out', batchDir], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/holds a batch \(regiosim batch\); it cannot take the output of regiosim run/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(hashes(batchDir)).toEqual(before);
  });

  it('refuses every other kind in a folder of one kind (also a batch into a run folder)', () => {
    for (const kind of ['run', 'report', 'merge', 'explore', 'compare'] as const)
      expect(() => OutputFolder.claim(batchDir, kind)).toThrow(OutputError);
    const runDir = join(tempDir('run'), 'r');
    OutputFolder.claim(runDir, 'run').path('summary.json');
    expect(() => OutputFolder.claim(runDir, 'batch')).toThrow(/holds the output of regiosim run/);
  });

  it('infers the kind of a folder written before markers existed from its manifest', () => {
    const dir = tempDir('legacy');
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ tool: 'regiosim', command: 'run' }));
    expect(outputKindOf(dir)).toBe('run');
    expect(() => OutputFolder.claim(dir, 'batch')).toThrow(OutputError);
  });

  it("never overwrites a user's README.md: batch --out is refused and the file unchanged", async () => {
    const dir = tempDir('user');
    writeFileSync(join(dir, 'README.md'), 'my notes\n');
    await expect(batch(experiment, { outDir: dir })).rejects.toThrow(
      /README\.md exists and was not written by regiosim/,
    );
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe('my notes\n');
    expect(existsSync(join(dir, 'runs.csv'))).toBe(false);
  });

  it('refuses a path that is a file, and an empty path, plainly', () => {
    const file = join(tempDir('file'), 'f');
    writeFileSync(file, 'x');
    expect(() => OutputFolder.claim(file, 'run')).toThrow(/is a file, not a folder/);
    expect(() => OutputFolder.claim('', 'run')).toThrow(/name a folder/);
  });

  it('a new report removes the stale files of an older report it wrote, and nothing else', () => {
    const dir = join(tempDir('report'), 'report');
    const old = OutputFolder.claim(dir, 'report');
    for (const f of ['report.html', 'charts/a.png', 'charts/old.png']) writeFileSync(old.path(f), 'old');
    writeFileSync(join(dir, 'charts', 'mine.png'), 'user file');
    const next = OutputFolder.claim(dir, 'report');
    for (const f of ['report.html', 'charts/a.png']) writeFileSync(next.path(f), 'new');
    expect(next.removeStale()).toEqual(['charts/old.png']);
    expect(readdirSync(join(dir, 'charts')).sort()).toEqual(['a.png', 'mine.png']);
    // ...and a user's file is never overwritten by a later report that would write that name.
    expect(() => next.path('charts/mine.png')).toThrow(/not written by regiosim/);
  });

  it('a report into the batch folder itself is refused', () => {
    mkdirSync(batchDir, { recursive: true });
    expect(() => OutputFolder.claim(batchDir, 'report', ['report.html'])).toThrow(/holds a batch/);
  });
});
