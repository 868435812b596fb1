/**
 * `regiosim merge`: combines the n shard folders of one batch (`regiosim batch --shard i/n`) into
 * one batch folder whose runs.csv and row tables (series.csv, municipalities.csv, ...) are
 * byte-identical to the same batch run on one machine. A shard holds one contiguous block of run
 * indices (workers/shard.ts), so merging is the header once, then every shard's rows in shard
 * order; every row is checked on the way. Shards keep CSV whatever their --format; the merged
 * folder gets the Parquet files of that format (workers/parquet-export.ts).
 *
 * Refuses (MergeError 'refused') shards of different experiments, seeds, versions, series modes or
 * shard counts, the same shard twice, and folders that are not shards; reports (MergeError
 * 'incomplete') missing and unfinished shards. The result is built in a staging folder next to
 * --out and renamed into place only when complete, so a partial merged result is never written.
 */
import { INPUTS_DIR } from './provenance.js';
import type { PlanPoint } from '../scenarios/plan.js';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmdirSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { makeDir } from '../store/dirs.js';
import { InputFileError } from '../store/errors.js';
import { acquireLock, holderText, LOCK_FILE, liveHolder } from '../store/lock.js';
import { readRegularText } from '../store/read.js';
import { MARKER_FILE } from '../store/output-folder.js';
import { writeAll, writeWhole } from '../store/write.js';
import { type BatchCounts, type BatchManifest, readManifest } from './batch-manifest.js';
import { forEachLine } from './csv-lines.js';
import { SeriesCheck } from './verify.js';
import { Appender, copyRuns, copyTable } from './shard-copy.js';
import { MergeError, planOf, type ShardFolder } from './shard-folder.js';
import { batchPaths } from './engine.js';
import type { SeriesMode } from './protocol.js';
import { runsText, type ShardRecord } from './shard.js';
import { batchResumeArgs, commandLine } from './command-line.js';
import { exportParquet, parquetName } from './parquet-export.js';
import { rowTables } from './tables.js';
import { runsTable } from './runs-table.js';

/** One shard as the merged manifest lists it (field `merged.shards`). */
export interface MergedShard {
  index: number;
  count: number;
  runs: { from: number; to: number };
  dir: string;
  startedAt: string;
  finishedAt: string | null;
  commit: string;
  node: string;
  status: string;
  counts: BatchCounts;
  previousAttempts: unknown;
}

export interface MergeResult {
  dir: string;
  shards: MergedShard[];
  counts: BatchCounts;
  status: 'complete' | 'failed';
  series: SeriesMode;
  plan: { name: string; points: number; replicates: number; masterSeed: number };
  notes: string[];
}

const range = (s: Pick<ShardRecord, 'runs'>) => runsText(s.runs);

/**
 * The shard folders among `dirs`: each is a shard folder (has manifest.json), or a folder whose
 * sub-folders are (e.g. the `shards/` folder of `regiosim slurm`). Problems found here are refusals.
 */
export function readShardFolders(dirs: string[]): { folders: ShardFolder[]; problems: string[]; unstarted: string[] } {
  const problems: string[] = [];
  const unstarted: string[] = [];
  const folders: ShardFolder[] = [];
  const seen = new Map<string, string>();
  const add = (dir: string) => {
    const real = realpathSync(dir);
    const before = seen.get(real);
    if (before !== undefined) {
      problems.push(`${dir} is given twice${before === dir ? '' : ` (also as ${before})`}`);
      return;
    }
    seen.set(real, dir);
    const file = join(dir, 'manifest.json');
    if (!existsSync(file)) {
      // A folder without a manifest: a shard that was killed before it wrote one (or not a batch).
      unstarted.push(dir);
      return;
    }
    let manifest: BatchManifest;
    try {
      manifest = readManifest(file);
    } catch (e) {
      if (!(e instanceof InputFileError)) throw e;
      problems.push(e.message);
      return;
    }
    if (manifest.tool !== 'regiosim' || manifest.command !== 'batch') {
      problems.push(`${dir} is not a regiosim batch folder (its manifest.json is not a batch's)`);
      return;
    }
    const shard = manifest.shard as ShardRecord | undefined;
    if (!shard) {
      problems.push(
        manifest.merged
          ? `${dir} is already a merged batch, not a shard`
          : `${dir} holds a whole batch, not a shard (it was run without --shard i/n): there is nothing to merge it with`,
      );
      return;
    }
    folders.push({ dir, manifest, shard });
  };
  for (const dir of dirs) {
    if (!existsSync(dir)) {
      problems.push(`${dir} does not exist`);
      continue;
    }
    if (!statSync(dir).isDirectory()) {
      problems.push(`${dir} is not a folder`);
      continue;
    }
    if (existsSync(join(dir, 'manifest.json'))) {
      add(dir);
      continue;
    }
    const children = readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => join(dir, e.name))
      .sort();
    const shards = children.filter((c) => existsSync(join(c, 'manifest.json')));
    if (shards.length === 0) {
      if (children.length === 0) unstarted.push(dir);
      else problems.push(`${dir} holds no batch (no manifest.json in it or in its sub-folders)`);
      continue;
    }
    for (const c of children) add(c);
  }
  return { folders, problems, unstarted };
}

