/** Number formats of the document and the CSV files: fixed significant digits, so output is stable. */
import type { Contrast } from './compare.js';

/** Three significant digits for the document; NA when undefined. */
export function num(x: number): string {
  if (!Number.isFinite(x)) return 'NA';
  if (x === 0) return '0';
  return String(Number(x.toPrecision(Math.abs(x) >= 1000 ? 4 : 3)));
}

/** Six significant digits for the CSV files; empty when undefined. */
export function csvNum(x: number): string {
  return Number.isFinite(x) ? String(Number(x.toPrecision(6))) : '';
}

/** "−0.3 [−0.49, −0.11]". */
export function effect(c: Contrast): string {
  if (c.pairs === 0) return 'NA';
  return `${num(c.mean)} [${num(c.ciLow)}, ${num(c.ciHigh)}]`;
}

/** A CSV field, quoted when it holds a comma, quote or newline. */
export function csvField(value: string | number | boolean | undefined): string {
  const s = value === undefined ? '' : String(value);
  return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export function csv(
  header: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number | boolean | undefined>>,
): string {
  return `${[header, ...rows].map((r) => r.map(csvField).join(',')).join('\n')}\n`;
}

/** A markdown table cell: pipes escaped, newlines flattened. */
export const cell = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', ' ');

export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const line = (r: readonly string[]) => `| ${r.map(cell).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}
