/**
 * The mechanism screen: writes docs/MECHANISMS.md and docs/mechanisms/*.csv from (a) the paired
 * mechanism experiments (scenarios/experiments/mechanism-*.yaml) and (b) a one-at-a-time screen of
 * every registry parameter and lever on two base scenarios. The work is in reports/mechanisms/.
 *
 *   npm run mechanisms                       (builds, then node dist/scripts/mechanisms.js)
 *   npm run mechanisms -- --seeds 4          (a quick check)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { gitCommit, projectRoot } from '../store/manifest.js';
import { loadNationalData } from '../data/load.js';
import { ownOutcomeOf, readKeptInert, readOutcomeMap } from '../reports/mechanisms/config.js';
import { contextsByFactor, readContexts } from '../reports/mechanisms/contexts.js';
import {
  experimentCells,
  experimentSeeds,
  type MechanismRow,
  mechanismFiles,
  mechanismRows,
} from '../reports/mechanisms/experiments.js';
import { registryFactors } from '../reports/mechanisms/factors.js';
import { isOutcomeName } from '../scenarios/mechanism-outcomes.js';
import { type DocumentInput, renderDocument } from '../reports/mechanisms/render.js';
import { runCells } from '../reports/mechanisms/runner.js';
import { runScreen } from '../reports/mechanisms/screen.js';
import { experimentsCsv, factorsCsv, screenCsv } from '../reports/mechanisms/tables.js';
import { loadExperimentFile, loadScenarioFile } from '../scenarios/load.js';
import { replicateSeed } from '../scenarios/plan.js';
import { formatDuration } from '../workers/progress.js';

const HELP = `node dist/scripts/mechanisms.js [options]     (npm run mechanisms -- [options])
Writes docs/MECHANISMS.md and docs/mechanisms/{experiments,screen,factors}.csv. A factor named in
docs/mechanisms/screen-contexts.yaml is screened on the bases with its context's settings applied.
  --seeds N          seeds per run cell: the screen's (default 24) and, when given, every experiment's
                     (default: each file's replicates)
  --seed S           master seed of the screen (default 2026); experiments keep their own
  --bases A,B        base scenarios of the screen (default drenthe-flexteam,drenthe-start-small)
  --outcomes X,Y     outcomes of the screen (default memberShareMean,poolSurvived,progress2030,progress2050;
                     names missing from the model are dropped with a note)
  --factors X,Y      screen only these parameters or levers
  --experiments DIR  folder of mechanism-*.yaml (default scenarios/experiments)
  --screen-only | --experiments-only
  --threads N        worker threads (default: all cores)
  --out FILE         the document (default docs/MECHANISMS.md; the CSV files go to <dir>/mechanisms/)
`;

const DEFAULT_OUTCOMES = ['memberShareMean', 'poolSurvived', 'progress2030', 'progress2050'];

const list = (s: string | undefined) =>
  s
    ? s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)
    : undefined;
const log = (line: string) => process.stderr.write(`${line}\n`);

function wholeNumber(value: string | undefined, name: string, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min)
    throw new Error(`--${name} ${value}: allowed: a whole number of at least ${min}`);
  return n;
}

async function main(): Promise<void> {
  const { values: args } = parseArgs({
    options: {
      help: { type: 'boolean' },
      seeds: { type: 'string' },
      seed: { type: 'string' },
      bases: { type: 'string' },
      outcomes: { type: 'string' },
      factors: { type: 'string' },
      experiments: { type: 'string' },
      'screen-only': { type: 'boolean' },
      'experiments-only': { type: 'boolean' },
      threads: { type: 'string' },
      out: { type: 'string' },
    },
  });
  if (args.help) return void process.stdout.write(HELP);
  const t0 = performance.now();
  const root = projectRoot();
  const data = loadNationalData();
  const threads = wholeNumber(args.threads, 'threads', availableParallelism());
  const seedsGiven = args.seeds === undefined ? undefined : wholeNumber(args.seeds, 'seeds', 24);
  const out = args.out ?? join(root, 'docs', 'MECHANISMS.md');
  const dataDir = join(dirname(out), 'mechanisms');
  // The screen's own data files (outcomes, contexts, kept-inert) are the project's, wherever --out writes.
  const configDir = join(root, 'docs', 'mechanisms');
  const doc: DocumentInput = { commit: gitCommit() };
  const csvs: Record<string, string> = {};

  if (!args['screen-only']) {
    const files = mechanismFiles(args.experiments ?? join(root, 'scenarios', 'experiments'));
    const plans = files.map((file) => loadExperimentFile(file, data));
    // One pool for all experiments: their cells are keyed by experiment name.
    const cells = plans.flatMap((plan) => experimentCells(plan, experimentSeeds(plan, seedsGiven)));
    const results = await runCells(cells, { threads, label: 'mechanism experiments', log });
    const rows: MechanismRow[] = plans.flatMap((plan) => mechanismRows(plan, results));
    doc.experiments = { files: files.map((f) => relative(root, f)), rows, seeds: seedsGiven };
    csvs['experiments.csv'] = experimentsCsv(rows);
  }

  if (!args['experiments-only']) {
    const notes: string[] = [];
    const masterSeed = wholeNumber(args.seed, 'seed', 2026, 0);
    const seedCount = seedsGiven ?? 24;
    const seeds = Array.from({ length: seedCount }, (_, r) => replicateSeed(masterSeed, r));
    const bases = (list(args.bases) ?? ['drenthe-flexteam', 'drenthe-start-small']).map((ref) => ({
      name: ref,
      input: loadScenarioFile(ref, data).input,
    }));
    const outcomes = (list(args.outcomes) ?? DEFAULT_OUTCOMES).filter((o) => {
      if (!isOutcomeName(o)) notes.push(`outcome \`${o}\` is not an output of the model; left out`);
      return isOutcomeName(o);
    });
    const outcomeMap = readOutcomeMap(join(configDir, 'screen-outcomes.yaml'));
    const wanted = list(args.factors);
    const all = registryFactors();
    for (const name of wanted ?? [])
      if (!all.some((f) => f.name === name)) throw new Error(`--factors: no parameter or lever ${name}`);
    const factors = wanted ? all.filter((f) => wanted.includes(f.name)) : all;
    for (const [key, o] of [...Object.entries(outcomeMap.groups), ...Object.entries(outcomeMap.factors)])
      if (!isOutcomeName(o))
        notes.push(`screen-outcomes.yaml names \`${o}\` for \`${key}\`, which is not an output of the model; ignored`);
    const ownOutcome = (f: (typeof all)[number]) => {
      const o = ownOutcomeOf(f, outcomeMap);
      return o && isOutcomeName(o) ? o : undefined;
    };
    const contexts = contextsByFactor(readContexts(join(configDir, 'screen-contexts.yaml')));
    for (const name of contexts.keys())
      if (!all.some((f) => f.name === name))
        notes.push(`screen-contexts.yaml names \`${name}\`, which is not a factor of the model; ignored`);
    const contextOf = (f: (typeof all)[number]) => contexts.get(f.name);
    const results = await runScreen(bases, factors, {
      threads,
      label: 'screen',
      log,
      seeds,
      outcomes,
      ownOutcome,
      contextOf,
    });
    const kept = readKeptInert(join(configDir, 'kept-inert.yaml'));
    const keptInert = wanted ? Object.fromEntries(Object.entries(kept).filter(([k]) => wanted.includes(k))) : kept;
    doc.screen = { bases: bases.map((b) => b.name), seeds: seedCount, masterSeed, outcomes, results, keptInert, notes };
    csvs['screen.csv'] = screenCsv(results);
    csvs['factors.csv'] = factorsCsv(results);
  }

  mkdirSync(dataDir, { recursive: true });
  writeFileSync(out, renderDocument(doc));
  for (const [name, text] of Object.entries(csvs)) writeFileSync(join(dataDir, name), text);
  log(
    `wrote ${relative(process.cwd(), out)} and ${Object.keys(csvs).length} CSV files in ${formatDuration((performance.now() - t0) / 1000)}`,
  );
}

main().catch((e: unknown) => {
  process.stderr.write(`mechanisms: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
