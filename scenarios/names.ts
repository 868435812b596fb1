/**
 * Finding RES regions, provinces and municipalities by code or name, as people write them
 * (any case, with or without diacritics), and saying what is allowed with a "did you mean"
 * suggestion when a name is misspelt.
 */
import type { MunicipalityData, NationalData } from '../sim/region-data.js';
import { closestName, editDistance } from '../sim/suggest.js';
import { didYouMean, showValue } from './issues.js';

/** Lower case without diacritics: "Fryslân" and "fryslan" are the same name. */
export function normalise(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .trim();
}

interface Named {
  code: string;
  name: string;
}

/** A lookup of things that have a code and a name. */
export class NameIndex<T extends Named> {
  private readonly byKey = new Map<string, T>();

  constructor(
    readonly items: readonly T[],
    /** What the things are, for messages: "RES region", "municipality of the region". */
    private readonly noun: string,
    /** How the allowed values are described when there are too many to list. */
    private readonly allowedInWords: string,
  ) {
    for (const item of items) {
      this.byKey.set(normalise(item.code), item);
      this.byKey.set(normalise(item.name), item);
    }
  }

  /** Another name people write for an item (Friesland for Fryslân), found like its own names. */
  alias(name: string, code: string): this {
    const item = this.byKey.get(normalise(code));
    if (item) this.byKey.set(normalise(name), item);
    return this;
  }

  find(codeOrName: string): T | undefined {
    return this.byKey.get(normalise(codeOrName));
  }

  /** The message for a name that was not found: what is allowed and the closest name. */
  unknown(codeOrName: string): string {
    const guess = suggest(codeOrName, [...this.items.map((i) => i.name), ...this.items.map((i) => i.code)]);
    const allowed = this.items.length <= 30 ? this.items.map((i) => i.name).join(', ') : this.allowedInWords;
    return `${showValue(codeOrName)} is not ${article(this.noun)}; allowed: ${allowed}${didYouMean(guess)}`;
  }
}

/**
 * The closest candidate, as sim/suggest.ts finds it, unless it shares nothing with `name`
 * (closestName accepts 2 edits, which turns any 2-letter word into any other).
 * @example suggest('governence', ['governance']) // 'governance'; suggest('by', ['to']) // undefined
 */
export function suggest(name: string, candidates: readonly string[]): string | undefined {
  const guess = closestName(name, candidates);
  return guess !== undefined && editDistance(name, guess) < name.length ? guess : undefined;
}

function article(noun: string): string {
  return /^[aeiou]/i.test(noun) ? `an ${noun}` : `a ${noun}`;
}

export function resIndex(data: NationalData): NameIndex<Named> {
  return new NameIndex(data.resRegions, 'RES region', 'a RES code (ES01 to ES30) or name');
}

export function provinceIndex(data: NationalData): NameIndex<Named> {
  const byCode = new Map<string, Named>();
  for (const m of data.municipalities) byCode.set(m.provinceCode, { code: m.provinceCode, name: m.provinceName });
  // The Dutch and English name of the province whose official name is Frisian.
  return new NameIndex([...byCode.values()], 'province', 'a province code (PV20 to PV31) or name').alias(
    'Friesland',
    'PV21',
  );
}

/** Municipalities of the whole country (for choosing a region) or of a chosen region (for overrides). */
export function municipalityIndex(
  municipalities: readonly MunicipalityData[],
  noun = 'municipality',
): NameIndex<MunicipalityData> {
  return new NameIndex(municipalities, noun, 'a CBS code (GM0505) or municipality name');
}
