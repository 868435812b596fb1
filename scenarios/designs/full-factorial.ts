import type { Design } from './design.js';
import { DesignError } from './errors.js';
import { checkFactors, type DesignRow, type Factor, fromUnit } from './factors.js';

export interface FullFactorialOptions {
  /** Levels per numeric factor: one number for all, or per factor name (default 3). Choices use all their values. */
  levels?: number | Readonly<Record<string, number>>;
}

/**
 * Every combination of the factors' levels (the first factor varies slowest). A real factor takes
 * `levels` evenly spaced values from min to max; an integer factor the same, rounded down to its
 * cells (all whole numbers when there are fewer than the levels); a choice all its values.
 * @example fullFactorial([{ name: 'x', kind: 'real', min: 0, max: 1 }, { name: 'c', kind: 'choice', values: ['a', 'b'] }], { levels: 2 }).rows.length // 4
 */
export function fullFactorial(factors: readonly Factor[], options: FullFactorialOptions = {}): Design {
  checkFactors(factors);
  const axes = factors.map((f) => axis(f, levelsOf(f, options.levels)));
  const count = axes.reduce((n, a) => n * a.length, 1);
  if (count > 10_000_000) throw new DesignError(`the full factorial has ${count} rows; allowed: at most 10,000,000`);
  const unit: number[][] = [];
  const rows: DesignRow[] = [];
  const index = new Array(factors.length).fill(0);
  for (let r = 0; r < count; r++) {
    const row: DesignRow = {};
    const u: number[] = [];
    factors.forEach((f, j) => {
      const level = axes[j][index[j]];
      u.push(level.u);
      row[f.name] = level.value;
    });
    unit.push(u);
    rows.push(row);
    for (let j = factors.length - 1; j >= 0; j--) {
      index[j]++;
      if (index[j] < axes[j].length) break;
      index[j] = 0;
    }
  }
  return { method: 'full-factorial', factors: [...factors], seed: null, unit, rows, notes: [] };
}

function levelsOf(f: Factor, levels: FullFactorialOptions['levels']): number {
  const n = typeof levels === 'number' ? levels : (levels?.[f.name] ?? 3);
  if (!Number.isInteger(n) || n < 1)
    throw new DesignError(`factor "${f.name}": ${n} levels; allowed: a whole number ≥ 1`);
  return n;
}

function axis(f: Factor, levels: number): Array<{ u: number; value: DesignRow[string] }> {
  if (f.kind === 'choice') {
    const values = f.values ?? [];
    return values.map((value, i) => ({ u: values.length === 1 ? 0.5 : i / (values.length - 1), value }));
  }
  if (levels === 1) return [{ u: 0.5, value: fromUnit(f, 0.5) }];
  const out: Array<{ u: number; value: DesignRow[string] }> = [];
  const seen = new Set<DesignRow[string]>();
  for (let i = 0; i < levels; i++) {
    const u = i / (levels - 1);
    const value = fromUnit(f, u);
    if (!seen.has(value)) {
      seen.add(value);
      out.push({ u, value });
    }
  }
  return out;
}
