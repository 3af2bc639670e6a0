/**
 * The place gazetteer: every town of 10,000+ people (GeoNames, through scripts/build-gazetteer.ts),
 * every country's names, and every country's first-level regions, looked up by name. The rows are
 * parsed into maps on first use, so a process that never reads a place pays nothing for them.
 */
import { COUNTRY_ROWS, NAME_ROWS, REGION_ROWS, TOWN_ROWS } from './gazetteer-data.js';
import { AU_STATES, CA_PROVINCES, US_STATES } from '../tables/places.js';

export interface Town {
  /** Index in the gazetteer: one town however it is spelled (Gurgaon / Gurugram). */
  id: number;
  name: string;
  /** ISO 3166 alpha-2. */
  country: string;
  /** The first-level region's English name ("Karnataka", "Ontario"). */
  region: string;
  /** The region's postal code where cards print one (US, Canada, Australia), else "". */
  code: string;
  population: number;
}

interface Index {
  /** Where each town's row starts in TOWN_ROWS (biggest town first); parsed only when looked up. */
  rowStarts: Int32Array;
  towns: Map<number, Town>;
  /** Where each line of NAME_ROWS starts: sorted keys, binary-searched, so no map of 40,000 names is built. */
  nameStarts: Int32Array;
  countryByName: Map<string, string>;
  countryName: Map<string, string>;
  /** Region name or postal code → the regions so called ("Georgia" is a US state and a country). */
  regionByName: Map<string, { country: string; code: string; name: string }[]>;
}

/** The form names are compared in: no accents, no case, no dots, hyphens as spaces ("Sault Ste Marie"). */
export function placeKey(name: string): string {
  let k = name.toLowerCase();
  // Most names are plain ASCII: the costly Unicode steps only where they change something.
  if (/[^\x00-\x7f]/.test(k)) k = k.normalize('NFD').replace(/\p{M}/gu, '');
  if (/[.'’-]|\s\s|^\s|\s$/.test(k)) k = k.replace(/[.'’]/g, '').replace(/[-\s]+/g, ' ').trim();
  return k.startsWith('st ') ? `saint ${k.slice(3)}` : k;
}

let index: Index | null = null;

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else if (list[list.length - 1] !== value) list.push(value);
}

/** The start of every line of a text, in one pass. */
function lineStarts(text: string): Int32Array {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  const starts = new Int32Array(n);
  let k = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts[k++] = i + 1;
  return starts;
}

function build(): Index {
  const countryByName = new Map<string, string>();
  const countryName = new Map<string, string>();
  for (const row of COUNTRY_ROWS.split('\n')) {
    const [code = '', name = '', aliases = ''] = row.split('\t');
    countryName.set(code, name);
    for (const a of [name, ...(aliases === '' ? [] : aliases.split('|'))]) {
      const k = placeKey(a);
      if (!countryByName.has(k)) countryByName.set(k, code);
    }
  }
  const regionByName = new Map<string, { country: string; code: string; name: string }[]>();
  const postal = new Map<string, string>();
  for (const [table, country] of [[US_STATES, 'US'], [CA_PROVINCES, 'CA'], [AU_STATES, 'AU']] as const) {
    for (const [code, name] of Object.entries(table)) {
      postal.set(`${country}:${placeKey(name)}`, code);
      push(regionByName, placeKey(code), { country, code, name });
    }
  }
  for (const row of REGION_ROWS.split('\n')) {
    const tab = row.indexOf('\t');
    const country = row.slice(0, 2);
    const name = row.slice(tab + 1);
    const key = placeKey(name);
    push(regionByName, key, { country, code: postal.get(`${country}:${key}`) ?? '', name });
  }
  return { rowStarts: lineStarts(TOWN_ROWS), towns: new Map(), nameStarts: lineStarts(NAME_ROWS), countryByName, countryName, regionByName };
}

function townAt(ix: Index, i: number): Town {
  let town = ix.towns.get(i);
  if (town === undefined) {
    const start = ix.rowStarts[i] ?? 0;
    const end = i + 1 < ix.rowStarts.length ? (ix.rowStarts[i + 1] ?? 0) - 1 : TOWN_ROWS.length;
    const [name = '', country = '', region = '', code = '', population = '0'] = TOWN_ROWS.slice(start, end).split('\t');
    town = { id: i, name, country, region, code, population: Number(population) };
    ix.towns.set(i, town);
  }
  return town;
}

