/**
 * Robustness analysis on cases small enough to work out by hand (reports/robustness/): regret
 * against the best policy of each future with its maximum and 90th percentile, satisficing shares
 * per threshold and jointly with Wilson intervals, the non-dominated set, and the `satisfice:`
 * declaration with located errors.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nonDominated } from '../reports/robustness/pareto.js';
import { quantile } from '../reports/robustness/quantile.js';
import { regret } from '../reports/robustness/regret.js';
import { satisficing } from '../reports/robustness/satisficing.js';
import { wilson } from '../reports/stats/wilson.js';
import { loadExperimentFile } from '../scenarios/load.js';
import { projectRoot } from '../scenarios/refs.js';
import { data, problems, writeFiles } from './scenarios-fixtures.js';

// Three policies (A, B, C) in four futures.
// X (maximise): best per future 3, 4, 4, 5.
const X = [
  [1, 4, 2, 3],
  [3, 1, 2, 5],
  [2, 2, 4, 1],
];
// Y (minimise): best per future 10, 8, 10, 9.
const Y = [
  [10, 10, 10, 10],
  [12, 8, 11, 9],
  [10, 14, 10, 10],
];

describe('regret', () => {
  it('is the distance to the best policy of each future, in the direction of the outcome', () => {
    const x = regret(X, 'maximise');
    expect(x.regrets.map((r) => [...r])).toEqual([
      [2, 0, 2, 2],
      [0, 3, 2, 0],
      [1, 2, 0, 4],
    ]);
    expect(x.max).toEqual([2, 3, 4]);
    // 90th percentile, type 7: sorted regrets at position 0.9 × 3 = 2.7.
    expect(x.p90[0]).toBeCloseTo(2, 12); // [0, 2, 2, 2]
    expect(x.p90[1]).toBeCloseTo(2.7, 12); // [0, 0, 2, 3]
    expect(x.p90[2]).toBeCloseTo(3.4, 12); // [0, 1, 2, 4]
    expect(x.mean).toEqual([1.5, 1.25, 1.75]);
    expect(x.bestShare).toEqual([0.25, 0.5, 0.25]);
    expect(x.futures).toBe(4);
    const y = regret(Y, 'minimise');
    expect(y.regrets.map((r) => [...r])).toEqual([
      [0, 2, 0, 1],
      [2, 0, 1, 0],
      [0, 6, 0, 1],
    ]);
    expect(y.max).toEqual([2, 2, 6]);
    expect(y.p90[2]).toBeCloseTo(4.5, 12); // [0, 0, 1, 6]
  });

  it('leaves out a future where some policy has no value', () => {
    const r = regret(
      [
        [1, Number.NaN, 3],
        [2, 5, 1],
      ],
      'maximise',
    );
    expect(r.futures).toBe(2);
    expect(r.leftOut).toBe(1);
    expect([...r.regrets[1]]).toEqual([0, Number.NaN, 2]);
    expect(r.max).toEqual([1, 2]);
  });

  it('quantiles interpolate linearly between order statistics (R type 7, numpy default)', () => {
    expect(quantile([4, 1, 3, 2], 0.9)).toBeCloseTo(3.7, 12);
    expect(quantile([5], 0.1)).toBe(5);
    expect(quantile([Number.NaN, 2, 0], 0.5)).toBe(1);
    expect(quantile([], 0.5)).toBeNaN();
  });
});

describe('satisficing', () => {
  // X at least 3, Y at most 10.
  const s = satisficing(
    [0, 1, 2].map((p) => [X[p], Y[p]]),
    [{ atLeast: 3 }, { atMost: 10 }],
  );
  it('is the share of futures meeting each threshold, with its Wilson interval', () => {
    expect(s.perOutcome.map((p) => p.map((q) => q.successes))).toEqual([
      [2, 4],
      [2, 2],
      [1, 3],
    ]);
    expect(s.perOutcome[2][1]).toEqual(wilson(3, 4));
    expect(s.perOutcome[0][1].share).toBe(1);
    expect(s.perOutcome[0][1].ciLow).toBeCloseTo(0.5101, 4); // Wilson at 4 of 4
  });
  it('and of futures meeting all thresholds at once', () => {
    // A meets both in futures 2 and 4; B only in future 4; C only in future 3.
    expect(s.joint.map((j) => j.successes)).toEqual([2, 1, 1]);
    expect(s.joint[0]).toEqual(wilson(2, 4));
  });
  it('a missing value meets no threshold', () => {
    const m = satisficing([[[Number.NaN, 5]]], [{ atMost: 10 }]);
    expect(m.perOutcome[0][0].successes).toBe(1);
    expect(m.joint[0].n).toBe(2);
  });
  it('a band needs both ends', () => {
    const m = satisficing([[[0.1, 0.5, 0.9]]], [{ atLeast: 0.2, atMost: 0.8 }]);
    expect(m.perOutcome[0][0].successes).toBe(1);
  });
});

describe('the non-dominated set', () => {
  it('keeps the policies no other beats on every criterion at once; equal ones do not dominate each other', () => {
    const d = nonDominated([
      [1, 4],
      [2, 2],
      [3, 3],
      [1, 4],
    ]);
    expect(d.map((x) => x.dominatedBy)).toEqual([[], [], [1], []]);
  });
  it('on the maximum regrets of the hand case: A (2, 2) dominates B (3, 2) and C (4, 6)', () => {
    const x = regret(X, 'maximise').max;
    const y = regret(Y, 'minimise').max;
    const d = nonDominated([0, 1, 2].map((p) => [x[p], y[p]]));
    expect(d.map((v) => v.dominatedBy)).toEqual([[], [0], [0, 1]]);
  });
  it('a missing score neither dominates nor is dominated', () => {
    expect(
      nonDominated([
        [1, Number.NaN],
        [2, 2],
      ]).map((v) => v.dominatedBy),
    ).toEqual([[], []]);
  });
});

describe('satisfice: declarations', () => {
  const LIBRARY = join(projectRoot(), 'scenarios', 'library');
  const SCENARIO = `name: syn-2040\nextends: ${LIBRARY}/synthetic-twelve.yaml\nhorizon: { startYear: 2026, endYear: 2040 }\n`;
  const head = 'name: oc\nscenarios: [s.yaml]\nbaseline: syn-2040\nreplicates: 2\nseed: 5\noutcomes:\n';

  it('are kept on the outcome, in its meaning and in the plan', () => {
    const dir = writeFiles({
      's.yaml': SCENARIO,
      'x.yaml': `${head}  - { name: progress2040, series: progressShare, at: 2040, direction: maximise, satisfice: { atLeast: 0.35 } }\n  - { name: gapFteEnd, direction: minimise, satisfice: { atLeast: 0, atMost: 20 } }\n`,
    });
    const plan = loadExperimentFile(join(dir, 'x.yaml'), data);
    expect(plan.outcomes?.map((o) => o.satisfice)).toEqual([{ atLeast: 0.35 }, { atLeast: 0, atMost: 20 }]);
    expect(plan.outcomes?.[0].meaning).toMatch(/; satisficing threshold ≥ 0\.35$/);
    expect(plan.outcomes?.[1].meaning).toMatch(/; satisficing threshold 0 to 20$/);
  });

  const rows = [
    {
      name: 'an empty threshold',
      outcomes: '  - { name: gapFteEnd, direction: minimise, satisfice: {} }\n',
      expected: [
        'x.yaml:7:56 outcomes[0].satisfice: names no threshold; allowed: { atLeast: <number> }, { atMost: <number> } or both',
      ],
    },
    {
      name: 'a band upside down',
      outcomes: '  - { name: gapFteEnd, direction: minimise, satisfice: { atLeast: 5, atMost: 2 } }\n',
      expected: ['x.yaml:7:78 outcomes[0].satisfice.atMost: 2 is below atLeast (5); allowed: a number of at least 5'],
    },
    {
      name: 'a misspelt key',
      outcomes: '  - { name: gapFteEnd, direction: minimise, satisfice: { atMst: 2 } }\n',
      expected: [
        'x.yaml:7:58 outcomes[0].satisfice.atMst: "atMst" is not a known key; allowed: atLeast, atMost (did you mean "atMost"?)',
      ],
    },
    {
      name: 'a threshold that is not a number',
      outcomes: '  - { name: gapFteEnd, direction: minimise, satisfice: { atMost: low } }\n',
      expected: ['x.yaml:7:66 outcomes[0].satisfice.atMost: "low" is not a number; allowed: a number'],
    },
    {
      name: 'an infinite threshold',
      outcomes: '  - { name: gapFteEnd, direction: minimise, satisfice: { atLeast: .inf } }\n',
      expected: ['x.yaml:7:67 outcomes[0].satisfice.atLeast: Infinity is not a finite number; allowed: a number'],
    },
  ];
  for (const row of rows)
    it(`are refused with their place: ${row.name}`, () => {
      const dir = writeFiles({ 's.yaml': SCENARIO, 'x.yaml': `${head}${row.outcomes}` });
      expect(problems(dir, 'x.yaml')).toEqual(row.expected);
    });
});
