/**
 * `--format parquet|both`: every table's Parquet file, read back with an independent reader (DuckDB),
 * equals its CSV row for row and carries the column meanings in its key-value metadata; the files
 * are byte-identical for 1 or 2 threads, after --resume and after merging shards; a parquet-only
 * batch keeps runs.csv and its report reads the Parquet tables as it reads the CSV ones.
 */
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../reports/aggregate/build-model.js';
import { MUNICIPALITY_SERIES, REGION_SERIES } from '../sim/outputs.js';
import { MUNICIPALITY_FIELDS } from '../sim/municipality-record.js';
import { SUMMARY_METRICS } from '../sim/summary.js';
import { splitCsvLine } from '../workers/csv-lines.js';
import { mergeShards } from '../workers/shard-merge.js';
import { batch, plan, point, read, tempDir } from './batch-helpers.js';

// Two points × 3 replicates of 30 months, one swept number: 6 short runs.
const experiment = plan([point('base', 30), point('big', 30, { initialStaff: 8 }, { initialStaff: 8 })], 3);
const STEMS = ['runs', 'series', 'municipalities', 'municipality-series'];

type Value = number | string | null;

async function duck(sql: string): Promise<Array<Record<string, unknown>>> {
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  try {
    return (await con.runAndReadAll(sql)).getRowObjects() as Array<Record<string, unknown>>;
  } finally {
    con.closeSync();
  }
}

/** A CSV cell as the value its Parquet column must hold: NA and empty are null. */
function expected(cell: string, type: string): Value {
  if (type === 'VARCHAR') return cell === '' ? null : cell;
  if (cell === 'NA' || cell === '') return null;
  if (cell === 'Inf') return Number.POSITIVE_INFINITY;
  if (cell === '-Inf') return Number.NEGATIVE_INFINITY;
  return Number(cell);
}

/** Compares dir/<stem>.parquet (read by DuckDB) with dir/<stem>.csv row for row; returns the rows compared. */
async function compareWithCsv(dir: string, stem: string): Promise<number> {
  const parquet = join(dir, `${stem}.parquet`);
  const types = await duck(`DESCRIBE SELECT * FROM read_parquet('${parquet}')`);
  const rows = await duck(`SELECT * FROM read_parquet('${parquet}')`);
  const [header, ...lines] = read(dir, `${stem}.csv`).trimEnd().split('\n');
  const columns = header.split(',');
  expect(types.map((t) => t.column_name)).toEqual(columns);
  expect(rows.length, stem).toBe(lines.length);
  lines.forEach((line, i) => {
    const cells = splitCsvLine(line);
    const want = Object.fromEntries(columns.map((c, k) => [c, expected(cells[k], String(types[k].column_type))]));
    expect(rows[i], `${stem} row ${i + 1}`).toEqual(want);
  });
  return rows.length;
}

async function keyValues(path: string): Promise<Record<string, string>> {
  const rows = await duck(`SELECT key, value FROM parquet_kv_metadata('${path}')`);
  const text = (v: unknown) => Buffer.from((v as { bytes: Uint8Array }).bytes).toString('utf8');
  return Object.fromEntries(rows.map((r) => [text(r.key), text(r.value)]));
}

const bytes = (dir: string, file: string) => readFileSync(join(dir, file));

let both: string;
beforeAll(async () => {
  both = tempDir('pq-both');
  const r = await batch(experiment, { outDir: both, threads: 2, chunk: 1, municipalities: 'yearly', format: 'both' });
  expect(r.status).toBe('complete');
}, 120_000);

