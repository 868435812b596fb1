/** The table files a batch folder holds when a batch ends, for the end messages of batch and explore. */
import type { BatchResult } from '../workers/engine.js';
import type { MunicipalityMode } from '../workers/municipality-table.js';
import type { OutputFormat } from '../workers/parquet-export.js';
import type { SeriesMode } from '../workers/protocol.js';
import type { Shard } from '../workers/shard.js';

/** The table files a batch folder holds at the end (for the end message). */
export function writtenFiles(
  args: { series: SeriesMode; municipalities?: MunicipalityMode; format?: OutputFormat; shard?: Shard },
  r: Pick<BatchResult, 'status' | 'counts' | 'error'>,
): string {
  const format = args.format ?? 'csv';
  const done = r.counts.done === r.counts.total && !args.shard && format !== 'csv' && !r.error;
  const csv = format !== 'parquet' || !done;
  const names: string[] = [];
  const add = (stem: string, note = '') => {
    if (csv) names.push(`${stem}.csv${note}`);
    if (done) names.push(`${stem}.parquet${note}`);
  };
  names.push('runs.csv');
  if (done) names.push('runs.parquet');
  if (args.series !== 'none') add('series', ` (${args.series})`);
  const m = args.municipalities ?? 'end';
  if (m !== 'none') add('municipalities');
  if (m === 'yearly') add('municipality-series');
  return names.join(', ');
}
