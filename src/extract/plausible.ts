import { FIELD_LABELS, KNOWN_HEADINGS } from '../clean/headings.js';
import { ROLE_NOUNS } from './tables/roles.js';

/**
 * A value must look like what it claims to be. The extractors find candidates by where they sit
 * (the line beside the title, a "Company:" field, a sentence); these checks ask what the candidate
 * is: a label, a heading, an org unit, a person, a skill, a sum of money or a piece of code is
 * no company and no title. On the card "not stated" is better than a wrong fact, so a candidate
 * that fails is dropped, never guessed at. Every check reads one short value (a title or a
 * name, a hundred characters or so): no pattern here runs over a posting.
 */

const MAX_VALUE = 200;

const lower = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim();

/** A section heading or a field label ("Role Description", "Job Family Group", "Company Description"). */
function isLabel(value: string): boolean {
  const key = lower(value).replace(/[:：]$/, '');
  if (KNOWN_HEADINGS.has(key) || FIELD_LABELS.has(key)) return true;
  return LABEL_WORDS.test(key);
}
const LABEL_WORDS = /^(?:job|role|position|company|employer|team|department)\s(?:description|summary|overview|family(?: group)?|type|category|title|details|profile|function|level|id|code)$/;

/** The part of an organisation, not the organisation: "The Data Science Department", "FI Sales Middle Office IT Team". */
const ORG_UNIT = /\s(?:department|dept\.?|team|division|unit|office|squad|practice|function)$/i;
/** A legal form keeps a name a name whatever its last word: "Acme Team Inc." */
const LEGAL_FORM = /\b(?:inc|llc|ltd|limited|corp|corporation|gmbh|ag|plc|s\.?a|b\.?v|pty|co)\.?$/i;
/** Who writes the posting, not who hires: "The Person", "Ansprechpartnerin", "Hiring Manager". */
const PERSON = /^(?:the\s)?(?:person|candidate|contact|contact person|recruiter|hiring manager|hiring team|ansprechpartner(?:in)?|kontakt|team lead|manager)$/i;
/** Short capitals that are acronyms of the trade, not employers. */
const TRADE_ACRONYMS: ReadonlySet<string> = new Set([
  'api', 'apis', 'poc', 'hr', 'it', 'qa', 'ui', 'ux', 'ai', 'ml', 'sql', 'saas', 'b2b', 'b2c', 'sla', 'kpi', 'okr', 'crm', 'erp',
  'ceo', 'cto', 'cfo', 'coo', 'vp', 'svp', 'eeo', 'eoe', 'pto', 'ote', 'fte', 'ctc', 'lpa', 'usa', 'us', 'uk', 'eu', 'emea', 'apac',
]);

/** A name said twice ("Sirion Sirion") is the name once. */
function undoubled(name: string): string {
  const words = name.split(' ');
  if (words.length % 2 !== 0) return name;
  const half = words.length / 2;
  const a = words.slice(0, half).join(' ');
  return a === words.slice(half).join(' ') ? a : name;
}

/** "LinkedIn - San Francisco Bay Area": a place or area after a dash is where, not who. */
const PLACE_TAIL = /\s[-–—|·]\s.{2,60}(?:area|region|metro(?:politan)?(?: area)?|county|province|remote|, [A-Z]{2})$/i;

/**
 * The company candidate as a name, or null when it is no company name: a label or heading, an
 * org unit, a person, a trade acronym, a sentence's pieces ("Singapore. We"), an e-mail
 * header ("X-MS-Has-Attach"), a phrase ("One of Brisbane").
 */
export function plausibleCompany(raw: string): string | null {
  if (raw.length > MAX_VALUE) return null;
  let name = undoubled(raw.trim().replace(/\s+/g, ' '));
  name = name.replace(PLACE_TAIL, '').trim();
  if (name === '' || isLabel(name) || PERSON.test(name)) return null;
  if (ORG_UNIT.test(name) && !LEGAL_FORM.test(name)) return null;
  const key = name.toLowerCase();
  // Languages and frameworks are refused where votes are counted (company.ts); tools can be employers (Databricks).
  if (TRADE_ACRONYMS.has(key)) return null;
  // Pieces of two sentences, a header line of an e-mail, a phrase that starts like prose.
  // "Singapore. We" ends one sentence and starts another; "St. Brigid's" and "Pvt. Ltd." abbreviate.
  if (/\p{L}{5}[.!?]\s|[.!?]\s(?:We|Our|You|They|The|This|It)\b/u.test(name) || /^X-[A-Z][A-Za-z]*-/.test(name) || /^(?:one|some|many|all|each|any) of\b/i.test(name)) return null;
  return name;
}

/** Labels and wrappers around a title: "Job Title …", "Job Description for …", "[Remoto] …". */
const TITLE_LEAD = /^(?:job title|position title|job description for|job posting for|vacancy|opening|position|role)\s*[:\-–—]?\s+/i;
const BRACKET_TAG = /^\[[^\]]{1,30}\]\s*/;
const MARKDOWN_LINK = /^\[([^\]]{3,150})\]\([^)\s]{1,500}\)$/;
/** A requisition number or a word that only says "this is a job" at the end: "… - 92524", "… Position". */
const TITLE_TAIL = /(?:\s[-–—#]\s?(?:req(?:uisition)?\s?)?#?[A-Z]{0,4}\d{3,}|\s(?:position|opening|vacancy|job opening|dummy jd))$/i;
const ENTITIES: Readonly<Record<string, string>> = { '&amp;': '&', '&#8211;': '–', '&#8212;': '—', '&ndash;': '–', '&mdash;': '—', '&#038;': '&', '&#39;': "'", '&quot;': '"' };

/**
 * The title candidate as a title, or null when it is none: money ("$150,000-180,000"), code
 * ('url = "/thoughts/…'), a heading. Labels, bracket tags, a markdown link's target, HTML
 * entities and a trailing requisition number are taken off what remains.
 */
export function plausibleTitle(raw: string | null): string | null {
  if (raw === null || raw.length > MAX_VALUE) return raw === null ? null : null;
  let t = raw.trim().replace(/&(?:amp|#8211|#8212|ndash|mdash|#038|#39|quot);/g, (e) => ENTITIES[e] ?? e);
  const link = MARKDOWN_LINK.exec(t);
  if (link) t = link[1] ?? t;
  for (let i = 0; i < 3 && BRACKET_TAG.test(t); i++) t = t.replace(BRACKET_TAG, '');
  t = t.replace(TITLE_LEAD, '').replace(TITLE_TAIL, '').trim();
  // "Αγορά Εργασίας – Java Developer": a site's words before a dash, the role after it.
  const dash = t.split(/\s[–—]\s/);
  if (dash.length === 2 && !ROLE_NOUNS.test(dash[0] ?? '') && ROLE_NOUNS.test(dash[1] ?? '')) t = (dash[1] ?? '').trim();
  if (t.length < 2) return null;
  if (/^[\s$€£¥₹\d.,kK–—-]+$/.test(t) || /^[$€£¥₹]\s?\d/.test(t)) return null;
  if (/[={}<>]|^[a-z_]+\s*=|"\/|https?:\/\//.test(t)) return null;
  if (isLabel(t)) return null;
  return t;
}