describe('Parquet tables (--format both)', () => {
  it('writes a Parquet file beside every CSV table', () => {
    for (const stem of STEMS) {
      expect(existsSync(join(both, `${stem}.csv`)), stem).toBe(true);
      expect(existsSync(join(both, `${stem}.parquet`)), stem).toBe(true);
    }
    expect(readdirSync(both).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it.each(STEMS)('%s.parquet read by DuckDB equals %s.csv row for row', async (stem) => {
    expect(await compareWithCsv(both, stem)).toBeGreaterThan(0);
  });

  it('types the columns: integers, doubles and text, the swept number as a double', async () => {
    const types = Object.fromEntries(
      (await duck(`DESCRIBE SELECT * FROM read_parquet('${join(both, 'runs.parquet')}')`)).map((t) => [
        t.column_name,
        t.column_type,
      ]),
    );
    expect(types).toMatchObject({
      run: 'INTEGER',
      point: 'VARCHAR',
      initialStaff: 'DOUBLE',
      replicate: 'INTEGER',
      seed: 'DOUBLE',
      status: 'VARCHAR',
      progress2030: 'DOUBLE',
    });
    const m = Object.fromEntries(
      (await duck(`DESCRIBE SELECT * FROM read_parquet('${join(both, 'municipalities.parquet')}')`)).map((t) => [
        t.column_name,
        t.column_type,
      ]),
    );
    expect(m).toMatchObject({
      run: 'INTEGER',
      code: 'VARCHAR',
      sizeClass: 'INTEGER',
      progress2030: 'DOUBLE',
      membershipEnd: 'VARCHAR',
      founder: 'INTEGER',
    });
  });

  it('carries the meaning of every column (and long-form variable) in its key-value metadata', async () => {
    const runs = await keyValues(join(both, 'runs.parquet'));
    expect(runs['regiosim.table']).toBe('runs');
    const columns = JSON.parse(runs['regiosim.columns']);
    expect(Object.keys(columns)).toEqual(read(both, 'runs.csv').split('\n')[0].split(','));
    for (const [k, v] of Object.entries(SUMMARY_METRICS)) expect(columns[k]).toBe(v);
    const series = await keyValues(join(both, 'series.parquet'));
    expect(JSON.parse(series['regiosim.variables'])).toEqual(REGION_SERIES);
    const mun = await keyValues(join(both, 'municipalities.parquet'));
    for (const [k, v] of Object.entries(MUNICIPALITY_FIELDS)) expect(JSON.parse(mun['regiosim.columns'])[k]).toBe(v);
    const yearly = await keyValues(join(both, 'municipality-series.parquet'));
    expect(JSON.parse(yearly['regiosim.variables'])).toEqual(MUNICIPALITY_SERIES);
    expect(Object.values(yearly).join(' ')).not.toMatch(/\d{4}-\d\d-\d\dT/); // no timestamps
  });

  it('is byte-identical for 1 thread (the CSV and Parquet tables)', async () => {
    const one = tempDir('pq-one');
    await batch(experiment, { outDir: one, threads: 1, municipalities: 'yearly', format: 'both' });
    for (const stem of STEMS)
      for (const ext of ['csv', 'parquet'])
        expect(bytes(one, `${stem}.${ext}`).equals(bytes(both, `${stem}.${ext}`)), `${stem}.${ext}`).toBe(true);
  }, 120_000);
});

describe('--format parquet', () => {
  let only: string;
  beforeAll(async () => {
    // Interrupted after 2 runs (CSV only so far, no Parquet), then resumed to the end.
    only = tempDir('pq-only');
    const first = await batch(experiment, {
      outDir: only,
      threads: 2,
      chunk: 1,
      municipalities: 'yearly',
      format: 'parquet',
      stopAfter: 2,
    });
    expect(first.status).toBe('interrupted');
    expect(existsSync(join(only, 'municipalities.csv'))).toBe(true);
    expect(readdirSync(only).filter((f) => f.endsWith('.parquet'))).toEqual([]);
    const rest = await batch(experiment, {
      outDir: only,
      threads: 2,
      chunk: 1,
      municipalities: 'yearly',
      format: 'parquet',
      resume: true,
    });
    expect(rest.status).toBe('complete');
  }, 120_000);

  it('keeps runs.csv (the ledger), drops the CSV row tables, and resumes to the same Parquet bytes', () => {
    expect(
      readdirSync(only)
        .filter((f) => /\.(csv|parquet)$/.test(f))
        .sort(),
    ).toEqual(['municipalities.parquet', 'municipality-series.parquet', 'runs.csv', 'runs.parquet', 'series.parquet']);
    expect(bytes(only, 'runs.csv').equals(bytes(both, 'runs.csv'))).toBe(true);
    for (const stem of STEMS)
      expect(bytes(only, `${stem}.parquet`).equals(bytes(both, `${stem}.parquet`)), stem).toBe(true);
  });

  it('resuming the finished batch runs nothing and changes nothing', async () => {
    const before = STEMS.map((s) => bytes(only, `${s}.parquet`));
    const r = await batch(experiment, {
      outDir: only,
      threads: 2,
      municipalities: 'yearly',
      format: 'parquet',
      resume: true,
    });
    expect(r.status).toBe('complete');
    expect(r.resumedFrom).toBe(6);
    STEMS.forEach((s, i) => {
      expect(bytes(only, `${s}.parquet`).equals(before[i]), s).toBe(true);
    });
  }, 60_000);

  it('reports from the Parquet tables what it reports from the CSV ones', () => {
    const fromCsv = buildModel(both, { mapRuns: 0 });
    const fromParquet = buildModel(only, { mapRuns: 0 });
    expect(fromParquet.bands).toEqual(fromCsv.bands);
    expect(fromParquet.survival).toEqual(fromCsv.survival);
    expect(fromParquet.map?.rows).toEqual(fromCsv.map?.rows);
    expect(fromParquet.map?.source).toBe('table');
  });
});

describe('merge with --format both', () => {
  it('merges CSV shards into the one-machine CSV and Parquet files', async () => {
    const root = tempDir('pq-shards');
    const dirs: string[] = [];
    for (const i of [1, 2]) {
      const dir = join(root, `shard-${i}`);
      const r = await batch(experiment, {
        outDir: dir,
        threads: 2,
        municipalities: 'yearly',
        format: 'both',
        shard: { index: i, count: 2 },
      });
      expect(r.status).toBe('complete');
      expect(readdirSync(dir).filter((f) => f.endsWith('.parquet'))).toEqual([]); // shards leave Parquet to merge
      dirs.push(dir);
    }
    const out = join(root, 'merged');
    mergeShards(dirs, out);
    for (const stem of STEMS)
      for (const ext of ['csv', 'parquet'])
        expect(bytes(out, `${stem}.${ext}`).equals(bytes(both, `${stem}.${ext}`)), `${stem}.${ext}`).toBe(true);
    // A shard that lost a municipality row is refused.
    const broken = join(root, 'broken');
    cpSync(dirs[1], broken, { recursive: true });
    const path = join(broken, 'municipalities.csv');
    const lines = readFileSync(path, 'utf8').split('\n');
    lines.splice(3, 1);
    writeFileSync(path, lines.join('\n'));
    expect(() => mergeShards([dirs[0], broken], join(root, 'merged-2'))).toThrow(/municipality rows/);
  }, 180_000);
});
