/**
 * Scenario discovery charts: the PRIM peeling trajectory as a coverage–density trade-off (every box
 * from the whole space to the densest, coloured by how many inputs it restricts, the chosen box
 * ringed), and the chosen box's limits drawn within each input's sampled range.
 */
import { SUMMARY_METRICS } from '../../sim/summary.js';
import { metricStyle } from '../metrics.js';
import { factorInfo, factorTitle } from '../labels.js';
import { type BoxLimitRow, type DiscoverResult, limitText, qpText } from '../explore/discover.js';
import type { Chart } from './chart.js';
import { framed, SHARE_SCHEME, type VlSpec } from './theme.js';

const pct = (v: number) => `${(v * 100).toFixed(0)}%`;

/** The condition in words: metric names as their labels ("poolSurvived == 0" → "founded pools alive at the end = 0"). */
export function conditionWords(text: string): string {
  return text
    .replace(/[A-Za-z_][A-Za-z0-9_]*/g, (name) => (Object.hasOwn(SUMMARY_METRICS, name) ? metricStyle(name).label.toLowerCase() : name))
    .replace(/==/g, '=')
    .replace(/!=/g, '≠')
    .replace(/<=/g, '≤')
    .replace(/>=/g, '≥');
}

function outcomeWords(r: DiscoverResult): string {
  return `"${conditionWords(r.condition.text)}" (${r.condition.text}; ${r.hits} of ${r.cases} ${r.unit}s)`;
}

/** Coverage against density along the peeling and pasting trajectory. */
export function primTradeoffChart(r: DiscoverResult): Chart {
  const rows = r.trajectory.map((s) => ({
    ...s,
    restricted: s.restricted
      .split(' ')
      .filter(Boolean)
      .map((n) => factorInfo(n).label)
      .join(', '),
    chosen: s.index === r.chosen.index,
    label: s.index === r.chosen.index ? `box ${s.index}` : '',
  }));
  const x = {
    field: 'coverage',
    type: 'quantitative',
    title: 'Coverage: share of all cases of interest inside the box',
    axis: { format: '.0%' },
    scale: { domain: [0, 1] },
  };
  const y = {
    field: 'density',
    type: 'quantitative',
    title: 'Density: share of the box that is of interest',
    axis: { format: '.0%' },
    scale: { domain: [0, 1] },
  };
  const tooltip = [
    { field: 'index', title: 'Box' },
    { field: 'phase', title: 'Step' },
    { field: 'coverage', title: 'Coverage', format: '.1%' },
    { field: 'density', title: 'Density', format: '.1%' },
    { field: 'mass', title: 'Mass (share of cases)', format: '.1%' },
    { field: 'restrictedCount', title: 'Inputs restricted' },
    { field: 'restricted', title: 'Restricted' },
  ];
  const maxRestricted = Math.max(1, ...rows.map((s) => s.restrictedCount));
  const body: VlSpec = {
    data: { values: rows },
    width: 460,
    height: 340,
    layer: [
      { mark: { type: 'line', color: '#bbbbbb', strokeWidth: 1 }, encoding: { x, y, order: { field: 'index' } } },
      {
        mark: { type: 'point', filled: true, size: 55, opacity: 1 },
        encoding: {
          x,
          y,
          color: {
            field: 'restrictedCount',
            type: 'ordinal',
            title: 'Inputs restricted',
            scale: { scheme: SHARE_SCHEME, domain: Array.from({ length: maxRestricted + 1 }, (_, i) => i) },
          },
          tooltip,
        },
      },
      {
        transform: [{ filter: 'datum.chosen' }],
        mark: { type: 'point', filled: false, size: 320, strokeWidth: 2.5, color: '#000000', opacity: 1 },
        encoding: { x, y },
      },
      {
        transform: [{ filter: 'datum.chosen' }],
        mark: { type: 'text', align: 'left', dx: 12, dy: -10, fontSize: 12, fontWeight: 'bold', color: '#000000' },
        encoding: { x, y, text: { field: 'label' } },
      },
    ],
  };
  const c = r.chosen;
  const note = `Each dot is a box on PRIM's peeling (and pasting) trajectory, from the whole space (coverage 100%, density ${pct(r.trajectory[0].density)}) to the densest box; colour: how many inputs the box restricts. Ringed: the chosen box ${c.index} (${c.selection}): coverage ${pct(c.coverage)}, density ${pct(c.density)}, ${c.rows} ${r.unit}s.`;
  return {
    name: 'prim-tradeoff',
    title: `Scenario discovery: where does ${conditionWords(r.condition.text)} happen? (coverage–density trade-off)`,
    description: `${note} ${r.notes.join(' ')}`,
    spec: framed({
      title: `Where does ${conditionWords(r.condition.text)} happen? PRIM trade-off`,
      subtitle: [
        `Cases of interest: ${outcomeWords(r)}; ${r.design.line}`,
        'Pick a box with high coverage and high density and few restricted inputs',
      ],
      caption: [note, ...r.notes, r.source],
      body,
    }),
  };
}

