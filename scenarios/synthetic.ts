/**
 * Synthetic regions: made-up municipalities for experiments that should not depend on one real
 * region (e.g. how the number or size spread of municipalities matters). The municipalities sit on a
 * grid about 10 km apart in the middle of the Netherlands, neighbours on the grid share a border, and
 * quadrants and halves of the grid play the sub-RES and COROP regions that give default shared
 * history. Everything follows from the seed.
 */
import seedrandom from 'seedrandom';
import type { AdjacencyLink, MunicipalityData } from '../sim/region-data.js';
import type { RegionSelection } from './region.js';

export type SyntheticSizes = { distribution: 'lognormal'; median: number; sigma: number } | number[];

export interface SyntheticSpec {
  /** Required with a distribution; with a list it defaults to the list's length. */
  municipalities?: number;
  sizes: SyntheticSizes;
  seed: number;
}

const SPACING_KM = 10;
const ORIGIN = { lat: 52.3, lon: 5.3 };
const KM_PER_DEGREE_LAT = 111.2;

/** CBS urbanity (1 very strongly urban .. 5 not urban), approximated from population. */
function urbanityOf(population: number): number {
  if (population >= 200_000) return 1;
  if (population >= 100_000) return 2;
  if (population >= 50_000) return 3;
  if (population >= 20_000) return 4;
  return 5;
}

/** Populations drawn from the size distribution, or the given list. */
function populations(spec: SyntheticSpec, n: number, u: () => number): number[] {
  const sizes = spec.sizes;
  if (Array.isArray(sizes)) return [...sizes];
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    // Box-Muller: one standard normal from two uniforms.
    const z = Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
    out.push(Math.min(2_000_000, Math.max(1000, Math.round(sizes.median * Math.exp(sizes.sigma * z)))));
  }
  return out;
}

/**
 * A synthetic region with one pool area.
 * @example syntheticRegion({ municipalities: 9, sizes: { distribution: 'lognormal', median: 30000, sigma: 0.8 }, seed: 1 })
 */
export function syntheticRegion(spec: SyntheticSpec): RegionSelection {
  const u = seedrandom.alea(`regiosim:synthetic:${spec.seed}`);
  const n = spec.municipalities ?? (Array.isArray(spec.sizes) ? spec.sizes.length : 0);
  const pops = populations(spec, n, u);
  const cols = Math.ceil(Math.sqrt(n));
  const rows = Math.ceil(n / cols);
  // Sizes are placed on the grid at random: the largest is not always in the corner.
  const cellOf = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(u() * (i + 1));
    [cellOf[i], cellOf[j]] = [cellOf[j], cellOf[i]];
  }
  const code = (i: number) => `SY${String(i + 1).padStart(4, '0')}`;
  const kmPerDegreeLon = KM_PER_DEGREE_LAT * Math.cos((ORIGIN.lat * Math.PI) / 180);
  const municipalities: MunicipalityData[] = pops.map((population, i) => {
    const row = Math.floor(cellOf[i] / cols);
    const col = cellOf[i] % cols;
    const upper = row < rows / 2 ? 0 : 1;
    const right = col < cols / 2 ? 0 : 1;
    return {
      code: code(i),
      name: `Synthetic ${i + 1}`,
      provinceCode: 'SYPV',
      provinceName: 'Synthetic province',
      resCode: 'SYNTH',
      resName: 'Synthetic region',
      subresCode: `SYSUB${2 * upper + right + 1}`,
      coropCode: `SYCR${upper + 1}`,
      population,
      urbanityCode: urbanityOf(population),
      centroidLat: ORIGIN.lat + (row * SPACING_KM) / KM_PER_DEGREE_LAT,
      centroidLon: ORIGIN.lon + (col * SPACING_KM) / kmPerDegreeLon,
    };
  });
  // Rook neighbours on the grid; cells are filled row by row, so the region is connected.
  const atCell = new Map(cellOf.map((cell, i) => [cell, i]));
  const adjacency: AdjacencyLink[] = [];
  for (let cell = 0; cell < n; cell++) {
    const i = atCell.get(cell) as number;
    const right = cell % cols < cols - 1 ? atCell.get(cell + 1) : undefined;
    const below = atCell.get(cell + cols);
    for (const j of [right, below]) if (j !== undefined) adjacency.push({ a: code(i), b: code(j), kind: 'border' });
  }
  return {
    municipalities,
    adjacency,
    poolAreas: [{ code: 'SYNTH', name: 'Synthetic region', memberCodes: municipalities.map((m) => m.code) }],
  };
}
