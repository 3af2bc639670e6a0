/**
 * Is a label a place a pay band is for ("Cambridge, MA", "UK", "Remote (US)",
 * "SF Bay Area", "Glendale/Santa Monica, CA", "Zone 2")? Tables of countries, regions,
 * US states and large metros, plus the locations the posting already named.
 */

const US_STATES = [
  'Alabama', 'Alaska', 'Arizona', 'Arkansas', 'California', 'Colorado', 'Connecticut', 'Delaware',
  'Florida', 'Georgia', 'Hawaii', 'Idaho', 'Illinois', 'Indiana', 'Iowa', 'Kansas', 'Kentucky',
  'Louisiana', 'Maine', 'Maryland', 'Massachusetts', 'Michigan', 'Minnesota', 'Mississippi',
  'Missouri', 'Montana', 'Nebraska', 'Nevada', 'New Hampshire', 'New Jersey', 'New Mexico',
  'New York', 'North Carolina', 'North Dakota', 'Ohio', 'Oklahoma', 'Oregon', 'Pennsylvania',
  'Rhode Island', 'South Carolina', 'South Dakota', 'Tennessee', 'Texas', 'Utah', 'Vermont',
  'Virginia', 'Washington', 'West Virginia', 'Wisconsin', 'Wyoming', 'District of Columbia',
  'Washington State', 'Washington DC', 'Washington, DC', 'Puerto Rico',
];

const COUNTRIES_AND_REGIONS = [
  'United States', 'United States of America', 'USA', 'US', 'U.S.', 'U.S.A.', 'America', 'Canada', 'Mexico',
  'United Kingdom', 'UK', 'U.K.', 'England', 'Scotland', 'Wales', 'Northern Ireland', 'Ireland',
  'Germany', 'France', 'Spain', 'Portugal', 'Italy', 'Netherlands', 'The Netherlands', 'Belgium',
  'Luxembourg', 'Switzerland', 'Austria', 'Denmark', 'Sweden', 'Norway', 'Finland', 'Iceland',
  'Poland', 'Czechia', 'Czech Republic', 'Slovakia', 'Hungary', 'Romania', 'Bulgaria', 'Greece',
  'Croatia', 'Serbia', 'Slovenia', 'Estonia', 'Latvia', 'Lithuania', 'Ukraine', 'Turkey', 'Israel',
  'UAE', 'United Arab Emirates', 'Saudi Arabia', 'Qatar', 'Egypt', 'South Africa', 'Nigeria', 'Kenya',
  'India', 'Pakistan', 'Bangladesh', 'Sri Lanka', 'Singapore', 'Malaysia', 'Indonesia', 'Philippines',
  'Vietnam', 'Thailand', 'Japan', 'South Korea', 'Korea', 'China', 'Hong Kong', 'Taiwan',
  'Australia', 'New Zealand', 'Brazil', 'Argentina', 'Chile', 'Colombia', 'Peru', 'Uruguay', 'Costa Rica',
  'EMEA', 'APAC', 'APJ', 'LATAM', 'NAMER', 'AMER', 'Europe', 'EU', 'North America', 'South America',
  'Latin America', 'Asia', 'Asia Pacific', 'Middle East', 'Africa', 'Nordics', 'DACH', 'Benelux',
  'Anywhere', 'Worldwide', 'Global',
];

const METROS = [
  'SF Bay Area', 'Bay Area', 'San Francisco Bay Area', 'Silicon Valley', 'NYC', 'New York City', 'NYC Metro',
  'Greater London', 'London', 'Seattle', 'San Francisco', 'Los Angeles', 'LA', 'Boston', 'Chicago', 'Austin',
  'Denver', 'Atlanta', 'Dallas', 'Houston', 'Miami', 'Philadelphia', 'Pittsburgh', 'Portland', 'San Diego',
  'San Jose', 'Palo Alto', 'Mountain View', 'Sunnyvale', 'Menlo Park', 'Redmond', 'Bellevue', 'Toronto',
  'Vancouver', 'Montreal', 'Ottawa', 'Berlin', 'Munich', 'Paris', 'Amsterdam', 'Dublin', 'Madrid',
  'Barcelona', 'Lisbon', 'Zurich', 'Stockholm', 'Copenhagen', 'Oslo', 'Helsinki', 'Warsaw', 'Prague',
  'Tel Aviv', 'Bangalore', 'Bengaluru', 'Hyderabad', 'Pune', 'Mumbai', 'Delhi', 'Gurgaon', 'Tokyo', 'Osaka',
  'Seoul', 'Beijing', 'Shanghai', 'Shenzhen', 'Sydney', 'Melbourne', 'Brisbane', 'Auckland', 'Sao Paulo',
  'São Paulo', 'Mexico City', 'Washington D.C.', 'DC', 'DMV', 'Research Triangle', 'Raleigh', 'Durham',
  'Salt Lake City', 'Phoenix', 'Minneapolis', 'Detroit', 'Nashville', 'Charlotte', 'Columbus', 'Richmond',
  'McLean', 'Plano', 'Cambridge', 'Edinburgh', 'Manchester', 'Bristol', 'Glasgow', 'Leeds',
];

