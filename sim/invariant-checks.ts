/** Tolerances, names and small checks shared by the invariant checks (invariants.ts, invariants-agents.ts). */
import { type ModelState, type Municipality, type Pool, ROLE_COUNT, ROLE_NAMES, type Worker } from './state.js';

/** Absolute tolerance for stocks that must stay within a range. */
export const ABS_TOL = 1e-6;
/** Relative tolerance for accounting identities. */
export const REL_TOL = 1e-6;

/** Names of the Place values, for messages. */
const PLACE_NAMES = ['municipality', 'pool', 'consultancy', 'searching', 'gone'];

export const fmt = (x: number): string => String(x);

export function workerName(w: Worker): string {
  const place = PLACE_NAMES[w.place] ?? `place ${w.place}`;
  return `worker ${w.id} (${ROLE_NAMES[w.role] ?? `role ${w.role}`}, ${place}, employer ${w.employer})`;
}

export function munName(m: Municipality): string {
  return `municipality ${m.code} (${m.name})`;
}

export function poolName(pool: Pool): string {
  return `pool ${pool.code}`;
}

/** |a - b| small relative to the size of the flows that make them up (at least 1). */
export function sameMoney(a: number, b: number, scale: number): boolean {
  return Math.abs(a - b) <= REL_TOL * Math.max(1, Math.abs(scale));
}

export function isUnit(x: number): boolean {
  return x >= 0 && x <= 1;
}

export function checkNonNegative(out: string[], what: string, values: ArrayLike<number>): void {
  for (let r = 0; r < values.length; r++) {
    const v = values[r];
    if (!(v >= -ABS_TOL)) out.push(`${what}[${ROLE_NAMES[r] ?? r}] is ${fmt(v)} (must be >= 0)`);
  }
}

export function checkVacancies(state: ModelState, out: string[], what: string, vacancies: number[][]): void {
  for (let r = 0; r < ROLE_COUNT; r++) {
    for (const posted of vacancies[r]) {
      if (!(Number.isInteger(posted) && posted >= 0 && posted <= state.t)) {
        out.push(`${what} ${ROLE_NAMES[r]} vacancy posted in month ${fmt(posted)} (month is ${state.t})`);
        break;
      }
    }
  }
}
