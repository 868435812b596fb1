import { describe, expect, it, vi } from 'vitest';
import type { Recorder } from '../sim/outputs.js';
import type { RunResult } from '../sim/simulate.js';
import type { ModelState } from '../sim/state.js';
import { drenthe, run, type ScenarioOptions } from './helpers.js';

/** Every recorded series of a run, by a path-like name. */
function allSeries(rec: Recorder): Map<string, Float64Array> {
  const out = new Map<string, Float64Array>();
  for (const [name, values] of Object.entries(rec.region.values)) out.set(`region.${name}`, values);
  rec.sizeClass.forEach((s, k) => {
    for (const [name, values] of Object.entries(s.values)) out.set(`sizeClass${k}.${name}`, values);
  });
  rec.municipality.forEach((s, k) => {
    for (const [name, values] of Object.entries(s.values)) out.set(`municipality${k}.${name}`, values);
  });
  return out;
}

/** Bit-for-bit equality of two Float64Arrays (NaN equals NaN, 0 differs from -0). */
function sameBits(a: Float64Array, b: Float64Array): boolean {
  return (
    a.length === b.length &&
    Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength))
  );
}

function differingSeries(a: RunResult, b: RunResult): string[] {
  const sa = allSeries(a.series);
  const sb = allSeries(b.series);
  const out: string[] = [];
  for (const [name, values] of sa) {
    const other = sb.get(name);
    if (!other || !sameBits(values, other)) out.push(name);
  }
  for (const name of sb.keys()) if (!sa.has(name)) out.push(name);
  return out;
}

/** The lever-independent random draws of a run, as seen at month 0. */
interface Draws {
  crisisOnsets: number[][];
  crisisDurations: number[][];
  quarrelOnsets: number[][][];
  quarrelResolveDraws: number[][][];
  autonomyAversion: number[];
  nih: number[];
  wageIndex: number[];
  /** Crises that actually started over the run (municipality code and month). */
  crisesStarted: string[];
}

function draws(options: ScenarioOptions, seed: number): { draws: Draws; result: RunResult } {
  let d: Draws | undefined;
  const started: string[] = [];
  let until: number[] = [];
  const result = run(options, seed, (state: ModelState) => {
    if (state.t === 0) {
      d = {
        crisisOnsets: state.municipalities.map((m) => [...m.crisisOnsets]),
        crisisDurations: state.municipalities.map((m) => [...m.crisisDurations]),
        quarrelOnsets: state.pools.map((p) => p.quarrels.map((q) => [...q.onsets])),
        quarrelResolveDraws: state.pools.map((p) => p.quarrels.map((q) => [...q.resolveDraws])),
        autonomyAversion: state.municipalities.map((m) => m.autonomyAversion),
        nih: state.municipalities.map((m) => m.nih),
        wageIndex: state.municipalities.map((m) => m.wageIndex),
        crisesStarted: [],
      };
      until = state.municipalities.map(() => -1);
    }
    // A crisis starts in the month its end (crisisUntil) moves.
    for (const m of state.municipalities) {
      if (m.crisisUntil !== until[m.idx]) started.push(`${m.code}@${state.t}-${m.crisisUntil}`);
      until[m.idx] = m.crisisUntil;
    }
  });
  if (!d) throw new Error('month 0 not seen');
  d.crisesStarted = started;
  return { draws: d, result };
}

