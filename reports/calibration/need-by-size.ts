/** Pattern P3: the need per municipality by size class against the AEF/ROB figures (no simulation). */
import { initState } from '../../sim/init.js';
import type { NationalData } from '../../sim/region-data.js';
import { libraryInput } from './points.js';

const G4_CODES = ['GM0363', 'GM0599', 'GM0518', 'GM0344']; // Amsterdam, Rotterdam, 's-Gravenhage, Utrecht

/** Size classes of P3 with the AEF/ROB targets (A2-A5) times the heat share 0.6 (A11). */
/** `shown`: the inhabitants a class covers in the need chart (log axis); 20,000 and 100,000 are classOf's thresholds. */
export const SIZE_CLASSES = [
  { id: 'small', label: 'Small (< 20,000 inhabitants)', aef: [8, 9], source: 'A5', shown: [700, 20_000] },
  { id: 'mid', label: 'Mid-sized (20,000-99,999)', aef: [17, 19], source: 'A4', shown: [20_000, 100_000] },
  { id: 'g40', label: 'G40 (≥ 100,000, not G4)', aef: [39, 43], source: 'A3', shown: [100_000, 370_000] },
  {
    id: 'g4',
    label: 'G4 (Amsterdam, Rotterdam, Den Haag, Utrecht)',
    aef: [86, 100],
    source: 'A2',
    shown: [370_000, 1_000_000],
  },
] as const;
/** The national figure: 14-17 extra FTE per municipality on average (A1, A16), before the heat share. */
export const NATIONAL_AEF_PER_MUNICIPALITY = [14, 17] as const;
export const HEAT_SHARE = 0.6;
/** Tolerance on the need per size class: ±10% around the target range (class bounds and heat share are approximate). */
export const NEED_TOLERANCE = 0.1;

export interface NeedRow {
  id: string;
  label: string;
  source: string;
  municipalities: number;
  meanPopulation: number;
  meanNeed: number;
  minNeed: number;
  maxNeed: number;
  targetLo: number;
  targetHi: number;
  lo: number;
  hi: number;
  pass: boolean;
}

export interface MunicipalityNeed {
  code: string;
  name: string;
  population: number;
  need: number;
  sizeClass: string;
}

function classOf(code: string, population: number): string {
  if (G4_CODES.includes(code)) return 'g4';
  return population >= 100_000 ? 'g40' : population >= 20_000 ? 'mid' : 'small';
}

/** P3: the need per municipality (deterministic: it comes from the demand parameters only). */
export function needBySize(data: NationalData): {
  rows: NeedRow[];
  municipalities: MunicipalityNeed[];
  total: NeedRow;
} {
  const input = libraryInput('national-none', data).input;
  const state = initState(input, 1);
  const municipalities = state.municipalities.map((m) => ({
    code: m.code,
    name: m.name,
    population: m.population,
    need: m.needFte[0] + m.needFte[1] + m.needFte[2],
    sizeClass: classOf(m.code, m.population),
  }));
  const band = (lo: number, hi: number) => ({
    targetLo: lo,
    targetHi: hi,
    lo: lo * (1 - NEED_TOLERANCE),
    hi: hi * (1 + NEED_TOLERANCE),
  });
  const rows = SIZE_CLASSES.map((c): NeedRow => {
    const members = municipalities.filter((m) => m.sizeClass === c.id);
    const needs = members.map((m) => m.need);
    const meanNeed = needs.reduce((a, b) => a + b, 0) / needs.length;
    const b = band(c.aef[0] * HEAT_SHARE, c.aef[1] * HEAT_SHARE);
    return {
      id: c.id,
      label: c.label,
      source: c.source,
      municipalities: members.length,
      meanPopulation: members.reduce((a, m) => a + m.population, 0) / members.length,
      meanNeed,
      minNeed: Math.min(...needs),
      maxNeed: Math.max(...needs),
      ...b,
      pass: meanNeed >= b.lo && meanNeed <= b.hi,
    };
  });
  const totalNeed = municipalities.reduce((a, m) => a + m.need, 0);
  const n = municipalities.length;
  const [aefLo, aefHi] = NATIONAL_AEF_PER_MUNICIPALITY;
  const tb = band(aefLo * n * HEAT_SHARE, aefHi * n * HEAT_SHARE);
  const total: NeedRow = {
    id: 'national',
    label: `All ${n} municipalities`,
    source: 'A1, A16',
    municipalities: n,
    meanPopulation: municipalities.reduce((a, m) => a + m.population, 0) / n,
    meanNeed: totalNeed,
    minNeed: totalNeed,
    maxNeed: totalNeed,
    ...tb,
    pass: totalNeed >= tb.lo && totalNeed <= tb.hi,
  };
  return { rows, municipalities, total };
}
