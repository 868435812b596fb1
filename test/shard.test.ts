/**
 * Sharded batches without SLURM: shard i/n's block of runs covers every run exactly once; n shards
 * merged equal the batch run on one machine, byte for byte (also with failed runs and a resumed
 * shard); and merge refuses shards of different batches, duplicates and stray folders, and reports
 * missing or unfinished shards, writing nothing in every such case.
 */
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { mergeErrorMessage } from '../cli/merge.js';
import type { ExperimentPlan } from '../scenarios/plan.js';
import { BatchError } from '../workers/engine.js';
import type { SeriesMode } from '../workers/protocol.js';
import { checkShardCount, parseShard, shardFolderName, shardRange } from '../workers/shard.js';
import { MergeError } from '../workers/shard-folder.js';
import { mergeShards } from '../workers/shard-merge.js';
import { batch, plan, point, read, tempDir } from './batch-helpers.js';

const experiment = plan([point('base', 24), point('no-pool', 24, { poolForm: 'none' })], 5, 11);

/** Runs each shard of `p` into its own folder; returns the folders (shard order). */
async function runShards(p: ExperimentPlan, n: number, root: string, series: SeriesMode = 'yearly'): Promise<string[]> {
  const dirs: string[] = [];
  for (let i = 1; i <= n; i++) {
    const dir = join(root, shardFolderName(i, n));
    const r = await batch(p, { outDir: dir, threads: 2, chunk: 1, series, shard: { index: i, count: n } });
    expect(r.counts.done).toBe(r.counts.total);
    dirs.push(dir);
  }
  return dirs;
}

function mergeFails(dirs: string[], out: string): MergeError {
  try {
    mergeShards(dirs, out);
  } catch (e) {
    if (e instanceof MergeError) return e;
    throw e;
  }
  throw new Error('merge did not fail');
}

let single: string;
let shards: string[];

beforeAll(async () => {
  single = tempDir('shard-single');
  expect((await batch(experiment, { outDir: single, threads: 2 })).status).toBe('complete');
  shards = await runShards(experiment, 3, tempDir('shards'));
});

describe('shard assignment', () => {
  it('covers every run exactly once, in order, in blocks that differ by at most one run', () => {
    for (const total of [1, 2, 3, 7, 10, 12, 100, 1001, 123457])
      for (const n of [1, 2, 3, 4, 7, 8, 10, 64, 1000]) {
        if (n > total) continue;
        const seen = new Uint8Array(total);
        let next = 0;
        const sizes: number[] = [];
        for (let i = 1; i <= n; i++) {
          const r = shardRange(total, { index: i, count: n });
          expect(r.from).toBe(next);
          for (let k = r.from; k < r.to; k++) seen[k]++;
          sizes.push(r.to - r.from);
          next = r.to;
        }
        expect(next).toBe(total);
        expect(seen.every((c) => c === 1)).toBe(true);
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
        expect(Math.min(...sizes)).toBeGreaterThan(0);
      }
  });

  it('parses i/n and says what is allowed otherwise', () => {
    expect(parseShard('2/8')).toEqual({ index: 2, count: 8 });
    expect(parseShard(' 1 / 1 ')).toEqual({ index: 1, count: 1 });
    for (const bad of ['0/3', '4/3', '3', 'a/b', '1/0', '-1/3', '1.5/3'])
      expect(() => parseShard(bad)).toThrow(/--shard .* is not allowed; allowed: i\/n with whole numbers 1 ≤ i ≤ n/);
    expect(() => checkShardCount(11, 10)).toThrow(/11 shards for a batch of 10 runs: .* use at most 10 shards/);
    expect(shardFolderName(3, 12)).toBe('shard-03-of-12');
  });

  it('writes only its block, with the whole batch run indices, and records the shard in the manifest', () => {
    const lines = read(shards[1], 'runs.csv').trimEnd().split('\n');
    expect(lines.slice(1).map((l) => Number(l.split(',')[0]))).toEqual([3, 4, 5]);
    const m = JSON.parse(read(shards[1], 'manifest.json'));
    expect(m.shard).toEqual({ index: 2, count: 3, runs: { from: 3, to: 6 }, totalRuns: 10 });
    expect(m.counts).toEqual({ total: 3, done: 3, ok: 3, failed: 0 });
    expect(m.seeds.master).toBe(11);
    expect(m.planHash).toBe(JSON.parse(read(single, 'manifest.json')).planHash);
    expect(m.version).toBe(JSON.parse(read(single, 'manifest.json')).version);
    // An unsharded batch's manifest has no shard field.
    expect(JSON.parse(read(single, 'manifest.json')).shard).toBeUndefined();
  });
});

