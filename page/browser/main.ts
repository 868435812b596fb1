/**
 * The what-if page: settings → two scenario files (baseline, scenario) → the scenario layer's
 * checks → a plan with the batch's seeds → paired runs in Web Workers → statistics and charts.
 */
import type { ModelInput } from '../../sim/model-input.js';
import type { ExperimentPlan } from '../../scenarios/plan.js';
import type { PageData } from '../shared/page-data.js';
import { leverControls, uncertaintyControls } from '../shared/controls.js';
import { PageResults } from '../shared/results.js';
import { pagePlan, resolveScenarioText } from '../shared/resolve.js';
import { fromFragment, type PageSettings, scenarioYaml, toFragment } from '../shared/settings.js';
import { renderResults } from './results-view.js';
import { leverTable, readSide, type Side, setSide, showIssues, uncertaintyForm } from './controls-view.js';
import { byId, download, h } from './dom.js';
import { regionCodes, regionPicker } from './region-view.js';
import { Runner } from './runner.js';

const data = JSON.parse(byId('page-data').textContent ?? '{}') as PageData;
const workerCode = byId('worker-code').textContent ?? '';
const levers = leverControls();
const uncertainties = uncertaintyControls();
let settings: PageSettings = fromFragment(location.hash);
const inputs: { baseline?: ModelInput; scenario?: ModelInput } = {};
let runner: Runner | undefined;
let results: PageResults | undefined;
const version = `regiosim ${data.version} (${data.commit.slice(0, 12)})`;

function numberField(id: string, label: string, value: number, min: number, max: number): HTMLElement {
  return h(
    'label',
    {},
    `${label} `,
    h('input', {
      id,
      type: 'number',
      value: String(value),
      min: String(min),
      max: String(max),
      step: '1',
      style: 'width:90px',
    }),
  );
}

function layout(): void {
  const app = byId('app');
  app.append(
    h(
      'header',
      {},
      h('h1', {}, 'regiosim: what if the municipalities pool their heat-transition staff?'),
      h('div', { class: 'meta', id: 'version' }, `${version}; data: CBS 85755NED (Bron: CBS)`),
    ),
    h(
      'main',
      {},
      h(
        'section',
        {},
        h('h2', {}, '1. Region, runs and seed'),
        h(
          'div',
          { class: 'row' },
          h('div', { id: 'region-map' }),
          h(
            'div',
            {},
            h('p', {}, 'Choose a RES region, a province or the whole country (or click the map).'),
            h('div', { id: 'region-controls' }),
            h(
              'p',
              {},
              numberField('runs', 'Paired runs', settings.runs, 1, 10000),
              numberField('seed', 'Master seed', settings.seed, 0, 2147483647),
            ),
            h(
              'p',
              {},
              numberField('startYear', 'From', settings.startYear, 2000, 2100),
              numberField('endYear', 'to', settings.endYear, 2000, 2199),
            ),
            h(
              'p',
              {},
              h('label', {}, 'Baseline name ', h('input', { id: 'baselineName', value: settings.baselineName })),
              h('label', {}, 'Scenario name ', h('input', { id: 'scenarioName', value: settings.scenarioName })),
            ),
            h(
              'p',
              { class: 'help' },
              'Run i of both scenarios uses the same seed (derived from the master seed as in regiosim batch), so their difference is a paired comparison.',
            ),
          ),
        ),
      ),
      h(
        'section',
        {},
        h('h2', {}, '2. Levers: baseline and scenario'),
        h(
          'p',
          {},
          h('button', { id: 'preset-none' }, 'Baseline: no pool'),
          h('button', { id: 'preset-defaults' }, 'Baseline: registry defaults'),
          h('button', { id: 'preset-copy' }, 'Baseline: copy of the scenario'),
        ),
        leverTable(levers, settings.baselineLevers, settings.levers),
      ),
      h(
        'section',
        {},
        h('h2', {}, '3. Key uncertainties (shared by both)'),
        uncertaintyForm(uncertainties, settings.uncertainties),
      ),
      h(
        'section',
        {},
        h('h2', {}, '4. Run'),
        h('ul', { id: 'issues' }),
        h(
          'p',
          {},
          h('button', { id: 'run' }, 'Run'),
          h('button', { id: 'stop', disabled: true }, 'Stop'),
          h('progress', { id: 'progress', value: '0', max: '1' }),
          ' ',
          h('span', { id: 'status' }, ''),
        ),
        h(
          'p',
          {},
          'Export: ',
          h('button', { id: 'export-scenario' }, 'scenario YAML'),
          h('button', { id: 'export-baseline' }, 'baseline YAML'),
          h('button', { id: 'export-csv' }, 'runs CSV'),
          h('button', { id: 'copy-link' }, 'link to these settings'),
        ),
      ),
      h(
        'section',
        { id: 'results' },
        h('h2', {}, '5. Results'),
        h('p', { class: 'help' }, 'Results appear here as the runs complete.'),
      ),
    ),
  );
}

