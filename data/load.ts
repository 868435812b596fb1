/**
 * Loads the CBS tables in data/ into the shapes the model consumes (sim/region-data.ts), checking
 * them on the way in. Bad data stops the load with a DataError that says which file, line and
 * field are wrong, which value was found and what is allowed, so a broken or newer data file fails
 * loudly here instead of skewing a simulation run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AdjacencyLink, MunicipalityData, NationalData, ResRegionData } from '../sim/region-data.js';

export const MUNICIPALITIES_FILE = 'nl_municipalities_2024.csv';
export const ADJACENCY_FILE = 'nl_municipality_adjacency_2024.csv';
export const RES_REGIONS_FILE = 'nl_res_regions_2024.csv';
export const BOUNDARIES_FILE = 'nl_municipalities_2024.geojson';

const GM_CODE = /^GM\d{4}$/;
const RES_CODE = /^ES\d{2}$/;

/** A problem in a data file. `file` is the path that was read; the message shows its basename. */
export class DataError extends Error {
  readonly file: string;
  /** 1-based line of the record in the file (the header is line 1). */
  readonly line?: number;
  readonly field?: string;
  readonly value?: string;

  constructor(file: string, problem: string, where: { line?: number; field?: string; value?: string } = {}) {
    let place = basename(file);
    if (where.line !== undefined) place += ` line ${where.line}`;
    if (where.field !== undefined) place += `, field ${where.field}`;
    const shown = where.value !== undefined ? `${JSON.stringify(where.value)} ` : '';
    super(`${place}: ${shown}${problem}`);
    this.name = 'DataError';
    this.file = file;
    this.line = where.line;
    this.field = where.field;
    this.value = where.value;
  }
}

// ---------------------------------------------------------------------------------------------
// CSV

/** One parsed record: its cells and the line it starts on. */
interface CsvRecord {
  line: number;
  cells: string[];
}

/**
 * RFC 4180-style parser: commas separate fields, double quotes may wrap a field (and may then
 * contain commas, newlines and "" for a quote). Accepts LF or CRLF and strips a UTF-8 BOM.
 * The data does contain quoted commas ("Nuenen, Gerwen en Nederwetten"), so splitting on ',' is wrong.
 */
export function parseCsv(text: string, file: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false; // inside a quoted field
  let afterQuote = false; // just closed a quoted field; only a separator may follow
  let line = 1;
  let recordLine = 1;
  const endCell = (): void => {
    cells.push(cell);
    cell = '';
    afterQuote = false;
  };
  const endRecord = (): void => {
    endCell();
    // Blank lines (such as a trailing newline) are not records.
    if (!(cells.length === 1 && cells[0] === '')) records.push({ line: recordLine, cells });
    cells = [];
  };

  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
        afterQuote = true;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === ',') {
      endCell();
    } else if (ch === '\n' || (ch === '\r' && (text[i + 1] === '\n' || i + 1 === text.length))) {
      // CRLF or LF; a last line ending in CR alone (a CRLF file cut short) ends too.
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else if (ch === '\r') {
      throw new DataError(file, 'has a carriage return without a line feed (old Mac line endings); use LF or CRLF', { line });
    } else if (afterQuote) {
      throw new DataError(file, `has text after a closing quote (${JSON.stringify(ch)}); quote the whole field`, { line });
    } else if (ch === '"' && cell === '') {
      quoted = true;
    } else {
      cell += ch; // a quote inside an unquoted field is kept as text
    }
  }
  if (quoted) throw new DataError(file, 'has a quoted field that is never closed', { line: recordLine });
  endRecord();
  return records;
}

/** A data row with access to its cells by column name. */
interface Row {
  line: number;
  get(column: string): string;
}

function readText(path: string): string {
  if (!existsSync(path)) throw new DataError(path, `file not found: ${path}`);
  return readFileSync(path, 'utf8');
}

