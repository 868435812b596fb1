/**
 * The static facts about municipalities that the model consumes. The model never reads files:
 * `data/load.ts` builds these objects from the CBS tables and hands them in.
 */

/** One municipality as the model sees it (CBS 85755NED, reference date 1 Jan 2024). */
export interface MunicipalityData {
  /** CBS code, e.g. "GM0106". */
  code: string;
  name: string;
  provinceCode: string;
  provinceName: string;
  /** RES region code ES01..ES30. */
  resCode: string;
  resName: string;
  /** Sub-RES region (CBS ETxxxx): used as a default source of shared history. */
  subresCode: string;
  /** COROP region: used as a default source of shared history. */
  coropCode: string;
  population: number;
  /** CBS stedelijkheid 1 (very strongly urban) .. 5 (not urban). */
  urbanityCode: number;
  centroidLon: number;
  centroidLat: number;
}

/** An undirected adjacency between two municipalities (land border or ferry link). */
export interface AdjacencyLink {
  a: string;
  b: string;
  kind: 'border' | 'ferry';
}

/** A RES region (CBS division "Regionale Energiestrategie regio's"). */
export interface ResRegionData {
  code: string;
  name: string;
  memberCodes: string[];
}

/** Everything the data loader provides: the national tables, already checked. */
export interface NationalData {
  municipalities: MunicipalityData[];
  adjacency: AdjacencyLink[];
  resRegions: ResRegionData[];
}
