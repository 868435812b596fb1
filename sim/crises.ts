import type { ModelState } from './state.js';

/**
 * 3.6 Local crises start at pre-drawn months (their own random stream, so levers never move them)
 * and last a pre-drawn number of months, starting next month. A crisis diverts own staff
 * (production.ts) and, under the recall rule, pulls pool staff (pool.ts).
 */
export function updateCrises(state: ModelState): void {
  const t = state.t;
  for (const m of state.municipalities) {
    if (m.nextCrisis < m.crisisOnsets.length && m.crisisOnsets[m.nextCrisis] === t) {
      if (m.crisisUntil <= t) {
        m.crisisUntil = t + m.crisisDurations[m.nextCrisis];
        state.tally.crises++;
      }
      m.nextCrisis++;
    }
  }
}

/** The crisis onsets that happened up to now, as [municipality code, month] pairs (for pairing tests). */
export function crisisLog(state: ModelState): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  for (const m of state.municipalities) for (let k = 0; k < m.nextCrisis; k++) out.push([m.code, m.crisisOnsets[k]]);
  return out;
}
