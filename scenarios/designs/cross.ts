import { csvText } from './csv.js';
import type { Design } from './design.js';
import { DesignError } from './errors.js';
import type { DesignRow, DesignValue } from './factors.js';

/** One experiment of a policies × futures crossing. */
export interface PolicyFuture {
  /** `<policyId>|<futureId>`. */
  id: string;
  policyId: string;
  futureId: string;
  policyIndex: number;
  futureIndex: number;
  /** The policy's lever settings followed by the future's uncertainty values. */
  values: DesignRow;
}

export interface CrossOptions {
  /** Names of the policies (default policy-0, policy-1, ...). */
  policyIds?: readonly string[];
  /** Names of the futures (default future-0, future-1, ...). */
  futureIds?: readonly string[];
}

/**
 * Every policy (a set of lever settings) in every future (a row of an uncertainty sample): the
 * full factorial combination of EMA Workbench's `perform_experiments(scenarios, policies)`.
 * Policy-major order, so each policy meets the futures in the same order (and, run with the same
 * replicate seeds, policies are compared on common random numbers). Levers and uncertainties stay
 * apart: a name set by both a policy and a future is an error.
 * @example crossPoliciesWithFutures([{ poolForm: 'none' }, { poolForm: 'esc' }], [{ demandIntensity: 1 }]).map((e) => e.id) // ['policy-0|future-0', 'policy-1|future-0']
 */
export function crossPoliciesWithFutures(
  policies: ReadonlyArray<Readonly<DesignRow>>,
  futures: Design | ReadonlyArray<Readonly<DesignRow>>,
  options: CrossOptions = {},
): PolicyFuture[] {
  const futureRows: ReadonlyArray<Readonly<DesignRow>> = 'rows' in futures ? futures.rows : futures;
  const policyIds = ids(options.policyIds, policies.length, 'policy');
  const futureIds = ids(options.futureIds, futureRows.length, 'future');
  const futureNames = new Set(futureRows.flatMap((row) => Object.keys(row)));
  for (const policy of policies)
    for (const name of Object.keys(policy))
      if (futureNames.has(name))
        throw new DesignError(
          `"${name}" is set by a policy and by the futures; a factor is either a lever or an uncertainty`,
        );
  const out: PolicyFuture[] = [];
  policies.forEach((policy, p) => {
    futureRows.forEach((future, f) => {
      out.push({
        id: `${policyIds[p]}|${futureIds[f]}`,
        policyId: policyIds[p],
        futureId: futureIds[f],
        policyIndex: p,
        futureIndex: f,
        values: { ...policy, ...future },
      });
    });
  });
  return out;
}

function ids(given: readonly string[] | undefined, n: number, prefix: string): string[] {
  if (!given) return Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
  if (given.length !== n)
    throw new DesignError(`${given.length} ${prefix} ids for ${n} ${prefix === 'policy' ? 'policies' : 'futures'}`);
  if (new Set(given).size !== n) throw new DesignError(`${prefix} ids must be unique`);
  if (given.some((id) => id.includes('|'))) throw new DesignError(`${prefix} ids may not contain "|"`);
  return [...given];
}

/**
 * A crossing as CSV: `id`, `policy`, `future`, then one column per lever and uncertainty (in
 * first-seen order).
 * @example crossingToCsv(crossPoliciesWithFutures([{ a: 1 }], [{ b: 2 }])) // 'id,policy,future,a,b\npolicy-0|future-0,policy-0,future-0,1,2\n'
 */
export function crossingToCsv(crossing: readonly PolicyFuture[]): string {
  const names: string[] = [];
  const seen = new Set<string>();
  for (const e of crossing)
    for (const name of Object.keys(e.values))
      if (!seen.has(name)) {
        seen.add(name);
        names.push(name);
      }
  const rows = crossing.map((e) => [
    e.id,
    e.policyId,
    e.futureId,
    ...names.map((n): DesignValue | undefined => e.values[n]),
  ]);
  return csvText(['id', 'policy', 'future', ...names], rows);
}
