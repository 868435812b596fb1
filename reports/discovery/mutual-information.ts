/**
 * Mutual information, in bits, of two coded variables (codes 0..na−1 and 0..nb−1): how much
 * knowing one tells about the other; 0 when they are independent in the sample.
 * @example mutualInformation(Int32Array.of(0, 0, 1, 1), 2, Int32Array.of(0, 0, 1, 1), 2) // 1
 */
export function mutualInformation(a: Int32Array, na: number, b: Int32Array, nb: number): number {
  const n = a.length;
  if (n === 0) return 0;
  const joint = new Float64Array(na * nb);
  const pa = new Float64Array(na);
  const pb = new Float64Array(nb);
  for (let i = 0; i < n; i++) {
    joint[a[i] * nb + b[i]]++;
    pa[a[i]]++;
    pb[b[i]]++;
  }
  let mi = 0;
  for (let i = 0; i < na; i++)
    for (let j = 0; j < nb; j++) {
      const c = joint[i * nb + j];
      if (c > 0) mi += (c / n) * Math.log2((c * n) / (pa[i] * pb[j]));
    }
  return Math.max(0, mi);
}
