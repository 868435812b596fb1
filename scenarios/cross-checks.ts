/**
 * Checks across fields that neither the schema nor the model's own check can see, run on every
 * scenario and sweep point a file makes: values that are each in range but together ask for
 * something the model would quietly not do. Design points are left to the model's check: a design
 * samples a lever's whole range on purpose (initialStaff 0 to 100 whatever maxStaff is).
 */
import { checkModelInput, type InputIssue, type ModelInput, ModelInputError } from '../sim/model-input.js';

/** The model's check, then the cross-field checks below; throws one ModelInputError with all problems. */
export function checkInput(input: ModelInput): void {
  const issues: InputIssue[] = [];
  try {
    checkModelInput(input);
  } catch (e) {
    if (!(e instanceof ModelInputError)) throw e;
    issues.push(...e.issues);
  }
  issues.push(...crossIssues(input));
  if (issues.length) throw new ModelInputError(issues);
}

export function crossIssues(input: ModelInput): InputIssue[] {
  const issues: InputIssue[] = [];
  const lv = input.levers;
  const refusers = new Set(input.refusers);
  const pooled = lv.poolForm !== 'none';
  // A small start takes founderCount founders from one pool area: more than any area has is a mistake.
  if (pooled && lv.startMode === 'small' && lv.founders.length === 0 && input.poolAreas.length > 0) {
    const sizes = input.poolAreas.map((a) => ({ a, n: a.memberCodes.filter((c) => !refusers.has(c)).length }));
    const largest = sizes.reduce((x, y) => (y.n > x.n ? y : x));
    if (lv.founderCount > largest.n) {
      const where = sizes.length === 1 ? `the region (${largest.a.name})` : `the largest pool area (${largest.a.name})`;
      const without = refusers.size ? ' that are not refusers' : '';
      issues.push({
        path: 'levers.founderCount',
        near: refusers.size ? 'refusers' : 'region',
        value: lv.founderCount,
        message: `${lv.founderCount} founders is more than the ${largest.n} municipalities${without} of ${where}; allowed: ${largest.n === 0 ? 'a region with municipalities that are not refusers' : `1 to ${largest.n}`}`,
      });
    }
  }
  if (pooled && lv.initialStaff > lv.maxStaff)
    issues.push({
      path: 'levers.initialStaff',
      near: 'levers.maxStaff',
      value: lv.initialStaff,
      message: `${lv.initialStaff} initial staff is above levers.maxStaff ${lv.maxStaff}, the most pool staff; allowed: 0 to ${lv.maxStaff}`,
    });
  if (pooled && lv.formationMonth >= input.horizonMonths)
    issues.push({
      path: 'levers.formationMonth',
      near: 'horizon',
      value: lv.formationMonth,
      message: `month ${lv.formationMonth} is not within the ${input.horizonMonths}-month horizon, so no pool would ever form; allowed: 0 to ${input.horizonMonths - 1}`,
    });
  return issues;
}
