import { FIELD_LINE, linkText, looksLikeLowerCaseTitle, looksLikeTitle, titleBlockOf } from './block.js';
import { found, type Found } from './found.js';
import { plausibleTitle } from './plausible.js';
import { isCountryName, knownCity } from './places/gazetteer.js';
import { ROLE_NOUNS, SITE_SUFFIX } from './tables/roles.js';
import { kindOf, linesOf, sentencesOf, withoutOtherJobs } from './text.js';

/**
 * The job title as posted, cleaned of site noise. Tried in order: a page title
 * ("Job Application for T at C", "C hiring T in L | LinkedIn"), a labelled header
 * ("Position Title:"), the title block at the top, a pay line ("… for Sr. Lead Machine
 * Learning Engineer"), then prose ("X is seeking a …", "We're looking for a …").
 */

export interface PageTitle {
  title: string;
  company: string | null;
}

const PAGE_TITLES: ReadonlyArray<RegExp> = [
  /^job application for (.+?) at (.+?)$/i,
  /^(.+?) hiring (.+?)(?: in .+?)?(?: \| linkedin)?$/i,
  /^(.+?) (?:at|@) (.+?)(?: \| .+)?$/,
];

/** Reads a page-title line: "Job Application for T at C", "C hiring T in L | LinkedIn", "T at C". */
export function readPageTitle(line: string): PageTitle | null {
  const t = line.trim();
  const apply = PAGE_TITLES[0]?.exec(t);
  if (apply) return { title: apply[1] ?? '', company: stripSite(apply[2] ?? '') };
  const hiring = PAGE_TITLES[1]?.exec(t);
  if (hiring && /\|\s*linkedin\s*$/i.test(t) && ROLE_NOUNS.test(hiring[2] ?? '')) {
    return { title: hiring[2] ?? '', company: hiring[1] ?? null };
  }
  const at = PAGE_TITLES[2]?.exec(t);
  if (at && SITE_SUFFIX.test(t) && ROLE_NOUNS.test(at[1] ?? '') && !ROLE_NOUNS.test(at[2] ?? '')) {
    return { title: at[1] ?? '', company: stripSite(at[2] ?? '') };
  }
  return null;
}

function stripSite(s: string): string {
  let out = s.trim();
  for (let i = 0; i < 3 && SITE_SUFFIX.test(out); i++) out = out.replace(SITE_SUFFIX, '').trim();
  return out;
}

// "Type of Position: Full-Time" is no title: the label must stand on its own.
// "Class Title: EXEC SECRETARY II - 14032" is a civil-service classification, not the posting's own title.
const LABELLED = /(?:^|\s)(?<!type of |type |of |class |payroll |classification |civil service )(?:job title|position title|position name|job name|title|position|role|opening)[^\S\t]*(?:[:：]\s*|\t\s*(?:[:：]\s*)?)(\S.*)$/im;

// Parentheticals and trailing segments that say where/how, not what, the job is.
const NOISE_PAREN = /\s*\((?=[^)]*\b(paid|unpaid|remote|hybrid|in-office|in office|on-?site|full[- ]time|part[- ]time|contract|temporary|permanent|w2|c2c|1099|m\/f\/d|f\/m\/d|w\/m\/d|m\/w\/d|all genders|h\/f|f\/h|req|job id|home[- ]based|\d{1,2}\s?(?:h|hrs|hours|std))\b)[^)]*\)/gi;
// A bare gender marker after a European title: "Développeur H/F", "Entwickler m/w/d", "(m/w/x)".
const GENDER_MARK = /\s+[(\[]?(?:[mwfdhxi]\s*\/\s*){1,3}[mwfdhxi][)\]]?\s*$|\s*[(\[](?:all genders|alle geschlechter|gn)[)\]]\s*$/i;
// French and German contract words too: "… - CDI - H/F", "… - unbefristet".
const NOISE_SEGMENT = /^(remote|hybrid|on-?site|in[- ]office|full[- ]time|part[- ]time|contract|permanent|urgent|new|cdi|cdd|freelance|alternance|int[ée]rim|festanstellung|unbefristet|befristet|vollzeit|teilzeit|start(s|ing)? .+|immediate start|\d{4}|[A-Z]{2,5}\s?\d+|job id.*|req.*|ref.*)$/i;