const norm = (s: string): string => s.toLowerCase().replace(/[.\s]+/g, ' ').trim();
const METRO_NAMES = new Set(METROS.filter((m) => !/^(?:LA|DC|DMV)$/.test(m)).map(norm));
const STATE_NAMES = new Set(US_STATES.map(norm));
const KNOWN_PLACES = new Set([...US_STATES, ...COUNTRIES_AND_REGIONS, ...METROS].map(norm));

/** Words that make a label pay wording, not a place ("Salary", "Base Pay Range"). */
const NOT_PLACE = /\b(?:salary|salaries|pay|compensation|range|rate|wage|base|total|target|annual|hourly|monthly|bonus|equity|benefits|position|role|job|this|our|the (?:base|pay|salary)|level|grade|band|type|experience|amount|budget|stipend|note|from|up to|between|starting|per|usd|eur|gbp|ote|doe)\b/i;

/** City, ST (US / Canada), City, Country, or City, Region. */
const CITY_COMMA = /^[A-Z][\p{L}.'’-]*(?:\s+[A-Z][\p{L}.'’-]*){0,3},\s*(?:[A-Z]{2,3}|[A-Z][\p{L}]+(?:\s+[A-Z][\p{L}]+){0,2})$/u;
/** Geographic zones used by pay-transparency tables ("Zone 1", "Tier 2 (Austin, Denver)", "Geo Zone A"). */
const ZONE = /^(?:geo(?:graphic)?\s+)?(?:zone|tier|region|market|location|geo)\s+(?:[A-Z0-9]{1,2}|one|two|three|four)\b/i;

function stripDecor(label: string): string {
  return label.replace(/^[\s•*\-–—·:>]+|[\s:*\-–—·,|]+$/g, '').replace(/^(?:in|for|within|at)\s+(?:the\s+)?/i, '').trim();
}

