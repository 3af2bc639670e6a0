/**
 * Reading place names as the gazetteer knows them: a bare name ("Essen", "Deutschland", "San
 * Francisco Bay Area"), and a comma list in any order a page prints it ("Cupertino, California,
 * United States", "United States, Pennsylvania, Pittsburgh", "Strongsville, OH, Dallas, TX").
 * A place is only read when the data vouches for it: an unknown name beside a country is not a
 * town, and a state or country is never the town of "California, DE".
 */
import { countryCodeOf, countryNameOf, findTown, placeKey, printTown, regionsNamed, townsNamed, type Town } from './gazetteer.js';

export interface Place {
  /** As the card prints it: "Seattle, WA", "Munich, Germany", "Germany", "San Francisco Bay Area". */
  place: string;
  /** One key per real place, however it was spelled: "town:123", "country:DE", or the printed words. */
  key: string;
}

export interface ReadOptions {
  /** Countries the posting is about: a town there wins over a bigger namesake abroad. */
  prefer?: ReadonlySet<string>;
  /** The smallest town a bare name may mean (a list with a region or country names smaller ones). */
  minPopulation?: number;
  /** Cuts words that are not the town's from an unknown town ("Location Waxahachie" → "Waxahachie"). */
  cleanTown?: (words: string) => string | null;
}

const townPlace = (town: Town, written: string): Place => ({ place: printTown(town, written), key: `town:${town.id}` });

const countryPlace = (code: string): Place => ({ place: countryNameOf(code), key: `country:${code}` });

