/**
 * GeoJSON (RFC 7946) winds outer rings counter-clockwise; d3-geo, which vega projects with, reads
 * rings on the sphere and takes a counter-clockwise ring for "everything except this area", which
 * paints the whole map in one colour. This rewinds outer rings clockwise and holes counter-clockwise
 * (planar winding in lon/lat is exact enough at municipality scale).
 */
type Ring = number[][];
interface Geometry {
  type: string;
  coordinates: unknown;
}
interface Feature {
  type: 'Feature';
  properties: Record<string, unknown>;
  geometry: Geometry;
}

/** Twice the signed planar area: positive when counter-clockwise (y up). */
function signedArea(ring: Ring): number {
  let a = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) a += ring[j][0] * ring[i][1] - ring[i][0] * ring[j][1];
  return a;
}

function rewindPolygon(rings: Ring[]): Ring[] {
  return rings.map((ring, i) => {
    const ccw = signedArea(ring) > 0;
    const wantCcw = i > 0;
    return ccw === wantCcw ? ring : [...ring].reverse();
  });
}

/** A copy of the features with rings wound the way d3-geo expects. */
export function rewindForD3<T>(features: readonly T[]): T[] {
  return features.map((f) => {
    const feature = f as unknown as Feature;
    const g = feature.geometry;
    let coordinates = g.coordinates;
    if (g.type === 'Polygon') coordinates = rewindPolygon(g.coordinates as Ring[]);
    else if (g.type === 'MultiPolygon') coordinates = (g.coordinates as Ring[][]).map(rewindPolygon);
    return { ...feature, geometry: { type: g.type, coordinates } } as unknown as T;
  });
}
