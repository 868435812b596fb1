/** The options of the commands that run batches (`regiosim batch`, `regiosim explore`). */
import type { MunicipalityMode } from '../workers/municipality-table.js';
import type { OutputFormat } from '../workers/parquet-export.js';
import type { SeriesMode } from '../workers/protocol.js';

/** The options `regiosim batch` and `regiosim explore` share: how many runs, where and what they write. */
export interface RunArgs {
  runs?: number;
  seed?: number;
  threads?: number;
  chunk?: number;
  out: string;
  series: SeriesMode;
  /** Per-municipality rows (batch default end, explore default none). */
  municipalities?: MunicipalityMode;
  /** csv (default), parquet or both. */
  format?: OutputFormat;
  resume: boolean;
  dryRun: boolean;
  quiet: boolean;
  /** Seconds a run may take before it is stopped and recorded as failed (--run-timeout). */
  runTimeout?: number;
}
