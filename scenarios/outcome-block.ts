/**
 * Reads an experiment's `outcomes:` list (already checked against scenarios/outcome-schema.ts) into
 * OutcomeSpecs, with the checks the schema cannot make, each located at the key at fault: a series
 * or a metric (not both), a series of its scope, an area of every point's region, years within every
 * point's horizon, one of `at` and `stat`, a threshold for firstCrossing, column names that
 * clash with no other column, and a satisficing threshold (scenarios/satisfice-block.ts).
 */
import { MUNICIPALITY_SERIES, REGION_SERIES, SIZE_CLASS_SERIES } from '../sim/outputs.js';
import { SUMMARY_METRICS, type SummaryMetric } from '../sim/summary.js';
import { didYouMean, type ScenarioIssue, showValue } from './issues.js';
import { MAX_OUTCOME_COLUMNS } from './outcome-schema.js';
import {
  EACH,
  lastFullYear,
  type OutcomeDirection,
  type OutcomeScope,
  type OutcomeSource,
  type OutcomeSpec,
  type OutcomeStat,
  type OutcomeTime,
  outcomeColumn,
  outcomeMeaning,
  SIZE_CLASSES,
  satisficeText,
} from './outcomes.js';
import { readSatisfice } from './satisfice-block.js';
import type { PlanPoint } from './plan.js';
import { municipalityIndex, suggest } from './names.js';
import { child, type MapNode, type TreeNode, toPlain } from './yaml-tree.js';

/** runs.csv columns an outcome may not take (workers/runs-table.ts). */
const FIXED_COLUMNS = ['run', 'point', 'scenario', 'replicate', 'seed', 'status', 'error'];

const SERIES_OF: Record<OutcomeScope, Record<string, string>> = {
  region: REGION_SERIES,
  sizeClass: SIZE_CLASS_SERIES,
  municipality: MUNICIPALITY_SERIES,
};

type Points = ReadonlyArray<Pick<PlanPoint, 'id' | 'sweep' | 'input'>>;

/** The outcomes of an experiment, undefined without the block, or [] after pushing its problems. */
export function readOutcomes(tree: MapNode, points: Points, issues: ScenarioIssue[]): OutcomeSpec[] | undefined {
  const list = child(tree, 'outcomes');
  if (list?.kind !== 'seq') return undefined;
  const before = issues.length;
  const taken = new Map<string, string>();
  for (const c of FIXED_COLUMNS) taken.set(c, 'a fixed column of runs.csv');
  for (const m of Object.keys(SUMMARY_METRICS)) taken.set(m, 'a summary metric column');
  for (const p of points) for (const k of Object.keys(p.sweep)) taken.set(k, 'a swept variable');
  const out: OutcomeSpec[] = [];
  let columns = 0;
  list.items.forEach((item, k) => {
    if (item.kind !== 'map') return;
    const o = readOne(item, `outcomes[${k}]`, points, issues);
    if (!o) return;
    const at = child(item, 'name')?.pos ?? item.pos;
    const path = `outcomes[${k}].name`;
    if (out.some((p) => p.name === o.name)) {
      issues.push({
        ...at,
        path,
        value: o.name,
        message: `${showValue(o.name)} is declared twice; allowed: each outcome name once`,
      });
      return;
    }
    for (const c of o.columns) {
      const what = taken.get(c);
      if (what) {
        issues.push({
          ...at,
          path,
          value: o.name,
          message: `column ${showValue(c)} is already ${what}; allowed: a name of no other runs.csv column`,
        });
        return;
      }
    }
    for (const c of o.columns) taken.set(c, `the column of outcome ${o.name}`);
    columns += o.columns.length;
    out.push(o);
  });
  if (columns > MAX_OUTCOME_COLUMNS)
    issues.push({
      ...list.pos,
      path: 'outcomes',
      value: columns,
      message: `the outcomes make ${columns} columns; allowed: at most ${MAX_OUTCOME_COLUMNS} (name fewer areas than each)`,
    });
  return issues.length > before ? [] : out;
}

const str = (node: TreeNode | undefined) =>
  node?.kind === 'scalar' && node.value !== null ? String(node.value) : undefined;
const num = (node: TreeNode | undefined) =>
  node?.kind === 'scalar' && typeof node.value === 'number' ? node.value : undefined;

