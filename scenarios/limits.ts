/**
 * Limits on what scenario and experiment files may hold. Files come from researchers, but also from
 * downloads and colleagues: each limit is far above any real file and stops a hostile one (an alias
 * bomb, a 30 MB description, a FIFO) before it hangs or exhausts memory.
 */

/** Largest scenario or experiment file read, in bytes. */
export const MAX_FILE_BYTES = 1_000_000;
/** Shown in messages. */
export const MAX_FILE_TEXT = '1 MB (1,000,000 bytes)';
/** Deepest nesting of mappings and lists (real files use 6). */
export const MAX_DEPTH = 50;
/** Most values in one file, counting every use of an alias as a copy (real files have a few hundred). */
export const MAX_NODES = 100_000;
/** Longest text value, in characters (descriptions are one line). */
export const MAX_TEXT = 10_000;
/** Longest key, in characters (keys are names). */
export const MAX_KEY = 200;
/** Longest scenario, experiment or policy name: names go into point ids, folder names and reports. */
export const MAX_NAME = 100;
/** Longest description. */
export const MAX_DESCRIPTION = 2_000;
/** Most files in one extends chain. */
export const MAX_EXTENDS = 20;