function fmt(v: number, kind: BoxLimitRow['kind']): string {
  if (kind === 'integer') return String(Math.round(v));
  const a = Math.abs(v);
  return String(Number(v.toPrecision(a >= 1000 ? 6 : 3)));
}

/** The chosen box's limits, each drawn within the input's sampled range (shown 0 to 100% of it). */
export function primBoxChart(r: DiscoverResult): Chart {
  const segments: VlSpec[] = [];
  const labels: VlSpec[] = [];
  const order = r.chosen.limits.map((l) => factorTitle(l.name));
  for (const l of r.chosen.limits) {
    const input = factorTitle(l.name);
    const status = l.restricted ? 'restricted by the box' : 'not restricted';
    const qp = l.restricted ? `, qp ${qpText(l.qp)}` : '';
    if (l.kind === 'choice') {
      const all = l.allValues ?? [];
      all.forEach((v, i) => {
        const kept = (l.values ?? []).includes(v);
        segments.push({
          input,
          from: i / all.length,
          to: (i + 1) / all.length,
          status: kept ? status : 'outside the box',
          value: String(v),
        });
      });
      labels.push({
        input,
        text: `${l.restricted ? `kept: ${(l.values ?? []).join(', ')}` : `all: ${all.join(', ')}`}${qp}`,
      });
    } else {
      const lo = l.rangeMin as number;
      const hi = l.rangeMax as number;
      const span = hi - lo || 1;
      const clamp = (v: number) => Math.min(1, Math.max(0, v));
      const a = l.lowerOpen ? 0 : clamp(((l.min as number) - lo) / span);
      const b = l.upperOpen ? 1 : clamp(((l.max as number) - lo) / span);
      const text = limitText(l);
      if (a > 0) segments.push({ input, from: 0, to: a, status: 'outside the box', value: '' });
      segments.push({ input, from: a, to: b, status, value: text });
      if (b < 1) segments.push({ input, from: b, to: 1, status: 'outside the box', value: '' });
      labels.push({ input, text: `${text} (sampled ${fmt(lo, l.kind)} to ${fmt(hi, l.kind)})${qp}` });
    }
  }
  const y = { field: 'input', type: 'nominal', title: null, sort: order, axis: { labelLimit: 320 } };
  const statuses = ['restricted by the box', 'not restricted', 'outside the box'];
  const body: VlSpec = {
    width: 360,
    height: { step: 30 },
    layer: [
      {
        data: { values: segments },
        mark: { type: 'bar', height: { band: 0.6 }, stroke: '#ffffff', strokeWidth: 1 },
        encoding: {
          y,
          x: {
            field: 'from',
            type: 'quantitative',
            title: 'Position within the sampled range',
            axis: { format: '.0%' },
            scale: { domain: [0, 1] },
          },
          x2: { field: 'to' },
          color: {
            field: 'status',
            type: 'nominal',
            title: null,
            scale: { domain: statuses, range: ['#0072B2', '#9ecae1', '#e6e6e6'] },
            legend: { orient: 'bottom' },
          },
          tooltip: [
            { field: 'input', title: 'Input' },
            { field: 'status', title: 'Part' },
            { field: 'value', title: 'Values' },
          ],
        },
      },
      {
        data: { values: labels.map((l) => ({ ...l, at: 1 })) },
        mark: { type: 'text', align: 'left', dx: 8, fontSize: 11, color: '#222222' },
        encoding: { y, x: { field: 'at', type: 'quantitative' }, text: { field: 'text' } },
      },
    ],
  };
  const c = r.chosen;
  const note = `Dark: the range of each input the box keeps; light: inputs the box leaves whole; grey: cut off. qp: EMA Workbench's quasi-p-value of a restriction (the chance of this many cases of interest in the box if the restriction were dropped; above 0.05 the restriction adds little).`;
  return {
    name: 'prim-box',
    title: `Scenario discovery: the chosen box (box ${c.index}) for ${conditionWords(r.condition.text)}`,
    description: `${note} Box ${c.index}: coverage ${pct(c.coverage)}, density ${pct(c.density)}, mass ${pct(c.mass)} (${c.rows} ${r.unit}s, ${c.hits} of interest); ${c.selection}.`,
    spec: framed({
      title: `Box ${c.index}: where ${conditionWords(r.condition.text)} happens`,
      subtitle: [
        `Coverage ${pct(c.coverage)}, density ${pct(c.density)}, mass ${pct(c.mass)}: ${c.hits} of the ${c.rows} ${r.unit}s in the box are of interest (${r.hits} of ${r.cases} in all)`,
      ],
      caption: [note, r.source],
      body,
    }),
  };
}
