import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { type ModelInput, ModelInputError, resolveLevers, resolveParameters } from '../sim/model-input.js';
import type { NationalData } from '../sim/region-data.js';
import { closestName } from '../sim/suggest.js';
import { DEFAULT_HORIZON_MONTHS, DEFAULT_START_YEAR, defaultScenario, nationalScenario } from './default.js';
import { customRegion, type RegionSelection, resRegion, wholeCountry } from './region.js';

/** Built-in scenarios that need no file. */
export const BUILT_IN = {
  default: 'RES Drenthe, flexpool of 4 staff started by 5 founders, high scarcity, 2026-2050',
  national: 'All 342 municipalities, one labour market, one flexpool per RES region, high scarcity',
} as const;

const KNOWN_KEYS = ['name', 'description', 'region', 'levers', 'parameters', 'horizonMonths', 'startYear'];

/**
 * Reads a minimal scenario file (YAML or JSON): name, region ({res: code or name} |
 * {municipalities: [codes]} | "national"), levers, parameters, horizonMonths, startYear.
 * The full scenario format with extends, sweeps and experiments lives in scenarios/ (issue 3).
 */
export function loadScenario(nameOrPath: string | undefined, data: NationalData): { input: ModelInput; files: string[] } {
  if (nameOrPath === undefined || nameOrPath === 'default') return { input: defaultScenario(data), files: [] };
  if (nameOrPath === 'national') return { input: nationalScenario(data), files: [] };
  let text: string;
  try {
    text = readFileSync(nameOrPath, 'utf8');
  } catch {
    throw new ModelInputError([
      { path: nameOrPath, value: nameOrPath, message: `no such file; built-in scenarios: ${Object.keys(BUILT_IN).join(', ')}` },
    ]);
  }
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (e) {
    throw new ModelInputError([{ path: nameOrPath, value: '', message: `invalid YAML/JSON: ${(e as Error).message}` }]);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw new ModelInputError([{ path: nameOrPath, value: raw, message: 'a scenario must be a mapping of keys to values' }]);
  const doc = raw as Record<string, unknown>;
  const issues = [];
  for (const key of Object.keys(doc)) {
    if (!KNOWN_KEYS.includes(key)) {
      const guess = closestName(key, KNOWN_KEYS);
      issues.push({ path: `${nameOrPath}: ${key}`, value: key, message: `unknown key${guess ? ` (did you mean "${guess}"?)` : ''}; allowed: ${KNOWN_KEYS.join(', ')}` });
    }
  }
  if (issues.length) throw new ModelInputError(issues);
  const region = selectRegion(doc.region, data, nameOrPath);
  const input: ModelInput = {
    name: typeof doc.name === 'string' ? doc.name : nameOrPath,
    ...region,
    levers: resolveLevers((doc.levers ?? {}) as Record<string, unknown>, `${nameOrPath}: levers`),
    parameters: resolveParameters((doc.parameters ?? {}) as Record<string, unknown>, `${nameOrPath}: parameters`),
    startYear: typeof doc.startYear === 'number' ? doc.startYear : DEFAULT_START_YEAR,
    horizonMonths: typeof doc.horizonMonths === 'number' ? doc.horizonMonths : DEFAULT_HORIZON_MONTHS,
    historyOverrides: [],
    refusers: [],
  };
  return { input, files: [nameOrPath] };
}

function selectRegion(region: unknown, data: NationalData, file: string): RegionSelection {
  if (region === undefined) return resRegion(data, 'ES03');
  if (region === 'national') return wholeCountry(data);
  if (typeof region === 'object' && region !== null && 'res' in region) {
    const want = String((region as { res: unknown }).res);
    const res = data.resRegions.find((r) => r.code === want || r.name.toLowerCase() === want.toLowerCase());
    if (!res) {
      const guess = closestName(want, [...data.resRegions.map((r) => r.name), ...data.resRegions.map((r) => r.code)]);
      throw new ModelInputError([{ path: `${file}: region.res`, value: want, message: `unknown RES region${guess ? ` (did you mean "${guess}"?)` : ''}` }]);
    }
    return resRegion(data, res.code);
  }
  if (typeof region === 'object' && region !== null && 'municipalities' in region) {
    const list = (region as { municipalities: unknown }).municipalities;
    if (!Array.isArray(list) || list.length === 0)
      throw new ModelInputError([{ path: `${file}: region.municipalities`, value: list, message: 'allowed: a non-empty list of CBS codes or names' }]);
    const codes = list.map((x, k) => {
      const s = String(x);
      const m = data.municipalities.find((d) => d.code === s || d.name.toLowerCase() === s.toLowerCase());
      if (!m) {
        const guess = closestName(s, data.municipalities.map((d) => d.name));
        throw new ModelInputError([{ path: `${file}: region.municipalities[${k}]`, value: s, message: `unknown municipality${guess ? ` (did you mean "${guess}"?)` : ''}` }]);
      }
      return m.code;
    });
    return customRegion(data, codes, 'custom region');
  }
  throw new ModelInputError([{ path: `${file}: region`, value: region, message: 'allowed: "national", {res: code or name}, {municipalities: [codes or names]}' }]);
}
