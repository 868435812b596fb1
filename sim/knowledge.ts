import { grownSize, zeroFirst } from './scratch.js';
import { L, Membership, type ModelState, P, ROLE_COUNT, S, type Worker } from './state.js';

/**
 * Sums of members' organisational knowledge and staff per pool and role (what brokerage can draw
 * on), into know and fte at [pool.idx * ROLE_COUNT + role]; zero for pools that do not exist.
 */
function memberKnowledgePerFte(state: ModelState, know: Float64Array, fte: Float64Array): void {
  const { knowledge, staffCount } = state.roleTable;
  for (const pool of state.pools) {
    if (!pool.exists) continue;
    const at = pool.idx * ROLE_COUNT;
    for (const i of pool.area) {
      if (state.municipalities[i].membership !== Membership.Member) continue;
      const mAt = i * ROLE_COUNT;
      for (let r = 0; r < ROLE_COUNT; r++) {
        know[at + r] += knowledge[mAt + r];
        fte[at + r] += staffCount[mAt + r];
      }
    }
  }
}

/** Specialist and process memory is the pool's own; local work builds no portable stock. */
const POOL_MEMORY_ROLES = [S, P];

/** Per pool and role work arrays of updateKnowledge, reused from month to month (see scratch.ts). */
function makePoolArrays(size: number) {
  return { poolWork: new Float64Array(size), memberKnow: new Float64Array(size), memberFte: new Float64Array(size) };
}
let poolArrays = makePoolArrays(4 * ROLE_COUNT);

/** The work arrays with their first `size` entries zero. */
function zeroedPoolArrays(size: number): ReturnType<typeof makePoolArrays> {
  if (poolArrays.poolWork.length < size) poolArrays = makePoolArrays(grownSize(poolArrays.poolWork.length, size));
  zeroFirst(poolArrays.poolWork, size);
  zeroFirst(poolArrays.memberKnow, size);
  zeroFirst(poolArrays.memberFte, size);
  return poolArrays;
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
  const size = state.pools.length * ROLE_COUNT;
  // Work done by each pool's staff this month, at [pool.idx * ROLE_COUNT + role].
  const { poolWork, memberKnow, memberFte } = zeroedPoolArrays(size);
  memberKnowledgePerFte(state, memberKnow, memberFte);
  const { knowledge, staffCount, workOwn, workPool, workConsultants } = state.roleTable;
  const muns = state.municipalities;
  for (let i = 0; i < muns.length; i++) {
    const m = muns[i];
    const mAt = i * ROLE_COUNT;
    const pool = m.poolArea >= 0 ? state.pools[m.poolArea] : undefined;
    const connected = pool?.exists && (m.membership === Membership.Member || m.membership === Membership.Observer);
    const openness = connected ? m.poolTrust * (1 - effectiveNih(state, m.nih)) : 0;
    m.knowledgeReceived = 0;
    for (let r = 0; r < ROLE_COUNT; r++) {
      const staff = staffCount[mAt + r];
      const own = knowledge[mAt + r];
      const ac = absorptive(state, own, staff);
      const sticky = r === L ? p.localTransferFactor : 1;
      const fromPool = eta * workPool[mAt + r] * p.poolTransfer * openness * ac * sticky;
      const consultantShare = p.consultantTransfer * ac * sticky;
      const fromConsultants = eta * workConsultants[mAt + r] * consultantShare;
      state.tally.knowledgeLostConsultants += eta * workConsultants[mAt + r] * (1 - consultantShare);
      let spill = 0;
      if (connected && pool && r !== L) {
        // The best the region has per FTE: the pool's memory or the co-members' mean (without m).
        const at = pool.idx * ROLE_COUNT + r;
        const isMember = m.membership === Membership.Member;
        const othersFte = memberFte[at] - (isMember ? staff : 0);
        const others = othersFte > 0 ? (memberKnow[at] - (isMember ? own : 0)) / othersFte : 0;
        const best = Math.max(pool.knowledge[r] / Math.max(1, pool.staff[r].length), others);
        const xOwn = own / Math.max(1, staff);
        if (best > xOwn) spill = p.brokeragePerMonth * openness * ac * (best - xOwn) * Math.max(1, staff);
      }
      knowledge[mAt + r] = own * (1 - state.decayRate[r]) + eta * workOwn[mAt + r] + fromPool + fromConsultants + spill;
      m.knowledgeReceived += fromPool + spill;
      if (pool) poolWork[pool.idx * ROLE_COUNT + r] += workPool[mAt + r];
    }
    // The pool's staff learn this place by working in it; that knowledge stays tied to it.
    if (pool?.exists) {
      const k = m.areaPos;
      pool.localKnowledge[k] =
        pool.localKnowledge[k] * (1 - state.decayRate[L] * p.poolDecayFactor) + eta * workPool[mAt + L];
    }
  }
  for (const pool of state.pools) {
    if (!pool.exists) continue;
    for (const r of POOL_MEMORY_ROLES) {
      pool.knowledge[r] =
        pool.knowledge[r] * (1 - state.decayRate[r] * p.poolDecayFactor) + eta * poolWork[pool.idx * ROLE_COUNT + r];
    }
  }
  updateExperience(state, poolWork);
}

/**
 * Adds each role's experience gain to every worker in an employer's staff lists: learning per FTE
 * times the share of capacity used, work[at + role] over the role's headcount (at most 1).
 */
function gainExperience(staffByRole: Worker[][], work: Float64Array, at: number, eta: number): void {
  for (let r = 0; r < ROLE_COUNT; r++) {
    const staff = staffByRole[r];
    const n = staff.length;
    if (n === 0) continue;
    const gain = eta * Math.min(1, work[at + r] / n);
    for (let k = 0; k < n; k++) staff[k].experience += gain;
  }
}

/**
 * Individual experience grows with the share of capacity actually used at the employer (poolWork as
 * above). Walks the staff lists, so the increment is worked out once per employer and role: every
 * worker of a list gets the same one, and each worker's sum is independent of the order.
 */
function updateExperience(state: ModelState, poolWork: Float64Array): void {
  const eta = state.p.learningPerFteMonth;
  const muns = state.municipalities;
  const workOwn = state.roleTable.workOwn;
  for (let i = 0; i < muns.length; i++) gainExperience(muns[i].staff, workOwn, i * ROLE_COUNT, eta);
  const pools = state.pools;
  for (let j = 0; j < pools.length; j++) gainExperience(pools[j].staff, poolWork, pools[j].idx * ROLE_COUNT, eta);
  for (let r = 0; r < ROLE_COUNT; r++) {
    const staff = state.consultancy.staff[r];
    for (let k = 0; k < staff.length; k++) if (staff[k].client >= 0) staff[k].experience += eta;
  }
}
