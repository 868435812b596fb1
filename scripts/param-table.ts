/**
 * Renders the ODD parameter table (docs/ODD.md section 9) from the parameter registry
 * (sim/parameters.ts) and the lever registry (sim/levers.ts), so the documentation cannot drift
 * from the code. Run as a script it rewrites the text between the table markers in docs/ODD.md:
 *
 *   npm run docs:params        (tsx scripts/param-table.ts)
 *
 * test/odd.test.ts fails when the table in docs/ODD.md differs from `renderParameterTable()`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LEVER_NAMES, LEVERS } from '../sim/levers.js';
import { PARAMETER_NAMES, PARAMETERS, type ParameterGroup } from '../sim/parameters.js';

export const BEGIN_MARKER = '<!-- BEGIN PARAMETER TABLE -->';
export const END_MARKER = '<!-- END PARAMETER TABLE -->';

/** Row headings of the parameter groups (a new group in the registry must get a heading here). */
const GROUP_TITLES: Record<ParameterGroup, string> = {
  demand: 'Demand and production (7.1, 7.2)',
  labour: 'Labour market (7.3)',
  money: 'Money (7.3, 7.5)',
  consultants: 'Consultants (7.4)',
  knowledge: 'Knowledge and productivity (7.2, 7.6)',
  trust: 'Trust (7.7)',
  crises: 'Crises (7.8)',
  decisions: 'Membership decisions (7.9)',
  pool: 'Pool operations (7.5)',
};

/** Makes text safe inside a Markdown table cell: escapes pipes, folds line breaks. */
export function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|').trim();
}

/** Numbers as written in the registry; whole numbers of five or more digits get thousands separators. */
function num(x: number): string {
  if (Number.isInteger(x) && Math.abs(x) >= 10_000) {
    const sign = x < 0 ? '-' : '';
    return sign + String(Math.abs(x)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  }
  return String(x);
}

function row(cells: string[]): string {
  return `| ${cells.map(cell).join(' | ')} |`;
}

function parameterTable(): string[] {
  const lines = [
    row(['name', 'default', 'range', 'unit', 'tag', 'description', 'source']),
    '|---|---|---|---|---|---|---|',
  ];
  // Groups in the order they first appear in the registry; parameters in registry order within a group.
  const groups: ParameterGroup[] = [];
  for (const name of PARAMETER_NAMES) {
    const g = PARAMETERS[name].group;
    if (!groups.includes(g)) groups.push(g);
  }
  for (const g of groups) {
    lines.push(row([`**${GROUP_TITLES[g]}**`, '', '', '', '', '', '']));
    for (const name of PARAMETER_NAMES) {
      const d = PARAMETERS[name];
      if (d.group !== g) continue;
      const range = `${num(d.min)} to ${num(d.max)}${d.integer ? ', whole' : ''}`;
      lines.push(row([`\`${name}\``, num(d.default), range, d.unit, d.tag, d.description, d.source]));
    }
  }
  return lines;
}

function leverTable(): string[] {
  const lines = [row(['name', 'default', 'allowed values or range', 'description']), '|---|---|---|---|'];
  for (const name of LEVER_NAMES) {
    const d = LEVERS[name];
    let def: string;
    let allowed: string;
    let description: string = d.description;
    switch (d.kind) {
      case 'choice':
        def = `\`${d.default}\``;
        allowed = d.values.map((v) => `\`${v}\``).join(', ');
        break;
      case 'number':
        def = `${num(d.default)} ${d.unit}`;
        allowed = `${num(d.min)} to ${num(d.max)} ${d.unit}${d.integer ? ', whole' : ''}`;
        if (d.source) description += ` Source: ${d.source}${/[.!?]$/.test(d.source) ? '' : '.'}`;
        break;
      case 'boolean':
        def = String(d.default);
        allowed = 'true, false';
        break;
      case 'roles':
        def = d.default.join(', ');
        allowed = 'a non-empty list of distinct roles from specialist, local, process';
        break;
      case 'codes':
        def = d.default.length > 0 ? d.default.join(', ') : '(none)';
        allowed = 'a list of CBS municipality codes of the region';
        break;
    }
    lines.push(row([`\`${name}\``, def, allowed, description]));
  }
  return lines;
}

/**
 * The Markdown that belongs between the table markers of docs/ODD.md: the parameter registry as
 * one table grouped by `group`, then the levers.
 */
export function renderParameterTable(): string {
  return [
    `Generated from \`sim/parameters.ts\` and \`sim/levers.ts\` by \`npm run docs:params\`; do not edit by hand.`,
    'Tags: E empirical, D derived from an empirical figure, A assumption (varied in sensitivity analysis).',
    'The range is what scenario files may set and what sensitivity analysis samples; "whole" marks integers.',
    '',
    // Stable anchors for links (docs/ODD.md#parameters, #levers): the headings carry counts that change.
    '<a id="parameters"></a>',
    '',
    `### Parameters (${PARAMETER_NAMES.length})`,
    '',
    ...parameterTable(),
    '',
    '<a id="levers"></a>',
    '',
    `### Levers (${LEVER_NAMES.length})`,
    '',
    ...leverTable(),
  ].join('\n');
}

/** The text between the markers, or undefined if the markers are missing or out of order. */
export function tableInDocument(doc: string): string | undefined {
  const begin = doc.indexOf(BEGIN_MARKER);
  const end = doc.indexOf(END_MARKER);
  if (begin < 0 || end < begin) return undefined;
  return doc.slice(begin + BEGIN_MARKER.length, end);
}

/** The document with the text between the markers replaced by the given table. */
export function replaceTable(doc: string, table: string): string {
  const begin = doc.indexOf(BEGIN_MARKER);
  const end = doc.indexOf(END_MARKER);
  if (begin < 0 || end < begin) throw new Error(`markers ${BEGIN_MARKER} ... ${END_MARKER} not found in order`);
  return `${doc.slice(0, begin + BEGIN_MARKER.length)}\n${table}\n${doc.slice(end)}`;
}

/** docs/ODD.md of the project this script belongs to (works from scripts/ and from dist/scripts/). */
export function oddPath(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let k = 0; k < 4; k++) {
    const candidate = join(dir, 'docs', 'ODD.md');
    if (existsSync(join(dir, 'package.json')) && existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  return resolve(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'ODD.md');
}

function main(): void {
  const path = oddPath();
  const doc = readFileSync(path, 'utf8');
  const updated = replaceTable(doc, renderParameterTable());
  if (updated === doc) {
    console.log(`${path}: parameter table up to date`);
    return;
  }
  writeFileSync(path, updated);
  console.log(`${path}: parameter table written (${PARAMETER_NAMES.length} parameters, ${LEVER_NAMES.length} levers)`);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
