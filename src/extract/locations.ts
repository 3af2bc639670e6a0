import { found, type Found } from './found.js';
import { fieldLineOf, titleBlockOf } from './block.js';
import { linesOf, sentencesOf, withoutOtherJobs, type Span } from './text.js';
import { AU_STATES, CA_PROVINCES, CITIES, COUNTRIES, REGION_NAMES, US_STATES } from './tables/places.js';

/**
 * Every place the posting names for the role, printed as `City, ST` (US, Canada),
 * `City, Country`, a bare country where only the country is given (a per-country pay line), or
 * `Remote`; de-duplicated, in posting order.
 */

interface Hit {
  place: string;
  at: number;
  line: string;
  /** Weak hits (an office list, a headquarters) count only when nothing stronger is named. */
  weak: boolean;
}

// Capitalised words, accented ones too ("Montréal", "Düsseldorf"): Latin-1 letters as code units.
const CAP_WORD = String.raw`[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ.'’-]*`;
// A city's first word is at most 41 characters, so a long run of letters is not reread from each capital in it.
const CITY = String.raw`[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ.'’-]{0,40}(?:[ ]${CAP_WORD}){0,3}`;
// "Cambridge, MA", "Glendale/Santa Monica, CA", "Toronto, ON, Canada"
const CITY_REGION = new RegExp(String.raw`(${CITY})(?:\s*/\s*(${CITY}))?,\s*([A-Z]{2})(?![A-Za-z])`, 'g');
const CITY_STATE_NAME = new RegExp(String.raw`(${CITY}),\s*(${Object.values(US_STATES).concat(Object.values(CA_PROVINCES)).join('|')})\b`, 'g');
const AU_CITY = new RegExp(String.raw`(${CITY}),?\s+(${Object.keys(AU_STATES).join('|')})(?![A-Za-z])(\s+\d{4}\b|,\s*Australia\b)?`, 'g');
// Countries as postings capitalise them: "United Kingdom", "UK", "U.S.", "España" (word starts only: \b splits at "ñ").
const COUNTRY_ALT = Object.keys(COUNTRIES)
  .map((c) => (c.replace(/\./g, '').length <= 3 ? c.toUpperCase() : c.replace(/(^|\s)(\p{Ll})/gu, (_m, sp: string, l: string) => sp + l.toUpperCase()).replace(/\bOf\b|\bThe\b/g, (w) => w.toLowerCase())))
  .sort((a, b) => b.length - a.length)
  .map((c) => c.replace(/[.]/g, '\\.'))
  .join('|');