function readSettings(): PageSettings {
  const app = byId('app');
  const value = (id: string) =>
    byId<HTMLInputElement>(id).value.trim() === '' ? Number.NaN : Number(byId<HTMLInputElement>(id).value);
  return {
    ...settings,
    region: regionChoice(),
    runs: value('runs'),
    seed: value('seed'),
    startYear: value('startYear'),
    endYear: value('endYear'),
    baselineName: byId<HTMLInputElement>('baselineName').value.trim(),
    scenarioName: byId<HTMLInputElement>('scenarioName').value.trim(),
    levers: readSide(app, 'scenario', levers),
    baselineLevers: readSide(app, 'baseline', levers),
    uncertainties: readSide(app, 'shared', uncertainties),
  };
}

let regionChoice: () => PageSettings['region'] = () => settings.region;

function sideOf(path: string, file: 'baseline' | 'scenario'): Side {
  return path.startsWith('levers.') ? file : 'shared';
}

/** Checks both scenario files; shows the problems; returns whether the page can run. */
function validate(): boolean {
  settings = readSettings();
  const supply = document.querySelector<HTMLInputElement>('[id="ctl-shared-uncertainties.supplyRatio"]');
  if (supply) supply.disabled = settings.uncertainties.scarcity !== '';
  const problems: Array<{ side: Side; path: string; text: string }> = [];
  const seen = new Set<string>();
  const check = (count: number, min: number, max: number, what: string, path: string) => {
    if (!Number.isInteger(count) || count < min || count > max)
      problems.push({
        side: 'shared',
        path,
        text: `${what}: ${count} is not allowed; allowed: ${min} to ${max} (whole numbers)`,
      });
  };
  check(settings.runs, 1, 10000, 'runs', 'runs');
  check(settings.seed, 0, 2147483647, 'seed', 'seed');
  for (const file of ['baseline', 'scenario'] as const) {
    const r = resolveScenarioText(scenarioYaml(settings, file, version), `${file}.yaml`, data.national);
    inputs[file] = r.input;
    for (const i of r.issues) {
      const side = sideOf(i.path, file);
      const key = `${side}:${i.path}:${i.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      problems.push({ side, path: i.path, text: `${side === 'shared' ? '' : `${file}: `}${i.path}: ${i.message}` });
    }
  }
  if (settings.baselineName === settings.scenarioName && problems.length === 0)
    problems.push({ side: 'shared', path: 'name', text: 'name: the baseline and the scenario need different names' });
  const rest = showIssues(byId('app'), problems);
  const list = byId('issues');
  list.replaceChildren(...rest.map((t) => h('li', {}, t)));
  byId('app').dataset.issues = String(problems.length);
  const ok = problems.length === 0;
  byId<HTMLButtonElement>('run').disabled = !ok || runner !== undefined;
  history.replaceState(null, '', toFragment(settings));
  return ok;
}

async function run(): Promise<void> {
  if (!validate() || !inputs.baseline || !inputs.scenario) return;
  const plan: ExperimentPlan = pagePlan(inputs.baseline, inputs.scenario, settings.runs, settings.seed);
  results = new PageResults(plan);
  const current = results;
  const threads = Math.max(1, Math.min(navigator.hardwareConcurrency || 2, 8));
  runner = new Runner(workerCode, threads);
  const total = plan.points.length * plan.replicates;
  const t0 = performance.now();
  const body = document.body;
  body.dataset.status = 'running';
  delete body.dataset.firstResultMs;
  delete body.dataset.firstChartsMs;
  byId<HTMLButtonElement>('run').disabled = true;
  byId<HTMLButtonElement>('stop').disabled = false;
  const progress = byId<HTMLProgressElement>('progress');
  progress.max = total;
  let rendering = false;
  let lastRender = 0;
  let gap = 1500;
  let dirty = false;
  const draw = async (final: boolean) => {
    if (rendering) {
      dirty = true;
      return;
    }
    rendering = true;
    dirty = false;
    const started = performance.now();
    await renderResults(byId('results'), current, data.boundaries, final, () => {
      body.dataset.firstResultMs ??= String(Math.round(performance.now() - t0));
    });
    body.dataset.firstChartsMs ??= String(Math.round(performance.now() - t0));
    lastRender = performance.now();
    // Drawing shares the cores with the workers: redraw at most every 1.5 s and never more than a third of the time.
    gap = Math.max(1500, 2 * (lastRender - started));
    rendering = false;
    if (dirty) await draw(final);
  };
  const status = (text: string) => {
    byId('status').textContent = text;
  };
  const outcome = await runner.run(plan, (o) => {
    current.add(o);
    progress.value = current.done;
    const secs = (performance.now() - t0) / 1000;
    status(
      `${current.done}/${total} runs, ${current.pairs().length} pairs, ${(current.done / secs).toFixed(1)} runs/s, ${threads} workers, master seed ${plan.masterSeed}`,
    );
    const newPair = current.pairs().length > 0 && o.index >= plan.replicates;
    if (newPair && (body.dataset.firstChartsMs === undefined || performance.now() - lastRender > gap)) void draw(false);
  });
  const secs = (performance.now() - t0) / 1000;
  while (rendering) await new Promise((r) => setTimeout(r, 50));
  await draw(true);
  runner = undefined;
  byId<HTMLButtonElement>('stop').disabled = true;
  body.dataset.runsPerSecond = (current.done / secs).toFixed(2);
  const failed = current.failed();
  status(
    `${outcome === 'done' ? 'done' : 'stopped'}: ${current.done}/${total} runs (${failed} failed) in ${secs.toFixed(1)} s, ${(current.done / secs).toFixed(1)} runs/s, ${threads} workers, master seed ${plan.masterSeed}, ${version}`,
  );
  body.dataset.status = outcome;
  validate();
}

function bind(): void {
  const app = byId('app');
  app.addEventListener('change', () => validate());
  app.addEventListener('input', () => validate());
  byId('run').addEventListener('click', () => void run());
  byId('stop').addEventListener('click', () => runner?.stop());
  const preset = (values: PageSettings['baselineLevers']) => {
    setSide(byId('app'), 'baseline', levers, values);
    validate();
  };
  byId('preset-none').addEventListener('click', () => preset({ poolForm: 'none' }));
  byId('preset-defaults').addEventListener('click', () => preset({}));
  byId('preset-copy').addEventListener('click', () => preset({ ...readSettings().levers }));
  byId('export-scenario').addEventListener('click', () =>
    download(`${settings.scenarioName}.yaml`, scenarioYaml(settings, 'scenario', version), 'text/yaml'),
  );
  byId('export-baseline').addEventListener('click', () =>
    download(`${settings.baselineName}.yaml`, scenarioYaml(settings, 'baseline', version), 'text/yaml'),
  );
  byId('export-csv').addEventListener('click', () => results && download('runs.csv', results.runsCsv(), 'text/csv'));
  byId('copy-link').addEventListener('click', () => void navigator.clipboard?.writeText(location.href));
}

/** For tests and scripts driving the page. */
const api = {
  settings: () => settings,
  scenarioYaml: () => scenarioYaml(settings, 'scenario', version),
  baselineYaml: () => scenarioYaml(settings, 'baseline', version),
  runsCsv: () => results?.runsCsv() ?? '',
  regionCodes: () => regionCodes(data.national, settings.region),
};
(window as unknown as { regiosimPage: typeof api }).regiosimPage = api;

layout();
regionChoice = regionPicker(byId('region-controls'), byId('region-map'), data, settings.region, () => validate());
bind();
validate();
document.body.dataset.status = 'idle';
document.body.dataset.ready = 'true';