/** Groups folders by a value: "A in x, y; B in z" (for messages about what differs). */
function differs(what: string, folders: ShardFolder[], value: (f: ShardFolder) => unknown): string | undefined {
  const groups = new Map<string, string[]>();
  for (const f of folders) {
    const v = value(f);
    const key = typeof v === 'string' ? v : JSON.stringify(v);
    groups.set(key, [...(groups.get(key) ?? []), `${f.dir} (shard ${f.shard.index}/${f.shard.count})`]);
  }
  if (groups.size <= 1) return undefined;
  return `${what} differs: ${[...groups].map(([v, dirs]) => `${v} in ${dirs.join(', ')}`).join('; ')}`;
}

/** Everything that must agree between shards of one batch; each problem names the folders and the values. */
export function checkSameBatch(folders: ShardFolder[]): string[] {
  const problems: string[] = [];
  const check = (what: string, value: (f: ShardFolder) => unknown) => {
    const d = differs(what, folders, value);
    if (d) problems.push(d);
  };
  check('regiosim version', (f) => f.manifest.version);
  check('experiment', (f) => planOf(f).name);
  check('master seed', (f) => f.manifest.seeds?.master);
  check('runs per point', (f) => planOf(f).replicates);
  check('points', (f) => `[${(planOf(f).points ?? []).map((p) => p.id).join(', ')}]`);
  check('series', (f) => f.manifest.series);
  check('municipality tables (--municipalities)', (f) => f.manifest.municipalities ?? 'none');
  check('format (--format)', (f) => f.manifest.format ?? 'csv');
  check('number of shards', (f) => `n = ${f.shard.count}`);
  check('number of runs', (f) => f.shard.totalRuns);
  if (problems.length === 0)
    check('the plan (a scenario input: same names, different content; fingerprint)', (f) => f.manifest.planHash);
  // The same shard twice (same batch, e.g. run twice into two folders).
  const byIndex = new Map<number, ShardFolder[]>();
  for (const f of folders) byIndex.set(f.shard.index, [...(byIndex.get(f.shard.index) ?? []), f]);
  for (const [i, fs] of [...byIndex].sort((a, b) => a[0] - b[0]))
    if (fs.length > 1)
      problems.push(`shard ${i}/${fs[0].shard.count} is given more than once: ${fs.map((f) => f.dir).join(', ')}`);
  return problems;
}

