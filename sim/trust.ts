import { members } from './pool.js';
import { geometricMonths } from './rng.js';
import { removeNumberAt } from './scratch.js';
import { Membership, type ModelState, type Municipality, type Pool } from './state.js';

function gain(state: ModelState, x: number): number {
  return x + state.p.trustGain * (1 - x);
}

function loss(state: ModelState, x: number): number {
  return x - state.p.trustLossRatio * state.p.trustGain * x;
}

/** A negative experience of every other member with municipality j (e.g. a unilateral exit). */
export function othersLoseTrustIn(state: ModelState, pool: Pool, j: Municipality): void {
  const n = pool.area.length;
  for (const m of members(state, pool)) {
    if (m.idx === j.idx) continue;
    const k = m.areaPos * n + j.areaPos;
    pool.trust[k] = loss(state, pool.trust[k]);
  }
}

/**
 * 3.5 Monthly trust: experiences with the pool (request served or not), blame on members that
 * pulled pool staff in a crisis, quarrels (pre-drawn) and their resolution, and drift to the prior.
 */
export function updateTrust(state: ModelState): void {
  const p = state.p;
  const t = state.t;
  for (const pool of state.pools) {
    const n = pool.area.length;
    const inQuarrel = pool.inQuarrel;
    // Onsets this month, from the pre-drawn schedule.
    while (pool.quarrelCursor < pool.quarrelEventMonth.length && pool.quarrelEventMonth[pool.quarrelCursor] === t) {
      const qi = pool.quarrelEventPair[pool.quarrelCursor];
      const q = pool.quarrels[qi];
      const draw = q.resolveDraws[pool.quarrelEventK[pool.quarrelCursor]];
      pool.quarrelCursor++;
      q.next++;
      if (q.activeUntil >= t) continue; // already quarrelling
      state.tally.quarrels++;
      const history = pool.history[q.a * n + q.b];
      const talk = state.levers.talkItOut && history > p.deepNegativeHistory;
      const resolve = talk ? p.talkItOutResolvePerMonth : p.quarrelResolvePerMonth;
      q.activeUntil = t + geometricMonths(draw, resolve);
      q.drop = 0;
      for (const k of [q.a * n + q.b, q.b * n + q.a]) {
        const drop = pool.trust[k] * p.quarrelTrustDrop;
        pool.trust[k] -= drop;
        q.drop += drop / 2;
        inQuarrel[k] = 1;
      }
      pool.activeQuarrels.push(qi);
    }
    // Resolutions this month restore part of the drop and unfreeze the dyad.
    for (let j = pool.activeQuarrels.length - 1; j >= 0; j--) {
      const q = pool.quarrels[pool.activeQuarrels[j]];
      if (q.activeUntil !== t) continue;
      for (const k of [q.a * n + q.b, q.b * n + q.a]) {
        pool.trust[k] = Math.min(1, pool.trust[k] + p.quarrelRecovery * q.drop);
        inQuarrel[k] = 0;
      }
      removeNumberAt(pool.activeQuarrels, j);
    }
    if (pool.exists) {
      for (const m of members(state, pool)) {
        if (m.servedRatio < 0) continue;
        // Members judge service over a quarter: a request waiting its turn is not a broken promise.
        if (m.servedRecent >= p.servedThreshold) m.poolTrust = gain(state, m.poolTrust);
        else {
          m.poolTrust = loss(state, m.poolTrust);
          // Unserved while others pulled pool staff home in a crisis: blame falls on them.
          for (const j of pool.recallers) {
            if (j === m.idx) continue;
            const k = m.areaPos * n + state.municipalities[j].areaPos;
            pool.trust[k] = loss(state, pool.trust[k]);
          }
        }
      }
    }
    const drift = p.trustDriftPerMonth;
    const trust = pool.trust;
    const prior = pool.trustPrior;
    for (let k = 0; k < n * n; k++) {
      if (!inQuarrel[k]) trust[k] += drift * (prior[k] - trust[k]);
    }
    for (const i of pool.area) {
      const m = state.municipalities[i];
      m.poolTrust += p.trustDriftPerMonth * (m.poolTrustPrior - m.poolTrust);
    }
  }
}

/**
 * Yearly trust among members: working together builds trust; under fixed fees a member that uses
 * far more than it pays is seen as a free rider. usageYear: pool FTE used this year by municipality index.
 */
export function yearlyMemberTrust(state: ModelState, pool: Pool, usageYear: Float64Array): void {
  if (!pool.exists) return;
  const p = state.p;
  const n = pool.area.length;
  const list = members(state, pool);
  let population = 0;
  let usage = 0;
  for (const m of list) {
    population += m.population;
    usage += usageYear[m.idx];
  }
  for (const a of list) {
    for (const b of list) {
      if (a === b) continue;
      const k = a.areaPos * n + b.areaPos;
      const bothServed = a.servedShareAvg >= p.servedThreshold && b.servedShareAvg >= p.servedThreshold;
      if (bothServed) pool.trust[k] = gain(state, pool.trust[k]);
      if (state.levers.feeModel === 'fixed' && usage > 0) {
        const usageShare = usageYear[b.idx] / usage;
        if (usageShare > p.freeRideRatio * (b.population / population)) pool.trust[k] = loss(state, pool.trust[k]);
      }
    }
  }
}

/** Mean of row m of an area matrix over the members (or over the whole area when there are none). */
function meanOverMembers(state: ModelState, pool: Pool, m: Municipality, matrix: Float64Array, empty: number): number {
  const n = pool.area.length;
  let sum = 0;
  let count = 0;
  let all = 0;
  for (let y = 0; y < n; y++) {
    if (y === m.areaPos) continue;
    const value = matrix[m.areaPos * n + y];
    all += value;
    if (state.municipalities[pool.area[y]].membership === Membership.Member) {
      sum += value;
      count++;
    }
  }
  if (count > 0) return sum / count;
  return n > 1 ? all / (n - 1) : empty;
}

/** Mean trust of municipality m toward the members of its pool (or toward everyone in the area). */
export function meanTrustToMembers(state: ModelState, pool: Pool, m: Municipality): number {
  return meanOverMembers(state, pool, m, pool.trust, 0.5);
}

/** Mean shared history of m with the members (or with the whole area). */
export function meanHistoryToMembers(state: ModelState, pool: Pool, m: Municipality): number {
  return meanOverMembers(state, pool, m, pool.history, 0);
}
