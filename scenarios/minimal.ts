/**
 * The first, minimal scenario reader, kept as a thin alias so existing callers keep working:
 * scenario files are now read by scenarios/load.ts (schema, extends, names, line numbers).
 */
import type { ModelInput } from '../sim/model-input.js';
import type { NationalData } from '../sim/region-data.js';
import { loadScenarioFile } from './load.js';

export { BUILT_IN } from './refs.js';

/**
 * Loads a scenario file, library name or built-in (default when none is given).
 * @throws ScenarioError listing every problem
 */
export function loadScenario(
  nameOrPath: string | undefined,
  data: NationalData,
): { input: ModelInput; files: string[] } {
  return loadScenarioFile(nameOrPath ?? 'default', data);
}
