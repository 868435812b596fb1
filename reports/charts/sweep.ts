/**
 * An outcome across the swept levers and parameters: per scenario a line of means with their 95%
 * intervals over one swept variable (the x axis), the other swept variables as panels. A numeric
 * sweep is spaced by its values on a quantitative axis (2, 4, 10 staff are not evenly apart), a
 * choice keeps its order; axis and panel titles are the registries' labels with units.
 */
import { valueColumn } from '../../scenarios/outcomes.js';
import { estimate } from '../aggregate/estimates.js';
import { factorAxisFormat, factorInfo, factorTitle, formatFactorValue, SCARCITY_RATIO } from '../labels.js';
import { axisTitle, metricStyle } from '../metrics.js';
import type { ReportModel } from '../model.js';
import { type ChartBuilder, lineLegend, MAX_PANELS, paged, scenarioEncoding } from './chart.js';
import { framed, type VlSpec } from './theme.js';

/** The outcome shown: the batch's first outcome with values (progress at the last simulated year by default), else progress by 2050 or 2030, membership or dwellings at the end. */
export function sweepMetric(model: ReportModel): string | undefined {
  const outcomes = model.info.outcomes ?? [];
  // Declared outcomes in their order; the horizon's defaults with the latest progress first.
  const year = (name: string) => Number(/^progress(\d{4})$/.exec(name)?.[1] ?? 0);
  const first = outcomes.some((o) => o.declared)
    ? outcomes.map(valueColumn)
    : outcomes.map(valueColumn).sort((a, b) => year(b) - year(a));
  return [...first, 'progress2050', 'progress2030', 'membershipShareEnd', 'dwellingsReadyEnd'].find((m) =>
    model.summary.some((r) => r.metric === m && r.n > 0),
  );
}

/** The swept variable on the x axis: the numeric one with the most values, else the first. */
function xVariable(model: ReportModel): string {
  const names = model.set.sweepNames;
  const count = (k: string) => new Set(model.set.points.map((p) => JSON.stringify(p.sweep[k]))).size;
  const numeric = names.filter((k) =>
    model.set.points.every((p) => p.sweep[k] === undefined || typeof p.sweep[k] === 'number'),
  );
  return numeric.length ? numeric.reduce((a, b) => (count(b) > count(a) ? b : a)) : names[0];
}

