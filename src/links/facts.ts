import { US_STATES as US_STATE_NAMES } from '../extract/tables/places.js';
import { knownCity, printedCountry } from '../extract/places/gazetteer.js';
import type { EmploymentType, PayBand, PayPeriod, StructuredFacts, Workplace } from '../posting.js';

/**
 * Shared vocabulary of the site readers: structured values (ATS enums, schema.org codes,
 * ISO dates) mapped to the Posting contract's words, and the text block a reader composes.
 */

/** What a reader hands to cleaning and extraction. */
export interface ReadResult {
  /** The posting as text (title block, then the description), before cleaning. */
  text: string;
  /** Facts given as data; they win over what the text suggests. */
  structured: StructuredFacts;
  /** 'greenhouse', 'lever', 'linkedin', … or null for an unknown page. */
  site: string | null;
}

// ATS enums and LinkedIn's criteria values, in the languages its guest pages come in.
const EMPLOYMENT_WORDS: ReadonlyArray<[RegExp, EmploymentType]> = [
  [/^(full[\s_-]?time|fulltime|permanent|regular|cdi|正社員|temps plein|vollzeit|jornada completa|tiempo completo|tempo integral|tempo pieno|voltijds?|pełny etat|heltid)$/i, 'full-time'],
  [/^(part[\s_-]?time|parttime|temps partiel|teilzeit|media jornada|medio tiempo|meio per[íi]odo|tempo parziale|deeltijds?|niepełny etat|deltid)$/i, 'part-time'],
  [/^(contract(or)?|contract[\s_-]to[\s_-]hire|freelance|fixed[\s_-]term|cdd|contrat|befristet|contrato|contratto|tijdelijk contract|umowa o dzieło|kontrakt)$/i, 'contract'],
  [/^(intern(ship)?|co-?op|working[\s_-]student|apprentice(ship)?|trainee|stage|alternance|praktikum|pr[áa]cticas|est[áa]gio|tirocinio|stagiair|staż)$/i, 'internship'],
  [/^(temporary|temp|seasonal|per[\s_-]diem|casual|temporaire|int[ée]rim|tempor[äa]r|temporal|tempor[áa]rio|temporaneo)$/i, 'temporary'],
];

/** An employment type from an ATS or schema.org value ("FULL_TIME", "Full-time", "FullTime", "Contractor"). */
export function mapEmploymentType(value: unknown): EmploymentType | null {
  const values = Array.isArray(value) ? value : [value];
  for (const v of values) {
    if (typeof v !== 'string') continue;
    const word = v.trim().replace(/\s*\(.*\)$/, '');
    const hit = EMPLOYMENT_WORDS.find(([re]) => re.test(word));
    if (hit) return hit[1];
  }
  return null;
}

const PERIOD_WORDS: ReadonlyArray<[RegExp, PayPeriod]> = [
  [/hour|hr\b|hourly/i, 'hour'],
  [/\bday\b|daily|per-day/i, 'day'],
  [/week/i, 'week'],
  [/month/i, 'month'],
  [/year|annual|yr\b|salary/i, 'year'],
];

/** A pay period from "YEAR", "per-hour-wage", "1 YEAR", "MONTH", "Annually"… */
export function mapPayPeriod(value: unknown): PayPeriod | null {
  if (typeof value !== 'string') return null;
  return PERIOD_WORDS.find(([re]) => re.test(value))?.[1] ?? null;
}

/** A period guessed from the size of the amounts when the source names none. */
export function periodBySize(max: number): PayPeriod {
  return max < 500 ? 'hour' : 'year';
}

export function mapWorkplace(value: unknown): Workplace | null {
  if (typeof value !== 'string') return null;
  const v = value.toLowerCase().replace(/[\s_-]/g, '');
  if (v === 'remote' || v === 'telecommute' || v === 'fullyremote') return 'remote';
  if (v === 'hybrid') return 'hybrid';
  if (v === 'onsite' || v === 'inoffice' || v === 'inperson' || v === 'office') return 'onsite';
  return null;
}

