/** Invariants of one municipality and of one pool in a month (called by checkInvariants, invariants.ts). */
import {
  ABS_TOL,
  checkNonNegative,
  checkVacancies,
  fmt,
  isUnit,
  munName,
  poolName,
  REL_TOL,
  sameMoney,
} from './invariant-checks.js';
import { Membership, type ModelState, type Municipality, type Pool, ROLE_COUNT, ROLE_NAMES } from './state.js';

export function checkMunicipality(state: ModelState, m: Municipality, out: string[]): void {
  const name = munName(m);
  // Pipeline: stocks within [0, dwellings], released = toPlan + planned + ready.
  const stocks: Array<[string, number]> = [
    ['released', m.released],
    ['toPlan', m.toPlan],
    ['planned', m.planned],
    ['ready', m.ready],
    ['refToPlan', m.refToPlan],
    ['refPlanned', m.refPlanned],
    ['refReady', m.refReady],
  ];
  for (const [label, v] of stocks) {
    if (!(v >= -ABS_TOL && v <= m.dwellings + ABS_TOL))
      out.push(`${name} pipeline ${label} is ${fmt(v)}, outside [0, ${m.dwellings}]`);
  }
  const sum = m.toPlan + m.planned + m.ready;
  if (!(Math.abs(m.released - sum) <= REL_TOL * Math.max(1, m.released)))
    out.push(`${name} pipeline not conserved: released ${m.released} != toPlan + planned + ready ${sum}`);
  const refSum = m.refToPlan + m.refPlanned + m.refReady;
  if (!(Math.abs(m.released - refSum) <= REL_TOL * Math.max(1, m.released)))
    out.push(`${name} reference pipeline not conserved: released ${m.released} != ${refSum}`);

  checkNonNegative(out, `${name} demand`, m.demand);
  checkNonNegative(out, `${name} knowledge`, m.knowledge);
  checkNonNegative(out, `${name} consultantFte`, m.consultantFte);
  checkNonNegative(out, `${name} poolFte`, m.poolFte);
  checkNonNegative(out, `${name} crisisClaim`, m.crisisClaim);
  checkNonNegative(out, `${name} ownFte`, m.ownFte);
  checkNonNegative(out, `${name} ownEffectiveFte`, m.ownEffectiveFte);
  checkNonNegative(out, `${name} workOwn`, m.workOwn);
  checkNonNegative(out, `${name} workPool`, m.workPool);
  checkNonNegative(out, `${name} workConsultants`, m.workConsultants);
  checkNonNegative(out, `${name} shortfall`, m.shortfall);
  checkNonNegative(out, `${name} requested`, m.requested);
  checkVacancies(state, out, name, m.vacancies);
  // The flat tables mirror the municipality: its arrays are views, its staff counts are kept in step.
  for (let r = 0; r < ROLE_COUNT; r++) {
    const counted = state.roleTable.staffCount[m.idx * ROLE_COUNT + r];
    if (counted !== m.staff[r].length)
      out.push(`${name} ${ROLE_NAMES[r]} staff count ${counted} != ${m.staff[r].length} in its staff list`);
  }
  if (m.demand.buffer !== state.roleTable.demand.buffer) out.push(`${name} demand is not a view into the role table`);
  for (const [label, v] of [
    ['spentSalaries', m.spentSalaries],
    ['spentConsultants', m.spentConsultants],
    ['spentFees', m.spentFees],
    ['feeCommitment', m.feeCommitment],
  ] as Array<[string, number]>) {
    if (!(v >= -ABS_TOL)) out.push(`${name} ${label} is ${fmt(v)} (must be >= 0)`);
  }

  // Shares and trust in [0, 1].
  const unit: Array<[string, number]> = [
    ['poolTrust', m.poolTrust],
    ['poolTrustPrior', m.poolTrustPrior],
    ['legitimacy', m.legitimacy],
    ['outsiderLocalAvg', m.outsiderLocalAvg],
    ['servedRecent', m.servedRecent],
    ['servedShareAvg', m.servedShareAvg],
    ['autonomyAversion', m.autonomyAversion],
    ['nih', m.nih],
  ];
  for (const [label, v] of unit) if (!isUnit(v)) out.push(`${name} ${label} is ${fmt(v)}, outside [0, 1]`);
  if (m.servedRatio !== -1 && !isUnit(m.servedRatio))
    out.push(`${name} servedRatio is ${fmt(m.servedRatio)}, outside [0, 1]`);
  for (let r = 0; r < ROLE_COUNT; r++) {
    if (!isUnit(m.overload[r])) out.push(`${name} overload[${ROLE_NAMES[r]}] is ${fmt(m.overload[r])}, outside [0, 1]`);
  }

  // Membership.
  const pool = m.poolArea >= 0 ? state.pools[m.poolArea] : undefined;
  if (m.poolArea >= 0 && !pool) out.push(`${name} belongs to pool area ${m.poolArea}, which does not exist`);
  if (pool && pool.area[m.areaPos] !== m.idx)
    out.push(`${name} has area position ${m.areaPos}, but ${poolName(pool)} lists ${pool.area[m.areaPos]} there`);
  const alive = pool?.exists === true;
  if (m.membership === Membership.Member && !alive)
    out.push(`${name} is a member of ${pool ? `${poolName(pool)}, which is not alive` : 'no pool area'}`);
  if (m.membership === Membership.Observer && !alive)
    out.push(`${name} is an observer of ${pool ? `${poolName(pool)}, which is not alive` : 'no pool area'}`);
  if (m.membership !== Membership.Outside && m.membership !== Membership.Observer && m.membership !== Membership.Member)
    out.push(`${name} has an invalid membership state ${fmt(m.membership)}`);
  if (m.joinAt >= 0 && m.membership === Membership.Member)
    out.push(`${name} is a member with a pending join at ${m.joinAt}`);
  if (m.joinAt >= 0 && !alive) out.push(`${name} has a pending join at ${m.joinAt} to a pool that is not alive`);
  if (m.leaveAt >= 0 && m.membership !== Membership.Member)
    out.push(`${name} is not a member but has a notice running to ${m.leaveAt}`);
  if (m.membership !== Membership.Member) {
    const fte = m.poolFte[0] + m.poolFte[1] + m.poolFte[2];
    if (fte !== 0) out.push(`${name} is not a member but has pool FTE ${fte}`);
    const claim = m.crisisClaim[0] + m.crisisClaim[1] + m.crisisClaim[2];
    if (claim !== 0 && !pool?.recallers.includes(m.idx))
      out.push(`${name} is not a member but claims ${claim} pool FTE in a crisis`);
    if (m.feeCommitment !== 0) out.push(`${name} is not a member but expects to pay fees of ${m.feeCommitment}`);
  }
}

