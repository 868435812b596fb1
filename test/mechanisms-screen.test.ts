/**
 * The mechanism screen end to end on a tiny budget: registry factors, the one-at-a-time runner
 * (rows, inert flags, worker pool = this thread), the mechanism experiments' rows and the checks of
 * the `mechanism:` block. Short runs (24 months, 2 seeds) keep it fast.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { experimentCells, mechanismFiles, mechanismRows } from '../reports/mechanisms/experiments.js';
import { type Factor, registryFactors, settingsFor } from '../reports/mechanisms/factors.js';
import { renderDocument } from '../reports/mechanisms/render.js';
import { runCells } from '../reports/mechanisms/runner.js';
import { runScreen, type ScreenBase } from '../reports/mechanisms/screen.js';
import { loadExperimentFile, loadScenarioFile } from '../scenarios/load.js';
import { libraryDir } from '../scenarios/refs.js';
import { LEVER_NAMES, LEVERS } from '../sim/levers.js';
import { PARAMETER_NAMES, PARAMETERS } from '../sim/parameters.js';
import { data, problems, writeFiles } from './scenarios-fixtures.js';

const short = (ref: string): ScreenBase => {
  const input = loadScenarioFile(ref, data).input;
  return { name: ref, input: { ...input, horizonMonths: 24 } };
};

describe('screen factors from the registries', () => {
  const factors = registryFactors();
  it('has every parameter and lever, parameters at both ends, choices at every value', () => {
    expect(factors.map((f) => f.name)).toEqual([...PARAMETER_NAMES, ...LEVER_NAMES]);
    for (const f of factors.filter((x) => x.kind === 'parameter' && !x.skipped)) {
      const d = PARAMETERS[f.name as keyof typeof PARAMETERS];
      expect(f.values).toEqual([d.min, d.max]);
    }
    for (const f of factors.filter((x) => x.kind === 'lever')) {
      const def = LEVERS[f.name as keyof typeof LEVERS];
      if (def.kind === 'choice') expect(f.values).toEqual(def.values);
      if (def.kind === 'boolean') expect(f.values).toEqual([false, true]);
    }
  });

  it("drops the base scenario's own value", () => {
    const base = short('drenthe-flexteam');
    const form = factors.find((f) => f.name === 'poolForm') as Factor;
    expect(settingsFor(base.input, form)).not.toContain(base.input.levers.poolForm);
    expect(settingsFor(base.input, form)).toHaveLength(form.values.length - 1);
  });
});

describe('one-at-a-time screen on a tiny budget', () => {
  // Two parameters with a range, whatever the registry holds today.
  const [a, b] = registryFactors().filter((f) => f.kind === 'parameter' && !f.skipped);
  const base = short('drenthe-start-small');
  // "echo" moves with a only; "flat" never moves: b is inert by construction.
  const measure = (_r: unknown, input: typeof base.input) => ({
    echo: (input.parameters as Record<string, number>)[a.name],
    flat: 0,
  });

  it('gives one row per setting and outcome, and flags the factor that moves nothing as INERT', async () => {
    const results = await runScreen([base], [a, b], {
      threads: 1,
      label: 'test',
      seeds: [11, 12],
      outcomes: ['echo', 'flat'],
      measure,
    });
    const [ra, rb] = results;
    const settings = (f: Factor) => settingsFor(base.input, f).length;
    expect(ra.rows).toHaveLength(settings(a) * 2);
    expect(rb.rows).toHaveLength(settings(b) * 2);
    expect(ra.rows.every((r) => r.base === base.name && r.contrast.pairs === 2)).toBe(true);
    expect(ra.inert).toBe(false);
    expect(ra.largest?.outcome).toBe('echo');
    expect(rb.inert).toBe(true);
    expect(rb.identical).toBe(true);
    const doc = renderDocument({
      commit: 'test',
      screen: {
        bases: [base.name],
        seeds: 2,
        masterSeed: 1,
        outcomes: ['echo'],
        results,
        keptInert: { [b.name]: 'a reason' },
        notes: [],
      },
    });
    expect(doc).toContain('### Inert factors');
    expect(doc).toMatch(new RegExp(`\\| ${b.name} \\|.*\\| a reason \\|`));
  });

  it('gives the same numbers on the worker pool as in this thread, and a second own outcome', async () => {
    const options = { label: 'test', seeds: [3, 4], outcomes: ['poolMembersEnd'], ownOutcome: () => 'progress2030' };
    const here = await runScreen([base], [a], { ...options, threads: 1 });
    const pool = await runScreen([base], [a], { ...options, threads: 2 });
    expect(pool).toEqual(here);
    expect(here[0].rows.map((r) => r.role)).toEqual(settingsFor(base.input, a).flatMap(() => ['all', 'own']));
  });
});

describe('mechanism experiments', () => {
  it('ships mechanism-*.yaml files that load with their mechanism block', () => {
    const files = mechanismFiles(join(libraryDir('experiment')));
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const f of files) expect(loadExperimentFile(f, data).mechanism?.expect.length).toBeGreaterThan(0);
  });

  it('compares each variant with the baseline on the outcomes the block names', async () => {
    const [file] = mechanismFiles(libraryDir('experiment'));
    const plan = loadExperimentFile(file, data);
    plan.points = plan.points.map((p) => ({ ...p, input: { ...p.input, horizonMonths: 24 } }));
    const results = await runCells(experimentCells(plan, [1, 2]), { threads: 1, label: 'test' });
    const rows = mechanismRows(plan, results);
    const variants = plan.points.filter((p) => p.scenario !== plan.baseline).length;
    expect(rows).toHaveLength(variants * (plan.mechanism?.expect.length ?? 0));
    expect(rows.map((r) => r.outcome).slice(0, plan.mechanism?.expect.length)).toEqual(
      plan.mechanism?.expect.map((e) => e.outcome),
    );
    expect(rows.every((r) => r.contrast.pairs <= 2 && r.verdict.text.length > 0)).toBe(true);
  });

  it('reports unknown outcomes, signs and variants in the mechanism block', () => {
    const lib = libraryDir('scenario');
    const dir = writeFiles({
      'e.yaml': `scenarios: [${lib}/drenthe-flexteam.yaml, ${lib}/drenthe-no-sponsor.yaml]
baseline: drenthe-flexteam
replicates: 2
seed: 1
mechanism:
  id: M9
  title: t
  expectation: x
  expect: { poolSurvivd: down, progress2050: sideways }
  variants:
    - scenario: drenthe-flexteam
`,
    });
    const lines = problems(dir, 'e.yaml');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/mechanism.expect.poolSurvivd: .*not an outcome.*did you mean "poolSurvived"/);
    expect(lines[1]).toMatch(/"sideways" is not allowed; allowed: up, down, none, any/);
    expect(lines[2]).toMatch(
      /mechanism.variants\[0\].scenario: "drenthe-flexteam" is not a variant.*allowed: drenthe-no-sponsor/,
    );
  });
});
