/**
 * The policy levers: what a region decides (XLRM "L"). Kept apart from the uncertainties in
 * parameters.ts, as in EMA Workbench, so that designs can cross policies with futures.
 * Each lever has a default, its allowed values (choice) or range (number), and a description.
 */

export type Role = 'specialist' | 'local' | 'process';
export const ROLES: readonly Role[] = ['specialist', 'local', 'process'];

/** Role indices (as in state.ts) of a list of roles, in the list's order. */
export function roleIndices(roles: readonly Role[]): number[] {
  // By push, not map(): always a packed array (see initState).
  const out: number[] = [];
  for (const r of roles) out.push(ROLES.indexOf(r));
  return out;
}

interface ChoiceLever<T extends string> {
  kind: 'choice';
  default: T;
  values: readonly T[];
  description: string;
}
interface NumberLever {
  kind: 'number';
  default: number;
  min: number;
  max: number;
  unit: string;
  integer?: boolean;
  description: string;
  source?: string;
}
interface BooleanLever {
  kind: 'boolean';
  default: boolean;
  description: string;
}
interface RolesLever {
  kind: 'roles';
  default: readonly Role[];
  description: string;
}
interface CodesLever {
  kind: 'codes';
  default: readonly string[];
  description: string;
}

export const LEVERS = {
  poolForm: {
    kind: 'choice',
    default: 'flexpool',
    values: ['none', 'light', 'flexpool', 'esc'],
    description:
      'Collaboration form: none; light = joint procurement of consultants (lower price, knowledge still leaves); flexpool = expert team of own staff seconded on request; esc = energy service centre (flexpool that also runs shared execution services).',
  } as ChoiceLever<'none' | 'light' | 'flexpool' | 'esc'>,
  startMode: {
    kind: 'choice',
    default: 'small',
    values: ['small', 'big'],
    description:
      'small: the most willing founders start; big: every municipality whose join utility is not strongly negative (all when mandated).',
  } as ChoiceLever<'small' | 'big'>,
  founderCount: {
    kind: 'number',
    default: 3,
    min: 1,
    max: 60,
    unit: 'municipalities',
    integer: true,
    description: 'Number of founders in a small start (ignored when founders are named).',
  } as NumberLever,
  founders: {
    kind: 'codes',
    default: [],
    description: 'Named founders (CBS codes); overrides founderCount and startMode selection.',
  } as CodesLever,
  mandate: {
    kind: 'boolean',
    default: false,
    description: 'A sponsor mandates membership at the start: in a big start every municipality joins.',
  } as BooleanLever,
  initialStaff: {
    kind: 'number',
    default: 4,
    min: 0,
    max: 100,
    unit: 'staff',
    integer: true,
    description: 'Pool staff the pool recruits at its start (Flexteam Drenthe: 4).',
    source: 'D1',
  } as NumberLever,
  maxStaff: {
    kind: 'number',
    default: 30,
    min: 0,
    max: 300,
    unit: 'staff',
    integer: true,
    description: 'Ceiling on pool staff.',
  } as NumberLever,
  poolRoles: {
    kind: 'roles',
    default: ['specialist', 'process'],
    description: 'Roles the pool employs and serves (RQ4: specialist and process pool well; local does not).',
  } as RolesLever,
  governance: {
    kind: 'choice',
    default: 'demandPull',
    values: ['demandPull', 'centralPush'],
    description:
      'demandPull: members ask the pool (Drenthe menu card); centralPush: a coordinator assigns staff by regional priority.',
  } as ChoiceLever<'demandPull' | 'centralPush'>,
  allocation: {
    kind: 'choice',
    default: 'fcfs',
    values: ['fcfs', 'proportional', 'smallFirst'],
    description:
      'How the pool divides scarce staff among requests: first come first served, in proportion to population (the basis of the fixed fee), or small municipalities first.',
  } as ChoiceLever<'fcfs' | 'proportional' | 'smallFirst'>,
  feeModel: {
    kind: 'choice',
    default: 'mixed',
    values: ['fixed', 'usage', 'mixed'],
    description: 'Member fees: a fixed part by population share, a usage part per FTE-month, or both.',
  } as ChoiceLever<'fixed' | 'usage' | 'mixed'>,
  feeFixedShare: {
    kind: 'number',
    default: 0.5,
    min: 0,
    max: 1,
    unit: 'share',
    description: 'Fixed part of the fee in the mixed model.',
  } as NumberLever,
  termMonths: {
    kind: 'number',
    default: 48,
    min: 12,
    max: 120,
    unit: 'months',
    integer: true,
    description:
      "Membership term, counted from each member's own join date: a member decides to renew or leave a notice period before its term ends; leaving at the term end costs no exit payment.",
    source: 'D7: 3-5 years rather than 2.',
  } as NumberLever,
  noticeMonths: {
    kind: 'number',
    default: 12,
    min: 0,
    max: 24,
    unit: 'months',
    integer: true,
    description: 'Notice between a decision to leave and the end of membership.',
  } as NumberLever,
  exitRule: {
    kind: 'choice',
    default: 'taper',
    values: ['none', 'taper'],
    description:
      'Exit payment for a member leaving before its term end: none, or taper (it keeps paying its fixed fee for exitTaperYears years, each year less: the Dutch rule of KB 1985 when a joint arrangement says nothing).',
  } as ChoiceLever<'none' | 'taper'>,
  sponsorPerYear: {
    kind: 'number',
    default: 584255,
    min: 0,
    max: 5_000_000,
    unit: 'EUR/year',
    description: 'Sponsor money (SpUk, province) paid into the pool per year.',
    source: 'C8: average SpUk request per RES region, 2023.',
  } as NumberLever,
  sponsorYears: {
    kind: 'number',
    default: 3,
    min: 0,
    max: 25,
    unit: 'years',
    integer: true,
    description: 'Years the sponsor pays.',
    source: 'C5: SpUk 2023-2025.',
  } as NumberLever,
  scope: {
    kind: 'choice',
    default: 'heat',
    values: ['heat', 'multi'],
    description: 'heat: heat transition only; multi: the pool also serves other domains, which smooths utilisation.',
  } as ChoiceLever<'heat' | 'multi'>,
  framing: {
    kind: 'choice',
    default: 'knowledge',
    values: ['efficiency', 'knowledge'],
    description: 'How the pool is argued for: cost saving, or developing and keeping knowledge and talent.',
  } as ChoiceLever<'efficiency' | 'knowledge'>,
  recall: {
    kind: 'choice',
    default: 'allowed',
    values: ['allowed', 'forbidden'],
    description: 'Whether a member in a local crisis may pull pool staff to itself.',
  } as ChoiceLever<'allowed' | 'forbidden'>,
  talkItOut: {
    kind: 'boolean',
    default: false,
    description: 'An intervention that helps municipalities resolve interpersonal quarrels.',
  } as BooleanLever,
  evaluation: {
    kind: 'choice',
    default: 'narrow',
    values: ['narrow', 'broad'],
    description:
      'How members judge the pool: narrow = hours received against fee ("transaction attitude"); broad = also knowledge and regional benefit.',
  } as ChoiceLever<'narrow' | 'broad'>,
  observers: {
    kind: 'boolean',
    default: true,
    description: 'Whether municipalities may take observer status (knowledge sharing only).',
  } as BooleanLever,
  formationMonth: {
    kind: 'number',
    default: 0,
    min: 0,
    max: 240,
    unit: 'months',
    integer: true,
    description: 'Month (from the start) in which the pool is founded.',
  } as NumberLever,
} as const;

