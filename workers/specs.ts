/**
 * Run specs computed on demand, in exactly the order of scenarios/plan.ts `runSpecs` (points ×
 * replicates, replicate-major within a point; test/batch-specs checks they agree), so a batch of
 * 100,000 runs never holds 100,000 spec objects: memory stays flat.
 */
import { type ExperimentPlan, type RunSpec, replicateSeed } from '../scenarios/plan.js';

export interface BatchSpecs {
  total: number;
  /** The spec of run `index`, with its point's position in plan.points. */
  at(index: number): RunSpec & { point: number };
}

export function batchSpecs(plan: ExperimentPlan): BatchSpecs {
  const seeds = Array.from({ length: plan.replicates }, (_, r) => replicateSeed(plan.masterSeed, r));
  return {
    total: plan.points.length * plan.replicates,
    at(index) {
      const point = Math.floor(index / plan.replicates);
      const replicate = index % plan.replicates;
      return { index, point, pointId: plan.points[point].id, replicate, seed: seeds[replicate] };
    },
  };
}
