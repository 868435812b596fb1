/** A number cell of runs.csv or series.csv (workers/format.ts writes NaN as NA and infinities as Inf / -Inf). */
export function parseCell(text: string): number {
  if (text === 'NA' || text === '') return Number.NaN;
  if (text === 'Inf') return Number.POSITIVE_INFINITY;
  if (text === '-Inf') return Number.NEGATIVE_INFINITY;
  return Number(text);
}
