/**
 * The page's own logic in Node (no browser): controls come from the registries, the settings make
 * scenario files that resolve to the same model input as `regiosim` loads from disk, the URL
 * fragment round-trips, and runs done the page's way give byte for byte the runs.csv of the batch
 * engine for the same plan and seeds.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadNationalData } from '../data/load.js';
import { pageHtml } from '../page/build.js';
import { servePage } from '../page/serve.js';
import { leverControls, uncertaintyControls } from '../page/shared/controls.js';
import { runPageTask } from '../page/shared/outcome.js';
import { pagePlan, resolveScenarioText } from '../page/shared/resolve.js';
import { PageResults } from '../page/shared/results.js';
import { defaultSettings, fromFragment, scenarioYaml, toFragment } from '../page/shared/settings.js';
import { loadScenarioFile } from '../scenarios/load.js';
import { LEVER_NAMES } from '../sim/levers.js';
import { PARAMETER_NAMES, PARAMETERS } from '../sim/parameters.js';
import { batchSpecs } from '../workers/specs.js';
import { batch, read, tempDir } from './batch-helpers.js';

const data = loadNationalData();

describe('page model', () => {
  it('has a control for every lever (but founders) and every parameter with a range, with unit and help', () => {
    expect(leverControls().map((c) => c.name)).toEqual(LEVER_NAMES.filter((n) => n !== 'founders'));
    const u = uncertaintyControls();
    expect(u[0].name).toBe('scarcity');
    expect(u.slice(1).map((c) => c.name)).toEqual(PARAMETER_NAMES.filter((n) => PARAMETERS[n].min < PARAMETERS[n].max));
    const staff = leverControls().find((c) => c.name === 'initialStaff');
    expect(staff).toMatchObject({ label: 'Initial staff', min: 0, max: 100, unit: 'staff', integer: true });
    expect(staff?.help).toContain('Source: D1');
  });

  it('round-trips settings through the URL fragment', () => {
    const s = { ...defaultSettings(), runs: 7, seed: 99, levers: { poolForm: 'esc', initialStaff: 9 } };
    expect(fromFragment(toFragment(s))).toEqual(s);
    expect(fromFragment('#s=%7Bbroken')).toEqual(defaultSettings());
  });

  it('resolves its scenario files as regiosim does from disk, and runs them as the batch engine does', async () => {
    const dir = tempDir('page');
    const s = { ...defaultSettings(), endYear: 2028, runs: 3, seed: 5, levers: { poolForm: 'esc', initialStaff: 6 } };
    const inputs = (['baseline', 'scenario'] as const).map((side) => {
      const text = scenarioYaml(s, side, 'test');
      const file = join(dir, `${side}.yaml`);
      writeFileSync(file, text);
      const page = resolveScenarioText(text, `${side}.yaml`, data);
      expect(page.issues).toEqual([]);
      expect(page.input).toEqual(loadScenarioFile(file, data).input);
      return page.input as NonNullable<typeof page.input>;
    });
    const plan = pagePlan(inputs[0], inputs[1], s.runs, s.seed);
    const results = new PageResults(plan);
    const specs = batchSpecs(plan);
    for (let i = 0; i < specs.total; i++) {
      const spec = specs.at(i);
      results.add(runPageTask(plan.points[spec.point].input, { ...spec }));
    }
    const out = join(dir, 'batch');
    await batch(plan, { outDir: out, threads: 1, series: 'none' });
    expect(results.runsCsv()).toBe(read(out, 'runs.csv'));
    expect(results.pairs()).toEqual([0, 1, 2]);
    expect(results.tableRows().find((r) => r.metric === 'membershipShareEnd')?.difference.pairs).toBe(3);
  });

  it('reports the registry message for a value out of range', () => {
    const s = { ...defaultSettings(), levers: { initialStaff: 500 } };
    const r = resolveScenarioText(scenarioYaml(s, 'scenario', 'test'), 'scenario.yaml', data);
    expect(r.input).toBeUndefined();
    expect(r.issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      'levers.initialStaff: 500 is out of range; allowed: 0 to 100 staff (whole numbers)',
    ]);
  });

  it('type-checks the browser code (page/browser, with the DOM types)', () => {
    execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'page/browser/tsconfig.json'], {
      stdio: 'pipe',
    });
  });

  it('serves the page on localhost (regiosim page --serve)', async () => {
    const html = await pageHtml();
    expect(html).toContain('<!-- regiosim page -->');
    const { url, server } = await servePage(html, 0);
    try {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const res = await fetch(url);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(html);
    } finally {
      server.close();
    }
  });
});
