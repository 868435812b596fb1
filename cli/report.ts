/**
 * `regiosim report <batch-dir>`: statistics tables, charts (Vega-Lite spec, SVG, PNG) and one
 * self-contained report.html for a batch folder. The work is in reports/report.ts; this module
 * turns arguments into options and the result into a short end message.
 */

import type { Argv, CommandModule } from 'yargs';
import { ReportError } from '../reports/errors.js';
import { buildReport, type ReportOptions, type ReportResult } from '../reports/report.js';
import { shownPath } from '../workers/command-line.js';
import { commandFailure } from './command-failure.js';
import { COMMANDS } from './command-list.js';
import { UsageError } from './options.js';

/** The end message: where everything is, and what the reader must know. */
export function reportMessage(r: ReportResult, seconds: number): string {
  const lines = [
    `regiosim report: ${r.model.runsOk} runs of ${r.model.set.points.length} point${r.model.set.points.length === 1 ? '' : 's'} in ${seconds.toFixed(1)} s`,
    `  report:  ${shownPath(r.html)} (self-contained, works offline)`,
    `  charts:  ${shownPath(`${r.outDir}/charts`)}/ ${r.charts.map((c) => c.name).join(', ')} (.vl.json, .svg, .png)`,
    `  tables:  ${shownPath(`${r.outDir}/tables`)}/ ${r.tables.map((t) => t.split('/').pop()).join(', ')}`,
    ...r.notes.map((n) => `  note: ${n}`),
  ];
  return `${lines.join('\n')}\n`;
}

/** Runs the report; returns the exit code (0 written, 2 a problem with the input or the machine). */
export async function reportCommand(batchDir: string, options: ReportOptions & { quiet?: boolean }): Promise<number> {
  const t0 = performance.now();
  try {
    const log = options.quiet ? undefined : (m: string) => process.stderr.write(`${m}\n`);
    const result = await buildReport(batchDir, { ...options, log });
    process.stdout.write(reportMessage(result, (performance.now() - t0) / 1000));
    return 0;
  } catch (e) {
    return commandFailure(
      'report',
      e,
      [ReportError],
      'no half-written file was left; free space or fix the folder and run the report again',
    );
  }
}

export const reportOptions = (y: Argv) =>
  y
    .option('map-runs', {
      type: 'number',
      default: 10,
      describe:
        'runs per scenario re-simulated for the municipality maps of a batch without a municipalities table (0: no maps then)',
    })
    .option('quiet', { type: 'boolean', default: false, describe: 'no progress messages' })
    .check((a) => {
      const n = a['map-runs'] as number;
      if (!Number.isSafeInteger(n) || n < 0)
        throw new UsageError(`--map-runs: ${n} is not allowed; allowed: a whole number ≥ 0`);
      return true;
    });

/** The yargs definition of `regiosim report`, registered in cli/regiosim.ts. */
export const reportCommandModule: CommandModule = {
  ...COMMANDS.report,
  builder: (y: Argv) =>
    reportOptions(
      y
        .positional('batch-dir', { type: 'string', describe: 'a folder written by regiosim batch or compare' })
        .option('out', { type: 'string', describe: 'output folder (default: <batch-dir>/report)' }),
    ),
  handler: async (raw) => {
    const a = raw as unknown as { batchDir: string; out?: string; mapRuns: number; quiet: boolean };
    process.exitCode = await reportCommand(a.batchDir, { outDir: a.out, mapRuns: a.mapRuns, quiet: a.quiet });
  },
};