/** Missing and unfinished shards (of a set that passed checkSameBatch). */
export function checkComplete(folders: ShardFolder[], unstarted: string[]): string[] {
  const problems: string[] = [];
  const n = folders[0].shard.count;
  const have = new Set(folders.map((f) => f.shard.index));
  for (let i = 1; i <= n; i++) {
    if (have.has(i)) continue;
    const from = Math.floor(((i - 1) * folders[0].shard.totalRuns) / n);
    const to = Math.floor((i * folders[0].shard.totalRuns) / n);
    problems.push(`shard ${i}/${n} (${range({ runs: { from, to } })}) is missing`);
  }
  for (const dir of unstarted)
    problems.push(`${dir} has no manifest.json: a shard that never started, or was killed at once; run it again`);
  for (const f of [...folders].sort((a, b) => a.shard.index - b.shard.index)) {
    const m = f.manifest;
    const c = m.counts;
    if (c.done === c.total && (m.status === 'complete' || m.status === 'failed') && !m.error) continue;
    const why =
      m.status === 'running'
        ? 'status running (still running, or killed without a chance to record it)'
        : `status ${m.status}${m.error ? `: ${m.error}` : ''}`;
    const resume = batchResumeArgs((m.arguments as Record<string, unknown> | undefined) ?? {});
    problems.push(
      `shard ${f.shard.index}/${f.shard.count} in ${f.dir} is incomplete: ${c.done}/${c.total} runs done, ${why}; finish it with ${resume ? commandLine(resume) : 'its regiosim batch command plus --resume'}`,
    );
  }
  return problems;
}

/** The README of the merged folder: the shards' README (the same in all) plus where it came from. */
function mergedReadme(first: ShardFolder, shards: MergedShard[]): string {
  const readme = batchPaths(first.dir).readme;
  const base = existsSync(readme) ? readRegularText(readme, 16 * 1024 * 1024) : '# regiosim batch results\n';
  const n = shards.length;
  return [
    base.trimEnd(),
    '',
    `## Merged from ${n} shard${n === 1 ? '' : 's'}`,
    '',
    `This folder was made by \`regiosim merge\` from ${n} shard${n === 1 ? '' : 's'} (\`regiosim batch --shard i/${n}\`, e.g. the`,
    'tasks of a SLURM job array). runs.csv and series.csv are byte-identical to the same batch run on one',
    'machine; manifest.json lists the shards under `merged` (see docs/SLURM.md).',
    '',
    '| shard | runs | folder |',
    '|---|---|---|',
    ...shards.map((s) => `| ${s.index}/${s.count} | ${s.runs.from}–${s.runs.to - 1} | ${s.dir} |`),
    '',
  ].join('\n');
}

