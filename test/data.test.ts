import { copyFileSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ADJACENCY_FILE,
  BOUNDARIES_FILE,
  DataError,
  MUNICIPALITIES_FILE,
  RES_REGIONS_FILE,
  defaultDataDir,
  loadBoundaries,
  loadNationalData,
  parseCsv,
} from '../data/load.js';

const DATA_DIR = fileURLToPath(new URL('../data/', import.meta.url));

describe('real CBS data', () => {
  const data = loadNationalData(DATA_DIR);

  it('has 342 municipalities and 30 RES regions', () => {
    expect(data.municipalities).toHaveLength(342);
    expect(data.resRegions).toHaveLength(30);
  });

  it('has the known RES sizes: Drenthe ES03 12, Drechtsteden ES18 7', () => {
    const size = (code: string) => data.resRegions.find((r) => r.code === code)?.memberCodes.length;
    expect(size('ES03')).toBe(12);
    expect(size('ES18')).toBe(7);
    expect(data.resRegions.find((r) => r.code === 'ES03')?.name).toBe('Drenthe');
  });

  it('reads the quoted name with a comma and adds up to the CBS national population', () => {
    // A naive split on ',' shifts every column of this row.
    const nuenen = data.municipalities.find((m) => m.code === 'GM0820');
    expect(nuenen?.name).toBe('Nuenen, Gerwen en Nederwetten');
    expect(nuenen?.population).toBe(24231);
    expect(data.municipalities.reduce((sum, m) => sum + m.population, 0)).toBe(17_942_942);
  });

  it('gives every municipality at least one neighbour once ferry links count', () => {
    const degree = new Map(data.municipalities.map((m) => [m.code, 0]));
    for (const { a, b } of data.adjacency) {
      degree.set(a, (degree.get(a) ?? 0) + 1);
      degree.set(b, (degree.get(b) ?? 0) + 1);
    }
    expect([...degree].filter(([, d]) => d === 0)).toEqual([]);
    expect(data.adjacency.filter((l) => l.kind === 'ferry')).toHaveLength(5);
  });

  it('lists each undirected pair once', () => {
    const pairs = new Set(data.adjacency.map(({ a, b }) => (a < b ? `${a}-${b}` : `${b}-${a}`)));
    expect(pairs.size).toBe(data.adjacency.length);
    expect(data.adjacency.every(({ a, b }) => a !== b)).toBe(true);
  });

  it('assigns every municipality to exactly one RES region', () => {
    const members = data.resRegions.flatMap((r) => r.memberCodes);
    expect(members).toHaveLength(342);
    expect(new Set(members).size).toBe(342);
  });

  it('finds data/ by default and caches per directory', () => {
    expect(defaultDataDir()).toBe(resolve(DATA_DIR));
    expect(loadNationalData()).toBe(data);
    expect(loadNationalData(DATA_DIR)).toBe(data);
  });

  it('loads one boundary feature per municipality', () => {
    const geo = loadBoundaries(DATA_DIR) as { type: string; features: { properties: { gm_code: string } }[] };
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features).toHaveLength(342);
    expect(loadBoundaries(DATA_DIR)).toBe(geo);
  });
});

describe('parseCsv', () => {
  it('handles a BOM, CRLF, quoted commas, escaped quotes and newlines in quotes', () => {
    const text = '\uFEFFa,b,c\r\n1,"x, y","say ""hi"""\r\n2,"two\nlines",z\r\n\r\n';
    expect(parseCsv(text, 'f.csv')).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['1', 'x, y', 'say "hi"'] },
      { line: 3, cells: ['2', 'two\nlines', 'z'] },
    ]);
  });

  it('rejects an unclosed quote', () => {
    expect(() => parseCsv('a,b\n1,"oops\n', 'f.csv')).toThrow('f.csv line 2: has a quoted field that is never closed');
  });
});

