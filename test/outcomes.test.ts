/**
 * Outcomes the researcher declares (scenarios/outcomes.ts): their values at chosen years, over
 * windows and per area against hand-computed values from the run's own series; the defaults that
 * follow the horizon; and located messages for bad declarations.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadExperimentFile } from '../scenarios/load.js';
import { defaultOutcomes, outcomesOf } from '../scenarios/outcomes.js';
import { projectRoot } from '../scenarios/refs.js';
import { simulate } from '../sim/simulate.js';
import { outcomeValues } from '../workers/outcome-values.js';
import { runOne } from '../workers/run-one.js';
import { runsTable } from '../workers/runs-table.js';
import { batch, read, tempDir } from './batch-helpers.js';
import { data, problems, writeFiles } from './scenarios-fixtures.js';
import { parquetKeyValues, readParquetMetadata } from '../workers/parquet-read.js';

const LIBRARY = join(projectRoot(), 'scenarios', 'library');
const SCENARIO = `name: syn-2040\nextends: ${LIBRARY}/synthetic-twelve.yaml\nhorizon: { startYear: 2026, endYear: 2040 }\n`;
const head = 'name: oc\nscenarios: [s.yaml]\nbaseline: syn-2040\nreplicates: 2\nseed: 5\n';

const OUTCOMES = `outcomes:
  - { name: progress2035, series: progressShare, at: 2035, label: Progress by end 2035, unit: share, direction: maximise }
  - { name: ownMean, series: fteOwn, stat: mean, from: 2030, to: 2034, direction: maximise }
  - { name: ownMax, series: fteOwn, stat: max }
  - { name: hiresSum, series: hires, stat: sum, from: 2027, to: 2027 }
  - { name: reach20, series: progressShare, stat: firstCrossing, threshold: 0.2 }
  - { name: poolMembersFinal, series: poolMembers, stat: final, to: 2033 }
  - { name: classProgress, series: progressShare, scope: sizeClass, area: each, at: 2038 }
  - { name: oneOwn, series: fteOwn, scope: municipality, area: SY0003, at: 2031 }
  - { name: poolSurvived, direction: maximise }
  - { name: survived, metric: poolSurvived }
`;

describe('declared outcomes', () => {
  const dir = writeFiles({ 's.yaml': SCENARIO, 'x.yaml': head + OUTCOMES });
  const plan = loadExperimentFile(join(dir, 'x.yaml'), data);
  const result = simulate(plan.points[0].input, 77);
  const region = result.series.region.values;
  const yearEnd = (y: number) => (y - 2026 + 1) * 12 - 1;

  it('are computed from the full run at chosen years, over windows and per area, as by hand', () => {
    const v = outcomeValues(plan.outcomes ?? [], result);
    const own = Array.from(region.fteOwn);
    const window = own.slice((2030 - 2026) * 12, yearEnd(2034) + 1);
    const reach = Array.from(region.progressShare).findIndex((x) => x >= 0.2);
    const codes = result.summary.municipalities.map((m) => m.code);
    const expected = [
      region.progressShare[yearEnd(2035)],
      window.reduce((s, x) => s + x, 0) / window.length,
      Math.max(...own),
      Array.from(region.hires.slice(12, 24)).reduce((s, x) => s + x, 0),
      reach < 0 ? Number.NaN : reach,
      region.poolMembers[yearEnd(2033)],
      ...result.series.sizeClass.map((c) => c.values.progressShare[yearEnd(2038)]),
      result.series.municipality[codes.indexOf('SY0003')].values.fteOwn[2031 - 2026],
      result.summary.metrics.poolSurvived,
    ];
    expect(v).toHaveLength(expected.length);
    v.forEach((x, i) => {
      if (Number.isNaN(expected[i])) expect(x).toBeNaN();
      else expect(x).toBeCloseTo(expected[i], 12);
    });
  });

  it('become runs.csv columns after the metrics, with labels and directions kept', () => {
    const table = runsTable(plan);
    const cols = table.columns.slice(table.columns.indexOf('quarrels') + 1);
    expect(cols).toEqual([
      'progress2035',
      'ownMean',
      'ownMax',
      'hiresSum',
      'reach20',
      'poolMembersFinal',
      'classProgress_under20k',
      'classProgress_20to50k',
      'classProgress_50to100k',
      'classProgress_over100k',
      'oneOwn',
      'survived',
    ]);
    const o = runsTable(plan).outcomes[0];
    expect([o.label, o.unit, o.direction]).toEqual(['Progress by end 2035', 'share', 'maximise']);
    const spec = { index: 0, point: 0, pointId: plan.points[0].id, replicate: 0, seed: 77 };
    const row = runOne(spec, plan.points, table, 'none').row.trim().split(',');
    expect(Number(row[table.columns.indexOf('progress2035')])).toBe(region.progressShare[yearEnd(2035)]);
    expect(Number(row[table.columns.indexOf('survived')])).toBe(result.summary.metrics.poolSurvived);
  });

  it('default to the horizon: a 2040 study gets progress2040 and never an NA headline column', () => {
    const plain = writeFiles({ 's.yaml': SCENARIO, 'x.yaml': head });
    const p = loadExperimentFile(join(plain, 'x.yaml'), data);
    expect(p.outcomes).toBeUndefined();
    const outcomes = outcomesOf(p);
    const names = outcomes.map((o) => o.name);
    expect(names).toContain('progress2040');
    expect(names).toContain('progress2030');
    expect(names).not.toContain('progress2050');
    const table = runsTable(p);
    const spec = { index: 0, point: 0, pointId: p.points[0].id, replicate: 0, seed: 77 };
    const row = runOne(spec, p.points, table, 'none').row.trim().split(',');
    for (const o of outcomes) {
      const column = o.columns[0] ?? (o.source.kind === 'metric' ? o.source.metric : o.name);
      expect(row[table.columns.indexOf(column)], column).not.toBe('NA');
    }
    expect(Number(row[table.columns.indexOf('progress2040')])).toBe(region.progressShare[yearEnd(2040)]);
    // The default 2026-2050 horizon keeps the metrics it always had.
    const full = defaultOutcomes([{ input: { startYear: 2026, horizonMonths: 300 } }]).map((o) => o.name);
    expect(full.slice(0, 2)).toEqual(['progress2030', 'progress2050']);
    const short = defaultOutcomes([{ input: { startYear: 2026, horizonMonths: 36 } }]).map((o) => o.name);
    expect(short).toContain('progress2028');
    expect(short).not.toContain('equityGap2030');
  });
});

describe('declared outcomes in the batch folder', () => {
  it('are described in the README, the manifest and the Parquet metadata', async () => {
    const dir = writeFiles({ 's.yaml': SCENARIO.replace('endYear: 2040', 'endYear: 2038'), 'x.yaml': head + OUTCOMES });
    const plan = loadExperimentFile(join(dir, 'x.yaml'), data);
    const out = tempDir('outcomes');
    expect((await batch(plan, { outDir: out, threads: 1, format: 'both' })).status).toBe('complete');
    const readme = read(out, 'README.md');
    expect(readme).toContain('## Outcomes');
    expect(readme).toContain('| Progress by end 2035 | progress2035 | share | maximise |');
    expect(readme).toMatch(/\| classProgress_over100k \| outcome: Class progress .*\(area over100k\) \|/);
    const manifest = JSON.parse(read(out, 'manifest.json'));
    expect(manifest.plan.outcomes.map((o: { name: string }) => o.name)).toContain('reach20');
    const kv = parquetKeyValues(readParquetMetadata(join(out, 'runs.parquet')));
    const outcomes = JSON.parse(kv['regiosim.outcomes']) as Array<{
      name: string;
      direction: string;
      columns: string[];
    }>;
    expect(outcomes.find((o) => o.name === 'poolSurvived')).toMatchObject({
      direction: 'maximise',
      columns: ['poolSurvived'],
    });
    expect(JSON.parse(kv['regiosim.columns']).ownMean).toMatch(
      /^outcome: Own mean \[FTE; higher is better\]: region series fteOwn, mean over 2030-2034/,
    );
  });
});

describe('bad outcome declarations', () => {
  const rows: Array<{ name: string; outcomes: string; expected: string[] }> = [
    {
      name: 'a misspelt series, with a suggestion',
      outcomes: '  - { name: a, series: progresShare, at: 2035 }\n',
      expected: [
        'x.yaml:7:24 outcomes[0].series: "progresShare" is not allowed; allowed: a series name (docs/ODD.md section 8: region, size-class and municipality series) (did you mean "progressShare"?)',
      ],
    },
    {
      name: 'a year after the horizon',
      outcomes: '  - { name: a, series: progressShare, at: 2045 }\n',
      expected: [
        'x.yaml:7:43 outcomes[0].at: 2045 is outside the horizon of syn-2040 (2026-2040); allowed: 2026 to 2040 (a year whose December is simulated in every point), or end',
      ],
    },
    {
      name: 'a time for a metric',
      outcomes: '  - { name: s, metric: poolSurvived, at: 2030 }\n',
      expected: [
        'x.yaml:7:42 outcomes[0].at: is not allowed with metric poolSurvived, an end-of-run value; allowed: series: for a value at a year, over a window, or of an area',
      ],
    },
    {
      name: 'firstCrossing without a threshold, and a window upside down',
      outcomes: '  - { name: a, series: fteOwn, stat: firstCrossing, from: 2035, to: 2030 }\n',
      expected: [
        'x.yaml:7:38 outcomes[0].stat: firstCrossing needs a threshold; allowed: threshold: a number (and crossing: above or below)',
        'x.yaml:7:69 outcomes[0].to: 2030 is before from (2035); allowed: a year from 2035 on',
      ],
    },
    {
      name: 'at and stat together',
      outcomes: '  - { name: a, series: fteOwn, at: 2030, stat: mean }\n',
      expected: [
        'x.yaml:7:48 outcomes[0].stat: is given with at; allowed: one of at (a value at a time) and stat (an aggregate over a window)',
      ],
    },
    {
      name: 'a municipality outside the region, a size class misspelt, a region with an area',
      outcomes:
        '  - { name: a, series: fteOwn, scope: municipality, area: Assen, at: end }\n  - { name: b, series: fteOwn, scope: sizeClass, area: under20 }\n  - { name: c, series: fteOwn, area: under20k }\n',
      expected: [
        'x.yaml:7:59 outcomes[0].area: "Assen" is not a municipality of the region of syn-2040; allowed: Synthetic 1, Synthetic 2, Synthetic 3, Synthetic 4, Synthetic 5, Synthetic 6, Synthetic 7, Synthetic 8, Synthetic 9, Synthetic 10, Synthetic 11, Synthetic 12',
        'x.yaml:8:56 outcomes[1].area: "under20" is not a size class; allowed: under20k, 20to50k, 50to100k, over100k, each (did you mean "under20k"?)',
        'x.yaml:9:38 outcomes[2].area: is not allowed for scope region (the whole region); allowed: scope sizeClass or municipality with an area',
      ],
    },
    {
      name: 'a name that clashes with a metric column, a twice-declared name',
      outcomes:
        '  - { name: progress2030, series: progressShare, at: 2031 }\n  - { name: a, series: fteOwn }\n  - { name: a, series: ftePool }\n',
      expected: [
        'x.yaml:7:13 outcomes[0].name: column "progress2030" is already a summary metric column; allowed: a name of no other runs.csv column',
        'x.yaml:9:13 outcomes[2].name: "a" is declared twice; allowed: each outcome name once',
      ],
    },
    {
      name: 'a direction that is not one',
      outcomes: '  - { name: b, series: fteOwn, direction: up }\n',
      expected: ['x.yaml:7:43 outcomes[0].direction: "up" is not allowed; allowed: maximise, minimise, none'],
    },
    {
      name: 'neither series nor metric',
      outcomes: '  - { name: poolSurvive }\n',
      expected: [
        'x.yaml:7:13 outcomes[0].name: "poolSurvive" names no series or metric; allowed: a series: or metric: key, or the name of a summary metric (did you mean "poolSurvived"?)',
      ],
    },
  ];
  for (const row of rows)
    it(row.name, () => {
      const dir = writeFiles({ 's.yaml': SCENARIO, 'x.yaml': `${head}outcomes:\n${row.outcomes}` });
      expect(problems(dir, 'x.yaml')).toEqual(row.expected);
    });
});
