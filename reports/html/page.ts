/**
 * Stage 5c: report.html, one self-contained file: the experiment's description, the outcome
 * tables with intervals, every chart (drawn in the page by vega-embed from its inlined spec) and
 * links to the files. Nothing is fetched: the bundles and specs are inside the page. When every
 * chart has been drawn, <body data-rendered="true"> is set (tests and screenshots wait for it);
 * a chart that fails logs to the console and is counted in data-chart-errors.
 */
import { relative } from 'node:path';
import { estimate, isShareOutcome, reportOutcomes } from '../aggregate/estimates.js';
import { factorTitle, formatFactorValue } from '../labels.js';
import type { WrittenChart } from '../write/charts.js';
import { valueColumn } from '../../scenarios/outcomes.js';
import { metricStyle } from '../metrics.js';
import type { ReportModel } from '../model.js';
import { browserBundles } from './bundles.js';
import { escapeHtml as h, formatDifference, formatValue, withInterval } from './format.js';

const STYLE = `
body { font-family: "DejaVu Sans", Verdana, sans-serif; color: #1a1a1a; max-width: 1180px; margin: 24px auto; padding: 0 20px; line-height: 1.45; }
h1 { font-size: 26px; margin-bottom: 4px; } h2 { font-size: 20px; margin-top: 36px; border-bottom: 1px solid #ccc; padding-bottom: 4px; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; font-size: 14px; }
dl.facts dt { color: #555; } dl.facts dd { margin: 0; }
.notes { background: #fff6dd; border-left: 4px solid #e0a000; padding: 8px 14px; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; font-size: 13px; margin: 8px 0 4px; }
th, td { border-bottom: 1px solid #ddd; padding: 4px 10px; text-align: right; vertical-align: top; white-space: nowrap; }
th:first-child, td:first-child { text-align: left; white-space: normal; min-width: 220px; }
thead th { border-bottom: 2px solid #888; white-space: normal; max-width: 180px; }
.ci { color: #555; } .nd { color: #666; font-style: italic; } .unit { color: #555; font-weight: normal; font-size: 12px; }
h3 { font-size: 16px; margin: 20px 0 4px; }
table.changes td, table.changes th { text-align: left; white-space: normal; } table.changes td:first-child { font-weight: bold; }
td.nd { white-space: normal; max-width: 150px; } .ci { white-space: nowrap; }
figure { margin: 16px 0 32px; } figcaption { font-size: 14px; margin-bottom: 8px; max-width: 900px; }
.files { font-size: 13px; }
.chart { overflow-x: auto; }
`;

function facts(model: ReportModel): string {
  const i = model.info;
  const rows: Array<[string, string]> = [
    ['Experiment', i.name || '–'],
    ['Description', i.description || '–'],
    ['Scenarios', model.set.scenarioLabels.join('; ')],
    ['Baseline', model.set.scenarioLabels[model.set.scenarios.indexOf(model.set.baseline)] ?? i.baseline],
    ...(model.set.sweepNames.length ? ([['Swept', sweptText(model)]] as Array<[string, string]>) : []),
    ['Runs', `${model.runsOk} ok${model.runsFailed ? `, ${model.runsFailed} failed` : ''}: ${i.points.length} point${i.points.length === 1 ? '' : 's'} × ${i.replicates} replicates (replicate i has the same seed at every point)`],
    ['Master seed', String(i.masterSeed)],
    [
      'Batch status',
      model.runs.rows < i.counts.total || model.runs.partial
        ? `partial: ${model.runs.rows} of ${i.counts.total} runs (batch ${i.status})`
        : `${i.status} (${model.runs.rows} of ${i.counts.total} runs done)`,
    ],
    ['Time', `start ${model.startYear}; series ${i.seriesMode}`],
    ['regiosim', `${i.version}, commit ${i.commit}`],
    ['Batch folder', i.dir],
    ['Ran', `${i.startedAt} to ${i.finishedAt ?? '–'}`],
    ['Data', 'Bron: CBS, Gebieden in Nederland 2024 (85755NED) and CBS/PDOK gemeentegrenzen, CC BY 4.0'],
  ];
  return `<dl class="facts">${rows.map(([k, v]) => `<dt>${h(k)}</dt><dd>${h(v)}</dd>`).join('')}</dl>`;
}

