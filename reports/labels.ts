/**
 * Human labels for what a report names: levers and parameters (sweeps, design factors, the
 * "what each scenario changes" table) with the units of their registries (sim/levers.ts,
 * sim/parameters.ts), and their values spelled out ("central push", "3 years", "550,000 EUR/year").
 * A chart copied out of the report must be readable without the code: no `supplyRatio = 0.35`.
 * The registries stay the one place for meanings and units; this adds only short names.
 */
import { LEVERS } from '../sim/levers.js';
import { PARAMETERS } from '../sim/parameters.js';

/** Short names where the code name, spaced out, does not read well. */
const LABELS: Record<string, string> = {
  // levers
  poolForm: 'Collaboration form',
  startMode: 'Start',
  founderCount: 'Founders',
  founders: 'Named founders',
  mandate: 'Mandated membership',
  initialStaff: 'Initial pool staff',
  maxStaff: 'Maximum pool staff',
  poolRoles: 'Pooled roles',
  governance: 'Governance',
  allocation: 'Allocation of pool staff',
  feeModel: 'Fee model',
  feeFixedShare: 'Fixed part of the fee',
  termMonths: 'Membership term',
  noticeMonths: 'Notice period',
  exitRule: 'Exit payment',
  sponsorPerYear: 'Sponsor money',
  sponsorYears: 'Years of sponsor money',
  scope: 'Scope of the pool',
  framing: 'Framing',
  recall: 'Recall of pool staff in a crisis',
  talkItOut: 'Talk-it-out intervention',
  evaluation: 'How members judge the pool',
  observers: 'Observer status',
  formationMonth: 'Founding month',
  // uncertainties
  scarcity: 'Labour scarcity',
  supplyRatio: 'Labour supply ratio',
  crisisPerMonth: 'Local crises',
  quarrelPerPairPerYear: 'Quarrels',
  autonomyAversionMean: 'Autonomy aversion (mean)',
  autonomyAversionSd: 'Autonomy aversion (sd)',
  poolReserveTargetMonths: 'Pool reserve target',
  poolUtilisationFloor: 'Pool utilisation floor',
};

/** Choice values spelled out, per lever. */
const VALUES: Record<string, Record<string, string>> = {
  poolForm: {
    none: 'no collaboration',
    light: 'joint procurement',
    flexpool: 'flexpool',
    esc: 'energy service centre',
  },
  startMode: { small: 'small', big: 'big' },
  governance: { demandPull: 'demand-pull', centralPush: 'central push' },
  allocation: {
    fcfs: 'first come, first served',
    proportional: 'by population',
    smallFirst: 'small municipalities first',
  },
  feeModel: { fixed: 'fixed', usage: 'by use', mixed: 'fixed and by use' },
  exitRule: { none: 'none', taper: 'tapering' },
  scope: { heat: 'heat only', multi: 'several domains' },
  framing: { efficiency: 'efficiency', knowledge: 'knowledge and talent' },
  recall: { allowed: 'allowed', forbidden: 'forbidden' },
  evaluation: { narrow: 'narrow (hours for fee)', broad: 'broad (also knowledge)' },
  scarcity: { low: 'low', medium: 'medium', high: 'high', extreme: 'extreme' },
};

/** The supply ratio each scarcity level sets (scenarios/README.md). */
export const SCARCITY_RATIO: Readonly<Record<string, number>> = { low: 1.3, medium: 0.9, high: 0.6, extreme: 0.35 };

/** Units that say nothing in a label ("-", "[0,1]"). */
const SILENT_UNITS = new Set(['-', '', '[0,1]', 'index', 'ratio', '×', '\u00d7']);

export interface FactorInfo {
  name: string;
  /** "Years of sponsor money" */
  label: string;
  /** The registry's unit ("years", "EUR/year", "share"), '' when it has none. */
  unit: string;
  /** The registry's one-sentence description. */
  description: string;
  kind: 'lever' | 'parameter' | 'scarcity' | 'other';
  /** True for numbers (quantitative axes). */
  numeric: boolean;
}

