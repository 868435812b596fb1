/**
 * Values the monthly code needs again and again, worked out once: logs and exponentials of staff
 * counts, and each municipality's log wage index. Each entry is the very expression the model
 * used to evaluate in place, so results stay bit for bit the same.
 */
import { exp, log } from './math/index.js';
import type { Parameters } from './parameters.js';

/** Counts below this come from the tables; larger ones are computed as before. */
export const COUNT_TABLE_SIZE = 128;

/** log(1 + n) for whole n. */
const logOnePlusTable = new Float64Array(COUNT_TABLE_SIZE);
for (let n = 0; n < COUNT_TABLE_SIZE; n++) logOnePlusTable[n] = log(1 + n);

/** log(1 + n) for a whole n ≥ 0. */
export function logOnePlus(n: number): number {
  return n < COUNT_TABLE_SIZE ? logOnePlusTable[n] : log(1 + n);
}

export interface RunTables {
  /** specialismCoverage(p, n) by team size n. */
  coverage: Float64Array;
  /** exp(-n / p.breadthStaffScale) by heat staff n (jobUtility's breadth term). */
  breadth: Float64Array;
  /** log(m.wageIndex) by municipality index. */
  logWage: Float64Array;
  /** log of the pool's, the consultancy's and the outside option's wage index (job search, every month). */
  logPoolWage: number;
  logConsultancyWage: number;
  logOutsideWage: number;
}

/** The tables of one run (parameters and wage indices are fixed for a run). */
export function runTables(
  p: Parameters,
  municipalities: ReadonlyArray<{ wageIndex: number }>,
  coverageOf: (p: Parameters, n: number) => number,
): RunTables {
  const coverage = new Float64Array(COUNT_TABLE_SIZE);
  const breadth = new Float64Array(COUNT_TABLE_SIZE);
  for (let n = 0; n < COUNT_TABLE_SIZE; n++) {
    coverage[n] = coverageOf(p, n);
    breadth[n] = exp(-n / p.breadthStaffScale);
  }
  const logWage = new Float64Array(municipalities.length);
  for (let i = 0; i < municipalities.length; i++) logWage[i] = log(municipalities[i].wageIndex);
  return {
    coverage,
    breadth,
    logWage,
    logPoolWage: log(p.poolWageIndex),
    logConsultancyWage: log(p.consultancyWageIndex),
    logOutsideWage: log(p.outsideWageIndex),
  };
}