/** A pay band, or null when the amounts are not usable. */
export function payBand(
  min: unknown,
  max: unknown,
  currency: unknown,
  period: PayPeriod | null,
  location: string | null = null,
  note: string | null = null,
): PayBand | null {
  let lo = toAmount(min);
  let hi = toAmount(max);
  let why = note;
  if (lo === null && hi !== null) {
    // Only a ceiling: keep it as the band, say so.
    lo = hi;
    why = note ?? 'up to';
  }
  if (lo === null || lo <= 0) return null;
  if (hi !== null && hi < lo) [lo, hi] = [hi, lo];
  const cur = typeof currency === 'string' && /^[A-Za-z]{3}$/.test(currency.trim()) ? currency.trim().toUpperCase() : null;
  if (!cur || lo <= 0) return null;
  return { location, min: lo, max: hi, currency: cur, period: period ?? periodBySize(hi ?? lo), note: why };
}

function toAmount(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && /^\s*[\d.,]+\s*$/.test(v)) {
    const n = Number(v.replace(/,/g, ''));
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

const US_STATES = new Set(
  'AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR'.split(' '),
);
// Made on first use: ICU's region names cost the process a few MB, and only linked pages with a
// country code need them.
let regionNames: Intl.DisplayNames | undefined;
const regions = (): Intl.DisplayNames => (regionNames ??= new Intl.DisplayNames(['en'], { type: 'region' }));

/** "US" → "United States"; a name stays a name. */
export function countryName(country: string | null | undefined): string | null {
  const c = (country ?? '').trim();
  if (!c) return null;
  if (/^[A-Za-z]{2}$/.test(c)) {
    try {
      return regions().of(c.toUpperCase()) ?? c;
    } catch {
      return c;
    }
  }
  return c;
}

/** A place as the contract writes it: "City, ST" in the US, "City, Region, Country" elsewhere. */
export function formatPlace(city: string | null | undefined, region: string | null | undefined, country: string | null | undefined): string | null {
  const c = (city ?? '').trim();
  const r = (region ?? '').trim();
  const isUs = /^(us|usa|united states( of america)?)$/i.test((country ?? '').trim()) || (!country && US_STATES.has(r.toUpperCase()));
  if (isUs) {
    if (c && r) return `${c}, ${r}`;
    return c || r || 'United States';
  }
  const parts = [c, r, countryName(country)].filter((p): p is string => Boolean(p));
  return parts.length ? [...new Set(parts)].join(', ') : null;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** An ISO date or epoch milliseconds as "Aug 6, 2026" (the date the source states, in UTC). */
export function formatPostedDate(value: unknown): string | null {
  let d: Date | null = null;
  if (typeof value === 'number' && Number.isFinite(value)) d = new Date(value);
  else if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value.trim())) {
    // The calendar date as written, whatever its offset says.
    const [y, m, day] = value.trim().slice(0, 10).split('-').map(Number);
    d = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, day ?? 1));
  } else if (typeof value === 'string' && value.trim()) return value.trim();
  if (!d || Number.isNaN(d.getTime())) return null;
  return `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
}

/** Facts with the empty ones left out, so the text can fill them. */
export function compactFacts(f: StructuredFacts): StructuredFacts {
  const out: StructuredFacts = {};
  if (f.title) out.title = f.title;
  if (f.company) out.company = f.company;
  if (f.level && (f.level.seniority || f.level.track || f.level.label)) out.level = f.level;
  if (f.locations?.length) out.locations = [...new Set(f.locations)];
  if (f.workplace) out.workplace = f.workplace;
  if (f.employmentType) out.employmentType = f.employmentType;
  if (f.pay?.length) out.pay = f.pay;
  if (f.posted) out.posted = f.posted;
  return out;
}

/**
 * The text a reader hands on: a title block the cleaning core recognises (title, company,
 * place · type · date), then the body sections.
 */
export function composeText(facts: StructuredFacts, sections: ReadonlyArray<string | null | undefined>, extraHeader: ReadonlyArray<string | null | undefined> = []): string {
  const meta = [facts.locations?.join(' / '), ...extraHeader, facts.posted ? `Posted ${facts.posted}` : null].filter(Boolean).join(' · ');
  const head = [facts.title, facts.company, meta].filter(Boolean).join('\n');
  return [head, ...sections.map((s) => s?.trim())].filter(Boolean).join('\n\n');
}

/** Plain text from a value that may be a string, a number or missing. */
export function str(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (typeof v === 'number') return String(v);
  return null;
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const SENIORITY_WORDS: ReadonlyArray<[RegExp, NonNullable<StructuredFacts['level']>['seniority']]> = [
  [/^(intern(ship)?|student|trainee|stage|praktikum|pr[áa]cticas|est[áa]gio|tirocinio|stagiair)$/i, 'intern'],
  [/^(entry([\s_-]level)?|junior|jr\.?|graduate|new[\s_-]grad|associate|premier emploi|d[ée]butant|einstieg|berufseinstieg|sin experiencia|n[íi]vel de entrada|primo impiego|starter)$/i, 'entry'],
  [/^(mid([\s_-]level)?|intermediate|experienced)$/i, 'mid'],
  // LinkedIn's and SmartRecruiters' "Mid-Senior level": the title's own level word still comes first (src/extract/index.ts).
  [/^(senior|sr\.?|mid[\s_-]senior)$/i, 'senior'],
  [/^staff$/i, 'staff'],
  [/^principal$/i, 'principal'],
  [/^(lead|team[\s_-]lead)$/i, 'lead'],
  [/^manager$/i, 'manager'],
  [/^(senior[\s_-]manager)$/i, 'senior-manager'],
  [/^(director|directeur|direktor|diretor|direttore|directeur de département)$/i, 'director'],
  [/^(vp|vice[\s_-]president)$/i, 'vp'],
  [/^(executive|c[\s_-]level|chief)$/i, 'executive'],
];

/**
 * A level from a site's own seniority field ("Senior", "Entry level", "Mid-Senior level",
 * "Director"). The extractor reads it as the source's criteria, after the title's level word.
 */
export function levelFromLabel(label: string | null): StructuredFacts['level'] | undefined {
  if (!label || /^(not applicable|n\/a|none|other)$/i.test(label.trim())) return undefined;
  const word = label.trim().replace(/\s+level$/i, '').trim();
  const seniority = SENIORITY_WORDS.find(([re]) => re.test(word))?.[1] ?? null;
  return seniority ? { seniority, label: label.trim() } : undefined;
}

/**
 * Where a titled pay band applies: "NYC Salary Range" → "NYC"; "Zone 2" or "Base Pay" → null
 * (the title is kept as the band's note instead).
 */
export function placeFromBandTitle(title: string | null): string | null {
  if (!title) return null;
  const rest = title
    .replace(/\b(annual|base|salary|pay|compensation|comp|hiring|wage|hourly|total|target|ote|on-target|earnings|starting)\b/gi, ' ')
    .replace(/\b(range|band|rate|scale)s?\b/gi, ' ')
    .replace(/\b(for|in|of|the)\b/gi, ' ')
    .replace(/\s[:–—-]+(?=\s|$)|:/g, ' ')
    .replace(/\(\s*\)|\[\s*\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\((.*)\)$/, '$1')
    .replace(/^[–—-]\s*|\s*[–—-]$/g, '');
  if (!rest || /^(zone|tier|level|band|grade|geo|region|l\d|[a-z]\d?)\b/i.test(rest) || /^\d+$/.test(rest)) return null;
  return rest;
}

const CURRENCY_SYMBOLS: ReadonlyArray<[RegExp, string]> = [
  [/A\$|AU\$/, 'AUD'], [/C\$|CA\$/, 'CAD'], [/NZ\$/, 'NZD'], [/S\$|SG\$/, 'SGD'], [/HK\$/, 'HKD'], [/R\$/, 'BRL'],
  [/€/, 'EUR'], [/£/, 'GBP'], [/₹/, 'INR'], [/¥|￥/, 'JPY'], [/₩/, 'KRW'], [/\$/, 'USD'],
];

/** The currency of a displayed amount: an ISO code when written, else its symbol. */
export function currencyOf(text: string): string | null {
  const code = /\b(USD|EUR|GBP|CAD|AUD|NZD|SGD|HKD|INR|JPY|KRW|CHF|SEK|NOK|DKK|PLN|BRL|MXN|ILS|ZAR|CNY)\b/.exec(text)?.[1];
  if (code) return code;
  return CURRENCY_SYMBOLS.find(([re]) => re.test(text))?.[1] ?? null;
}

/** Amounts in a displayed range ("$108,400 — $129,600 USD", "A$160,000.00 - A$200,000.00", "$45/hr"). */
export function amountsOf(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/(\d{1,3}(?:[,.\s]\d{3})+|\d+)(?:\.(\d{1,2}))?\s*([kK]|[mM](?![a-z]))?/g)) {
    const whole = Number((m[1] ?? '').replace(/[,.\s]/g, ''));
    const cents = m[2] ? Number(`0.${m[2]}`) : 0;
    const mult = m[3] ? (/k/i.test(m[3]) ? 1_000 : 1_000_000) : 1;
    const n = (whole + cents) * mult;
    if (n > 0) out.push(n);
  }
  return out;
}

let countryNames: Set<string> | null = null;
/** Every country name Intl knows in English, lower-cased (built once, on first use). */
function knownCountries(): Set<string> {
  if (countryNames) return countryNames;
  countryNames = new Set(['usa', 'us', 'uk', 'emea', 'apac', 'latam', 'europe', 'north america', 'anywhere', 'worldwide', 'global']);
  const A = 'A'.charCodeAt(0);
  for (let i = 0; i < 26; i++) {
    for (let j = 0; j < 26; j++) {
      const code = String.fromCharCode(A + i, A + j);
      try {
        const name = regions().of(code);
        if (name && name !== code) countryNames.add(name.toLowerCase());
      } catch {
        // not a region code
      }
    }
  }
  return countryNames;
}

/**
 * A board title with its trailing "| Remote | Australia" segments removed: arrangement words,
 * countries and the role's own location are not part of the job title.
 */
export function tidyTitle(title: string | null, locations: readonly string[] = []): string | null {
  if (!title || !title.includes(' | ')) return title;
  const parts = title.split(' | ').map((p) => p.trim());
  const where = locations.join(' ').toLowerCase();
  while (parts.length > 1) {
    const last = (parts[parts.length - 1] ?? '').toLowerCase().replace(/[()]/g, '').trim();
    const isNoise = /^(remote|hybrid|on-?site|in[- ]office|full[- ]time|part[- ]time|contract|permanent)$/.test(last) ||
      knownCountries().has(last) || (last.length > 2 && where.includes(last));
    if (!isNoise) break;
    parts.pop();
  }
  return parts.join(' | ');
}

const NOT_A_COMPANY = /^(jobs?|careers?|lever|ashby|ashby ?hq|greenhouse|workday|apply|job board|hiring|openings?|home)$/i;

/**
 * The company a hosted job page names in its <title> or og:site_name ("Hinge - Android
 * Engineer III", "Data Engineer @ Quillstack", "Jobs at Fieldnote"), given the job title.
 */
export function companyFromPageTitle(pageTitle: string | null, jobTitle: string | null, siteName: string | null = null): string | null {
  const tidy = (s: string): string =>
    s
      .replace(/^[\s\-–—|@:·]+|[\s\-–—|@:·]+$/g, '')
      .replace(/^(jobs|careers|open positions|openings)\s+(at|@)\s+/i, '')
      .replace(/^(at|@)\s+/i, '')
      .trim();
  const ok = (s: string): boolean => s.length >= 2 && s.length <= 60 && !NOT_A_COMPANY.test(s);
  if (siteName && ok(tidy(siteName))) return tidy(siteName);
  if (!pageTitle) return null;
  let rest = pageTitle;
  if (jobTitle && rest.toLowerCase().includes(jobTitle.toLowerCase())) {
    const i = rest.toLowerCase().indexOf(jobTitle.toLowerCase());
    rest = `${rest.slice(0, i)} | ${rest.slice(i + jobTitle.length)}`;
  } else if (jobTitle) {
    return null;
  }
  const parts = rest.split(/\s+[|–—-]\s+|\s+@\s+|\s+\|\s*|\s*\|\s+/).map(tidy).filter(ok);
  return parts.length === 1 ? (parts[0] ?? null) : null;
}

// ---- places as ATS descriptors write them ------------------------------------------------

const STATE_CODE_BY_NAME: ReadonlyMap<string, string> = new Map(Object.entries(US_STATE_NAMES).map(([code, name]) => [name.toLowerCase(), code]));
const IS_US = /^(us|usa|u\.s\.a?\.?|united states( of america)?)$/i;
// "Remote", "Homeworker", "Home Based", "Virtual": the place is where the worker lives.
const REMOTE_WORD = /^(fully )?(remote|homeworker|home ?worker|home[- ]based|work from home|wfh|virtual|telecommute|teleworker|anywhere)$/i;

function countryWord(word: string): string | null {
  const w = word.trim().toLowerCase();
  if (IS_US.test(w)) return 'United States';
  // Two letters are a country only as "UK" ("CA" in a descriptor is California).
  return w.length > 2 || w === 'uk' ? printedCountry(w) : null;
}

/** A US state as its code ("Virginia", "VA" → "VA"), or null. */
function usStateCode(word: string): string | null {
  const w = word.trim();
  if (/^[A-Z]{2}$/.test(w) && w in US_STATE_NAMES) return w;
  return STATE_CODE_BY_NAME.get(w.toLowerCase()) ?? null;
}

/** Where a remote descriptor says the worker must live: "California" → "CA", "UK" → "United Kingdom". */
function remoteArea(rest: string[]): string {
  if (rest.length === 0) return 'Remote';
  const area = rest.map((r) => usStateCode(r) ?? countryWord(r) ?? r).join(', ');
  return `Remote, ${area === 'United States' ? 'US' : area}`;
}

/**
 * A place as the card writes it, from the descriptor an ATS stores: Workday's "USA.VA.Reston",
 * "USA DC Washington", "US, Minnesota, Maplewood", "USA - Pennsylvania - West Point", "Israel,
 * Yokneam", Lever's "Portugal - Lisbon" (country first, city last) become "Reston, VA",
 * "Washington, DC", "Yokneam, Israel"; "Remote - California" and "Homeworker - UK" become
 * "Remote, CA" and "Remote, United Kingdom". Anything else is returned as written, for the
 * extractor's own place reading.
 */
export function placeFromDescriptor(raw: string): string {
  const text = raw.trim().replace(/\s+/g, ' ').replace(/^U\.S\.A?\.?(?=[\s,.-]|$)/i, 'USA');
  // Dots only split when they join words ("USA.VA.Reston"), never "St. Louis".
  let parts = text.split(/\s*[,|]\s*|\s+[-–—]\s+|(?<=\S)\.(?=[A-Z])/).map((p) => p.trim()).filter((p) => p.length > 0);
  const spaced = /^(USA|US) ([A-Z]{2}) (.+)$/.exec(text);
  if (parts.length === 1 && spaced?.[1] && spaced[2] && spaced[3] && usStateCode(spaced[2])) parts = [spaced[1], spaced[2], spaced[3]];
  if (parts.length === 0) return text;
  const first = parts[0] ?? '';
  const last = parts[parts.length - 1] ?? '';
  if (REMOTE_WORD.test(first)) return remoteArea(parts.slice(1));
  if (parts.length > 1 && REMOTE_WORD.test(last)) return remoteArea(parts.slice(0, -1));
  const country = countryWord(first);
  if (!country || parts.length < 2) return text;
  const city = last;
  const regions = parts.slice(1, -1);
  if (country === 'United States') {
    const state = regions.map(usStateCode).find((c) => c !== null) ?? null;
    if (state) return `${city}, ${state}`;
    return knownCity(city) ?? `${city}, United States`;
  }
  if (countryWord(city) === country) return country;
  return `${city}, ${country}`;
}

/**
 * Greenhouse and others list several cities in one field ("Seattle, San Francisco, New York
 * City"): split when no part is a region or a country (so "Toronto, ON, Canada" and "New York,
 * New York, USA" stay whole), and write each known city as the card does.
 */
export function cityList(name: string): string[] | null {
  const parts = name.split(/\s*,\s*/).map((p) => p.trim()).filter(Boolean);
  if (parts.length < 3) return null;
  const isRegion = (p: string): boolean => usStateCode(p) !== null || countryWord(p) !== null || /^[A-Z]{2,3}$/.test(p) || /remote/i.test(p);
  if (parts.some(isRegion)) return null;
  return parts.map((p) => knownCity(p) ?? p);
}

// ---- company names from an ATS account -----------------------------------------------------

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The company an ATS account slug names ("spotify", "brown-brothers-harriman", Workday's tenant
 * "3m"), as the posting's own text writes it ("Spotify", "3M"). The slug is the site's data;
 * the text only confirms it and gives the spelling. Null when the text never names it: a
 * slug alone ("gohighlevel") is not a name to show.
 */
export function companyFromSlug(slug: string | null | undefined, text: string): string | null {
  if (!slug) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(slug);
  } catch {
    decoded = slug;
  }
  const words = decoded.split(/[-_\s.]+/).filter(Boolean);
  if (words.length === 0 || words.join('').length < 2 || words.length > 5) return null;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}@/.])(${words.map(escapeRe).join('[\\s-]?')})(?![\\p{L}\\p{N}]|\\.[a-z])`, 'giu');
  for (const m of text.matchAll(pattern)) {
    const name = m[1] ?? '';
    // A name is written with a capital (or is all digits and capitals, "3M"); "spotify" in a URL is not.
    if (/^[\p{Lu}\p{N}]/u.test(name)) return name;
  }
  return spacedName(words.join('').toLowerCase(), text);
}

