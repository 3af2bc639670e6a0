/**
 * Currency markers as data: which written forms name which ISO 4217 code, how a bare "$"
 * (or "¥", "kr") is resolved from the place a band is for, and a rough scale of each
 * currency against the dollar used only to judge magnitudes (is 7,500,000 a yearly figure?).
 */

/** ISO codes we recognise when written out ("USD 158,600", "9 million JPY"). */
export const ISO_CODES = [
  'USD', 'CAD', 'AUD', 'NZD', 'SGD', 'HKD', 'MXN', 'BRL', 'GBP', 'EUR', 'CHF', 'JPY', 'CNY',
  'RMB', 'INR', 'KRW', 'SEK', 'NOK', 'DKK', 'PLN', 'ZAR', 'ILS', 'TRY', 'PHP', 'AED', 'SAR',
  'CZK', 'HUF', 'RON', 'TWD', 'THB', 'MYR', 'IDR', 'VND', 'NGN', 'KES', 'EGP', 'PKR', 'ARS',
  'CLP', 'COP', 'PEN', 'UAH', 'QAR',
] as const;

/** Symbols and prefixed symbols. A `null` code means "depends on the country" (resolved later). */
export const SYMBOLS: ReadonlyArray<readonly [string, string | null]> = [
  ['US$', 'USD'], ['U.S.$', 'USD'], ['CA$', 'CAD'], ['C$', 'CAD'], ['CAN$', 'CAD'], ['AU$', 'AUD'], ['A$', 'AUD'],
  ['NZ$', 'NZD'], ['S$', 'SGD'], ['SG$', 'SGD'], ['HK$', 'HKD'], ['MX$', 'MXN'], ['R$', 'BRL'],
  ['CN¥', 'CNY'], ['JP¥', 'JPY'], ['£', 'GBP'], ['€', 'EUR'], ['₹', 'INR'], ['Rs.', 'INR'], ['Rs', 'INR'],
  ['RM', 'MYR'], ['₩', 'KRW'], ['원', 'KRW'], ['₪', 'ILS'], ['₺', 'TRY'], ['₱', 'PHP'], ['zł', 'PLN'], ['円', 'JPY'], ['元', 'CNY'],
  ['¥', null], ['$', null], ['kr', null],
];

/** Countries and regions whose currency decides an ambiguous symbol or a bare number. */
const COUNTRY_CURRENCY: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(?:[Uu]nited [Ss]tates|USA|U\.S\.A?\.?|US)\b/, 'USD'],
  [/\bcanada\b/i, 'CAD'], [/\baustralia\b/i, 'AUD'], [/\bnew zealand\b/i, 'NZD'], [/\bsingapore\b/i, 'SGD'],
  [/\bhong kong\b/i, 'HKD'], [/\bmexico\b/i, 'MXN'], [/\bbrazil\b/i, 'BRL'],
  [/\b(?:united kingdom|uk|u\.k\.|england|scotland|wales|great britain)\b/i, 'GBP'],
  [/\b(?:germany|france|spain|portugal|italy|netherlands|belgium|ireland|austria|finland|greece|luxembourg|estonia|latvia|lithuania|slovakia|slovenia|croatia)\b/i, 'EUR'],
  [/\bswitzerland\b/i, 'CHF'], [/\bsweden\b/i, 'SEK'], [/\bnorway\b/i, 'NOK'], [/\bdenmark\b/i, 'DKK'], [/\bpoland\b/i, 'PLN'],
  [/\bindia\b/i, 'INR'], [/\bjapan\b/i, 'JPY'], [/\bchina\b/i, 'CNY'], [/\b(?:south )?korea\b/i, 'KRW'], [/\bisrael\b/i, 'ILS'],
];

/** Province and state codes that only occur in one country (CA is California, WA/SA/NT are ambiguous). */
const CANADIAN_PROVINCES = ['ON', 'BC', 'QC', 'AB', 'MB', 'SK', 'NS', 'NB', 'NL', 'PE', 'YT', 'NU'];
const AUSTRALIAN_STATES = ['NSW', 'VIC', 'QLD', 'TAS', 'ACT'];
const CITY_CURRENCY: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(?:toronto|vancouver|montr[eé]al|ottawa|calgary|edmonton|waterloo|winnipeg|halifax)\b/i, 'CAD'],
  [/\b(?:sydney|melbourne|brisbane|perth|adelaide|canberra|hobart)\b/i, 'AUD'],
  [/\b(?:london|manchester|edinburgh|bristol|glasgow|leeds|cambridge, uk)\b/i, 'GBP'],
  [/\b(?:berlin|munich|paris|amsterdam|dublin|madrid|barcelona|lisbon|milan|rome)\b/i, 'EUR'],
  [/\b(?:bangalore|bengaluru|hyderabad|pune|mumbai|delhi|gurgaon|gurugram|chennai|noida)\b/i, 'INR'],
  [/\b(?:tokyo|osaka)\b/i, 'JPY'],
];

