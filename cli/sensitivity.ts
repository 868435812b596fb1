/**
 * `regiosim sensitivity <batch-dir>`: global sensitivity analysis of an explore batch, per summary
 * metric: Morris μ*–σ for a Morris design, Sobol S1/ST with bootstrap intervals and the convergence
 * verdict for a Sobol design, feature scores otherwise. Writes tables (CSV), sensitivity.json and
 * charts; the work is in reports/explore/.
 */

import { join } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { ReportError } from '../reports/errors.js';
import { readExploreBatch } from '../reports/explore/read.js';
import {
  analyseSensitivity,
  DEFAULT_SENSITIVITY_METRICS,
  type GroupAnalysis,
  type SensitivityResult,
} from '../reports/explore/sensitivity.js';
import { sensitivityCharts, sensitivityTables, writeExploreOutput } from '../reports/explore/write.js';
import { metricStyle } from '../reports/metrics.js';
import { checkFonts } from '../reports/render/render.js';
import { shownPath } from '../workers/command-line.js';
import { commandFailure } from './command-failure.js';
import { COMMANDS } from './command-list.js';
import { UsageError } from './options.js';

/** Most bootstrap resamples: intervals settle long before; more only burns hours of CPU. */
export const MAX_RESAMPLES = 100_000;

export interface SensitivityArgs {
  batchDir: string;
  metrics: string[];
  out?: string;
  resamples?: number;
  quiet?: boolean;
}

const num = (v: number, share: boolean) =>
  Number.isFinite(v) ? (share ? `${(v * 100).toFixed(1)}pp` : String(Number(v.toPrecision(3)))) : 'NA';

/** A few lines per analysis: the top factors and the verdict. */
function analysisLines(a: GroupAnalysis, groups: number): string[] {
  const where = groups > 1 ? ` [${a.label}]` : '';
  const head = `  ${a.metric}${where}:`;
  if (a.skipped) return [`${head} skipped: ${a.skipped}`];
  const share = metricStyle(a.metric).share;
  const lines: string[] = [];
  if (a.morris) {
    const top = [...a.morris].sort((p, q) => p.rank - q.rank).slice(0, 4);
    lines.push(
      `${head} μ* (σ): ${top.map((f) => `${f.name} ${num(f.muStar, share)} (${num(f.sigma, share)})`).join(', ')}`,
    );
    if (a.stability) lines.push(`    ranking ${a.stability.message}`);
  }
  if (a.sobol) {
    const top = [...a.sobol.factors].sort((p, q) => q.ST.value - p.ST.value).slice(0, 4);
    const ci = (e: { value: number; conf: number }) =>
      `${e.value.toFixed(2)}±${Number.isFinite(e.conf) ? e.conf.toFixed(2) : 'NA'}`;
    lines.push(`${head} ST / S1: ${top.map((f) => `${f.name} ${ci(f.ST)} / ${ci(f.S1)}`).join(', ')}`);
    lines.push(`    ${a.sobol.verdict}`);
  }
  if (a.scores) {
    const top = a.scores.slice(0, 4);
    lines.push(
      `${head} feature scores: ${top.map((s) => `${s.name} ${(s.share * 100).toFixed(0)}%${s.pValue > 0.05 ? ' (n.s.)' : ''}`).join(', ')}`,
    );
  }
  if (Number.isFinite(a.noiseShare))
    lines.push(`    replicate noise: ${Math.round(a.noiseShare * 100)}% of the variance of the point averages`);
  return lines;
}

/** The end message. */
export function sensitivityMessage(
  r: SensitivityResult,
  outDir: string,
  files: { json: string; tables: string[]; charts: string[] },
): string {
  const groups = new Set(r.analyses.map((a) => a.label)).size;
  const method =
    r.method === 'morris' ? 'Morris elementary effects' : r.method === 'sobol' ? 'Sobol indices' : 'feature scores';
  return `${[
    `regiosim sensitivity: ${method} of ${r.metrics.join(', ')} (${r.design.line})`,
    `  ${r.averaging}`,
    ...r.notes.map((n) => `  note: ${n}`),
    ...r.analyses.flatMap((a) => analysisLines(a, groups)),
    `  tables: ${shownPath(join(outDir, 'tables'))}/ ${files.tables.map((t) => t.split('/').pop()).join(', ')}; all in ${shownPath(files.json)}`,
    `  charts: ${shownPath(join(outDir, 'charts'))}/ ${files.charts.join(', ')} (.vl.json, .svg, .png)`,
  ].join('\n')}\n`;
}

/** Runs the command; returns the exit code (0 written, 2 a problem with the input). */
export async function sensitivityCommand(args: SensitivityArgs): Promise<number> {
  try {
    checkFonts();
    const data = readExploreBatch(args.batchDir);
    const result = analyseSensitivity(data, { metrics: args.metrics, resamples: args.resamples });
    const outDir = args.out ?? join(args.batchDir, 'sensitivity');
    const log = args.quiet ? undefined : (m: string) => process.stderr.write(`${m}\n`);
    const written = await writeExploreOutput(
      outDir,
      'sensitivity',
      result,
      sensitivityTables(result),
      sensitivityCharts(result),
      log,
    );
    process.stdout.write(
      sensitivityMessage(result, outDir, {
        json: written.json,
        tables: written.tables,
        charts: written.charts.map((c) => c.name),
      }),
    );
    return 0;
  } catch (e) {
    return commandFailure(
      'sensitivity',
      e,
      [ReportError],
      'no half-written file was left; free space or fix the folder and run it again',
    );
  }
}

/** The yargs definition of `regiosim sensitivity`, registered in cli/regiosim.ts. */
export const sensitivityCommandModule: CommandModule = {
  ...COMMANDS.sensitivity,
  builder: (y: Argv) =>
    y
      .positional('batch-dir', { type: 'string', describe: 'a folder written by regiosim explore' })
      .option('metric', {
        type: 'string',
        array: true,
        describe: `summary metric(s) to analyse (runs.csv columns); default: ${DEFAULT_SENSITIVITY_METRICS.join(', ')}`,
      })
      .option('out', { type: 'string', describe: 'output folder (default: <batch-dir>/sensitivity)' })
      .option('resamples', { type: 'number', default: 1000, describe: 'bootstrap resamples for the intervals' })
      .option('quiet', { type: 'boolean', default: false, describe: 'no progress messages' })
      .check((a) => {
        const n = a.resamples as number;
        if (!Number.isSafeInteger(n) || n < 2 || n > MAX_RESAMPLES)
          throw new UsageError(`--resamples: ${n} is not allowed; allowed: a whole number from 2 to ${MAX_RESAMPLES}`);
        return true;
      }),
  handler: async (raw) => {
    const a = raw as unknown as {
      batchDir: string;
      metric?: string[];
      out?: string;
      resamples: number;
      quiet: boolean;
    };
    process.exitCode = await sensitivityCommand({
      batchDir: a.batchDir,
      metrics: (a.metric ?? []).flatMap((m) => m.split(',')).filter(Boolean),
      out: a.out,
      resamples: a.resamples,
      quiet: a.quiet,
    });
  },
};
