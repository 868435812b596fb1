/**
 * The batch engine: runs every run of an experiment plan on a piscina pool, in chunks, and streams
 * the outcomes to DIR/runs.csv and the row tables (series.csv, municipalities.csv, ...; see
 * workers/tables.ts) in run-index order, so the files are byte-identical for any thread count,
 * chunk size or completion order, and memory stays flat (runs in flight are bounded; nothing else
 * is kept). When every run is done, `--format parquet|both` streams the tables into Parquet files
 * (workers/parquet-export.ts). manifest.json is written atomically at the
 * start (status running) and at the end (complete | failed | interrupted). The folder is claimed
 * for its kind of output and locked for one writer (store/); a write that fails (disk full) stops
 * the batch as interrupted, ready for --resume.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ExperimentPlan } from '../scenarios/plan.js';
import { describeFault, isFsError } from '../store/errors.js';
import { OutputFolder, type OutputKind } from '../store/output-folder.js';
import { writeAtomic, writeWhole } from '../store/write.js';
import { BatchError } from './batch-error.js';
import {
  type BatchCounts,
  type BatchStatus,
  batchManifest,
  type ManifestContext,
  writeManifest,
} from './batch-manifest.js';
import { batchReadme } from './batch-readme.js';
import { ChunkSizer } from './chunking.js';
import { forEachLine } from './csv-lines.js';
import { TimeoutWatch, threadCount, timeoutOutcome } from './limits.js';
import type { MunicipalityMode } from './municipality-table.js';
import { type FailedRun, OrderedWriter } from './ordered-writer.js';
import { exportParquet, type OutputFormat, parquetName } from './parquet-export.js';
import { makeProgress, type Progress } from './progress.js';
import type { ChunkTask, SeriesMode, WireOutcome } from './protocol.js';
import { POINTS_FILE, writeProvenance } from './provenance.js';
import { type BatchPaths, prepareResume } from './resume.js';
import { Pace, runCost } from './run-cost.js';
import { runsTable } from './runs-table.js';
import { checkShardCount, type Shard, shardRecord } from './shard.js';
import { type BatchSpecs, batchSpecs } from './specs.js';
import { rowTables, TABLE_FILES, type TableOptions } from './tables.js';
import { toWire } from './wire.js';
import { shareSetup, WorkerPool, workerFile } from './worker-pool.js';

export { BatchError } from './batch-error.js';
export { type BatchEstimate, estimateBatch } from './estimate.js';
export { WorkerPool, workerFile } from './worker-pool.js';

export interface BatchOptions {
  outDir: string;
  /** Worker threads (default: os.availableParallelism()). */
  threads?: number;
  /** Runs per task (default: chosen from a short pilot, see workers/chunking.ts). */
  chunk?: number;
  series?: SeriesMode;
  /** Per-municipality rows: end-of-run rows (default), plus yearly series, or none (workers/municipality-table.ts). */
  municipalities?: MunicipalityMode;
  /** The tables as CSV (default), Parquet (plus runs.csv, the ledger) or both (workers/parquet-export.ts). */
  format?: OutputFormat;
  /** Continue the interrupted batch in outDir instead of starting a new one. */
  resume?: boolean;
  progress?: Progress;
  /** What the manifest records besides the plan: the command's arguments and input files. */
  manifest?: { arguments: Record<string, unknown>; inputFiles: string[] };
  /** Aborting stops dispatching; runs in flight finish and are written; status becomes interrupted. */
  signal?: AbortSignal;
  /** Tests: act as if interrupted after this many runs of this session (they run and are written). */
  stopAfter?: number;
  /** The compiled worker (default: dist/workers/worker.js; see workerFile()). */
  workerFile?: string;
  /** Warm workers to use, and leave open, instead of starting and ending threads for this batch. */
  pool?: WorkerPool;
  /** Run only this shard's block of runs (workers/shard.ts); the manifest records it. */
  shard?: Shard;
  /** The kind of output the folder holds (store/output-folder.ts); default 'batch'. */
  kind?: OutputKind;
  /** Seconds a run may take; a run that takes longer is stopped and recorded as failed (chunks of one run). */
  runTimeout?: number;
  /** The folder, already claimed and locked by the caller (explore writes its design files first); released at the end. */
  claimed?: OutputFolder;
}