function readOne(item: MapNode, base: string, points: Points, issues: ScenarioIssue[]): OutcomeSpec | undefined {
  const before = issues.length;
  const fail = (key: string, message: string) => {
    const node = key.split('.').reduce<TreeNode | undefined>((n, k) => child(n, k), item);
    issues.push({
      ...(node?.pos ?? item.pos),
      path: `${base}${node ? `.${key}` : ''}`,
      value: node ? toPlain(node) : undefined,
      message,
    });
  };
  const name = str(child(item, 'name')) ?? '';
  const metricText = str(child(item, 'metric'));
  const seriesText = str(child(item, 'series'));
  const timeKeys = ['at', 'stat', 'from', 'to', 'threshold', 'crossing'].filter((k) => child(item, k));
  const direction = (str(child(item, 'direction')) ?? 'none') as OutcomeDirection;
  let source: OutcomeSource | undefined;
  let time: OutcomeTime | undefined;
  if (metricText !== undefined && seriesText !== undefined)
    fail('series', 'is given with metric; allowed: one of series and metric');
  else if (seriesText === undefined) {
    // A metric: named by metric:, or by the outcome's name alone.
    const metric = metricText ?? (Object.hasOwn(SUMMARY_METRICS, name) ? name : undefined);
    if (metric === undefined) {
      const guess = suggest(name, Object.keys(SUMMARY_METRICS));
      fail(
        'name',
        `${showValue(name)} names no series or metric; allowed: a series: or metric: key, or the name of a summary metric${didYouMean(guess)}`,
      );
    } else {
      for (const k of [...timeKeys, 'scope', 'area'].filter((k) => child(item, k)))
        fail(
          k,
          `is not allowed with metric ${metric}, an end-of-run value; allowed: series: for a value at a year, over a window, or of an area`,
        );
      source = { kind: 'metric', metric: metric as SummaryMetric };
    }
  } else {
    const scope = (str(child(item, 'scope')) ?? 'region') as OutcomeScope;
    const registry = SERIES_OF[scope];
    if (!Object.hasOwn(registry, seriesText))
      fail(
        'series',
        `${showValue(seriesText)} is not a ${scope} series; allowed: ${Object.keys(registry).join(', ')}${didYouMean(suggest(seriesText, Object.keys(registry)))}`,
      );
    const areas = readAreas(item, scope, points, fail);
    time = readTime(item, points, fail);
    if (areas) source = { kind: 'series', scope, series: seriesText, areas };
  }
  const satisfice = readSatisfice(item, fail);
  if (issues.length > before || !source) return undefined;
  const described = source.kind === 'metric' ? SUMMARY_METRICS[source.metric] : SERIES_OF[source.scope][source.series];
  const crossing = time?.kind === 'window' && time.stat === 'firstCrossing';
  const label = str(child(item, 'label')) ?? humaniseName(name);
  const unit = str(child(item, 'unit')) ?? (crossing ? 'months from the start' : unitFromText(described));
  const each = source.kind === 'series' && str(child(item, 'area')) === EACH;
  const columns =
    source.kind === 'metric'
      ? name === source.metric
        ? []
        : [name]
      : each
        ? source.areas.map((a) => outcomeColumn(name, a))
        : [name];
  const spec = { label, unit, direction, source, time };
  const meaning = `${outcomeMeaning(spec)}${satisfice ? `; satisficing threshold ${satisficeText(satisfice)}` : ''}`;
  return { name, ...spec, columns, meaning, declared: true, ...(satisfice ? { satisfice } : {}) };
}

/** A unit as the registry's description says it (", EUR", "FTE", a ratio), else "value". */
function unitFromText(description: string): string {
  const unit = /,? (EUR|months|knowledge units|units|FTE)\b/.exec(description)?.[1];
  if (unit) return unit === 'units' ? 'knowledge units' : unit;
  return /^(share|mean trust|mean legitimacy)|\/|share of/.test(description) ? 'share' : 'value';
}

