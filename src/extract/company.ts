import { CHROME_LINE, fieldLineOf, titleBlockOf } from './block.js';
import { found, type Found } from './found.js';
import { plausibleCompany } from './plausible.js';
import { US_STATES } from './tables/places.js';
import { isCountryName, knownCity, mentionsCountry } from './places/gazetteer.js';
import { ROLE_NOUNS } from './tables/roles.js';
import { SKILLS } from './tables/skills.js';
import { readPageTitle } from './title.js';
import { kindOf, linesOf, sentencesOf, withoutOtherJobs } from './text.js';

/**
 * The hiring company. A labelled header or a page title decides at once; otherwise each
 * pattern that names a company ("X is an equal opportunity employer", "At X, we", "About X",
 * the line beside the title) votes with a weight, and the name with most weight wins.
 */

// A proper-noun phrase: "Capital One", "HealthSource of Ohio", "E. & J. Gallo Winery".
// A name's first word is at most 41 characters: tried from every capital, "AaAa…Aa will"
// (30,000 characters) reread the rest of the run from each and took 10 s. ([A-Z]{2,} was a
// second reading of the same word.)
// A name starts a word: in "gCS Prescient Design" (a cut-off first word) no name starts at "CS".
// Latin letters with accents count: "Lindgrün", "Élan Vital".
const NAME = String.raw`(?<![A-Za-z0-9À-ÖØ-öø-ÿ])((?:[A-ZÀ-ÖØ-Þ][A-Za-z0-9À-ÖØ-öø-ÿ&.'’+-]{0,40})(?:\s+(?:[A-ZÀ-ÖØ-Þ][A-Za-z0-9À-ÖØ-öø-ÿ&.'’+-]*|&|of|de|by)){0,5})`;
// The name as a sentence's subject: "… operating in Riyadh is seeking" names a place, not the employer.
// ("my team at Fernwood Games is hiring" does name it), and a name is read from its first word.
const SUBJECT = String.raw`(?<!\b(?:in|from|of|near|across|to|for|with|by|on|than)\s)(?<![A-Z][A-Za-z0-9&.'’+-]*\s)${NAME}`;

interface Vote {
  /** A cheap test a sentence must pass before the (costlier) pattern runs. */
  hint?: RegExp;
  /** A "Name:" line counts only when the name is no section heading ("Preferred:"). */
  notHeading?: boolean;
  pattern: RegExp;
  weight: number;
  detail: string;
}

