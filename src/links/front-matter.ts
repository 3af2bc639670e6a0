import type { StructuredFacts } from '../posting.js';
import { ROLE_NOUNS } from '../extract/tables/roles.js';
import { cleanTitle } from '../extract/title.js';
import { compactFacts, type ReadResult } from './facts.js';

/**
 * A Markdown page's front matter: the YAML ('---') or TOML ('+++') block that static-site
 * generators, job-board mirrors and scrapers put above the text ("title: '[Remoto] Back-end
 * Developer @ CESAR - Vaga de Emprego'", "company: wabcon"). Its keys say what each value is,
 * so the title and company are read from there, as a record's are; the text stays as it is for
 * the other fields. A blog post's front matter also has a title ("¿Buscas nuevos desafíos…?"):
 * a title is taken only when the block says it is about a job (a company key, a job word in its
 * slug, tags or type) and the title reads as one, never a question or a headline.
 */

const OPEN = /^\s*(---|\+\+\+)[ \t]*\r?\n/;
const MAX_BLOCK = 6_000;
/** `key: value` (YAML) or `key = value` (TOML); a flattened block holds several on one line. */
const PAIR = /(?:^|[ \t])([A-Za-z_][\w-]{0,30})[ \t]*(?::|=)[ \t]+("(?:[^"\\\n]|\\.){0,400}"|'(?:[^'\n]|''){0,400}'|[^\n]*?)(?=[ \t]+[A-Za-z_][\w-]{0,30}[ \t]*(?::|=)[ \t]|[ \t]*$)/gm;
const JOB_WORDS = /\b(?:jobs?|vagas?|emplois?|empleos?|stellen(?:angebot)?|hiring|recrut\w*|recruit\w*|vacanc\w*|offre d['’]emploi)\b/i;

/** The block's keys and values (first value of each key, quotes taken off), or null when there is no block. */
export function frontMatterOf(text: string): { pairs: Map<string, string>; end: number } | null {
  const open = OPEN.exec(text);
  if (!open) return null;
  const fence = open[1] ?? '---';
  const start = open[0].length;
  const close = text.slice(start, start + MAX_BLOCK).search(new RegExp(`^\\s*${fence === '+++' ? '\\+\\+\\+' : '---'}[ \\t]*$`, 'm'));
  if (close < 0) return null;
  const block = text.slice(start, start + close);
  const pairs = new Map<string, string>();
  for (const m of block.matchAll(PAIR)) {
    const key = (m[1] ?? '').toLowerCase().replace(/[-_]/g, '');
    let value = (m[2] ?? '').trim();
    if (/^(["']).*\1$/s.test(value)) value = value.slice(1, -1).replace(/''/g, "'").replace(/\\"/g, '"');
    if (!pairs.has(key) && value.length > 0) pairs.set(key, value);
  }
  return { pairs, end: start + close };
}

// A page title's site name: "… - Vaga de Emprego", "… | Jobs", "… - Stellenangebot".
const SITE_TAIL = /\s+[-–—|]\s+(?:vaga de emprego|vagas?|offre d['’]emploi|oferta de (?:empleo|trabajo)|stellenangebot|job(?: post| offer| opening)?|jobs|careers?)\s*$/i;
// "[Remoto] …", "[100% Remote] …": the board's tags before the title.
const TAGS = /^(?:\[[^\]]{1,30}\]\s*)+/;
// "À la recherche de développeurs", "Wir suchen …", "Buscamos …", "We're hiring: …": the ad's words before the role.
const LEAD = /^(?:à la recherche d[e'’]\s*|nous recherchons\s+|on recrute\s+|wir suchen\s+(?:dich als\s+|eine?n?\s+)?|buscamos\s+|estamos buscando\s+|procuramos\s+|we(?:['’]re| are) hiring:?\s+|hiring:?\s+|looking for\s+(?:an?\s+)?)/i;
// "T @ C", and a job board's "T at C" / Portuguese "T na C" / French "T chez C" / German "T bei C".
const AT_COMPANY = /^(.+?)\s+(?:@|at|na|no|chez|bei)\s+([A-ZÀ-Þ0-9][^@]{1,60})$/;
// Pay in parentheses riding on a title: "(R$ 18.000,00)", "($120k)".
const PAY_PAREN = /\s*\((?:R\$|[$€£₹]|USD|EUR|GBP|BRL)\s?\d[^)]{0,40}\)/g;

/** The front matter's title as a job title and the company it names, or nulls. */
export function titleFromFrontMatter(raw: string, isJobRecord = false): { title: string | null; company: string | null } {
  let t = raw.replace(SITE_TAIL, '').replace(TAGS, '').replace(PAY_PAREN, '').trim();
  t = t.replace(LEAD, '').trim();
  let company: string | null = null;
  const at = AT_COMPANY.exec(t);
  // '@' says "at" whatever the language; a word ("at", "na", "bei") only after a role.
  if (at && (/\s@\s/.test(t) || ROLE_NOUNS.test(at[1] ?? '')) && !ROLE_NOUNS.test(at[2] ?? '')) {
    t = (at[1] ?? '').trim();
    company = (at[2] ?? '').replace(SITE_TAIL, '').trim();
  }
  // Pay, hours, place and arrangement riding on it ("Buchhalter:in in Berlin Süd 40.000 - 50.000, hybrid").
  if (!/[?!¿¡]/.test(t)) t = cleanTitle(t);
  // A question, an exclamation or a headline is a blog post's title, not a job's.
  const words = t.split(/\s+/).length;
  // A job record's own title key (one with a company key beside it) is trusted as records' are.
  if (t.length < 2 || /[?!¿¡]/.test(t) || words > 14 || (!isJobRecord && !ROLE_NOUNS.test(t) && words > 5)) return { title: null, company };
  return { title: t, company };
}

/** A paste that opens with front matter about a job, read into its title and company. */
export function readFrontMatter(text: string): ReadResult | null {
  const fm = frontMatterOf(text);
  if (fm === null) return null;
  const { pairs } = fm;
  const raw = pairs.get('title') ?? pairs.get('jobtitle') ?? pairs.get('position') ?? null;
  const companyKey = pairs.get('company') ?? pairs.get('companyname') ?? pairs.get('employer') ?? null;
  const about = ['slug', 'tags', 'categories', 'category', 'type', 'layout', 'url', 'permalink', 'sourceurl', 'title', 'description'].map((k) => pairs.get(k) ?? '').join(' ');
  if (companyKey === null && !JOB_WORDS.test(about.replace(/[-_/]/g, ' '))) return null;
  const fromTitle = raw === null ? { title: null, company: null } : titleFromFrontMatter(raw, companyKey !== null);
  const facts: StructuredFacts = compactFacts({ title: fromTitle.title, company: companyKey ?? fromTitle.company });
  if (!facts.title && !facts.company) return null;
  return { text, structured: facts, site: null };
}
