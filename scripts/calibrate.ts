/**
 * The calibration batch: runs the national baseline and typical RES regions through the batch engine
 * (workers/engine.ts, many replicates on shared seeds) and checks the patterns of MODEL.md section 6
 * against their targets and tolerances; writes docs/CALIBRATION.md and the charts
 * docs/figures/calibration-*.svg (Vega-Lite with the reports' theme and renderer). The patterns, their
 * evaluation, the charts and the document live in reports/calibration/; this is the command line.
 *
 *   npm run calibrate                  (builds, then node dist/scripts/calibrate.js)
 *   node dist/scripts/calibrate.js --replicates 30 --threads 2 --out out/calibration
 *
 * test/calibration.test.ts runs a small version of the same checks (`runCalibration`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { needChart, patternChart, writeChart } from '../reports/calibration/charts.js';
import { bandText, fmt } from '../reports/calibration/format.js';
import { calibrationMarkdown } from '../reports/calibration/markdown.js';
import { NATIONAL_SEED, REGIONAL_SEED } from '../reports/calibration/points.js';
import { runCalibration } from '../reports/calibration/run.js';
import { packageVersion, projectRoot } from '../store/manifest.js';
import { formatDuration } from '../workers/progress.js';

export { consistentWithBand, patternRows, type PatternRow } from '../reports/calibration/pattern-rows.js';
export { KNOWN_FAILING, PATTERNS, type PatternDef } from '../reports/calibration/patterns.js';
export { type CalibrationResult, runCalibration } from '../reports/calibration/run.js';
export { fmt } from '../reports/calibration/format.js';

// ---- command line -----------------------------------------------------------------------------

async function main(): Promise<void> {
  // node:util parseArgs (strict): an unknown or misspelt option is an error, not silently ignored.
  const { values: args } = parseArgs({
    options: {
      help: { type: 'boolean' },
      replicates: { type: 'string' },
      'national-replicates': { type: 'string' },
      threads: { type: 'string' },
      out: { type: 'string' },
    },
  });
  if (args.help) {
    process.stdout.write(
      'node dist/scripts/calibrate.js [--replicates 30] [--national-replicates 30] [--threads N] [--out out/calibration]\n' +
        'Runs the calibration batches and writes docs/CALIBRATION.md and docs/figures/calibration-*.svg.\n',
    );
    return;
  }
  const root = projectRoot();
  const replicates = Number(args.replicates ?? 30);
  const nationalReplicates = Number(args['national-replicates'] ?? 30);
  const threads = args.threads ? Number(args.threads) : undefined;
  const outDir = args.out ?? join(root, 'out', 'calibration');
  const result = await runCalibration({ replicates, nationalReplicates, threads, outDir });
  const figures = join(root, 'docs', 'figures');
  mkdirSync(figures, { recursive: true });
  const source = `Bron: CBS (Gebieden in Nederland 2024), CC BY 4.0 · regiosim ${packageVersion()} · calibration batches: regions ${result.plans.regional.replicates} replicates (master seed ${REGIONAL_SEED}), national ${result.plans.national.replicates} (master seed ${NATIONAL_SEED})`;
  await writeChart('calibration-patterns', patternChart(result, source), figures);
  await writeChart('calibration-need-by-size', needChart(result, source), figures);
  writeFileSync(join(root, 'docs', 'CALIBRATION.md'), calibrationMarkdown(result));
  const failed = result.patterns.filter((r) => !r.pass);
  process.stdout.write(
    `calibrate: ${result.patterns.length - failed.length}/${result.patterns.length} pattern rows pass in ${formatDuration(result.elapsedSeconds)}; wrote docs/CALIBRATION.md and docs/figures/calibration-*.svg\n` +
      failed
        .map(
          (r) =>
            `  fail ${r.def.id} ${r.point}: ${fmt(r.stats.mean, r.def.unit)} not in ${bandText(r.def)}${r.def.deviation ? ' (known deviation)' : ''}\n`,
        )
        .join(''),
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
