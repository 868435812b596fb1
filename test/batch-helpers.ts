/** Small plans for the batch tests: short Drenthe horizons keep each run a few milliseconds. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadNationalData } from '../data/load.js';
import { defaultScenario } from '../scenarios/default.js';
import type { ExperimentPlan, PlanPoint } from '../scenarios/plan.js';
import { resolveLevers } from '../sim/model-input.js';
import { afterAll } from 'vitest';
import { splitCsvLine } from '../workers/csv-lines.js';
import { type BatchOptions, type BatchResult, runBatch } from '../workers/engine.js';

const data = loadNationalData();

export function point(
  id: string,
  horizonMonths: number,
  levers: Record<string, unknown> = {},
  sweep: PlanPoint['sweep'] = {},
): PlanPoint {
  const base = { poolForm: 'flexpool', startMode: 'small', founderCount: 5, initialStaff: 4 };
  const input = {
    ...defaultScenario(data, { horizonMonths, levers: resolveLevers({ ...base, ...levers }) }),
    name: id,
  };
  return { id, scenario: id, sweep, input };
}

export function plan(points: PlanPoint[], replicates: number, masterSeed = 7): ExperimentPlan {
  return {
    name: 'test',
    description: 'batch test plan',
    baseline: points[0].scenario,
    masterSeed,
    replicates,
    points,
    sourceFiles: [],
  };
}

const created: string[] = [];
// Temp folders go when the test file is done (this registers on the importing file's root suite).
afterAll(() => {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
  worker = undefined;
});

export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `regiosim-${prefix}-`));
  created.push(dir);
  return dir;
}

export function read(dir: string, file: string): string {
  return readFileSync(join(dir, file), 'utf8');
}

/** runs.csv as objects keyed by column. */
export function rows(dir: string): Array<Record<string, string>> {
  const [header, ...lines] = read(dir, 'runs.csv').trimEnd().split('\n');
  const cols = header.split(',');
  return lines.map((l) => {
    const cells = splitCsvLine(l);
    return Object.fromEntries(cols.map((c, i) => [c, cells[i]]));
  });
}

let worker: string | undefined;

/**
 * A private build of the project for this test file's workers. Other sessions on the same machine
 * rebuild dist/ while they work, and a batch and the batch it is compared with must run the very
 * same code, so the tests compile their own copy (tsc takes well under a second).
 */
export function snapshotWorker(): string {
  if (worker) return worker;
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
  const dir = tempDir('dist');
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.json'), '--outDir', join(dir, 'dist')], {
    stdio: 'ignore',
  });
  copyFileSync(join(root, 'package.json'), join(dir, 'package.json'));
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  symlinkSync(join(root, 'data'), join(dir, 'data'));
  worker = join(dir, 'dist', 'workers', 'worker.js');
  if (!existsSync(worker)) throw new Error(`the test build in ${dir} has no worker`);
  return worker;
}

/** runBatch on the snapshot of dist/. */
export function batch(p: ExperimentPlan, options: BatchOptions): Promise<BatchResult> {
  return runBatch(p, { workerFile: snapshotWorker(), ...options });
}

/** The CLI of the test build (see snapshotWorker). */
export function snapshotCli(): string {
  return join(dirname(dirname(snapshotWorker())), 'cli', 'regiosim.js');
}
