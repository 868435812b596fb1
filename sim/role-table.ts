import { ROLE_COUNT } from './state.js';

/**
 * The municipalities' per-role numbers in one flat array per field, at [idx * ROLE_COUNT + role]
 * (struct of arrays). Each municipality's own per-role arrays (m.demand, m.knowledge, ...) are
 * views into these, so code that reads one municipality keeps its m.demand[r] while the monthly
 * loops over all municipalities read the flat arrays: one dense array per field instead of a
 * pointer chase from every municipality object to its own small array.
 * @example
 * const table = makeRoleTable(12);
 * table.demand[5 * ROLE_COUNT + L]; // municipality 5's demand for local staff
 */
export interface RoleTable {
  /** Own staff in post (headcount), kept equal to m.staff[role].length by init and hire/detach. */
  staffCount: Int32Array;
  demand: Float64Array;
  knowledge: Float64Array;
  ownFte: Float64Array;
  ownEffectiveFte: Float64Array;
  poolFte: Float64Array;
  consultantFte: Float64Array;
  crisisClaim: Float64Array;
  workOwn: Float64Array;
  workPool: Float64Array;
  workConsultants: Float64Array;
  overload: Float64Array;
  shortfall: Float64Array;
  requested: Float64Array;
}

/** The per-role fields of RoleTable that municipalities see as views (all but staffCount). */
export const ROLE_VIEW_FIELDS = [
  'demand',
  'knowledge',
  'ownFte',
  'ownEffectiveFte',
  'poolFte',
  'consultantFte',
  'crisisClaim',
  'workOwn',
  'workPool',
  'workConsultants',
  'overload',
  'shortfall',
  'requested',
] as const satisfies ReadonlyArray<keyof RoleTable>;
export type RoleViewField = (typeof ROLE_VIEW_FIELDS)[number];

/** A table of zeros for n municipalities. */
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