/** Reads a CSV file and checks its header has `required` columns and every row has one cell per column. */
function readTable(path: string, required: string[]): Row[] {
  const [header, ...records] = parseCsv(readText(path), path);
  if (header === undefined) throw new DataError(path, 'is empty (no header line)');
  const names = header.cells.map((name) => name.trim());
  for (const column of required) {
    if (!names.includes(column)) {
      throw new DataError(path, `missing required column "${column}" (header has: ${names.join(', ')})`, {
        line: header.line,
      });
    }
  }
  if (records.length === 0) throw new DataError(path, 'has a header but no data rows');
  const index = new Map(names.map((name, i) => [name, i]));
  return records.map(({ line, cells }) => {
    if (cells.length !== names.length) {
      throw new DataError(path, `has ${cells.length} fields but the header has ${names.length}`, { line });
    }
    return { line, get: (column: string) => cells[index.get(column) as number].trim() };
  });
}

// Field checks. Each returns the parsed value or throws a DataError naming file, line, field and value.

function text(path: string, row: Row, field: string): string {
  const value = row.get(field);
  if (value === '') throw new DataError(path, 'is empty; a value is required', { line: row.line, field, value });
  return value;
}

function code(path: string, row: Row, field: string, pattern: RegExp, example: string): string {
  const value = row.get(field);
  if (!pattern.test(value)) {
    throw new DataError(path, `is not a code like ${example} (${pattern.source})`, { line: row.line, field, value });
  }
  return value;
}

function positiveInteger(path: string, row: Row, field: string): number {
  const value = row.get(field);
  const n = Number(value);
  if (!/^\d+$/.test(value) || !(n > 0) || !Number.isSafeInteger(n)) {
    throw new DataError(path, 'is not a positive integer', { line: row.line, field, value });
  }
  return n;
}

function integerIn(path: string, row: Row, field: string, min: number, max: number): number {
  const value = row.get(field);
  const n = Number(value);
  if (!/^-?\d+$/.test(value) || n < min || n > max) {
    throw new DataError(path, `is not an integer from ${min} to ${max}`, { line: row.line, field, value });
  }
  return n;
}

function numberIn(path: string, row: Row, field: string, min: number, max: number): number {
  const value = row.get(field);
  const n = Number(value);
  if (!/^-?\d+(\.\d+)?$/.test(value) || n < min || n > max) {
    throw new DataError(path, `is not a number from ${min} to ${max}`, { line: row.line, field, value });
  }
  return n;
}

// ---------------------------------------------------------------------------------------------
// Loading

/** Absolute paths of the tables every model input is built from (for manifests' input hashes). */
export function modelDataFiles(dataDir: string = defaultDataDir()): string[] {
  return [MUNICIPALITIES_FILE, ADJACENCY_FILE, RES_REGIONS_FILE].map((f) => join(dataDir, f));
}

/**
 * The project's data/ folder. Found by walking up from this module to the folder holding
 * package.json, so it is the same from source (data/load.ts) and compiled (dist/data/load.js).
 */
export function defaultDataDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json found above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
  return join(dir, 'data');
}

/** Checked data per resolved data directory: loading is done once per process. */
const nationalCache = new Map<string, NationalData>();
const boundariesCache = new Map<string, unknown>();

/**
 * Loads and checks the municipality, adjacency and RES-region tables.
 * The result is cached and shared by all callers: treat it as read-only. (It is not frozen,
 * because tools such as vega tag the data objects they are given.)
 */
export function loadNationalData(dataDir: string = defaultDataDir()): NationalData {
  const dir = resolve(dataDir);
  const cached = nationalCache.get(dir);
  if (cached) return cached;

  const { municipalities, lineOf } = loadMunicipalities(join(dir, MUNICIPALITIES_FILE));
  const adjacency = loadAdjacency(join(dir, ADJACENCY_FILE), lineOf);
  const resRegions = loadResRegions(join(dir, RES_REGIONS_FILE), join(dir, MUNICIPALITIES_FILE), municipalities, lineOf);

  const data: NationalData = { municipalities, adjacency, resRegions };
  nationalCache.set(dir, data);
  return data;
}