describe('determinism', () => {
  it('the same input and seed give identical summaries and series', () => {
    for (const [options, seed] of [
      [{}, 11],
      [{ levers: { poolForm: 'esc', governance: 'centralPush', scope: 'multi' } }, 12],
    ] as Array<[ScenarioOptions, number]>) {
      const a = run(options, seed);
      const b = run(options, seed);
      expect(JSON.stringify(b.summary)).toBe(JSON.stringify(a.summary));
      expect(differingSeries(a, b)).toEqual([]);
      // And the series are really filled, so the comparison means something.
      expect(a.series.region.values.dwellingsReady[299]).toBeGreaterThan(0);
    }
  });

  it("a thread's first run, which a one-year rehearsal precedes, equals the same run made later", async () => {
    run({}, 1, () => {}); // this copy of the model has made its first run
    const later = run({ levers: { poolForm: 'esc' } }, 31);
    vi.resetModules();
    // A fresh copy of the model's modules, as a new worker thread has: its first call rehearses.
    const fresh = (await import('../sim/simulate.js')) as typeof import('../sim/simulate.js');
    const first = fresh.simulate(drenthe({ levers: { poolForm: 'esc' } }), 31);
    expect(JSON.stringify(first.summary)).toBe(JSON.stringify(later.summary));
    expect(differingSeries(first, later)).toEqual([]);
    expect(first.series.region.values.dwellingsReady[299]).toBeGreaterThan(0);
  });

  it('different seeds give different results', () => {
    const a = run({}, 21);
    const b = run({}, 22);
    expect(JSON.stringify(b.summary)).not.toBe(JSON.stringify(a.summary));
    expect(a.summary.metrics.dwellingsReadyEnd).not.toBe(b.summary.metrics.dwellingsReadyEnd);
    const differ = differingSeries(a, b);
    expect(differ).toContain('region.dwellingsReady');
    expect(differ).toContain('region.fteOwn');
  });
});

describe('common random numbers: crises, quarrels and traits do not depend on levers or unrelated parameters', () => {
  const seeds = [31, 32, 33];
  const variants: Array<[string, ScenarioOptions]> = [
    ['no pool', { levers: { poolForm: 'none' } }],
    ['esc', { levers: { poolForm: 'esc' } }],
    ['central push', { levers: { governance: 'centralPush' } }],
    ['talk it out', { levers: { talkItOut: true } }],
    ['recall forbidden, big start with mandate', { levers: { recall: 'forbidden', startMode: 'big', mandate: true } }],
    ['supplyRatio 0.35', { parameters: { supplyRatio: 0.35 } }],
    ['supplyRatio 1.3, budgetCoverage 1.0', { parameters: { supplyRatio: 1.3, budgetCoverage: 1.0 } }],
  ];
  for (const seed of seeds) {
    it(`seed ${seed}`, () => {
      const base = draws({}, seed);
      // The draws are not trivially empty.
      expect(base.draws.crisisOnsets.flat().length).toBeGreaterThan(0);
      expect(base.draws.quarrelOnsets.flat(2).length).toBeGreaterThan(0);
      for (const [name, options] of variants) {
        const other = draws(options, seed);
        expect(other.draws.crisisOnsets, name).toEqual(base.draws.crisisOnsets);
        expect(other.draws.crisisDurations, name).toEqual(base.draws.crisisDurations);
        expect(other.draws.quarrelOnsets, name).toEqual(base.draws.quarrelOnsets);
        expect(other.draws.quarrelResolveDraws, name).toEqual(base.draws.quarrelResolveDraws);
        expect(other.draws.autonomyAversion, name).toEqual(base.draws.autonomyAversion);
        expect(other.draws.nih, name).toEqual(base.draws.nih);
        expect(other.draws.wageIndex, name).toEqual(base.draws.wageIndex);
        // Crises that actually happen follow from the draws alone.
        expect(other.draws.crisesStarted, name).toEqual(base.draws.crisesStarted);
        expect(other.result.summary.metrics.crises, name).toBe(base.result.summary.metrics.crises);
      }
    });
  }

  it('the lever change does change the outcome (the comparison is not vacuous)', () => {
    const a = draws({}, 31).result.summary.metrics;
    const b = draws({ levers: { poolForm: 'none' } }, 31).result.summary.metrics;
    expect(a.dwellingsReadyEnd).not.toBe(b.dwellingsReadyEnd);
  });
});
