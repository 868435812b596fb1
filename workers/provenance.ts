/**
 * Provenance that can rebuild the work: a batch folder keeps, under inputs/, the experiment and
 * scenario files as given (byte-for-byte copies, with their original paths and SHA-256 in
 * inputs/files.json) and the fully resolved plan (inputs/points.json: every point's levers,
 * parameters, region and horizon, seeds, replicates, outcomes). `report`, `run --from` and `--resume`
 * read the plan from there when the original files have moved or changed, and say so; the manifest's
 * per-point hashes check that the kept plan is the one the batch ran.
 */
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ExperimentPlan } from '../scenarios/plan.js';
import { sha256File, sha256Text } from '../store/manifest.js';
import type { OutputFolder } from '../store/output-folder.js';
import { readJsonFile, readRegularText } from '../store/read.js';
import { writeAtomic } from '../store/write.js';

export const INPUTS_DIR = 'inputs';
export const POINTS_FILE = `${INPUTS_DIR}/points.json`;
export const FILES_FILE = `${INPUTS_DIR}/files.json`;
/** A kept plan may be large (thousands of design points); the read limit is raised to this. */
const MAX_PLAN_BYTES = 1 << 30;
/** Input fields of at least this many characters are kept once and referenced (regions repeat across points). */
const SHARE_FROM = 400;

export interface KeptFile {
  /** The path the file was read from when the batch started. */
  original: string;
  /** Its copy, relative to the batch folder. */
  copy: string;
  sha256: string;
}

/** Writes inputs/ for a plan: copies of its source files and the resolved plan. @throws on a failed write */
export function writeProvenance(folder: OutputFolder, plan: ExperimentPlan): void {
  const kept: KeptFile[] = [];
  const used = new Set<string>();
  for (const original of plan.sourceFiles) {
    if (!existsSync(original)) continue;
    let name = basename(original);
    for (let k = 2; used.has(name); k++) name = `${k}-${basename(original)}`;
    used.add(name);
    const copy = `${INPUTS_DIR}/files/${name}`;
    const text = readRegularText(original);
    writeAtomic(folder.path(copy), text);
    kept.push({ original, copy, sha256: sha256Text(text) });
  }
  writeAtomic(folder.path(FILES_FILE), `${JSON.stringify(kept, null, 1)}\n`);
  writeAtomic(folder.path(POINTS_FILE), `${JSON.stringify(packPlan(plan))}\n`);
}

/** The plan as kept: large input fields (the region's municipalities, adjacency) stored once. */
function packPlan(plan: ExperimentPlan): Record<string, unknown> {
  const shared: unknown[] = [];
  const index = new Map<string, number>();
  const points = plan.points.map((p) => {
    const input: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(p.input)) {
      const text = JSON.stringify(v);
      if (text === undefined || text.length < SHARE_FROM) {
        input[k] = v;
        continue;
      }
      let i = index.get(text);
      if (i === undefined) {
        i = shared.push(v) - 1;
        index.set(text, i);
      }
      input[k] = { $shared: i };
    }
    return { ...p, input };
  });
  return { format: 'regiosim-plan-1', ...plan, points, shared };
}

/** The plan kept in a batch folder, or undefined when it has none (a batch made before inputs/) or it is unreadable. */
export function readKeptPlan(dir: string): ExperimentPlan | undefined {
  const path = join(dir, POINTS_FILE);
  if (!existsSync(path)) return undefined;
  try {
    const packed = readJsonFile(path, MAX_PLAN_BYTES) as Record<string, unknown> & {
      points: Array<{ input: Record<string, unknown> }>;
      shared: unknown[];
    };
    if (packed?.format !== 'regiosim-plan-1' || !Array.isArray(packed.points)) return undefined;
    // Key order is kept, so each input serialises as the batch's did (the manifest hashes that text).
    const points = packed.points.map((p) => ({
      ...p,
      input: Object.fromEntries(
        Object.entries(p.input).map(([k, v]) => {
          const ref = (v as { $shared?: number } | null)?.$shared;
          return [
            k,
            typeof ref === 'number' && v !== null && Object.keys(v as object).length === 1 ? packed.shared[ref] : v,
          ];
        }),
      ),
    }));
    const { format: _f, shared: _s, ...plan } = packed;
    // The kept copies stand for the source files: they are the files as the batch read them.
    const copies = keptFiles(dir)
      .map((f) => join(dir, f.copy))
      .filter((f) => existsSync(f));
    return { ...plan, points, sourceFiles: copies } as unknown as ExperimentPlan;
  } catch {
    return undefined;
  }
}

function keptFiles(dir: string): KeptFile[] {
  try {
    const kept = readJsonFile(join(dir, FILES_FILE));
    return Array.isArray(kept) ? (kept as KeptFile[]) : [];
  } catch {
    return [];
  }
}

/** The kept source files whose originals are gone or differ now, in words ([] when all are as given). */
export function changedOriginals(dir: string): string[] {
  const out: string[] = [];
  for (const f of keptFiles(dir)) {
    if (!existsSync(f.original)) out.push(`${f.original} is gone`);
    else {
      let now: string | undefined;
      try {
        now = sha256File(f.original);
      } catch {
        now = undefined;
      }
      if (now !== f.sha256) out.push(`${f.original} has changed`);
    }
  }
  return out;
}

/** A note saying that the kept inputs were used, and why. */
export function keptInputsNote(dir: string, why: string): string {
  const changed = changedOriginals(dir);
  const what = changed.length
    ? `${changed.slice(0, 3).join(', ')}${changed.length > 3 ? `, and ${changed.length - 3} more` : ''}`
    : why;
  return `the experiment and scenario files as the batch ran them are kept in ${join(dir, INPUTS_DIR)}/ (${what}): used those`;
}

/**
 * The plan to resume a batch with: the one the command line's files give today when it is the
 * batch's plan, else the kept one (the files moved, changed or no longer load) with a note saying
 * so. A different seed or replicate count on the command line is left to --resume to refuse.
 */
export function resumePlan(
  dir: string,
  build: () => ExperimentPlan,
  overrides: { replicates?: number; masterSeed?: number },
  fingerprint: (plan: ExperimentPlan) => string,
): { plan: ExperimentPlan; note?: string } {
  const kept = readKeptPlan(dir);
  let built: ExperimentPlan | undefined;
  let failure: unknown;
  try {
    built = build();
  } catch (e) {
    failure = e;
  }
  let planHash: unknown;
  try {
    planHash = (readJsonFile(join(dir, 'manifest.json')) as { planHash?: unknown } | null)?.planHash;
  } catch {
    planHash = undefined;
  }
  const give = () => {
    if (built) return { plan: built };
    throw failure;
  };
  if (!kept || (built && fingerprint(built) === planHash)) return give();
  if (overrides.replicates !== undefined) kept.replicates = overrides.replicates;
  if (overrides.masterSeed !== undefined) kept.masterSeed = overrides.masterSeed;
  if (fingerprint(kept) !== planHash) return give();
  const why = built
    ? 'the files now give another plan'
    : `the files no longer load: ${String((failure as Error)?.message ?? failure).split('\n')[0]}`;
  return { plan: kept, note: `note: ${keptInputsNote(dir, why)} to resume` };
}
