/**
 * The copying part of `regiosim merge` (workers/shard-merge.ts): one shard's runs.csv rows and the
 * lines of its row tables (series.csv, municipalities.csv, ...) into the merged files, every row
 * and line checked on the way.
 */
import { closeSync, existsSync, readSync, statSync } from 'node:fs';
import { openRegular } from '../store/read.js';
import { writeAll } from '../store/write.js';
import { forEachLine, splitCsvLine } from './csv-lines.js';
import { batchPaths } from './engine.js';
import { join } from 'node:path';
import { runIndexOf } from './runs-table.js';
import { runsText } from './shard.js';
import { MergeError, planOf, type ShardFolder } from './shard-folder.js';
import type { RowTable } from './tables.js';
import { rowProblem, type SeriesCheck } from './verify.js';

const range = (s: Pick<ShardFolder['shard'], 'runs'>) => runsText(s.runs);

/** Appends text to a file descriptor in large writes. */
export class Appender {
  private parts: string[] = [];
  private size = 0;
  constructor(
    private readonly fd: number,
    private readonly path: string,
  ) {}
  add(text: string): void {
    this.parts.push(text);
    this.size += text.length;
    if (this.size > 1 << 20) this.flush();
  }
  flush(): void {
    if (this.parts.length) writeAll(this.fd, this.parts.join(''), this.path);
    this.parts = [];
    this.size = 0;
  }
}

/**
 * Copies one shard's runs.csv rows (checking header, run indices and completeness); returns its
 * counts. Each ok run is declared to the check of every row table (`checks`, in `tables` order).
 */
export function copyRuns(
  f: ShardFolder,
  header: string,
  out: Appender,
  tables: readonly RowTable[],
  checks: readonly SeriesCheck[],
): { ok: number; failed: number } {
  const file = batchPaths(f.dir).runs;
  const where = `shard ${f.shard.index}/${f.shard.count} in ${f.dir}`;
  if (!existsSync(file)) throw new MergeError('incomplete', [`${where} has no runs.csv`]);
  let first = true;
  let next = f.shard.runs.from;
  let ok = 0;
  let failed = 0;
  const columns = header.trimEnd().split(',');
  const statusColumn = columns.indexOf('status');
  const plan = planOf(f);
  const rules = { columns, pointIds: (plan.points ?? []).map((p) => p.id), replicates: plan.replicates ?? 1 };
  const lines = tables.map((t) =>
    (plan.points ?? []).map((p) => t.rowsPerRun({ horizonMonths: p.horizonMonths ?? 0, municipalities: p.municipalities })),
  );
  const complete = forEachLine(file, (line) => {
    if (first) {
      first = false;
      if (`${line}\n` !== header)
        throw new MergeError('refused', [`${file} has other columns than the first shard's runs.csv`]);
      return true;
    }
    const cells = splitCsvLine(line);
    const problem = rowProblem(cells, next, rules);
    if (problem)
      throw new MergeError('refused', [`${file} line ${next - f.shard.runs.from + 2}: ${problem}: the file was edited or damaged`]);
    if (cells[statusColumn] === 'ok') {
      ok++;
      for (let k = 0; k < tables.length; k++) checks[k].expect(next, lines[k][Math.floor(next / rules.replicates)]);
    } else failed++;
    next++;
    out.add(`${line}\n`);
    return true;
  });
  if (statSync(file).size > complete || next !== f.shard.runs.to)
    throw new MergeError('incomplete', [
      `${where}: runs.csv holds ${next - f.shard.runs.from} of its ${f.shard.runs.to - f.shard.runs.from} runs (the manifest says complete): run it again with --resume`,
    ]);
  const c = f.manifest.counts;
  if (ok !== c.ok || failed !== c.failed)
    throw new MergeError('refused', [
      `${where}: runs.csv has ${ok} ok and ${failed} failed runs, its manifest ${c.ok} and ${c.failed}: the files were edited`,
    ]);
  return { ok, failed };
}

/** Copies the body of one shard's row table byte for byte (checking every line, its header, first and last rows). */
export function copyTable(f: ShardFolder, table: RowTable, out: number, outPath: string, check: SeriesCheck): void {
  const file = join(f.dir, table.file);
  const header = table.header;
  const where = `shard ${f.shard.index}/${f.shard.count} in ${f.dir}`;
  if (!existsSync(file)) throw new MergeError('incomplete', [`${where} has no ${table.file}`]);
  // Every ok run of the shard must have exactly its series lines, in order, with numbers.
  let problem: string | undefined;
  const whole = forEachLine(file, (line, at) => {
    if (at === 0) return true;
    problem = check.line(line);
    return problem === undefined;
  });
  problem ??= whole < statSync(file).size ? 'the last line is cut' : check.end();
  if (problem) throw new MergeError('refused', [`${file}: ${problem}: the file was edited or damaged`]);
  const size = statSync(file).size;
  const fd = openRegular(file);
  try {
    const head = Buffer.alloc(Math.min(size, 64 * 1024));
    readSync(fd, head, 0, head.length, 0);
    if (!head.subarray(0, header.length).equals(Buffer.from(header)))
      throw new MergeError('refused', [`${file} does not start with the header ${header.trim()}`]);
    if (size === header.length) return;
    const tail = Buffer.alloc(Math.min(size - header.length, 64 * 1024));
    readSync(fd, tail, 0, tail.length, size - tail.length);
    const lastNl = tail.lastIndexOf(10);
    const prevNl = tail.lastIndexOf(10, lastNl - 1);
    const firstLine = head.toString('utf8', header.length, head.indexOf(10, header.length));
    const lastLine = tail.toString('utf8', prevNl + 1, lastNl);
    const inRange = (line: string) => {
      const run = runIndexOf(line);
      return run >= f.shard.runs.from && run < f.shard.runs.to;
    };
    if (lastNl !== tail.length - 1 || !inRange(firstLine) || !inRange(lastLine))
      throw new MergeError('refused', [`${file} is damaged or holds runs outside the shard's ${range(f.shard)}`]);
    const buf = Buffer.alloc(1 << 22);
    for (let pos = header.length; pos < size; ) {
      const n = readSync(fd, buf, 0, Math.min(buf.length, size - pos), pos);
      if (n === 0) break;
      writeAll(out, buf.subarray(0, n), outPath);
      pos += n;
    }
  } finally {
    closeSync(fd);
  }
}

