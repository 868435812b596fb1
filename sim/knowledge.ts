import { L, Membership, type ModelState, P, Place, type Pool, ROLE_COUNT, S } from './state.js';

/** Sum of members' organisational knowledge and staff per role (what brokerage can draw on). */
function memberKnowledgePerFte(state: ModelState, pool: Pool): { know: Float64Array; fte: Float64Array } {
  const know = new Float64Array(ROLE_COUNT);
  const fte = new Float64Array(ROLE_COUNT);
  if (!pool.exists) return { know, fte };
  for (const i of pool.area) {
    const m = state.municipalities[i];
    if (m.membership !== Membership.Member) continue;
    for (let r = 0; r < ROLE_COUNT; r++) {
      know[r] += m.knowledge[r];
      fte[r] += m.staff[r].length;
    }
  }
  return { know, fte };
}

/** Absorptive capacity: what a municipality can take in grows with what it already knows. */
function absorptive(state: ModelState, knowledge: number, fte: number): number {
  const p = state.p;
  const x = knowledge / Math.max(1, fte);
  return p.absorptiveFloor + ((1 - p.absorptiveFloor) * x) / (x + p.knowledgeHalfSaturation);
}

/** Not-invented-here bias as felt under the governance in force. */
export function effectiveNih(state: ModelState, nih: number): number {
  return Math.min(1, state.levers.governance === 'centralPush' ? nih * state.p.pushNihMultiplier : nih);
}

/**
 * 3.4 Knowledge: organisational stocks per municipality and role learn from the work done there,
 * keep only part of what pool staff and consultants produce, and decay without use. A connected
 * municipality (member or observer) also gets brokerage: the pool makes specialist and process
 * knowledge that exists in the region (its own memory, its co-members' organisations) accessible,
 * scaled by trust, absorptive capacity and not-invented-here bias. Local knowledge never flows
 * between places: the pool's local knowledge is kept per municipality (pool.localKnowledge).
 * Losses with leavers are taken when they leave (labour.ts).
 */
export function updateKnowledge(state: ModelState): void {
  const p = state.p;
  const eta = p.learningPerFteMonth;
  const poolWork: Float64Array[] = state.pools.map(() => new Float64Array(ROLE_COUNT));
  const memberKnow = state.pools.map((pool) => memberKnowledgePerFte(state, pool));
  for (const m of state.municipalities) {
    const pool = m.poolArea >= 0 ? state.pools[m.poolArea] : undefined;
    const connected = pool?.exists && (m.membership === Membership.Member || m.membership === Membership.Observer);
    const openness = connected ? m.poolTrust * (1 - effectiveNih(state, m.nih)) : 0;
    m.knowledgeReceived = 0;
    for (let r = 0; r < ROLE_COUNT; r++) {
      const staff = m.staff[r].length;
      const ac = absorptive(state, m.knowledge[r], staff);
      const sticky = r === L ? p.localTransferFactor : 1;
      const fromPool = eta * m.workPool[r] * p.poolTransfer * openness * ac * sticky;
      const consultantShare = p.consultantTransfer * ac * sticky;
      const fromConsultants = eta * m.workConsultants[r] * consultantShare;
      state.tally.knowledgeLostConsultants += eta * m.workConsultants[r] * (1 - consultantShare);
      let spill = 0;
      if (connected && pool && r !== L) {
        // The best the region has per FTE: the pool's memory or the co-members' mean (without m).
        const sum = memberKnow[pool.idx];
        const isMember = m.membership === Membership.Member;
        const othersFte = sum.fte[r] - (isMember ? staff : 0);
        const others = othersFte > 0 ? (sum.know[r] - (isMember ? m.knowledge[r] : 0)) / othersFte : 0;
        const best = Math.max(pool.knowledge[r] / Math.max(1, pool.staff[r].length), others);
        const xOwn = m.knowledge[r] / Math.max(1, staff);
        if (best > xOwn) spill = p.brokeragePerMonth * openness * ac * (best - xOwn) * Math.max(1, staff);
      }
      m.knowledge[r] =
        m.knowledge[r] * (1 - state.decayRate[r]) + eta * m.workOwn[r] + fromPool + fromConsultants + spill;
      m.knowledgeReceived += fromPool + spill;
      if (pool) poolWork[pool.idx][r] += m.workPool[r];
    }
    // The pool's staff learn this place by working in it; that knowledge stays tied to it.
    if (pool?.exists) {
      const k = m.areaPos;
      pool.localKnowledge[k] =
        pool.localKnowledge[k] * (1 - state.decayRate[L] * p.poolDecayFactor) + eta * m.workPool[L];
    }
  }
  for (const pool of state.pools) {
    if (!pool.exists) continue;
    // Specialist and process memory is the pool's own; local work builds no portable stock.
    for (const r of [S, P]) {
      pool.knowledge[r] =
        pool.knowledge[r] * (1 - state.decayRate[r] * p.poolDecayFactor) + eta * poolWork[pool.idx][r];
    }
  }
  updateExperience(state, poolWork);
}

/** Individual experience grows with the share of capacity actually used at the employer. */
function updateExperience(state: ModelState, poolWork: Float64Array[]): void {
  const eta = state.p.learningPerFteMonth;
  for (const w of state.workers) {
    if (w.place === Place.Municipality) {
      const m = state.municipalities[w.employer];
      const n = m.staff[w.role].length;
      w.experience += n > 0 ? eta * Math.min(1, m.workOwn[w.role] / n) : 0;
    } else if (w.place === Place.Pool) {
      const pool = state.pools[w.employer];
      const n = pool.staff[w.role].length;
      w.experience += n > 0 ? eta * Math.min(1, poolWork[pool.idx][w.role] / n) : 0;
    } else if (w.place === Place.Consultancy && w.client >= 0) {
      w.experience += eta;
    }
  }
}