/** The rows of the towns a key names, by binary search over the sorted NAME_ROWS. */
function rowsNamed(ix: Index, key: string): number[] {
  let lo = 0;
  let hi = ix.nameStarts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const start = ix.nameStarts[mid] ?? 0;
    const tab = NAME_ROWS.indexOf('\t', start);
    const k = NAME_ROWS.slice(start, tab);
    if (k === key) {
      const end = mid + 1 < ix.nameStarts.length ? (ix.nameStarts[mid + 1] ?? 0) - 1 : NAME_ROWS.length;
      return NAME_ROWS.slice(tab + 1, end).split(',').map(Number);
    }
    if (k < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return [];
}

function theIndex(): Index {
  index ??= build();
  return index;
}

/** Every town of that name or alias, biggest first. */
export function townsNamed(name: string): readonly Town[] {
  const ix = theIndex();
  return rowsNamed(ix, placeKey(name)).map((i) => townAt(ix, i));
}

/** The ISO code of a country however a posting spells it ("USA", "U.K.", "Deutschland"), or null. */
export function countryCodeOf(name: string): string | null {
  return theIndex().countryByName.get(placeKey(name)) ?? null;
}

/** The name a card prints for a country code ("US" → "United States"). */
export function countryNameOf(code: string): string {
  return theIndex().countryName.get(code) ?? code;
}

/** A country however spelled, as the card prints it; null when the words name no country. */
export function printedCountry(name: string): string | null {
  const code = countryCodeOf(name);
  return code === null ? null : countryNameOf(code);
}

/** The regions a name or postal code stands for ("Bavaria" → DE, "ON" → Ontario, "Georgia" → US). */
export function regionsNamed(name: string): readonly { country: string; code: string; name: string }[] {
  return theIndex().regionByName.get(placeKey(name)) ?? [];
}

export interface TownQuery {
  /** Only towns in this country (ISO code). */
  country?: string;
  /** Only towns in this region (its name or postal code). */
  region?: string;
  /** Only towns at least this big. */
  minPopulation?: number;
  /** Countries the posting names elsewhere: a town there wins over a bigger one abroad. */
  prefer?: ReadonlySet<string>;
}

/** The town a name most likely means, given what else is known; null when none fits. */
export function findTown(name: string, q: TownQuery = {}): Town | null {
  const regionKey = q.region === undefined ? null : placeKey(q.region);
  const fits = townsNamed(name).filter(
    (t) =>
      (q.country === undefined || t.country === q.country) &&
      (regionKey === null || placeKey(t.code) === regionKey || placeKey(t.region) === regionKey) &&
      t.population >= (q.minPopulation ?? 0),
  );
  if (q.prefer !== undefined && q.prefer.size > 0) {
    const home = fits.find((t) => q.prefer?.has(t.country) === true);
    if (home !== undefined) return home;
  }
  return fits[0] ?? null;
}

/**
 * A town as the card prints it: "Seattle, WA" in the US and Canada, "Munich, Germany" elsewhere,
 * "Singapore" for a city that is its country. `written` keeps the posting's spelling of the town
 * (Bangalore stays Bangalore) when it is one of the town's names.
 */
export function printTown(town: Town, written?: string): string {
  let shown = written !== undefined && townsNamed(written).some((t) => t.id === town.id) ? tidyName(written, town) : town.name;
  // "New York City" prints as "New York", the way cards and postings write it.
  const short = / City$/.test(shown) ? shown.slice(0, -5) : null;
  if (short !== null && townsNamed(short)[0]?.id === town.id) shown = short;
  if ((town.country === 'US' || town.country === 'CA') && town.code !== '') return `${shown}, ${town.code}`;
  const country = countryNameOf(town.country);
  return placeKey(shown) === placeKey(country) ? country : `${shown}, ${country}`;
}

/** The posting's spelling, capitalised as the gazetteer has it when the posting shouts ("SEATTLE"). */
function tidyName(written: string, town: Town): string {
  const w = written.trim().replace(/\s+/g, ' ');
  if (w === w.toUpperCase() || w === w.toLowerCase()) return placeKey(w) === placeKey(town.name) ? town.name : w.replace(/\p{L}+/gu, (x) => x[0] + x.slice(1).toLowerCase());
  return w;
}

/** A well-known city (at least `minPopulation` people) of that name, printed; null when none. */
export function knownCity(name: string, minPopulation = 100_000): string | null {
  const town = findTown(name, { minPopulation });
  return town === null ? null : printTown(town, name);
}

/** Whether words are a country's name in any spelling the gazetteer knows ("usa", "Deutschland"). */
export function isCountryName(name: string): boolean {
  return countryCodeOf(name) !== null && (name.trim().length > 2 || name.trim() === name.trim().toUpperCase());
}

/** Whether a country is named anywhere in the words ("Bogotá, Colombia (Remote)"), by runs of up to four words. */
export function mentionsCountry(text: string): boolean {
  const words = text.split(/[^\p{L}.'’-]+/u).filter((w) => w.length > 0);
  for (let i = 0; i < words.length; i++) {
    for (let n = 1; n <= 4 && i + n <= words.length; n++) {
      const run = words.slice(i, i + n).join(' ');
      if (run.length > 3 && /^\p{Lu}/u.test(run) && countryCodeOf(run) !== null) return true;
    }
  }
  return false;
}