function readAreas(
  item: MapNode,
  scope: OutcomeScope,
  points: Points,
  fail: (key: string, message: string) => void,
): string[] | undefined {
  const area = str(child(item, 'area'));
  if (scope === 'region') {
    if (area !== undefined) {
      fail(
        'area',
        'is not allowed for scope region (the whole region); allowed: scope sizeClass or municipality with an area',
      );
      return undefined;
    }
    return [];
  }
  if (area === undefined) {
    fail(
      'scope',
      `needs an area; allowed: area: ${scope === 'sizeClass' ? SIZE_CLASSES.join(', ') : 'a CBS code or municipality name'}, or each`,
    );
    return undefined;
  }
  if (scope === 'sizeClass') {
    if (area === EACH) return [...SIZE_CLASSES];
    if (SIZE_CLASSES.includes(area)) return [area];
    fail(
      'area',
      `${showValue(area)} is not a size class; allowed: ${SIZE_CLASSES.join(', ')}, each${didYouMean(suggest(area, SIZE_CLASSES))}`,
    );
    return undefined;
  }
  if (area === EACH) {
    // Every municipality of any point, in order of first appearance (NA in points without it).
    const codes = new Set<string>();
    for (const p of points) for (const m of p.input.municipalities) codes.add(m.code);
    return [...codes];
  }
  for (const p of points) {
    const index = municipalityIndex(p.input.municipalities, `municipality of the region of ${p.id}`);
    const found = index.find(area);
    if (!found) {
      fail('area', index.unknown(area));
      return undefined;
    }
    if (p === points[points.length - 1]) return [found.code];
  }
  return undefined;
}

function readTime(
  item: MapNode,
  points: Points,
  fail: (key: string, message: string) => void,
): OutcomeTime | undefined {
  const at = child(item, 'at');
  const stat = str(child(item, 'stat')) as OutcomeStat | undefined;
  const span = horizonSpan(points);
  const checkYear = (key: string, year: number | undefined, end: 'december' | 'january') => {
    if (year === undefined) return;
    const last = end === 'december' ? span.lastFull : span.lastYear;
    if (year < span.start || year > last)
      fail(
        key,
        `${year} is outside the horizon${span.first ? ` of ${span.first}` : ''}; allowed: ${span.start} to ${last}${end === 'december' ? ' (a year whose December is simulated in every point)' : ''}${key === 'at' ? ', or end' : ''}`,
      );
  };
  for (const k of ['threshold', 'crossing'])
    if (child(item, k) && stat !== 'firstCrossing')
      fail(k, 'is only for stat: firstCrossing; allowed: stat: firstCrossing, or leave it out');
  if (at && stat) {
    fail('stat', 'is given with at; allowed: one of at (a value at a time) and stat (an aggregate over a window)');
    return undefined;
  }
  if (!stat) {
    for (const k of ['from', 'to'])
      if (child(item, k))
        fail(
          k,
          'is only for a window (stat:); allowed: stat: mean, sum, final, min, max or firstCrossing, or leave it out',
        );
    const year = at === undefined ? 'end' : toPlain(at);
    if (typeof year === 'number') checkYear('at', year, 'december');
    return { kind: 'at', year: year as number | 'end' };
  }
  const from = num(child(item, 'from'));
  const to = num(child(item, 'to'));
  checkYear('from', from, 'january');
  checkYear('to', to, 'december');
  if (from !== undefined && to !== undefined && from > to)
    fail('to', `${to} is before from (${from}); allowed: a year from ${from} on`);
  const threshold = num(child(item, 'threshold'));
  if (stat === 'firstCrossing' && threshold === undefined)
    fail('stat', 'firstCrossing needs a threshold; allowed: threshold: a number (and crossing: above or below)');
  const crossing = str(child(item, 'crossing')) as 'above' | 'below' | undefined;
  return {
    kind: 'window',
    stat,
    ...(from !== undefined ? { from } : {}),
    ...(to !== undefined ? { to } : {}),
    ...(stat === 'firstCrossing' ? { threshold, crossing: crossing ?? 'above' } : {}),
  };
}

/** The years every point simulates: the latest start, the earliest last year and last full year. */
function horizonSpan(points: Points): { start: number; lastYear: number; lastFull: number; first?: string } {
  let start = Number.NEGATIVE_INFINITY;
  let lastYear = Number.POSITIVE_INFINITY;
  let lastFull = Number.POSITIVE_INFINITY;
  let first: string | undefined;
  for (const p of points) {
    start = Math.max(start, p.input.startYear);
    const full = lastFullYear(p.input);
    if (full < lastFull)
      first = `${p.id} (${p.input.startYear}-${p.input.startYear + Math.ceil(p.input.horizonMonths / 12) - 1})`;
    lastFull = Math.min(lastFull, full);
    lastYear = Math.min(lastYear, p.input.startYear + Math.ceil(p.input.horizonMonths / 12) - 1);
  }
  return { start, lastYear, lastFull, first };
}

/** A label from a column name: "staffMean_2030s" → "Staff mean 2030s". */
function humaniseName(name: string): string {
  const words = name
    .replace(/_/g, ' ')
    .replace(/([a-z])([A-Z0-9])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