function loadMunicipalities(path: string): { municipalities: MunicipalityData[]; lineOf: Map<string, number> } {
  const rows = readTable(path, [
    'gm_code', 'gm_name', 'province_code', 'province_name', 'res_code', 'res_name', 'subres_code',
    'corop_code', 'population_2024', 'urbanity_code', 'centroid_lon', 'centroid_lat',
  ]);
  const lineOf = new Map<string, number>();
  const municipalities = rows.map((row): MunicipalityData => {
    const gm = code(path, row, 'gm_code', GM_CODE, 'GM0014');
    const first = lineOf.get(gm);
    if (first !== undefined) {
      throw new DataError(path, `is a duplicate; codes must be unique (first seen on line ${first})`, {
        line: row.line, field: 'gm_code', value: gm,
      });
    }
    lineOf.set(gm, row.line);
    return {
      code: gm,
      name: text(path, row, 'gm_name'),
      provinceCode: text(path, row, 'province_code'),
      provinceName: text(path, row, 'province_name'),
      resCode: code(path, row, 'res_code', RES_CODE, 'ES01'),
      resName: text(path, row, 'res_name'),
      subresCode: text(path, row, 'subres_code'),
      coropCode: text(path, row, 'corop_code'),
      population: positiveInteger(path, row, 'population_2024'),
      urbanityCode: integerIn(path, row, 'urbanity_code', 1, 5),
      // Bounding box of the Netherlands, generously: catches swapped or mis-scaled coordinates.
      centroidLon: numberIn(path, row, 'centroid_lon', 3, 8),
      centroidLat: numberIn(path, row, 'centroid_lat', 50, 54),
    };
  });
  return { municipalities, lineOf };
}

function loadAdjacency(path: string, lineOf: Map<string, number>): AdjacencyLink[] {
  const rows = readTable(path, ['gm_code_a', 'gm_code_b', 'link_type']);
  const seen = new Map<string, number>();
  return rows.map((row): AdjacencyLink => {
    const [a, b] = (['gm_code_a', 'gm_code_b'] as const).map((field) => {
      const gm = code(path, row, field, GM_CODE, 'GM0014');
      if (!lineOf.has(gm)) {
        throw new DataError(path, `is not a municipality in ${MUNICIPALITIES_FILE}`, { line: row.line, field, value: gm });
      }
      return gm;
    });
    if (a === b) {
      throw new DataError(path, 'links a municipality to itself', { line: row.line, field: 'gm_code_b', value: b });
    }
    // Links are undirected: a pair listed twice (in either order) would double its weight.
    const pair = a < b ? `${a}-${b}` : `${b}-${a}`;
    const first = seen.get(pair);
    if (first !== undefined) {
      throw new DataError(path, `repeats the pair ${pair} (first on line ${first}); each pair must appear once`, {
        line: row.line,
      });
    }
    seen.set(pair, row.line);
    const kind = row.get('link_type');
    if (kind !== 'border' && kind !== 'ferry') {
      throw new DataError(path, 'is not "border" or "ferry"', { line: row.line, field: 'link_type', value: kind });
    }
    return { a, b, kind };
  });
}

/** Reads the RES regions and checks that their member lists agree with the municipalities' res_code. */
function loadResRegions(
  path: string,
  municipalitiesPath: string,
  municipalities: MunicipalityData[],
  lineOf: Map<string, number>,
): ResRegionData[] {
  const rows = readTable(path, ['res_code', 'res_name', 'member_gm_codes']);
  const byCode = new Map(municipalities.map((m) => [m.code, m]));
  const regionLine = new Map<string, number>();
  const regions = rows.map((row): ResRegionData => {
    const res = code(path, row, 'res_code', RES_CODE, 'ES01');
    const first = regionLine.get(res);
    if (first !== undefined) {
      throw new DataError(path, `is a duplicate; codes must be unique (first seen on line ${first})`, {
        line: row.line, field: 'res_code', value: res,
      });
    }
    regionLine.set(res, row.line);
    const field = 'member_gm_codes';
    const memberCodes = text(path, row, field).split(';').map((s) => s.trim());
    for (const gm of memberCodes) {
      const where = { line: row.line, field, value: gm };
      const m = byCode.get(gm);
      if (!m) throw new DataError(path, `is not a municipality in ${MUNICIPALITIES_FILE}`, where);
      if (memberCodes.indexOf(gm) !== memberCodes.lastIndexOf(gm)) throw new DataError(path, 'is listed twice', where);
      if (m.resCode !== res) {
        throw new DataError(
          path,
          `is listed as a member of ${res}, but ${MUNICIPALITIES_FILE} line ${lineOf.get(gm)} gives it res_code ${m.resCode}`,
          where,
        );
      }
    }
    return { code: res, name: text(path, row, 'res_name'), memberCodes };
  });

  // The other direction: every municipality must be listed by the region its res_code names.
  const regionByCode = new Map(regions.map((r) => [r.code, r]));
  for (const m of municipalities) {
    const region = regionByCode.get(m.resCode);
    if (!region) {
      throw new DataError(municipalitiesPath, `is not a region in ${RES_REGIONS_FILE}`, {
        line: lineOf.get(m.code), field: 'res_code', value: m.resCode,
      });
    }
    if (!region.memberCodes.includes(m.code)) {
      throw new DataError(
        path,
        `lacks ${m.code}, which ${MUNICIPALITIES_FILE} line ${lineOf.get(m.code)} assigns to ${m.resCode}`,
        { line: regionLine.get(m.resCode), field: 'member_gm_codes' },
      );
    }
  }
  return regions;
}

