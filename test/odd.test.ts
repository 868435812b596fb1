import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readKeptInert } from '../reports/mechanisms/config.js';
import {
  BEGIN_MARKER,
  cell,
  END_MARKER,
  renderParameterTable,
  replaceTable,
  tableInDocument,
} from '../scripts/param-table.js';
import { LEVER_NAMES } from '../sim/levers.js';
import { MUNICIPALITY_SERIES, REGION_SERIES, SIZE_CLASS_SERIES } from '../sim/outputs.js';
import { PARAMETER_NAMES } from '../sim/parameters.js';
import { STREAM_PURPOSES } from '../sim/rng.js';
import { FLOW_NODES } from '../sim/state.js';
import { SUMMARY_METRICS } from '../sim/summary.js';
import { run } from './helpers.js';

const ODD_PATH = fileURLToPath(new URL('../docs/ODD.md', import.meta.url));
const odd = readFileSync(ODD_PATH, 'utf8');

describe('docs/ODD.md', () => {
  it('has the generated parameter table between its markers, up to date with the registries', () => {
    const between = tableInDocument(odd);
    expect(between, `docs/ODD.md lacks the markers ${BEGIN_MARKER} ... ${END_MARKER}`).toBeDefined();
    expect(between?.trim(), 'docs/ODD.md parameter table is stale: run npm run docs:params').toBe(
      renderParameterTable().trim(),
    );
  });

  it('names every parameter of the registry', () => {
    const missing = PARAMETER_NAMES.filter((name) => !odd.includes(name));
    expect(missing, 'parameters missing from docs/ODD.md').toEqual([]);
  });

  it('names every lever', () => {
    const missing = LEVER_NAMES.filter((name) => !odd.includes(name));
    expect(missing, 'levers missing from docs/ODD.md').toEqual([]);
  });

  it('describes every parameter and lever outside the generated table too', () => {
    // The table alone would make the name checks pass trivially: the prose (submodels) must use each name.
    const table = tableInDocument(odd) ?? '';
    const prose = odd.replace(table, '');
    const missing = [...PARAMETER_NAMES, ...LEVER_NAMES].filter((name) => !new RegExp(`\\b${name}\\b`).test(prose));
    expect(missing, 'names that appear only in the generated table of docs/ODD.md').toEqual([]);
  });
});

describe('docs/ODD.md on factors kept though inert', () => {
  it('names in 7.12 every factor of docs/mechanisms/kept-inert.yaml, and only those', () => {
    const kept = Object.keys(
      readKeptInert(fileURLToPath(new URL('../docs/mechanisms/kept-inert.yaml', import.meta.url))),
    );
    const start = odd.indexOf('\n### 7.12 ');
    const section = start < 0 ? '' : odd.slice(start, odd.indexOf('\n## 8. ', start));
    const listed = [...section.matchAll(/^- `([A-Za-z0-9]+)`:/gm)].map((m) => m[1]);
    expect(kept.length).toBeGreaterThan(0);
    expect(listed.sort(), 'docs/ODD.md 7.12 against kept-inert.yaml').toEqual([...kept].sort());
    const known = new Set<string>([...PARAMETER_NAMES, ...LEVER_NAMES]);
    expect(
      kept.filter((name) => !known.has(name)),
      'kept-inert.yaml names that are no factor',
    ).toEqual([]);
  });
});

