/**
 * The report's statistics against values worked out by hand on a tiny hand-written batch folder:
 * two scenarios, four replicates, one failed run, a quoted error message. (Rows are in run order,
 * as every batch writes them: the report refuses rows out of order since the verified reading of issue 12.)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildModel } from '../reports/aggregate/build-model.js';
import { estimate, reportOutcomes } from '../reports/aggregate/estimates.js';
import type { ReportModel } from '../reports/model.js';
import { writeTables } from '../reports/write/tables.js';
import { REGION_SERIES } from '../sim/outputs.js';
import { removeTempDirs, tempDir } from './report-helpers.js';

afterAll(removeTempDirs);

const manifest = {
  tool: 'regiosim',
  version: '0.1.0',
  commit: 'fixture',
  command: 'batch',
  arguments: {},
  inputs: [],
  seeds: { master: 5 },
  startedAt: '2026-01-01T00:00:00.000Z',
  finishedAt: '2026-01-01T00:01:00.000Z',
  status: 'complete',
  counts: { total: 8, done: 8, ok: 7, failed: 1 },
  series: 'yearly',
  plan: {
    name: 'fixture',
    description: 'hand-made fixture',
    baseline: 'base',
    masterSeed: 5,
    replicates: 4,
    runs: 8,
    points: [
      { id: 'base', scenario: 'base', sweep: {}, horizonMonths: 24 },
      { id: 'alt', scenario: 'alt', sweep: {}, horizonMonths: 24 },
    ],
  },
};

const runs = `run,point,scenario,replicate,seed,status,error,progress2030,poolsFormed,poolsAliveEnd,poolSurvived,poolMembersEnd,membershipShareEnd
0,base,base,0,100,ok,,0.2,1,1,1,2,0.5
1,base,base,1,101,ok,,0.3,1,0,0,2,0.5
2,base,base,2,102,ok,,0.4,1,1,1,3,0.75
3,base,base,3,103,error,"Error: boom, really",NA,NA,NA,NA,NA,NA
4,alt,alt,0,100,ok,,0.25,1,1,1,3,0.75
5,alt,alt,1,101,ok,,0.3,1,0,0,3,0.75
6,alt,alt,2,102,ok,,0.5,1,1,1,4,1
7,alt,alt,3,103,ok,,0.45,0,0,NA,0,0
`;

const OTHER_SERIES = Object.keys(REGION_SERIES).filter((v) => !['progressShare', 'hires', 'poolsAlive'].includes(v));
const seriesRows: Array<[number, number[], number[]]> = [
  // run, progressShare at months 11 and 23, poolsAlive at months 11 and 23
  [0, [0.1, 0.2], [1, 1]],
  [1, [0.2, 0.3], [1, 0]],
  [2, [0.3, 0.4], [1, 1]],
  [4, [0.15, 0.25], [1, 1]],
  [5, [0.2, 0.3], [1, 0]],
  [6, [0.25, 0.5], [1, 1]],
  [7, [0.2, 0.45], [0, 0]],
];
// Region series in series.csv's columns: run,scope,area,month,year,variable,value (start 2026).
const row = (run: number, month: number, variable: string, value: number | string) =>
  `${run},region,ES03,${month},${2026 + Math.floor(month / 12)},${variable},${value}`;
const series = `run,scope,area,month,year,variable,value\n${seriesRows
  .flatMap(([run, progress, alive]) => [
    row(run, 11, 'progressShare', progress[0]),
    row(run, 23, 'progressShare', progress[1]),
    row(run, 11, 'hires', 7),
    row(run, 11, 'poolsAlive', alive[0]),
    row(run, 23, 'poolsAlive', alive[1]),
    // The other region series, so every run has all its series lines (the report checks the count).
    ...OTHER_SERIES.flatMap((v) => [row(run, 11, v, 0), row(run, 23, v, 0)]),
    row(run, 23, 'hires', 7),
  ])
  .join('\n')}\n`;

let dir: string;
let model: ReportModel;

beforeAll(() => {
  dir = tempDir('stats');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(join(dir, 'runs.csv'), runs);
  writeFileSync(join(dir, 'series.csv'), series);
  model = buildModel(dir, { mapRuns: 0 });
});

const summary = (point: string, metric: string) => model.summary.find((r) => r.point === point && r.metric === metric)!;
const proportion = (point: string, measure: string) => model.proportions.find((r) => r.point === point && r.measure === measure)!;
const paired = (metric: string) => model.paired.find((r) => r.point === 'alt' && r.metric === metric)!;

describe('report statistics on a hand-made batch', () => {
  it('describes each metric per point over the ok runs (t-interval with 2 df: t = 4.303)', () => {
    const base = summary('base', 'progress2030');
    expect(base.n).toBe(3);
    expect(base.mean).toBeCloseTo(0.3, 12);
    expect(base.sd).toBeCloseTo(0.1, 12);
    expect(base.median).toBeCloseTo(0.3, 12);
    // Quantiles interpolate between order statistics (R type 7): 0.2 + 0.1 · (3 − 1) · 0.05.
    expect(base.q05).toBeCloseTo(0.21, 12);
    expect(base.q95).toBeCloseTo(0.39, 12);
    // 0.3 ± 4.303 · 0.1 / √3
    expect(base.ciLow).toBeCloseTo(0.051566, 5);
    expect(base.ciHigh).toBeCloseTo(0.548434, 5);
    const alt = summary('alt', 'progress2030');
    expect(alt.n).toBe(4);
    expect(alt.mean).toBeCloseTo(0.375, 12);
    // 0.375 ± 3.182 · 0.119024 / 2
    expect(alt.ciLow).toBeCloseTo(0.185633, 5);
    expect(alt.ciHigh).toBeCloseTo(0.564367, 5);
    const survived = summary('alt', 'poolSurvived');
    expect(survived.n).toBe(3);
    expect(survived.missing).toBe(1);
  });

  it('counts and names the failed run (a quoted error message with a comma) and leaves it out', () => {
    expect(model.runsOk).toBe(7);
    expect(model.runsFailed).toBe(1);
    expect(model.notes.join('\n')).toContain('Error: boom, really');
    expect(model.source).toMatch(/7\sruns\s\(2\spoints\s×\s4\sreplicates,\s1\sfailed\)/);
    expect(model.source).toContain('Bron: CBS');
    expect(model.source).toMatch(/master\sseed\s5/);
  });

  it('gives Wilson intervals for pools founded and pools surviving, and no second interval for either', () => {
    expect(proportion('base', 'poolFounded')).toMatchObject({ successes: 3, n: 3, share: 1, ciHigh: 1 });
    expect(proportion('base', 'poolFounded').ciLow).toBeCloseTo(0.438503, 5);
    const survives = proportion('base', 'poolSurvives');
    expect(survives).toMatchObject({ successes: 2, n: 3 });
    expect(survives.ciLow).toBeCloseTo(0.207660, 5);
    expect(survives.ciHigh).toBeCloseTo(0.938508, 5);
    expect(proportion('alt', 'poolFounded')).toMatchObject({ successes: 3, n: 4 });
    // Wilson, 3 of 4: centre (0.75 + 1.92²/8)/(1 + 1.96²/4), by hand 0.300642 to 0.954413.
    expect(proportion('alt', 'poolFounded').ciLow).toBeCloseTo(0.300642, 5);
    expect(proportion('alt', 'poolFounded').ciHigh).toBeCloseTo(0.954413, 5);
    expect(proportion('alt', 'poolSurvives')).toMatchObject({ successes: 2, n: 3 });
    // Membership is measured once, by the run-level mean: no municipality-run share beside it.
    expect(model.proportions.some((r) => (r.measure as string) === 'memberAtEnd')).toBe(false);
    // The summary keeps the distribution of poolSurvived but not a t-interval: its interval is the Wilson one.
    const survived = summary('base', 'poolSurvived');
    expect(survived.mean).toBeCloseTo(2 / 3, 12);
    expect(Number.isNaN(survived.ciLow) && Number.isNaN(survived.ciHigh)).toBe(true);
    expect(survived.interval).toMatch(/Wilson/);
    expect(summary('base', 'progress2030').interval).toBe('t');
  });

  it('shows one estimate per outcome: the Wilson share for shares of counts, the t-interval of the mean otherwise', () => {
    const survived = estimate(model, 'base', 'poolSurvived')!;
    expect(survived).toMatchObject({ method: 'wilson', successes: 2, n: 3, of: 'pools' });
    expect(survived.value).toBeCloseTo(2 / 3, 12);
    expect(survived.ciLow).toBeCloseTo(0.20766, 5);
    expect(estimate(model, 'alt', 'poolFounded')).toMatchObject({ method: 'wilson', successes: 3, n: 4, of: 'runs' });
    const progress = estimate(model, 'base', 'progress2030')!;
    expect(progress).toMatchObject({ method: 't', n: 3 });
    expect(progress.ciLow).toBeCloseTo(0.051566, 5);
    // Membership: a t-interval of a bounded mean is cut to [0, 1] for showing (summary.csv keeps it whole).
    const members = estimate(model, 'alt', 'membershipShareEnd')!;
    expect(members.method).toBe('t');
    expect(members.ciLow).toBeGreaterThanOrEqual(0);
    expect(members.ciHigh).toBeLessThanOrEqual(1);
    expect(summary('alt', 'membershipShareEnd').ciHigh).toBeGreaterThan(1);
    expect(reportOutcomes(model)).toEqual(['progress2030', 'membershipShareEnd', 'poolFounded', 'poolSurvived']);
  });

  it('pairs the scenario with the baseline by replicate and flags differences it cannot tell from zero', () => {
    // Replicate 3 has no baseline value (failed): 3 pairs. progress2030 differences 0.05, 0, 0.1.
    const progress = paired('progress2030');
    expect(progress.pairs).toBe(3);
    expect(progress.method).toBe('t');
    expect(progress.baselinePoint).toBe('base');
    expect(progress.mean).toBeCloseTo(0.05, 12);
    expect(progress.ciLow).toBeCloseTo(-0.074217, 5);
    expect(progress.ciHigh).toBeCloseTo(0.174217, 5);
    expect(progress.distinguishable).toBe(false);
    // Members: +1 in every pair.
    const members = paired('poolMembersEnd');
    expect(members).toMatchObject({ pairs: 3, mean: 1, distinguishable: true, method: 't' });
    expect(model.paired.some((r) => r.point === 'base')).toBe(false);
  });

  it('gives 0/1 outcomes Newcombe\'s paired interval of two shares, not a t-interval', () => {
    // poolSurvived pairs (replicates 0-2): (1,1), (0,0), (1,1): every pair agrees, a = 2, d = 1.
    const s = paired('poolSurvived');
    expect(s).toMatchObject({ method: 'newcombe', pairs: 3, mean: 0, distinguishable: false });
    // Wilson of 2 of 3 on both sides, phi = 1: delta = epsilon = |0.938508 − 0.666667 − (0.666667 − 0.207660)| ... by the formula:
    const lo = 2 / 3 - 0.20766;
    const hi = 0.938508 - 2 / 3;
    const delta = Math.sqrt(lo ** 2 - 2 * lo * hi + hi ** 2);
    expect(s.ciLow).toBeCloseTo(-delta, 4);
    expect(s.ciHigh).toBeCloseTo(delta, 4);
    // A t-interval would have collapsed to [0, 0] here.
    expect(s.ciHigh - s.ciLow).toBeGreaterThan(0.1);
  });

  it('builds time-series bands per point and month from the streamed series (other variables skipped)', () => {
    const band = (point: string, month: number) => model.bands.find((b) => b.point === point && b.variable === 'progressShare' && b.month === month)!;
    const b = band('base', 11);
    expect(b).toMatchObject({ n: 3, year: 2026, exact: true });
    expect(b.mean).toBeCloseTo(0.2, 12);
    expect(b.ciLow).toBeCloseTo(0.2 - (4.303 * 0.1) / Math.sqrt(3), 10);
    expect(b.q05).toBeCloseTo(0.11, 12);
    expect(b.q95).toBeCloseTo(0.29, 12);
    expect(band('alt', 23)).toMatchObject({ n: 4, year: 2027 });
    expect(band('alt', 23).mean).toBeCloseTo(0.375, 12);
    expect(model.bands.some((x) => x.variable === 'hires')).toBe(false);
  });

  it('gives the share of founded pools alive over time with Wilson intervals', () => {
    const at = (point: string, month: number) => model.survival.find((s) => s.point === point && s.month === month)!;
    expect(at('base', 11)).toMatchObject({ alive: 3, founded: 3, share: 1 });
    expect(at('base', 23)).toMatchObject({ alive: 2, founded: 3 });
    expect(at('base', 23).ciLow).toBeCloseTo(0.20766, 4);
    expect(at('alt', 23)).toMatchObject({ alive: 2, founded: 3 });
  });

  it('says why there is no map and which start year it assumed', () => {
    expect(model.map).toBeUndefined();
    expect(model.notes.join('\n')).toMatch(/could not be rebuilt.*no map/);
  });

  it('writes the tables as CSV (NA for missing) and JSON (null for missing)', () => {
    const files = writeTables(model, join(dir, 'tables'));
    expect(files.map((f) => f.split('/').pop())).toEqual(['summary.csv', 'proportions.csv', 'paired-differences.csv', 'bands.csv', 'survival.csv', 'statistics.json']);
    const csv = readFileSync(join(dir, 'tables', 'summary.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('point,scenario,sweep,metric,n,missing,mean,sd,median,q05,q25,q75,q95,ciLow,ciHigh,interval');
    expect(csv.find((l) => l.startsWith('alt,alt,,poolSurvived,'))).toMatch(/^alt,alt,,poolSurvived,3,1,.*,NA,NA,"?Wilson/);
    const pairedCsv = readFileSync(join(dir, 'tables', 'paired-differences.csv'), 'utf8');
    expect(pairedCsv).toContain('alt,alt,,base,progress2030,3,');
    expect(pairedCsv).toMatch(/alt,alt,,base,poolMembersEnd,3,1,0,1,1,t,TRUE/);
    expect(pairedCsv).toMatch(/alt,alt,,base,poolSurvived,3,0,0,-[0-9.]+,[0-9.]+,newcombe,FALSE/);
    const json = JSON.parse(readFileSync(join(dir, 'tables', 'statistics.json'), 'utf8'));
    expect(json.tables.proportions.rows.length).toBe(4);
    expect(json.batch.masterSeed).toBe(5);
  });
});
