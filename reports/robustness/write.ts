/**
 * The files of `regiosim robustness`: each table as CSV (NA for missing, full precision) and
 * Parquet (workers/parquet-write.ts, the bytes a function of the rows), the charts as Vega-Lite
 * spec, SVG and PNG (validated against the official schema first), robustness.json with the whole
 * result, and manifest.json (what made the folder, from which batch files, their SHA-256). The
 * folder is claimed and locked (store/output-folder.ts); every file is written atomically,
 * manifest.json last, and files of an earlier analysis that this one does not write go at the end.
 * @example
 * await writeRobustness('out/b/robustness', result, robustnessTables(result), robustnessCharts(result), { batchDir: 'out/b', arguments: {}, startedAt: new Date() })
 */
import { makeManifest } from '../../store/manifest.js';
import { OutputFolder } from '../../store/output-folder.js';
import { writeAtomic } from '../../store/write.js';
import { type Cell, ParquetTableWriter } from '../../workers/parquet-write.js';
import type { Chart } from '../charts/chart.js';
import { type WrittenChart, writeCharts } from '../write/charts.js';
import { toCsv } from '../write/tables.js';
import { jsonText } from '../explore/write.js';
import type { RobustnessResult } from './analyse.js';
import type { Table } from './tables.js';


function cellOf(v: unknown, type: 'int' | 'double' | 'string'): Cell {
  if (v === undefined || v === null) return null;
  if (type === 'string') return String(v);
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

export interface RobustnessFiles {
  json: string;
  manifest: string;
  tables: string[];
  charts: WrittenChart[];
}

export async function writeRobustness(
  outDir: string,
  result: RobustnessResult,
  tables: Record<string, Table>,
  charts: readonly Chart[],
  run: { batchFiles: string[]; arguments: Record<string, unknown>; startedAt: Date },
  log: (m: string) => void = () => {},
): Promise<RobustnessFiles> {
  // Every file is known before the first is written: a file of the user's is refused before anything changes.
  const planned = [
    'robustness.json',
    'manifest.json',
    ...Object.keys(tables).flatMap((name) => [`tables/${name}.csv`, `tables/${name}.parquet`]),
    ...charts.flatMap((c) => ['vl.json', 'svg', 'png'].map((ext) => `charts/${c.name}.${ext}`)),
  ];
  const folder = OutputFolder.claim(outDir, 'robustness', planned, 'robustness');
  try {
    const files: string[] = [];
    for (const [name, t] of Object.entries(tables)) {
      const names = t.columns.map((c) => c.name);
      const csv = folder.path(`tables/${name}.csv`);
      writeAtomic(csv, toCsv(t.rows, names));
      const parquet = folder.path(`tables/${name}.parquet`);
      const out = new ParquetTableWriter(parquet, t.columns, {
        'regiosim.table': name,
        'regiosim.about': t.about,
        'regiosim.batch': result.batch.name,
        'regiosim.version': result.batch.version,
      });
      try {
        for (const row of t.rows) out.add(t.columns.map((c) => cellOf(row[c.name], c.type)));
        out.close();
      } catch (e) {
        out.abort();
        throw e;
      }
      files.push(csv, parquet);
    }
    const written = await writeCharts(charts, 'charts', log, folder);
    const json = folder.path('robustness.json');
    writeAtomic(json, jsonText(result));
    const manifest = folder.path('manifest.json');
    writeAtomic(
      manifest,
      jsonText(
        makeManifest({
          command: 'robustness',
          arguments: run.arguments,
          inputFiles: run.batchFiles,
          seeds: { master: result.batch.masterSeed },
          startedAt: run.startedAt,
          extra: {
            batch: result.batch,
            design: result.design.line,
            policies: result.policies,
            futures: result.futures,
            pareto: result.pareto.words,
            tables: Object.fromEntries(Object.entries(tables).map(([k, t]) => [k, t.about])),
          },
        }),
      ),
    );
    folder.removeStale();
    return { json, manifest, tables: files, charts: written };
  } finally {
    folder.release();
  }
}
