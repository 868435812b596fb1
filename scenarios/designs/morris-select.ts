/**
 * The indices of the r most spread-out trajectories among the candidates (Campolongo, Cariboni &
 * Saltelli 2007). The distance of two trajectories is the sum of the Euclidean distances between
 * all pairs of their points; Campolongo keeps the r trajectories that maximise the root of the
 * sum of squared pairwise distances. Trying every combination is infeasible beyond small cases,
 * so this drops, one at a time, the trajectory that adds least to that sum (a greedy search in
 * the spirit of Ruano et al. 2012). Cost: O(M² (k+1)² k) for M candidates.
 * @example mostDispersedTrajectories([[[0]], [[0.1]], [[1]]], 2) // [0, 2]
 */
export function mostDispersedTrajectories(
  candidates: readonly (readonly (readonly number[])[])[],
  r: number,
): number[] {
  const m = candidates.length;
  if (r >= m) return candidates.map((_, i) => i);
  const d2 = Array.from({ length: m }, () => new Float64Array(m));
  for (let a = 0; a < m; a++)
    for (let b = a + 1; b < m; b++) {
      const d = trajectoryDistance(candidates[a], candidates[b]);
      d2[a][b] = d * d;
      d2[b][a] = d * d;
    }
  const alive = new Array<boolean>(m).fill(true);
  const contribution = d2.map((row) => row.reduce((s, x) => s + x, 0));
  for (let left = m; left > r; left--) {
    let worst = -1;
    for (let i = 0; i < m; i++) if (alive[i] && (worst < 0 || contribution[i] < contribution[worst])) worst = i;
    alive[worst] = false;
    for (let i = 0; i < m; i++) if (alive[i]) contribution[i] -= d2[i][worst];
  }
  return alive.flatMap((on, i) => (on ? [i] : []));
}

/**
 * Campolongo's distance between two trajectories: the sum over all pairs of points of their
 * Euclidean distance.
 * @example trajectoryDistance([[0, 0]], [[3, 4]]) // 5
 */
export function trajectoryDistance(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): number {
  let total = 0;
  for (const p of a)
    for (const q of b) {
      let s = 0;
      for (let j = 0; j < p.length; j++) s += (p[j] - q[j]) ** 2;
      total += Math.sqrt(s);
    }
  return total;
}
