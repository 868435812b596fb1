/**
 * regiosim as an ABC model (reports/abc/pmc.ts): each batch of particles is an experiment plan with
 * one point per particle (the calibration's scenario with the particle's parameter values), run on
 * the worker pool by the batch engine into <out>/runs/gen-TT-bBB/. All points of a batch share their
 * replicate seeds (common random numbers: particles are compared on the same noise); each batch has
 * its own master seed, drawn from the calibration seed, the generation and the batch number.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ExperimentPlan } from '../../scenarios/plan.js';
import { runBatch, type WorkerPool } from '../../workers/engine.js';
import { makeProgress } from '../../workers/progress.js';
import { patternValues } from '../calibration/pattern-rows.js';
import { readBatchInfo } from '../read/manifest.js';
import { readRuns } from '../read/runs.js';
import type { CalibrationSpec } from './calibration-file.js';
import { aggregateValues, bandDistance } from './distance.js';
import type { AbcModel, SimulationResult } from './pmc.js';
import { abcRandom } from './random.js';

export interface RegiosimModelOptions {
  /** Folder that receives runs/gen-TT-bBB/ (the calibration's output folder). */
  runsDir: string;
  threads?: number;
  /** The batch's manifest: the command's arguments and the input files. */
  manifest: { arguments: Record<string, unknown>; inputFiles: string[] };
  /** Warm workers shared by all the calibration's batches (left open; the caller closes them). */
  pool?: WorkerPool;
}

/** The master seed of one batch of one generation. */
export function batchSeed(seed: number, generation: number, batch: number): number {
  return Math.floor(abcRandom(seed, `batch-seed:${generation}:${batch}`).uniform() * 2 ** 31);
}

export const batchFolder = (generation: number, batch: number) =>
  `gen-${String(generation).padStart(2, '0')}-b${String(batch).padStart(2, '0')}`;

/** The plan of one batch of particles. */
export function particlePlan(
  spec: CalibrationSpec,
  thetas: number[][],
  generation: number,
  batch: number,
): ExperimentPlan {
  const names = spec.parameters.map((p) => p.name);
  return {
    name: `${spec.name}-${batchFolder(generation, batch)}`,
    description: `Calibration ${spec.name}: generation ${generation}, batch ${batch}, ${thetas.length} particles`,
    baseline: 'p0000',
    masterSeed: batchSeed(spec.seed, generation, batch),
    replicates: spec.replicates,
    points: thetas.map((theta, i) => {
      const values = Object.fromEntries(names.map((n, k) => [n, theta[k]]));
      const id = `p${String(i).padStart(4, '0')}`;
      return {
        id,
        scenario: id,
        sweep: values,
        input: { ...spec.input, parameters: { ...spec.input.parameters, ...values } },
      };
    }),
    sourceFiles: spec.files,
  };
}

/** The aggregated pattern values of each point of a finished batch folder, in point order. */
export function particlePatternValues(spec: CalibrationSpec, dir: string, points: number): number[][] {
  const runs = readRuns(readBatchInfo(dir));
  return Array.from({ length: points }, (_, i) => {
    const m = runs.points[i]?.metrics ?? new Map<string, number[]>();
    return spec.patterns.map((p) => aggregateValues(patternValues(p, m), p.aggregate));
  });
}

export function regiosimModel(spec: CalibrationSpec, o: RegiosimModelOptions): AbcModel {
  return {
    parameters: spec.parameters,
    async simulate(thetas, { generation, batch }): Promise<SimulationResult[]> {
      const plan = particlePlan(spec, thetas, generation, batch);
      const dir = join(o.runsDir, batchFolder(generation, batch));
      // A batch left by a killed calibration is run again whole: its particles are the same.
      rmSync(dir, { recursive: true, force: true });
      const result = await runBatch(plan, {
        outDir: dir,
        threads: o.threads,
        pool: o.pool,
        series: 'none',
        municipalities: 'none',
        progress: makeProgress('quiet'),
        manifest: o.manifest,
      });
      if (result.status !== 'complete')
        throw new Error(`calibration batch ${dir} ended ${result.status}${result.error ? `: ${result.error}` : ''}`);
      return particlePatternValues(spec, dir, thetas.length).map((stats) => ({
        stats,
        distance: bandDistance(stats, spec.patterns),
      }));
    },
  };
}
