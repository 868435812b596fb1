/**
 * The design of an explore batch on disk: design.csv (the sample, one row per design point, as
 * scenarios/designs designToCsv writes it: `row` is the future number in point ids) and
 * design.json (method, options, seed, factors with their ranges, policies, scenarios and the
 * unit-cube coordinates), next to runs.csv. Both are reproducible from the experiment file: the
 * same seed draws the same sample.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { makeDir } from '../store/dirs.js';
import { readJsonFile, readRegularText } from '../store/read.js';
import { writeAtomic } from '../store/write.js';
import type { Exploration } from './design-build.js';
import { designToCsv } from './designs/index.js';
import { DesignFileError } from './issues.js';

export const DESIGN_CSV = 'design.csv';
export const DESIGN_JSON = 'design.json';
const FORMAT = 'regiosim-design/1';

// Defined with the other user-facing errors (cli/errors.ts imports them without this module).
export { DesignFileError };

/** The text of design.json. */
export function designJson(exploration: Exploration): string {
  return `${JSON.stringify({ format: FORMAT, ...exploration }, null, 1)}\n`;
}

/**
 * Writes design.csv and design.json into `dir`. A folder that already holds another design (a
 * different experiment, seed or size) is refused, so a batch's runs and its design always belong
 * together; the same design is left as it is (resume).
 * @throws DesignFileError
 */
export function writeDesignFiles(dir: string, exploration: Exploration): { csv: string; json: string } {
  const csv = join(dir, DESIGN_CSV);
  const json = join(dir, DESIGN_JSON);
  const text = designJson(exploration);
  if (existsSync(json)) {
    if (readRegularText(json) !== text)
      throw new DesignFileError(
        `${dir} already holds another design (design.json differs): choose another --out, or resume with the same experiment file`,
      );
    return { csv, json };
  }
  makeDir(dir);
  writeAtomic(csv, designToCsv(exploration.design));
  writeAtomic(json, text);
  return { csv, json };
}

/** True when a batch folder holds a design (it was run by regiosim explore). */
export function hasDesign(dir: string): boolean {
  return existsSync(join(dir, DESIGN_JSON));
}

/**
 * Reads a batch folder's design.json.
 * @throws DesignFileError when it is missing or not a regiosim design
 */
export function readDesignFile(dir: string): Exploration {
  const path = join(dir, DESIGN_JSON);
  if (!existsSync(path))
    throw new DesignFileError(
      `${dir} has no ${DESIGN_JSON}: it is not an explore batch (run the experiment with regiosim explore; its file needs a design: block)`,
    );
  // Read safely (store/read.ts): a FIFO, a device or a link to a secret is refused without quoting it.
  const parsed = readJsonFile(path) as ({ format?: string } & Exploration) | null;
  if (!parsed || typeof parsed !== 'object' || parsed.format !== FORMAT)
    throw new DesignFileError(`${path}: not a regiosim design file; allowed: format ${FORMAT}`);
  const { format: _format, ...exploration } = parsed;
  return exploration;
}
