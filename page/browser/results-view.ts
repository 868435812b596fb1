/** The results: the table of key outcomes and the charts, each exportable as SVG and PNG. */
import { formatDifference, formatValue } from '../../reports/html/format.js';
import {
  differencesChart,
  membersChart,
  municipalityMapChart,
  progressChart,
  survivalChart,
} from '../shared/charts.js';
import type { PageResults, TableRow } from '../shared/results.js';
import { download, h } from './dom.js';

const views: Array<{ finalize(): void }> = [];

function cell(m: { mean: number; ciLow: number; ciHigh: number }, r: TableRow, difference = false): string {
  const f = (v: number) => (difference ? formatDifference(r.metric, v) : formatValue(r.metric, v));
  return `${f(m.mean)} (${f(m.ciLow)} to ${f(m.ciHigh)})`;
}

function table(results: PageResults): HTMLElement {
  const [base, scen] = results.plan.points.map((p) => p.scenario);
  const t = h(
    'table',
    { class: 'results', id: 'results-table' },
    h(
      'tr',
      {},
      h('th', {}, 'Outcome'),
      h('th', {}, `${base} (mean, 95% CI)`),
      h('th', {}, `${scen} (mean, 95% CI)`),
      h('th', {}, `Paired difference (95% CI)`),
      h('th', {}, 'pairs'),
    ),
  );
  for (const r of results.tableRows())
    t.append(
      h(
        'tr',
        { 'data-metric': r.metric },
        h('td', {}, r.label),
        h('td', {}, cell(r.baseline, r)),
        h('td', {}, cell(r.scenario, r)),
        h('td', { class: r.difference.distinguishable ? 'yes' : '' }, cell(r.difference, r, true)),
        h('td', {}, String(r.difference.pairs)),
      ),
    );
  return t;
}

async function chart(box: HTMLElement, name: string, spec: object): Promise<void> {
  const div = h('div', { class: 'chart', 'data-chart': name });
  const target = h('div');
  const svg = h('button', {}, 'SVG');
  const png = h('button', {}, 'PNG');
  div.append(target, h('div', { class: 'actions' }, 'Save as ', svg, png));
  box.append(div);
  const result = await vegaEmbed(target, spec, { actions: false, renderer: 'svg' });
  views.push(result);
  svg.addEventListener('click', async () => download(`${name}.svg`, await result.view.toImageURL('svg')));
  png.addEventListener('click', async () => download(`${name}.png`, await result.view.toImageURL('png', 2)));
}

/** Redraws the results section from the runs done so far. */
export async function renderResults(
  section: HTMLElement,
  results: PageResults,
  boundaries: unknown[],
  final: boolean,
  onTable: () => void = () => {},
): Promise<void> {
  const pairs = results.pairs().length;
  const scenarios = results.plan.points.map((p) => p.scenario);
  const { baseline } = results.plan;
  const scenario = scenarios[1];
  const codes = new Set(results.plan.points[0].input.municipalities.map((m) => m.code));
  const charts = h('div', { class: 'charts' });
  const body = h(
    'div',
    {},
    h(
      'p',
      {},
      `${pairs} of ${results.plan.replicates} pairs${final ? '' : ' so far'}; master seed ${results.plan.masterSeed}. Bold: the 95% interval of the paired difference excludes 0.`,
    ),
    table(results),
    charts,
  );
  for (const v of views.splice(0)) v.finalize();
  section.replaceChildren(h('h2', {}, '5. Results'), body);
  onTable();
  await chart(charts, 'progress', progressChart(results.bands('progressShare'), scenarios, pairs));
  await chart(charts, 'differences', differencesChart(results.tableRows(), scenario, baseline));
  await chart(charts, 'pool-members', membersChart(results.bands('poolMembers'), scenarios, pairs));
  await chart(charts, 'pool-alive', survivalChart(results.survival(), scenarios, pairs));
  const regionBoundaries = boundaries.filter((f) =>
    codes.has((f as { properties: { gm_code: string } }).properties.gm_code),
  );
  await chart(
    charts,
    'municipality-map',
    municipalityMapChart(regionBoundaries, results.municipalityDifferences(), pairs),
  );
  section.dataset.pairs = String(pairs);
}
