/**
 * `regiosim calibrate`: runs ABC population Monte Carlo (pmc.ts) with regiosim as the model
 * (model.ts) into an output folder, resumable generation by generation (generation-store.ts), and
 * writes the posterior, the per-generation table, the pattern fit, the charts and a manifest.
 */
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { modelDataFiles } from '../../data/load.js';
import { makeManifest, sha256Text } from '../../store/manifest.js';
import { OutputFolder } from '../../store/output-folder.js';
import { writeAtomic } from '../../store/write.js';
import { WorkerPool } from '../../workers/engine.js';
import { threadCount } from '../../workers/limits.js';
import { ReportError } from '../errors.js';
import { writeCharts } from '../write/charts.js';
import type { CalibrationSpec } from './calibration-file.js';
import { abcCharts } from './charts.js';
import { GENERATIONS_DIR, generationFile, generationJson, readGenerations } from './generation-store.js';
import { regiosimModel } from './model.js';
import { type Generation, type PmcResult, runPmc } from './pmc.js';
import { fitCsv, generationsCsv, parameterSummaries, parametersCsv, patternFits, posteriorCsv } from './tables.js';

/** A problem the user can fix (a folder that holds another calibration, nothing to resume): no stack trace, exit 2. */
export class CalibrateError extends ReportError {}

export const DISTANCE =
  "d = sqrt(mean over patterns of δ²), δ = 0 inside the band [lo, hi], (lo − v)/(hi − lo) below it, (v − hi)/(hi − lo) above it; v = the pattern aggregated over the particle's runs";

export const OUTPUT_FILES = ['posterior.csv', 'parameters.csv', 'generations.csv', 'fit.csv', 'manifest.json'];

export interface CalibrateOptions {
  out: string;
  threads?: number;
  resume: boolean;
  force: boolean;
  /** Where progress goes (stderr), or nothing. */
  log?: (m: string) => void;
  /** Command-line arguments for the manifest. */
  arguments: Record<string, unknown>;
  /** Tests: stop (as if killed) after this many generations of this session. */
  stopAfterGenerations?: number;
}

export interface CalibrateResult extends PmcResult {
  resumedFrom: number;
  out: string;
  finalGeneration: Generation;
  summaries: ReturnType<typeof parameterSummaries>;
  fits: ReturnType<typeof patternFits>;
}

/** What the earlier generations depend on: everything but the stopping rules. */
export function calibrationFingerprint(spec: CalibrationSpec): string {
  const { generations: _g, minAcceptance: _a, minEpsilon: _e, file: _f, files: _fs, ...rest } = spec;
  return sha256Text(
    JSON.stringify({ ...rest, patterns: spec.patterns.map((p) => ({ ...p, value: String(p.value) })) }),
  );
}

class Interrupted extends Error {}

