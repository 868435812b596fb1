import { SIZE_CLASS_NAMES, sizeClassOf } from '../sim/init.js';
import type { RunResult } from '../sim/simulate.js';
import type { OutputFolder } from '../store/output-folder.js';
import { writeAtomic } from '../store/write.js';
import { formatCompact } from '../workers/format.js';
import { SERIES_HEADER } from '../workers/series.js';

/**
 * The run's series.csv, in the schema batches use (workers/series.ts): `run,scope,area,month,year,
 * variable,value`, run 0. Region and size-class series monthly, municipality series yearly (at the
 * last month of each year). A size class without municipalities has NA, not 0: it has no staff,
 * no progress, nothing to measure.
 */
export function seriesCsv(result: RunResult, regionCode: string, municipalityCodes: string[], emptySizeClasses: ReadonlySet<number> = new Set()): string {
  const lines = [SERIES_HEADER.trimEnd()];
  const year = (t: number) => result.startYear + Math.floor(t / 12);
  const region = result.series.region;
  for (const [name, values] of Object.entries(region.values)) {
    for (const t of region.months) lines.push(`0,region,${regionCode},${t},${year(t)},${name},${formatCompact(values[t])}`);
  }
  result.series.sizeClass.forEach((series, k) => {
    const empty = emptySizeClasses.has(k);
    for (const [name, values] of Object.entries(series.values)) {
      for (const t of series.months)
        lines.push(`0,sizeClass,${SIZE_CLASS_NAMES[k]},${t},${year(t)},${name},${empty ? 'NA' : formatCompact(values[t])}`);
    }
  });
  result.series.municipality.forEach((series, i) => {
    for (const [name, values] of Object.entries(series.values)) {
      series.months.forEach((t, y) => {
        lines.push(`0,municipality,${municipalityCodes[i]},${t},${year(t)},${name},${formatCompact(values[y])}`);
      });
    }
  });
  return `${lines.join('\n')}\n`;
}

/** Size classes (indices of SIZE_CLASS_NAMES) that hold none of the input's municipalities. */
export function emptySizeClasses(populations: readonly number[]): Set<number> {
  const used = new Set(populations.map(sizeClassOf));
  return new Set(SIZE_CLASS_NAMES.map((_, k) => k).filter((k) => !used.has(k)));
}

/** The files `regiosim run` writes into its folder. */
export const RUN_FILES = ['summary.json', 'series.csv', 'manifest.json'] as const;

/** Writes the run's files, each atomically (a failed write leaves the earlier file or none, never half a file). */
export function writeRunOutputs(
  folder: OutputFolder,
  result: RunResult,
  regionCode: string,
  municipalityCodes: string[],
  manifest: object,
  emptyClasses: ReadonlySet<number> = new Set(),
): void {
  const summary = {
    scenario: result.scenario,
    seed: result.seed,
    startYear: result.startYear,
    horizonMonths: result.horizonMonths,
    ...result.summary,
  };
  writeAtomic(
    folder.path('summary.json'),
    `${JSON.stringify(summary, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`,
  );
  writeAtomic(folder.path('series.csv'), seriesCsv(result, regionCode, municipalityCodes, emptyClasses));
  writeAtomic(folder.path('manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}