/** Merges the shard folders `dirs` into `outDir` (which must not hold anything yet). */
export function mergeShards(dirs: string[], outDir: string): MergeResult {
  if (dirs.length === 0) throw new MergeError('refused', ['name the shard folders to merge']);
  const { folders, problems, unstarted } = readShardFolders(dirs);
  if (folders.length > 0) problems.push(...checkSameBatch(folders));
  if (existsSync(outDir) && (!statSync(outDir).isDirectory() || readdirSync(outDir).length > 0))
    problems.push(`${outDir} already exists and is not empty: choose another --out (merge never overwrites)`);
  if (problems.length) throw new MergeError('refused', problems);
  if (folders.length === 0)
    throw new MergeError('incomplete', [
      ...unstarted.map((d) => `${d} has no manifest.json: no shard has started there yet`),
      ...(unstarted.length ? [] : ['no shard folders found']),
    ]);
  const incomplete = checkComplete(folders, unstarted);
  // A shard still being written (its lock is held by a live process) is not finished.
  for (const f of folders) {
    const h = liveHolder(join(f.dir, LOCK_FILE));
    if (h) incomplete.push(`${f.dir} is being written by ${holderText(h)}: wait for it to finish`);
  }
  if (incomplete.length) throw new MergeError('incomplete', incomplete);

  const sorted = [...folders].sort((a, b) => a.shard.index - b.shard.index);
  const first = sorted[0];
  const series = first.manifest.series;
  const notes: string[] = [];
  const commits = new Set(sorted.map((f) => f.manifest.commit));
  if (commits.size > 1)
    notes.push(`note: the shards were made at different commits (${[...commits].join(', ')}); same version and plan`);

  // Build everything in a staging folder next to --out, then rename it into place. One merge into
  // --out at a time (a lock beside it); under the lock, staging folders of earlier merges are stale
  // (a killed merge) and go.
  // Made (empty) first, so that a place that takes no folders is said so; gone again on failure.
  const made = makeDir(outDir);
  const parent = dirname(resolve(outDir));
  const base = basename(resolve(outDir));
  let lock: ReturnType<typeof acquireLock>;
  try {
    lock = acquireLock(join(parent, `.${base}${LOCK_FILE}`), 'merge', outDir);
  } catch (e) {
    for (const d of made.reverse()) rmdirSync(d);
    throw e;
  }
  for (const e of readdirSync(parent))
    if (e.startsWith(`.${base}.merging-`)) rmSync(join(parent, e), { recursive: true, force: true });
  const staging = join(parent, `.${base}.merging-${process.pid}`);
  mkdirSync(staging);
  try {
    const paths = batchPaths(staging);
    const header = readFirstLine(batchPaths(first.dir).runs);
    const tables = rowTables({ series, municipalities: first.manifest.municipalities ?? 'none' });
    // checks[shard][table]
    const checks = sorted.map(() => tables.map((t) => new SeriesCheck(true, t.noun)));
    const runsFd = openSync(paths.runs, 'w');
    let ok = 0;
    let failed = 0;
    try {
      const out = new Appender(runsFd, paths.runs);
      out.add(header);
      for (const [k, f] of sorted.entries()) {
        const c = copyRuns(f, header, out, tables, checks[k]);
        ok += c.ok;
        failed += c.failed;
      }
      out.flush();
    } finally {
      closeSync(runsFd);
    }
    for (const [t, table] of tables.entries()) {
      const path = join(staging, table.file);
      const fd = openSync(path, 'w');
      try {
        writeAll(fd, table.header, path);
        for (const [k, f] of sorted.entries()) copyTable(f, table, fd, path, checks[k][t]);
      } finally {
        closeSync(fd);
      }
    }
    const format = first.manifest.format ?? 'csv';
    if (format !== 'csv') {
      // The runs table of the plan, rebuilt from the sweep values the manifest lists (as the workers built it).
      const sweeps = (planOf(first).points ?? []).map((p) => p.sweep ?? {});
      const table = runsTable({
        points: sweeps.map((sweep) => ({ sweep: sweep as PlanPoint['sweep'] })),
        outcomes: planOf(first).outcomes ?? [],
      });
      if (table.header !== header)
        throw new MergeError('refused', ['runs.csv has other columns than the plan in the manifest']);
      exportParquet(staging, { runs: { ...table, sweeps }, tables, seriesMode: series }, format);
    }
    notes.push(...copyOtherFiles(sorted, staging));
    copyKeptInputs(sorted[0].dir, staging);
    const shards: MergedShard[] = sorted.map((f) => ({
      index: f.shard.index,
      count: f.shard.count,
      runs: f.shard.runs,
      dir: resolve(f.dir),
      startedAt: f.manifest.startedAt,
      finishedAt: f.manifest.finishedAt,
      commit: f.manifest.commit,
      node: f.manifest.node,
      status: f.manifest.status,
      counts: f.manifest.counts,
      previousAttempts: f.manifest.previousAttempts ?? [],
    }));
    const counts: BatchCounts = { total: first.shard.totalRuns, done: first.shard.totalRuns, ok, failed };
    const status = failed > 0 ? 'failed' : 'complete';
    writeWhole(paths.readme, mergedReadme(first, shards));
    writeWhole(
      join(staging, MARKER_FILE),
      `${JSON.stringify(
        {
          tool: 'regiosim',
          kind: 'merge',
          files: readdirSync(staging)
            .map((n) => (n === INPUTS_DIR ? `${n}/` : n))
            .concat('manifest.json')
            .sort(),
        },
        null,
        1,
      )}\n`,
    );
    writeWhole(
      paths.manifest,
      `${JSON.stringify(mergedManifest(first, sorted, shards, counts, status, outDir), null, 2)}\n`,
    );
    if (existsSync(outDir)) rmdirSync(outDir); // an empty folder (checked above)
    renameSync(staging, outDir);
    const p = planOf(first);
    return {
      dir: outDir,
      shards,
      counts,
      status,
      series,
      plan: {
        name: p.name ?? '',
        points: p.points?.length ?? 0,
        replicates: p.replicates ?? 0,
        masterSeed: first.manifest.seeds?.master ?? 0,
      },
      notes,
    };
  } catch (e) {
    rmSync(staging, { recursive: true, force: true });
    lock.release(); // before the folders it made go (the lock sits in the parent)
    for (const d of made.reverse()) if (existsSync(d) && readdirSync(d).length === 0) rmdirSync(d);
    // Messages name the folder the user asked for, not the staging folder that is gone.
    const err = e as NodeJS.ErrnoException;
    if (typeof err.path === 'string' && err.path.startsWith(staging))
      err.path = join(outDir, err.path.slice(staging.length));
    throw e;
  } finally {
    lock.release();
  }
}

