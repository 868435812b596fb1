/**
 * The screen's two small data files (docs/mechanisms/): which outcome each factor exists for
 * (screen-outcomes.yaml) and why an inert factor stays (kept-inert.yaml). Both are optional.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { Factor } from './factors.js';

export interface OutcomeMap {
  groups: Record<string, string>;
  factors: Record<string, string>;
}

const textMap = (value: unknown, what: string): Record<string, string> => {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new Error(`${what}: expected a mapping`);
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)]));
};

const readYaml = (file: string): unknown => (existsSync(file) ? parse(readFileSync(file, 'utf8')) : undefined);

export function readOutcomeMap(file: string): OutcomeMap {
  const doc = (readYaml(file) ?? {}) as Record<string, unknown>;
  return { groups: textMap(doc.groups, `${file} groups`), factors: textMap(doc.factors, `${file} factors`) };
}

/** factor name → why it stays. */
export function readKeptInert(file: string): Record<string, string> {
  return textMap(readYaml(file), file);
}

/** The outcome a factor exists for: the registry's screenOutcome, else the map by name, else by group. */
export function ownOutcomeOf(f: Factor, map: OutcomeMap): string | undefined {
  return f.screenOutcome ?? map.factors[f.name] ?? map.groups[f.group];
}