const SMALL_WORDS = new Set(['of', 'and', 'for', 'the', 'in', 'at', 'to', 'a', 'an', 'on', 'with', 'or']);
const ACRONYMS = new Set(['AI', 'ML', 'IT', 'EV', 'UX', 'UI', 'QA', 'SRE', 'AWS', 'HR', 'VP', 'MBA', 'CPG', 'SDE', 'API', 'GIS', 'ERP', 'CRM', 'SQL', 'BI', 'II', 'III', 'IV', 'NLP', 'GTM', 'SEO', 'PR', 'R&D', 'US', 'UK', 'EU', 'DEI', 'IOS', 'ETL', 'LLM', 'NOC', 'GCP']);

/** "FIELD OPERATIONS SPECIALIST" → "Field Operations Specialist"; mixed case is left alone. */
export function titleCase(s: string): string {
  if (/[a-z]/.test(s)) return s;
  return s
    .split(/(\s+|\/|-)/)
    .map((w, i) => {
      if (ACRONYMS.has(w)) return w === 'IOS' ? 'iOS' : w;
      const lower = w.toLowerCase();
      if (i > 0 && SMALL_WORDS.has(lower)) return lower;
      // "(BILINGUAL)" → "(Bilingual)": the first letter, after any opening bracket.
      return lower.replace(/\p{L}/u, (c) => c.toUpperCase());
    })
    .join('');
}

/** Cleans a raw title: site suffixes, where/how parentheticals and segments, stray punctuation. */
// Pay riding on a title: "… 40.000 - 50.000", "… (R$ 18.000,00)", "… $120k-$150k".
const TITLE_PAY = /\s*[(\[]?(?:(?:R\$|[$€£₹]|USD|EUR|GBP)\s?\d(?:[\d.,]*\d)?\s?[kK]?|\d{1,3}(?:[.,]\d{3})+)(?:\s*(?:[-–]|to|bis)\s*(?:R\$|[$€£₹])?\s?\d(?:[\d.,]*\d)?\s?[kK]?)?(?:\s*(?:€|EUR|USD|\/\s?(?:yr|year|hr|hour|month)))?[)\]]?/g;
// German hours after the role: "… in Voll- oder Teilzeit (mind. 25 Std./Woche) …", "… in Teilzeit".
const TITLE_HOURS = /\s+(?:in\s+)?(?:Voll-?\s*(?:oder|und|\/)\s*Teilzeit|Vollzeit|Teilzeit)\b.*$/i;

/** "Mumbai/Jaipur/Punjab.": capitalised words joined by '/', at least one a known city. */
function placeList(s: string): boolean {
  const parts = s.replace(/[.]$/, '').split('/').map((p) => p.trim());
  return parts.every((p) => /^[A-Z][\p{L}-]+(?: [A-Z][\p{L}-]+)?$/u.test(p)) && parts.some((p) => knownCity(p) !== null);
}

/** "Buchhalter:in in Berlin Süd": the place after " in " is where, not what. */
function withoutPlaceTail(t: string): string {
  const m = /\s+in\s+([A-ZÀ-Þ][\p{L}.-]+)(?:\s+[\p{L}.-]+)?\s*(?:,.*)?$/u.exec(t);
  return m && m.index > 0 && knownCity(m[1] ?? '') !== null ? t.slice(0, m.index) : t;
}

