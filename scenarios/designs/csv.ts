import type { Design } from './design.js';
import type { DesignValue } from './factors.js';

/**
 * One CSV field (RFC 4180): numbers at full precision, text quoted when it holds a comma, quote
 * or line break; empty for undefined.
 * @example csvField('a, b') // '"a, b"'
 */
export function csvField(value: DesignValue | undefined): string {
  if (value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * CSV text from a header and rows of fields, with a final line break.
 * @example csvText(['a', 'b'], [[1, 'x']]) // 'a,b\n1,x\n'
 */
export function csvText(header: readonly string[], rows: readonly (readonly (DesignValue | undefined)[])[]): string {
  const lines = [header.map(csvField).join(',')];
  for (const row of rows) lines.push(row.map(csvField).join(','));
  return `${lines.join('\n')}\n`;
}

/**
 * A design as CSV: a `row` number, the method's bookkeeping columns (Saltelli: `base` and
 * `matrix` = A, AB:<factor>, BA:<factor> or B; Morris: `trajectory` and `step`; posterior: the
 * `particle` of posterior.csv each row was resampled from), then one column
 * per factor with its values.
 * @example designToCsv(fullFactorial([{ name: 'x', kind: 'real', min: 0, max: 1 }], { levels: 2 })) // 'row,x\n0,0\n1,1\n'
 */
export function designToCsv(design: Design): string {
  const names = design.factors.map((f) => f.name);
  const k = names.length;
  let extra: string[] = [];
  let bookkeeping: (row: number) => DesignValue[] = () => [];
  if (design.method === 'saltelli' && 'secondOrder' in design) {
    const secondOrder = design.secondOrder === true;
    const step = secondOrder ? 2 * k + 2 : k + 2;
    extra = ['base', 'matrix'];
    bookkeeping = (row) => {
      const within = row % step;
      const matrix =
        within === 0
          ? 'A'
          : within === step - 1
            ? 'B'
            : within <= k
              ? `AB:${names[within - 1]}`
              : `BA:${names[within - k - 1]}`;
      return [Math.floor(row / step), matrix];
    };
  } else if (design.method === 'posterior' && 'particles' in design) {
    const particles = design.particles as readonly number[];
    extra = ['particle'];
    bookkeeping = (row) => [particles[row]];
  } else if (design.method === 'morris') {
    extra = ['trajectory', 'step'];
    bookkeeping = (row) => [Math.floor(row / (k + 1)), row % (k + 1)];
  }
  const rows = design.rows.map((r, i) => [i, ...bookkeeping(i), ...names.map((n) => r[n])]);
  return csvText(['row', ...extra, ...names], rows);
}