describe('broken data files', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  /** A fresh copy of the data files in a temp dir (a new dir each time, so the cache never hides an error). */
  function copyData(): string {
    const dir = mkdtempSync(join(tmpdir(), 'regiosim-data-'));
    dirs.push(dir);
    for (const file of [MUNICIPALITIES_FILE, ADJACENCY_FILE, RES_REGIONS_FILE, BOUNDARIES_FILE]) {
      copyFileSync(join(DATA_DIR, file), join(dir, file));
    }
    return dir;
  }

  /** Replaces one cell, addressed by 1-based line and column name (only for lines without quotes). */
  function setCell(dir: string, file: string, line: number, column: string, value: string): void {
    const path = join(dir, file);
    const lines = readFileSync(path, 'utf8').split('\n');
    const header = lines[0].replace(/\r$/, '').split(',');
    const row = lines[line - 1].replace(/\r$/, '').split(',');
    const index = header.indexOf(column);
    expect(index).toBeGreaterThanOrEqual(0);
    row[index] = value;
    lines[line - 1] = `${row.join(',')}\r`;
    writeFileSync(path, lines.join('\n'));
  }

  function loadError(dir: string): DataError {
    try {
      loadNationalData(dir);
    } catch (err) {
      expect(err).toBeInstanceOf(DataError);
      return err as DataError;
    }
    throw new Error('expected loadNationalData to throw');
  }

  it('names a missing column', () => {
    const dir = copyData();
    const path = join(dir, MUNICIPALITIES_FILE);
    writeFileSync(path, readFileSync(path, 'utf8').replace('population_2024', 'inwoners'));
    const err = loadError(dir);
    expect(err.message).toMatch(
      /^nl_municipalities_2024\.csv line 1: missing required column "population_2024" \(header has: gm_code, gm_name, .*inwoners.*\)$/,
    );
    expect(err.file).toBe(path);
  });

  it('rejects a non-numeric population', () => {
    const dir = copyData();
    setCell(dir, MUNICIPALITIES_FILE, 3, 'population_2024', 'abc');
    const err = loadError(dir);
    expect(err.message).toBe(
      'nl_municipalities_2024.csv line 3, field population_2024: "abc" is not a positive integer',
    );
    expect([err.line, err.field, err.value]).toEqual([3, 'population_2024', 'abc']);
  });

  it('rejects an out-of-range urbanity code and latitude', () => {
    const dir = copyData();
    setCell(dir, MUNICIPALITIES_FILE, 4, 'urbanity_code', '6');
    expect(loadError(dir).message).toBe(
      'nl_municipalities_2024.csv line 4, field urbanity_code: "6" is not an integer from 1 to 5',
    );
    const dir2 = copyData();
    setCell(dir2, MUNICIPALITIES_FILE, 5, 'centroid_lat', '5.2');
    expect(loadError(dir2).message).toBe(
      'nl_municipalities_2024.csv line 5, field centroid_lat: "5.2" is not a number from 50 to 54',
    );
  });

  it('rejects a duplicate gm_code', () => {
    const dir = copyData();
    setCell(dir, MUNICIPALITIES_FILE, 3, 'gm_code', 'GM0014');
    expect(loadError(dir).message).toBe(
      'nl_municipalities_2024.csv line 3, field gm_code: "GM0014" is a duplicate; codes must be unique (first seen on line 2)',
    );
  });

  it('rejects a malformed gm_code', () => {
    const dir = copyData();
    setCell(dir, MUNICIPALITIES_FILE, 2, 'gm_code', 'GM14');
    expect(loadError(dir).message).toBe(
      'nl_municipalities_2024.csv line 2, field gm_code: "GM14" is not a code like GM0014 (^GM\\d{4}$)',
    );
  });

  it('rejects an adjacency endpoint that is not a municipality', () => {
    const dir = copyData();
    setCell(dir, ADJACENCY_FILE, 2, 'gm_code_b', 'GM9999');
    const err = loadError(dir);
    expect(err.message).toBe(
      'nl_municipality_adjacency_2024.csv line 2, field gm_code_b: "GM9999" is not a municipality in nl_municipalities_2024.csv',
    );
  });

  it('rejects a RES member list that disagrees with res_code', () => {
    const dir = copyData();
    setCell(dir, MUNICIPALITIES_FILE, 2, 'res_code', 'ES02'); // Groningen (GM0014) is in ES01
    expect(loadError(dir).message).toBe(
      'nl_res_regions_2024.csv line 2, field member_gm_codes: "GM0014" is listed as a member of ES01, ' +
        'but nl_municipalities_2024.csv line 2 gives it res_code ES02',
    );
  });

  it('rejects a RES member list that leaves a municipality out', () => {
    const dir = copyData();
    const path = join(dir, RES_REGIONS_FILE);
    writeFileSync(path, readFileSync(path, 'utf8').replace('GM0014;GM0037', 'GM0037'));
    expect(loadError(dir).message).toBe(
      'nl_res_regions_2024.csv line 2, field member_gm_codes: lacks GM0014, which nl_municipalities_2024.csv line 2 assigns to ES01',
    );
  });

  it('names the path of a missing file', () => {
    const dir = copyData();
    const path = join(dir, ADJACENCY_FILE);
    unlinkSync(path);
    const err = loadError(dir);
    expect(err.message).toBe(`nl_municipality_adjacency_2024.csv: file not found: ${path}`);
    expect(err.file).toBe(path);
  });

  it('rejects a boundary feature for an unknown municipality', () => {
    const dir = copyData();
    const path = join(dir, BOUNDARIES_FILE);
    writeFileSync(path, readFileSync(path, 'utf8').replace('"gm_code":"GM0034"', '"gm_code":"GM9999"'));
    expect(() => loadBoundaries(dir)).toThrow(
      'nl_municipalities_2024.geojson, field features[1].properties.gm_code: "GM9999" is not a municipality in nl_municipalities_2024.csv',
    );
  });
});
