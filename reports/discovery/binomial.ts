import { gammaln } from 'simple-statistics';

/**
 * P(X ≥ k) for X ~ Binomial(n, p): the one-sided ("greater") binomial test that EMA Workbench uses
 * for PRIM's quasi-p-values. Sums the probabilities in log space, so it holds for large n.
 * @example binomialUpperTail(10, 10, 0.5) // 0.0009765625
 */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) return 1;
  if (k > n) return 0;
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  const logP = Math.log(p);
  const logQ = Math.log1p(-p);
  const logNFact = gammaln(n + 1);
  const terms: number[] = [];
  for (let i = k; i <= n; i++) terms.push(logNFact - gammaln(i + 1) - gammaln(n - i + 1) + i * logP + (n - i) * logQ);
  const top = Math.max(...terms);
  let s = 0;
  for (const t of terms) s += Math.exp(t - top);
  return Math.min(1, Math.exp(top + Math.log(s)));
}
