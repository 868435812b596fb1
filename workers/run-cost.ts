/**
 * The relative cost of a run of a point, for the dry-run estimate and the time left: linear in the
 * months simulated and in the municipalities plus a fixed part (the labour market, the pools) worth
 * about 70 of them, as timed on Drenthe (12 municipalities) against the whole country (342).
 */
export function runCost(input: { horizonMonths: number; municipalities: readonly unknown[] }): number {
  return input.horizonMonths * (70 + input.municipalities.length);
}
