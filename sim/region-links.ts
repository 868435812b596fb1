/** Geography and shared history between municipalities, for the start state (init.ts). */
import { asin, cos, sin } from './math/index.js';
import type { ModelInput } from './model-input.js';
import type { Parameters } from './parameters.js';

/** x squared, as one correctly rounded multiplication. */
const sq = (x: number) => x * x;

/** Great-circle distance in km. */
export function haversineKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const toRad = Math.PI / 180;
  const dLat = (lat2 - lat1) * toRad;
  const dLon = (lon2 - lon1) * toRad;
  const a = sq(sin(dLat / 2)) + cos(lat1 * toRad) * cos(lat2 * toRad) * sq(sin(dLon / 2));
  return 2 * 6371 * asin(Math.sqrt(a));
}

/** The centroids a cached distance matrix was computed from, to check it still fits its input. */
interface DistanceCache {
  lat: Float64Array;
  lon: Float64Array;
  km: Float32Array;
}
const distanceCache = new WeakMap<object, DistanceCache>();

/**
 * Distances in km between municipality centroids, n×n (read only: the model never writes it).
 * Worked out once per municipality list, not per run: the 58,000 haversines of the national
 * scenario cost more than a tenth of a run. The cache is checked against the centroids on every
 * use, so a list changed in place gets a fresh matrix; the values are the same either way.
 */
export function distanceMatrix(municipalities: ModelInput['municipalities']): Float32Array {
  const n = municipalities.length;
  const cached = distanceCache.get(municipalities);
  if (cached && cached.lat.length === n) {
    let same = true;
    for (let i = 0; i < n && same; i++)
      same = cached.lat[i] === municipalities[i].centroidLat && cached.lon[i] === municipalities[i].centroidLon;
    if (same) return cached.km;
  }
  const lat = new Float64Array(n);
  const lon = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    lat[i] = municipalities[i].centroidLat;
    lon[i] = municipalities[i].centroidLon;
  }
  const km = new Float32Array(n * n);
  for (let a = 0; a < n; a++) {
    for (let b = a + 1; b < n; b++) {
      const d = haversineKm(lat[a], lon[a], lat[b], lon[b]);
      km[a * n + b] = d;
      km[b * n + a] = d;
    }
  }
  distanceCache.set(municipalities, { lat, lon, km });
  return km;
}

/** Default shared history: neighbours, same sub-RES and same COROP region add up, capped at 1. */
export function defaultHistory(input: ModelInput, a: number, b: number, adjacent: boolean, p: Parameters): number {
  const ma = input.municipalities[a];
  const mb = input.municipalities[b];
  let h = 0;
  if (adjacent) h += p.historyAdjacent;
  if (ma.subresCode && ma.subresCode === mb.subresCode) h += p.historySameSubres;
  if (ma.coropCode && ma.coropCode === mb.coropCode) h += p.historySameCorop;
  return Math.min(1, h);
}