describe('docs/ODD.md section 7 (submodels) headings', () => {
  // Headings name the code they describe; a renamed function must not leave a stale name behind.
  const start = odd.indexOf('\n## 7. ');
  const section = start < 0 ? '' : odd.slice(start, odd.indexOf('\n## 8. ', start));
  const headings = section.split('\n').filter((line) => /^#{2,4} /.test(line));
  const names = [...new Set(headings.flatMap((h) => [...h.matchAll(/`([^`]+)`/g)].map((m) => m[1])))];
  const simDir = fileURLToPath(new URL('../sim/', import.meta.url));
  const source = readdirSync(simDir)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => readFileSync(`${simDir}${f}`, 'utf8'))
    .join('\n');
  const known = new Set<string>([...PARAMETER_NAMES, ...LEVER_NAMES, ...STREAM_PURPOSES]);

  it('names only files that exist', () => {
    const files = names.filter((n) => n.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(0);
    const missing = files.filter((f) => !existsSync(fileURLToPath(new URL(`../${f}`, import.meta.url))));
    expect(missing, 'files named in section 7 headings that do not exist').toEqual([]);
  });

  it('names only functions the code defines (or parameters, levers and streams)', () => {
    const functions = names.filter((n) => /^[a-z][A-Za-z0-9]*$/.test(n) && !known.has(n));
    expect(functions.length).toBeGreaterThan(20);
    const missing = functions.filter((n) => !new RegExp(`\\bfunction ${n}\\b`).test(source));
    expect(missing, 'functions named in section 7 headings that sim/ does not define').toEqual([]);
  });
});

/** The text of section 8 (Outputs), up to section 9. */
function outputsSection(doc: string): string {
  const start = doc.indexOf('\n## 8. Outputs');
  const end = doc.indexOf('\n## 9. ', start);
  return start < 0 ? '' : doc.slice(start, end < 0 ? undefined : end);
}

/** The subsection of section 8 whose heading names `marker` (e.g. REGION_SERIES), up to the next heading. */
function outputsSubsection(section: string, marker: string): string {
  const lines = section.split('\n');
  const at = lines.findIndex((line) => line.startsWith('### ') && line.includes(`\`${marker}\``));
  if (at < 0) return '';
  const next = lines.findIndex((line, k) => k > at && line.startsWith('#'));
  return lines.slice(at, next < 0 ? undefined : next).join('\n');
}

/** Names in the first column of the markdown tables of a text (`| \`name\` | ...`). */
function tableNames(text: string): string[] {
  return [...text.matchAll(/^\| `([A-Za-z0-9]+)` \|/gm)].map((m) => m[1]);
}

describe('docs/ODD.md section 8 (outputs)', () => {
  const section = outputsSection(odd);
  // A short default run gives the field names of the pool and municipality records (TypeScript interfaces).
  const summary = run({ horizonMonths: 13 }, 1).summary;
  const lists: Array<[string, string[]]> = [
    ['REGION_SERIES', Object.keys(REGION_SERIES)],
    ['SIZE_CLASS_SERIES', Object.keys(SIZE_CLASS_SERIES)],
    ['MUNICIPALITY_SERIES', Object.keys(MUNICIPALITY_SERIES)],
    ['SUMMARY_METRICS', Object.keys(SUMMARY_METRICS)],
    ['PoolRecord', Object.keys(summary.pools[0] ?? {})],
    ['MunicipalityRecord', Object.keys(summary.municipalities[0] ?? {})],
    ['FLOW_NODES', [...FLOW_NODES]],
  ];

  it('has a subsection with a table for each output list of the code', () => {
    expect(section, 'docs/ODD.md has no section "## 8. Outputs"').not.toBe('');
    expect(summary.pools.length, 'the default run founds a pool (its record fields are checked)').toBeGreaterThan(0);
    const missing = lists.filter(([marker]) => outputsSubsection(section, marker) === '').map(([marker]) => marker);
    expect(missing, 'section 8 lacks a "### ..." subsection naming these in backticks').toEqual([]);
  });

  it.each(lists)('defines every name of %s in a table row of its subsection', (marker, names) => {
    const rows = new Set(tableNames(outputsSubsection(section, marker)));
    const missing = names.filter((name) => !rows.has(name));
    expect(missing, `outputs of ${marker} without a row in section 8 of docs/ODD.md`).toEqual([]);
  });

  it.each(lists)('defines no output of %s that the code does not have', (marker, names) => {
    const known = new Set(names);
    const stale = tableNames(outputsSubsection(section, marker)).filter((name) => !known.has(name));
    expect(stale, `rows in section 8 of docs/ODD.md for outputs the code no longer has (${marker})`).toEqual([]);
  });
});

describe('scripts/param-table.ts', () => {
  it('escapes pipes and folds line breaks in table cells', () => {
    expect(cell('a | b\nc')).toBe('a \\| b c');
  });

  it('replaces only the text between the markers', () => {
    const doc = `head\n${BEGIN_MARKER}\nold\n${END_MARKER}\ntail\n`;
    expect(replaceTable(doc, 'new')).toBe(`head\n${BEGIN_MARKER}\nnew\n${END_MARKER}\ntail\n`);
    expect(() => replaceTable('no markers', 'new')).toThrow();
  });

  it('renders one row per parameter and per lever', () => {
    const table = renderParameterTable();
    for (const name of [...PARAMETER_NAMES, ...LEVER_NAMES]) expect(table).toContain(`| \`${name}\` |`);
  });
});