/** Outcomes in tables of at most this many columns, so no table hides columns behind a scroll bar. */
const COLUMNS_PER_TABLE = 5;

/** The outcomes in groups for tables: the pool's first, then progress, staff and cost; each at most COLUMNS_PER_TABLE wide. */
function outcomeGroups(metrics: readonly string[]): Array<{ title: string; metrics: string[] }> {
  const pool = metrics.filter((m) => /pool|member/i.test(m));
  const other = metrics.filter((m) => !pool.includes(m));
  const groups: Array<{ title: string; metrics: string[] }> = [];
  for (const [title, list] of [
    ['The pool', pool],
    ['Progress, staff and cost', other],
  ] as const)
    for (let i = 0; i < list.length; i += COLUMNS_PER_TABLE) groups.push({ title, metrics: list.slice(i, i + COLUMNS_PER_TABLE) });
  return groups;
}

const header = (m: string) => {
  const s = metricStyle(m);
  return `<th>${h(s.label)}<br><span class="unit">${h(s.unit)}${isShareOutcome(m) ? ', 95% Wilson interval' : ''}</span></th>`;
};

function estimateCell(model: ReportModel, point: string, metric: string): string {
  const e = estimate(model, point, metric);
  if (!e) return '<td>–</td>';
  const counts = e.method === 'wilson' ? `<br><span class="ci">${e.successes} of ${e.n} ${e.of}</span>` : '';
  return `<td>${withInterval(formatValue(metric, e.value), formatValue(metric, e.ciLow), formatValue(metric, e.ciHigh))}${counts}</td>`;
}

function outcomeTable(model: ReportModel): string {
  const metrics = reportOutcomes(model);
  const tables = outcomeGroups(metrics).map((g) => {
    const head = `<tr><th>Scenario</th><th>Runs</th>${g.metrics.map(header).join('')}</tr>`;
    const body = model.set.points
      .map((p) => {
        const runs = model.runs.points[p.index].replicates.length;
        return `<tr><td>${h(p.label)}</td><td>${runs}</td>${g.metrics.map((m) => estimateCell(model, p.id, m)).join('')}</tr>`;
      })
      .join('\n');
    return `<h3>${h(g.title)}</h3>\n<table><thead>${head}</thead><tbody>${body}</tbody></table>`;
  });
  return `${tables.join('\n')}
<p class="files">One estimate and one 95% interval per outcome. Shares of counts (pool founded: of the runs; pool survives: of the pools founded) with the Wilson interval and the counts under it; every other outcome as the mean over runs with its Student-t interval (intervals of shares cut to 0–100%). Pool membership is the run-level mean of the share of municipalities that are members at the end. Every metric, with sd, median and quantiles: <a href="tables/summary.csv">summary.csv</a>, <a href="tables/proportions.csv">proportions.csv</a>.</p>`;
}

/** What each outcome column is (declared in the experiment, or chosen from the horizon), with its direction. */
function outcomeDefinitions(model: ReportModel): string {
  const outcomes = model.info.outcomes ?? [];
  if (outcomes.length === 0) return '';
  const declared = outcomes.some((o) => o.declared);
  const rows = outcomes
    .map(
      (o) =>
        `<tr><td>${h(o.label)}</td><td><code>${h(o.columns.length ? o.columns.join(', ') : valueColumn(o))}</code></td><td>${h(o.unit)}</td><td>${h(o.direction)}</td><td>${h(o.meaning)}</td></tr>`,
    )
    .join('\n');
  return `<details><summary>The outcomes (${declared ? 'declared in the experiment' : 'chosen from the horizon; declare your own with outcomes: in the experiment file'})</summary>
<table><thead><tr><th>Outcome</th><th>runs.csv column</th><th>Unit</th><th>Direction</th><th>Meaning</th></tr></thead><tbody>${rows}</tbody></table></details>`;
}

