import { found, type Found } from './found.js';
import { fieldLineOf, titleBlockOf } from './block.js';
import { linesOf, sentencesOf, withoutOtherJobs, type Span } from './text.js';
import { AU_STATES } from './tables/places.js';
import { countryCodeOf, findTown, placeKey, printedCountry, printTown } from './places/gazetteer.js';
import { isCountryOrRegion, placeOfName, placesOfList, type Place, type ReadOptions } from './places/read.js';

/**
 * Every place the posting names for the role, printed as `City, ST` (US, Canada),
 * `City, Country`, a bare country where only the country is given (a per-country pay line), or
 * `Remote`; de-duplicated, in posting order.
 */

interface Hit {
  place: string;
  /** The same real place however it was spelled (Gurgaon / Gurugram): see places/read.ts. */
  key: string;
  at: number;
  line: string;
  /** Weak hits (an office list, a headquarters) count only when nothing stronger is named. */
  weak: boolean;
  /** Read from a name alone ("Springfield"): the posting's "Springfield, IL" elsewhere says which. */
  bare?: boolean;
  /** From the header or a labelled field: where the page itself says the role is. */
  header?: boolean;
}

// Capitalised words, accented ones too ("Montréal", "Düsseldorf"): Latin-1 letters as code units.
const CAP_WORD = String.raw`[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ.'’-]*`;
// A city's first word is at most 41 characters, so a long run of letters is not reread from each capital in it.
const CITY = String.raw`[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ.'’-]{0,40}(?:[ ]${CAP_WORD}){0,3}`;
// A comma list of capitalised names, in any order a page prints it: "Cambridge, MA",
// "Cupertino, California, United States", "United States, Pennsylvania, Pittsburgh".
const CHUNK = String.raw`[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ.'’-]{0,40}(?:[ ](?:(?:of|the|de|del|am|upon|la|sur)[ ])?[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ.'’-]{0,40}){0,4}`;
const COMMA_RUN = new RegExp(String.raw`${CHUNK}(?:\s*,\s*${CHUNK})+`, 'g');
// "Glendale/Santa Monica, CA": two towns sharing a region.
const SHARED_REGION = new RegExp(String.raw`(${CITY})\s*/\s*(${CITY}),\s*([A-Z]{2})(?![A-Za-z])`, 'g');
const AU_CITY = new RegExp(String.raw`(${CITY}),?\s+(${Object.keys(AU_STATES).join('|')})(?![A-Za-z])(\s+\d{4}\b|,\s*Australia\b)?`, 'g');
// "Remote (US)", "Remote - Canada", "US Remote", "Canada (Remote)", "Location: Remote"
const REMOTE_PLACE = /\b(?:REMOTE|[Rr]emote)\s*(?:\([^)]{2,40}\)|[-–—,:]\s*[A-Z][A-Za-z.]+(?:\s[A-Z][a-z]+)?)|\b(?:US|USA|U\.S\.|Canada|UK|EMEA|Europe|LATAM|APAC|Worldwide|Global)[ -][Rr]emote\b|\((?:[Ff]ully )?[Rr]emote\)|\b(?:[Ll]ocations?|[Ww]ork [Ll]ocation|[Jj]ob [Ll]ocation)\s*[:：]\s*(?:[Ff]ully |100% )?[Rr]emote\b(?:\s*\([^)]{2,40}\)|\s*[-–—]\s*[A-Z][A-Za-z.]+(?:\s[A-Z][a-z]+)?)?/g;
// "remote within the United States", "TELECOMMUTE Mandaluyong, Metro Manila, Philippines",
// "work from home anywhere in Canada": a remote role's country.
const REMOTE_IN = /\b(?:remote|REMOTE|TELECOMMUTE|[Tt]elecommute|[Ww]ork from home)\s+(?:(?:with)?in|across|from anywhere in|anywhere in|from)?\s*(?:the\s+)?([A-Z][\p{L}.'’-]*(?:[ ,]+[A-Z][\p{L}.'’-]*){0,5})/gu;
// The text after a pin or globe, up to the next backtick, bar or line end.
const PIN = /[📍🌎🌍🌏]\uFE0F?\s*([^`|\n]{2,80})/gu;
// Labelled fields whose value is the role's place.
const LABELLED = /\b(?:job location|work location|office location|locations?|region|city|based in|place of work|work site|worksite|einsatzort|arbeitsort|standort|lieu|localisation|ubicación|ubicacion|localização|localizacao|local de trabalho|sede)\s*(?:\([^)]*\)\s*)?[:：]\s*(\S.*)$/gim;
// Context phrases after which a bare city name is the role's place.
const BASED_IN = /\b(?:based (?:in|out of)|located in|living in|reside in|residing in|position is in|role is in|located at|work(?:ing)? (?:from|in) our|office in|offices in|hub in|locations? of|(?:in|at|from) our|join (?:us|our team) in|(?:team|teams|group|office|offices|studio) in|[Oo]ffices? in)\s+((?:the\s+|our\s+)?[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ .,'’/&-]{1,80})/g;
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
// A street address: a house number before a name, and a street word or a suite ("513 Parnassus
// Ave", "262 Chapman Rd, Suite # 101"). Two plain tests, so neither backtracks.
const HOUSE_NUMBER = /\b\d{1,6} [A-Z][a-z]/;
const STREET_WORD = /\b(?:Street|Rd|Road|Ave|Avenue|Blvd|Boulevard|Drive|Lane|Pkwy|Parkway|Hwy|Highway)\b|\bSuite ?#? ?\d/;
const isStreetAddress = (s: string): boolean => HOUSE_NUMBER.test(s) && STREET_WORD.test(s);
// A body sentence that speaks of where the role is, not of the company's footprint.
const ROLE_PLACE_TALK = /\b(?:role|position|job|opening|candidates?|you|your|based|located|locations?|onsite|on-site|in[- ]office|in[- ]person|hybrid|remote|relocat\w*|work(?:ing)? (?:from|in|at|out of))\b/i;
// Leading words a capitalised run may carry that are never part of a city name.
const NOT_CITY_WORD = /^(location|locations|office|hybrid|remote|onsite|on-site|based|job|position|the|in|at|near|hq|headquarters|work|city|area|region|and|or|role|team|our|usa|us|from|of|posted|about|summary|greater|site|address|apply|full-time|part-time|contract|salary|pay|compensation|range|engineer|developer|manager)$/i;

function cleanCity(raw: string): string | null {
  const words = raw.trim().split(/\s+/);
  // A lower-case word is never part of the city's name ("client in Washington").
  while (words.length > 0 && (NOT_CITY_WORD.test(words[0] ?? '') || /^[a-z]/.test(words[0] ?? ''))) words.shift();
  if (words.length === 0 || words.length > 3) return null;
  const city = words.join(' ');
  if (/\d/.test(city) || city.length < 2) return null;
  return city;
}

/**
 * "Raleigh, NC Pinecrest Technologies is …": a region code ends its place even when a name runs
 * on after it (flattened headers), so the list stops at the code.
 */
function regionCodeEnds(chunks: string[]): string[] {
  for (let i = 1; i < chunks.length; i++) {
    const code = /^([A-Z]{2})\s+\S/.exec(chunks[i] ?? '')?.[1];
    if (code !== undefined && isCountryOrRegion(code)) return [...chunks.slice(0, i), code];
  }
  return chunks;
}

/** A place as a hit of one span. */
type Push = (p: Place, idx: number) => void;

/** Places named in one span of text. */
function placesIn(span: Span, weak: boolean, out: Hit[], opts: ReadOptions): void {
  const s = span.text;
  const push: Push = (p, idx) => {
    out.push({ place: p.place, key: p.key, at: span.start + idx, line: s, weak });
  };
  // Every comma list needs a comma before a capital: most sentences have none.
  const commaCap = /,\s*[A-ZÀ-ÖØ-Þ]/.test(s);
  if (commaCap && !VISA_TALK.test(s)) {
    for (const m of s.matchAll(SHARED_REGION)) {
      // The first town of "Glendale/Santa Monica, CA" shares the second's region.
      for (const p of placesOfList([m[1] ?? '', m[3] ?? ''], { ...opts, cleanTown: cleanCity })) push(p, m.index);
    }
    for (const m of s.matchAll(COMMA_RUN)) {
      const chunks = regionCodeEnds(m[0].split(/\s*,\s*/));
      // "TELECOMMUTE Mandaluyong, Metro Manila, Philippines": a remote role's country (REMOTE_IN), not an office.
      if (/^(?:TELECOMMUTE|Telecommute|REMOTE|Remote)\s/.test(chunks[0] ?? '')) continue;
      // A street address ("262 Chapman Rd, Suite 101, Newark, DE 19702") is an office's, often
      // the recruiter's: it counts only when nothing else names the role's place.
      const address = isStreetAddress(s) || /^[\s-]{0,3}\d{5}\b/.test(s.slice(m.index + m[0].length));
      for (const p of placesOfList(chunks, { ...opts, cleanTown: cleanCity })) {
        if (address) out.push({ place: p.place, key: p.key, at: span.start + m.index + 1, line: s, weak: true });
        else push(p, m.index + 1);
      }
    }
  }
  for (const m of AU_STATE_CODE.test(s) ? s.matchAll(AU_CITY) : []) {
    const city = cleanCity(m[1] ?? '');
    if (city === null) continue;
    const town = findTown(city, { country: 'AU' });
    // A known Australian town, or any place written with its postcode or country ("Camberwell VIC 3124").
    if (town !== null) push({ place: printTown(town, city), key: `town:${town.id}` }, m.index);
    else if (m[3] !== undefined) push({ place: `${city}, Australia`, key: city.toLowerCase() }, m.index);
  }
  for (const m of /remote/i.test(s) ? s.matchAll(REMOTE_PLACE) : []) {
    if (/\b(no|not)\s+remote\b/i.test(s.slice(Math.max(0, m.index - 8), m.index + m[0].length))) continue;
    // "remote: False" (a record's flag), "Remote, Finance" (a tag list): no remote place.
    if (/^remote\s*[:,]\s*(?:false|no|0|n)\b/i.test(m[0]) || (/^remote\s*,/i.test(m[0]) && remoteWithRegion(m[0], '') === 'Remote')) continue;
    push(remotePlace(remoteWithRegion(m[0], s.slice(Math.max(0, m.index - 30), m.index))), m.index);
  }
  for (const m of /remote|telecommute|work from home/i.test(s) ? s.matchAll(REMOTE_IN) : []) {
    const where = (m[1] ?? '').split(/\s*,\s*/);
    // The country is the last name of the list ("Mandaluyong, Metro Manila, Philippines").
    const country = printedCountry(where[where.length - 1] ?? '') ?? placesOfList(where)[0]?.place.split(', ').pop() ?? null;
    const code = country === null ? null : countryCodeOf(country);
    if (code !== null && country !== null) push(remotePlace(`Remote (${code === 'US' ? 'US' : country})`), m.index);
  }
  for (const m of /[$£€¥₹]/.test(s) ? s.matchAll(PAY_PLACE) : []) {
    const p = placeOfName((m[1] ?? '').trim(), { ...opts, minPopulation: 100_000 });
    if (p !== null) push(p, m.index);
  }
}

const remotePlace = (place: string): Place => ({ place, key: 'remote' });

/** "Remote (US)", "US Remote", "Canada (Remote)" → "Remote (US)" / "Remote (Canada)"; else "Remote". */
function remoteWithRegion(match: string, before: string): string {
  const inParens = /remote\s*\(([^)]{2,40})\)/i.exec(match)?.[1];
  const after = /remote\s*[-–—,:]\s*(\S.*)$/i.exec(match)?.[1];
  const leading = /^(US|USA|U\.S\.|Canada|UK|EMEA|Europe|LATAM|APAC|Worldwide|Global)[ -]remote$/i.exec(match)?.[1];
  // "Canada (Remote)": the place before names the region when it is a country.
  const before1 = /^\((?:fully )?remote\)$/i.test(match.trim()) ? /([A-Z][A-Za-z. ]{1,30}?)\s*$/.exec(before)?.[1] : undefined;
  const prior = before1 !== undefined && printedCountry(before1.trim()) !== null ? before1 : undefined;
  const region = (inParens ?? after ?? leading ?? prior ?? '').trim();
  if (region.length === 0 || /^(first|friendly|only|ok|okay|optional|possible|eligible|false|true|yes|no)$/i.test(region)) return 'Remote';
  const country = printedCountry(region);
  // "Remote, Finance" (a tag list): only a country or a region of the world names where.
  if (country === null && !REGION_WORDS.test(region) && !/^(EU|US|USA|UK|North America|Latin America|[A-Z][a-z]+ (time ?zone|timezone))$/i.test(region) && /^\p{Lu}\p{Ll}+$/u.test(region) && findTown(region, { minPopulation: 100_000 }) === null) return 'Remote';
  return `Remote (${country === 'United States' ? 'US' : country ?? region})`;
}

/** Bare city names (and countries) in a phrase the posting uses to place the role. */
function bareCitiesIn(phrase: string, at: number, line: string, weak: boolean, out: Hit[], opts: ReadOptions): void {
  const cleaned = phrase.replace(/\([^)]*\)|["“”]/g, ' ');
  for (const piece of cleaned.split(/\s*(?:,|;|\||\/|\bor\b|\band\b|\boder\b|\bund\b|\bou\b|&|·)\s*/)) {
    // Only the place's own capitalised words: "Seattle is: …" → "Seattle".
    const p = (/^(?:the\s+|our\s+)?((?:[A-ZÀ-ÖØ-Þ][\p{L}.'’-]*)(?:\s+(?:of\s+|the\s+|am\s+)?[A-ZÀ-ÖØ-Þ][\p{L}.'’-]*){0,3})/u.exec(piece.trim())?.[1] ?? piece.trim()).replace(/[.)(]+$/g, '');
    // "Im Büro in Düsseldorf": else the last capitalised words of the piece.
    const last = /((?:[A-ZÀ-ÖØ-Þ][\p{L}.'’-]*)(?:\s+[A-ZÀ-ÖØ-Þ][\p{L}.'’-]*){0,2})[.)]?$/u.exec(piece.trim())?.[1];
    const place = placeOfName(p, opts) ?? placeOfName(p.replace(/\s+(office|area|hub|metro|HQ)$/i, ''), opts) ?? (last !== undefined && last !== p ? placeOfName(last, opts) : null);
    if (place !== null) out.push({ place: place.place, key: place.key, at, line, weak, bare: true });
    // "Location: San Francisco, CA; Remote - US": the region after the dash stays with it.
    const dashed = /^(?:fully |100% )?remote\s*[-–—]\s*[A-Z][A-Za-z.]+(?:\s[A-Z][a-z]+)?/i.exec(piece.trim());
    if (/^(fully |100% )?remote$/i.test(p)) out.push({ place: dashed ? remoteWithRegion(dashed[0], '') : 'Remote', key: 'remote', at, line, weak });
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
  const country = printedCountry(next);
  const region = country ?? (REGION_WORDS.test(next) ? next : null);
  out.push({ place: region === null ? 'Remote' : `Remote (${region === 'United States' ? 'US' : region})`, key: 'remote', at, line, weak: false, header: true });
}

/**
 * The places of a header line under the title, when every piece of it is a place, a region or a
 * header word: "Paris (75)", "London · Hybrid (2 days in office)", "Germany", "Leeds, West
 * Yorkshire", "San Francisco Bay Area", "LinkedIn - San Francisco Bay Area" (the company first).
 */
function headerPlaces(line: Span, out: Hit[], opts: ReadOptions): void {
  if (/^(fully )?remote$/i.test(line.text)) {
    out.push({ place: 'Remote', key: 'remote', at: line.start, line: line.text, weak: false, header: true });
    return;
  }
  // A sentence under the title ("… hospitals across Australia and New Zealand.") is no header.
  if (/[.!?]$/.test(line.text) || line.text.split(/\s+/).length > 10) return;
  const segments = line.text.split(/\s*(?:;|\||\/|·|•)\s*|\s+[-–—]\s+|\s+(?:or|and|&)\s+/).map((x) => x.replace(/\s*\([^)]*\)/g, '').trim()).filter((x) => x.length > 0);
  const pieces: string[] = [];
  const places: (Place & { bare: boolean })[] = [];
  let other = 0;
  for (const [i, segment] of segments.entries()) {
    // "Arlington, VA" is read whole, so its region says which Arlington.
    const listed = segment.includes(',') ? placesOfList(segment.split(/\s*,\s*/), opts) : [];
    if (listed.length > 0) {
      for (const p of listed) places.push({ ...p, bare: false });
      continue;
    }
    for (const piece of segment.split(/\s*,\s*/)) {
      pieces.push(piece);
      const p = placeOfName(piece, { ...opts, minPopulation: 10_000 });
      if (p !== null) places.push({ ...p, bare: true });
      else if (!(HEADER_WORDS.test(piece) || (places.length > 0 && isCountryOrRegion(piece)) || (i === 0 && segments.length > 1 && segment.split(' ').length <= 4 && !/\s[a-z]/.test(segment)))) other++;
    }
  }
  if (places.length === 0 || other > 0) return;
  // "United States · Remote": a country with the remote arrangement is a remote role there.
  const remote = pieces.some((x) => /remote$/i.test(x));
  for (const p of places) {
    const country = p.key.startsWith('country:') ? p.place : null;
    out.push(remote && country !== null && places.length === 1
      ? { place: `Remote (${country === 'United States' ? 'US' : country})`, key: 'remote', at: line.start, line: line.text, weak: false, header: true }
      : { place: p.place, key: p.key, at: line.start, line: line.text, weak: false, bare: p.bare, header: true });
  }
}

/** Countries the posting is about, from its currency: a bare "Cambridge" is then the one at home. */
function preferredCountries(text: string): Set<string> {
  const prefer = new Set<string>();
  if (/\$\s?\d/.test(text) && !/\b(?:CAD|AUD|NZD|SGD|HKD|MXN)\b|C\$|A\$/.test(text)) prefer.add('US');
  if (/£\s?\d/.test(text)) prefer.add('GB');
  if (/₹\s?\d|\bINR\b|\bLPA\b/.test(text)) prefer.add('IN');
  if (/\bCAD\b|C\$/.test(text)) prefer.add('CA');
  if (/\bAUD\b|A\$/.test(text)) prefer.add('AU');
  return prefer;
}

/**
 * A place a source gives as data, in the form we print: "New York, New York" → "New York, NY",
 * "Toronto, ON, Canada" → "Toronto, ON", "Remote - US" → "Remote (US)"; others as given.
 */
export function normalizePlace(place: string): string {
  const hits: Hit[] = [];
  const text = place.trim();
  placesIn({ text, start: 0 }, false, hits, {});
  const first = hits.sort((x, y) => x.at - y.at)[0];
  // One place, however many ways it was read ("Toronto, ON" and "Toronto, Canada").
  if (first !== undefined && hits.every((h) => h.key === first.key)) return first.place;
  if (/^(fully )?remote$/i.test(text)) return 'Remote';
  // "Brisbane - Australia", "Essen", "SAUDI": a name the gazetteer knows on its own.
  const pieces = text.split(/\s+[-–—]\s+/);
  const listed = pieces.length > 1 ? placesOfList(pieces) : [];
  if (listed.length === 1 && listed[0] !== undefined) return listed[0].place;
  const alone = placeOfName(text, { minPopulation: 10_000 }) ?? (text === text.toUpperCase() ? placeOfName(text.toLowerCase().replace(/\b\p{L}/gu, (c) => c.toUpperCase()), { minPopulation: 10_000 }) : null);
  return alone?.place ?? text;
}

export function extractLocations(text: string): Found<string[]> {
  const body = withoutOtherJobs(text);
  const hits: Hit[] = [];
  const opts: ReadOptions = { prefer: preferredCountries(body) };
  // A bare place on its own line under the title ("Machine Learning Engineer / Amsterdam").
  const block = titleBlockOf(body);
  if (block.titleIndex >= 0) {
    // "Lead Data Scientist | Remote | Europe": places riding on the title line.
    const titleLine = block.lines[block.titleIndex];
    if (titleLine) remoteSegments(titleLine.text, titleLine.start, hits);
    for (const l of block.lines.slice(block.titleIndex + 1, block.titleIndex + 7)) headerPlaces(l, hits, opts);
  }
  // A Hacker News field line names its city as a bare field: "Acme | Engineer | San Francisco | Onsite".
  const fieldLine = fieldLineOf(body);
  for (const field of fieldLine?.fields ?? []) {
    if (!fieldLine) break;
    // "| Remote |", "| ALL REMOTE |", "| Remote (US) |": the role's arrangement is its place.
    // "SF, Remote ok for senior (US/CAN)": a remote piece beside the city.
    const remote = field.split(/\s*,\s*/).find((x) => /^(?:all |fully |100% )?remote\b/i.test(x.trim()));
    if (remote !== undefined) hits.push({ place: remoteWithRegion(remote.trim().replace(/^(?:all|fully|100%)\s+/i, ''), ''), key: 'remote', at: fieldLine.line.start + 1, line: fieldLine.line.text, weak: false, header: true });
    if (/^(?:all |fully |100% )?remote\b/i.test(field.trim())) continue;
    const first = field.replace(/\s*\([^)]*\)/g, '').split(/\s*,\s*/)[0] ?? '';
    const p = placeOfName(first.trim(), { ...opts, minPopulation: 50_000 });
    if (p !== null) hits.push({ place: p.place, key: p.key, at: fieldLine.line.start, line: fieldLine.line.text, weak: false, bare: true, header: true });
  }
  // "📍 Greater Noida", "🌎 France", "📍 Location: Pune": a pin or globe marks the place.
  for (const line of linesOf(body)) {
    for (const m of /[📍🌎🌍🌏]/u.test(line.text) ? line.text.matchAll(PIN) : []) {
      const value = (m[1] ?? '').replace(/^(?:location|locations|ubicación|lieu|standort)\s*[:：]\s*/i, '');
      if (/^telecommute\b/i.test(value)) continue;
      const listed = placesOfList(value.split(/\s*,\s*/), opts);
      if (listed.length > 0) for (const p of listed) hits.push({ place: p.place, key: p.key, at: line.start + m.index, line: line.text, weak: false, header: true });
      else asHeader(hits, () => bareCitiesIn(value, line.start + m.index, line.text, false, hits, { ...opts, minPopulation: 10_000 }));
    }
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
    placesIn(sent, WEAK.test(sent.text), hits, opts);
  }
  for (const line of linesOf(body)) {
    if (legal(line.text)) continue;
    for (const m of /[:：]/.test(line.text) ? line.text.matchAll(LABELLED) : []) {
      // Flattened pastes run the next field on: cut at the next "Label:" or a big gap.
      const value = (m[1] ?? '').split(/\s{2,}|\t|(?<=[a-z)])(?=[A-Z][A-Za-z ]{2,30}[:：])|\b(?:Job Description|Description|Overview)\b/)[0] ?? '';
      asHeader(hits, () => bareCitiesIn(value, line.start + m.index, line.text, false, hits, { ...opts, minPopulation: 10_000 }));
    }
    for (const m of line.text.matchAll(BASED_IN)) {
      bareCitiesIn((m[1] ?? '').split(/[.;:!?]/)[0] ?? '', line.start + m.index, line.text, WEAK.test(line.text), hits, opts);
    }
    for (const m of line.text.includes('based') ? line.text.matchAll(CITY_BASED) : []) {
      const p = placeOfName(m[1] ?? '', opts);
      if (p !== null && !p.key.startsWith('country:')) hits.push({ place: p.place, key: p.key, at: line.start + m.index, line: line.text, weak: WEAK.test(line.text), bare: true });
    }
  }
  const strong = hits.some((h) => !h.weak);
  // Where the header or a labelled field names the role's place, a body sentence about the
  // company ("We are growing rapidly in Toronto; Montreal; and Austin, TX") names no more.
  const headed = hits.some((h) => h.header === true && !h.weak && h.key !== 'remote');
  // A town named alone is the namesake the posting names with its region elsewhere.
  const townName = (h: Hit): string => placeKey(h.place.split(',')[0] ?? '');
  const named = new Map(hits.filter((h) => h.bare !== true && h.key.startsWith('town:')).map((h) => [townName(h), h.key]));
  const kept = hits
    .filter((h) => !strong || !h.weak)
    .filter((h) => !headed || h.header === true || h.key === 'remote' || ROLE_PLACE_TALK.test(h.line))
    .filter((h) => !(h.bare === true && named.has(townName(h)) && named.get(townName(h)) !== h.key))
    .sort((a, b) => a.at - b.at);
  const seen = new Set<string>();
  const places: Hit[] = [];
  const lines: string[] = [];
  for (const h of kept) {
    // One place however it was written (Gurgaon / Gurugram, "Toronto, ON" / "Toronto, Canada").
    if (seen.has(h.key)) continue;
    seen.add(h.key);
    places.push(h);
    if (!lines.includes(h.line)) lines.push(h.line);
  }
  // A bare country adds nothing beside a town in it or a remote role in it ("Remote (Canada)").
  const pruned = places.filter((p) => !(p.key.startsWith('country:') && places.some((q) => q !== p && (q.place.endsWith(`, ${p.place}`) || townCountry(q) === p.key.slice(8) || q.place === `Remote (${p.place})` || (p.place === 'United States' && q.place === 'Remote (US)'))))).map((h) => h.place);
  return found(pruned, lines[0] ?? null, pruned.length > 0 ? `named in ${lines.length} line(s)` : null);
}

/** Hits a reading adds are the header's (labelled fields, pins). */
function asHeader(hits: Hit[], read: () => void): void {
  const from = hits.length;
  read();
  for (const h of hits.slice(from)) h.header = true;
}

/** The country code of a town hit ("Seattle, WA" → US), or null. */
function townCountry(h: Hit): string | null {
  const m = /, ([A-Z]{2})$/.exec(h.place);
  if (m !== null && h.key.startsWith('town:')) {
    const region = m[1] ?? '';
    return ['US', 'CA'].find((c) => findTown(h.place.split(',')[0] ?? '', { country: c, region }) !== null) ?? null;
  }
  const country = h.place.includes(', ') ? countryCodeOf(h.place.slice(h.place.lastIndexOf(', ') + 2)) : null;
  return country;
}
