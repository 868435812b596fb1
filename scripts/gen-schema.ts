/**
 * Writes the JSON Schemas of scenario and experiment files (scenarios/*.schema.json) from the lever
 * and parameter registries. Run it after changing sim/levers.ts or sim/parameters.ts:
 * `npm run schema`. A test fails while the committed schemas are stale.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../scenarios/refs.js';
import { schemaFiles } from '../scenarios/schema.js';

for (const { file, text } of schemaFiles()) {
  const path = join(projectRoot(), 'scenarios', file);
  writeFileSync(path, text);
  process.stdout.write(`wrote ${path}\n`);
}