/** "autonomyAversionMean" → "Autonomy aversion mean". */
export function humanise(code: string): string {
  const spaced = code
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_]+/g, ' ')
    .toLowerCase()
    .trim();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** What the registries say about a lever, parameter or `scarcity`. */
export function factorInfo(name: string): FactorInfo {
  const lever = (LEVERS as Record<string, { kind: string; unit?: string; description: string }>)[name];
  if (lever)
    return {
      name,
      label: LABELS[name] ?? humanise(name),
      unit: lever.unit ?? '',
      description: lever.description,
      kind: 'lever',
      numeric: lever.kind === 'number',
    };
  const parameter = (PARAMETERS as Record<string, { unit: string; description: string }>)[name];
  if (parameter)
    return {
      name,
      label: LABELS[name] ?? humanise(name),
      unit: parameter.unit,
      description: parameter.description,
      kind: 'parameter',
      numeric: true,
    };
  if (name === 'scarcity')
    return {
      name,
      label: LABELS.scarcity,
      unit: '',
      description:
        'Labour scarcity level: sets the labour supply ratio to 1.3 (low), 0.9 (medium), 0.6 (high) or 0.35 (extreme).',
      kind: 'scarcity',
      numeric: false,
    };
  return { name, label: LABELS[name] ?? humanise(name), unit: '', description: name, kind: 'other', numeric: false };
}

/** True when the label already says the unit ("Pool reserve target months" and "months"). */
function unitInLabel(label: string, unit: string): boolean {
  const word = unit.replace(/^\//, 'per ').toLowerCase();
  return label.toLowerCase().endsWith(word);
}

/** Label with its unit for an axis or a column: "Years of sponsor money (years)", "Governance". */
export function factorTitle(name: string): string {
  const f = factorInfo(name);
  if (!f.unit || SILENT_UNITS.has(f.unit) || unitInLabel(f.label, f.unit)) return f.label;
  return `${f.label} (${f.unit})`;
}

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** A number as a reader wants it: 550000 → "550,000", 0.35 → "0.35", 1/3 → "0.333". */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Number.isInteger(v)) return Math.abs(v) >= 10_000 ? grouped.format(v) : String(v);
  return String(Number(v.toPrecision(3)));
}

/** A value of a factor spelled out with its unit: "central push", "3 years", "550,000 EUR/year", "50%". */
export function formatFactorValue(name: string, value: unknown): string {
  if (value === undefined || value === null) return '(not set)';
  if (Array.isArray(value)) return value.length ? value.map((v) => formatFactorValue(name, v)).join(' + ') : '(none)';
  if (typeof value === 'boolean') return value ? 'on' : 'off';
  if (typeof value === 'string') {
    const spelled = VALUES[name]?.[value];
    if (name === 'scarcity' && SCARCITY_RATIO[value] !== undefined)
      return `${spelled ?? value} (supply ratio ${SCARCITY_RATIO[value]})`;
    return spelled ?? value;
  }
  if (typeof value !== 'number') return String(value);
  const f = factorInfo(name);
  if (f.unit === 'share' || f.unit.startsWith('share ')) return `${formatNumber(value * 100)}%`;
  if (!f.unit || SILENT_UNITS.has(f.unit)) return formatNumber(value);
  if (f.unit === 'months' || f.unit === 'years')
    return `${formatNumber(value)} ${value === 1 ? f.unit.slice(0, -1) : f.unit}`;
  if (f.unit.startsWith('/')) return `${formatNumber(value)}${f.unit}`;
  return `${formatNumber(value)} ${f.unit}`;
}

/** "Labour scarcity: extreme (supply ratio 0.35)" */
export function factorSetting(name: string, value: unknown): string {
  return `${factorInfo(name).label}: ${formatFactorValue(name, value)}`;
}

/** The d3 format for an axis of a numeric factor ("%" for shares, "," for large numbers). */
export function factorAxisFormat(name: string): string | undefined {
  const f = factorInfo(name);
  if (f.unit === 'share' || f.unit.startsWith('share ')) return '.0%';
  return undefined;
}
