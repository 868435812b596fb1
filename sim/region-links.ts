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
