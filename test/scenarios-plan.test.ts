/** Experiments become plans: scenarios crossed with sweeps, stable point ids, paired seeds. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadExperimentFile, planFromScenarios, ScenarioError } from '../scenarios/load.js';
import { runSpecs } from '../scenarios/plan.js';
import { SCARCITY_LEVELS } from '../sim/parameters.js';
import { data, writeFiles } from './scenarios-fixtures.js';

describe('experiment plans', () => {
  it('cross every scenario with every scarcity level, scenario by scenario', () => {
    const plan = loadExperimentFile('rq1-start-size-by-scarcity', data);
    expect(plan.baseline).toBe('drenthe-start-small');
    expect(plan.points.map((p) => p.id).slice(0, 5)).toEqual([
      'drenthe-start-small|scarcity=low',
      'drenthe-start-small|scarcity=medium',
      'drenthe-start-small|scarcity=high',
      'drenthe-start-small|scarcity=extreme',
      'drenthe-start-big|scarcity=low',
    ]);
    const extreme = plan.points[3];
    expect(extreme.sweep).toEqual({ scarcity: 'extreme' });
    expect(extreme.scenario).toBe('drenthe-start-small');
    expect(extreme.input.parameters.supplyRatio).toBe(SCARCITY_LEVELS.extreme);
    expect(extreme.input.levers.startMode).toBe('small');
  });

  it('expand ranges into tidy values and cross several sweeps (first varies slowest)', () => {
    const dir = writeFiles({
      's.yaml': 'region: { res: Drechtsteden }\nhorizon: 12\n',
      'e.yaml': `name: grid
scenarios: [s.yaml]
baseline: s
replicates: 3
seed: 9
sweeps:
  autonomyAversionMean: { from: 0.2, to: 0.7, steps: 6 }
  poolRoles: [[specialist, process], [specialist, process, local]]
`,
    });
    const plan = loadExperimentFile(join(dir, 'e.yaml'), data);
    expect(plan.points).toHaveLength(12);
    expect(plan.points.map((p) => p.sweep.autonomyAversionMean).filter((_, i) => i % 2 === 0)).toEqual([
      0.2, 0.3, 0.4, 0.5, 0.6, 0.7,
    ]);
    expect(plan.points[1].id).toBe('s|autonomyAversionMean=0.2|poolRoles=specialist+process+local');
    expect(plan.points[1].input.levers.poolRoles).toEqual(['specialist', 'process', 'local']);
    expect(plan.points[1].input.parameters.autonomyAversionMean).toBe(0.2);
    expect(plan.points[1].input.name).toBe('s');
    expect(plan.sourceFiles).toEqual([join(dir, 'e.yaml'), join(dir, 's.yaml')]);
  });

  it('give replicate i the same seed at every point (common random numbers)', () => {
    const plan = loadExperimentFile('rq4-what-to-pool', data);
    const specs = runSpecs(plan);
    const seedsOf = (pointId: string) => specs.filter((s) => s.pointId === pointId).map((s) => s.seed);
    expect(seedsOf(plan.points[0].id)).toEqual(seedsOf(plan.points[1].id));
    expect(new Set(seedsOf(plan.points[0].id)).size).toBe(plan.replicates);
  });

  it('planFromScenarios: references by path, library name or built-in, baseline by name or reference', () => {
    const plan = planFromScenarios(['default', 'drenthe-none'], data, { replicates: 4, masterSeed: 3 });
    expect(plan.baseline).toBe('drenthe-flexpool-high-scarcity');
    expect(plan.points.map((p) => p.id)).toEqual(['drenthe-flexpool-high-scarcity', 'drenthe-none']);
    expect(plan.points.every((p) => Object.keys(p.sweep).length === 0)).toBe(true);
    expect(plan.sourceFiles).toHaveLength(2); // drenthe-none and the file it extends
    expect(
      planFromScenarios(['default', 'drenthe-none'], data, { replicates: 1, masterSeed: 1, baseline: 'drenthe-none' })
        .baseline,
    ).toBe('drenthe-none');
    expect(planFromScenarios(['default'], data, { replicates: 1, masterSeed: 1, baseline: 'default' }).baseline).toBe(
      'drenthe-flexpool-high-scarcity',
    );
  });

  it('planFromScenarios reports a bad baseline, replicates and seed together', () => {
    let error: ScenarioError | undefined;
    try {
      planFromScenarios(['default', 'drenthe-none'], data, { replicates: 0, masterSeed: -1, baseline: 'drenthe-non' });
    } catch (e) {
      error = e as ScenarioError;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    expect(error?.issues.map((i) => i.path).sort()).toEqual(['baseline', 'replicates', 'seed']);
    expect(error?.message).toContain('(did you mean "drenthe-none"?)');
  });

  it('loadExperimentFile refuses a scenario file', () => {
    expect(() => loadExperimentFile('drenthe-flexteam', data)).toThrow(
      /is a scenario file; allowed here: an experiment file/,
    );
  });
});
