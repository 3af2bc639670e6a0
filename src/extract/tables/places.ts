/** Place names the location extractor knows: regions by code and name, countries, big cities. */

export const US_STATES: Readonly<Record<string, string>> = {
  AL: 'Alabama', AK: 'Alaska', AZ: 'Arizona', AR: 'Arkansas', CA: 'California', CO: 'Colorado',
  CT: 'Connecticut', DE: 'Delaware', DC: 'District of Columbia', FL: 'Florida', GA: 'Georgia',
  HI: 'Hawaii', ID: 'Idaho', IL: 'Illinois', IN: 'Indiana', IA: 'Iowa', KS: 'Kansas',
  KY: 'Kentucky', LA: 'Louisiana', ME: 'Maine', MD: 'Maryland', MA: 'Massachusetts',
  MI: 'Michigan', MN: 'Minnesota', MS: 'Mississippi', MO: 'Missouri', MT: 'Montana',
  NE: 'Nebraska', NV: 'Nevada', NH: 'New Hampshire', NJ: 'New Jersey', NM: 'New Mexico',
  NY: 'New York', NC: 'North Carolina', ND: 'North Dakota', OH: 'Ohio', OK: 'Oklahoma',
  OR: 'Oregon', PA: 'Pennsylvania', RI: 'Rhode Island', SC: 'South Carolina', SD: 'South Dakota',
  TN: 'Tennessee', TX: 'Texas', UT: 'Utah', VT: 'Vermont', VA: 'Virginia', WA: 'Washington',
  WV: 'West Virginia', WI: 'Wisconsin', WY: 'Wyoming', PR: 'Puerto Rico',
};

export const CA_PROVINCES: Readonly<Record<string, string>> = {
  ON: 'Ontario', QC: 'Quebec', BC: 'British Columbia', AB: 'Alberta', MB: 'Manitoba',
  SK: 'Saskatchewan', NS: 'Nova Scotia', NB: 'New Brunswick', NL: 'Newfoundland and Labrador',
  PE: 'Prince Edward Island', YT: 'Yukon', NT: 'Northwest Territories', NU: 'Nunavut',
};

/** Australian states: postings write "Melbourne VIC" or "Melbourne, Victoria". */
export const AU_STATES: Readonly<Record<string, string>> = {
  VIC: 'Victoria', NSW: 'New South Wales', QLD: 'Queensland', WA: 'Western Australia',
  SA: 'South Australia', TAS: 'Tasmania', ACT: 'Australian Capital Territory', NT: 'Northern Territory',
};

/** Country spellings → the name we print. */
export const COUNTRIES: Readonly<Record<string, string>> = {
  'united states': 'United States', 'united states of america': 'United States', usa: 'United States',
  us: 'United States', 'u.s.': 'United States', 'u.s.a.': 'United States',
  'united kingdom': 'United Kingdom', uk: 'United Kingdom', 'u.k.': 'United Kingdom', 'great britain': 'United Kingdom',
  england: 'United Kingdom', scotland: 'United Kingdom', wales: 'United Kingdom',
  canada: 'Canada', australia: 'Australia', 'new zealand': 'New Zealand', ireland: 'Ireland',
  germany: 'Germany', france: 'France', spain: 'Spain', portugal: 'Portugal', italy: 'Italy',
  netherlands: 'Netherlands', 'the netherlands': 'Netherlands', belgium: 'Belgium',
  switzerland: 'Switzerland', austria: 'Austria', sweden: 'Sweden', norway: 'Norway',
  denmark: 'Denmark', finland: 'Finland', poland: 'Poland', 'czech republic': 'Czech Republic',
  czechia: 'Czech Republic', romania: 'Romania', greece: 'Greece', hungary: 'Hungary',
  estonia: 'Estonia', lithuania: 'Lithuania', latvia: 'Latvia', ukraine: 'Ukraine', serbia: 'Serbia',
  croatia: 'Croatia', bulgaria: 'Bulgaria', luxembourg: 'Luxembourg', iceland: 'Iceland',
  india: 'India', japan: 'Japan', china: 'China', 'south korea': 'South Korea', korea: 'South Korea',
  singapore: 'Singapore', 'hong kong': 'Hong Kong', taiwan: 'Taiwan', vietnam: 'Vietnam',
  philippines: 'Philippines', indonesia: 'Indonesia', malaysia: 'Malaysia', thailand: 'Thailand',
  pakistan: 'Pakistan', bangladesh: 'Bangladesh', 'sri lanka': 'Sri Lanka',
  israel: 'Israel', turkey: 'Turkey', 'united arab emirates': 'United Arab Emirates', uae: 'United Arab Emirates',
  'saudi arabia': 'Saudi Arabia', qatar: 'Qatar', egypt: 'Egypt', nigeria: 'Nigeria', kenya: 'Kenya',
  'south africa': 'South Africa', brazil: 'Brazil', mexico: 'Mexico', argentina: 'Argentina',
  chile: 'Chile', colombia: 'Colombia', peru: 'Peru', uruguay: 'Uruguay', 'costa rica': 'Costa Rica',
  // Countries as their own pages print them ("Köln, Deutschland", "Madrid, España").
  deutschland: 'Germany', 'österreich': 'Austria', schweiz: 'Switzerland', suisse: 'Switzerland', svizzera: 'Switzerland',
  'españa': 'Spain', espana: 'Spain', italia: 'Italy', nederland: 'Netherlands', belgique: 'Belgium', 'belgië': 'Belgium',
  polska: 'Poland', sverige: 'Sweden', norge: 'Norway', danmark: 'Denmark', suomi: 'Finland', 'česko': 'Czech Republic',
  brasil: 'Brazil', 'méxico': 'Mexico', 'türkiye': 'Turkey', turkiye: 'Turkey',
};

