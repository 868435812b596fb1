/**
 * Some hot monthly functions keep their work arrays between calls instead of allocating them
 * every month, which keeps the garbage collector out of the run. This is safe because a run is
 * synchronous and each worker thread has its own copy of the modules: a function only reads the
 * entries it wrote during the same call.
 */

/** New size for a work array of `size` entries that must hold n: at least double, so growth is rare. */
export function grownSize(size: number, n: number): number {
  return Math.max(n, 2 * size);
}

/** Zeroes a per-role array: inline stores, where TypedArray fill() is a builtin call (costly for three entries). */
export function zeroRoles(a: Float64Array): void {
  a[0] = 0;
  a[1] = 0;
  a[2] = 0;
}

/** Zeroes the first n entries (fill(0, 0, n) without the builtin call). */
export function zeroFirst(a: Float64Array, n: number): void {
  for (let k = 0; k < n; k++) a[k] = 0;
}

/** Removes and returns list[at], keeping the order (splice(k, 1) without allocating the removed part). */
export function removeAt<T>(list: T[], at: number): T {
  // A negative index counts from the end, as in splice (indexOf's -1 is the last element).
  const k = at < 0 ? Math.max(0, list.length + at) : at;
  const item = list[k];
  if (k >= list.length) return item;
  for (let j = k + 1; j < list.length; j++) list[j - 1] = list[j];
  list.length--;
  return item;
}

/**
 * removeAt for lists of whole numbers (vacancy months, quarrel indices), for 0 <= k < length. A
 * function of its own on purpose: V8 learns element kinds per function, and the shared removeAt,
 * which also moves workers, turned these lists into object lists at their first removal, so their
 * shape changed part way through a batch and the code reading them was compiled again.
 */
export function removeNumberAt(list: number[], k: number): number {
  const item = list[k];
  for (let j = k + 1; j < list.length; j++) list[j - 1] = list[j];
  list.length--;
  return item;
}
