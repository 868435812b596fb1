/**
 * The runs whose outputs must stay byte-identical through speed work, and the hash of a run's
 * outputs. Shared by test/speed-identity.test.ts (current code) and test/speed-identity-gen.ts,
 * which writes the fixture from another build (the pre-speed commit's dist/), so it takes the
 * model's modules as arguments instead of importing them.
 */
import { createHash, type Hash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The parts of a run result the hash reads (RunResult of sim/simulate.ts, duck-typed). */
interface SeriesLike {
  months: number[];
  values: Record<string, Float64Array>;
}
export interface ResultLike {
  scenario: string;
  seed: number;
  startYear: number;
  horizonMonths: number;
  series: { region: SeriesLike; sizeClass: SeriesLike[]; municipality: SeriesLike[] };
  summary: unknown;
}

/** What the cases need from a build of the model. */
export interface ModelModules<I> {
  loadNationalData(): unknown;
  defaultScenario(data: never): I;
  nationalScenario(data: never): I;
  loadScenarioFile(path: string, data: never): { input: I };
  simulate(input: I, seed: number): ResultLike;
}

export interface IdentityCase<I> {
  name: string;
  input: I;
  seed: number;
}

/**
 * The default scenario (seeds 1-3), every Drenthe library scenario (seed 7: each lever's code
 * path), a few other regions, and the national scenario (seed 1).
 */
export function identityCases<I>(model: ModelModules<I>, libraryDir: string): IdentityCase<I>[] {
  const data = model.loadNationalData() as never;
  const out: IdentityCase<I>[] = [];
  const drenthe = model.defaultScenario(data);
  for (const seed of [1, 2, 3]) out.push({ name: `default#${seed}`, input: drenthe, seed });
  const files = readdirSync(libraryDir)
    .filter((f) => f.endsWith('.yaml') && !f.startsWith('national'))
    .sort();
  for (const file of files) {
    const { input } = model.loadScenarioFile(join(libraryDir, file), data);
    out.push({ name: `${file.replace(/\.yaml$/, '')}#7`, input, seed: 7 });
  }
  out.push({ name: 'national#1', input: model.nationalScenario(data), seed: 1 });
  return out;
}

/** JSON with every number exact and distinguishable (NaN, ±Infinity and -0 as strings). */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) => {
    if (typeof v !== 'number') return v;
    if (Number.isNaN(v) || !Number.isFinite(v)) return String(v);
    return Object.is(v, -0) ? '-0' : v;
  });
}

function hashSeries(h: Hash, label: string, s: SeriesLike): void {
  h.update(`${label}:${canonicalJson(s.months)}`);
  for (const [name, values] of Object.entries(s.values)) {
    h.update(`|${name}:${values.length}:`);
    h.update(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
  }
}

/** sha256 of a run's summary (canonical JSON) and every series (names, months and raw float64 bits). */
export function outputHash(result: ResultLike): string {
  const h = createHash('sha256');
  const { scenario, seed, startYear, horizonMonths, summary } = result;
  h.update(canonicalJson({ scenario, seed, startYear, horizonMonths, summary }));
  hashSeries(h, 'region', result.series.region);
  const { sizeClass, municipality } = result.series;
  for (let k = 0; k < sizeClass.length; k++) hashSeries(h, `sizeClass${k}`, sizeClass[k]);
  for (let k = 0; k < municipality.length; k++) hashSeries(h, `municipality${k}`, municipality[k]);
  return h.digest('hex');
}
