/**
 * `regiosim discover <batch-dir> --where "<metric> <op> <value>"`: scenario discovery on an
 * explore batch: PRIM boxes of the sampled inputs where the condition holds, with the peeling
 * trajectory (coverage against density) to choose a box from, the chosen box's limits and
 * statistics, and feature scores. Writes tables (CSV), discover.json and charts.
 */

import { join } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { ReportError } from '../reports/errors.js';
import { type DiscoverResult, discover, limitText, qpText } from '../reports/explore/discover.js';
import { readExploreBatch } from '../reports/explore/read.js';
import { discoverCharts, discoverTables, writeExploreOutput } from '../reports/explore/write.js';
import { checkFonts } from '../reports/render/render.js';
import { shownPath } from '../workers/command-line.js';
import { commandFailure } from './command-failure.js';
import { COMMANDS } from './command-list.js';
import { UsageError } from './options.js';

export interface DiscoverArgs {
  batchDir: string;
  where: string;
  out?: string;
  box?: number;
  minDensity?: number;
  peelAlpha?: number;
  massMin?: number;
  perPoint?: boolean;
  policies?: string[];
  quiet?: boolean;
}

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const val = (v: number | undefined) => (v === undefined ? '' : String(Number(v.toPrecision(4))));

/** The end message: the condition, the trajectory in short, the chosen box's limits. */
export function discoverMessage(
  r: DiscoverResult,
  outDir: string,
  files: { json: string; tables: string[]; charts: string[] },
): string {
  const c = r.chosen;
  const t = r.trajectory;
  const picks = [
    ...new Set([
      0,
      Math.floor(t.length / 4),
      Math.floor(t.length / 2),
      Math.floor((3 * t.length) / 4),
      t.length - 1,
      c.index,
    ]),
  ].sort((a, b) => a - b);
  const limits = c.limits
    .filter((l) => l.restricted)
    .map((l) =>
      l.kind === 'choice'
        ? `    ${l.name} in {${(l.values ?? []).join(', ')}} (of ${(l.allValues ?? []).join(', ')}; qp ${qpText(l.qp)})`
        : `    ${l.name} ${limitText(l)} (sampled ${val(l.rangeMin)} to ${val(l.rangeMax)}; qp ${qpText(l.qp)})`,
    );
  return `${[
    `regiosim discover: where does "${r.condition.text}" happen? ${r.hits} of ${r.cases} ${r.unit}s (${pct(r.hits / r.cases)}); ${r.design.line}`,
    ...r.notes.map((n) => `  note: ${n}`),
    `  PRIM trajectory: ${t.length} boxes (box: coverage / density / inputs restricted): ${picks.map((i) => `${i}: ${pct(t[i].coverage)} / ${pct(t[i].density)} / ${t[i].restrictedCount}`).join(', ')}`,
    `  chosen: box ${c.index}, ${c.selection}`,
    `    coverage ${pct(c.coverage)}, density ${pct(c.density)}, mass ${pct(c.mass)} (${c.hits} of ${c.rows} ${r.unit}s in the box)`,
    ...(limits.length ? limits : ['    (the box restricts no input)']),
    `  feature scores: ${r.scores
      .slice(0, 5)
      .map((s) => `${s.name} ${(s.share * 100).toFixed(0)}%${s.pValue > 0.05 ? ' (n.s.)' : ''}`)
      .join(', ')}`,
    `  tables: ${shownPath(join(outDir, 'tables'))}/ ${files.tables.map((f) => f.split('/').pop()).join(', ')}; all in ${shownPath(files.json)}`,
    `  charts: ${shownPath(join(outDir, 'charts'))}/ ${files.charts.join(', ')} (.vl.json, .svg, .png)`,
  ].join('\n')}\n`;
}

