/**
 * The relative cost of a run of a point, for the dry-run estimate and the time left: linear in the
 * months simulated and in the municipalities plus a fixed part (the labour market, the pools) worth
 * about 70 of them, as timed on Drenthe (12 municipalities) against the whole country (342).
 */
export function runCost(input: { horizonMonths: number; municipalities: readonly unknown[] }): number {
  return input.horizonMonths * (70 + input.municipalities.length);
}

/**
 * The workers' recent pace, ms per unit of run cost: the median of the last few tasks. Recent,
 * because a worker's runs get faster for a while as V8 warms up; a median, because single runs
 * jump (seeds differ, and other work on the machine takes the cores now and then).
 */
export class Pace {
  private readonly last: number[] = [];

  record(msPerUnit: number): void {
    if (!Number.isFinite(msPerUnit)) return;
    this.last.push(msPerUnit);
    if (this.last.length > 3) this.last.shift();
  }

  get ms(): number {
    if (this.last.length === 0) return Number.NaN;
    const sorted = [...this.last].sort((a, b) => a - b);
    return sorted[sorted.length >> 1];
  }
}
