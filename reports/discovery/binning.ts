/**
 * Equal-frequency bins of a numeric column: codes 0..bins−1 by rank, equal values always in the
 * same bin; when the column has no more distinct values than bins, one code per value. Returns
 * the codes and how many codes there are.
 * @example quantileBins(Float64Array.of(5, 1, 3, 2), 2) // { codes: Int32Array [1, 0, 1, 0], count: 2 }
 */
export function quantileBins(values: ArrayLike<number>, bins: number): { codes: Int32Array; count: number } {
  const n = values.length;
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((p, q) => values[p] - values[q]);
  const codes = new Int32Array(n);
  let distinct = 0;
  for (let t = 0; t < n; t++) if (t === 0 || values[order[t]] !== values[order[t - 1]]) distinct++;
  if (distinct <= bins) {
    let code = -1;
    for (let t = 0; t < n; t++) {
      if (t === 0 || values[order[t]] !== values[order[t - 1]]) code++;
      codes[order[t]] = code;
    }
    return { codes, count: distinct };
  }
  let code = 0;
  for (let t = 0; t < n; t++) {
    if (t > 0 && values[order[t]] !== values[order[t - 1]]) code = Math.floor((t * bins) / n);
    codes[order[t]] = code;
  }
  // Renumber so that the codes in use are 0..count−1 (ties can leave a bin empty).
  const used = [...new Set(codes)].sort((p, q) => p - q);
  const remap = new Map(used.map((c, i) => [c, i]));
  for (let i = 0; i < n; i++) codes[i] = remap.get(codes[i]) as number;
  return { codes, count: used.length };
}
