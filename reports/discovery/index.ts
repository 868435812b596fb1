/**
 * Scenario discovery (issue 7): PRIM boxes of the input space where an outcome of interest
 * happens, with the whole peeling trajectory, and a simple feature scoring of which inputs matter
 * most. Pure and synchronous.
 */

export { quantileBins } from './binning.js';
export { binomialUpperTail } from './binomial.js';
export { type InputKind, type InputSpec, type InputValue, inferInputs } from './columns.js';
export { DiscoveryError } from './errors.js';
export { type FeatureScore, type FeatureScoreOptions, featureScores } from './feature-scores.js';
export { mutualInformation } from './mutual-information.js';
export { binaryOutcome, type OutcomeTest, outcomeOfInterest } from './outcome.js';
export { type PrimOptions, type PrimResult, type PrimStep, prim, type RestrictedLimit, selectBox } from './prim.js';
export type { BoxLimit } from './prim-box.js';
