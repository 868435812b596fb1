/**
 * The data inlined in the page: the CBS tables the model needs (as data/load.ts checked them), the
 * municipality boundaries for the maps (coordinates rounded to 3 decimals, about 100 m: a third of
 * the size, invisible at page scale), and the version the page shows.
 */
import { loadBoundaries, loadNationalData } from '../data/load.js';
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

function simplify(f: Feature, provinceName: string): Feature {
  const g = f.geometry;
  const coordinates =
    g.type === 'Polygon'
      ? (g.coordinates as Ring[]).map(roundRing)
      : (g.coordinates as Ring[][]).map((poly) => poly.map(roundRing));
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
  const boundaries = collection.features.map((f) => simplify(f, province.get(String(f.properties.gm_code)) ?? ''));
  return { version: packageVersion(), commit: gitCommit(), national, boundaries };
}
