import { join } from 'node:path';
import { loadNationalData, modelDataFiles } from '../data/load.js';
import { loadScenarioFile } from '../scenarios/load.js';
import { simulate } from '../sim/simulate.js';
import { makeManifest } from '../store/manifest.js';
import { faultMessage } from '../store/errors.js';
import { OutputFolder } from '../store/output-folder.js';
import { RUN_FILES, writeRunOutputs } from './run-output.js';

export interface RunArgs {
  scenario?: string;
  seed: number;
  out: string;
}

const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : 'n/a');

/**
 * `regiosim run`: one simulation, its outputs written to a folder, and a short readable summary.
 * Sets process.exitCode: 0 written, 1 the folder could not be written (a plain message says why).
 */
export function runCommand(args: RunArgs): void {
  const startedAt = new Date();
  const data = loadNationalData();
  const { input, files } = loadScenarioFile(args.scenario ?? 'default', data);
  let folder: OutputFolder;
  try {
    folder = OutputFolder.claim(args.out, 'run', RUN_FILES, 'run');
  } catch (e) {
    const message = faultMessage('run', e);
    if (!message) throw e;
    process.stderr.write(message);
    process.exitCode = 2; // nothing was written: the folder named cannot take the output
    return;
  }
  const result = simulate(input, args.seed);
  const manifest = makeManifest({
    command: 'run',
    arguments: { ...args },
    inputFiles: [...files, ...modelDataFiles()],
    inlineInputs: [{ name: 'model-input.json', text: JSON.stringify(input) }],
    seeds: { runs: [args.seed] },
    startedAt,
    extra: { scenario: input.name, horizonMonths: input.horizonMonths, startYear: input.startYear },
  });
  const regionCode = input.poolAreas.length === 1 ? input.poolAreas[0].code : 'NL';
  try {
    writeRunOutputs(
      folder,
      result,
      regionCode,
      input.municipalities.map((m) => m.code),
      manifest,
    );
  } catch (e) {
    const message = faultMessage('run', e, `nothing half-written was left in ${args.out}; free space or fix the folder and run again`);
    if (!message) throw e;
    process.stderr.write(message);
    process.exitCode = 1;
    return;
  } finally {
    folder.release();
  }

  const m = result.summary.metrics;
  const pools = result.summary.pools;
  const lines = [
    `regiosim ${manifest.version}: ${input.name} (${input.municipalities.length} municipalities, seed ${args.seed}, ${input.startYear}-${input.startYear + Math.ceil(input.horizonMonths / 12) - 1})`,
    `  progress: ${pct(m.progress2030)} of the full-pace target by 2030, ${pct(m.progress2050)} by 2050 (${Math.round(m.dwellingsReadyEnd).toLocaleString('en')} dwellings ready)`,
    `  need ${m.needFte.toFixed(0)} FTE; capacity by source over the run: own ${pct(m.capacityShareOwn)}, pool ${pct(m.capacitySharePool)}, consultants ${pct(m.capacityShareConsultants)}`,
    `  external spend share ${pct(m.externalSpendShare)}; staff outflow from the municipal sector ${pct(m.sectorOutflowRatePerYear)}/year`,
  ];
  if (pools.length === 0) lines.push('  pool: none formed');
  else if (pools.length === 1) {
    const p = pools[0];
    const fate =
      p.dissolvedAt >= 0
        ? `dissolved in ${input.startYear + Math.floor(p.dissolvedAt / 12)} (${p.dissolveReason})`
        : `alive at the end with ${p.membersEnd} members and ${p.staffEnd} staff`;
    lines.push(
      `  pool: founded by ${p.founders.length}, up to ${p.maxMembers} members, ${p.lateJoiners.length} late joiners; ${fate}`,
    );
  } else
    lines.push(
      `  pools: ${m.poolsFormed} founded, ${m.poolsAliveEnd} alive at the end; members at the end ${m.poolMembersEnd}`,
    );
  lines.push(`  written: ${join(args.out, 'summary.json')}, series.csv, manifest.json`);
  process.stdout.write(`${lines.join('\n')}\n`);
}