/** Runs the command; returns the exit code (0 written, 2 a problem with the input). */
export async function discoverCommand(args: DiscoverArgs): Promise<number> {
  try {
    checkFonts();
    const data = readExploreBatch(args.batchDir);
    const result = discover(data, {
      where: args.where,
      box: args.box,
      minDensity: args.minDensity,
      peelAlpha: args.peelAlpha,
      massMin: args.massMin,
      perPoint: args.perPoint,
      policies: args.policies,
    });
    const outDir = args.out ?? join(args.batchDir, 'discover');
    const log = args.quiet ? undefined : (m: string) => process.stderr.write(`${m}\n`);
    const written = await writeExploreOutput(
      outDir,
      'discover',
      result,
      discoverTables(result),
      discoverCharts(result),
      log,
    );
    process.stdout.write(
      discoverMessage(result, outDir, {
        json: written.json,
        tables: written.tables,
        charts: written.charts.map((c) => c.name),
      }),
    );
    return 0;
  } catch (e) {
    return commandFailure(
      'discover',
      e,
      [ReportError],
      'no half-written file was left; free space or fix the folder and run it again',
    );
  }
}

const share = (name: string, v: unknown) => {
  if (v !== undefined && !(typeof v === 'number' && v > 0 && v < 1))
    throw new UsageError(`--${name}: ${v} is not allowed; allowed: a number between 0 and 1`);
};

/** The yargs definition of `regiosim discover`, registered in cli/regiosim.ts. */
export const discoverCommandModule: CommandModule = {
  ...COMMANDS.discover,
  builder: (y: Argv) =>
    y
      .positional('batch-dir', { type: 'string', describe: 'a folder written by regiosim explore' })
      .option('where', {
        type: 'string',
        demandOption: true,
        describe:
          'the outcome of interest: "<metric> <op> <number>", op one of < <= > >= == !=, e.g. "poolSurvived == 0"',
      })
      .option('out', { type: 'string', describe: 'output folder (default: <batch-dir>/discover)' })
      .option('box', {
        type: 'number',
        describe: 'report this box of the trajectory (the index column of prim-trajectory.csv)',
      })
      .option('min-density', {
        type: 'number',
        default: 0.8,
        describe: 'without --box: the box with the highest coverage among those at least this dense',
      })
      .option('peel-alpha', { type: 'number', default: 0.05, describe: 'share of the box peeled off per step' })
      .option('mass-min', {
        type: 'number',
        default: 0.05,
        describe: 'peeling stops before a box holds less than this share of the cases',
      })
      .option('per-point', {
        type: 'boolean',
        default: false,
        describe: 'average the replicates of each design point first (default: every run is a case)',
      })
      .option('policy', {
        type: 'string',
        array: true,
        describe: 'only these policies of the design (default: all; the policy is then an input)',
      })
      .option('quiet', { type: 'boolean', default: false, describe: 'no progress messages' })
      .check((a) => {
        if (typeof a.where !== 'string')
          throw new UsageError('--where: give it once, e.g. --where "poolSurvived == 0"');
        if (a.box !== undefined && (!Number.isSafeInteger(a.box) || (a.box as number) < 0))
          throw new UsageError(`--box: ${a.box} is not allowed; allowed: a whole number ≥ 0`);
        share('min-density', a.minDensity === 1 ? 0.999999 : a.minDensity);
        share('peel-alpha', a.peelAlpha);
        share('mass-min', a.massMin);
        return true;
      }),
  handler: async (raw) => {
    const a = raw as unknown as {
      batchDir: string;
      where: string;
      out?: string;
      box?: number;
      minDensity: number;
      peelAlpha: number;
      massMin: number;
      perPoint: boolean;
      policy?: string[];
      quiet: boolean;
    };
    process.exitCode = await discoverCommand({
      batchDir: a.batchDir,
      where: a.where,
      out: a.out,
      box: a.box,
      minDensity: a.minDensity,
      peelAlpha: a.peelAlpha,
      massMin: a.massMin,
      perPoint: a.perPoint,
      policies: (a.policy ?? []).flatMap((p) => p.split(',')).filter(Boolean),
      quiet: a.quiet,
    });
  },
};