export function checkPool(state: ModelState, pool: Pool, out: string[]): void {
  const name = poolName(pool);
  const n = pool.area.length;
  for (let k = 0; k < n * n; k++) {
    const x = Math.floor(k / n);
    const y = k % n;
    if (x === y) continue;
    const dyad = `${name} trust ${state.municipalities[pool.area[x]]?.code}->${state.municipalities[pool.area[y]]?.code}`;
    if (!isUnit(pool.trust[k])) out.push(`${dyad} is ${fmt(pool.trust[k])}, outside [0, 1]`);
    if (!isUnit(pool.trustPrior[k])) out.push(`${dyad} prior is ${fmt(pool.trustPrior[k])}, outside [0, 1]`);
    if (!(pool.history[k] >= -1 && pool.history[k] <= 1))
      out.push(`${name} history ${pool.area[x]}->${pool.area[y]} is ${fmt(pool.history[k])}, outside [-1, 1]`);
  }
  checkNonNegative(out, `${name} knowledge`, pool.knowledge);
  checkNonNegative(out, `${name} capacity`, pool.capacity);
  checkNonNegative(out, `${name} allocated`, pool.allocated);
  checkNonNegative(out, `${name} unserved`, pool.unserved);
  if (!(pool.otherDomainFte >= -ABS_TOL)) out.push(`${name} otherDomainFte is ${fmt(pool.otherDomainFte)}`);
  if (!(pool.crisisFte >= -ABS_TOL)) out.push(`${name} crisisFte is ${fmt(pool.crisisFte)}`);
  checkVacancies(state, out, name, pool.vacancies);
  for (const [label, window] of [['utilisation', pool.utilisationWindow]] as Array<[string, number[]]>) {
    for (const v of window) {
      if (!(v >= -ABS_TOL && v <= 1 + ABS_TOL)) {
        out.push(`${name} ${label} window holds ${fmt(v)}, outside [0, 1]`);
        break;
      }
    }
  }
  for (const [label, v] of [
    ['incomeFees', pool.incomeFees],
    ['incomeSponsor', pool.incomeSponsor],
    ['incomeOtherDomains', pool.incomeOtherDomains],
    ['costStaff', pool.costStaff],
    ['costOverhead', pool.costOverhead],
    ['fixedFeeTotal', pool.fixedFeeTotal],
    ['usagePrice', pool.usagePrice],
  ] as Array<[string, number]>) {
    if (!(v >= -ABS_TOL)) out.push(`${name} ${label} is ${fmt(v)} (must be >= 0)`);
  }

  if (!pool.exists) {
    const staff = pool.staff[0].length + pool.staff[1].length + pool.staff[2].length;
    if (staff > 0) out.push(`${name} is not alive but has ${staff} staff`);
    const vac = pool.vacancies[0].length + pool.vacancies[1].length + pool.vacancies[2].length;
    if (vac > 0) out.push(`${name} is not alive but has ${vac} open vacancies`);
    return;
  }

  // Money: the reserve is what came in minus what went out.
  const income = pool.incomeFees + pool.incomeSponsor + pool.incomeOtherDomains;
  const cost = pool.costStaff + pool.costOverhead;
  if (!sameMoney(pool.reserve, income - cost, income + cost))
    out.push(
      `${name} reserve ${pool.reserve} != fees ${pool.incomeFees} + sponsor ${pool.incomeSponsor} + other domains ${pool.incomeOtherDomains} - staff ${pool.costStaff} - overhead ${pool.costOverhead} = ${income - cost}`,
    );

  // Allocation within capacity, per role and in total; members' pool FTE adds up to the allocation.
  let allocated = 0;
  let capacity = 0;
  for (let r = 0; r < ROLE_COUNT; r++) {
    allocated += pool.allocated[r];
    capacity += pool.capacity[r];
    if (pool.allocated[r] > pool.capacity[r] + ABS_TOL)
      out.push(`${name} allocated ${pool.allocated[r]} ${ROLE_NAMES[r]} FTE, above its capacity ${pool.capacity[r]}`);
    let given = 0;
    for (const i of pool.area) given += state.municipalities[i].poolFte[r];
    // A member that left this month after the allocation had its share set to 0, so <= rather than ==.
    if (given > pool.allocated[r] + ABS_TOL)
      out.push(`${name} members hold ${given} ${ROLE_NAMES[r]} pool FTE, more than the ${pool.allocated[r]} allocated`);
  }
  const used = allocated + pool.otherDomainFte + pool.crisisFte;
  if (used > capacity + ABS_TOL)
    out.push(
      `${name} uses ${used} FTE (heat ${allocated}, other domains ${pool.otherDomainFte}, crisis ${pool.crisisFte}), above its capacity ${capacity}`,
    );
  let members = 0;
  for (const i of pool.area) if (state.municipalities[i].membership === Membership.Member) members++;
  checkMemberCache(state, pool, out);
  if (members > pool.maxMembers)
    out.push(`${name} has ${members} members, above its recorded maximum ${pool.maxMembers}`);
}

/** A filled member cache lists exactly the current members, in area order, with their total population. */
function checkMemberCache(state: ModelState, pool: Pool, out: string[]): void {
  const cache = pool.memberCache;
  if (!cache) return;
  const actual: Municipality[] = [];
  let population = 0;
  for (const i of pool.area) {
    const m = state.municipalities[i];
    if (m.membership === Membership.Member) {
      actual.push(m);
      population += m.population;
    }
  }
  const same = cache.length === actual.length && cache.every((m, k) => m === actual[k]);
  if (!same)
    out.push(
      `${poolName(pool)} member cache [${cache.map((m) => m.code).join(', ')}] differs from its members [${actual.map((m) => m.code).join(', ')}]`,
    );
  else if (pool.memberPopulation !== population)
    out.push(`${poolName(pool)} cached member population ${pool.memberPopulation} != ${population}`);
}