describe('regiosim merge', () => {
  it('merges n shards into files byte-identical to the batch on one machine', () => {
    const out = join(tempDir('merge'), 'merged');
    const r = mergeShards([shards[2], shards[0], shards[1]], out); // any order of arguments
    expect(r.status).toBe('complete');
    expect(r.counts).toEqual({ total: 10, done: 10, ok: 10, failed: 0 });
    expect(read(out, 'runs.csv')).toBe(read(single, 'runs.csv'));
    expect(read(out, 'series.csv')).toBe(read(single, 'series.csv'));
    expect(read(out, 'README.md').startsWith(read(single, 'README.md').trimEnd())).toBe(true);
    expect(read(out, 'README.md')).toMatch(/## Merged from 3 shards/);
    const m = JSON.parse(read(out, 'manifest.json'));
    const s = JSON.parse(read(single, 'manifest.json'));
    expect(m.shard).toBeUndefined();
    expect(m.merged.shards.map((x: { index: number; runs: unknown }) => [x.index, x.runs])).toEqual([
      [1, { from: 0, to: 3 }],
      [2, { from: 3, to: 6 }],
      [3, { from: 6, to: 10 }],
    ]);
    // The manifest equals the one-machine batch's but for the documented fields (docs/SLURM.md).
    const documented = new Set([
      'arguments',
      'startedAt',
      'finishedAt',
      'commit',
      'node',
      'previousAttempts',
      'merged',
    ]);
    for (const k of new Set([...Object.keys(m), ...Object.keys(s)]))
      if (!documented.has(k)) expect([k, m[k]]).toEqual([k, s[k]]);
  });

  it('copies other files that every shard has alike (a design sample), and notes the others', () => {
    const root = tempDir('extra');
    const dirs = shards.map((d, i) => {
      const copy = join(root, `s${i + 1}`);
      cpSync(d, copy, { recursive: true });
      writeFileSync(join(copy, 'design.csv'), 'point,x\n0,1\n');
      return copy;
    });
    writeFileSync(join(dirs[1], 'notes.txt'), 'only here');
    const out = join(tempDir('merge'), 'merged');
    const r = mergeShards(dirs, out);
    expect(read(out, 'design.csv')).toBe('point,x\n0,1\n');
    expect(existsSync(join(out, 'notes.txt'))).toBe(false);
    expect(r.notes).toEqual(['note: notes.txt is not the same in every shard (missing in some): not copied']);
    expect(read(out, 'runs.csv')).toBe(read(single, 'runs.csv'));
  });

  it('takes a folder holding the shard folders, and merges monthly or no series alike', async () => {
    for (const series of ['monthly', 'none'] as const) {
      const one = tempDir(`single-${series}`);
      await batch(experiment, { outDir: one, threads: 2, series });
      const root = tempDir(`shards-${series}`);
      await runShards(experiment, 4, root, series);
      const out = join(tempDir('merge'), 'merged');
      mergeShards([root], out);
      expect(read(out, 'runs.csv')).toBe(read(one, 'runs.csv'));
      expect(existsSync(join(out, 'series.csv'))).toBe(series !== 'none');
      if (series !== 'none') expect(read(out, 'series.csv')).toBe(read(one, 'series.csv'));
    }
  });

  it('merges shards with runs that failed inside the model like the batch on one machine', async () => {
    const bad = point('bad-horizon', 24);
    bad.input = { ...bad.input, horizonMonths: 0 };
    const p = plan([point('good', 24), bad], 3);
    const one = tempDir('fail-single');
    await batch(p, { outDir: one, threads: 2 });
    const root = tempDir('fail-shards');
    await runShards(p, 2, root);
    const out = join(tempDir('merge'), 'merged');
    const r = mergeShards([root], out);
    expect(r.status).toBe('failed');
    expect(r.counts).toEqual({ total: 6, done: 6, ok: 3, failed: 3 });
    expect(read(out, 'runs.csv')).toBe(read(one, 'runs.csv'));
    expect(read(out, 'series.csv')).toBe(read(one, 'series.csv'));
    expect(JSON.parse(read(out, 'manifest.json')).status).toBe('failed');
  });

  it('reports an unfinished shard, which then resumes to the same result', async () => {
    const root = tempDir('resume-shards');
    const dirs = await runShards(experiment, 3, root);
    // Shard 3 again, stopped after one run (as if killed or timed out).
    const third = join(tempDir('resume'), 'shard-3');
    const stopped = await batch(experiment, {
      outDir: third,
      threads: 1,
      chunk: 1,
      stopAfter: 1,
      shard: { index: 3, count: 3 },
    });
    expect(stopped.status).toBe('interrupted');
    const out = join(tempDir('merge'), 'merged');
    const e = mergeFails([dirs[0], dirs[1], third], out);
    expect(e.kind).toBe('incomplete');
    expect(mergeErrorMessage(e)).toContain(
      `shard 3/3 in ${third} is incomplete: 1/4 runs done, status interrupted; finish it with its regiosim batch command plus --resume`,
    );
    expect(existsSync(out)).toBe(false);
    // Resuming it as another shard is refused; as itself it finishes.
    await expect(batch(experiment, { outDir: third, resume: true, shard: { index: 2, count: 3 } })).rejects.toThrow(
      /is shard 3\/3, not shard 2\/3: resume it with --shard 3\/3/,
    );
    await expect(batch(experiment, { outDir: third, resume: true })).rejects.toThrow(BatchError);
    const resumed = await batch(experiment, { outDir: third, threads: 2, resume: true, shard: { index: 3, count: 3 } });
    expect(resumed.status).toBe('complete');
    expect(resumed.resumedFrom).toBe(1);
    mergeShards([dirs[0], dirs[1], third], out);
    expect(read(out, 'runs.csv')).toBe(read(single, 'runs.csv'));
    expect(read(out, 'series.csv')).toBe(read(single, 'series.csv'));
  });

  it('reports missing shards and writes nothing', () => {
    const out = join(tempDir('merge'), 'merged');
    const e = mergeFails([shards[0], shards[2]], out);
    expect(e.kind).toBe('incomplete');
    expect(e.problems).toEqual(['shard 2/3 (runs 3–5) is missing']);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(join(out, '..'))).toEqual([]); // no staging folder left behind
  });

  it('refuses shards of other seeds, versions, experiments or shard counts, naming the folders and values', async () => {
    const work = tempDir('refuse');
    const out = join(work, 'merged');
    // Another master seed.
    const seeded = { ...experiment, masterSeed: 12 };
    const [otherSeed] = await runShards(seeded, 3, join(work, 'seed12')).then((d) => [d[1]]);
    let e = mergeFails([shards[0], otherSeed, shards[2]], out);
    expect(e.kind).toBe('refused');
    expect(e.problems).toContain(
      `master seed differs: 11 in ${shards[0]} (shard 1/3), ${shards[2]} (shard 3/3); 12 in ${otherSeed} (shard 2/3)`,
    );
    // Another regiosim version (as if made by another release).
    const old = join(work, 'old-version');
    cpSync(shards[1], old, { recursive: true });
    const m = JSON.parse(readFileSync(join(old, 'manifest.json'), 'utf8'));
    writeFileSync(join(old, 'manifest.json'), JSON.stringify({ ...m, version: '0.0.9' }));
    e = mergeFails([shards[0], old, shards[2]], out);
    expect(e.problems[0]).toMatch(new RegExp(`^regiosim version differs: .* 0\\.0\\.9 in ${old} \\(shard 2/3\\)`));
    // Another experiment (other points), and another number of shards.
    const other = plan([point('base', 24), point('big', 24, { initialStaff: 9 })], 5, 11);
    const [otherExp] = await runShards(other, 3, join(work, 'other'));
    e = mergeFails([otherExp, shards[1], shards[2]], out);
    expect(e.problems).toContain(
      `points differs: [base, big] in ${otherExp} (shard 1/3); [base, no-pool] in ${shards[1]} (shard 2/3), ${shards[2]} (shard 3/3)`,
    );
    const half = await runShards(experiment, 2, join(work, 'halves'));
    e = mergeFails([half[0], shards[1], shards[2]], out);
    expect(e.problems).toContain(
      `number of shards differs: n = 2 in ${half[0]} (shard 1/2); n = 3 in ${shards[1]} (shard 2/3), ${shards[2]} (shard 3/3)`,
    );
    // Same content, other scenario input: only the fingerprint tells.
    const tweaked = plan([point('base', 24), point('no-pool', 24, { poolForm: 'none', initialStaff: 7 })], 5, 11);
    const [tw] = await runShards(tweaked, 3, join(work, 'tweaked'));
    e = mergeFails([tw, shards[1], shards[2]], out);
    expect(e.problems[0]).toMatch(
      /^the plan \(a scenario input: same names, different content; fingerprint\) differs: /,
    );
    expect(existsSync(out)).toBe(false);
  });

  it('refuses the same shard twice, a whole batch, a missing folder and a non-empty --out', () => {
    const work = tempDir('refuse2');
    const copy = join(work, 'copy-of-2');
    cpSync(shards[1], copy, { recursive: true });
    const out = join(work, 'merged');
    expect(mergeFails([shards[0], shards[1], copy, shards[2]], out).problems).toEqual([
      `shard 2/3 is given more than once: ${shards[1]}, ${copy}`,
    ]);
    expect(mergeFails([shards[0], shards[1], shards[1], shards[2]], out).problems).toEqual([
      `${shards[1]} is given twice`,
    ]);
    expect(mergeFails([single, ...shards], out).problems).toEqual([
      `${single} holds a whole batch, not a shard (it was run without --shard i/n): there is nothing to merge it with`,
    ]);
    expect(mergeFails([...shards, join(work, 'nope')], out).problems).toEqual([`${join(work, 'nope')} does not exist`]);
    expect(mergeFails(shards, single).problems).toEqual([
      `${single} already exists and is not empty: choose another --out (merge never overwrites)`,
    ]);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(work)).toEqual(['copy-of-2']);
  });

  it('refuses a shard whose runs.csv was cut or edited, and leaves nothing behind', () => {
    const work = tempDir('damaged');
    const cut = join(work, 'cut');
    cpSync(shards[1], cut, { recursive: true });
    const runs = readFileSync(join(cut, 'runs.csv'), 'utf8').split('\n');
    writeFileSync(join(cut, 'runs.csv'), `${runs.slice(0, -2).join('\n')}\n`); // the last row gone
    const out = join(work, 'merged');
    const e = mergeFails([shards[0], cut, shards[2]], out);
    expect(e.kind).toBe('incomplete');
    expect(e.problems[0]).toMatch(/shard 2\/3 in .*: runs.csv holds 2 of its 3 runs/);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(work)).toEqual(['cut']);
  });
});