export function cleanTitle(raw: string): string {
  let t = stripSite(linkText(raw).replace(/\s+/g, ' '));
  t = t.replace(TITLE_PAY, '').replace(TITLE_HOURS, '').replace(/,\s*(?:remote|hybrid|on-?site|full[- ]time|part[- ]time)\s*$/i, '').trim();
  // A recruiter's subject line: "Java/Oracle Developer needed in Dallas, TX".
  t = t.replace(/\s+(?:needed|wanted|required)(?:\s+(?:in|at|for|asap|urgently|immediately)\b.*)?$/i, '');
  t = withoutPlaceTail(t).replace(CERTIFIED_LEAD, '');
  // Naukri's " l " between the role and its places: "Evaluation Engineer l Mumbai/Jaipur/Punjab."
  const ell = /^(.*?\S)\s+[lI]\s+(\S+(?:\s\S+)?)$/.exec(t);
  if (ell && ROLE_NOUNS.test(ell[1] ?? '') && placeList(ell[2] ?? '')) t = ell[1] ?? t;
  // Pipes separate a title from page decorations: keep the first segment that names a role.
  if (t.includes('|')) {
    const parts = t.split('|').map((p) => p.trim());
    // No part names a role (a cut-off "… Specialis | Part-Time | Remote (EU)"): the parts that say how or where go.
    t = parts.find((p) => ROLE_NOUNS.test(p)) ?? parts.filter((p) => !NOISE_SEGMENT.test(p.replace(/\s*\([^)]*\)\s*$/, ''))).join(' | ');
  }
  t = t.replace(NOISE_PAREN, '').replace(GENDER_MARK, '').replace(/\s*[-–—|]\s*$/, '');
  // "Analytics Engineering Manager at Airalo": the company is not part of the title.
  const at = /^(.*?\S)\s+(?:at|@)\s+([A-Z][\w&.'’ -]{1,40})$/.exec(t);
  if (at && ROLE_NOUNS.test(at[1] ?? '') && !ROLE_NOUNS.test(at[2] ?? '')) t = at[1] ?? t;
  const parts = t.split(/\s+[-–—]\s+|(?<=[A-Za-z])[–—](?=\s)/);
  while (parts.length > 1) {
    const last = (parts[parts.length - 1] ?? '').trim();
    const key = last.toLowerCase().replace(/[!.]+$/, '');
    const isCity = knownCity(key) !== null;
    // A shouted word ("URGENT", "NOW HIRING"), not a department's initials ("FP&A", "R&D").
    const isShout = /!$/.test(last) || (!ROLE_NOUNS.test(last) && /^[A-Z0-9 &]+$/.test(last) && /[A-Z]{5,}/.test(last) && !isCountryName(key));
    if (NOISE_SEGMENT.test(last) || isCity || isShout) parts.pop();
    else break;
  }
  t = parts.join(' - ').trim().replace(/^[\s"'“”*#:–—-]+|[\s"'“”*#:,;–—-]+$/g, '');
  return titleCase(t);
}

// A chat ad's opening line: "[HIRING] Junior Frontend Developer (React) – Toronto, ON",
// "Hiring: Data Analyst @ Acme | Remote", "We're hiring! Staff SRE - NYC".
// "📌 Hiring Alert: …", "• Career Opportunity | …" open a social post the same way.
const HIRING_LINE = /^\W{0,3}(?:we['’]re hiring|we are hiring|now hiring|urgent(?:ly)? hiring|hiring alert|job alert|career opportunity|job opportunity|job opening|open role|hiring)\W{0,2}?(?:\]|:|\||[-–—]|!)\s*(\S.*)$/i;
/** Separators that always end the role: a pipe, '@', ' at ', a middle dot. */
const HIRING_LINE_PARTS = /\s*\|\s*|\s+[@·]\s+|\s+at\s+/;
/** A dash inside a part may end the role ("– Toronto, ON") or continue it ("Senior Manager - Construction"). */
const DASH = /\s+[-–—]\s+|(?<=\S)[–—](?=\S)/;

/** "Toronto, ON (on-site)", "NYC", "Riyadh", "Remote": where the job is, not what it is. */
function isWhereOrHow(part: string): boolean {
  const p = part.replace(/\([^)]*\)/g, '').replace(/\\n.*$/, '').trim();
  const key = p.toLowerCase().replace(/[.!]+$/, '');
  if (p === '' || NOISE_SEGMENT.test(p) || knownCity(key) !== null || isCountryName(key) || /^[A-Z]{2,4}$/.test(p)) return true;
  const first = (key.split(',')[0] ?? '').trim();
  return knownCity(first) !== null || /,\s*[A-Z]{2,3}\b/.test(p) || /\b(?:remote|hybrid|on-?site|anywhere|worldwide)\b/i.test(p);
}

/** The role in one part of a hiring line: from its role words through the dashed words that continue it. */
function roleInPart(part: string): string | null {
  const pieces = part.split(DASH);
  const at = pieces.findIndex((p) => ROLE_NOUNS.test(p));
  if (at < 0) return null;
  let end = at + 1;
  // Only a short piece continues the role; a place, an arrangement or a long run does not.
  while (end < pieces.length && !isWhereOrHow(pieces[end] ?? '') && (pieces[end] ?? '').split(/\s+/).length <= 4 && !ROLE_NOUNS.test(pieces[end] ?? '')) end++;
  return pieces.slice(at, end).join(' - ');
}

/** The role on a chat ad's "[HIRING] …" line: the part of it that names a role. */
function hiringLineTitle(text: string): { title: string; line: string } | null {
  for (const line of linesOf(text).slice(0, 3)) {
    const m = HIRING_LINE.exec(line.text);
    // A JSON string read as text keeps its "\n": the line ends there.
    const rest = (m?.[1] ?? '').split('\\n')[0] ?? '';
    // A flattened paste runs on after the title: a part that long is not one.
    const role = rest.split(HIRING_LINE_PARTS).map(roleInPart).find((r): r is string => r !== null && r.split(/\s+/).length <= 10);
    if (role) return { title: role, line: line.text };
    // Hacker News "Who is hiring": "Acme | Senior Engineer | Denver, CO | REMOTE | $150k".
    const fields = FIELD_LINE.test(line.text) ? line.text.split(/\s*\|\s*/) : [];
    const field = fields.find((part) => ROLE_NOUNS.test(part) && part.split(/\s+/).length <= 8 && !/[$£€¥₹]\s?\d/.test(part));
    if (field) return { title: field, line: line.text };
  }
  return null;
}

/** The title named in a labelled header ("Position Title: …"), cut before the next run-on field. */
function labelledTitle(text: string): { title: string; line: string } | null {
  for (const line of linesOf(text).slice(0, 40)) {
    const m = LABELLED.exec(line.text);
    if (!m) continue;
    const value = (m[1] ?? '').split(/\t|\s{2,}|(?<=[a-z)])(?=[A-Z][A-Za-z ]{1,25}#?\s*[:：])/)[0]?.trim() ?? '';
    if (value.length >= 3 && value.length <= 100 && (ROLE_NOUNS.test(value) || value.split(/\s+/).length <= 5)) {
      return { title: value, line: line.text };
    }
  }
  return null;
}

/** Three plural roles in a comma list: a call for several roles. */
const ROLE_LIST = /\b[a-z]+(?:ers|ists|ants|ors|ects|ads)\s*,\s*(?:[a-z-]+\s+){0,3}[a-z]+(?:ers|ists|ants|ors|ects|ads)\s*,\s*(?:and\s+)?(?:[a-z-]+\s+){0,3}(?:[a-z]+(?:ers|ists|ants|ors|ects|ads)|more)\b/i;
// "Board Certified/Eligible Family Medicine Physician": the certification asked for, not the title.
const CERTIFIED_LEAD = /^(?:Board[- ]Certified(?:\s*\/\s*(?:Board[- ])?Eligible)?|BC\s*\/\s*BE)\s+/i;

// Money then "for <Title>" at the end of a pay line.
const PAY_FOR = /[$£€¥₹]\s?\d[\d,.]*\s*[kK]?.{0,60}?\bfor\s+(?:the\s+|a\s+|an\s+)?(?:role of\s+|position of\s+)?([A-Z][A-Za-z0-9.,/&()' -]{2,90}?)\s*\.?$/;

const ADJECTIVES = /^(?:(?:new|flexible|self-motivated|problem-solving|structured|solution-oriented|next|talented|experienced|motivated|passionate|strategic|skilled|driven|dynamic|highly|qualified|curious|creative|exceptional|outstanding|great|strong|hands-on|seasoned|ambitious|enthusiastic|dedicated|detail-oriented|versatile|proactive|results-driven|innovative|brilliant|savvy|world-class|top|an|a|the|our|one|two|several|multiple|and|,)\s+)+/i;

// Title phrases in prose: capitalised words ("Machine Learning Engineer, People Leader"), or a
// short lower-case phrase ending in a role noun ("a senior full-stack developer").
// Each capitalised word is taken whole (the lookahead forbids stopping inside it), so a run of
// capitals has one reading, not one per way of cutting it into words: "AAAA…A" once took
// seconds per extra letter. ([IVX]{1,3} was a second reading of the same word.)
const TITLE_WORDS = String.raw`(?:(?:[A-Z][A-Za-z0-9+#.'’/&-]*(?![A-Za-z0-9+#.'’/&-])|of|and|&|for|/|,)\s*){1,12}`;
// "The Vice President, Product Management will …", "Director X is accountable for …"
// "The Director of Demand Generation is a key leadership role …" says what the role is too.
const SUBJECT_TITLE = new RegExp(String.raw`(?:^The\s+|(?:^|[\s:])(?=[A-Z]))(${TITLE_WORDS})(?<=\S)\s+(?:will be responsible|will be the|will lead|will own|is accountable|is responsible|reports to|is an?\s+(?:[a-z-]+\s+){0,3}(?:role|position)\b)\b`);
// "About the Software Engineer, API at Headspace:", "About the Data Engineer role": a heading naming the role.
const ABOUT_ROLE = new RegExp(String.raw`^About\s+(?:the|this)\s+(${TITLE_WORDS})(?<=\S)\s*(?:(?:role|position|opportunity)\s*)?(?:\s(?:at|@)\s+[A-Z][^:]{0,60})?:?$`);
// Up to five describing words before the title: "a highly technical and innovative Learning … Specialist".
const PROSE: ReadonlyArray<RegExp> = [
  new RegExp(String.raw`\b(?:is|are|am)\s+(?:currently\s+|actively\s+|now\s+)?(?:seeking|looking for|hiring|recruiting|searching for)\s+(?:an?\s+|the\s+|our\s+)?((?:[a-z-]+\s+){0,5}${TITLE_WORDS})`),
  new RegExp(String.raw`\b(?:seeks|seeking|hiring|ha(?:s|ve) an? (?:\w+ )?opening for|looking for)\s+(?:an?\s+|the\s+|our\s+)((?:[a-z-]+\s+){0,5}${TITLE_WORDS})`),
  // A sentence that opens with the verb: "Looking for a seasoned Java/J2EE Developer Lead with …".
  new RegExp(String.raw`^(?:Currently\s+|Now\s+)?(?:Looking for|Seeking|Hiring|Searching for)\s+(?:an?\s+|the\s+|our\s+)((?:[a-z-]+\s+){0,5}${TITLE_WORDS})`),
  ABOUT_ROLE,
  SUBJECT_TITLE,
  new RegExp(String.raw`\bjoin\s+(?:us|our team|the team|[A-Z][\w&]*(?:\s[A-Z][\w&]*){0,3})\s+as\s+(?:an?\s+|the\s+|our\s+)((?:[a-z-]+\s+){0,3}${TITLE_WORDS})`),
  new RegExp(String.raw`^As\s+(?:an?|the|our)\s+(${TITLE_WORDS})`),
  /\b(?:looking for|seeking|hiring|opening for)\s+[^.]{0,80}?\b((?:[a-z][a-z-]*\s+){0,3}(?:engineer|developer|designer|scientist|analyst|manager|architect|specialist|administrator|consultant|coordinator|intern)s?)\b/,
];

const LEVEL_WORD = /^(senior|sr\.?|junior|jr\.?|lead|staff|principal|associate|entry-level|mid-level)$/i;
const RUN_TOKEN = /^(?:[A-Z][A-Za-z0-9+#.'’/&-]*,?|[IVX]{1,3},?|of|and|&|for|\/)$/;

/** Trims a prose capture to the words that make the title. */
function tidyProseTitle(raw: string, wholeRun = false): string | null {
  const words = raw.trim().split(/\s+/);
  // Capitalised words make the title ("a structured and solution-oriented Analytics Engineer").
  let start = words.findIndex((w, i) => /^[A-Z]/.test(w) && words.slice(i).every((x) => RUN_TOKEN.test(x)));
  let lower = false;
  if (start < 0) {
    // All lower case ("a senior full-stack developer"): from a level word, else the last two words.
    lower = true;
    const lvl = words.findIndex((w) => LEVEL_WORD.test(w));
    start = lvl >= 0 && words.length - lvl <= 5 ? lvl : Math.max(0, words.length - 3);
  }
  const kept = words.slice(start).map((w) => w.replace(ADJECTIVES, ''));
  // End at the last role noun (or the ladder numeral after it), so trailing context falls away.
  let end = -1;
  kept.forEach((w, i) => {
    const bare = w.replace(/[,.]$/, '');
    if (ROLE_NOUNS.test(bare) || ROLE_NOUNS.test(bare.replace(/s$/, ''))) end = i;
    else if (end === i - 1 && /^(?:[IVX]{1,3}|[1-4])$/.test(bare)) end = i;
  });
  if (end < 0) return null;
  // "Vice President, Product Management": a comma after the role noun continues the title, and
  // a title that is the sentence's subject runs to its verb.
  if (!lower && (wholeRun || /,$/.test(kept[end] ?? ''))) end = kept.length - 1;
  let t = kept.slice(0, end + 1).join(' ').replace(/[,.]$/, '').replace(ADJECTIVES, '');
  // "Data Scientists" names the job "Data Scientist".
  t = t.replace(/(engineer|developer|designer|scientist|analyst|manager|architect|specialist|consultant|coordinator|intern)s$/i, '$1');
  if (t.split(/\s+/).length > 10 || t.length < 3) return null;
  if (lower) t = t.replace(/(^|[\s/-])([a-z])/g, (_m, p: string, c: string) => p + c.toUpperCase());
  return t;
}

/** A title on a line of its own further down ("About the job … Associate AI Engineer …"). */
// A title is in title case: every long word capitalised ("Associate AI Engineer", not "Mentor a junior Data Analyst").
// A capitalised word runs to the next space ((?!\S)): cut anywhere, "AAAA…A x" had 2^n readings to try.
const TITLE_CASE = /^(?:(?:[A-Z0-9(]\S*(?!\S)|of|and|for|the|in|at|to|a|an|on|with|or|&|-|–|\/|\|)\s*)+$/;

function standaloneTitle(text: string): { title: string; line: string } | null {
  const lines = linesOf(text);
  const limit = Math.min(lines.length, 60);
  for (let i = 0; i < limit; i++) {
    const l = lines[i];
    if (!l || !looksLikeTitle(l.text) || kindOf(l.text) !== null || !TITLE_CASE.test(l.text)) continue;
    if (l.text.split(/\s+/).length > 8 || /[,;:]\s/.test(l.text) && !/^[^,]+,\s*[A-Z]/.test(l.text)) continue;
    // Its own paragraph: blank lines around it in the text.
    const before = text.slice(Math.max(0, l.start - 2), l.start);
    const after = text.slice(l.start + l.text.length, l.start + l.text.length + 3);
    if ((l.start === 0 || /\n\s*\n|^\n/.test(before) || before.includes('\n\n')) && /^\s*\n\s*\n/.test(after)) return { title: l.text, line: l.text };
  }
  return null;
}

export function extractTitle(text: string, company: string | null): Found<string | null> {
  const found0 = findTitle(text, company);
  if (found0.value === null || company === null) return found0;
  const name = company.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // "Senior Data Engineer - Acme Corp": the company riding on the title is not part of it, nor is
  // a requisition number it uncovers ("… Client Exp - 92524 - Woolworths").
  let t = found0.value.replace(new RegExp(`\\s*(?:[-–—|·@]|\\bat)\\s*${name}$`), '').trim();
  // "Anduril Industries Software Engineer": a heading that puts the employer before the role.
  t = t.replace(new RegExp(`^${name}(?:['’]s)?\\s+(?=\\S)`), '');
  const tidy = t === found0.value ? t : plausibleTitle(cleanTitle(t));
  if (tidy !== null && tidy.length > 0 && tidy !== found0.value && ROLE_NOUNS.test(tidy)) return { ...found0, value: tidy };
  return found0;
}

function findTitle(text: string, company: string | null): Found<string | null> {
  // A candidate that is no title (money, code, a heading) gives way to the next way of finding one.
  const accept = (raw: string, line: string, detail: string): Found<string | null> | null => {
    const t = plausibleTitle(cleanTitle(raw));
    return t === null ? null : found(t, line, detail);
  };
  const body = withoutOtherJobs(text);
  const block = titleBlockOf(body);
  for (const l of block.lines.slice(0, 4)) {
    const page = readPageTitle(l.text);
    if (page) { const r = accept(page.title, l.text, 'page title'); if (r) return r; }
  }
  const hiring = hiringLineTitle(body);
  if (hiring) { const r = accept(hiring.title, hiring.line, 'hiring line'); if (r) return r; }
  const labelled = labelledTitle(body);
  const line = block.lines[block.titleIndex];
  // Job boards add a "Role: Data Engineer" category under the posting's own "Senior Data
  // Engineer": the title block wins when it names the same role more fully.
  if (labelled && line && line.start < body.indexOf(labelled.line) && cleanTitle(line.text).toLowerCase().endsWith(` ${cleanTitle(labelled.title).toLowerCase()}`)) {
    { const r = accept(line.text, line.text, 'title block'); if (r) return r; }
  }
  if (labelled) { const r = accept(labelled.title, labelled.line, 'labelled header'); if (r) return r; }
  if (line) { const r = accept(line.text, line.text, 'title block'); if (r) return r; }
  // A flattened paste opens with its title in capitals: "FIELD OPERATIONS SPECIALIST– EV …".
  const first = block.lines[0];
  if (first) {
    const caps = /^([A-Z][A-Z0-9&/,. ()-]{4,80}?)(?:[–—!:]|\s-\s|\s+[A-Z][a-z])/.exec(first.text);
    if (caps && ROLE_NOUNS.test(caps[1] ?? '') && looksLikeTitle(caps[1] ?? '')) {
      { const r = accept(caps[1] ?? '', first.text, 'title in capitals at the top'); if (r) return r; }
    }
  }
  for (const l of linesOf(body)) {
    const m = PAY_FOR.exec(l.text);
    if (m && ROLE_NOUNS.test(m[1] ?? '')) { const r = accept(m[1] ?? '', l.text, 'pay line'); if (r) return r; }
  }
  // "Loomis / developer / Full job description": a lower-case role line in the header.
  const lower = block.titleIndex < 0 ? block.lines.slice(0, 3).find((l) => looksLikeLowerCaseTitle(l.text)) : undefined;
  if (lower) { const r = accept(lower.text.replace(/(^|[\s/-])([a-z])/g, (_m, p: string, c: string) => p + c.toUpperCase()), lower.text, 'lower-case title line'); if (r) return r; }
  const standalone = standaloneTitle(body);
  if (standalone) { const r = accept(standalone.title, standalone.line, 'title line'); if (r) return r; }
  for (const s of sentencesOf(body)) {
    // "the most tenacious designers, software engineers, product managers, and more": many roles, no one title.
    if (ROLE_LIST.test(s.text)) continue;
    for (const re of PROSE) {
      const m = re.exec(s.text);
      if (!m) continue;
      let t = tidyProseTitle(m[1] ?? '', re === SUBJECT_TITLE || re === ABOUT_ROLE)?.replace(CERTIFIED_LEAD, '') ?? null;
      if (t === null) continue;
      if (company !== null && t.startsWith(`${company} `)) t = t.slice(company.length + 1);
      const named = ROLE_NOUNS.test(t) ? plausibleTitle(t) : null;
      if (named !== null) return found(named, s.text, 'named in a sentence');
    }
  }
  return found(null, null, null);
}