function pairedTable(model: ReportModel): string {
  if (model.paired.length === 0) return '<p>Only one scenario: there is nothing to compare with the baseline.</p>';
  const metrics = reportOutcomes(model).filter((m) => model.paired.some((r) => r.metric === m));
  const baseline = model.set.scenarioLabels[model.set.scenarios.indexOf(model.set.baseline)];
  const points = model.set.points.filter((p) => !p.isBaseline && model.paired.some((r) => r.point === p.id));
  const tables = outcomeGroups(metrics).map((g) => {
    const head = `<tr><th>Scenario − ${h(baseline)}</th><th>Pairs</th>${g.metrics
      .map((m) => `<th>${h(metricStyle(m).label)}<br><span class="unit">${metricStyle(m).share ? 'percentage points' : h(metricStyle(m).unit)}</span></th>`)
      .join('')}</tr>`;
    const body = points
      .map((p) => {
        const rows = model.paired.filter((r) => r.point === p.id);
        const cells = g.metrics.map((m) => {
          const r = rows.find((x) => x.metric === m);
          if (!r || r.pairs < 2) return '<td>–</td>';
          const text = withInterval(formatDifference(m, r.mean), formatDifference(m, r.ciLow), formatDifference(m, r.ciHigh));
          const mark = r.method === 'newcombe' ? '<sup title="Newcombe\'s paired interval of two shares">N</sup>' : '';
          return r.distinguishable ? `<td>${text}${mark}</td>` : `<td class="nd" title="not distinguishable from zero">${text}${mark}<br>not distinguishable from zero</td>`;
        });
        return `<tr><td>${h(p.label)}</td><td>${rows[0].pairs}</td>${cells.join('')}</tr>`;
      })
      .join('\n');
    return `<h3>${h(g.title)}</h3>\n<table><thead>${head}</thead><tbody>${body}</tbody></table>`;
  });
  return `${tables.join('\n')}
<p class="files">Mean of the run-by-run differences from the baseline at the same sweep point (replicate i of both has the same seed, so the noise they share cancels), with its 95% interval: Student t of the differences, or (marked N) Newcombe's paired interval of two shares for outcomes that are 0 or 1 in every pair; pp = percentage points. “Not distinguishable from zero”: the interval contains zero; more runs may or may not show a difference. All metrics: <a href="tables/paired-differences.csv">paired-differences.csv</a>.</p>`;
}

/** The table that opens the report: what each scenario changes against the baseline. */
function changesSection(model: ReportModel): string {
  const head = '<h2>What each scenario changes against the baseline</h2>';
  const c = model.changes;
  if (!c) return `${head}\n<p class="notes">This table needs the scenario inputs, which ${h(model.changesMissing ?? 'could not be rebuilt')}.</p>`;
  const intro = `<p><strong>Baseline: ${h(c.baselineLabel)}</strong>: ${h(c.baselineSummary)}.${
    model.set.sweepNames.length ? ` Every scenario is run at every sweep point (${h(sweptText(model))}); the table compares them at the same sweep values.` : ''
  }</p>`;
  if (model.set.scenarios.length < 2) return `${head}\n${intro}\n<p>The batch has one scenario: nothing to compare.</p>`;
  const byScenario = new Map<string, typeof c.rows>();
  for (const r of c.rows) byScenario.set(r.scenarioLabel, [...(byScenario.get(r.scenarioLabel) ?? []), r]);
  const body = [...byScenario.entries()]
    .map(([label, rows]) =>
      rows
        .map(
          (r, i) =>
            `<tr>${i === 0 ? `<td rowspan="${rows.length}">${h(label)}</td>` : ''}<td title="${h(r.description)}">${h(r.label)}${r.kind === 'lever' || r.kind === 'parameter' ? ` <span class="unit">(${r.kind})</span>` : ''}</td><td>${h(r.baseline)}</td><td>${r.kind === 'none' ? h(r.description) : `<strong>${h(r.value)}</strong>`}</td></tr>`,
        )
        .join('\n'),
    )
    .join('\n');
  return `${head}
${intro}
<table class="changes"><thead><tr><th>Scenario</th><th>What it changes</th><th>Baseline</th><th>This scenario</th></tr></thead><tbody>${body}</tbody></table>
<p class="files">Levers are the region's policy choices, parameters the uncertainties (XLRM); their meanings, ranges and sources are in the lever and parameter tables of docs/ODD.md, section 9 (hover a name for its description).</p>`;
}

