/**
 * Deterministic text for the batch files. Every number goes through one of two formatters, so a
 * value prints the same on any thread, chunk size or completion order, and R and pandas read it:
 * missing values (NaN) are `NA`, infinities `Inf` / `-Inf`.
 */

/** Full precision: the shortest text that reads back to the same double (ECMAScript Number::toString). */
export function formatExact(v: number): string {
  if (Number.isNaN(v)) return 'NA';
  if (v === Number.POSITIVE_INFINITY) return 'Inf';
  if (v === Number.NEGATIVE_INFINITY) return '-Inf';
  return Object.is(v, -0) ? '0' : String(v);
}

/**
 * Series values: six decimals, as in `regiosim run`'s series.csv (whole numbers from 1e9 up, where
 * six decimals would overflow exact doubles). Ten times faster than toPrecision, which matters:
 * formatting is the worker's main cost after the simulation itself.
 */
export function formatCompact(v: number): string {
  if (!Number.isFinite(v)) return formatExact(v);
  return formatExact(Math.abs(v) >= 1e9 ? Math.round(v) : Math.round(v * 1e6) / 1e6);
}

/**
 * One CSV field (RFC 4180): quoted when it holds a comma or quote. Line breaks become spaces first,
 * so every record is exactly one line: resume and `wc -l` can then count runs by lines.
 */
export function csvField(value: string): string {
  const oneLine = value.replace(/[\r\n]+/g, ' ');
  return /[",]/.test(oneLine) ? `"${oneLine.replace(/"/g, '""')}"` : oneLine;
}

/** A sweep value as a cell: numbers exact, booleans and strings as written, lists joined by `;`. */
export function formatValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') return formatExact(value);
  if (Array.isArray(value)) return csvField(value.map(String).join(';'));
  return csvField(String(value));
}
