/**
 * The messages between the batch engine (main thread) and its piscina workers. Plain data only:
 * everything here crosses a thread boundary by structured clone, except the text a chunk returns,
 * whose UTF-8 buffers are transferred (WireOutcome, workers/wire.ts).
 */
import type { OutcomeSpec } from '../scenarios/outcomes.js';
import type { PlanPoint, RunSpec } from '../scenarios/plan.js';
import type { MunicipalityMode } from './municipality-table.js';

/** How much of the region series each run writes to series.csv (see workers/series.ts). */
export type SeriesMode = 'yearly' | 'monthly' | 'none';

/**
 * What a batch's workers need besides run specs: the plan's points with their full model inputs, so
 * a chunk names its runs by point index and never resends an input. It travels as a SetupRef.
 */
export interface WorkerSetup {
  points: Array<Pick<PlanPoint, 'id' | 'scenario' | 'sweep' | 'input'>>;
  series: SeriesMode;
  /** Per-municipality rows each run writes (workers/municipality-table.ts); default 'none'. */
  municipalities?: MunicipalityMode;
  /** The plan's outcomes (declared or default), computed in the worker from each run's full result. */
  outcomes?: OutcomeSpec[];
}

/**
 * A batch's WorkerSetup, serialised once into shared memory (workers/worker-pool.ts): every task
 * carries it without copying, and a worker decodes it the first time it meets its id. So workers
 * kept warm can serve one batch after another.
 */
export interface SetupRef {
  /** Unique within the process: a worker decodes the setup again only when the id changes. */
  id: number;
  /** The v8-serialised WorkerSetup (structured clone, as workerData would be). */
  bytes: SharedArrayBuffer;
}

/** One task: a chunk of runs, each naming its point by index into its setup's points. */
export interface ChunkTask {
  setup: SetupRef;
  runs: Array<RunSpec & { point: number }>;
  /** With --run-timeout: a shared clock the worker sets to Date.now() as each run starts (workers/limits.ts). */
  started?: SharedArrayBuffer;
}

/** The outcome of one run, as the worker returns it. */
export interface RunOutcome {
  index: number;
  pointId: string;
  replicate: number;
  seed: number;
  status: 'ok' | 'error';
  /** The error message (one line) when status is 'error', else ''. */
  error: string;
  /** Summary metrics in SUMMARY_METRICS registry order; empty when the run failed. */
  metrics: number[];
  /** Outcome column values (workers/outcome-values.ts), in column order; empty when the run failed. */
  outcomes?: number[];
  /** This run's runs.csv row (workers/runs-table.ts), formatted in the worker, ending in a newline. */
  row: string;
  /** This run's series.csv lines (`run,scope,area,month,year,variable,value\n` each), already formatted; '' if none. */
  series: string;
  /** This run's municipalities.csv rows ('' if none or not written). */
  municipalities: string;
  /** This run's municipality-series.csv lines ('' if none or not written). */
  municipalitySeries: string;
}

/** The fields of a RunOutcome that are written to files as they are. */
export type TextField = 'row' | 'series' | 'municipalities' | 'municipalitySeries';

/**
 * A RunOutcome as a chunk returns it: its text as UTF-8 bytes, whose buffers are transferred to the
 * main thread rather than cloned (workers/wire.ts).
 */
export type WireOutcome = Omit<RunOutcome, TextField> & Record<TextField, Uint8Array>;

export interface ChunkResult {
  outcomes: WireOutcome[];
  /** Time the worker spent on the chunk, ms: the engine sizes later chunks from it. */
  ms: number;
  /** Of which inside simulate(), ms: the rest is the engine's own cost in the worker. */
  simMs: number;
  /** The worker thread's id (the dry-run pilot tells each worker's first, cold run by it). */
  thread?: number;
}
