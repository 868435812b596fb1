/** The model's public API: one pure entry point, its input and output types, and the registries. */
export { LEVERS, type Levers, defaultLevers } from './levers.js';
export {
  type HistoryOverride,
  type ModelInput,
  ModelInputError,
  type PoolArea,
  checkModelInput,
  resolveLevers,
  resolveParameters,
} from './model-input.js';
export { MUNICIPALITY_SERIES, REGION_SERIES, SIZE_CLASS_SERIES } from './outputs.js';
export { PARAMETERS, type Parameters, SCARCITY_LEVELS, defaultParameters } from './parameters.js';
export type { AdjacencyLink, MunicipalityData, NationalData, ResRegionData } from './region-data.js';
export { type RunResult, type SimulateOptions, simulate } from './simulate.js';
export { SUMMARY_METRICS, type RunSummary } from './summary.js';
