import { SIZE_CLASS_NAMES } from '../sim/init.js';
import type { RunResult } from '../sim/simulate.js';
import type { OutputFolder } from '../store/output-folder.js';
import { writeAtomic } from '../store/write.js';

/**
 * The tidy (long) series table: one row per observation, so R (tidyverse) and pandas read it
 * directly. Columns: scope (region | sizeClass | municipality), unit (region code, size class
 * name or CBS code), month (0 = January of the start year), year, variable, value.
 */
export function seriesCsv(result: RunResult, regionCode: string, municipalityCodes: string[]): string {
  const lines = ['scope,unit,month,year,variable,value'];
  const year = (t: number) => result.startYear + Math.floor(t / 12);
  const fmt = (v: number) => (Number.isFinite(v) ? String(Math.round(v * 1e6) / 1e6) : '');
  const region = result.series.region;
  for (const [name, values] of Object.entries(region.values)) {
    for (const t of region.months) lines.push(`region,${regionCode},${t},${year(t)},${name},${fmt(values[t])}`);
  }
  result.series.sizeClass.forEach((series, k) => {
    for (const [name, values] of Object.entries(series.values)) {
      for (const t of series.months) lines.push(`sizeClass,${SIZE_CLASS_NAMES[k]},${t},${year(t)},${name},${fmt(values[t])}`);
    }
  });
  result.series.municipality.forEach((series, i) => {
    for (const [name, values] of Object.entries(series.values)) {
      series.months.forEach((t, y) => {
        lines.push(`municipality,${municipalityCodes[i]},${t},${year(t)},${name},${fmt(values[y])}`);
      });
    }
  });
  return `${lines.join('\n')}\n`;
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
  writeAtomic(folder.path('series.csv'), seriesCsv(result, regionCode, municipalityCodes));
  writeAtomic(folder.path('manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}
