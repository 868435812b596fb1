/**
 * Per-municipality results from batches: municipalities.csv holds, for every ok run, the very
 * records `regiosim run` puts in summary.json (one definition, sim/municipality-record.ts), and
 * municipality-series.csv the yearly series; both are byte-identical for 1 or 2 threads and after a
 * kill mid-write and --resume; the report's map uses every run with n and 95% intervals.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { mapFromTable } from '../reports/aggregate/map-data.js';
import { pointSet } from '../reports/aggregate/points.js';
import { readBatchInfo } from '../reports/read/manifest.js';
import { readRuns } from '../reports/read/runs.js';
import { RunningMoments } from '../reports/stats/running.js';
import { wilson } from '../reports/stats/wilson.js';
import { replicateSeed } from '../scenarios/plan.js';
import { MUNICIPALITY_SERIES } from '../sim/outputs.js';
import { MUNICIPALITY_FIELDS } from '../sim/municipality-record.js';
import { simulate } from '../sim/simulate.js';
import { splitCsvLine } from '../workers/csv-lines.js';
import { formatCompact } from '../workers/format.js';
import { batch, plan, point, read, snapshotCli, tempDir } from './batch-helpers.js';

// A point that throws (a failing run has no municipality rows) would need a broken input; two
// ordinary points × 4 replicates of 30 months suffice for the tables, the map and resume.
const experiment = plan([point('base', 30), point('big', 30, { initialStaff: 8 }, { initialStaff: 8 })], 4);

function table(dir: string, file: string): Array<Record<string, string>> {
  const [header, ...lines] = read(dir, file).trimEnd().split('\n');
  const cols = header.split(',');
  return lines.map((l) => {
    const cells = splitCsvLine(l);
    return Object.fromEntries(cols.map((c, i) => [c, cells[i]]));
  });
}

let dir: string;
beforeAll(async () => {
  dir = tempDir('mun');
  const r = await batch(experiment, { outDir: dir, threads: 2, chunk: 1, municipalities: 'yearly' });
  expect(r.status).toBe('complete');
}, 120_000);

describe('municipalities.csv', () => {
  it('holds, per run, the records of summary.json of the same run (one definition)', () => {
    const rows = table(dir, 'municipalities.csv');
    expect(Object.keys(rows[0])).toEqual(['run', 'point', 'replicate', ...Object.keys(MUNICIPALITY_FIELDS)]);
    const n = experiment.points[0].input.municipalities.length;
    expect(rows).toHaveLength(8 * n);
    for (const run of [0, 5]) {
      const p = experiment.points[Math.floor(run / 4)];
      const records = simulate(p.input, replicateSeed(experiment.masterSeed, run % 4)).summary.municipalities;
      const mine = rows.filter((r) => Number(r.run) === run);
      expect(mine.map((r) => r.point)).toEqual(Array(n).fill(p.id));
      records.forEach((rec, i) => {
        for (const [k, v] of Object.entries(rec)) {
          const cell = mine[i][k];
          if (typeof v === 'boolean') expect(cell, k).toBe(v ? '1' : '0');
          else if (typeof v === 'number')
            expect(cell === 'NA' ? Number.NaN : Number(cell), `${k} of ${rec.code}`).toBe(v);
          else expect(cell, k).toBe(v);
        }
      });
    }
  });

  it('municipality-series.csv holds every municipality’s yearly series (--municipalities yearly)', () => {
    const rows = table(dir, 'municipality-series.csv');
    const n = experiment.points[0].input.municipalities.length;
    const years = Math.ceil(30 / 12);
    expect(rows).toHaveLength(8 * n * Object.keys(MUNICIPALITY_SERIES).length * years);
    const result = simulate(experiment.points[1].input, replicateSeed(experiment.masterSeed, 2));
    const code = result.summary.municipalities[3].code;
    const mine = rows.filter((r) => r.run === '6' && r.area === code && r.variable === 'fteOwn');
    expect(mine.every((r) => r.scope === 'municipality')).toBe(true);
    expect(mine.map((r) => r.month)).toEqual(['11', '23', '29']);
    const start = experiment.points[1].input.startYear;
    expect(mine.map((r) => r.year)).toEqual([start, start + 1, start + 2].map(String));
    expect(mine.map((r) => r.value)).toEqual([...result.series.municipality[3].values.fteOwn].map(formatCompact));
  });

  it('is byte-identical for 1 thread, and after a kill mid-write and --resume', async () => {
    const one = tempDir('mun-one');
    await batch(experiment, { outDir: one, threads: 1, municipalities: 'yearly' });
    const resumed = tempDir('mun-resume');
    await batch(experiment, { outDir: resumed, threads: 2, chunk: 1, municipalities: 'yearly', stopAfter: 3 });
    // A kill while writing: half a municipality row and half a runs.csv row past the last whole run.
    appendFileSync(join(resumed, 'municipalities.csv'), '3,base,3,GM01');
    appendFileSync(join(resumed, 'runs.csv'), '3,base,');
    const r = await batch(experiment, { outDir: resumed, threads: 2, municipalities: 'yearly', resume: true });
    expect(r.status).toBe('complete');
    for (const file of ['runs.csv', 'series.csv', 'municipalities.csv', 'municipality-series.csv']) {
      expect(read(one, file), `${file}, 1 thread`).toBe(read(dir, file));
      expect(read(resumed, file), `${file}, resumed`).toBe(read(dir, file));
    }
  }, 180_000);

  it('refuses to resume with other --municipalities, saying so', async () => {
    await expect(batch(experiment, { outDir: dir, threads: 1, municipalities: 'end', resume: true })).rejects.toThrow(
      /--municipalities yearly → end/,
    );
  });

  it('resume refuses a municipalities.csv that lost a row', async () => {
    const cut = tempDir('mun-cut');
    await batch(experiment, { outDir: cut, threads: 1, stopAfter: 2 });
    const path = join(cut, 'municipalities.csv');
    const lines = read(cut, 'municipalities.csv').split('\n');
    lines.splice(2, 1);
    writeFileSync(path, lines.join('\n'));
    await expect(batch(experiment, { outDir: cut, threads: 1, resume: true })).rejects.toThrow(/municipality rows/);
  }, 60_000);
});

describe('the map from the municipalities table', () => {
  it('averages every run, with n, a t-interval of the mean and a Wilson interval of the member share', () => {
    const info = readBatchInfo(dir);
    const runs = readRuns(info);
    const map = mapFromTable(info, pointSet(info), runs, experiment.points[0].input.startYear, false)!;
    expect(map.source).toBe('table');
    expect(map.runsPerPoint).toBe(4);
    expect(map.progressYear).toBe('end'); // 30 months from 2026 end before December 2030
    const rows = table(dir, 'municipalities.csv').filter((r) => r.point === 'big');
    const code = rows[0].code;
    const mine = rows.filter((r) => r.code === code);
    const m = new RunningMoments();
    for (const r of mine) m.add(Number(r.progressShareEnd));
    const members = mine.filter((r) => r.membershipEnd === 'member').length;
    const row = map.rows.find((r) => r.point === 'big' && r.code === code)!;
    expect(row.runs).toBe(4);
    expect(row.progress).toBeCloseTo(m.interval().mean, 12);
    expect(row.progressLow).toBeCloseTo(m.interval().ciLow, 12);
    expect(row.progressHigh).toBeCloseTo(m.interval().ciHigh, 12);
    expect(row.memberShare).toBe(members / 4);
    expect([row.memberLow, row.memberHigh]).toEqual([wilson(members, 4).ciLow, wilson(members, 4).ciHigh]);
    expect(map.widest.progress).toBeGreaterThan(0);
  });
});

describe('regiosim batch --municipalities / --format (CLI)', () => {
  it('writes no municipality table with none, lists the files written, and refuses an unknown format', () => {
    const work = tempDir('mun-cli');
    const scenario = join(work, 's.yaml');
    writeFileSync(scenario, 'name: s\nregion: { res: Drenthe }\nlevers: { poolForm: flexpool }\nhorizon: 12\n');
    const out = join(work, 'b');
    const run = (args: string[]) => spawnSync(process.execPath, [snapshotCli(), ...args], { encoding: 'utf8' });
    const r = run([
      'batch',
      scenario,
      '--runs',
      '2',
      '--threads',
      '1',
      '--quiet',
      '--municipalities',
      'none',
      '--format',
      'both',
      '--out',
      out,
    ]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(
      /written in .*: runs\.csv, runs\.parquet, series\.csv \(yearly\), series\.parquet \(yearly\), manifest\.json/,
    );
    expect(existsSync(join(out, 'municipalities.csv'))).toBe(false);
    const bad = run(['batch', scenario, '--format', 'xlsx', '--out', join(work, 'c')]);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/Invalid values:[\s\S]*format[\s\S]*"csv", "parquet", "both"/);
  }, 60_000);
});