/** Units per US dollar, rounded: only for judging magnitude (never shown, never converts). */
const UNITS_PER_USD: Record<string, number> = {
  USD: 1, CAD: 1.35, AUD: 1.5, NZD: 1.65, SGD: 1.35, HKD: 7.8, MXN: 18, BRL: 5.5, GBP: 0.8,
  EUR: 0.92, CHF: 0.9, JPY: 150, CNY: 7.2, INR: 83, KRW: 1350, SEK: 10.5, NOK: 10.5, DKK: 6.9,
  PLN: 4, ZAR: 18, ILS: 3.7, TRY: 32, PHP: 56, AED: 3.67, SAR: 3.75, CZK: 23, HUF: 360, RON: 4.6,
  TWD: 32, THB: 36, MYR: 4.7, IDR: 15800, VND: 25000, NGN: 1500, KES: 130, EGP: 48, PKR: 280,
  ARS: 900, CLP: 930, COP: 4000, PEN: 3.7, UAH: 41, QAR: 3.64,
};

/** RMB is how many postings write the yuan; the ISO code is CNY. */
export function normaliseIsoCode(code: string): string {
  const upper = code.toUpperCase();
  return upper === 'RMB' ? 'CNY' : upper;
}

export function symbolCode(symbol: string): string | null {
  for (const [sym, code] of SYMBOLS) if (sym === symbol) return code;
  return null;
}

/** Amount in rough US dollars, for magnitude rules only. */
export function usdScale(amount: number, currency: string): number {
  return amount / (UNITS_PER_USD[currency] ?? 1);
}

/** The currency a place implies, or null when the place says nothing we know. */
export function placeCurrency(place: string): string | null {
  if (!ANY_PLACE_HINT.test(place)) return null;
  const region = /,\s*([A-Z]{2,3})\b/.exec(place)?.[1];
  if (region !== undefined && CANADIAN_PROVINCES.includes(region)) return 'CAD';
  if (/\b(?:NSW|VIC|QLD|TAS|ACT)\b/.test(place) || (region !== undefined && AUSTRALIAN_STATES.includes(region))) return 'AUD';
  for (const [re, code] of COUNTRY_CURRENCY) if (re.test(place)) return code;
  for (const [re, code] of CITY_CURRENCY) if (re.test(place)) return code;
  // "City, ST" with a two-letter code we did not claim for Canada or Australia: a US state.
  if (region !== undefined && region.length === 2 && /^[A-Z]{2}$/.test(region)) return 'USD';
  return null;
}

/** One quick test before the table: does the text hold any word or code the tables know? */
const ANY_PLACE_HINT = new RegExp(
  [...COUNTRY_CURRENCY, ...CITY_CURRENCY].map(([re]) => re.source).concat([',\\s*[A-Z]{2,3}\\b', '\\b(?:NSW|VIC|QLD|TAS|ACT)\\b']).join('|'),
  'i',
);

const DOLLARS = ['USD', 'CAD', 'AUD', 'NZD', 'SGD', 'HKD', 'MXN'];
const ALLOWED: Record<string, readonly string[]> = { $: DOLLARS, '¥': ['JPY', 'CNY'], kr: ['SEK', 'NOK', 'DKK'] };
const FALLBACK: Record<string, string> = { $: 'USD', '¥': 'JPY', kr: 'SEK' };

/**
 * Resolve an ambiguous symbol ("$", "¥", "kr"; null for a bare number) from the currencies the
 * band's own place implies first, then the posting's places. Places that all point to one
 * currency decide; mixed or silent ones keep the usual reading ($ → USD, ¥ → JPY, bare → USD).
 */
export function resolveCurrency(symbol: string | null, bandHints: readonly string[], postingHints: readonly string[]): string {
  const allowed = symbol === null ? null : ALLOWED[symbol] ?? DOLLARS;
  // The band's own places must agree; the posting's (read from many lines) need a clear majority.
  const pick = (hints: readonly string[], share: number): string | null => {
    const relevant = allowed === null ? hints : hints.filter((h) => allowed.includes(h));
    if (relevant.length === 0) return null;
    const counts = new Map<string, number>();
    for (const h of relevant) counts.set(h, (counts.get(h) ?? 0) + 1);
    const [top, n] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
    // A bare number only takes a currency when the places do not mention others at all.
    if (allowed === null && counts.size !== 1) return null;
    return n / relevant.length >= share ? top : null;
  };
  return pick(bandHints, 1) ?? pick(postingHints, 0.75) ?? FALLBACK[symbol ?? '$'] ?? 'USD';
}

export function isDollarCode(code: string): boolean {
  return DOLLARS.includes(code);
}
