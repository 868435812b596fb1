/**
 * `regiosim calibrate <calibration-file>`: approximate Bayesian computation (ABC population Monte
 * Carlo) of chosen parameters against target patterns, on the worker pool, resumable with --resume.
 * The work is in reports/abc/; docs/HOWTO-calibration.md explains the file and the output.
 */
import { join } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { loadNationalData } from '../data/load.js';
import { loadCalibrationFile } from '../reports/abc/calibration-file.js';
import { runAbcCalibration } from '../reports/abc/run.js';
import { checkFonts } from '../reports/render/render.js';
import { formatIssue, ScenarioError } from '../scenarios/issues.js';
import { shownPath } from '../workers/command-line.js';
import { formatDuration } from '../workers/progress.js';
import { COMMANDS } from './command-list.js';

export interface CalibrateArgs {
  file: string;
  out?: string;
  threads?: number;
  resume: boolean;
  force: boolean;
  quiet: boolean;
}

const n3 = (x: number) => (Number.isFinite(x) ? String(Number(x.toPrecision(3))) : 'NA');

/** Runs the command; returns the exit code (0 done, 2 a problem with the file or the folder). */
export async function calibrateCommand(args: CalibrateArgs): Promise<number> {
  const t0 = performance.now();
  let spec: ReturnType<typeof loadCalibrationFile>;
  try {
    spec = loadCalibrationFile(args.file, loadNationalData());
  } catch (e) {
    if (!(e instanceof ScenarioError)) throw e;
    process.stderr.write(
      `regiosim calibrate: invalid calibration file\n${e.issues.map((i) => `  ${formatIssue(i)}`).join('\n')}\n`,
    );
    return 2;
  }
  checkFonts();
  const out = args.out ?? join('out', 'calibrate', spec.name);
  const log = args.quiet ? undefined : (m: string) => process.stderr.write(`${m}\n`);
  const r = await runAbcCalibration(spec, {
    out,
    threads: args.threads,
    resume: args.resume,
    force: args.force,
    log,
    arguments: { file: args.file, out, threads: args.threads, resume: args.resume, force: args.force },
  });
  const g = r.finalGeneration;
  const stop = {
    generations: `${spec.generations} generations`,
    acceptance: `acceptance below ${spec.minAcceptance}`,
    epsilon: `ε at or below ${spec.minEpsilon}`,
    simulations: `generation ${g.index + 1} would need more than ${spec.maxSimulations} simulations`,
  }[r.stop];
  process.stdout.write(
    `${[
      `regiosim calibrate: ${spec.name}: generation ${g.index} (stopped: ${stop}), ε = ${n3(g.epsilon)}, ESS ${g.ess.toFixed(1)} of ${g.particles.length}, ${formatDuration((performance.now() - t0) / 1000)}`,
      ...r.summaries.map(
        (s) =>
          `  ${s.name}: median ${n3(s.q50)}, 90% interval ${n3(s.q05)} to ${n3(s.q95)} (prior ${s.lower} to ${s.upper})`,
      ),
      ...r.fits.map(
        (f) =>
          `  pattern ${f.name}: ${(f.inBand * 100).toFixed(0)}% of the posterior inside [${f.lo}, ${f.hi}] (prior ${(f.priorInBand * 100).toFixed(0)}%)`,
      ),
      `  wrote ${shownPath(out)}/ posterior.csv, parameters.csv, generations.csv, fit.csv, charts/, manifest.json`,
    ].join('\n')}\n`,
  );
  return 0;
}

/** The yargs definition of `regiosim calibrate`, registered in cli/regiosim.ts. */
export const calibrateCommandModule: CommandModule = {
  ...COMMANDS.calibrate,
  builder: (y: Argv) =>
    y
      .positional('file', {
        type: 'string',
        describe:
          'a calibration file (YAML), or a shipped one by name, e.g. drenthe (scenarios/calibrations/drenthe.yaml)',
      })
      .option('out', { type: 'string', describe: 'output folder (default: out/calibrate/<name>)' })
      .option('threads', {
        type: 'number',
        describe: 'worker threads (default: all cores); the result does not depend on it',
      })
      .option('resume', {
        type: 'boolean',
        default: false,
        describe: 'continue after the last finished generation in --out',
      })
      .option('force', { type: 'boolean', default: false, describe: 'start over in an --out that holds a calibration' })
      .option('quiet', { type: 'boolean', default: false, describe: 'no progress on stderr' })
      .example('$0 calibrate scenarios/calibrations/drenthe.yaml --threads 2', 'the shipped example (a few minutes)'),
  handler: async (raw) => {
    const a = raw as unknown as CalibrateArgs;
    process.exitCode = await calibrateCommand(a);
  },
};