export interface BatchResult {
  status: BatchStatus;
  counts: BatchCounts;
  /** Runs already finished when this session started (resume). */
  resumedFrom: number;
  threads: number;
  /** Runs per task at the end (after the pilot, unless fixed by --chunk). */
  chunk: number;
  /** Recent worker time per run, ms (NaN if nothing ran). */
  msPerRun: number;
  /** Worker time over this session, ms: in tasks, and inside simulate() (the rest is the engine's). */
  busy: { workerMs: number; simMs: number };
  elapsedMs: number;
  /** The first failed runs (at most 20), for the end message. */
  failures: FailedRun[];
  paths: BatchPaths;
  notes: string[];
  /** Set when the batch stopped on an internal error (disk full, a worker that died...). */
  error?: string;
}

/** The files a batch writes into its folder (besides the design files of an exploration). */
export const BATCH_FILES = [
  'runs.csv',
  ...TABLE_FILES,
  'runs.parquet',
  ...TABLE_FILES.map(parquetName),
  'manifest.json',
  'README.md',
] as const;

export function batchPaths(dir: string): BatchPaths {
  return {
    dir,
    runs: join(dir, 'runs.csv'),
    series: join(dir, 'series.csv'),
    manifest: join(dir, 'manifest.json'),
    readme: join(dir, 'README.md'),
  };
}

/**
 * Runs a whole plan (or what is left of it, with resume) and writes the batch folder, holding the
 * folder's lock throughout (a second writer is refused with an OutputError naming this one).
 */
export async function runBatch(plan: ExperimentPlan, options: BatchOptions): Promise<BatchResult> {
  const kind = options.kind ?? 'batch';
  if (options.resume && !options.claimed && !existsSync(options.outDir))
    throw new BatchError(
      `${options.outDir}: no such folder, so there is no batch there to resume; start it without --resume`,
    );
  const folder =
    options.claimed ??
    OutputFolder.claim(options.outDir, kind, BATCH_FILES, `${kind}${options.resume ? ' --resume' : ''}`);
  try {
    const result = await lockedBatch(plan, options, folder);
    const note = folder.staleNote();
    if (note) result.notes.push(note);
    return result;
  } finally {
    folder.release();
  }
}