/**
 * Big cities that postings often name without a region, and the form we print. Only used
 * where the text says the place is the role's ("based in", "Location:", "office in").
 */
export const CITIES: Readonly<Record<string, string>> = {
  'new york city': 'New York, NY', nyc: 'New York, NY', 'new york': 'New York, NY', manhattan: 'New York, NY',
  brooklyn: 'Brooklyn, NY', 'san francisco': 'San Francisco, CA', sf: 'San Francisco, CA',
  'los angeles': 'Los Angeles, CA', 'san diego': 'San Diego, CA', 'san jose': 'San Jose, CA',
  'palo alto': 'Palo Alto, CA', 'mountain view': 'Mountain View, CA', 'menlo park': 'Menlo Park, CA',
  sunnyvale: 'Sunnyvale, CA', 'santa monica': 'Santa Monica, CA', oakland: 'Oakland, CA',
  seattle: 'Seattle, WA', bellevue: 'Bellevue, WA', redmond: 'Redmond, WA', portland: 'Portland, OR',
  austin: 'Austin, TX', dallas: 'Dallas, TX', houston: 'Houston, TX', 'san antonio': 'San Antonio, TX',
  plano: 'Plano, TX', denver: 'Denver, CO', boulder: 'Boulder, CO', chicago: 'Chicago, IL',
  boston: 'Boston, MA', cambridge: 'Cambridge, MA', atlanta: 'Atlanta, GA', miami: 'Miami, FL',
  'washington dc': 'Washington, DC', 'washington d.c.': 'Washington, DC', philadelphia: 'Philadelphia, PA',
  pittsburgh: 'Pittsburgh, PA', phoenix: 'Phoenix, AZ', 'salt lake city': 'Salt Lake City, UT',
  minneapolis: 'Minneapolis, MN', detroit: 'Detroit, MI', nashville: 'Nashville, TN',
  raleigh: 'Raleigh, NC', charlotte: 'Charlotte, NC', cincinnati: 'Cincinnati, OH', columbus: 'Columbus, OH',
  'mclean': 'McLean, VA', richmond: 'Richmond, VA', arlington: 'Arlington, VA',
  toronto: 'Toronto, ON', vancouver: 'Vancouver, BC', montreal: 'Montreal, QC', ottawa: 'Ottawa, ON',
  calgary: 'Calgary, AB', waterloo: 'Waterloo, ON',
  london: 'London, United Kingdom', manchester: 'Manchester, United Kingdom', edinburgh: 'Edinburgh, United Kingdom',
  bristol: 'Bristol, United Kingdom', dublin: 'Dublin, Ireland', berlin: 'Berlin, Germany', munich: 'Munich, Germany',
  hamburg: 'Hamburg, Germany', paris: 'Paris, France', amsterdam: 'Amsterdam, Netherlands',
  madrid: 'Madrid, Spain', barcelona: 'Barcelona, Spain', lisbon: 'Lisbon, Portugal', stockholm: 'Stockholm, Sweden',
  copenhagen: 'Copenhagen, Denmark', zurich: 'Zurich, Switzerland', warsaw: 'Warsaw, Poland',
  bangalore: 'Bangalore, India', bengaluru: 'Bengaluru, India', hyderabad: 'Hyderabad, India',
  pune: 'Pune, India', mumbai: 'Mumbai, India', chennai: 'Chennai, India', delhi: 'Delhi, India',
  gurgaon: 'Gurgaon, India', gurugram: 'Gurugram, India', noida: 'Noida, India',
  tokyo: 'Tokyo, Japan', seoul: 'Seoul, South Korea', singapore: 'Singapore', sydney: 'Sydney, Australia',
  melbourne: 'Melbourne, Australia', brisbane: 'Brisbane, Australia', auckland: 'Auckland, New Zealand',
  'tel aviv': 'Tel Aviv, Israel', 'sao paulo': 'Sao Paulo, Brazil', 'mexico city': 'Mexico City, Mexico',
  // More cities postings name without a region; local spellings print as written.
  'montréal': 'Montréal, QC', 'quebec city': 'Quebec City, QC', 'québec': 'Québec, QC', edmonton: 'Edmonton, AB', winnipeg: 'Winnipeg, MB', halifax: 'Halifax, NS',
  leeds: 'Leeds, United Kingdom', birmingham: 'Birmingham, United Kingdom', glasgow: 'Glasgow, United Kingdom', liverpool: 'Liverpool, United Kingdom',
  newcastle: 'Newcastle, United Kingdom', sheffield: 'Sheffield, United Kingdom', nottingham: 'Nottingham, United Kingdom', belfast: 'Belfast, United Kingdom', cardiff: 'Cardiff, United Kingdom',
  'münchen': 'München, Germany', frankfurt: 'Frankfurt, Germany', 'frankfurt am main': 'Frankfurt, Germany', cologne: 'Cologne, Germany', 'köln': 'Köln, Germany', stuttgart: 'Stuttgart, Germany',
  'düsseldorf': 'Düsseldorf, Germany', leipzig: 'Leipzig, Germany', dresden: 'Dresden, Germany', vienna: 'Vienna, Austria', wien: 'Wien, Austria',
  lyon: 'Lyon, France', toulouse: 'Toulouse, France', marseille: 'Marseille, France', nantes: 'Nantes, France', bordeaux: 'Bordeaux, France', lille: 'Lille, France',
  brussels: 'Brussels, Belgium', rotterdam: 'Rotterdam, Netherlands', utrecht: 'Utrecht, Netherlands', milan: 'Milan, Italy', rome: 'Rome, Italy',
  prague: 'Prague, Czech Republic', oslo: 'Oslo, Norway', helsinki: 'Helsinki, Finland', geneva: 'Geneva, Switzerland', krakow: 'Krakow, Poland',
  perth: 'Perth, Australia', adelaide: 'Adelaide, Australia', canberra: 'Canberra, Australia', wellington: 'Wellington, New Zealand',
  kolkata: 'Kolkata, India', ahmedabad: 'Ahmedabad, India', 'new delhi': 'New Delhi, India', kochi: 'Kochi, India', 'hong kong': 'Hong Kong',
  shanghai: 'Shanghai, China', beijing: 'Beijing, China', shenzhen: 'Shenzhen, China', taipei: 'Taipei, Taiwan', osaka: 'Osaka, Japan', manila: 'Manila, Philippines',
  'kuala lumpur': 'Kuala Lumpur, Malaysia', jakarta: 'Jakarta, Indonesia', dubai: 'Dubai, United Arab Emirates', 'cape town': 'Cape Town, South Africa',
  'buenos aires': 'Buenos Aires, Argentina', bogota: 'Bogota, Colombia', 'bogotá': 'Bogotá, Colombia', santiago: 'Santiago, Chile', lima: 'Lima, Peru',
};

/** Regions a header may print after a city ("Leeds, West Yorkshire", "München, Bayern"): they add nothing to the place. */
export const REGION_NAMES: ReadonlySet<string> = new Set([
  'england', 'scotland', 'wales', 'northern ireland', 'greater london', 'greater manchester', 'west yorkshire', 'south yorkshire',
  'north yorkshire', 'west midlands', 'merseyside', 'tyne and wear', 'kent', 'surrey', 'essex', 'hampshire', 'lancashire',
  'bayern', 'bavaria', 'berlin', 'hessen', 'hesse', 'nordrhein-westfalen', 'baden-württemberg', 'sachsen', 'niedersachsen',
  'île-de-france', 'ile-de-france', 'auvergne-rhône-alpes', 'occitanie', 'catalonia', 'cataluña', 'lombardy', 'lombardia',
  'maharashtra', 'karnataka', 'telangana', 'tamil nadu', 'haryana', 'uttar pradesh',
]);