/**
 * Reads the municipality boundaries (GeoJSON, for maps) and checks that they are a FeatureCollection
 * with exactly one feature per municipality, keyed by properties.gm_code. Cached like the tables.
 */
export function loadBoundaries(dataDir: string = defaultDataDir()): unknown {
  const dir = resolve(dataDir);
  const cached = boundariesCache.get(dir);
  if (cached !== undefined) return cached;

  const path = join(dir, BOUNDARIES_FILE);
  const known = new Set(loadNationalData(dir).municipalities.map((m) => m.code));
  let json: unknown;
  try {
    json = JSON.parse(readText(path));
  } catch (err) {
    if (err instanceof DataError) throw err;
    // The parser's message quotes the text: a garbage file is named, not printed.
    const at = /position (\d+)/.exec((err as Error).message)?.[1];
    throw new DataError(path, `is not valid JSON${at ? ` (at character ${Number(at) + 1})` : ''}; allowed: a GeoJSON FeatureCollection`);
  }
  const collection = json as { type?: unknown; features?: unknown };
  if (collection?.type !== 'FeatureCollection' || !Array.isArray(collection.features)) {
    throw new DataError(path, 'is not a GeoJSON FeatureCollection with a features array', { field: 'type' });
  }
  const seen = new Set<string>();
  collection.features.forEach((feature: { properties?: { gm_code?: unknown } } | null, i: number) => {
    const field = `features[${i}].properties.gm_code`;
    const gm = feature?.properties?.gm_code;
    if (typeof gm !== 'string') throw new DataError(path, 'is missing; every feature needs a gm_code', { field });
    if (!known.has(gm)) throw new DataError(path, `is not a municipality in ${MUNICIPALITIES_FILE}`, { field, value: gm });
    if (seen.has(gm)) throw new DataError(path, 'appears in more than one feature', { field, value: gm });
    const bad = badGeometry((feature as { geometry?: unknown }).geometry);
    if (bad) throw new DataError(path, bad, { field: `features[${i}].geometry`, value: gm });
    seen.add(gm);
  });
  for (const gm of known) {
    if (!seen.has(gm)) throw new DataError(path, `has no feature for ${gm}, which is in ${MUNICIPALITIES_FILE}`);
  }
  boundariesCache.set(dir, json);
  return json;
}

/** Why a feature's geometry cannot be drawn as a map, or undefined: a (Multi)Polygon in the Netherlands. */
function badGeometry(geometry: unknown): string | undefined {
  const g = geometry as { type?: unknown; coordinates?: unknown } | null | undefined;
  if (g?.type !== 'Polygon' && g?.type !== 'MultiPolygon')
    return 'has no Polygon or MultiPolygon geometry; allowed: a GeoJSON (Multi)Polygon';
  const inNl = (p: unknown[]) => p.length >= 2 && within(p[0], 3, 8) && within(p[1], 50, 54);
  const ok = (node: unknown, depth: number): boolean =>
    Array.isArray(node) && node.length > 0 && (depth === 0 ? inNl(node) : node.every((n) => ok(n, depth - 1)));
  return ok(g.coordinates, g.type === 'Polygon' ? 2 : 3)
    ? undefined
    : 'has coordinates that are not [longitude, latitude] pairs in the Netherlands (3 to 8, 50 to 54)';
}

const within = (x: unknown, min: number, max: number): boolean => typeof x === 'number' && x >= min && x <= max;
