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
