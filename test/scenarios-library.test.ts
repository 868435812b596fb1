/**
 * The shipped library: every file validates, says in its header which research question it serves
 * and what it varies, and every scenario runs (24 months; the national one once).
 */
import { readFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultScenario, nationalScenario } from '../scenarios/default.js';
import { listLibrary } from '../scenarios/library-index.js';
import { loadExperimentFile, loadScenarioFile, validateFiles } from '../scenarios/load.js';
import { runSpecs } from '../scenarios/plan.js';
import { libraryDir, yamlFiles } from '../scenarios/refs.js';
import { QUESTIONS } from '../scenarios/schema.js';
import { simulate } from '../sim/simulate.js';
import { data, problems, writeFiles } from './scenarios-fixtures.js';

const scenarios = yamlFiles(libraryDir('scenario'));
const experiments = yamlFiles(libraryDir('experiment'));
const name = (f: string) => basename(f, extname(f));

describe('the shipped library', () => {
  it('has scenarios and experiments, and every file validates', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(20);
    expect(experiments.length).toBeGreaterThanOrEqual(8);
    expect(validateFiles([...scenarios, ...experiments], data)).toEqual([]);
  });

  it.each([...scenarios, ...experiments])(
    '%s: schema line, header naming its question and what it varies, name = file name',
    (file) => {
      const text = readFileSync(file, 'utf8');
      const lines = text.split('\n');
      const schema = lines[0].match(/^# yaml-language-server: \$schema=(\S+)$/)?.[1];
      expect(schema, 'first line names the schema for editors').toBeDefined();
      expect(() => readFileSync(join(dirname(file), schema as string))).not.toThrow();
      const header = lines.filter((l) => l.startsWith('#')).join('\n');
      expect(header).toMatch(/RQ[1-7]/);
      expect(header).toMatch(/Varies/);
      const entry = listLibrary().find((e) => e.file === file);
      expect(entry?.description).not.toMatch(/^\(/);
      expect(entry?.questions.length).toBeGreaterThan(0);
      expect(text).toMatch(new RegExp(`^name: ${name(file)}$`, 'm'));
    },
  );

  it('serves every research question with at least one scenario and one experiment', () => {
    const entries = listLibrary();
    for (const q of QUESTIONS) {
      expect(
        entries.some((e) => e.kind === 'scenario' && e.questions.includes(q)),
        `${q} scenario`,
      ).toBe(true);
      expect(
        entries.some((e) => e.kind === 'experiment' && e.questions.includes(q)),
        `${q} experiment`,
      ).toBe(true);
    }
  });

  it('models the real cases as described', () => {
    const drenthe = loadScenarioFile('drenthe-flexteam', data).input;
    expect(drenthe.municipalities).toHaveLength(12);
    expect(drenthe.levers).toMatchObject({ poolForm: 'flexpool', governance: 'demandPull', initialStaff: 4 });
    expect(drenthe.levers.sponsorYears).toBeGreaterThanOrEqual(3);
    expect(loadScenarioFile('drechtsteden-regioregisseur', data).input.municipalities).toHaveLength(7);
    expect(loadScenarioFile('twente-expert-team', data).input.poolAreas[0].code).toBe('ES04');
    expect(loadScenarioFile('overijssel-province-team', data).input.municipalities).toHaveLength(25);
    const baselines = ['drenthe-none', 'drenthe-light'].map((n) => loadScenarioFile(n, data).input.levers.poolForm);
    expect(baselines).toEqual(['none', 'light']);
  });

  it('keeps the built-ins: default and national load by name and equal scenarios/default.ts', () => {
    expect(loadScenarioFile('default', data)).toEqual({ input: defaultScenario(data), files: [] });
    expect(loadScenarioFile('national', data).input).toEqual(nationalScenario(data));
  });

  const regional = scenarios.filter((f) => !name(f).startsWith('national'));
  it.each(regional)('%s runs for 24 months', (file) => {
    const { input } = loadScenarioFile(file, data);
    const result = simulate({ ...input, horizonMonths: 24 }, 1);
    expect(result.summary.metrics.needFte).toBeGreaterThan(0);
  });

  it('the national scenarios run (one short run)', () => {
    const { input } = loadScenarioFile(scenarios.find((f) => name(f) === 'national-flexpools') as string, data);
    expect(input.municipalities).toHaveLength(342);
    expect(input.poolAreas).toHaveLength(30);
    expect(simulate({ ...input, horizonMonths: 12 }, 1).summary.metrics.needFte).toBeGreaterThan(0);
    expect(loadScenarioFile('national-none', data).input.levers.poolForm).toBe('none');
  });

  it.each(experiments)('%s expands to a plan whose baseline is one of its scenarios', (file) => {
    const plan = loadExperimentFile(file, data);
    expect(plan.name).toBe(name(file));
    expect(plan.points.some((p) => p.scenario === plan.baseline)).toBe(true);
    expect(new Set(plan.points.map((p) => p.id)).size).toBe(plan.points.length);
    expect(runSpecs(plan)).toHaveLength(plan.points.length * plan.replicates);
    expect(plan.sourceFiles[0]).toBe(file);
  });
});

describe('documentation examples', () => {
  it('the scenario in README.md and the experiment in scenarios/README.md validate', () => {
    const readme = readFileSync(join(libraryDir('scenario'), '..', '..', 'README.md'), 'utf8');
    const scenarioExample = readme.match(/```yaml\n([\s\S]*?)```/)?.[1] as string;
    const guide = readFileSync(join(libraryDir('scenario'), '..', 'README.md'), 'utf8');
    const experimentExample = guide.match(/```yaml\n([\s\S]*?)```/)?.[1] as string;
    // The experiment's paths are relative to scenarios/experiments/: point them at the library.
    const experiment = experimentExample.replaceAll('../library/', `${libraryDir('scenario')}/`);
    const dir = writeFiles({ 'x.yaml': scenarioExample, 'e.yaml': experiment });
    expect(problems(dir, 'x.yaml')).toEqual([]);
    expect(loadExperimentFile(join(dir, 'e.yaml'), data).points).toHaveLength(2 * 4 * 5);
  });
});
