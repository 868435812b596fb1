/**
 * The points of a batch with the names charts show: scenario names made readable
 * ("drenthe-start-small" → "Drenthe start small"), the baseline marked, and sweep values spelled out,
 * so a legend can be read without the scenario files at hand.
 */
import { factorSetting } from '../labels.js';
import type { BatchInfo, SweepValue } from '../read/manifest.js';

export interface PointMeta {
  index: number;
  id: string;
  scenario: string;
  sweep: Record<string, SweepValue>;
  /** Readable scenario name, "(baseline)" added for the baseline. */
  scenarioLabel: string;
  /** "supplyRatio = 0.35, governance = centralPush", or "" without sweeps: code names, for the CSV tables. */
  sweepCode: string;
  /** "Labour supply ratio: 0.35, Governance: central push", or "": labels and units of the registries. */
  sweepLabel: string;
  /** scenarioLabel, then the sweep label after " · ". */
  label: string;
  isBaseline: boolean;
}

export interface PointSet {
  points: PointMeta[];
  /** Scenario names in order of first appearance. */
  scenarios: string[];
  scenarioLabels: string[];
  /** Swept variables in order of first appearance. */
  sweepNames: string[];
  /** Distinct sweep labels in order of first appearance ("" when nothing is swept). */
  sweepLabels: string[];
  /** The swept values of each distinct sweep label, in the same order. */
  sweepValues: Array<Record<string, SweepValue>>;
  baseline: string;
}

/** "drenthe-start-small" → "Drenthe start small". */
export function readableName(name: string): string {
  const spaced = name.replace(/[-_]+/g, ' ').trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

export function formatSweepValue(value: SweepValue): string {
  return Array.isArray(value) ? value.join('+') : String(value);
}

export function pointSet(info: BatchInfo): PointSet {
  const scenarios = [...new Set(info.points.map((p) => p.scenario))];
  const readable = scenarios.map(readableName);
  // Two names that read the same ("a-b", "a_b") would merge in a legend: keep the raw names then.
  const unique = new Set(readable).size === readable.length;
  const scenarioLabels = scenarios.map((s, i) => `${unique ? readable[i] : s}${s === info.baseline ? ' (baseline)' : ''}`);
  const sweepNames: string[] = [];
  for (const p of info.points) for (const k of Object.keys(p.sweep)) if (!sweepNames.includes(k)) sweepNames.push(k);
  const points = info.points.map((p, index): PointMeta => {
    const scenarioLabel = scenarioLabels[scenarios.indexOf(p.scenario)];
    const set = sweepNames.filter((k) => p.sweep[k] !== undefined);
    const sweepCode = set.map((k) => `${k} = ${formatSweepValue(p.sweep[k])}`).join(', ');
    const sweepLabel = set.map((k) => factorSetting(k, p.sweep[k])).join(', ');
    return {
      index,
      id: p.id,
      scenario: p.scenario,
      sweep: p.sweep,
      scenarioLabel,
      sweepCode,
      sweepLabel,
      label: sweepLabel ? `${scenarioLabel} · ${sweepLabel}` : scenarioLabel,
      isBaseline: p.scenario === info.baseline,
    };
  });
  return {
    points,
    scenarios,
    scenarioLabels,
    sweepNames,
    sweepLabels: [...new Set(points.map((p) => p.sweepLabel))],
    sweepValues: [...new Map(points.map((p) => [p.sweepLabel, p.sweep])).values()],
    baseline: info.baseline,
  };
}

/** The key that pairs a point with its baseline point: the same sweep values. */
export function sweepKey(sweep: Record<string, SweepValue>): string {
  return JSON.stringify(Object.keys(sweep).sort().map((k) => [k, sweep[k]]));
}
