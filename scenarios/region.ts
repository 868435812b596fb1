import type { PoolArea } from '../sim/model-input.js';
import type { MunicipalityData, NationalData, AdjacencyLink } from '../sim/region-data.js';

/** A chosen set of municipalities with the adjacency among them and the areas in which pools may form. */
export interface RegionSelection {
  municipalities: MunicipalityData[];
  adjacency: AdjacencyLink[];
  poolAreas: PoolArea[];
}

function restrict(data: NationalData, codes: Set<string>): Pick<RegionSelection, 'municipalities' | 'adjacency'> {
  return {
    municipalities: data.municipalities.filter((m) => codes.has(m.code)),
    adjacency: data.adjacency.filter((l) => codes.has(l.a) && codes.has(l.b)),
  };
}

/** One RES region with one pool area. */
export function resRegion(data: NationalData, resCode: string): RegionSelection {
  const res = data.resRegions.find((r) => r.code === resCode);
  if (!res) throw new Error(`unknown RES region ${resCode}`);
  const codes = new Set(res.memberCodes);
  return {
    ...restrict(data, codes),
    poolAreas: [{ code: res.code, name: res.name, memberCodes: [...res.memberCodes] }],
  };
}

/** The whole country: one labour market, one pool area per RES region. */
export function wholeCountry(data: NationalData): RegionSelection {
  return {
    municipalities: data.municipalities,
    adjacency: data.adjacency,
    poolAreas: data.resRegions.map((r) => ({ code: r.code, name: r.name, memberCodes: [...r.memberCodes] })),
  };
}

/** An explicit list of municipalities forming one pool area. */
export function customRegion(data: NationalData, codes: string[], name: string): RegionSelection {
  const set = new Set(codes);
  return { ...restrict(data, set), poolAreas: [{ code: 'CUSTOM', name, memberCodes: codes }] };
}

/** One province with one pool area covering it (a province-run expert team, such as NEO Overijssel). */
export function provinceRegion(data: NationalData, provinceCode: string): RegionSelection {
  const members = data.municipalities.filter((m) => m.provinceCode === provinceCode);
  if (members.length === 0) throw new Error(`unknown province ${provinceCode}`);
  const codes = members.map((m) => m.code);
  return {
    ...restrict(data, new Set(codes)),
    poolAreas: [{ code: provinceCode, name: members[0].provinceName, memberCodes: codes }],
  };
}