const VOTES: readonly Vote[] = [
  { pattern: new RegExp(String.raw`${NAME}\s+is\s+(?:an?\s+|proud(?:ly)?\s+(?:to be\s+)?(?:an?\s+)?)?(?:equal (?:employment )?opportunity|eoe|affirmative action)`), weight: 40, detail: 'equal-opportunity statement', hint: /equal|eoe|affirmative/i },
  { pattern: new RegExp(String.raw`^(?:About|ABOUT|Why(?:\s+(?:[Jj]oin|[Ww]ork(?:ing)?\s+(?:at|for|with)|[Cc]hoose))?|Life at|Working at|Join)\s+${NAME}\s*[:?!]?$`), weight: 35, detail: 'section heading', hint: /^(?:About|ABOUT|Why|Life|Working|Join)\b/ },
  { pattern: new RegExp(String.raw`\bWe(?:'re|’re| are)\s+${NAME}\s*[.!]`), weight: 40, detail: '"We\'re X." sentence', hint: /\bWe(?:'re|’re| are)\s/ },
  // Recruiters name the employer they write for: "on behalf of Maplecrest Health", "working with Acme, a …".
  { pattern: new RegExp(String.raw`\bon behalf of\s+(?:our client,?\s+|my client,?\s+)?${NAME}(?=\s*[,.;(]|\s+(?:who|which|in|to|and)\b)`), weight: 30, detail: '"on behalf of X" sentence', hint: /behalf of/ },
  { pattern: new RegExp(String.raw`\b(?:working|partnering|partnered|work)\s+with\s+${NAME},\s+(?:an?|the)\s`), weight: 20, detail: '"working with X, a …" sentence', hint: /\b(?:working|partnering|partnered|work)\s+with\s/ },
  // "We're Kettlebyte, a small indie studio …": the name before an appositive that describes it.
  { pattern: new RegExp(String.raw`\bWe(?:'re|’re| are)\s+${NAME},\s+(?:an?|the)\s+(?:[\w-]+\s+){0,4}(?:company|studio|startup|start-up|team|agency|firm|platform|provider|business|lab|shop|group|collective|nonprofit|non-profit|organi[sz]ation|maker|marketplace|bank|fintech)\b`), weight: 35, detail: '"We\'re X, a …" sentence', hint: /\bWe(?:'re|’re| are)\s/ },
  { pattern: new RegExp(String.raw`^${NAME}\s+(?:has|have)\s+(?:an?\s+)?(?:\w+\s+)?(?:client|opening|opportunity|position)s?\b`), weight: 25, detail: '"X has an opening" sentence', hint: /\bha(?:s|ve)\b/ },
  { pattern: new RegExp(String.raw`^${NAME}\s*:$`), weight: 15, detail: 'name line', hint: /:$/, notHeading: true },
  { pattern: new RegExp(String.raw`${NAME}(?:'s|’s)\s+[a-z]`), weight: 2, detail: 'possessive', hint: /['’]s\s/ },
  // Not "working with X": that names a client, a partner or a tool ("experience working with Atlassian tools").
  { pattern: new RegExp(String.raw`\b(?:work|working|career|careers|life)\s+(?:at|for)\s+${NAME}`), weight: 10, detail: '"work at X" sentence', hint: /\b(?:work|working|career|careers|life)\s+(?:at|for)\b/i },
  // "As an AI Engineer at Knowdis.ai, you will …": the role, then its employer.
  { pattern: new RegExp(String.raw`\bAs\s+(?:an?|the|our)\s+(?:[A-Za-z/&+#.-]+\s+){1,6}(?:at|with|for)\s+${NAME},?\s+(?:you|we)\b`), weight: 25, detail: '"As a <role> at X, you" sentence', hint: /\bAs\s/ },
  // A sign-off: "Dein Natsana Team", "Your Acme Team", "The Acme Recruiting Team".
  { pattern: new RegExp(String.raw`^(?:Dein|Deine|Ihr|Euer|Your|The|L['’]équipe|El equipo de)\s+${NAME}\s+(?:Recruiting\s+|Talent\s+|People\s+|HR\s+|Hiring\s+)?(?:Team|Teams)[.!]?$`), weight: 20, detail: 'sign-off', hint: /Team/ },
  // A line that is only a name with its legal form (a signature, a page's employer line), maybe
  // with the office's place after it: "Webilent Technology, Inc.", "Acme LLC  Windsor, CT 06095".
  { pattern: new RegExp(String.raw`^${NAME},?\s+(?:Inc\.?|LLC|L\.L\.C\.|Ltd\.?|Limited|Corp\.?|Corporation|GmbH|AG|plc|PLC|Pvt\.? Ltd\.?|S\.A\.|B\.V\.|Pty Ltd)(?=\s*[|,]?\s*$|\s+[|]|\s{2}|\s+[A-Z][a-z]+(?: [A-Z][a-z]+)?,\s*[A-Z]{2}\b)`), weight: 20, detail: 'name with its legal form', hint: /\b(?:Inc|LLC|L\.L\.C|Ltd|Limited|Corp|Corporation|GmbH|AG|plc|PLC|S\.A|B\.V)\b/ },
  // "Bei XALT entwickelst du …", "En OSOCO estamos buscando …", "Chez Acme, nous …": "At X, we" in German, Spanish, French.
  { pattern: new RegExp(String.raw`^(?:Bei|En|Chez)\s+${NAME},?\s+(?:[a-zäöüéèáíóúñ]+)\b`), weight: 15, detail: '"At X, we" sentence', hint: /^(?:Bei|En|Chez)\s/ },
  // A flattened header: "VECTOR TALENT RESOURCES Title: …".
  { pattern: /^([A-Z][A-Z&.,' -]{2,40}?)\s+(?:Job\s+|Position\s+)?Title\s*:/, weight: 30, detail: 'header before the title field', hint: /Title\s*:/ },
  { pattern: new RegExp(String.raw`${NAME}\s+(?:does|do|will|is|are)\s+not\b|${NAME}\s+will\s+(?:comply|consider|provide|make)\b`), weight: 8, detail: 'policy sentence', hint: /\bnot\b|\bwill\b|sponsor|offer|provide/ },
  { pattern: new RegExp(String.raw`${SUBJECT}(?:'s|’s)?\s+(?:[A-Z][\w&]*\s+){0,4}(?:is|are)\s+(?:currently\s+|actively\s+|now\s+)?(?:seeking|looking for|hiring|searching for)\b`), weight: 25, detail: '"is seeking" sentence', hint: /seeking|looking for|hiring|searching for/ },
  { pattern: new RegExp(String.raw`${SUBJECT}\s+(?:seeks|has an opening for|is growing|is expanding)\b`), weight: 25, detail: '"seeks" sentence', hint: /seeks|opening for|is growing|is expanding/ },
  { pattern: new RegExp(String.raw`\bAt\s+${NAME},\s+(?:we|our|you|the)\b`), weight: 15, detail: '"At X, we" sentence', hint: /\bAt\s/ },
  { pattern: new RegExp(String.raw`${NAME}\s+(?:will|does|do|is|are)\s+(?:not\s+)?(?:unable to\s+)?(?:consider\s+)?(?:sponsor|offer|provide)`), weight: 12, detail: 'policy sentence', hint: /\bnot\b|\bwill\b|sponsor|offer|provide/ },
  { pattern: new RegExp(String.raw`^${NAME}\s+(?:is|was|are)\s+(?:a|an|the|one of|[a-z]+ing|backed|headquartered|based|founded|trusted)\b`), weight: 12, detail: 'company description', hint: /^[A-Z]/ },
  { pattern: new RegExp(String.raw`^${NAME}\s+(?:builds|brings|helps|provides|offers|makes|creates|develops|delivers|enables|powers|designs|operates|serves|harnesses|believes|brings|exists)\b`), weight: 10, detail: 'company description', hint: /^[A-Z]/ },
  { pattern: new RegExp(String.raw`\b(?:Join|joining|at)\s+${NAME}\s+(?:as|and|to|in|on)\b`), weight: 6, detail: 'named in a sentence', hint: /\b(?:Join|joining|at)\s/ },
];

const NOT_A_COMPANY = /^(we|our|you|your|this|that|these|the|the company|company|team|our team|job|role|position|candidates?|applicants?|employees?|benefits|it|they|all|each|equal|please|note|salary|if|in|as|about|why|what|how|when|where|who|apply|requirements|responsibilities|qualifications|here|there|today|us|the role|the team|overview|summary|description|compensation|location|remote|hybrid|full|i|a|an|and|or|join|what we do|who we are|eeo|eoe|perks|diversity|inclusion|culture|mission|values|hiring|interview|process|ai|ml|data|engineering|product|design|technology|tech|people|work|life|new|more|learn|see|get|find|bonus|equity|health|dental|vision|preferred|required|requirements|qualifications|skills|nice to have|bonus points|responsibilities|duties|description|details|location|salary|pay|benefits|perks|education|experience|job|the job|the role|role|the position|the opportunity|the department|the business|the organization|the organisation|employer|the employer|master|masters|bachelor|bachelors|associate|phd|doctorate|client|our client|the client|customer|customers|government|state|federal|u.s.|united states)$/i;

// Languages and frameworks are never the employer; tools and data stores can be (Databricks).
const CODE_NAMES = new Set(SKILLS.filter((sk) => sk.category === 'language' || sk.category === 'framework').map((sk) => sk.name.toLowerCase()));
const STATE_NAMES = new Set(Object.values(US_STATES).map((st) => st.toLowerCase()));

function normalName(raw: string): string | null {
  let n = raw.trim().replace(/^(?:(?:join|why|about|at|(?:careers|jobs|working|work|life)\s+(?:at|with))\s+)+/i, '').replace(/(?:'s|’s)$/, '').replace(/\s+(?:of|de|by|&)$/, '');
  // "Raleigh, NC Pinecrest Technologies": a state code run into the name is not part of it.
  n = n.replace(/^([A-Z]{2})\s+(?=[A-Z][a-z])/, (m, code: string) => (code in US_STATES ? '' : m));
  // Keep the full stop of "Inc." or "K.K."; drop a sentence's.
  if (!CORP_STOP.test(n)) n = n.replace(/[.,]$/, '');
  n = n.trim();
  n = n.replace(/^(?:The\s+)?(?=[A-Z])/, (m) => m);
  if (n.length < 2 || n.length > 60) return null;
  if (NOT_A_COMPANY.test(n)) return null;
  // "Why You'll Love Working Here", "About This Role": headings, not names.
  if (/^(you|you'll|you’ll|your|we|we're|we’re|our|this|these|that|it|its|my|i|how|what|who|where|when|why)\b/i.test(n)) return null;
  if (ROLE_NOUNS.test(n) && n.split(/\s+/).length > 1 && !/\b(inc|llc|ltd|corp|group|company|technologies|labs)\b/i.test(n)) return null;
  const key = n.toLowerCase();
  if (n in US_STATES || CODE_NAMES.has(key)) return null;
  // A city of a quarter million or more, a country or a state is a place, not the employer.
  if (knownCity(n, 250_000) !== null || isCountryName(key) || STATE_NAMES.has(key)) return null;
  return plausibleCompany(n);
}

/** "VECTOR TALENT RESOURCES" → "Vector Talent Resources"; mixed case stays. */
function shoutToName(s: string): string {
  // One shouted word is a brand's own spelling ("OSOCO", "XALT"); a shouted phrase is a heading's.
  if (/[a-z]/.test(s) || s.length <= 4 || !/\s/.test(s.trim())) return s;
  return s.toLowerCase().replace(/\b[a-z]/g, (c) => c.toUpperCase());
}

// Legal forms that end in a full stop: "Inc.", "K.K.", Latin America's "S.A.S.", "S.A. de C.V.", Italy's "S.p.A.".
const CORP_STOP = /\b(?:inc|ltd|co|corp|k\.k|s\.a|s\.a\.s|s\.r\.l|s\.p\.a|s\.l|c\.v|n\.v|b\.v|l\.p|llc|plc)\.$/i;
// Lower-case words a company's name may hold ("Bank of America", "Doctors without Borders").
const NAME_JOINERS = new Set(['of', 'and', 'de', 'du', 'des', 'la', 'le', 'by', 'the', 'for', 'und', 'für', 'van', 'von', 'der', 'den', 'y', 'e', 'et', 'without', '&']);

/** A short line beside the title that reads as a company name. */
function looksLikeCompanyLine(line: string): boolean {
  const t = line.trim();
  if (t.length < 2 || t.length > 60 || t.split(/\s+/).length > 6 || !/^[A-Za-z0-9]/.test(t)) return false;
  // A full stop ends a sentence, not a name, unless it closes "Inc." or "Co.".
  if (/^[a-z]/.test(t) || (/[.!?:]$/.test(t) && !CORP_STOP.test(t)) || /\d{2,}/.test(t) || !/[A-Za-z]/.test(t)) return false;
  // A tagline ("Industrial AI for steel mills"): names carry no lower-case words but joiners.
  if (t.split(/\s+/).some((w) => /^[a-z]/.test(w) && !NAME_JOINERS.has(w))) return false;
  // "Leeds, West Yorkshire": a known city before the comma makes the line a place.
  if (t.includes(',') && knownCity((t.split(',')[0] ?? '').trim()) !== null) return false;
  // "Seoul, South Korea" and "Austin, TX" are places.
  const tail = t.split(',').slice(1).join(',').trim().toLowerCase();
  if (/;/.test(t) || /\b(remote|hybrid|on-?site)\b/i.test(t)) return false;
  if (Object.values(US_STATES).some((st) => t.includes(`, ${st}`))) return false;
  if (tail.length > 0 && (isCountryName(tail) || tail.toUpperCase() in US_STATES || /^[a-z]{2}$/.test(tail))) return false;
  if (CHROME_LINE.test(t) || ROLE_NOUNS.test(t)) return false;
  if (/[·•|]/.test(t) || /\b(ago|applicants?|remote|hybrid|on-?site|full-time|part-time)\b/i.test(t)) return false;
  if (/,\s*[A-Z]{2}\b/.test(t)) return false;
  return normalName(t) !== null;
}

/** The company named by a line beside the title, alone or before "· place". */
function companyPartOf(line: string): string | null {
  // Greenhouse boards print "at Acme Robotics" under the title.
  const at = /^at\s+([A-Z].{1,58})$/.exec(line.trim());
  if (at && looksLikeCompanyLine(at[1] ?? '')) return (at[1] ?? '').trim();
  if (looksLikeCompanyLine(line)) return line.trim();
  const parts = line.split(/\s+[·|•]\s+|\s+[-–—]\s+/);
  const first = parts[0]?.trim() ?? '';
  const rest = parts.slice(1).join(' ');
  const isPlace = /,\s*[A-Z]{2,3}\b|\b(remote|hybrid|on-?site)\b/i.test(rest) || mentionsCountry(rest) || knownCity(rest.trim()) !== null;
  return parts.length > 1 && isPlace && looksLikeCompanyLine(first) ? first : null;
}

const TITLE_FIELD = /^[•*-]?\s*(?:Job\s+|Position\s+)?Title\s*:/i;
// "Entity: Oracle America, Inc." (a labour-certification posting), "Agency: Department of Human Services" (a state job page).
const LABELLED = /(?:^|\s)(?:company|company name|employer|organi[sz]ation|hiring company|client|entreprise|soci[ée]t[ée]|unternehmen|arbeitgeber|empresa|(?:legal |hiring )?entity|(?:hiring )?agency)[^\S\t]*(?:[:：]\s*|\t\s*(?:[:：]\s*)?)(\S.*)$/im;
// A label's value that says no more than yes or no ("Agency: No", "Client: N/A").
const NO_VALUE = /^(?:no|none|n\/?a|yes|not applicable|tbd|-+)\.?$/i;
const UNIT_FIELD = /^[•*\-]?\s*(?:department|dept\.?|division|unit|team|office|school|college)\s*[:：]\s*(.{3,60}?)\s*$/gim;
// Agencies describe a client they may not name: "Client: Fortune 500 retailer", "Company: Confidential".
const UNNAMED = /^(?:an?\s+|our\s+)?(?:confidential|undisclosed|not disclosed|fortune\s+\d+|leading|large|major|global|top|well[- ]known|big\s+\d|reputed|renowned|prestigious|fast[- ]growing|mnc|multinational|startup|stealth)\b/i;
// "Global Payments" is a name; "Global bank" and "Fortune 500 retailer" describe one.
function unnamedClient(value: string): boolean {
  const m = UNNAMED.exec(value);
  return m !== null && value.slice(m[0].length).split(/\s+/).every((w) => !/^[A-Z]/.test(w));
}

const MAX_DOMAIN_SCAN = 50_000;
const EMAIL_DOMAIN = /[\w.+-]{1,64}@([A-Za-z0-9-]{2,40})\.[A-Za-z.]{2,12}\b/g;
/** Mail providers: a recruiter's gmail.com names no employer. */
const FREE_MAIL: ReadonlySet<string> = new Set(['gmail', 'yahoo', 'hotmail', 'outlook', 'aol', 'icloud', 'live', 'msn', 'protonmail', 'gmx', 'mail', 'googlegroups', 'example']);

/** Votes that read only a line's shape ("X:", "X's"): a name they alone found needs the posting to repeat it. */
const SHAPE_ONLY: ReadonlySet<string> = new Set(['name line', 'possessive']);

/** How often a name stands in the text as a word of its own (any case: a heading may shout it). */
function occurrences(text: string, name: string): number {
  const re = new RegExp(`(?<![A-Za-z0-9])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![A-Za-z0-9])`, 'gi');
  let n = 0;
  for (let m = re.exec(text); m !== null && n < 50; m = re.exec(text)) n++;
  return n;
}

/**
 * `minScore`: the weight a name needs; a source that says it never names the company (Lever's
 * API) still takes a name the posting gives as plainly as "At Hinge, we …" and keeps repeating.
 */
export function extractCompany(text: string, minScore = 0): Found<string | null> {
  const body = withoutOtherJobs(text);
  const block = titleBlockOf(body);
  for (const l of block.lines.slice(0, 4)) {
    const page = readPageTitle(l.text);
    if (page?.company) return found(page.company, l.text, 'page title');
  }
  for (const line of linesOf(body).slice(0, 40)) {
    const m = LABELLED.exec(line.text);
    if (!m) continue;
    // The next run-on field ends the value: "AcmeLocation: …", "Acme GmbH location: Hamburg" (a flattened record), never "GmbH".
    const value = (m[1] ?? '').split(/\t|\s{2,}|\s*\(|(?<=[a-z)])(?=[A-Z][a-z][A-Za-z ]{0,24}[:：])|\s+(?=[a-z_]{3,20}[:：]\s)/)[0]?.trim() ?? '';
    if (unnamedClient(value) || NO_VALUE.test(value)) continue;
    const name = normalName(value);
    if (name !== null) return found(name, line.text, 'labelled header');
  }

  // Hacker News "Who is hiring": "Acme Robotics (YC S21) | Founding Engineer | SF | Onsite | $150k".
  const fieldLine = fieldLineOf(body);
  const firstField = fieldLine?.fields[0]?.replace(/\s*\([^)]*\)\s*$/, '').trim();
  if (fieldLine && firstField !== undefined && !ROLE_NOUNS.test(firstField) && looksLikeCompanyLine(firstField)) {
    const name = normalName(firstField);
    if (name !== null) return found(name, fieldLine.line.text, 'first field of a Hacker News line');
  }

  // `shaped`: every vote came from a line's shape alone ("X:", "X's"), none from what a sentence says.
  const scores = new Map<string, { score: number; line: string; detail: string; first: number; shaped: boolean }>();
  const vote = (raw: string, weight: number, line: string, detail: string, at: number): void => {
    const name = normalName(raw);
    if (name === null) return;
    const prev = scores.get(name);
    if (prev) {
      prev.score += weight;
      prev.shaped &&= SHAPE_ONLY.has(detail);
    } else scores.set(name, { score: weight, line, detail, first: at, shaped: SHAPE_ONLY.has(detail) });
  };

  if (block.titleIndex >= 0) {
    // LinkedIn puts the company above the title; job boards put it below.
    // Wellfound and some boards put a tagline between the name and the title: two lines up last.
    for (const i of [block.titleIndex - 1, block.titleIndex + 1, block.titleIndex + 2, block.titleIndex - 2]) {
      const l = block.lines[i];
      // "Orchard Commerce · Chicago, IL (Hybrid)": the name before the separator.
      const name = l ? companyPartOf(l.text) : null;
      if (l && name !== null) {
        vote(name, i < block.titleIndex ? 45 : 35, l.text, 'line beside the title', l.start);
        break;
      }
    }
  }
  // "VECTOR TALENT RESOURCES" on the line above "Title: …": the header of a staffing ad.
  const head = linesOf(body).slice(0, 4);
  head.forEach((l, k) => {
    const above = head[k - 1];
    if (above === undefined || !TITLE_FIELD.test(l.text)) return;
    const name = shoutToName(above.text.trim());
    if (looksLikeCompanyLine(name)) vote(name, 30, above.text, 'header before the title field', above.start);
  });
  // A line is often also a sentence: its matches are read once and voted for each time it appears.
  const seen = new Map<string, { name: string; weight: number; detail: string }[]>();
  for (const s of [...sentencesOf(body), ...linesOf(body)]) {
    let matches = seen.get(s.text);
    if (matches === undefined) {
      matches = [];
      for (const v of VOTES) {
        if (v.hint !== undefined && !v.hint.test(s.text)) continue;
        const m = v.pattern.exec(s.text);
        if (m && v.notHeading === true && kindOf(m[1] ?? '') !== null) continue;
        if (m) matches.push({ name: shoutToName(m.slice(1).find((g) => g !== undefined) ?? ''), weight: v.weight, detail: v.detail });
      }
      seen.set(s.text, matches);
    }
    for (const x of matches) vote(x.name, x.weight, s.text, x.detail, s.start);
  }
  // A signature line whose name is the sender's e-mail domain ("Comforce - Dallas" beside rwatkins@comforce.com).
  const domains = new Set([...body.slice(0, MAX_DOMAIN_SCAN).matchAll(EMAIL_DOMAIN)].map((m) => (m[1] ?? '').toLowerCase()).filter((d) => !FREE_MAIL.has(d)));
  if (domains.size > 0) {
    for (const l of linesOf(body)) {
      if (l.text.length > 60) continue;
      const name = (l.text.split(/\s+[-–—|·]\s+|,\s/)[0] ?? '').trim();
      if (/^[A-Z]/.test(name) && domains.has(name.toLowerCase().replace(/[^a-z0-9]/g, ''))) vote(name, 25, l.text, 'name of the e-mail domain', l.start);
    }
  }
  // "Department: Office of Information Technology": the employer's own unit is not the employer.
  for (const m of body.matchAll(UNIT_FIELD)) {
    const unit = (m[1] ?? '').trim().replace(/^The\s+/i, '').toLowerCase();
    for (const name of [...scores.keys()]) if (name.replace(/^The\s+/i, '').toLowerCase() === unit) scores.delete(name);
  }
  if (scores.size === 0) return found(null, null, null);
  // Names the text keeps repeating are likelier the employer than a client or product.
  for (const [name, entry] of [...scores.entries()]) {
    const count = body.split(name).length - 1;
    // A name only a line's shape found, which the posting never repeats, is more likely a heading
    // or a phrase ("ACADEMIC CREDENTIALS:", "Selection Process:") than its employer.
    if (entry.shaped && occurrences(body, name) <= 1) {
      scores.delete(name);
      continue;
    }
    entry.score += Math.min(count, 10) * 2;
  }
  // "Tarang" and "Tarang Fintech" are one company (but "Velocity Black by Capital One" is a team): the fuller name takes the short one's votes.
  // "The University of X" and "University of X" are one name: the spelling with more weight keeps both.
  const bare = (k: string): string => k.replace(/^The\s+/, '');
  for (const [name, entry] of [...scores.entries()]) {
    if (!name.startsWith('The ')) continue;
    const other = scores.get(bare(name));
    if (!other) continue;
    const [keep, drop] = other.score >= entry.score ? [other, name] : [entry, bare(name)];
    keep.score += (scores.get(drop)?.score ?? 0);
    keep.first = Math.min(other.first, entry.first);
    scores.delete(drop);
  }
  for (const [short, entry] of [...scores.entries()]) {
    if (!scores.has(short)) continue;
    const fuller = [...scores.keys()].find((k) => k !== short && bare(k).startsWith(`${bare(short)} `));
    const target = fuller === undefined ? undefined : scores.get(fuller);
    if (!target || fuller === undefined) continue;
    // "CrowdStrike Services is seeking …" in a posting that says "CrowdStrike" twenty times: the
    // longer name is one team of the employer the text keeps naming, so the short name takes it.
    const alone = occurrences(body, short) - occurrences(body, fuller);
    if (alone >= 3 * Math.max(1, occurrences(body, fuller)) && alone >= 4) {
      entry.score += target.score;
      entry.first = Math.min(entry.first, target.first);
      scores.delete(fuller);
    } else {
      target.score += entry.score;
      scores.delete(short);
    }
  }
  const best = [...scores.entries()].sort((a, b) => b[1].score - a[1].score || a[1].first - b[1].first)[0];
  if (!best || best[1].score < minScore) return found(null, null, null);
  return found(shortFormOf(body, best[0]), best[1].line, best[1].detail);
}

/**
 * "CrowdStrike Services is seeking …" in a posting that says "CrowdStrike" on its own eight
 * times: the longer name is a team of the employer the posting keeps naming. The first word is
 * the name when it stands alone (not before another capitalised word) four times and three
 * times as often as the full name.
 */
function shortFormOf(body: string, name: string): string {
  const first = name.split(' ')[0] ?? name;
  if (first === name || first.length < 4 || !/^[A-Z]/.test(first) || NAME_JOINERS.has(first.toLowerCase())) return name;
  const escape = (x: string): string => x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const alone = new RegExp(`(?<![A-Za-z0-9])${escape(first)}(?![A-Za-z0-9])(?!\\s+[A-Z0-9])`, 'g');
  let n = 0;
  for (let m = alone.exec(body); m !== null && n < 50; m = alone.exec(body)) n++;
  const full = occurrences(body, name);
  return n >= 4 && n >= 3 * Math.max(1, full) && normalName(first) !== null ? first : name;
}
