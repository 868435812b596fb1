/** Making the role table (RoleTable in state.ts) and the municipalities' views into it. */
import { ROLE_COUNT, type RoleTable } from './state.js';

/** The per-role fields of RoleTable that municipalities see as views (all but staffCount). */
export type RoleViewField = Exclude<keyof RoleTable, 'staffCount'>;

/**
 * A table of zeros for n municipalities (see RoleTable in state.ts).
 * @example
 * const table = makeRoleTable(12);
 * table.demand[5 * ROLE_COUNT + L]; // municipality 5's demand for local staff
 */
export function makeRoleTable(n: number): RoleTable {
  const size = n * ROLE_COUNT;
  return {
    staffCount: new Int32Array(size),
    demand: new Float64Array(size),
    knowledge: new Float64Array(size),
    ownFte: new Float64Array(size),
    ownEffectiveFte: new Float64Array(size),
    poolFte: new Float64Array(size),
    consultantFte: new Float64Array(size),
    crisisClaim: new Float64Array(size),
    workOwn: new Float64Array(size),
    workPool: new Float64Array(size),
    workConsultants: new Float64Array(size),
    overload: new Float64Array(size),
    shortfall: new Float64Array(size),
    requested: new Float64Array(size),
  };
}

/** Municipality idx's view of one field: its ROLE_COUNT entries. */
export function roleView(table: RoleTable, field: RoleViewField, idx: number): Float64Array {
  return table[field].subarray(idx * ROLE_COUNT, (idx + 1) * ROLE_COUNT);
}