const OWN_FILES = new Set([
  'runs.csv',
  ...rowTables({ series: 'yearly', municipalities: 'yearly' }).flatMap((t) => [t.file, parquetName(t.file)]),
  'runs.parquet',
  'manifest.json',
  'README.md',
]);

/**
 * Other files of the shard folders (e.g. design.csv and design.json of an experiment with a design:
 * block, written alike by every shard): copied when every shard has the very same file; otherwise
 * left out with a note. Sub-folders (e.g. a report made of one shard) are left out.
 */
/** The kept inputs (workers/provenance.ts) of the first shard: every shard keeps the same plan. */
function copyKeptInputs(from: string, staging: string): void {
  const src = join(from, INPUTS_DIR);
  if (!existsSync(join(src, 'points.json'))) return;
  const names = ['points.json', 'files.json'];
  if (existsSync(join(src, 'files'))) names.push(...readdirSync(join(src, 'files')).map((n) => `files/${n}`));
  makeDir(join(staging, INPUTS_DIR, 'files'));
  for (const n of names)
    if (existsSync(join(src, n))) writeWhole(join(staging, INPUTS_DIR, n), readRegularText(join(src, n), 1 << 30));
}

function copyOtherFiles(sorted: ShardFolder[], staging: string): string[] {
  const notes: string[] = [];
  const names = new Set<string>();
  for (const f of sorted)
    for (const e of readdirSync(f.dir, { withFileTypes: true }))
      if (e.isFile() && !OWN_FILES.has(e.name) && !e.name.startsWith('.regiosim-') && !/\.tmp-\d+$/.test(e.name))
        names.add(e.name);
  for (const name of [...names].sort()) {
    const contents = sorted.map((f) =>
      existsSync(join(f.dir, name)) ? Buffer.from(readRegularText(join(f.dir, name), 256 * 1024 * 1024)) : undefined,
    );
    const first = contents[0];
    if (first && contents.every((c) => c?.equals(first))) writeWhole(join(staging, name), first);
    else
      notes.push(
        `note: ${name} is not the same in every shard (${contents.some((c) => !c) ? 'missing in some' : 'it differs'}): not copied`,
      );
  }
  return notes;
}

function readFirstLine(path: string): string {
  let first = '';
  forEachLine(path, (line) => {
    first = `${line}\n`;
    return false;
  });
  return first;
}

/**
 * The merged manifest: the first shard's, with the fields of a whole batch (counts, status, no
 * `shard`), the earliest start and latest finish, arguments without --shard and with the merged
 * folder as `out`, and `merged`: when, and every shard with its folder, times, commit, Node and counts.
 */
function mergedManifest(
  first: ShardFolder,
  sorted: ShardFolder[],
  shards: MergedShard[],
  counts: BatchCounts,
  status: 'complete' | 'failed',
  outDir: string,
): BatchManifest {
  const { shard: _shard, previousAttempts: _previous, error: _error, ...rest } = first.manifest;
  const args = { ...(first.manifest.arguments ?? {}) };
  delete args.shard;
  args.out = outDir;
  const times = sorted.map((f) => f.manifest.startedAt).sort();
  const ends = sorted.map((f) => f.manifest.finishedAt ?? '').sort();
  return {
    ...rest,
    arguments: args,
    startedAt: times[0],
    finishedAt: ends[ends.length - 1],
    status,
    counts,
    previousAttempts: [],
    merged: {
      at: new Date().toISOString(),
      by: 'regiosim merge',
      shards,
    },
  } as BatchManifest;
}
