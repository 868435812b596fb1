import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  BEGIN_MARKER,
  cell,
  END_MARKER,
  renderParameterTable,
  replaceTable,
  tableInDocument,
} from '../scripts/param-table.js';
import { LEVER_NAMES } from '../sim/levers.js';
import { PARAMETER_NAMES } from '../sim/parameters.js';

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
