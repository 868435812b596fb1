/**
 * An output folder belongs to one kind of output: a marker file (.regiosim-output) records the kind
 * and every file regiosim wrote there. Writing another kind into the folder is refused, a file that
 * regiosim did not write is never overwritten, and a writer can remove what an earlier writer of the
 * same kind left and it no longer writes (a new report's stale charts).
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { OutputError } from './errors.js';
import { writeAtomic } from './write.js';

export type OutputKind = 'run' | 'batch' | 'explore' | 'compare' | 'merge' | 'report';
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
};

function readJson(path: string): Record<string, unknown> | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
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
  if (!kind) return undefined;
  return { tool: 'regiosim', kind, files: LEGACY_FILES[kind].filter((f) => existsSync(join(dir, f))) };
}

/** What a folder holds, by its marker (or manifest for older folders); undefined for a folder regiosim did not write. */
export function outputKindOf(dir: string): OutputKind | undefined {
  const m = readJson(join(dir, MARKER_FILE)) as Marker | undefined;
  return m?.tool === 'regiosim' ? m.kind : legacyMarker(dir)?.kind;
}

const KIND_NAMES: Record<OutputKind, string> = {
  run: 'the output of regiosim run',
  batch: 'a batch (regiosim batch)',
  explore: 'an exploration (regiosim explore)',
  compare: 'a comparison (regiosim compare)',
  merge: 'a merged batch (regiosim merge)',
  report: 'a report (regiosim report)',
};

export class OutputFolder {
  private readonly before: Set<string>;
  private readonly files: Set<string>;
  private readonly written = new Set<string>();

  private constructor(
    readonly dir: string,
    readonly kind: OutputKind,
    before: string[],
  ) {
    this.before = new Set(before);
    this.files = new Set(before);
  }

  /**
   * Claims `dir` for output of `kind` (creating it): refused when it holds another kind of output,
   * or when one of `planned` (the files this writer will write) exists and regiosim did not write it.
   * @throws OutputError
   */
  static claim(dir: string, kind: OutputKind, planned: readonly string[] = []): OutputFolder {
    if (dir.trim() === '') throw new OutputError('the output folder is empty (""): name a folder');
    const st = statSync(dir, { throwIfNoEntry: false });
    if (st && !st.isDirectory()) throw new OutputError(`${dir} is a file, not a folder: choose another output folder`);
    const marker = (readJson(join(dir, MARKER_FILE)) as Marker | undefined) ?? (st ? legacyMarker(dir) : undefined);
    if (marker && marker.kind !== kind)
      throw new OutputError(
        `${dir} holds ${KIND_NAMES[marker.kind]}; it cannot take ${KIND_NAMES[kind]}: choose another output folder`,
      );
    const folder = new OutputFolder(dir, kind, marker?.files ?? []);
    for (const name of planned) folder.check(name);
    mkdirSync(dir, { recursive: true });
    folder.save();
    return folder;
  }

  private check(name: string): void {
    if (!this.files.has(name) && existsSync(join(this.dir, name)))
      throw new OutputError(
        `${join(this.dir, name)} exists and was not written by regiosim, which never overwrites such a file: move it away or choose another output folder`,
      );
  }

  private save(): void {
    const marker: Marker = { tool: 'regiosim', kind: this.kind, files: [...this.files].sort() };
    writeAtomic(join(this.dir, MARKER_FILE), `${JSON.stringify(marker, null, 1)}\n`);
  }

  /** The path to write `name` (relative, may hold a sub-folder) at, recorded as regiosim's first. @throws OutputError */
  path(name: string): string {
    this.check(name);
    const path = join(this.dir, name);
    mkdirSync(dirname(path), { recursive: true });
    this.written.add(name);
    if (!this.files.has(name)) {
      this.files.add(name);
      this.save();
    }
    return path;
  }

  /** Removes the files an earlier writer recorded that this one did not write (only regiosim's own files). */
  removeStale(): string[] {
    const removed = [...this.before].filter((f) => !this.written.has(f));
    for (const f of removed) {
      rmSync(join(this.dir, f), { force: true });
      this.files.delete(f);
    }
    if (removed.length) this.save();
    return removed;
  }
}