async function lockedBatch(plan: ExperimentPlan, options: BatchOptions, folder: OutputFolder): Promise<BatchResult> {
  const t0 = performance.now();
  const series = options.series ?? 'yearly';
  const tableOptions: TableOptions = { series, municipalities: options.municipalities ?? 'end' };
  const tables = rowTables(tableOptions);
  const format = options.format ?? 'csv';
  const paths = batchPaths(options.outDir);
  const table = runsTable(plan);
  const specs = batchSpecs(plan);
  const progress = options.progress ?? makeProgress('quiet');
  const worker = options.workerFile ?? workerFile();
  if (options.shard) checkShardCount(options.shard.count, specs.total);
  const shard = options.shard ? shardRecord(options.shard, specs.total) : undefined;
  // The runs of this batch: all of them, or the shard's block. Run indices stay those of the whole plan.
  const range = shard?.runs ?? { from: 0, to: specs.total };

  let start = range.from;
  let okBefore = 0;
  let failedBefore = 0;
  const notes: string[] = [];
  const ctx: ManifestContext = {
    plan,
    series,
    municipalities: tableOptions.municipalities,
    format,
    arguments: options.manifest?.arguments ?? {},
    inputFiles: options.manifest?.inputFiles ?? [],
    startedAt: new Date(),
    history: [],
    ...(shard ? { extra: { shard } } : {}),
  };
  // A batch stopped before it began (killed between its first files and its manifest, or a full
  // disk) left regiosim's own runs.csv with no run in it and no manifest: nothing to keep, so it
  // starts over, with or without --resume, instead of a dead end between the two.
  let resume = options.resume === true;
  if (
    !existsSync(paths.manifest) &&
    folder.earlier &&
    (!existsSync(paths.runs) || (folder.recorded('runs.csv') && !hasRows(paths.runs)))
  ) {
    if (existsSync(paths.runs) || resume)
      notes.push(
        `note: the batch in ${paths.dir} had stopped before its first run (no manifest.json, no run in runs.csv): started it from the beginning`,
      );
    for (const f of [paths.runs, ...tables.map((t) => join(paths.dir, t.file))]) rmSync(f, { force: true });
    resume = false;
  }
  if (resume) {
    const at = prepareResume(paths, plan, tableOptions, table, shard);
    ({ ok: okBefore, failed: failedBefore } = at);
    notes.push(...at.notes);
    start = range.from + at.done;
    const previous = at.manifest.previousAttempts as ManifestContext['history'] | undefined;
    ctx.history = [
      ...(previous ?? []),
      {
        startedAt: at.manifest.startedAt,
        endedAt: (at.manifest.finishedAt as string | null) ?? null,
        status: at.manifest.status,
      },
    ];
  } else if (existsSync(paths.manifest) || existsSync(paths.runs)) {
    throw new BatchError(`${paths.dir} already holds a batch: add --resume to continue it, or choose another --out`);
  }
  const threads = threadCount(options.pool?.threads ?? options.threads);
  if (threads.note) notes.push(threads.note);
  const fresh = start === range.from && !resume;
  try {
    if (start === range.from) {
      writeWhole(folder.path('runs.csv'), table.header);
      for (const t of tables) writeWhole(folder.path(t.file), t.header);
    }
    const rerun =
      "A run reproduces alone, with its point's inputs (sweep or design values included) and the seed in its row: `npx regiosim run --from <this folder> --run <run>` in the regiosim project folder (`<run>` from the run column of runs.csv).";
    writeAtomic(folder.path('README.md'), batchReadme(table, series, rerun, { ...tableOptions, format }));
    // The inputs as given and as resolved, so report and --resume work when the files move or change.
    if (fresh || !existsSync(join(paths.dir, POINTS_FILE))) writeProvenance(folder, plan);
    folder.path('manifest.json');
  } catch (e) {
    // A new batch that could not even start leaves nothing that looks like a batch: run it again.
    if (fresh)
      for (const f of [paths.runs, paths.readme, ...tables.map((t) => join(paths.dir, t.file))])
        rmSync(f, { force: true });
    throw e;
  }

  // A finished --format parquet batch has no CSV row tables left, and nothing to write into them.
  const open = tables.filter((t) => start < range.to || existsSync(join(paths.dir, t.file)));
  const writer = new OrderedWriter(
    { runs: paths.runs, tables: open.map((t) => ({ key: t.key, path: join(paths.dir, t.file) })) },
    start,
  );
  const counts = (): BatchCounts => ({
    total: range.to - range.from,
    done: writer.next - range.from,
    ok: okBefore + writer.ok,
    failed: failedBefore + writer.failed,
  });
  try {
    writeManifest(paths.manifest, batchManifest(ctx, 'running', counts()));
  } catch (e) {
    writer.close();
    if (fresh)
      for (const f of [paths.runs, paths.readme, ...tables.map((t) => join(paths.dir, t.file))])
        rmSync(f, { force: true });
    throw e;
  }

  const sizer = new ChunkSizer(options.runTimeout ? 1 : options.chunk, range.to - start, threads.threads);
  const busy = { workerMs: 0, simMs: 0 };
  let error: string | undefined;
  let writeFault = false;
  const end = Math.min(range.to, options.stopAfter === undefined ? range.to : start + options.stopAfter);
  const stopped = () => options.signal?.aborted === true || error !== undefined;
  // Recent worker time per unit of run cost: the time left follows the workers as they warm up.
  const pace = new Pace();
  progress.start(range.to - range.from, start - range.from, {
    threads: threads.threads,
    weight: (k) => runCost(plan.points[Math.floor((range.from + k) / plan.replicates)].input),
    msPerWeight: () => pace.ms,
  });
  try {
    await dispatch(plan, specs, {
      first: range.from,
      start,
      threads: threads.threads,
      series,
      municipalities: tableOptions.municipalities,
      sizer,
      busy,
      pace,
      writer,
      end,
      stopped,
      workerFile: worker,
      pool: options.pool,
      progress,
      failedBefore,
      table,
      runTimeoutMs: options.runTimeout ? options.runTimeout * 1000 : undefined,
      onError: (e) => {
        error ??= e;
      },
      onWriteFault: (e) => {
        writeFault = true;
        error ??= `${describeFault(e)}; the runs before it are saved`;
      },
    });
  } catch (e) {
    error ??= e instanceof Error ? e.message : String(e);
  } finally {
    progress.stop();
    writer.close();
  }
  const c = counts();
  // Every run done: the Parquet copies of the tables (a shard leaves them to regiosim merge).
  if (!error && c.done === c.total && !shard && format !== 'csv') {
    try {
      for (const f of ['runs.csv', ...tables.map((t) => t.file)]) folder.path(parquetName(f));
      exportParquet(paths.dir, exportPlanOf(plan, table, tables, series), format);
    } catch (e) {
      if (isFsError(e)) {
        writeFault = true;
        error = `${describeFault(e)} while writing the Parquet files; the CSV files are whole: --resume writes them again`;
      } else error = `writing the Parquet files failed: ${(e as Error)?.message ?? e}`;
    }
  }
  // A write that failed (disk full) leaves a consistent prefix: the batch is interrupted, not failed.
  const status: BatchStatus =
    error && !writeFault
      ? 'failed'
      : c.done < c.total || (error && writeFault)
        ? 'interrupted'
        : c.failed > 0
          ? 'failed'
          : 'complete';
  try {
    writeManifest(paths.manifest, batchManifest(ctx, status, c, error));
  } catch (e) {
    if (!isFsError(e)) throw e;
    error = `${error ? `${error}; ` : ''}manifest.json could not be updated (${describeFault(e)}): it still says running, which --resume accepts`;
  }
  return {
    status,
    counts: c,
    resumedFrom: start - range.from,
    threads: threads.threads,
    chunk: sizer.next(),
    msPerRun: sizer.msPerRun,
    busy,
    elapsedMs: performance.now() - t0,
    failures: writer.failures,
    paths,
    notes,
    error,
  };
}

