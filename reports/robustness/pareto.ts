/**
 * The non-dominated (Pareto) set: the policies no other policy beats on every criterion at once.
 * Criteria are costs (lower is better, e.g. the maximum regret per outcome). Policy a dominates b
 * when a is nowhere worse and somewhere better; policies with equal scores do not dominate each
 * other. A policy with a missing score (NaN) neither dominates nor is dominated on that criterion.
 * @example
 * nonDominated([[1, 4], [2, 2], [3, 3]]) // [{dominatedBy: []}, {dominatedBy: []}, {dominatedBy: [1]}]
 */

export interface Domination {
  /** The indices of the policies that dominate this one (empty: it is in the non-dominated set). */
  dominatedBy: number[];
}

/** True when a dominates b on scores to minimise. */
export function dominates(a: readonly number[], b: readonly number[]): boolean {
  let better = false;
  for (let k = 0; k < a.length; k++) {
    if (!Number.isFinite(a[k]) || !Number.isFinite(b[k])) return false;
    if (a[k] > b[k]) return false;
    if (a[k] < b[k]) better = true;
  }
  return better;
}

/** For each policy (a row of scores to minimise), the policies that dominate it. */
export function nonDominated(scores: ReadonlyArray<readonly number[]>): Domination[] {
  return scores.map((b, j) => ({
    dominatedBy: scores.flatMap((a, i) => (i !== j && dominates(a, b) ? [i] : [])),
  }));
}
