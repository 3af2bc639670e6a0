import type { StructuredFacts } from '../posting.js';
import { ROLE_NOUNS } from '../extract/tables/roles.js';
import {
  compactFacts, composeText, countryName, formatPlace, formatPostedDate, isRecord, levelFromLabel, mapEmploymentType, mapPayPeriod, mapWorkplace, payBand,
  str, type ReadResult,
} from './facts.js';
import { htmlToText, looksLikeHtml, unescapeHtml } from './html.js';

/**
 * A job record as scrapers and job APIs write it (JSearch, RemoteOK, Naukri, JustJoin.it, an
 * app's own export, Indeed's embedded page model): no site reader knows its shape, but its keys
 * say what each value is. Keys are compared without case, '_' or '-' ("job_title", "jobTitle",
 * "JobTitle" are one key), and looked for breadth-first, so a record nested in a wrapper
 * ({ data: { job: … } }) is read too. Facts read here win over the text; the description, with
 * its HTML made text, is what the cleaning reads.
 */

/** Key names by what they hold, strongest first. */
const KEYS = {
  title: ['jobtitle', 'title', 'position', 'positionname', 'jobname', 'designation', 'jobposition', 'roletitle'],
  /** Weaker: scrapers fill "role" with the search keyword; taken only when it names a job. */
  role: ['role', 'jobrole', 'name'],
  company: ['employername', 'companyname', 'company', 'employer', 'organization', 'organisation', 'hiringorganization', 'hiringcompany', 'companyinfo', 'advertiser'],
  location: ['joblocation', 'formattedlocation', 'location', 'locations', 'joblocations', 'candidaterequiredlocation', 'locationname', 'city', 'address', 'addresstext'],
  city: ['jobcity', 'city'],
  region: ['jobstate', 'state', 'region', 'province'],
  country: ['jobcountry', 'country', 'countrycode'],
  remote: ['jobisremote', 'isremote', 'remote', 'remoteok', 'fullyremote'],
  workplace: ['workplacetype', 'workmode', 'remotetype', 'locationtype', 'worktype', 'workarrangement'],
  employment: ['jobemploymenttype', 'employmenttype', 'jobtype', 'employmenttypes', 'contracttype', 'type', 'jobtypes'],
  salaryMin: ['jobminsalary', 'salarymin', 'minsalary', 'minimumsalary', 'salaryfrom', 'compensationmin', 'payfrom', 'minpay', 'minamount'],
  salaryMax: ['jobmaxsalary', 'salarymax', 'maxsalary', 'maximumsalary', 'salaryto', 'compensationmax', 'payto', 'maxpay', 'maxamount'],
  currency: ['jobsalarycurrency', 'salarycurrency', 'currency', 'compensationcurrency'],
  period: ['jobsalaryperiod', 'salaryperiod', 'salaryinterval', 'payperiod', 'salaryunit', 'salarytype', 'interval'],
  salaryText: ['salary', 'salaryrange', 'compensation', 'pay', 'salarytext', 'ctc', 'package'],
  experience: ['experience', 'experiencelevel', 'jobrequiredexperience', 'yearsofexperience', 'experiencerequired'],
  posted: ['jobpostedatdatetimeutc', 'dateposted', 'posteddate', 'postedat', 'publishedat', 'publicationdate', 'createddate', 'createdat', 'posted', 'date'],
  description: [
    'jobdescription', 'descriptionhtml', 'description', 'sanitizedjobdescription', 'descriptionplain', 'jobdescriptionhtml',
    'content', 'body', 'posttext', 'jobinfo', 'details', 'jobdetails', 'text', 'summary', 'snippet',
  ],
  skills: ['skills', 'tagsandskills', 'jobskills', 'requiredskills', 'keyskills'],
} as const;

type Field = keyof typeof KEYS;
const DESCRIPTION_KEYS: ReadonlySet<string> = new Set(KEYS.description);

const keyOf = (k: string): string => k.toLowerCase().replace(/[^a-z0-9]/g, '');

const KNOWN_KEYS: ReadonlyMap<string, Field> = new Map(
  (Object.entries(KEYS) as [Field, readonly string[]][]).flatMap(([field, names]) => names.map((n) => [n, field] as const)),
);