/** True when a runs.csv has a complete line after its header (a run was written). */
function hasRows(path: string): boolean {
  let lines = 0;
  forEachLine(path, () => ++lines < 2);
  return lines >= 2;
}

/** What the Parquet export needs of the plan (workers/parquet-export.ts). */
export function exportPlanOf(
  plan: Pick<ExperimentPlan, 'points'>,
  table: ReturnType<typeof runsTable>,
  tables: ReturnType<typeof rowTables>,
  series: SeriesMode,
) {
  return {
    runs: { ...table, sweeps: plan.points.map((p) => p.sweep) },
    tables: tables.map((t) => ({ key: t.key, file: t.file })),
    seriesMode: series,
  };
}

interface DispatchContext {
  /** The first run of the batch (0, or a shard's first run): progress counts from it. */
  first: number;
  start: number;
  threads: number;
  series: SeriesMode;
  municipalities: MunicipalityMode;
  sizer: ChunkSizer;
  busy: BatchResult['busy'];
  /** Recent worker ms per unit of run cost (workers/run-cost.ts). */
  pace: Pace;
  writer: OrderedWriter;
  /** Dispatch runs below this index only (the stopAfter test hook; else all runs). */
  end: number;
  stopped: () => boolean;
  workerFile: string;
  /** The caller's warm workers (left open), or undefined: this batch starts and ends its own. */
  pool?: WorkerPool;
  progress: Progress;
  failedBefore: number;
  table: ReturnType<typeof runsTable>;
  /** Per-run time limit, ms (chunks are then one run each). */
  runTimeoutMs?: number;
  onError: (message: string) => void;
  onWriteFault: (e: NodeJS.ErrnoException) => void;
}

