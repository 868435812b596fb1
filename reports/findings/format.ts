/**
 * Numbers and words for the findings document: shares as percentages, differences in percentage
 * points, intervals in brackets.
 * @example dShare({ mean: 0.015, ciLow: 0.007, ciHigh: 0.022 }) // "+1.5 pp [+0.7, +2.2]"
 */
export type Stat = { mean: number; ciLow: number; ciHigh: number };

const finite = (x: number) => Number.isFinite(x);
/** A share as a percentage: 0.2713 → "27.1%". */
export const pct = (x: number, digits = 1) => (finite(x) ? `${(x * 100).toFixed(digits)}%` : '–');
/** A difference of shares in percentage points: 0.0153 → "+1.5 pp". */
export const pp = (x: number, digits = 1) =>
  finite(x) ? `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(digits)} pp` : '–';
export const num = (x: number, digits = 0) =>
  finite(x) ? x.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : '–';
const signed = (x: number, digits = 0) => (finite(x) ? `${x >= 0 ? '+' : '−'}${num(Math.abs(x), digits)}` : '–');

export function dShare(d: Stat): string {
  return `${pp(d.mean)} [${pp(d.ciLow).replace(' pp', '')}, ${pp(d.ciHigh).replace(' pp', '')}]`;
}
export function dNum(d: Stat, digits = 0, unit = ''): string {
  return `${signed(d.mean, digits)}${unit} [${signed(d.ciLow, digits)}, ${signed(d.ciHigh, digits)}]`;
}
export function mShare(s: Stat): string {
  return `${pct(s.mean)} [${pct(s.ciLow).replace('%', '')}, ${pct(s.ciHigh)}]`;
}
export function mNum(s: Stat, digits = 0, unit = ''): string {
  return `${num(s.mean, digits)}${unit} [${num(s.ciLow, digits)}, ${num(s.ciHigh, digits)}]`;
}
/** The 95% interval excludes zero. */
export const sig = (d: Stat) => finite(d.ciLow) && (d.ciLow > 0 || d.ciHigh < 0);
