/**
 * `--resume`: finds how far an interrupted batch got and makes its files consistent again, so the
 * batch can go on where it stopped and end byte-identical to an uninterrupted one. Runs are
 * written in index order, so the finished runs are exactly the complete rows at the top of runs.csv;
 * a half-written last row is dropped, and every row table (series.csv, municipalities.csv, ...) is
 * cut back to the same runs. Every kept row is checked (run, point, replicate, cells), and every
 * kept ok run must have all its rows in every table. A finished `--format parquet` batch, whose row
 * tables are Parquet only, has nothing left to run.
 */
import { closeSync, existsSync, lstatSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { openRegular } from '../store/read.js';
import { packageVersion, gitCommit } from '../store/manifest.js';
import type { ExperimentPlan } from '../scenarios/plan.js';
import { type BatchManifest, planFingerprint, readManifest } from './batch-manifest.js';
import { forEachLine, splitCsvLine, tailCut, truncate } from './csv-lines.js';
import { runIndexOf } from './runs-table.js';
import type { RunsTable } from './runs-table.js';
import { parquetName } from './parquet-export.js';
import { rowTables, type TableOptions } from './tables.js';
import { rowProblem, SeriesCheck } from './verify.js';
import type { ShardRecord } from './shard.js';
import { BatchError } from './batch-error.js';

export interface BatchPaths {
  dir: string;
  runs: string;
  series: string;
  manifest: string;
  readme: string;
}

export interface ResumePoint {
  done: number;
  ok: number;
  failed: number;
  manifest: BatchManifest;
  notes: string[];
}

/** Checks that the folder holds this very batch (else a BatchError saying what differs). */
function checkManifest(
  paths: BatchPaths,
  plan: ExperimentPlan,
  options: TableOptions,
  shard: ShardRecord | undefined,
): { manifest: BatchManifest; notes: string[] } {
  if (!existsSync(paths.manifest))
    throw new BatchError(
      existsSync(paths.runs)
        ? `${paths.dir} has runs.csv but no manifest.json, so it cannot be checked or resumed: run the batch again into a new --out (the same scenarios and seed give the same rows)`
        : `${paths.dir} has no manifest.json: there is no batch there to resume; start it without --resume`,
    );
  const manifest = readManifest(paths.manifest);
  if (manifest.tool !== 'regiosim' || manifest.command !== 'batch')
    throw new BatchError(`${paths.manifest} is not the manifest of a regiosim batch`);
  const version = packageVersion();
  if (manifest.version !== version)
    throw new BatchError(
      `the batch in ${paths.dir} was made by regiosim ${manifest.version}, this is ${version}: results would differ; start a new batch`,
    );
  if (manifest.planHash !== planFingerprint(plan, options.series, options.municipalities)) {
    const was = manifest.plan as { masterSeed: number; replicates: number; points: Array<{ id: string }> } | undefined;
    const diffs: string[] = [];
    if (was?.masterSeed !== plan.masterSeed) diffs.push(`master seed ${was?.masterSeed} → ${plan.masterSeed}`);
    if (was?.replicates !== plan.replicates) diffs.push(`runs per point ${was?.replicates} → ${plan.replicates}`);
    if (manifest.series !== options.series) diffs.push(`--series ${manifest.series} → ${options.series}`);
    const municipalities = manifest.municipalities ?? 'none';
    if (municipalities !== options.municipalities)
      diffs.push(`--municipalities ${municipalities} → ${options.municipalities}`);
    const ids = (was?.points ?? []).map((p) => p.id).join(', ');
    const now = plan.points.map((p) => p.id).join(', ');
    if (ids !== now) diffs.push(`points [${ids}] → [${now}]`);
    if (diffs.length === 0) diffs.push('a scenario input changed (same names, different content)');
    throw new BatchError(
      `the batch in ${paths.dir} was made with a different plan: ${diffs.join('; ')}. Resume with the same scenarios and options, or start a new batch`,
    );
  }
  const was = manifest.shard as ShardRecord | undefined;
  const name = (s: ShardRecord | undefined) => (s ? `shard ${s.index}/${s.count}` : 'a whole batch (no --shard)');
  if (was?.index !== shard?.index || was?.count !== shard?.count)
    throw new BatchError(
      `the batch in ${paths.dir} is ${name(was)}, not ${name(shard)}: resume it with ${was ? `--shard ${was.index}/${was.count}` : 'no --shard'}, or choose another --out`,
    );
  const notes: string[] = [];
  const commit = gitCommit();
  if (manifest.commit !== commit)
    notes.push(
      `note: the batch was started at commit ${manifest.commit}, this is ${commit} (same version and plan; resuming)`,
    );
  return { manifest, notes };
}

/** Validates the folder, cuts every CSV file back to the finished runs, and says where to go on. */
export function prepareResume(
  paths: BatchPaths,
  plan: ExperimentPlan,
  options: TableOptions,
  table: RunsTable,
  shard?: ShardRecord,
): ResumePoint {
  const { manifest, notes } = checkManifest(paths, plan, options, shard);
  // --resume cuts these files back and appends to them: through a link it would change another file.
  for (const file of [paths.runs, ...rowTables(options).map((t) => join(paths.dir, t.file))])
    if (lstatSync(file, { throwIfNoEntry: false })?.isSymbolicLink())
      throw new BatchError(
        `${file} is a symbolic link; allowed: the regular file the batch wrote (--resume cuts and appends to it, and will not do so through a link)`,
      );
  // A shard's rows carry the run indices of the whole batch, from its first run on.
  const first = shard?.runs.from ?? 0;
  if (!existsSync(paths.runs)) return { done: 0, ok: 0, failed: 0, manifest, notes };
  const rules = { columns: table.columns, pointIds: plan.points.map((p) => p.id), replicates: plan.replicates };
  const statusColumn = table.columns.indexOf('status');
  const shapes = plan.points.map((p) => ({
    horizonMonths: p.input.horizonMonths,
    municipalities: p.input.municipalities.length,
  }));
  const tables = rowTables(options).map((t) => ({
    ...t,
    path: join(paths.dir, t.file),
    check: new SeriesCheck(false, t.noun),
    lines: shapes.map((s) => t.rowsPerRun(s)),
  }));
  let header: string | undefined;
  let done = 0;
  let ok = 0;
  let failed = 0;
  const complete = forEachLine(paths.runs, (line) => {
    if (header === undefined) {
      header = `${line}\n`;
      if (header !== table.header)
        throw new BatchError(`${paths.runs} has other columns than this batch writes: start a new batch`);
      return true;
    }
    const run = first + done;
    const cells = splitCsvLine(line);
    const problem = rowProblem(cells, run, rules);
    if (problem)
      throw new BatchError(
        `${paths.runs} line ${done + 2}: ${problem}: the file was edited or damaged; start a new batch`,
      );
    if (cells[statusColumn] === 'ok') {
      ok++;
      for (const t of tables) t.check.expect(run, t.lines[Math.floor(run / plan.replicates)]);
    } else failed++;
    done++;
    return true;
  });
  if (statSync(paths.runs).size > complete) truncate(paths.runs, complete);
  const total = shard ? shard.runs.to - shard.runs.from : plan.points.length * plan.replicates;
  for (const t of tables) {
    if (done === 0) break;
    // A finished --format parquet batch keeps its row tables as Parquet only: nothing to cut or run.
    if (!existsSync(t.path) && done === total && existsSync(join(paths.dir, parquetName(t.file)))) continue;
    if (!existsSync(t.path) || !startsWith(t.path, t.header))
      throw new BatchError(`${t.path} is missing or damaged: start a new batch`);
    const size = statSync(t.path).size;
    const cut = tailCut(t.path, size, t.header.length, (line) => runIndexOf(line) < first + done);
    if (cut < size) truncate(t.path, cut);
    // Every done ok run must have all its rows (a kill never loses them: the tables go first).
    let problem: string | undefined;
    forEachLine(t.path, (line, at) => {
      if (at === 0) return true;
      problem = t.check.line(line);
      return problem === undefined;
    });
    problem ??= t.check.end();
    if (problem) throw new BatchError(`${t.path}: ${problem}: the file was edited or damaged; start a new batch`);
  }
  return { done: header === undefined ? 0 : done, ok, failed, manifest, notes };
}

function startsWith(path: string, text: string): boolean {
  const fd = openRegular(path);
  try {
    const buf = Buffer.alloc(Buffer.byteLength(text));
    const n = readSync(fd, buf, 0, buf.length, 0);
    return n === buf.length && buf.toString('utf8') === text;
  } finally {
    closeSync(fd);
  }
}