/**
 * Feeds chunks of consecutive runs to the pool with at most two tasks per thread in flight (one
 * running, one queued, so no thread waits on the main thread); this also bounds the outcomes held
 * in memory, whatever the number of runs.
 */
async function dispatch(plan: ExperimentPlan, specs: BatchSpecs, d: DispatchContext): Promise<void> {
  if (d.start >= d.end || d.stopped()) return;
  const threads = Math.min(d.threads, d.end - d.start);
  const setup = shareSetup({
    points: plan.points.map((p) => ({ id: p.id, scenario: p.scenario, sweep: p.sweep, input: p.input })),
    outcomes: d.table.outcomes,
    series: d.series,
    municipalities: d.municipalities,
  });
  const workers = d.pool ?? new WorkerPool(threads, d.workerFile);
  const pool = workers.piscina;
  // Wakes the dispatch loop when a task settles or a worker dies (a dead worker's task never
  // settles). One pending promise at a time: racing a long-lived promise would leak a reaction per race.
  let wake: () => void = () => {};
  const event = () =>
    new Promise<void>((resolve) => {
      wake = resolve;
    });
  let dead = false;
  const onFatal = (e: unknown) => {
    dead = true;
    d.onError(`a worker thread failed: ${(e as Error)?.message ?? e}`);
    wake();
  };
  const stopListening = workers.onError(onFatal);
  const watch = d.runTimeoutMs === undefined ? undefined : new TimeoutWatch(d.runTimeoutMs);
  const inFlight = new Set<Promise<void>>();
  const window = threads * 2;
  const written = () => d.progress.update(d.writer.next - d.first, d.failedBefore + d.writer.failed);
  try {
    let next = d.start;
    while (next < d.end) {
      while (inFlight.size >= window && !dead) await event();
      if (d.stopped()) break;
      const last = Math.min(d.end, next + d.sizer.next());
      const task: ChunkTask = { setup, runs: [] };
      for (; next < last; next++) task.runs.push(specs.at(next));
      const timed = watch?.start(task);
      const job: Promise<void> = pool
        .run(task, timed ? { signal: timed.signal } : {})
        .then(
          (result) => {
            d.sizer.record(result.outcomes.length, result.ms);
            const units = task.runs.reduce((sum, r) => sum + runCost(plan.points[r.point].input), 0);
            if (units > 0) d.pace.record(result.ms / units);
            d.busy.workerMs += result.ms;
            d.busy.simMs += result.simMs;
            return result.outcomes;
          },
          // Runs that throw come back as error outcomes; a rejected task means the worker itself
          // failed: the batch stops, these runs stay undone and --resume runs them again. A run
          // stopped by --run-timeout (its worker is terminated and replaced) is recorded as failed.
          (e: unknown): WireOutcome[] => {
            if (timed?.timedOut())
              return task.runs.map((r) => toWire(timeoutOutcome(r, plan, d.table, d.runTimeoutMs!), []));
            onFatal(e);
            return [];
          },
        )
        .then((outcomes) => {
          for (const o of outcomes) d.writer.add(o);
          d.writer.flush();
          written();
        })
        .catch((e: unknown) => {
          if (isFsError(e)) d.onWriteFault(e);
          else d.onError(`writing results failed: ${(e as Error)?.message ?? e}`);
        })
        .finally(() => {
          timed?.done();
          inFlight.delete(job);
          wake();
        });
      inFlight.add(job);
    }
    while (inFlight.size > 0 && !dead) await event();
    written();
  } finally {
    watch?.stop();
    if (!d.pool) await workers.close();
    stopListening();
  }
}
