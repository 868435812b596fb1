/**
 * The Sobol index estimators of SALib's `sobol.analyze`, on the rows `idx` of the Saltelli matrices
 * (all rows, or a bootstrap resample). V is the variance of the outputs of A and B together.
 *   first order (Saltelli et al. 2010):  S_j  = mean(f(B)·(f(AB_j) − f(A))) / V
 *   total order (Jansen 1999):           ST_j = mean((f(A) − f(AB_j))²) / (2V)
 *   second order (Saltelli 2002):        S_jl = mean(f(BA_j)·f(AB_l) − f(A)·f(B)) / V − S_j − S_l
 */

/**
 * Population variance of f(A) and f(B) pooled, over the rows idx.
 * @example pooledVariance(Float64Array.of(0, 2), Float64Array.of(0, 2), Int32Array.of(0, 1)) // 1
 */
export function pooledVariance(a: Float64Array, b: Float64Array, idx: Int32Array): number {
  let s = 0;
  let s2 = 0;
  for (let t = 0; t < idx.length; t++) {
    const x = a[idx[t]];
    const z = b[idx[t]];
    s += x + z;
    s2 += x * x + z * z;
  }
  const m = 2 * idx.length;
  const mean = s / m;
  return s2 / m - mean * mean;
}

/**
 * First-order index of one factor (Saltelli et al. 2010).
 * @example firstOrder(a, b, ab[j], idx, pooledVariance(a, b, idx))
 */
export function firstOrder(a: Float64Array, b: Float64Array, abj: Float64Array, idx: Int32Array, v: number): number {
  let s = 0;
  for (let t = 0; t < idx.length; t++) {
    const i = idx[t];
    s += b[i] * (abj[i] - a[i]);
  }
  return s / idx.length / v;
}

/**
 * Total-order index of one factor (Jansen 1999).
 * @example totalOrder(a, abj, idx, pooledVariance(a, b, idx))
 */
export function totalOrder(a: Float64Array, abj: Float64Array, idx: Int32Array, v: number): number {
  let s = 0;
  for (let t = 0; t < idx.length; t++) {
    const i = idx[t];
    s += (a[i] - abj[i]) ** 2;
  }
  return s / idx.length / (2 * v);
}

/**
 * Second-order index of factors j and l, given their first-order indices on the same rows.
 * @example secondOrder(a, b, baj, abl, idx, v, s1j, s1l)
 */
export function secondOrder(
  a: Float64Array,
  b: Float64Array,
  baj: Float64Array,
  abl: Float64Array,
  idx: Int32Array,
  v: number,
  s1j: number,
  s1l: number,
): number {
  let s = 0;
  for (let t = 0; t < idx.length; t++) {
    const i = idx[t];
    s += baj[i] * abl[i] - a[i] * b[i];
  }
  return s / idx.length / v - s1j - s1l;
}
