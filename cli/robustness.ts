/**
 * `regiosim robustness <batch-dir>`: robustness of the policies of an explore batch across its
 * sampled futures: regret against the best policy of each future (max, 90th percentile),
 * satisficing shares against the thresholds declared in the experiment (satisfice:), percentiles,
 * and the non-dominated set. Writes tables (CSV, Parquet), charts, robustness.json and
 * manifest.json; the work is in reports/robustness/.
 * @example npx regiosim robustness out/robust-drenthe-pool --pareto p90
 */

import { join } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { ReportError } from '../reports/errors.js';
import { readExploreBatch } from '../reports/explore/read.js';
import { metricStyle } from '../reports/metrics.js';
import { checkFonts } from '../reports/render/render.js';
import {
  ALL_THRESHOLDS,
  analyseRobustness,
  type ParetoOn,
  type RobustnessResult,
} from '../reports/robustness/analyse.js';
import { robustnessCharts } from '../reports/robustness/charts.js';
import { robustnessTables } from '../reports/robustness/tables.js';
import { writeRobustness } from '../reports/robustness/write.js';
import { shownPath } from '../workers/command-line.js';
import { commandFailure } from './command-failure.js';
import { COMMANDS } from './command-list.js';

export interface RobustnessArgs {
  batchDir: string;
  out?: string;
  pareto?: ParetoOn;
  quiet?: boolean;
}

const pct = (v: number) => (Number.isFinite(v) ? `${(v * 100).toFixed(0)}%` : 'NA');

/** A value in an outcome's format: "4.2pp" for shares, 3 significant digits otherwise. */
function amount(outcome: string, v: number): string {
  if (!Number.isFinite(v)) return 'NA';
  return metricStyle(outcome).share ? `${(v * 100).toFixed(1)}pp` : String(Number(v.toPrecision(3)));
}

/** The end message: the least-regret policy per outcome, the joint satisficing shares, the non-dominated set. */
function robustnessMessage(r: RobustnessResult, outDir: string, charts: string[]): string {
  const lines = [
    `regiosim robustness: ${r.policies.length} policies over ${r.futures} futures (${r.design.line}; ${r.batch.replicates} replicate${r.batch.replicates === 1 ? '' : 's'} averaged per point)`,
  ];
  for (const o of r.outcomes.filter((x) => x.direction !== 'none')) {
    const rows = r.regret.filter((g) => g.outcome === o.outcome).sort((a, b) => a.maxRegret - b.maxRegret);
    lines.push(
      `  regret in ${o.outcome} (${o.direction}; max / p90): ${rows.map((g) => `${g.policy} ${amount(o.outcome, g.maxRegret)} / ${amount(o.outcome, g.p90Regret)}`).join(', ')}`,
    );
  }
  const joint = r.satisficing.filter(
    (s) => s.outcome === ALL_THRESHOLDS || r.outcomes.filter((o) => o.threshold).length === 1,
  );
  if (joint.length)
    lines.push(
      `  satisficing (${joint[0].threshold}): ${[...joint]
        .sort((a, b) => b.share - a.share)
        .map((s) => `${s.policy} ${pct(s.share)} [${pct(s.ciLow)}, ${pct(s.ciHigh)}]`)
        .join(', ')}`,
    );
  else lines.push('  satisficing: no outcome declares a threshold (satisfice: { atLeast | atMost } in the experiment)');
  lines.push(
    `  non-dominated on ${r.pareto.words}: ${r.pareto.rows
      .filter((p) => p.nonDominated)
      .map((p) => p.policy)
      .join(', ')}`,
    `  tables: ${shownPath(join(outDir, 'tables'))}/ regret, satisficing, percentiles, pareto, regret-by-future (.csv, .parquet); all in ${shownPath(join(outDir, 'robustness.json'))}`,
    `  charts: ${shownPath(join(outDir, 'charts'))}/ ${charts.join(', ')} (.vl.json, .svg, .png)`,
  );
  return `${lines.join('\n')}\n`;
}

/** Runs the command; returns the exit code (0 written, 2 a problem with the input or the output folder). */
export async function robustnessCommand(args: RobustnessArgs): Promise<number> {
  const startedAt = new Date();
  try {
    checkFonts();
    const data = readExploreBatch(args.batchDir);
    const result = analyseRobustness(data, { pareto: args.pareto });
    const outDir = args.out ?? join(args.batchDir, 'robustness');
    const log = args.quiet ? undefined : (m: string) => process.stderr.write(`${m}\n`);
    const charts = robustnessCharts(result);
    const written = await writeRobustness(
      outDir,
      result,
      robustnessTables(result),
      charts,
      {
        batchFiles: [data.info.files.manifest, data.info.files.runs, join(data.info.dir, 'design.json')],
        arguments: { command: 'robustness', batchDir: args.batchDir, out: outDir, pareto: result.pareto.on },
        startedAt,
      },
      log,
    );
    process.stdout.write(
      robustnessMessage(
        result,
        outDir,
        written.charts.map((c) => c.name),
      ),
    );
    return 0;
  } catch (e) {
    return commandFailure(
      'robustness',
      e,
      [ReportError],
      'no half-written file was left; free space or fix the folder and run it again',
    );
  }
}

/** The yargs definition of `regiosim robustness`, registered in cli/regiosim.ts. */
export const robustnessCommandModule: CommandModule = {
  ...COMMANDS.robustness,
  builder: (y: Argv) =>
    y
      .positional('batch-dir', { type: 'string', describe: 'a folder written by regiosim explore (with policies:)' })
      .option('out', { type: 'string', describe: 'output folder (default: <batch-dir>/robustness)' })
      .option('pareto', {
        choices: ['max', 'p90'],
        default: 'max',
        describe: 'the regret statistic the non-dominated set is computed on: maximum or 90th percentile',
      })
      .option('quiet', { type: 'boolean', default: false, describe: 'no progress messages' })
      .example(
        '$0 robustness out/robust-drenthe-pool',
        'regret, satisficing and the non-dominated set of its policies',
      ),
  handler: async (raw) => {
    const a = raw as unknown as { batchDir: string; out?: string; pareto: ParetoOn; quiet: boolean };
    process.exitCode = await robustnessCommand({ batchDir: a.batchDir, out: a.out, pareto: a.pareto, quiet: a.quiet });
  },
};
