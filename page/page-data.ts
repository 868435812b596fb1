/**
 * The data inlined in the page: the CBS tables the model needs (as data/load.ts checked them), the
 * municipality boundaries for the maps (coordinates rounded to 3 decimals, about 100 m: a third of
 * the size, invisible at page scale; rings wound as d3-geo wants them), and the version the page shows.
 */
import { loadBoundaries, loadNationalData } from '../data/load.js';
import { rewindForD3 } from '../reports/aggregate/rewind.js';
import type { PageData } from './shared/page-data.js';
import { gitCommit, packageVersion } from '../store/manifest.js';

export type { PageData } from './shared/page-data.js';

type Ring = number[][];
interface Feature {
  type: string;
  properties: Record<string, unknown>;
  geometry: { type: string; coordinates: unknown };
}

function roundRing(ring: Ring): Ring {
  const out: Ring = [];
  for (const [x, y] of ring) {
    const p = [Math.round(x * 1000) / 1000, Math.round(y * 1000) / 1000];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  if (out.length < 4) return ring.map(([x, y]) => [x, y]);
  return out;
}

/** Twice the planar area of a ring, in square degrees. */
function area2(ring: Ring): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
  return Math.abs(a);
}

/**
 * A polygon with rounded rings. Holes under about 1 km² are dropped: rounding can move one across
 * its outer ring, and d3-geo then paints the whole globe (seen with Oldambt).
 */
function roundPolygon(rings: Ring[]): Ring[] {
  const [outer, ...holes] = rings.map(roundRing);
  return [outer, ...holes.filter((h) => area2(h) > 2.5e-4)];
}

function simplify(f: Feature, provinceName: string): Feature {
  const g = f.geometry;
  const coordinates =
    g.type === 'Polygon' ? roundPolygon(g.coordinates as Ring[]) : (g.coordinates as Ring[][]).map(roundPolygon);
  return {
    type: 'Feature',
    properties: { ...f.properties, province_name: provinceName },
    geometry: { type: g.type, coordinates },
  };
}

export function pageData(): PageData {
  const national = loadNationalData();
  const province = new Map(national.municipalities.map((m) => [m.code, m.provinceName]));
  const collection = loadBoundaries() as { features: Feature[] };
  const boundaries = rewindForD3(
    collection.features.map((f) => simplify(f, province.get(String(f.properties.gm_code)) ?? '')),
  );
  return { version: packageVersion(), commit: gitCommit(), national, boundaries };
}