// "Greater Seattle Area", "San Francisco Bay Area", "New York City Metropolitan Area", "Dallas-Fort Worth Metroplex".
const METRO = /^(?:Greater\s+)?(\p{Lu}[\p{L}.'’ -]{1,40}?)(?:\s+(?:Bay|Metropolitan|Metro|Capital))?\s+(?:Area|Region|Metroplex)$/u;
// "FL-Miami", "IL - Chicago": a state code before its city, as some ATS export them.
const CODE_FIRST = /^([A-Z]{2})\s*[-–]\s*(\p{Lu}[\p{L}.'’ -]{1,40})$/u;

/** Whether words are a country or a first-level region rather than a town ("California", "UK"). */
export function isCountryOrRegion(words: string): boolean {
  return countryCodeOf(words) !== null || regionsNamed(words).length > 0;
}

/**
 * A place named on its own: a town big enough to be meant without its region, a country, a
 * metro area (kept as written), or a state code before its city ("FL-Miami"). Null otherwise.
 */
export function placeOfName(raw: string, opts: ReadOptions = {}): Place | null {
  const name = raw.trim().replace(/\s+/g, ' ').replace(/[.,;:]+$/, '');
  if (name.length < 2 || /\d/.test(name)) return null;
  const country = countryCodeOf(name);
  // Two letters are a country only as "US" / "UK" in capitals, never "us" or "in".
  if (country !== null && (name.length > 2 || name === name.toUpperCase())) return countryPlace(country);
  const codeFirst = CODE_FIRST.exec(name);
  if (codeFirst !== null) {
    const town = findTown(codeFirst[2] ?? '', { region: codeFirst[1] ?? '' });
    if (town !== null) return townPlace(town, codeFirst[2] ?? '');
  }
  const metro = METRO.exec(name);
  if (metro !== null) {
    const core = (metro[1] ?? '').replace(/\s+(?:City|Bay)$/, '');
    const town = findTown(core, { minPopulation: 100_000, ...(opts.prefer ? { prefer: opts.prefer } : {}) });
    // "Madrid Area", "Greater Seattle Area" are the town; a named region ("San Francisco Bay
    // Area", "New York City Metropolitan Area") is printed as the posting names it.
    const named = /\s(?:Bay|Metropolitan|Metro|Capital)\s+(?:Area|Region)$|Metroplex$/.test(name);
    if (town !== null) return named ? { place: name, key: `town:${town.id}` } : townPlace(town, core);
  }
  if (!/^\p{Lu}/u.test(name)) return null;
  // Initials ("NYC", "SF") name only the big city they shorten; other short capitals are acronyms.
  if (name === name.toUpperCase() && name.length <= 4) {
    const big = findTown(name, { minPopulation: 500_000 });
    const initials = big?.name.split(/[\s-]+/).map((w) => w[0] ?? '').join('').toUpperCase();
    return big !== null && initials === name && regionsNamed(name).length === 0 ? townPlace(big, big.name) : null;
  }
  // "California" is a state before it is a town of 11,000 in Maryland; "New York" is both.
  const minPopulation = Math.max(opts.minPopulation ?? 50_000, regionsNamed(name).length > 0 ? 100_000 : 0);
  const town = findTown(name, { minPopulation, ...(opts.prefer ? { prefer: opts.prefer } : {}) });
  return town === null ? null : townPlace(town, name);
}

type Kind = 'country' | 'region' | 'town';

interface Group {
  town?: string;
  region?: string;
  country?: string;
}

function kindOf(chunk: string): Kind {
  if (chunk.length > 2 || chunk === chunk.toUpperCase()) {
    if (countryCodeOf(chunk) !== null && !(chunk.length === 2 && regionsNamed(chunk).length > 0)) return 'country';
  }
  // Two capitals are a region only where cards print region codes (US, Canada, Australia).
  if (regionsNamed(chunk).length > 0 && (chunk.length > 3 || /^[A-Z]{2,3}$/.test(chunk))) return 'region';
  return 'town';
}

/**
 * Splits a comma list into places: each town with the region and country beside it, before or
 * after ("Pittsburgh, PA", "Munich, Bavaria, Germany", "United States, Ohio, Strongsville").
 */
function groupsOf(chunks: readonly string[]): Group[] {
  const kinds: (Kind | 'skip')[] = chunks.map(kindOf);
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i] ?? '';
    const next = chunks[i + 1] ?? '';
    const after = kinds[i + 1];
    // "New York, NY", "Washington, DC", "New York, United States", "New York, London, Tokyo": a
    // region name before its own region or country, or in a list of towns, is the big town so called.
    if (kinds[i] === 'region' && after !== undefined && after !== 'skip') {
      const country = after === 'country' ? countryCodeOf(next) : null;
      const q = after === 'region' ? { region: next } : after === 'country' ? { ...(country !== null ? { country } : {}), minPopulation: 100_000 } : { minPopulation: 100_000 };
      if (findTown(chunk, q) !== null && (after !== 'town' || townsNamed(next).length > 0)) kinds[i] = 'town';
    }
    // "Tel Aviv-Yafo, Tel Aviv District, Israel": a district the gazetteer lacks, between a town and its country.
    if (kinds[i] === 'town' && kinds[i - 1] === 'town' && after === 'country' && townsNamed(chunk).length === 0) kinds[i] = 'skip';
  }
  const groups: Group[] = [];
  let g: Group = {};
  const close = (): void => {
    if (g.town !== undefined || g.region !== undefined || g.country !== undefined) groups.push(g);
    g = {};
  };
  for (const [i, chunk] of chunks.entries()) {
    const kind = kinds[i];
    if (kind === 'skip') continue;
    if (kind === 'country') {
      if (g.country !== undefined) close();
      g.country = chunk;
      if (g.town !== undefined) close();
    } else if (kind === 'region') {
      if (g.region !== undefined) close();
      g.region = chunk;
      // A region ends its town's place ("Dallas, TX"); it comes first only after a country.
      if (g.town === undefined && g.country === undefined) close();
    } else {
      if (g.town !== undefined) close();
      g.town = chunk;
      // Country-first order ends with the town: "United States, Pennsylvania, Pittsburgh".
      if (g.country !== undefined) close();
    }
  }
  close();
  return groups;
}

function regionCountry(region: string | undefined, country: string | null): string | null {
  if (region === undefined) return country;
  const regions = regionsNamed(region).filter((r) => country === null || r.country === country);
  return regions[0]?.country ?? country;
}

/**
 * Places in a comma list. A town must be in the gazetteer, in the region and country beside it;
 * in the US and Canada an unknown town with its state code is still read ("Waxahachie, TX"), as
 * those codes are rarely anything else. A group with no town names no place here.
 */
export function placesOfList(chunks: readonly string[], opts: ReadOptions = {}): Place[] {
  const out: Place[] = [];
  // A sentence's full stop is not part of the name ("… in Austin, TX."); "Ste." and "D.C." keep theirs.
  const tidy = chunks.map((c) => c.trim().replace(/(?<![A-Z]\.[A-Z]|\b(?:St|Ste|Mt|Ft))\.$/, '')).filter((c) => c.length > 0);
  for (const g of groupsOf(tidy)) {
    if (g.town === undefined) continue;
    const country = g.country === undefined ? null : countryCodeOf(g.country);
    const inCountry = regionCountry(g.region, country);
    if (g.region === undefined && country === null) continue;
    const q = { ...(inCountry !== null ? { country: inCountry } : {}), ...(g.region !== undefined ? { region: g.region } : {}) };
    // The town is the last words of its chunk ("Inc. Windsor, CT", "Location Seattle, WA").
    const words = g.town.split(' ');
    let found: Place | null = null;
    for (let i = 0; i < words.length && found === null; i++) {
      const name = words.slice(i).join(' ');
      const town = findTown(name, q);
      if (town !== null) found = townPlace(town, name);
    }
    if (found !== null) {
      out.push(found);
      continue;
    }
    // A city-state is its own town: "Nanyang Technological University, Singapore".
    const cityState = country !== null && g.region === undefined ? findTown(countryNameOf(country), { country }) : null;
    if (cityState !== null) {
      out.push(townPlace(cityState, cityState.name));
      continue;
    }
    // A region written as a code of the US or Canada vouches for a town the gazetteer lacks.
    const region = g.region === undefined || !/^[A-Z]{2}$/.test(g.region) ? undefined : regionsNamed(g.region).find((r) => r.country === 'US' || r.country === 'CA');
    const name = opts.cleanTown ? opts.cleanTown(g.town) : g.town;
    if (region !== undefined && name !== null && townLike(name)) out.push({ place: `${name}, ${region.code}`, key: placeKey(name) });
  }
  return out;
}

/** Words that could be a small town's name: capitalised, no digits, not a country, region or code. */
function townLike(words: string): boolean {
  if (!/^\p{Lu}[\p{L}.'’ -]{1,40}$/u.test(words)) return false;
  if (words === words.toUpperCase()) return false;
  return !isCountryOrRegion(words);
}
