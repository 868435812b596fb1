/**
 * Finished generations on disk: <out>/generations/gen-TT.json, each written atomically when its
 * generation is complete, so a killed calibration loses at most the generation it was running.
 * Numbers are kept exactly (JSON's shortest round-trip form); Infinity and NaN as strings.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readInputText } from '../../scenarios/input-file.js';
import type { Generation } from './pmc.js';

export const GENERATIONS_DIR = 'generations';
export const generationFile = (t: number) => `${GENERATIONS_DIR}/gen-${String(t).padStart(2, '0')}.json`;

const replacer = (_: string, v: unknown) =>
  typeof v === 'number' && !Number.isFinite(v) ? (Number.isNaN(v) ? 'NaN' : v > 0 ? 'Infinity' : '-Infinity') : v;
const reviver = (_: string, v: unknown) =>
  v === 'NaN' ? Number.NaN : v === 'Infinity' ? Number.POSITIVE_INFINITY : v === '-Infinity' ? Number.NEGATIVE_INFINITY : v;

export function generationJson(g: Generation, fingerprint: string): string {
  return `${JSON.stringify({ fingerprint, ...g }, replacer)}\n`;
}

/**
 * The finished generations 0, 1, ... in a folder (stopping at the first missing one), each checked
 * to belong to the calibration with this fingerprint.
 * @throws Error naming the file that does not fit
 */
export function readGenerations(dir: string, fingerprint: string): Generation[] {
  const out: Generation[] = [];
  if (!existsSync(join(dir, GENERATIONS_DIR))) return out;
  const names = new Set(readdirSync(join(dir, GENERATIONS_DIR)));
  for (let t = 0; names.has(generationFile(t).slice(GENERATIONS_DIR.length + 1)); t++) {
    const path = join(dir, generationFile(t));
    const read = readInputText(path, 1 << 30);
    if ('problem' in read) throw new Error(`${path}: ${read.problem}`);
    const g = JSON.parse(read.text, reviver) as Generation & { fingerprint?: string };
    if (g.fingerprint !== fingerprint)
      throw new Error(
        `${path} belongs to another calibration (its settings, scenario or patterns differ from the file's now): use --force to start over, or choose another --out`,
      );
    const { fingerprint: _, ...rest } = g;
    out.push(rest);
  }
  return out;
}
