/**
 * Sampling designs for exploratory modelling (issue 7): full factorial, Latin hypercube, Sobol,
 * Saltelli and Morris, over factors taken from the parameter and lever registries, and the
 * crossing of policies (levers) with futures (uncertainties). Pure and synchronous: no I/O.
 */
export { type CrossOptions, crossingToCsv, crossPoliciesWithFutures, type PolicyFuture } from './cross.js';
export { csvField, csvText, designToCsv } from './csv.js';
export { type Design, type DesignMethod, isPowerOfTwo, type MorrisDesign, type SaltelliDesign } from './design.js';
export { DesignError } from './errors.js';
export {
  checkFactors,
  type DesignRow,
  type DesignValue,
  type Factor,
  type FactorKind,
  fromUnit,
  unitToRows,
} from './factors.js';
export { type FullFactorialOptions, fullFactorial } from './full-factorial.js';
export { type LatinHypercubeOptions, latinHypercube, lhsUnit, minimumDistance } from './latin-hypercube.js';
export { type MorrisOptions, morris, morrisTrajectory } from './morris.js';
export { mostDispersedTrajectories, trajectoryDistance } from './morris-select.js';
export { designRandom, permutation, type Uniform } from './random.js';
export {
  IGNORED_COLUMNS,
  IGNORED_PREFIX,
  MAX_POSTERIOR_PROBLEMS,
  PARTICLE_COLUMN,
  type Posterior,
  type PosteriorDesign,
  type PosteriorDesignOptions,
  type PosteriorProblem,
  parsePosteriorCsv,
  posteriorDesign,
  RESAMPLING_SCHEMES,
  type ResamplingScheme,
  resampleIndices,
  WEIGHT_COLUMN,
} from './posterior.js';
export { type FactorRange, factorsFromRegistry } from './registry.js';
export { type SaltelliOptions, saltelli, saltelliRowCount } from './saltelli.js';
export { digitalShift, type SobolSampleOptions, sobolSample } from './sobol-sample.js';
export { type SobolPointsOptions, sobolDirections, sobolPoints } from './sobol-sequence.js';
