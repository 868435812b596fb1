/**
 * npm run findings: runs the experiments the findings' claims name (reports/findings/claims.ts),
 * then the contrasts again at both ends of each claim's assumptions, and writes docs/FINDINGS.md
 * with docs/figures/findings-rq*.svg. Same seeds, same results: the document cannot drift from
 * the model.
 *
 *   node dist/scripts/findings.js [--threads N] [--out out/findings] [--reuse] [--replicates N]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CLAIMS } from '../reports/findings/claims.js';
import { findingsDocument } from '../reports/findings/document.js';
import { type BatchResult, batchSeconds, runExperiment } from '../reports/findings/experiments.js';
import { type ClaimNumbers, checkDrivers, claimNumbers, robustnessPlan } from '../reports/findings/robustness.js';
import { packageVersion, projectRoot } from '../store/manifest.js';
import { formatDuration } from '../workers/progress.js';

/** Runs per point: enough for intervals of a few pp on paired shares; the national runs are slow. */
const REPLICATES = { regional: 100, national: 20, robustness: 50 };

async function main(): Promise<void> {
  // node:util parseArgs (strict): an unknown or misspelt option is an error, not silently ignored.
  const { values: args } = parseArgs({
    options: {
      help: { type: 'boolean' },
      threads: { type: 'string' },
      out: { type: 'string' },
      reuse: { type: 'boolean' },
      replicates: { type: 'string' },
    },
  });
  if (args.help) {
    process.stdout.write(
      'node dist/scripts/findings.js [--threads N] [--out out/findings] [--reuse] [--replicates N]\n' +
        'Runs the experiments of the findings and writes docs/FINDINGS.md and docs/figures/findings-rq*.svg.\n' +
        '--replicates N runs every batch with N replicates (a quick trial; the shipped document uses the defaults).\n',
    );
    return;
  }
  const t0 = performance.now();
  const root = projectRoot();
  const threads = Math.max(1, Number(args.threads ?? availableParallelism()));
  const trial = args.replicates === undefined ? undefined : Math.max(2, Number(args.replicates));
  const opts = { outDir: args.out ?? join(root, 'out', 'findings'), threads, reuse: args.reuse === true };
  checkDrivers(CLAIMS);

  const experiments = new Map<string, BatchResult>();
  const numbers = new Map<string, ClaimNumbers>();
  const robustness = { runs: 0, seconds: 0, replicates: trial ?? REPLICATES.robustness };
  for (const name of [...new Set(CLAIMS.map((c) => c.experiment))]) {
    const replicates = trial ?? (name === 'national' ? REPLICATES.national : REPLICATES.regional);
    process.stderr.write(`findings: ${name}\n`);
    const result = await runExperiment(name, replicates, opts);
    experiments.set(name, result);
    const own = CLAIMS.filter((c) => c.experiment === name);
    for (const [id, n] of await claimNumbers(result, own, robustness.replicates, opts)) numbers.set(id, n);
    const extra = robustnessPlan(result, own, robustness.replicates);
    robustness.runs += extra.points.length * robustness.replicates;
    if (extra.points.length > 0) robustness.seconds += batchSeconds(join(opts.outDir, extra.name)) ?? 0;
    process.stderr.write(`findings: ${name}: ${result.runs} runs, ${formatDuration(result.seconds)}\n`);
  }
  const figuresDir = join(root, 'docs', 'figures');
  mkdirSync(figuresDir, { recursive: true });
  const doc = await findingsDocument({
    claims: CLAIMS,
    experiments,
    numbers,
    robustness,
    figuresDir,
    seconds: [...experiments.values()].reduce((a, e) => a + e.seconds, robustness.seconds),
    threads,
    reused: opts.reuse,
    version: packageVersion(),
  });
  writeFileSync(join(root, 'docs', 'FINDINGS.md'), doc);
  process.stdout.write(`findings: wrote docs/FINDINGS.md in ${formatDuration((performance.now() - t0) / 1000)}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
