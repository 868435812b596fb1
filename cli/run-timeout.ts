import { shownFlagValue } from './options.js';

/** A message if --run-timeout is not a positive number of seconds (given once), else undefined. */
export function badTimeout(v: unknown): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'number' && Number.isFinite(v) && v > 0 && v <= 86_400 * 365) return undefined;
  return `--run-timeout: ${shownFlagValue(v)} is not allowed; allowed: a number of seconds > 0`;
}