export async function runAbcCalibration(spec: CalibrationSpec, o: CalibrateOptions): Promise<CalibrateResult> {
  const startedAt = new Date();
  const log = o.log ?? (() => {});
  const had = existsSync(join(o.out, GENERATIONS_DIR)) && readdirSync(join(o.out, GENERATIONS_DIR)).length > 0;
  if (o.resume && !had)
    throw new CalibrateError(
      `${o.out}: no finished generation there, so there is no calibration to resume; start it without --resume`,
    );
  if (had && !o.resume && !o.force)
    throw new CalibrateError(
      `${o.out} already holds a calibration: add --resume to continue it, --force to start it over, or choose another --out`,
    );
  const folder = OutputFolder.claim(o.out, 'calibrate', OUTPUT_FILES, `calibrate${o.resume ? ' --resume' : ''}`);
  try {
    if (o.force && !o.resume) {
      // Only what regiosim wrote here: its generation files and batch folders (the folder is ours: claimed above).
      rmSync(join(o.out, GENERATIONS_DIR), { recursive: true, force: true });
      rmSync(join(o.out, 'runs'), { recursive: true, force: true });
    }
    folder.dirPath(GENERATIONS_DIR);
    const runsDir = folder.dirPath('runs');
    const fingerprint = calibrationFingerprint(spec);
    let done: Generation[];
    try {
      done = o.resume ? readGenerations(o.out, fingerprint) : [];
    } catch (e) {
      throw new CalibrateError((e as Error).message);
    }
    if (done.length) log(`calibrate: resuming after generation ${done.length - 1}`);
    const inputFiles = [...spec.files, ...modelDataFiles()];
    // One set of warm workers for every batch of every generation: a fresh worker thread spends
    // about 2 s of CPU warming up, more than a small batch of particles takes (workers/worker-pool.ts).
    const pool = new WorkerPool(threadCount(o.threads).threads);
    const model = regiosimModel(spec, {
      runsDir,
      threads: o.threads,
      pool,
      manifest: { arguments: { command: 'calibrate', ...o.arguments }, inputFiles },
    });
    let finished = 0;
    const names = spec.parameters.map((p) => p.name);
    const result = await runPmc(model, spec, {
      done,
      onBatch: (b) =>
        log(
          `calibrate: generation ${b.generation}, batch ${b.batch}: ${b.size} particles × ${spec.replicates} runs; ${b.accepted}/${spec.particles} accepted${Number.isFinite(b.epsilon) ? ` (ε = ${b.epsilon.toPrecision(3)})` : ''}`,
        ),
      onGeneration: (g) => {
        writeAtomic(folder.path(generationFile(g.index)), generationJson(g, fingerprint));
        log(
          `calibrate: generation ${g.index} done: ε = ${Number.isFinite(g.epsilon) ? g.epsilon.toPrecision(3) : '∞'}, acceptance ${(g.acceptanceRate * 100).toFixed(1)}%, ESS ${g.ess.toFixed(1)} of ${g.particles.length}`,
        );
        finished++;
        if (o.stopAfterGenerations !== undefined && finished >= o.stopAfterGenerations) throw new Interrupted();
      },
    })
      .catch((e) => {
        if (e instanceof Interrupted) return undefined;
        throw e;
      })
      .finally(() => pool.close());
    if (!result) throw new CalibrateError(`stopped after ${finished} generation(s) (test); continue with --resume`);
    const post = result.generations[result.generations.length - 1];
    const prior = result.generations[0];
    const summaries = parameterSummaries(spec.parameters, post);
    const fits = patternFits(spec.patterns, prior, post);
    writeAtomic(folder.path('posterior.csv'), posteriorCsv(names, spec.patterns, post));
    writeAtomic(folder.path('parameters.csv'), parametersCsv(summaries));
    writeAtomic(folder.path('generations.csv'), generationsCsv(result.generations));
    writeAtomic(folder.path('fit.csv'), fitCsv(fits));
    const source = `regiosim calibrate ${spec.name}: scenario ${spec.scenarioRef}, ${spec.particles} particles × ${spec.replicates} runs, seed ${spec.seed}, generation ${post.index}`;
    await writeCharts(abcCharts(names, spec.patterns, prior, post, source), 'charts', () => {}, folder);
    const manifest = makeManifest({
      command: 'calibrate',
      arguments: o.arguments,
      inputFiles,
      seeds: { master: spec.seed },
      startedAt,
      extra: {
        status: 'complete',
        stop: result.stop,
        resumedFrom: done.length,
        method:
          'ABC population Monte Carlo (Beaumont et al. 2009), adaptive tolerance, Gaussian kernel with twice the weighted covariance',
        distance: DISTANCE,
        settings: {
          particles: spec.particles,
          replicates: spec.replicates,
          generations: spec.generations,
          quantile: spec.quantile,
          minAcceptance: spec.minAcceptance,
          minEpsilon: spec.minEpsilon,
          maxSimulations: spec.maxSimulations,
        },
        scenario: spec.scenarioRef,
        parameters: spec.parameters.map((p) => ({ name: p.name, tag: p.tag, prior: p.prior })),
        patterns: spec.patterns.map((p) => ({
          name: p.name,
          description: p.description,
          aggregate: p.aggregate,
          band: [p.lo, p.hi],
        })),
      },
    });
    writeAtomic(folder.path('manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
    return { ...result, resumedFrom: done.length, out: o.out, finalGeneration: post, summaries, fits };
  } finally {
    folder.release();
  }
}
