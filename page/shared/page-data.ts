import type { NationalData } from '../../sim/region-data.js';

/** What the page is given inline (built by page/page-data.ts). */
export interface PageData {
  version: string;
  commit: string;
  national: NationalData;
  /** GeoJSON features of all municipalities, with properties gm_code, gm_name, res_name, province_name. */
  boundaries: unknown[];
}