/** "Labour scarcity: low, medium, high, extreme; Initial pool staff (staff): 2, 4" */
function sweptText(model: ReportModel): string {
  return model.set.sweepNames
    .map((k) => {
      const values = [...new Set(model.set.points.filter((p) => p.sweep[k] !== undefined).map((p) => formatFactorValue(k, p.sweep[k])))];
      return `${factorTitle(k)}: ${values.join(', ')}`;
    })
    .join('; ');
}

function chartSection(chart: WrittenChart, index: number, outDir: string): string {
  const link = (file: string, text: string) => `<a href="${h(relative(outDir, file))}">${text}</a>`;
  return `<figure id="figure-${index}">
<h2>${h(chart.title)}</h2>
<figcaption>${h(chart.description)}</figcaption>
<div class="chart" id="chart-${index}" data-chart="${h(chart.name)}"></div>
<p class="files">Files: ${link(chart.files.png, 'PNG')} · ${link(chart.files.svg, 'SVG')} · ${link(chart.files.spec, 'Vega-Lite spec')}</p>
</figure>`;
}

/** JSON for a <script type="application/json">: "<" escaped so no text can close the element. */
export function inlineJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

const EMBED = `
(function () {
  var specs = JSON.parse(document.getElementById('chart-specs').textContent);
  var errors = 0;
  Promise.all(specs.map(function (spec, i) {
    return vegaEmbed('#chart-' + i, spec, { actions: false, renderer: 'svg' }).catch(function (e) {
      errors++;
      console.error('chart ' + i + ' failed: ' + (e && e.message ? e.message : e));
      document.getElementById('chart-' + i).textContent = 'This chart could not be drawn: ' + (e && e.message ? e.message : e);
    });
  })).then(function () {
    document.body.setAttribute('data-chart-errors', String(errors));
    document.body.setAttribute('data-rendered', 'true');
  });
})();
`;

export function reportHtml(model: ReportModel, charts: readonly WrittenChart[], outDir: string, tableFiles: readonly string[]): string {
  const title = `regiosim report: ${model.info.name || 'batch'}`;
  const notes = model.notes.length ? `<div class="notes"><strong>Read this first</strong><ul>${model.notes.map((n) => `<li>${h(n)}</li>`).join('')}</ul></div>` : '';
  const tables = tableFiles.map((f) => `<a href="${h(relative(outDir, f))}">${h(relative(outDir, f))}</a>`).join(' · ');
  const scripts = browserBundles()
    .map((code) => `<script>${code}</script>`)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${h(title)}</h1>
${changesSection(model)}
<h2>The batch</h2>
${facts(model)}
${notes}
${outcomeDefinitions(model)}
<h2>Outcomes per scenario</h2>
${outcomeTable(model)}
<h2>Differences from the baseline</h2>
${pairedTable(model)}
${charts.map((c, i) => chartSection(c, i, outDir)).join('\n')}
<h2>Files</h2>
<p class="files">Tables: ${tables}. The batch's runs.csv and series.csv hold every run; README.md in the batch folder explains their columns.</p>
<p class="files">${h(model.source)}</p>
${scripts}
<script type="application/json" id="chart-specs">${inlineJson(charts.map((c) => c.spec))}</script>
<script>${EMBED}</script>
</body>
</html>
`;
}
