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
 * six decimals would overflow exact doubles). The text is String(Math.round(v * 1e6) / 1e6), built
 * from whole micro-units: a decimal of at most 15 significant digits is the shortest text of the
 * double nearest it, so the digits are the same, and V8's general double-to-text (the worker's
 * main cost after the simulation itself) is left out.
 */
export function formatCompact(v: number): string {
  if (!Number.isFinite(v)) return formatExact(v);
  if (Math.abs(v) >= 1e9) return formatExact(Math.round(v));
  const micro = Math.round(v * 1e6);
  if (micro === 0) return '0';
  const abs = micro < 0 ? -micro : micro;
  const whole = Math.floor(abs / 1e6);
  const fraction = abs - whole * 1e6;
  const sign = micro < 0 ? '-' : '';
  if (fraction === 0) return `${sign}${whole}`;
  // Six digits with leading zeros, then without trailing ones.
  const digits = String(fraction + 1e6);
  let end = 7;
  while (digits.charCodeAt(end - 1) === 48) end--;
  return `${sign}${whole}.${digits.slice(1, end)}`;
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