const CITY_COUNTRY = new RegExp(String.raw`(${CITY}),\s*(?:(${CITY}),\s*)?(${COUNTRY_ALT})(?![A-Za-z])`, 'g');
// "Remote (US)", "Remote - Canada", "US Remote", "Canada (Remote)", "Location: Remote"
const REMOTE_PLACE = /\b(?:REMOTE|[Rr]emote)\s*(?:\([^)]{2,40}\)|[-–—,:]\s*[A-Z][A-Za-z.]+(?:\s[A-Z][a-z]+)?)|\b(?:US|USA|U\.S\.|Canada|UK|EMEA|Europe|LATAM|APAC|Worldwide|Global)[ -][Rr]emote\b|\((?:[Ff]ully )?[Rr]emote\)|\b(?:[Ll]ocations?|[Ww]ork [Ll]ocation|[Jj]ob [Ll]ocation)\s*[:：]\s*(?:[Ff]ully |100% )?[Rr]emote\b(?:\s*\([^)]{2,40}\)|\s*[-–—]\s*[A-Z][A-Za-z.]+(?:\s[A-Z][a-z]+)?)?/g;
// Labelled fields whose value is the role's place.
const LABELLED = /\b(?:job location|work location|office location|locations?|region|city|based in|place of work|work site|worksite)\s*(?:\([^)]*\)\s*)?[:：]\s*(\S.*)$/gim;
// Context phrases after which a bare city name is the role's place.
const BASED_IN = /\b(?:based (?:in|out of)|located in|living in|reside in|residing in|position is in|role is in|located at|work(?:ing)? (?:from|in) our|office in|offices in|hub in|locations? of|(?:in|at|from) our|join (?:us|our team) in)\s+((?:the\s+)?[A-Z][A-Za-z .,'’/&-]{1,80})/g;
const CITY_BASED = /\b([A-Z][A-Za-z]+(?:[ ][A-Z][A-Za-z]+){0,2})[- ]based\b/g;
// Every AU_CITY match names a state code: most sentences have none, so the scan is skipped.
const AU_STATE_CODE = new RegExp(String.raw`\b(?:${Object.keys(AU_STATES).join('|')})\b`);
// A country or city label leading a pay figure: "UK: £110,000", "Spain: €100,000".
const PAY_PLACE = /(?:^|[|;•:]\s*)([A-Z][A-Za-z. ]{1,30}?)\s*[:：]\s*(?:[A-Z]{2,3}\s?)?[$£€¥₹]\s?\d/g;

// Sentences that name places for legal reasons (fair-chance ordinances, state pay laws).
// Visa lists ("F-1 STEM OPT, TN") read like "City, ST".
const VISA_TALK = /\b(sponsor\w*|visas?|h-?1-?b|immigration|opt|cpt)\b/i;
// Legal citations name places that are not the role's.
const LEGAL = /\b(ordinance|police code|correction law|fair chance|article \d|pursuant|applicable (state |federal )?law|criminal|equal (employment )?opportunity|discriminat|residents of|applicants (in|from)|if you (are|live|reside) in|other locations|in the following states|pay transparency law)\b/i;
const WEAK = /\b(headquarter(s|ed)?|hq|offices (in|across|around)|we have offices|founded in|offices worldwide|locations? (around|across) the|(company|startup|start-up|scale-?up|firm|business|studio|agency|organi[sz]ation|provider|platform)( (that|which) is| headquartered| \w+)? based (in|out of))\b/i;
// Leading words a capitalised run may carry that are never part of a city name.
const NOT_CITY_WORD = /^(location|locations|office|hybrid|remote|onsite|on-site|based|job|position|the|in|at|near|hq|headquarters|work|city|area|region|and|or|role|team|our|usa|us|from|of|posted|about|summary|greater|site|address|apply|full-time|part-time|contract|salary|pay|compensation|range|engineer|developer|manager)$/i;

function cleanCity(raw: string): string | null {
  let words = raw.trim().split(/\s+/);
  // "Heidi Melbourne": a known city at the end of a capitalised run is the place.
  for (let i = 1; i < words.length; i++) {
    if (words.slice(i).join(' ').toLowerCase() in CITIES) {
      words = words.slice(i);
      break;
    }
  }
  // A lower-case word is never part of the city's name ("client in Washington").
  while (words.length > 0 && (NOT_CITY_WORD.test(words[0] ?? '') || /^[a-z]/.test(words[0] ?? ''))) words.shift();
  if (words.length === 0 || words.length > 3) return null;
  const city = words.join(' ');
  if (/\d/.test(city) || city.length < 2) return null;
  return city;
}

function countryName(raw: string): string | null {
  return COUNTRIES[raw.trim().toLowerCase()] ?? null;
}

/** Places named in one span of text. */
function placesIn(span: Span, weak: boolean, out: Hit[]): void {
  const s = span.text;
  const push = (place: string, idx: number): void => {
    out.push({ place, at: span.start + idx, line: s, weak });
  };
  // Every "City, Region" form needs a comma before a capital: most sentences have none.
  const commaCap = /,\s*[A-ZÀ-ÖØ-Þ]/.test(s);
  for (const m of VISA_TALK.test(s) || !commaCap ? [] : s.matchAll(CITY_REGION)) {
    const region = m[3] ?? '';
    if (!(region in US_STATES) && !(region in CA_PROVINCES)) continue;
    const first = m[2] === undefined ? null : cleanCity(m[1] ?? '');
    const city = cleanCity(m[2] ?? m[1] ?? '');
    if (first !== null) push(`${first}, ${region}`, m.index);
    // Same offset as a "City, Country" reading of the same words, and pushed first, so it wins.
    if (city !== null) push(`${city}, ${region}`, first !== null ? m.index + 1 : m.index);
  }
  for (const m of commaCap ? s.matchAll(CITY_STATE_NAME) : []) {
    const city = cleanCity(m[1] ?? '');
    const code = codeOfRegionName(m[2] ?? '');
    if (city !== null && code !== null && city.toLowerCase() !== (m[2] ?? '').toLowerCase()) push(`${city}, ${code}`, m.index);
    else if (city !== null && code !== null) push(`${city}, ${code}`, m.index);
  }
  for (const m of AU_STATE_CODE.test(s) ? s.matchAll(AU_CITY) : []) {
    const city = cleanCity(m[1] ?? '');
    // A known Australian city, or any place written with its postcode or country ("Camberwell VIC 3124").
    if (city !== null && (m[3] !== undefined || CITIES[city.toLowerCase()]?.endsWith('Australia') === true)) push(`${city}, Australia`, m.index);
  }
  for (const m of commaCap ? s.matchAll(CITY_COUNTRY) : []) {
    const city = cleanCity(m[1] ?? '');
    const country = countryName(m[3] ?? '');
    if (city === null || country === null) continue;
    if (/^remote$/i.test(city)) continue;
    push(`${city}, ${country}`, m.index);
  }
  for (const m of /remote/i.test(s) ? s.matchAll(REMOTE_PLACE) : []) {
    if (/\b(no|not)\s+remote\b/i.test(s.slice(Math.max(0, m.index - 8), m.index + m[0].length))) continue;
    push(remoteWithRegion(m[0], s.slice(Math.max(0, m.index - 30), m.index)), m.index);
  }
  for (const m of /[$£€¥₹]/.test(s) ? s.matchAll(PAY_PLACE) : []) {
    const label = (m[1] ?? '').trim();
    const country = countryName(label);
    const city = CITIES[label.toLowerCase()];
    if (country !== null) push(country, m.index);
    else if (city !== undefined) push(city, m.index);
  }
}

/** "Remote (US)", "US Remote", "Canada (Remote)" → "Remote (US)" / "Remote (Canada)"; else "Remote". */
function remoteWithRegion(match: string, before: string): string {
  const inParens = /remote\s*\(([^)]{2,40})\)/i.exec(match)?.[1];
  const after = /remote\s*[-–—,:]\s*(\S.*)$/i.exec(match)?.[1];
  const leading = /^(US|USA|U\.S\.|Canada|UK|EMEA|Europe|LATAM|APAC|Worldwide|Global)[ -]remote$/i.exec(match)?.[1];
  // "Canada (Remote)": the place before names the region when it is a country.
  const before1 = /^\((?:fully )?remote\)$/i.test(match.trim()) ? /([A-Z][A-Za-z. ]{1,30}?)\s*$/.exec(before)?.[1] : undefined;
  const prior = before1 !== undefined && COUNTRIES[before1.trim().toLowerCase()] !== undefined ? before1 : undefined;
  const region = (inParens ?? after ?? leading ?? prior ?? '').trim();
  if (region.length === 0 || /^(first|friendly|only|ok|okay|optional|possible|eligible)$/i.test(region)) return 'Remote';
  const country = COUNTRIES[region.toLowerCase()];
  return `Remote (${country === 'United States' ? 'US' : country ?? region})`;
}

function codeOfRegionName(name: string): string | null {
  const lower = name.toLowerCase();
  for (const [code, full] of Object.entries(US_STATES)) if (full.toLowerCase() === lower) return code;
  for (const [code, full] of Object.entries(CA_PROVINCES)) if (full.toLowerCase() === lower) return code;
  return null;
}

/** Bare city names (and countries) in a phrase the posting uses to place the role. */
function bareCitiesIn(phrase: string, at: number, line: string, weak: boolean, out: Hit[]): void {
  const cleaned = phrase.replace(/\([^)]*\)/g, ' ');
  for (const piece of cleaned.split(/\s*(?:,|;|\||\/|\bor\b|\band\b|&|·)\s*/)) {
    // Only the place's own capitalised words: "Seattle is: …" → "Seattle".
    const p = (/^(?:the\s+)?((?:[A-Z][A-Za-z.'’-]*)(?:\s+[A-Z][A-Za-z.'’-]*){0,3})/.exec(piece.trim())?.[1] ?? piece.trim()).replace(/[.)(]+$/g, '');
    const key = p.toLowerCase();
    const city = CITIES[key] ?? CITIES[key.replace(/\s+(office|area|hub|metro)$/, '')];
    if (city !== undefined) {
      out.push({ place: city, at, line, weak });
      continue;
    }
    const country = countryName(p);
    if (country !== null && p.length > 2) out.push({ place: country, at, line, weak });
    // "Location: San Francisco, CA; Remote - US": the region after the dash stays with it.
    const dashed = /^(?:fully |100% )?remote\s*[-–—]\s*[A-Z][A-Za-z.]+(?:\s[A-Z][a-z]+)?/i.exec(piece.trim());
    if (/^(fully |100% )?remote$/i.test(p)) out.push({ place: dashed ? remoteWithRegion(dashed[0], '') : 'Remote', at, line, weak });
  }
}

