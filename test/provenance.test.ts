/**
 * Provenance that can rebuild the work (workers/provenance.ts): a batch folder keeps its experiment
 * and scenario files as given and every point's resolved inputs; after the original files are
 * deleted, the report and --resume work from those copies and say so.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { batchCommand } from '../cli/batch.js';
import { loadNationalData } from '../data/load.js';
import { buildModel } from '../reports/aggregate/build-model.js';
import { buildPlan } from '../scenarios/build-plan.js';
import { projectRoot } from '../scenarios/refs.js';
import { readKeptPlan } from '../workers/provenance.js';
import { batch, read, tempDir } from './batch-helpers.js';

const data = loadNationalData();
const LIBRARY = join(projectRoot(), 'scenarios', 'library');
const SCENARIO = (name: string, staff: number) =>
  `name: ${name}\nextends: ${LIBRARY}/synthetic-twelve.yaml\nhorizon: { startYear: 2026, endYear: 2028 }\nlevers: { initialStaff: ${staff} }\n`;
const EXPERIMENT = `# as written, comments included
name: kept
scenarios: [a.yaml, b.yaml]
baseline: a
replicates: 3
seed: 11
outcomes:
  - { name: own2027, series: fteOwn, at: 2027, direction: maximise }
`;

function writeInputs(dir: string): string {
  writeFileSync(join(dir, 'a.yaml'), SCENARIO('a', 4));
  writeFileSync(join(dir, 'b.yaml'), SCENARIO('b', 8));
  writeFileSync(join(dir, 'x.yaml'), EXPERIMENT);
  return join(dir, 'x.yaml');
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('provenance', () => {
  it('keeps the files as given and the resolved inputs; report and --resume work after the originals are deleted', async () => {
    const files = tempDir('prov-files');
    const experiment = writeInputs(files);
    const plan = buildPlan([experiment], data, {}).plan;

    const clean = tempDir('prov-clean');
    expect((await batch(plan, { outDir: clean, threads: 2 })).status).toBe('complete');

    const dir = tempDir('prov-stop');
    const first = await batch(plan, { outDir: dir, threads: 1, chunk: 1, stopAfter: 2 });
    expect(first.status).toBe('interrupted');
    // The files as given, byte for byte, and where they came from.
    expect(read(dir, 'inputs/files/x.yaml')).toBe(EXPERIMENT);
    expect(read(dir, 'inputs/files/b.yaml')).toBe(SCENARIO('b', 8));
    const kept = JSON.parse(read(dir, 'inputs/files.json')) as Array<{ original: string; copy: string }>;
    // The extends chain too (the library files the scenarios start from).
    expect(kept.map((f) => f.original).sort()).toEqual(
      [
        join(files, 'a.yaml'),
        join(files, 'b.yaml'),
        experiment,
        join(LIBRARY, 'drenthe-flexteam.yaml'),
        join(LIBRARY, 'synthetic-twelve.yaml'),
      ].sort(),
    );
    // Every point's fully resolved inputs: levers, every parameter, the region.
    const saved = readKeptPlan(dir);
    expect(saved?.points.map((p) => p.id)).toEqual(plan.points.map((p) => p.id));
    expect(JSON.stringify(saved?.points.map((p) => p.input))).toBe(JSON.stringify(plan.points.map((p) => p.input)));
    expect(saved?.outcomes?.map((o) => o.name)).toEqual(['own2027']);

    rmSync(files, { recursive: true, force: true });

    // --resume from the kept inputs, as pasted from the end message: the same rows as a batch never stopped.
    const out: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out.push(String(chunk));
      return true;
    });
    const code = await batchCommand({
      refs: [experiment],
      out: dir,
      series: 'yearly',
      resume: true,
      dryRun: false,
      quiet: true,
      threads: 2,
    });
    vi.restoreAllMocks();
    expect(out.join('')).toContain(`kept in ${join(dir, 'inputs')}/`);
    expect(code).toBe(0);
    expect(read(dir, 'runs.csv')).toBe(read(clean, 'runs.csv'));
    expect(read(dir, 'series.csv')).toBe(read(clean, 'series.csv'));

    // The report rebuilds the scenarios from the copies and says so.
    const model = buildModel(dir, { mapRuns: 0 });
    expect(model.changes).toBeDefined();
    expect(model.changesMissing).toBeUndefined();
    expect(model.notes.join(' ')).toMatch(/kept in .*inputs\/ \(.*x\.yaml is gone/);
    expect(model.info.outcomes?.map((o) => o.name)).toEqual(['own2027']);
  });

  it('says when an original file has changed, and still reports the batch as it ran', async () => {
    const files = tempDir('prov-changed');
    const experiment = writeInputs(files);
    const plan = buildPlan([experiment], data, {}).plan;
    const dir = tempDir('prov-done');
    expect((await batch(plan, { outDir: dir, threads: 2 })).status).toBe('complete');
    writeFileSync(join(files, 'b.yaml'), SCENARIO('b', 9));
    const model = buildModel(dir, { mapRuns: 0 });
    expect(model.changes).toBeDefined();
    expect(model.notes.join(' ')).toContain(`${join(files, 'b.yaml')} has changed`);
    expect(existsSync(join(dir, 'inputs', 'points.json'))).toBe(true);
    expect(readFileSync(join(dir, 'inputs', 'files', 'b.yaml'), 'utf8')).toBe(SCENARIO('b', 8));
  });
});
