/**
 * Global sensitivity analysis of one summary metric (issue 7): Morris elementary effects and
 * Sobol indices with bootstrap intervals, and a convergence check of the Sobol sample. Pure and
 * synchronous; the designs come from scenarios/designs.
 */
export { SensitivityError } from './errors.js';
export { type MorrisFactorEffects, type MorrisLayout, type MorrisOptions, morrisEffects } from './morris-effects.js';
export { normalQuantile, zFor } from './normal-quantile.js';
export { analysisRandom, resampleInto, sampleSd, type Uniform } from './random.js';
export { type SaltelliBlocks, saltelliBlocks } from './saltelli-blocks.js';
export {
  type ConvergenceOptions,
  type ConvergenceReport,
  type ConvergenceStep,
  sobolConvergence,
} from './sobol-convergence.js';
export { firstOrder, pooledVariance, secondOrder, totalOrder } from './sobol-estimators.js';
export {
  type IndexEstimate,
  type SaltelliLayout,
  type SobolFactorIndices,
  type SobolOptions,
  type SobolPairIndex,
  type SobolResult,
  sobolIndices,
} from './sobol-indices.js';