/** What a record's key (or a table's column name) holds, if it is one of the names above: "job_title" → title. */
export function recordFieldOf(name: string): Field | undefined {
  return KNOWN_KEYS.get(keyOf(name));
}
const MAX_DEPTH = 5;
const MAX_NODES = 2_000;

/** The first value for each field, breadth-first over the record's objects. */
function collect(root: Record<string, unknown>): Map<Field, unknown> {
  const wanted = new Map<string, Field[]>();
  for (const [field, names] of Object.entries(KEYS) as [Field, readonly string[]][]) {
    for (const n of names) wanted.set(n, [...(wanted.get(n) ?? []), field]);
  }
  const out = new Map<Field, { value: unknown; rank: number }>();
  let level: unknown[] = [root];
  let nodes = 0;
  for (let depth = 0; depth < MAX_DEPTH && level.length > 0 && nodes < MAX_NODES; depth++) {
    const next: unknown[] = [];
    for (const node of level) {
      if (++nodes > MAX_NODES) break;
      if (!isRecord(node)) continue;
      for (const [k, v] of Object.entries(node)) {
        const key = keyOf(k);
        for (const field of wanted.get(key) ?? []) {
          const rank = KEYS[field].indexOf(key as never);
          const had = out.get(field);
          if (isEmpty(v)) continue;
          // Shallower keys win; at one depth, the stronger name.
          if (had === undefined || (had.rank > rank && depth === 0)) out.set(field, { value: v, rank });
        }
        // Wrappers and nested models ("jobInfoWrapperModel", "data") are read one level down; a
        // description's own parts ({ title: 'Basic Qualifications', points }) are its text, not facts.
        if (DESCRIPTION_KEYS.has(key)) continue;
        if (isRecord(v)) next.push(v);
        else if (Array.isArray(v) && v.length > 0 && v.length <= 3 && isRecord(v[0]) && !/jobs|similar|related|recommend/i.test(k)) next.push(v[0]);
      }
    }
    level = next;
  }
  return new Map([...out].map(([f, { value }]) => [f, literal(value)]));
}

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}

/**
 * Some scrapers store a list or object as its Python repr ("[{'type': 'location', 'label': 'Pune'}]"):
 * read it as data when it parses as JSON once its quotes and constants are JSON's.
 */