// Words a header line puts beside its city: the arrangement and the kind of contract.
const HEADER_WORDS = /^(?:fully |100% )?(?:remote|hybrid|on-?site|in[- ]office|full[- ]time|part[- ]time|contract|permanent|temporary|internship|cdi|cdd|vollzeit|teilzeit)$/i;

const REGION_WORDS = /^(europe|emea|apac|latam|north america|americas|worldwide|global|anywhere)$/i;

/** "Title | Remote | Europe" → "Remote (Europe)"; "Title - Remote" → "Remote". */
function remoteSegments(line: string, at: number, out: Hit[]): void {
  const segments = line.split(/\s*[|·•]\s*|\s+[-–—]\s+/).map((s) => s.trim());
  const i = segments.findIndex((s) => /^(fully )?remote$/i.test(s));
  if (i < 1) return;
  const next = segments[i + 1] ?? '';
  const country = COUNTRIES[next.toLowerCase()];
  const region = country ?? (REGION_WORDS.test(next) ? next : null);
  out.push({ place: region === null ? 'Remote' : `Remote (${region === 'United States' ? 'US' : region})`, at, line, weak: false });
}

function keyOf(place: string): string {
  if (place.startsWith('Remote')) return 'remote';
  return place.split(',')[0]?.trim().toLowerCase() ?? place.toLowerCase();
}

