/**
 * An output folder belongs to one kind of output: a marker file (.regiosim-output) records the kind
 * and every file regiosim wrote there. Writing another kind into the folder is refused, a file that
 * regiosim did not write is never overwritten, and a writer can remove what an earlier writer of the
 * same kind left and it no longer writes (a new report's stale charts).
 */
import { type Dirent, existsSync, readdirSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { makeDir } from './dirs.js';
import { OutputError } from './errors.js';
import { acquireLock, holderText, LOCK_FILE, type Lock, type LockHolder } from './lock.js';
import { tryReadJson } from './read.js';
import { writeAtomic } from './write.js';

export type OutputKind =
  | 'run'
  | 'batch'
  | 'explore'
  | 'compare'
  | 'merge'
  | 'report'
  | 'sensitivity'
  | 'discover'
  | 'robustness'
  | 'slurm'
  | 'calibrate';
export const MARKER_FILE = '.regiosim-output';

interface Marker {
  tool: 'regiosim';
  kind: OutputKind;
  files: string[];
}

const LEGACY_FILES: Record<OutputKind, string[]> = {
  run: ['summary.json', 'series.csv', 'manifest.json'],
  batch: ['runs.csv', 'series.csv', 'manifest.json', 'README.md', 'design.csv', 'design.json'],
  explore: ['runs.csv', 'series.csv', 'manifest.json', 'README.md', 'design.csv', 'design.json'],
  compare: ['runs.csv', 'series.csv', 'manifest.json', 'README.md'],
  merge: ['runs.csv', 'series.csv', 'manifest.json', 'README.md', 'design.csv', 'design.json'],
  report: ['report.html'],
  sensitivity: ['sensitivity.json'],
  discover: ['discover.json'],
  robustness: ['robustness.json'],
  slurm: ['job.json', 'jobs.tsv', 'shard.sbatch', 'merge.sbatch', 'submit.sh'],
  calibrate: [],
};

/** A JSON object read safely (store/read.ts: no FIFO, no device, size-limited), or undefined. */
function readJson(path: string): Record<string, unknown> | undefined {
  const v = tryReadJson(path);
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
}

/** The marker of a folder written before markers existed, inferred from its manifest or report.html. */
function legacyMarker(dir: string): Marker | undefined {
  const m = readJson(join(dir, 'manifest.json'));
  let kind: OutputKind | undefined;
  if (m?.tool === 'regiosim') {
    const command = (m.arguments as Record<string, unknown> | undefined)?.command;
    if (m.command === 'run') kind = 'run';
    else if (m.merged) kind = 'merge';
    else if (command === 'explore' || command === 'compare') kind = command;
    else if (m.command === 'batch') kind = 'batch';
  } else if (!m && existsSync(join(dir, 'report.html')) && existsSync(join(dir, 'charts'))) kind = 'report';
  else if (!m && readJson(join(dir, 'job.json'))?.kind === 'slurm-job') kind = 'slurm';
  else if (!m && existsSync(join(dir, 'sensitivity.json')) && existsSync(join(dir, 'tables'))) kind = 'sensitivity';
  else if (!m && existsSync(join(dir, 'discover.json')) && existsSync(join(dir, 'tables'))) kind = 'discover';
  if (!kind) return undefined;
  const files = LEGACY_FILES[kind].filter((f) => existsSync(join(dir, f)));
  // An older report or analysis wrote its tables and charts in these sub-folders: they are regiosim's.
  if (kind === 'report' || kind === 'sensitivity' || kind === 'discover')
    for (const sub of ['tables', 'charts'])
      for (const e of readdirSafe(join(dir, sub))) if (e.isFile()) files.push(`${sub}/${e.name}`);
  return { tool: 'regiosim', kind, files };
}

function readdirSafe(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

/** What a folder holds, by its marker (or manifest for older folders); undefined for a folder regiosim did not write. */
export function outputKindOf(dir: string): OutputKind | undefined {
  return markerOf(dir)?.kind;
}

const KINDS = new Set<string>(Object.keys(LEGACY_FILES));

/** The folder's marker (or the one inferred for an older folder); undefined for a folder regiosim did not write. */
function markerOf(dir: string): Marker | undefined {
  const m = readJson(join(dir, MARKER_FILE));
  if (m?.tool === 'regiosim' && typeof m.kind === 'string' && KINDS.has(m.kind))
    return {
      tool: 'regiosim',
      kind: m.kind as OutputKind,
      files: Array.isArray(m.files) ? m.files.filter((f): f is string => typeof f === 'string') : [],
    };
  return legacyMarker(dir);
}

const KIND_NAMES: Record<OutputKind, string> = {
  run: 'the output of regiosim run',
  batch: 'a batch (regiosim batch)',
  explore: 'an exploration (regiosim explore)',
  compare: 'a comparison (regiosim compare)',
  merge: 'a merged batch (regiosim merge)',
  report: 'a report (regiosim report)',
  sensitivity: 'a sensitivity analysis (regiosim sensitivity)',
  discover: 'a scenario discovery (regiosim discover)',
  robustness: 'a robustness analysis (regiosim robustness)',
  slurm: 'a SLURM job folder (regiosim slurm)',
  calibrate: 'a calibration (regiosim calibrate)',
};

const kindError = (dir: string, was: OutputKind, kind: OutputKind) =>
  new OutputError(`${dir} holds ${KIND_NAMES[was]}; it cannot take ${KIND_NAMES[kind]}: choose another output folder`);

export class OutputFolder {
  private readonly before: Set<string>;
  private readonly files: Set<string>;
  private readonly written = new Set<string>();

  private constructor(
    readonly dir: string,
    readonly kind: OutputKind,
    before: string[],
    /** True when the folder was already regiosim's (of this kind) before this claim. */
    readonly earlier: boolean,
  ) {
    this.before = new Set(before);
    this.files = new Set(before);
  }

  /** True when regiosim recorded writing `name` here before this claim. */
  recorded(name: string): boolean {
    return this.before.has(name);
  }

  /** The folder's write lock, when claimed with a command (released by release()). */
  lock?: Lock;

  /**
   * Claims `dir` for output of `kind` (creating it): refused when it holds another kind of output,
   * or when one of `planned` (the files this writer will write) exists and regiosim did not write it.
   * With `command`, also takes the folder's write lock (store/lock.ts) before looking at the folder,
   * so that two writers never both pass the checks; a second writer is refused naming the first.
   * A folder this call created is removed again when the claim fails.
   * @throws OutputError
   */
  static claim(dir: string, kind: OutputKind, planned: readonly string[] = [], command?: string): OutputFolder {
    if (dir.trim() === '') throw new OutputError('the output folder is empty (""): name a folder');
    let st: ReturnType<typeof statSync>;
    try {
      st = statSync(dir, { throwIfNoEntry: false });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOTDIR') throw e;
      st = undefined; // a part of the path is a file: makeDir below says so
    }
    if (st && !st.isDirectory()) throw new OutputError(`${dir} is a file, not a folder: choose another output folder`);
    // Refused before anything is made: another kind of output already there.
    const early = st ? markerOf(dir) : undefined;
    if (early && early.kind !== kind) throw kindError(dir, early.kind, kind);
    const made = makeDir(dir);
    let lock: Lock | undefined;
    try {
      if (command) lock = acquireLock(join(dir, LOCK_FILE), command, dir);
      const marker = markerOf(dir);
      if (marker && marker.kind !== kind) throw kindError(dir, marker.kind, kind);
      const folder = new OutputFolder(dir, kind, marker?.files ?? [], marker !== undefined);
      for (const name of planned) folder.check(name);
      folder.save();
      folder.lock = lock;
      return folder;
    } catch (e) {
      lock?.release();
      for (const d of made.reverse()) {
        try {
          rmdirSync(d); // only when empty: nothing of anyone's goes
        } catch {
          break;
        }
      }
      throw e;
    }
  }

  /** The holder of a stale lock this claim took over, for a note. */
  get staleLock(): LockHolder | undefined {
    return this.lock?.stale;
  }

  /** A note on a stale lock taken over, or undefined. */
  staleNote(): string | undefined {
    return this.lock?.stale ? `note: took over the stale lock of ${holderText(this.lock.stale)}, which no longer runs` : undefined;
  }

  /** Releases the write lock (if any); also done at process exit. */
  release(): void {
    this.lock?.release();
  }

  private check(name: string): void {
    if (name.endsWith('/')) {
      if (!this.files.has(name) && existsSync(join(this.dir, name)))
        throw new OutputError(
          `${join(this.dir, name)} exists and was not made by regiosim, which never writes into such a folder: move it away or choose another output folder`,
        );
      return;
    }
    if (!this.files.has(name) && existsSync(join(this.dir, name)))
      throw new OutputError(
        `${join(this.dir, name)} exists and was not written by regiosim, which never overwrites such a file: move it away or choose another output folder`,
      );
  }

  /** Records a sub-folder this writer makes (e.g. shards/, logs/), refused when it exists and is not regiosim's. @throws OutputError */
  dirPath(name: string): string {
    const key = `${name.replace(/\/+$/, '')}/`;
    this.check(key);
    const path = join(this.dir, name);
    makeDir(path);
    this.written.add(key);
    if (!this.files.has(key)) {
      this.files.add(key);
      this.save();
    }
    return path;
  }

  private save(): void {
    const marker: Marker = { tool: 'regiosim', kind: this.kind, files: [...this.files].sort() };
    writeAtomic(join(this.dir, MARKER_FILE), `${JSON.stringify(marker, null, 1)}\n`);
  }

  /** The path to write `name` (relative, may hold a sub-folder) at, recorded as regiosim's first. @throws OutputError */
  path(name: string): string {
    this.check(name);
    const path = join(this.dir, name);
    makeDir(dirname(path));
    this.written.add(name);
    if (!this.files.has(name)) {
      this.files.add(name);
      this.save();
    }
    return path;
  }

  /** Removes the files an earlier writer recorded that this one did not write (only regiosim's own files). */
  removeStale(): string[] {
    // Files only: a sub-folder (a name ending in /) stays.
    const removed = [...this.before].filter((f) => !this.written.has(f) && !f.endsWith('/'));
    for (const f of removed) {
      rmSync(join(this.dir, f), { force: true });
      this.files.delete(f);
    }
    if (removed.length) this.save();
    return removed;
  }
}