function literal(v: unknown): unknown {
  if (typeof v !== 'string' || !/^\s*[[{]/.test(v) || v.length > 200_000) return v;
  try {
    return JSON.parse(v);
  } catch {
    if (v.includes('"')) return v;
    try {
      return JSON.parse(v.replace(/'/g, '"').replace(/\bTrue\b/g, 'true').replace(/\bFalse\b/g, 'false').replace(/\bNone\b/g, 'null'));
    } catch {
      return v;
    }
  }
}

/** Text from a value that may be a string, a name object ({ name }), or a list of either. */
function textOf(v: unknown): string | null {
  if (typeof v === 'string' || typeof v === 'number') return str(v);
  if (isRecord(v)) return str(v.name) ?? str(v.label) ?? str(v.title) ?? str(v.text) ?? str(v.value);
  return null;
}

function listOf(v: unknown): unknown[] {
  return Array.isArray(v) ? v : v === undefined ? [] : [v];
}

/** HTML (or entity-escaped HTML) as text; plain text as it is. */
export function descriptionText(raw: string): string {
  let s = raw;
  if (/&lt;\/?[a-z]/i.test(s)) s = unescapeHtml(s);
  return looksLikeHtml(s) ? htmlToText(s) : s;
}

/** A description that is a list of sections ({ title, text: [...] }) or paragraphs, as text. */
function descriptionOf(v: unknown, depth = 0): string | null {
  if (depth > 4) return null;
  if (typeof v === 'string') return descriptionText(v);
  if (Array.isArray(v)) return v.map((x) => descriptionOf(x, depth + 1)).filter(Boolean).join('\n') || null;
  if (isRecord(v)) {
    const parts: string[] = [];
    for (const [k, x] of Object.entries(v)) {
      const text = descriptionOf(x, depth + 1);
      if (text === null) continue;
      // A section's own name ("title": "Job summary") heads its text.
      parts.push(/^(title|heading|name)$/i.test(k) && typeof x === 'string' ? `${x}:` : text);
    }
    return parts.join('\n') || null;
  }
  return null;
}

/** Places as the record gives them: a string, a list, { city, region, country }, or Naukri-style labelled placeholders. */
function placesOf(fields: Map<Field, unknown>): string[] {
  const out: string[] = [];
  for (const v of listOf(fields.get('location'))) {
    if (typeof v === 'string') out.push(...v.split(/\s*[;|]\s*/).map((p) => p.trim()).filter(Boolean));
    else if (isRecord(v)) {
      const place = formatPlace(str(v.city) ?? str(v.name), str(v.state) ?? str(v.region), str(v.country) ?? str(v.countryCode));
      if (place) out.push(place);
    }
  }
  if (out.length === 0) {
    const city = textOf(fields.get('city'));
    if (city) out.push(formatPlace(city, textOf(fields.get('region')), textOf(fields.get('country'))) ?? city);
  }
  return out.map((p) => p.replace(/^([^,]+?)\s+-\s+([A-Z][a-z]+(?: [A-Z][a-z]+)*)$/, '$1, $2'));
}

/** Labelled placeholders (Naukri: [{ type: 'location', label: 'Pune' }, …]) as field → label. */
function placeholders(root: Record<string, unknown>): Map<string, string> {
  const out = new Map<string, string>();
  const list = literal(root.placeholders);
  if (!Array.isArray(list)) return out;
  for (const p of list) if (isRecord(p) && typeof p.type === 'string' && typeof p.label === 'string') out.set(p.type.toLowerCase(), p.label);
  return out;
}

function workplaceOf(fields: Map<Field, unknown>): StructuredFacts['workplace'] {
  const remote = fields.get('remote');
  // A table's cells are text: "True", "TRUE", "1".
  if (remote === true || remote === 1 || (typeof remote === 'string' && /^(?:true|yes|1)$/i.test(remote.trim()))) return 'remote';
  const w = textOf(fields.get('workplace'));
  if (w === null) return null;
  if (/work from office|in[- ]office|on[- ]?site/i.test(w)) return 'onsite';
  if (/work from home|remote/i.test(w)) return /hybrid/i.test(w) ? 'hybrid' : 'remote';
  return mapWorkplace(w);
}

/** A title the record gives, when it reads as one (a scraper's search keyword does not). */
function titleOf(fields: Map<Field, unknown>): string | null {
  const title = textOf(fields.get('title'));
  if (title !== null && title.length <= 150) return withoutOpenParenthesis(title);
  const role = textOf(fields.get('role'));
  return role !== null && role.length <= 150 && ROLE_NOUNS.test(role) ? withoutOpenParenthesis(role) : null;
}

/** "JavaScript Developer ( Corp to Corp": a field cut short keeps what stands before its open bracket. */
function withoutOpenParenthesis(title: string): string {
  const open = title.lastIndexOf('(');
  return open > 0 && !title.includes(')', open) ? title.slice(0, open).trim() : title;
}

/** "Multiple Companies", "Confidential": what a scraper writes when it has no name. */
const NO_NAME = /^(?:multiple companies|various|confidential|n\/?a|none|null|unknown|not specified|company|employer)$/i;



function payOf(fields: Map<Field, unknown>, places: readonly string[]): StructuredFacts['pay'] {
  const period = mapPayPeriod(textOf(fields.get('period')));
  const currency = textOf(fields.get('currency'));
  const place = places.length === 1 ? places[0] ?? null : null;
  const band = payBand(fields.get('salaryMin'), fields.get('salaryMax'), currency, period, place);
  if (band) return [band];
  // Naukri and others: "salary": { "min": 475000, "max": 750000, "currency": "INR", "period": "Per Annum" }.
  // A card listing several cities gives its one band for each of them, as the card collapses them.
  const salary = fields.get('salaryText');
  if (isRecord(salary)) {
    const b = payBand(salary.min ?? salary.from ?? salary.minimum, salary.max ?? salary.to ?? salary.maximum, salary.currency ?? currency,
      mapPayPeriod(textOf(salary.period) ?? textOf(salary.unit) ?? textOf(salary.interval)) ?? period, place);
    if (b) return places.length > 1 ? places.map((location) => ({ ...b, location })) : [b];
  }
  // JustJoin.it: employment_types: [{ type, salary: { from, to, currency } }].
  for (const e of listOf(fields.get('employment'))) {
    const salary = isRecord(e) && isRecord(e.salary) ? e.salary : null;
    const b = salary ? payBand(salary.from, salary.to, salary.currency, mapPayPeriod(textOf(salary.period) ?? textOf(isRecord(e) ? e.unit : null)), null) : null;
    if (b) return [b];
  }
  return [];
}

/** A range of years given as data ({ "min": 2, "max": 7, "unit": "years" }) as the words the years reader knows. */
function yearsOf(v: unknown): string | null {
  if (!isRecord(v) || typeof v.min !== 'number' || !/^(?:years?|yrs?)?$/i.test(String(v.unit ?? ''))) return null;
  return typeof v.max === 'number' && v.max > v.min ? `${v.min}-${v.max} years` : `${v.min}+ years`;
}

function employmentOf(fields: Map<Field, unknown>): StructuredFacts['employmentType'] {
  for (const e of listOf(fields.get('employment'))) {
    const t = mapEmploymentType(isRecord(e) ? (e.type ?? e.name) : e);
    if (t) return t;
  }
  return null;
}

/** Whether a parsed JSON value reads as one job record: a job title and a description or a company. */
export function recognizeRecord(json: unknown): boolean {
  const root = recordIn(json);
  if (root === null) return false;
  const fields = collect(root);
  const post = Object.keys(root).find((k) => keyOf(k) === 'posttext');
  if (post !== undefined && typeof root[post] === 'string') return true;
  return titleOf(fields) !== null && (fields.has('description') || fields.has('company'));
}

function recordIn(json: unknown): Record<string, unknown> | null {
  if (isRecord(json)) return json;
  if (Array.isArray(json) && json.length >= 1 && isRecord(json[0])) return json[0];
  return null;
}

/** A job record (see the module comment) as a posting, or null when it is no job record. */
export function readRecord(json: unknown): ReadResult | null {
  const root = recordIn(json);
  if (root === null) return null;
  const fields = collect(root);
  // A social post's scraper fills company, role and place from its own search ("matched_target",
  // "role": "Planning Position"), not from the post: the post alone is the posting.
  const post = Object.keys(root).find((k) => keyOf(k) === 'posttext');
  const postText = post === undefined ? null : str(root[post]);
  if (postText !== null && postText.trim().length > 0) return { text: descriptionText(postText), structured: {}, site: null };
  const title = titleOf(fields);
  if (title === null || !(fields.has('description') || fields.has('company'))) return null;
  const labelled = placeholders(root);
  const body = descriptionOf(fields.get('description'));
  let locations = placesOf(fields);
  if (locations.length === 0 && labelled.has('location')) locations = (labelled.get('location') ?? '').split(/\s*,\s*/).filter(Boolean);
  const workplace = workplaceOf(fields);
  // A remote role's record names the company's office as its city: the role's place is remote.
  const country = textOf(fields.get('country'));
  if (workplace === 'remote' && !locations.some((l) => /remote/i.test(l))) locations = [country ? `Remote (${countryName(country) ?? country})` : 'Remote'];
  const company = textOf(fields.get('company'));
  // "experience_level": "mid" is the record's own level; "2-5 Yrs" goes to the text below.
  const experienceWords = textOf(fields.get('experience'));
  const level = experienceWords !== null && !/\d/.test(experienceWords) ? levelFromLabel(experienceWords) : undefined;
  const facts = compactFacts({
    title,
    ...(level ? { level } : {}),
    company: company !== null && !NO_NAME.test(company) ? company : null,
    locations,
    workplace,
    employmentType: employmentOf(fields),
    pay: payOf(fields, locations),
    posted: formatPostedDate(fields.get('posted')),
  });
  // Values given as words go to the text, where the extractors read them like a header's fields.
  const salaryField = fields.get('salaryText');
  const salary = (isRecord(salaryField) ? null : textOf(salaryField)) ?? labelled.get('salary') ?? null;
  const experience = yearsOf(fields.get('experience')) ?? textOf(fields.get('experience')) ?? labelled.get('experience') ?? null;
  const skills = listOf(fields.get('skills')).map(textOf).filter((s): s is string => s !== null).join(', ');
  const header = [
    salary && !/not disclosed/i.test(salary) && !facts.pay ? `Salary: ${salary}` : null,
    experience && level === undefined ? `Experience: ${experience}` : null,
    skills ? `Skills: ${skills}` : null,
  ].filter(Boolean).join('\n');
  return { text: composeText(facts, [header, body]), structured: facts, site: null };
}
