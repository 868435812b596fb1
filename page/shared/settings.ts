/**
 * Everything a page user sets, as plain data: turned into scenario files (YAML that `regiosim
 * validate` accepts) and into the URL fragment that reproduces the page.
 */
import { stringify } from 'yaml';
import type { ControlValue } from './controls.js';

export type RegionChoice = { kind: 'res'; name: string } | { kind: 'province'; name: string } | { kind: 'national' };

export interface PageSettings {
  region: RegionChoice;
  scenarioName: string;
  baselineName: string;
  /** Lever values set for the scenario and for the baseline (unset levers take the registry default). */
  levers: Record<string, ControlValue>;
  baselineLevers: Record<string, ControlValue>;
  /** Shared by both: scarcity and parameter values. */
  uncertainties: Record<string, ControlValue>;
  startYear: number;
  endYear: number;
  runs: number;
  seed: number;
}

export function defaultSettings(): PageSettings {
  return {
    region: { kind: 'res', name: 'Drenthe' },
    scenarioName: 'scenario',
    baselineName: 'baseline',
    levers: { poolForm: 'flexpool' },
    baselineLevers: { poolForm: 'none' },
    uncertainties: { scarcity: 'high' },
    startYear: 2026,
    endYear: 2050,
    runs: 40,
    seed: 1,
  };
}

/** The scenario file (as an object) for one side of the comparison. */
export function scenarioObject(s: PageSettings, side: 'scenario' | 'baseline'): Record<string, unknown> {
  const region = s.region.kind === 'national' ? 'national' : { [s.region.kind]: s.region.name };
  const uncertainties = { ...s.uncertainties };
  if (uncertainties.scarcity === '' || uncertainties.scarcity === undefined) delete uncertainties.scarcity;
  else delete uncertainties.supplyRatio;
  return {
    name: side === 'scenario' ? s.scenarioName : s.baselineName,
    description: `Made on the regiosim page (${side}).`,
    region,
    levers: side === 'scenario' ? s.levers : s.baselineLevers,
    uncertainties,
    horizon: { startYear: s.startYear, endYear: s.endYear },
  };
}

/** The scenario as a YAML file, with a comment on how it was made. */
export function scenarioYaml(s: PageSettings, side: 'scenario' | 'baseline', version: string): string {
  const head = `# ${version}: the ${side} of the what-if page (regiosim page); compare: regiosim compare ${s.baselineName}.yaml ${s.scenarioName}.yaml --runs ${s.runs} --seed ${s.seed}\n`;
  return head + stringify(scenarioObject(s, side));
}

// ---- URL fragment: the settings as JSON, percent-encoded (values keep their types) ----

export function toFragment(s: PageSettings): string {
  return `#s=${encodeURIComponent(JSON.stringify(s))}`;
}

/** Settings from a fragment; anything missing or unreadable falls back to the defaults. */
export function fromFragment(hash: string): PageSettings {
  const d = defaultSettings();
  const m = /[#&]s=([^&]*)/.exec(hash);
  if (!m) return d;
  try {
    const parsed = JSON.parse(decodeURIComponent(m[1])) as Partial<PageSettings>;
    return { ...d, ...parsed };
  } catch {
    return d;
  }
}