export interface Levers {
  poolForm: 'none' | 'light' | 'flexpool' | 'esc';
  startMode: 'small' | 'big';
  founderCount: number;
  founders: string[];
  mandate: boolean;
  initialStaff: number;
  maxStaff: number;
  poolRoles: Role[];
  governance: 'demandPull' | 'centralPush';
  allocation: 'fcfs' | 'proportional' | 'smallFirst';
  feeModel: 'fixed' | 'usage' | 'mixed';
  feeFixedShare: number;
  termMonths: number;
  noticeMonths: number;
  exitRule: 'none' | 'taper';
  sponsorPerYear: number;
  sponsorYears: number;
  scope: 'heat' | 'multi';
  framing: 'efficiency' | 'knowledge';
  recall: 'allowed' | 'forbidden';
  talkItOut: boolean;
  evaluation: 'narrow' | 'broad';
  observers: boolean;
  formationMonth: number;
}

export type LeverName = keyof Levers;
export const LEVER_NAMES = Object.keys(LEVERS) as LeverName[];

export function defaultLevers(): Levers {
  const out: Record<string, unknown> = {};
  for (const name of LEVER_NAMES) {
    const d = LEVERS[name].default;
    out[name] = Array.isArray(d) ? [...d] : d;
  }
  return out as unknown as Levers;
}

export function isLeverName(name: string): name is LeverName {
  return Object.hasOwn(LEVERS, name);
}
