/**
 * The calibration points (MODEL.md section 6): the typical RES regions, the Drenthe Flexteam and the
 * national runs, as two experiment plans with fixed master seeds (docs/CALIBRATION.md is reproducible).
 */
import { join } from 'node:path';
import { projectRoot } from '../../store/manifest.js';
import { loadScenarioFile } from '../../scenarios/load.js';
import type { ExperimentPlan, PlanPoint } from '../../scenarios/plan.js';
import { resRegion } from '../../scenarios/region.js';
import type { ModelInput } from '../../sim/model-input.js';
import { SCARCITY_LEVELS } from '../../sim/parameters.js';
import type { NationalData } from '../../sim/region-data.js';

/** Master seeds of the two calibration batches (fixed: the document is reproducible). */
export const REGIONAL_SEED = 2026;
export const NATIONAL_SEED = 2050;

/**
 * Typical regions: the three RES regions closest to the median RES region in number of
 * municipalities (10.5) and population (519,000) (nl-calibration H3, H4), by |ln n/10.5| + |ln pop/519k|.
 */
export const TYPICAL_REGIONS = [
  { code: 'ES05', id: 'west-overijssel-none', label: 'West-Overijssel, no pool' },
  { code: 'ES03', id: 'drenthe-none', label: 'Drenthe, no pool' },
  { code: 'ES01', id: 'groningen-none', label: 'Groningen, no pool' },
] as const;

/** Readable names of the calibration points. */
export const POINT_LABELS: Record<string, string> = {
  'national-none': 'National baseline (no pools)',
  'national-flexpools': 'National, a flexpool per RES region',
  'national-none-2026-2030': 'National baseline, 2026-2030 only',
  'drenthe-flexteam': 'Drenthe, Flexteam (flexpool of 4)',
  ...Object.fromEntries(TYPICAL_REGIONS.map((r) => [r.id, r.label])),
  ...Object.fromEntries(TYPICAL_REGIONS.map((r) => [`${r.id}-medium`, `${r.label}, medium scarcity`])),
  'drenthe-none-extreme': 'Drenthe, no pool, extreme scarcity',
};

const library = (name: string) => join(projectRoot(), 'scenarios', 'library', `${name}.yaml`);

export function libraryInput(name: string, data: NationalData): { input: ModelInput; files: string[] } {
  return loadScenarioFile(library(name), data);
}

/** The two plans: typical regions and the Flexteam (cheap), and the national runs (about 2 s each). */
export function calibrationPlans(
  data: NationalData,
  opts: { replicates: number; nationalReplicates: number; diagnostics?: boolean },
): { regional: ExperimentPlan; national: ExperimentPlan } {
  const drentheNone = libraryInput('drenthe-none', data);
  const flexteam = libraryInput('drenthe-flexteam', data);
  const regionalPoints: PlanPoint[] = TYPICAL_REGIONS.map((r) => ({
    id: r.id,
    scenario: r.id,
    sweep: {},
    // drenthe-none (no pool, high scarcity, registry defaults) on another RES region.
    input: r.code === 'ES03' ? drentheNone.input : { ...drentheNone.input, ...resRegion(data, r.code), name: r.id },
  }));
  regionalPoints.push({ id: 'drenthe-flexteam', scenario: 'drenthe-flexteam', sweep: {}, input: flexteam.input });
  if (opts.diagnostics !== false)
    for (const r of TYPICAL_REGIONS) {
      const base = regionalPoints.find((p) => p.id === r.id)!.input;
      const id = `${r.id}-medium`;
      regionalPoints.push({
        id,
        scenario: id,
        sweep: {},
        input: { ...base, name: id, parameters: { ...base.parameters, supplyRatio: SCARCITY_LEVELS.medium } },
      });
    }
  if (opts.diagnostics !== false) {
    // The Drenthe gap under the scarcity that keeps it open (P4b is met there, see the document).
    const id = 'drenthe-none-extreme';
    const base = drentheNone.input;
    regionalPoints.push({
      id,
      scenario: id,
      sweep: {},
      input: { ...base, name: id, parameters: { ...base.parameters, supplyRatio: SCARCITY_LEVELS.extreme } },
    });
  }
  const nationalNone = libraryInput('national-none', data);
  const nationalPools = libraryInput('national-flexpools', data);
  const nationalPoints: PlanPoint[] = [
    { id: 'national-none', scenario: 'national-none', sweep: {}, input: nationalNone.input },
    { id: 'national-flexpools', scenario: 'national-flexpools', sweep: {}, input: nationalPools.input },
  ];
  if (opts.diagnostics !== false)
    nationalPoints.push({
      id: 'national-none-2026-2030',
      scenario: 'national-none-2026-2030',
      sweep: {},
      input: { ...nationalNone.input, name: 'national-none-2026-2030', horizonMonths: 60 },
    });
  const files = (...f: string[][]) => [...new Set(f.flat())];
  return {
    regional: {
      name: 'calibration-regions',
      description: 'Calibration: typical RES regions without a pool, and the Drenthe Flexteam, high scarcity',
      baseline: 'drenthe-none',
      masterSeed: REGIONAL_SEED,
      replicates: opts.replicates,
      points: regionalPoints,
      sourceFiles: files(drentheNone.files, flexteam.files),
    },
    national: {
      name: 'calibration-national',
      description:
        'Calibration: the national baseline without pools, and with a flexpool per RES region, high scarcity',
      baseline: 'national-none',
      masterSeed: NATIONAL_SEED,
      replicates: opts.nationalReplicates,
      points: nationalPoints,
      sourceFiles: files(nationalNone.files, nationalPools.files),
    },
  };
}