function cityOf(location: string): string {
  return norm(location.split(/[,(]/)[0] ?? location);
}

/** Whether `label` reads as a place (or a geographic pay zone). `known` are the posting's locations. */
export function isPlaceLabel(label: string, known: readonly string[] = []): boolean {
  const l = stripDecor(label);
  if (l.length === 0 || l.length > 70) return false;
  if (/^remote\b/i.test(l)) return true;
  if (ZONE.test(l)) return true;
  if (/\d/.test(l)) return false;
  if (NOT_PLACE.test(l)) return false;
  return splitPlaces(l, known).every((p) => isSinglePlace(p, known));
}

function isSinglePlace(p: string, known: readonly string[]): boolean {
  const n = norm(p.replace(/\s*\(.*\)\s*$/, ''));
  if (KNOWN_PLACES.has(n)) return true;
  if (known.some((k) => norm(k) === n || cityOf(k) === n)) return true;
  if (CITY_COMMA.test(p.replace(/\s*\(.*\)\s*$/, ''))) {
    const [, region = ''] = p.split(/,\s*/);
    return /^[A-Z]{2,3}$/.test(region.trim()) || KNOWN_PLACES.has(norm(region));
  }
  if (/^(?:greater|metro)\s+/i.test(p)) return true;
  return false;
}

/**
 * The single places a label names: "Cambridge, MA / McLean, VA" → two; "Glendale/Santa Monica, CA"
 * → "Glendale, CA", "Santa Monica, CA"; "San Francisco, New York, Seattle" → three (when each is
 * a known place). Places the posting already named are given in its own spelling.
 */
export function splitPlaces(label: string, known: readonly string[] = []): string[] {
  const l = stripDecor(label);
  if (/^remote\b/i.test(l) || ZONE.test(l)) return [l];
  let parts = l.split(/\s*(?:;|\s\/\s|\s&\s|\band\b|\bor\b)\s*/).filter((p) => p.length > 0);
  parts = parts.flatMap((p) => {
    // "Glendale/Santa Monica, CA": the state after the last city applies to each.
    const m = /^(.+?),\s*([A-Z]{2})$/.exec(p);
    if (m && m[1]?.includes('/')) return m[1].split('/').map((c) => `${c.trim()}, ${m[2]}`);
    if (p.includes('/')) return p.split('/').map((c) => c.trim());
    // "San Francisco, New York, Seattle": a list of known places, not "City, ST".
    const commaParts = p.split(/\s*,\s*/);
    const listed = (c: string): boolean => METRO_NAMES.has(norm(c)) || STATE_NAMES.has(norm(c)) || known.some((k) => cityOf(k) === norm(c));
    // Two parts whose second is a state or country are "City, State", not a list.
    const cityState = commaParts.length === 2 && (STATE_NAMES.has(norm(commaParts[1] ?? '')) || KNOWN_PLACES.has(norm(commaParts[1] ?? '')) && !METRO_NAMES.has(norm(commaParts[1] ?? '')));
    if (commaParts.length >= 2 && !cityState && commaParts.every(listed)) {
      return commaParts;
    }
    return [p];
  });
  return parts.map((p) => canonical(p, known));
}

/** The posting's own spelling of a place when it named it ("San Francisco" → "San Francisco, CA"). */
function canonical(place: string, known: readonly string[]): string {
  const n = norm(place);
  const exact = known.find((k) => norm(k) === n);
  if (exact !== undefined) return exact;
  const byCity = known.filter((k) => cityOf(k) === n || cityOf(k) === cityOf(place));
  if (byCity.length === 1 && byCity[0] !== undefined && !place.includes(',')) return byCity[0];
  return place;
}

/** Which of the posting's locations a sentence names (by city), in the posting's spelling. */
export function knownPlacesMentioned(sentence: string, known: readonly string[]): string[] {
  const s = norm(sentence);
  return known.filter((k) => {
    const city = cityOf(k);
    return city.length >= 3 && new RegExp(`(?:^|\\W)${city.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:\\W|$)`).test(s);
  });
}

/** Cities inside the metro areas pay tables name ("SF Bay Area Hourly Rate", "NYC Metro"). */
const METRO_MEMBERS: ReadonlyArray<readonly [RegExp, readonly string[]]> = [
  [/^(?:sf |san francisco )?bay area$|^silicon valley$|^(?:greater )?san francisco(?: bay)?(?: area| metro)$/i,
    ['san francisco', 'mountain view', 'palo alto', 'sunnyvale', 'san jose', 'santa clara', 'menlo park', 'redwood city', 'oakland', 'berkeley', 'san mateo', 'cupertino', 'foster city', 'south san francisco', 'emeryville', 'fremont']],
  [/^(?:nyc|new york city|new york|greater new york|new york metro|nyc metro|new york city metro(?:politan)?)(?: area| metro)?$/i,
    ['new york', 'new york city', 'brooklyn', 'manhattan', 'jersey city', 'hoboken', 'long island city']],
  [/^(?:greater |the )?seattle(?: area| metro)$|^puget sound$/i, ['seattle', 'bellevue', 'redmond', 'kirkland']],
  [/^(?:greater |the )?boston(?: area| metro)$/i, ['boston', 'cambridge', 'somerville', 'waltham', 'burlington']],
  [/^(?:greater |the )?(?:los angeles|la)(?: area| metro)$|^southern california$/i, ['los angeles', 'santa monica', 'glendale', 'burbank', 'pasadena', 'culver city', 'irvine', 'el segundo']],
  [/^(?:dc|washington,? dc|washington d\.?c\.?|dmv|national capital)(?: area| metro| region)?$/i, ['washington', 'arlington', 'mclean', 'reston', 'bethesda', 'alexandria', 'tysons', 'herndon']],
  [/^greater london$/i, ['london']],
];

const COUNTRY_ZONES: ReadonlyArray<readonly [RegExp, (k: string) => boolean]> = [
  [/^(?:united states(?: of america)?|usa|us|u\.s\.a?\.?|america)$/i,
    (k) => /\b(?:US|USA|U\.S\.A?\.?|United States)\b/.test(k) || (/,\s*[A-Z]{2}\b/.test(k) && !/,\s*(?:ON|BC|QC|AB|MB|SK|NS|NB|NL|PE)\b/.test(k) && !/\b(?:Canada|Australia|India|Mexico)\b/i.test(k))],
  [/^canada$/i, (k) => /\bCanada\b/i.test(k) || /,\s*(?:ON|BC|QC|AB|MB|SK|NS|NB|NL|PE)\b/.test(k)],
  [/^(?:united kingdom|uk|u\.k\.|great britain|england)$/i, (k) => /\b(?:UK|U\.K\.|United Kingdom|England|Scotland|Wales)\b/i.test(k)],
];

/**
 * The posting's own places inside a pay zone: "SF Bay Area" → "San Francisco, CA" and
 * "Mountain View, CA"; "United States" → "Remote, US". Empty when the zone holds none of them.
 */
const STATE_CODES: Record<string, string> = {
  alabama: 'AL', alaska: 'AK', arizona: 'AZ', arkansas: 'AR', california: 'CA', colorado: 'CO', connecticut: 'CT',
  delaware: 'DE', florida: 'FL', georgia: 'GA', hawaii: 'HI', idaho: 'ID', illinois: 'IL', indiana: 'IN', iowa: 'IA',
  kansas: 'KS', kentucky: 'KY', louisiana: 'LA', maine: 'ME', maryland: 'MD', massachusetts: 'MA', michigan: 'MI',
  minnesota: 'MN', mississippi: 'MS', missouri: 'MO', montana: 'MT', nebraska: 'NE', nevada: 'NV', 'new hampshire': 'NH',
  'new jersey': 'NJ', 'new mexico': 'NM', 'new york': 'NY', 'new york state': 'NY', 'north carolina': 'NC', 'north dakota': 'ND', ohio: 'OH',
  oklahoma: 'OK', oregon: 'OR', pennsylvania: 'PA', 'rhode island': 'RI', 'south carolina': 'SC', 'south dakota': 'SD',
  tennessee: 'TN', texas: 'TX', utah: 'UT', vermont: 'VT', virginia: 'VA', washington: 'WA', 'washington state': 'WA',
  'west virginia': 'WV', wisconsin: 'WI', wyoming: 'WY',
};

/** Short names pay tables use for cities. */
const CITY_ALIASES: Record<string, string> = {
  sf: 'san francisco', nyc: 'new york', 'new york city': 'new york', la: 'los angeles', dc: 'washington', philly: 'philadelphia', atx: 'austin',
};

export function placesInZone(zone: string, known: readonly string[]): string[] {
  // "Zone A (SF, NYC, Seattle)": the posting's places the parenthesis names.
  const inner = /\(([^)]*)\)\s*$/.exec(stripDecor(zone))?.[1];
  if (inner !== undefined && !/^remote\b/i.test(stripDecor(zone))) {
    const named = known.filter((k) => inner.split(/\s*[,/;]\s*|\s+(?:and|or)\s+/).some((part) => {
      const n = CITY_ALIASES[norm(part)] ?? norm(part);
      return n.length > 0 && (cityOf(k) === n || METRO_MEMBERS.some(([re, members]) => re.test(part) && members.includes(cityOf(k))));
    }));
    if (named.length > 0) return named;
  }
  const z = stripDecor(zone).replace(/\s*\(.*\)\s*$/, '');
  // A US state: the posting's places in it ("California Pay Range" → "San Francisco, CA").
  const state = STATE_CODES[norm(z)];
  if (state !== undefined) {
    const inState = known.filter((k) => new RegExp(`,\\s*${state}\\b`).test(k));
    if (inState.length > 0) return inState;
  }
  for (const [re, members] of METRO_MEMBERS) {
    if (re.test(z)) return known.filter((k) => members.includes(cityOf(k)));
  }
  for (const [re, inside] of COUNTRY_ZONES) {
    if (re.test(z)) return known.filter((k) => norm(k) !== norm(z) && inside(k));
  }
  return [];
}