/**
 * A place a source gives as data, in the form we print: "New York, New York" → "New York, NY",
 * "Toronto, ON, Canada" → "Toronto, ON", "Remote - US" → "Remote (US)"; others as given.
 */
export function normalizePlace(place: string): string {
  const hits: Hit[] = [];
  placesIn({ text: place.trim(), start: 0 }, false, hits);
  const first = hits.sort((x, y) => x.at - y.at)[0];
  // One place, however many ways it was read ("Toronto, ON" and "Toronto, Canada").
  if (first !== undefined && hits.every((h) => keyOf(h.place) === keyOf(first.place))) return first.place;
  if (/^(fully )?remote$/i.test(place.trim())) return 'Remote';
  return place.trim();
}

export function extractLocations(text: string): Found<string[]> {
  const body = withoutOtherJobs(text);
  const hits: Hit[] = [];
  // A bare place on its own line under the title ("Machine Learning Engineer / Amsterdam").
  const block = titleBlockOf(body);
  if (block.titleIndex >= 0) {
    // "Lead Data Scientist | Remote | Europe": places riding on the title line.
    const titleLine = block.lines[block.titleIndex];
    if (titleLine) remoteSegments(titleLine.text, titleLine.start, hits);
    for (const l of block.lines.slice(block.titleIndex + 1, block.titleIndex + 7)) {
      if (/^(fully )?remote$/i.test(l.text)) hits.push({ place: 'Remote', at: l.start, line: l.text, weak: false });
      // "Paris (75)", "London · Hybrid (2 days in office)", "Pittsburgh • Remote (US) | Full Time",
      // "Leeds, West Yorkshire": known cities, with arrangement words and regions beside them.
      const pieces = l.text.split(/\s*(?:,|;|\||\/|·|•)\s*/).map((x) => x.replace(/\s*\([^)]*\)/g, '').trim().toLowerCase()).filter((x) => x.length > 0);
      const cities = pieces.filter((x) => x in CITIES);
      if (cities.length > 0 && pieces.every((x) => x in CITIES || REGION_NAMES.has(x) || HEADER_WORDS.test(x))) {
        for (const c of cities) hits.push({ place: CITIES[c] ?? c, at: l.start, line: l.text, weak: false });
      }
      // "United States · Remote", "Germany | Full-time": a country with header words beside it.
      const countries = pieces.filter((x) => x in COUNTRIES && x.length > 2);
      if (cities.length === 0 && countries.length === 1 && pieces.length > 1 && pieces.every((x) => x in COUNTRIES || HEADER_WORDS.test(x))) {
        const country = COUNTRIES[countries[0] ?? ''] ?? '';
        const remote = pieces.some((x) => /remote$/.test(x));
        hits.push({ place: remote ? `Remote (${country === 'United States' ? 'US' : country})` : country, at: l.start, line: l.text, weak: false });
      }
    }
  }
  // A Hacker News field line names its city as a bare field: "Acme | Engineer | San Francisco | Onsite".
  const fieldLine = fieldLineOf(body);
  for (const field of fieldLine?.fields ?? []) {
    const city = CITIES[field.replace(/\s*\([^)]*\)/g, '').trim().toLowerCase()];
    if (city !== undefined && fieldLine) hits.push({ place: city, at: fieldLine.line.start, line: fieldLine.line.text, weak: false });
  }
  // Lines are often sentences too: each distinct text is tested against LEGAL once.
  const legalSeen = new Map<string, boolean>();
  const legal = (t: string): boolean => {
    let v = legalSeen.get(t);
    if (v === undefined) {
      v = LEGAL.test(t);
      legalSeen.set(t, v);
    }
    return v;
  };
  for (const sent of sentencesOf(body)) {
    if (legal(sent.text)) continue;
    placesIn(sent, WEAK.test(sent.text), hits);
  }
  for (const line of linesOf(body)) {
    if (legal(line.text)) continue;
    for (const m of /[:：]/.test(line.text) ? line.text.matchAll(LABELLED) : []) {
      // Flattened pastes run the next field on: cut at the next "Label:" or a big gap.
      const value = (m[1] ?? '').split(/\s{2,}|\t|(?<=[a-z)])(?=[A-Z][A-Za-z ]{2,30}[:：])|\b(?:Job Description|Description|Overview)\b/)[0] ?? '';
      bareCitiesIn(value, line.start + m.index, line.text, false, hits);
    }
    for (const m of line.text.matchAll(BASED_IN)) {
      bareCitiesIn((m[1] ?? '').split(/[.;:!?]/)[0] ?? '', line.start + m.index, line.text, WEAK.test(line.text), hits);
    }
    for (const m of line.text.includes('based') ? line.text.matchAll(CITY_BASED) : []) {
      const city = CITIES[(m[1] ?? '').toLowerCase()];
      if (city !== undefined) hits.push({ place: city, at: line.start + m.index, line: line.text, weak: WEAK.test(line.text) });
    }
  }
  const strong = hits.some((h) => !h.weak);
  const kept = hits.filter((h) => !strong || !h.weak).sort((a, b) => a.at - b.at);
  const seen = new Set<string>();
  const places: string[] = [];
  const lines: string[] = [];
  for (const h of kept) {
    const key = keyOf(h.place);
    // A bare country adds nothing once a city in it is listed, and vice versa keeps the city.
    if (seen.has(key)) continue;
    seen.add(key);
    places.push(h.place);
    if (!lines.includes(h.line)) lines.push(h.line);
  }
  // A bare country adds nothing beside a city in it or a remote role in it ("Remote (Canada)").
  const pruned = places.filter((p) => !(isCountryOnly(p) && places.some((q) => q !== p && (q.endsWith(`, ${p}`) || q === `Remote (${p})` || (p === 'United States' && q === 'Remote (US)')))));
  return found(pruned, lines[0] ?? null, pruned.length > 0 ? `named in ${lines.length} line(s)` : null);
}

function isCountryOnly(place: string): boolean {
  return !place.includes(',') && Object.values(COUNTRIES).includes(place);
}