const sweep: ChartBuilder = (model) => {
  const names = model.set.sweepNames;
  const metric = sweepMetric(model);
  if (names.length === 0 || !metric || model.set.sweepLabels.length < 2) return [];
  const style = metricStyle(metric);
  const xName = xVariable(model);
  const others = names.filter((k) => k !== xName);
  // Scarcity levels are supply ratios (scenarios/README.md): spaced by their ratio, named by their level.
  const scarcity = xName === 'scarcity' && model.set.points.every((p) => p.sweep.scarcity === undefined || SCARCITY_RATIO[p.sweep.scarcity as string] !== undefined);
  const numeric = scarcity || model.set.points.every((p) => p.sweep[xName] === undefined || typeof p.sweep[xName] === 'number');
  const xNumber = (v: unknown) => (scarcity ? SCARCITY_RATIO[v as string] : v);
  const rows = model.set.points.flatMap((p) => {
    const e = estimate(model, p.id, metric);
    if (!e) return [];
    const panel = others
      .filter((k) => p.sweep[k] !== undefined)
      .map((k) => `${factorInfo(k).label}: ${formatFactorValue(k, p.sweep[k])}`)
      .join(', ');
    const xValue = p.sweep[xName];
    return [
      {
        scenario: p.scenarioLabel,
        panel,
        x: numeric ? xNumber(xValue) : formatFactorValue(xName, xValue),
        setting: formatFactorValue(xName, xValue),
        mean: e.value,
        ciLow: e.ciLow,
        ciHigh: e.ciHigh,
        n: e.n,
      },
    ];
  });
  if (rows.length === 0) return [];
  let x: VlSpec;
  let dodged = false;
  if (numeric && rows.every((r) => typeof r.x === 'number')) {
    // Dodge the scenarios sideways by a little (1.2% of the range each), so their interval bars do not hide each other.
    const values = rows.map((r) => r.x as number);
    const span = Math.max(...values) - Math.min(...values) || 1;
    const k = model.set.scenarioLabels.length;
    if (k > 1) {
      for (const r of rows)
        (r as Record<string, unknown>).xd =
          (r.x as number) + (model.set.scenarioLabels.indexOf(r.scenario) - (k - 1) / 2) * 0.012 * span;
      dodged = true;
    }
    const format = factorAxisFormat(xName);
    const levels = Object.entries(SCARCITY_RATIO).map(([level, ratio]) => `${ratio}: '${level} (${ratio})'`);
    x = {
      field: dodged ? 'xd' : 'x',
      type: 'quantitative',
      title: scarcity ? 'Labour scarcity (labour supply ratio: entrants per leaver at full staffing)' : factorTitle(xName),
      scale: { zero: false, nice: false, padding: 24 },
      axis: {
        values: [...new Set(values)].sort((a, b) => a - b),
        labelAngle: 0,
        ...(format ? { format } : {}),
        ...(scarcity ? { labelExpr: `({${levels.join(', ')}})[datum.value] || datum.label` } : {}),
      },
    };
  } else {
    x = {
      field: 'x',
      type: 'ordinal',
      title: factorTitle(xName),
      sort: [...new Set(rows.map((r) => r.x as string))],
      axis: { labelAngle: 0, labelLimit: 160 },
    };
  }
  const y = (field: string) => ({
    field,
    type: 'quantitative',
    title: axisTitle(metric),
    axis: { format: style.axisFormat },
  });
  const tooltip = [
    { field: 'scenario', title: 'Scenario' },
    { field: 'setting', title: factorInfo(xName).label },
    ...(others.length ? [{ field: 'panel', title: 'Panel' }] : []),
    { field: 'mean', title: 'Mean', format: style.format },
    { field: 'ciLow', title: '95% CI low', format: style.format },
    { field: 'ciHigh', title: '95% CI high', format: style.format },
    { field: 'n', title: 'Runs' },
  ];
  const view: VlSpec = {
    layer: [
      {
        mark: { type: 'rule', strokeWidth: 2 },
        encoding: { x, y: y('ciLow'), y2: { field: 'ciHigh' }, ...lineLegend(scenarioEncoding(model, ['color'])) },
      },
      {
        mark: { type: 'line' },
        encoding: { x, y: y('mean'), ...lineLegend(scenarioEncoding(model, ['color', 'strokeDash'])) },
      },
      {
        mark: { type: 'point', filled: true, size: 60, opacity: 1 },
        encoding: { x, y: y('mean'), ...lineLegend(scenarioEncoding(model, ['color'])), tooltip },
      },
    ],
  };
  const note = `Line and dots: mean over runs; bars: 95% confidence interval of the mean.${dodged ? ' Scenarios are shifted sideways a little so that their bars do not overlap; the ticks mark the swept values.' : ''}`;
  // An axis of choices gets a step wide enough for its longest label, so labels neither overlap nor turn.
  const longest = Math.max(...rows.map((r) => String(r.x).length));
  const widthOf = (w: number): number | VlSpec => (typeof x.type === 'string' && x.type === 'ordinal' ? { step: Math.max(80, longest * 7 + 20) } : w);
  const panels = [...new Set(rows.map((r) => r.panel))];
  const pages: string[][] = [];
  for (let i = 0; i < panels.length; i += MAX_PANELS) pages.push(panels.slice(i, i + MAX_PANELS));
  const across = `${style.label} across ${[xName, ...others].map((k) => factorInfo(k).label.toLowerCase()).join(' and ')}`;
  return paged(pages, (page, p) => {
    const shown = rows.filter((r) => page.includes(r.panel));
    const body: VlSpec =
      others.length === 0
        ? { data: { values: shown }, width: widthOf(520), height: 300, ...view }
        : {
            data: { values: shown },
            facet: { field: 'panel', type: 'ordinal', sort: page, title: null, header: { labelLimit: 400 } },
            columns: Math.min(page.length, 3),
            spec: { width: widthOf(page.length === 1 ? 520 : 300), height: 240, ...view },
          };
    return {
      name: `sweep-outcome${p.name}`,
      title: `${across}${p.title}`,
      description: `${axisTitle(metric)} at each sweep point, per scenario${others.length ? `, one panel per value of ${others.map((k) => factorInfo(k).label.toLowerCase()).join(' and ')}` : ''}. ${note}`,
      spec: framed({
        title: `${across}${p.title}`,
        subtitle: ['Mean over runs at each sweep point, per scenario'],
        caption: [note, model.source],
        body,
      }),
    };
  });
};

export const sweepCharts: ChartBuilder[] = [sweep];
