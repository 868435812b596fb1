/**
 * Stage 5c: report.html, one self-contained file: the experiment's description, the outcome
 * tables with intervals, every chart (drawn in the page by vega-embed from its inlined spec) and
 * links to the files. Nothing is fetched: the bundles and specs are inside the page. When every
 * chart has been drawn, <body data-rendered="true"> is set (tests and screenshots wait for it);
 * a chart that fails logs to the console and is counted in data-chart-errors.
 */
import { relative } from 'node:path';
import { PROPORTIONS } from '../aggregate/proportions.js';
import type { WrittenChart } from '../write/charts.js';
import { axisTitle, KEY_METRICS, metricStyle } from '../metrics.js';
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
.ci { color: #555; } .nd { color: #666; font-style: italic; }
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
    ...(model.set.sweepNames.length ? ([['Swept', model.set.sweepNames.join(', ')]] as Array<[string, string]>) : []),
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

function keyMetrics(model: ReportModel): string[] {
  return KEY_METRICS.filter((m) => model.summary.some((r) => r.metric === m && r.n > 0));
}

function outcomeTable(model: ReportModel): string {
  const metrics = keyMetrics(model);
  const measures = Object.keys(PROPORTIONS) as Array<keyof typeof PROPORTIONS>;
  const head = `<tr><th>Scenario</th><th>Runs</th>${metrics.map((m) => `<th>${h(axisTitle(m))}</th>`).join('')}${measures.map((k) => `<th>${h(PROPORTIONS[k])}</th>`).join('')}</tr>`;
  const body = model.set.points
    .map((p) => {
      const cells = metrics.map((m) => {
        const r = model.summary.find((s) => s.point === p.id && s.metric === m);
        if (!r || r.n === 0) return '<td>–</td>';
        const cut = (v: number) => (metricStyle(m).bounded && Number.isFinite(v) ? Math.min(1, Math.max(0, v)) : v);
        return `<td>${withInterval(formatValue(m, r.mean), formatValue(m, cut(r.ciLow)), formatValue(m, cut(r.ciHigh)))}</td>`;
      });
      const props = measures.map((k) => {
        const r = model.proportions.find((s) => s.point === p.id && s.measure === k);
        if (!r || r.n === 0) return '<td>–</td>';
        const pc = (v: number) => `${(v * 100).toFixed(1)}%`;
        return `<td>${withInterval(pc(r.share), pc(r.ciLow), pc(r.ciHigh))}<br><span class="ci">${r.successes} of ${r.n}</span></td>`;
      });
      const runs = model.runs.points[p.index].replicates.length;
      return `<tr><td>${h(p.label)}</td><td>${runs}</td>${cells.join('')}${props.join('')}</tr>`;
    })
    .join('\n');
  return `<div class="scroll"><table><thead>${head}</thead><tbody>${body}</tbody></table></div>
<p class="files">Mean over runs with its 95% confidence interval (Student t; intervals of shares are cut to 0–100%). Shares of runs, pools and municipality-runs with 95% Wilson intervals; the interval for members counts every municipality-run as a separate draw, so it is too narrow when municipalities join together (the run-level interval of “Pool members at the end” does not have that problem). Every metric, with sd, median and quantiles: <a href="tables/summary.csv">summary.csv</a>, <a href="tables/proportions.csv">proportions.csv</a>.</p>`;
}

function pairedTable(model: ReportModel): string {
  if (model.paired.length === 0) return '<p>Only one scenario: there is nothing to compare with the baseline.</p>';
  const metrics = keyMetrics(model);
  const baseline = model.set.scenarioLabels[model.set.scenarios.indexOf(model.set.baseline)];
  const head = `<tr><th>Scenario − ${h(baseline)}</th><th>Pairs</th>${metrics.map((m) => `<th>${h(metricStyle(m).label)}</th>`).join('')}</tr>`;
  const body = model.set.points
    .filter((p) => !p.isBaseline)
    .map((p) => {
      const rows = model.paired.filter((r) => r.point === p.id);
      if (rows.length === 0) return '';
      const cells = metrics.map((m) => {
        const r = rows.find((x) => x.metric === m);
        if (!r || r.pairs < 2) return '<td>–</td>';
        const text = withInterval(formatDifference(m, r.mean), formatDifference(m, r.ciLow), formatDifference(m, r.ciHigh));
        return r.distinguishable ? `<td>${text}</td>` : `<td class="nd" title="not distinguishable from zero">${text}<br>not distinguishable from zero</td>`;
      });
      return `<tr><td>${h(p.label)}</td><td>${rows[0].pairs}</td>${cells.join('')}</tr>`;
    })
    .join('\n');
  return `<div class="scroll"><table><thead>${head}</thead><tbody>${body}</tbody></table></div>
<p class="files">Mean of the run-by-run differences from the baseline at the same sweep point (replicate i of both has the same seed, so the noise they share cancels), with its 95% confidence interval; pp = percentage points. “Not distinguishable from zero”: the interval contains zero; more runs may or may not show a difference. All metrics: <a href="tables/paired-differences.csv">paired-differences.csv</a>.</p>`;
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
${facts(model)}
${notes}
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
