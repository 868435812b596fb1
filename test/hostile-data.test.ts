/** Data files with hostile or odd content: the error names the real cause and quotes no garbage. */
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BOUNDARIES_FILE, defaultDataDir, loadBoundaries, loadNationalData, RES_REGIONS_FILE } from '../data/load.js';
import { sandbox } from './hostile-helpers.js';

/** A copy of data/ with one file changed. */
function dataWith(file: string, change: (text: string) => string | Buffer): string {
  const dir = sandbox('data');
  for (const f of readdirSync(defaultDataDir())) copyFileSync(join(defaultDataDir(), f), join(dir, f));
  writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));
  return dir;
}

describe('data files', () => {
  it('a BOM and CRLF, with the last line cut after its CR, load', () => {
    const dir = dataWith(RES_REGIONS_FILE, (t) => `\ufeff${t.replace(/\r?\n/g, '\r\n').replace(/\n$/, '')}`);
    expect(loadNationalData(dir).resRegions).toHaveLength(30);
  });

  it('a lone carriage return is named as such', () => {
    const dir = dataWith(RES_REGIONS_FILE, (t) => t.replace(/\r?\n/g, '\r'));
    expect(() => loadNationalData(dir)).toThrow(/carriage return without a line feed/);
  });

  it('a garbage boundaries file is named, not printed', () => {
    const garbage = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 7919) % 256));
    const dir = dataWith(BOUNDARIES_FILE, () => garbage);
    expect(() => loadBoundaries(dir)).toThrow(/^nl_municipalities_2024\.geojson: is not valid JSON[^"]*$/);
  });

  it('garbage geometry is named with the feature', () => {
    const dir = dataWith(BOUNDARIES_FILE, (t) => {
      const json = JSON.parse(t);
      json.features[5].geometry = 'garbage';
      json.features[7].geometry.coordinates = [[[500, 500]]];
      return JSON.stringify(json);
    });
    expect(() => loadBoundaries(dir)).toThrow(
      /features\[5\]\.geometry: "GM\d{4}" has no Polygon or MultiPolygon geometry/,
    );
  });
});
