/**
 * The end-of-run record of one municipality: what `regiosim run` writes to summary.json
 * (`municipalities`) and a batch writes to municipalities.csv / .parquet (one row per run ×
 * municipality). One definition for both: the fields and their meanings are listed here, and the
 * end-of-run values are the last yearly value of every MUNICIPALITY_SERIES variable.
 */
import { MUNICIPALITY_SERIES, type MunicipalitySeriesName, type Recorder } from './outputs.js';
import type { Municipality } from './state.js';

/** The yearly series whose last value is an end-of-run field (`membership` is the label membershipEnd). */
type EndSeries = Exclude<MunicipalitySeriesName, 'membership'>;
export type MunicipalityEndField = `${EndSeries}End`;

const END_SERIES = (Object.keys(MUNICIPALITY_SERIES) as MunicipalitySeriesName[]).filter(
  (n): n is EndSeries => n !== 'membership',
);

/** The record's keys of END_SERIES, made once (a key built per record is a new string to hash each time). */
const END_KEYS = END_SERIES.map((n): MunicipalityEndField => `${n}End`);

/** Every field of a municipality record with its meaning, in record (and column) order. */
export const MUNICIPALITY_FIELDS = {
  code: 'CBS code of the municipality',
  name: 'name of the municipality',
  sizeClass: 'size class by population: 0 under 20,000, 1 20,000-50,000, 2 50,000-100,000, 3 100,000 or more',
  progress2030:
    'its progressShare (dwellings made ready / full-pace target) at the end of 2030 (NA outside the horizon)',
  progress2050: 'its progressShare at the end of 2050 (NA outside the horizon)',
  ...(Object.fromEntries(
    END_SERIES.map((n) => [`${n}End`, `${MUNICIPALITY_SERIES[n]}, at the end of the run`]),
  ) as Record<MunicipalityEndField, string>),
  membershipEnd: 'outside, observer or member of its pool after the last month',
  founder: '1 if it founded its area’s pool, else 0',
  lateJoiner: '1 if it joined its area’s pool after the founding at least once (never for founders), else 0',
};
export type MunicipalityField = keyof typeof MUNICIPALITY_FIELDS;

export const MEMBERSHIP_NAMES = ['outside', 'observer', 'member'] as const;

export type MunicipalityRecord = {
  code: string;
  name: string;
  sizeClass: number;
  progress2030: number;
  progress2050: number;
  membershipEnd: (typeof MEMBERSHIP_NAMES)[number];
  founder: boolean;
  lateJoiner: boolean;
} & Record<MunicipalityEndField, number>;

/**
 * The record of municipality `m` from the recorder's yearly series. `year2030` / `year2050`: index
 * of that year in the yearly series, -1 when the horizon does not reach its December.
 */
export function municipalityRecord(
  m: Municipality,
  rec: Recorder,
  year2030: number,
  year2050: number,
): MunicipalityRecord {
  const series = rec.municipality[m.idx];
  const last = series.months.length - 1;
  const at = (year: number) => (year >= 0 ? series.values.progressShare[year] : Number.NaN);
  const end = {} as Record<MunicipalityEndField, number>;
  for (let k = 0; k < END_SERIES.length; k++)
    end[END_KEYS[k]] = last >= 0 ? series.values[END_SERIES[k]][last] : Number.NaN;
  return {
    code: m.code,
    name: m.name,
    sizeClass: m.sizeClass,
    progress2030: at(year2030),
    progress2050: at(year2050),
    ...end,
    membershipEnd: MEMBERSHIP_NAMES[m.membership],
    founder: m.founder,
    lateJoiner: m.lateJoiner,
  };
}
