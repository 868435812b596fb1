/** The small linear algebra of the perturbation kernel: weighted covariance, Cholesky, Gaussian density. */

/** Weighted mean and covariance (weights normalised here) of points given as rows. */
export function weightedMoments(points: readonly number[][], weights: readonly number[]): { mean: number[]; cov: number[][] } {
  const d = points[0]?.length ?? 0;
  const total = weights.reduce((a, b) => a + b, 0);
  const mean = new Array<number>(d).fill(0);
  for (let i = 0; i < points.length; i++) for (let k = 0; k < d; k++) mean[k] += (weights[i] / total) * points[i][k];
  const cov = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (let i = 0; i < points.length; i++) {
    const w = weights[i] / total;
    for (let a = 0; a < d; a++)
      for (let b = 0; b <= a; b++) cov[a][b] += w * (points[i][a] - mean[a]) * (points[i][b] - mean[b]);
  }
  for (let a = 0; a < d; a++) for (let b = a + 1; b < d; b++) cov[a][b] = cov[b][a];
  return { mean, cov };
}

/**
 * The lower Cholesky factor of a symmetric matrix, or undefined when it is not positive definite.
 * @example cholesky([[4, 2], [2, 2]]) // [[2, 0], [1, 1]]
 */
export function cholesky(m: readonly number[][]): number[][] | undefined {
  const d = m.length;
  const l = Array.from({ length: d }, () => new Array<number>(d).fill(0));
  for (let i = 0; i < d; i++)
    for (let j = 0; j <= i; j++) {
      let s = m[i][j];
      for (let k = 0; k < j; k++) s -= l[i][k] * l[j][k];
      if (i === j) {
        if (!(s > 0)) return undefined;
        l[i][i] = Math.sqrt(s);
      } else l[i][j] = s / l[j][j];
    }
  return l;
}

/** A Gaussian kernel N(0, Σ) through its Cholesky factor: draws and (unnormalised) log densities. */
export interface Kernel {
  chol: number[][];
  /** log of exp(−½ xᵀΣ⁻¹x) for a difference x (the constant cancels in the importance weights). */
  logDensity(x: readonly number[]): number;
}

export function gaussianKernel(chol: number[][]): Kernel {
  const d = chol.length;
  return {
    chol,
    logDensity(x) {
      // Solve L z = x; xᵀΣ⁻¹x = |z|².
      const z = new Array<number>(d);
      let q = 0;
      for (let i = 0; i < d; i++) {
        let s = x[i];
        for (let k = 0; k < i; k++) s -= chol[i][k] * z[k];
        z[i] = s / chol[i][i];
        q += z[i] * z[i];
      }
      return -0.5 * q;
    },
  };
}