const squash = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
const CAPITAL_RUN = /[\p{Lu}\p{N}][\p{L}\p{N}&.'’-]*(?:[ ]+[\p{Lu}\p{N}&][\p{L}\p{N}&.'’-]*){0,5}/gu;

/** A slug written run together ("matchgroup") as the text spells it with spaces ("Match Group"). */
function spacedName(slug: string, text: string): string | null {
  if (slug.length < 4) return null;
  for (const m of text.matchAll(CAPITAL_RUN)) {
    const words = m[0].split(/ +/);
    for (let i = 0; i < words.length; i++) {
      let joined = '';
      for (let j = i; j < words.length && joined.length < slug.length; j++) {
        joined += squash(words[j] ?? '');
        if (joined === slug && j > i) return words.slice(i, j + 1).join(' ').replace(/[.,’']+$/, '');
      }
    }
  }
  return null;
}

// Workday prefixes the legal entity with a company code: "IL00 Mellanox Technologies, Ltd.",
// "1000 Merck Sharp & Dohme LLC". ("USA 3M Company" keeps its word: the tenant's brand wins there.)
// Codes carry digits: a bare word in front ("US Foods", "UK Power Networks") is the name itself.
const ENTITY_CODE = /^(?:[A-Z]{2,4}\d{1,4}|\d{2,5})\s+(?=\S.)/;

/** A legal entity's name without the company code in front of it. */
export function withoutEntityCode(name: string | null): string | null {
  if (!name) return null;
  const m = ENTITY_CODE.exec(name.trim());
  if (!m) return name.trim();
  return name.trim().slice(m[0].length).trim() || name.trim();
}
