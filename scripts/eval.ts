/**
 * `npm run eval -- DIR`: runs extraction over a folder of labelled postings and prints accuracy
 * per field and the misses. DIR holds `labels.json` (../shared/corpus format) or
 * `expected.json` (../shared/seeds format). Text files are pastes; JSON (ATS API objects) and
 * HTML pages go through the link reader when it exists, else a minimal reader here.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { DomUtils, parseDocument } from 'htmlparser2';
import { cleanPosting } from '../src/clean/index.js';
import { extractPosting, type ExtractOptions } from '../src/extract/index.js';
import { Degree, type Posting, type StructuredFacts } from '../src/posting.js';

interface ExpectedBand {
  location: string | null;
  min: number;
  max: number | null;
  currency: string;
  period: string;
}

/** One labelled posting, in a shape both label formats map to. */
export interface Expected {
  file: string;
  titles: string[] | null;
  companies: string[] | null;
  seniority: string | null | undefined;
  track?: string | null;
  locations: string[];
  pay: ExpectedBand[] | undefined;
  sponsorship: string;
  minYears: number | null;
  degree: string | null;
  workplace: string | null | undefined;
  employmentType?: string | null;
  posted?: string | null;
  skills: string[];
}

type Json = Record<string, unknown>;
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

/** Label alternatives: the label, without its parenthetical, and names given inside it. */
function alternatives(label: string | null): string[] | null {
  if (label === null) return null;
  const out = [label, label.replace(/\s*\([^)]*\)/g, '').trim()];
  for (const m of label.matchAll(/\(([^)]*)\)/g)) {
    for (const part of (m[1] ?? '').split(';')) {
      const p = part.replace(/^\s*(body|dataset title|also|aka)\s*:\s*/i, '').trim();
      if (p.length > 1) out.push(p);
    }
  }
  return [...new Set(out)];
}

export function readLabels(dir: string): Expected[] {
  const labels = path.join(dir, 'labels.json');
  if (existsSync(labels)) {
    const raw = JSON.parse(readFileSync(labels, 'utf8')) as Json[];
    return raw.map((e) => {
      const locs = (e.locations as Json[] | undefined) ?? [];
      const remote = str(e.remote);
      return {
        file: String(e.file),
        titles: alternatives(str(e.title)),
        companies: alternatives(str(e.company)),
        seniority: str(e.level),
        locations: locs.map((l) => str(l.location)).filter((l): l is string => l !== null),
        pay: locs
          .filter((l) => num(l.min) !== null)
          .map((l) => ({ location: str(l.location), min: num(l.min) ?? 0, max: num(l.max), currency: str(l.currency) ?? '', period: str(l.period) ?? '' })),
        sponsorship: str(e.sponsorship) ?? 'unstated',
        minYears: num(e.minYears),
        degree: str(e.degree),
        workplace: remote === 'unstated' ? null : remote,
        skills: ((e.skills as unknown[] | undefined) ?? []).map(String),
      };
    });
  }
  const seeds = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Json[];
  return seeds.map((e) => {
    const level = (e.level as Json | undefined) ?? {};
    const title = str(e.title);
    return {
      file: String(e.file),
      titles: title === null ? null : [title, ...(((e.titleAlternatives as unknown[]) ?? []).map(String))],
      companies: alternatives(str(e.company)),
      seniority: str(level.seniority),
      track: str(level.track),
      locations: ((e.locations as unknown[]) ?? []).map(String),
      pay: ((e.pay as Json[]) ?? []).map((b) => ({ location: str(b.location), min: num(b.min) ?? 0, max: num(b.max), currency: str(b.currency) ?? '', period: str(b.period) ?? '' })),
      sponsorship: str(e.sponsorship) ?? 'unstated',
      minYears: num(e.minYears),
      degree: str(e.degree),
      workplace: e.workplace === undefined ? undefined : str(e.workplace),
      employmentType: e.employmentType === undefined ? undefined : str(e.employmentType),
      posted: e.posted === undefined ? undefined : str(e.posted),
      skills: ((e.skills as unknown[]) ?? []).map(String),
    };
  });
}

// ---- reading documents -------------------------------------------------------------------

const SKIP_TAGS = new Set(['script', 'style', 'noscript', 'svg', 'head', 'template', 'iframe']);
const BLOCK_TAGS = /^(p|div|li|ul|ol|h[1-6]|br|tr|section|article|header|footer|table|dd|dt|dl|blockquote|pre|main|aside|nav|hr|form|button)$/;

/** Plain text of an HTML fragment or page: block elements become lines, bullets "• ". */
export function htmlToText(html: string): string {
  const doc = parseDocument(html, { decodeEntities: true });
  const out: string[] = [];
  const walk = (nodes: ReturnType<typeof parseDocument>['children']): void => {
    for (const n of nodes) {
      if (n.type === 'text') out.push((n as unknown as { data: string }).data.replace(/\s+/g, ' '));
      else if (n.type === 'tag' || n.type === 'script' || n.type === 'style') {
        const el = n as unknown as { name: string; children: ReturnType<typeof parseDocument>['children'] };
        if (SKIP_TAGS.has(el.name)) continue;
        const block = BLOCK_TAGS.test(el.name);
        if (block) out.push('\n');
        if (el.name === 'li') out.push('• ');
        walk(el.children);
        if (block) out.push('\n');
      }
    }
  };
  walk(doc.children);
  return out.join('').replace(/[ \t]+\n/g, '\n').replace(/\n[ \t]+/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

function decodeEntities(s: string): string {
  return DomUtils.textContent(parseDocument(`<p>${s}</p>`, { decodeEntities: true }));
}

/** JSON-LD JobPosting facts of a page, when it has them. */
function jsonLdFacts(html: string): StructuredFacts {
  for (const m of html.matchAll(/<script[^>]*application\/ld\+json[^>]*>([\s\S]*?)<\/script>/gi)) {
    try {
      const data = JSON.parse(m[1] ?? '') as Json | Json[];
      const items = Array.isArray(data) ? data : [data, ...((data['@graph'] as Json[] | undefined) ?? [])];
      const job = items.find((d) => d['@type'] === 'JobPosting');
      if (!job) continue;
      const org = (job.hiringOrganization as Json | undefined) ?? {};
      return { title: str(job.title), company: str(org.name), posted: str(job.datePosted) };
    } catch {
      // A page's broken JSON-LD is its own problem; the text still reads.
    }
  }
  return {};
}

/** Lever's `lists`: an array of {text, content}, or that array printed as a Python literal. */
function leverLists(lists: unknown): string[] {
  if (Array.isArray(lists)) return lists.map((l: Json) => `${str(l.text) ?? ''}\n${htmlToText(str(l.content) ?? '')}`);
  const raw = str(lists);
  if (raw === null) return [];
  const out: string[] = [];
  // Python prints a string in double quotes when it holds a single quote.
  for (const m of raw.matchAll(/'text':\s*(['"])((?:(?!\1)[^\\]|\\.)*)\1,\s*'content':\s*(['"])((?:(?!\3)[^\\]|\\.)*)\3/g)) {
    const unescape = (x: string): string => x.replace(/\\n/g, '\n').replace(/\\'/g, "'").replace(/\\\\/g, '\\');
    out.push(`${unescape(m[2] ?? '')}\n${htmlToText(unescape(m[4] ?? ''))}`);
  }
  return out;
}

interface Doc {
  text: string;
  opts: ExtractOptions;
}

/** A minimal reader for ATS API objects (Greenhouse, Lever, Ashby) and pages. */
function readDoc(file: string): Doc {
  const raw = readFileSync(file, 'utf8');
  if (file.endsWith('.json')) {
    const j = JSON.parse(raw) as Json;
    const title = str(j.title) ?? str(j.text);
    const cats = (j.categories as Json | undefined) ?? {};
    const loc = str((j.location as Json | undefined)?.name) ?? str(j.location) ?? str(cats.location);
    // Greenhouse: HTML-escaped `content`. Lever: description, lists, additional. Ashby: descriptionHtml.
    const parts: string[] = [];
    if (str(j.content) !== null) parts.push(htmlToText(decodeEntities(str(j.content) ?? '')));
    for (const key of ['description', 'descriptionHtml']) if (str(j[key]) !== null) parts.push(htmlToText(str(j[key]) ?? ''));
    parts.push(...leverLists(j.lists));
    if (str(j.additional) !== null) parts.push(htmlToText(str(j.additional) ?? ''));
    const body = parts.join('\n\n');
    const company = str(j.company_name);
    const workplace = str(j.workplaceType);
    const salary = (j.salaryRange as Json | undefined) ?? null;
    const interval = str(salary?.interval) ?? '';
    const period = /year/.test(interval) ? 'year' : /month/.test(interval) ? 'month' : /hour/.test(interval) ? 'hour' : null;
    const smin = num(salary?.min);
    const structured: StructuredFacts = {
      title,
      company,
      locations: loc ? [loc] : [],
      workplace: workplace === 'remote' || workplace === 'hybrid' ? workplace : workplace === 'onsite' || workplace === 'on-site' ? 'onsite' : null,
      pay: smin !== null && smin > 0 && period !== null
        ? [{ location: loc, min: smin, max: num(salary?.max), currency: str(salary?.currency) ?? 'USD', period, note: null }]
        : [],
    };
    const text = [title, company, loc, '', body].filter((l) => l !== null).join('\n');
    return { text, opts: { structured, source: { kind: 'link', url: str(j.absolute_url) ?? str(j.hostedUrl) ?? str(j.jobUrl), site: null } } };
  }
  if (file.endsWith('.html') || file.endsWith('.htm')) {
    const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(raw)?.[1];
    const text = `${title ? decodeEntities(title).trim() : ''}\n\n${htmlToText(raw)}`;
    return { text, opts: { structured: jsonLdFacts(raw), source: { kind: 'link', url: null, site: null } } };
  }
  return { text: raw, opts: { source: { kind: 'paste', url: null, site: null } } };
}

type Reader = (input: string, o: { fileName: string }) => Promise<{ text: string; structured?: StructuredFacts }>;

/** The project's link reader (src/links/read.ts) when it has landed. */
async function projectReader(): Promise<Reader | null> {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const candidate = path.resolve(here, '../src/links/read.js');
  if (!existsSync(candidate)) return null;
  const mod = (await import(pathToFileURL(candidate).href)) as { readDocument?: Reader };
  return mod.readDocument ?? null;
}

export async function extractFile(file: string): Promise<Posting> {
  const reader = file.endsWith('.txt') ? null : await projectReader();
  if (reader) {
    const r = await reader(readFileSync(file, 'utf8'), { fileName: path.basename(file) });
    return extractPosting(cleanPosting(r.text).text, { structured: r.structured ?? {}, source: { kind: 'link', url: null, site: null } });
  }
  const doc = readDoc(file);
  return extractPosting(cleanPosting(doc.text).text, doc.opts);
}

// ---- comparing ---------------------------------------------------------------------------

const norm = (s: string): string =>
  s.toLowerCase().replace(/&/g, ' and ').replace(/\bsr\b\.?/g, 'senior').replace(/\bjr\b\.?/g, 'junior').replace(/[^a-z0-9+#]+/g, ' ').trim();

function nameMatches(got: string | null, alts: string[] | null): boolean {
  if (alts === null) return got === null;
  if (got === null) return false;
  const g = norm(got).replace(/^the /, '').replace(/ (inc|llc|ltd|corp|co)$/, '');
  return alts.some((a) => norm(a).replace(/^the /, '').replace(/ (inc|llc|ltd|corp|co)$/, '') === g);
}

/**
 * A company matches its label, a name the label gives, or a short form inside the label's own
 * name ("Gallo" for "E. & J. Gallo Winery", "Disney" for "The Walt Disney Company").
 */
function companyMatches(got: string | null, alts: string[] | null): boolean {
  if (nameMatches(got, alts) || got === null || alts === null) return nameMatches(got, alts);
  const g = norm(got).replace(/^the /, '');
  const main = norm(alts[1] ?? alts[0] ?? '');
  return g.length >= 4 && ` ${main} `.includes(` ${g} `);
}

const STATE_NAMES: Readonly<Record<string, string>> = { 'new york': 'ny', california: 'ca', texas: 'tx', virginia: 'va', washington: 'wa', massachusetts: 'ma', ontario: 'on', victoria: 'vic' };
const COUNTRY_WORDS = /^(united states|usa|us|united kingdom|uk|canada|australia|japan|spain|netherlands|germany|france|india|ireland|italy|south korea|korea)$/;

/** A place reduced to what a reader compares: "remote", or its city, or its country. */
export function placeKey(place: string): string {
  const p = place.toLowerCase();
  if (/\bremote\b/.test(p)) return 'remote';
  const first = (p.replace(/\([^)]*\)/g, '').split(',')[0] ?? '').replace(/\b\d{4,5}\b/g, '').replace(/\b(vic|nsw|qld|ca|ny|on|bc)\b\s*$/, '').trim();
  if (COUNTRY_WORDS.test(first)) return `country:${first === 'uk' ? 'united kingdom' : first === 'usa' || first === 'us' ? 'united states' : first}`;
  return STATE_NAMES[first] === undefined ? first : first;
}

function sameSet(a: string[], b: string[]): boolean {
  const A = new Set(a);
  const B = new Set(b);
  return A.size === B.size && [...A].every((x) => B.has(x));
}

function payMatches(got: Posting['pay'], expected: ExpectedBand[]): boolean {
  const used = new Set<number>();
  for (const e of expected) {
    const i = got.findIndex((g, k) =>
      !used.has(k) && g.min === e.min && g.max === e.max && g.currency === e.currency && g.period === e.period &&
      (g.location === null || e.location === null || placeKey(g.location) === placeKey(e.location)));
    if (i < 0) return false;
    used.add(i);
  }
  // Every band we found must be one the label names (a shared band may be listed per place).
  return got.every((g) => expected.some((e) => g.min === e.min && g.max === e.max && g.currency === e.currency && g.period === e.period));
}

const skillKey = (s: string): string => norm(s).replace(/\b(js|platform|apis?|lang)\b/g, '').replace(/\s+/g, '');
const SKILL_ALIASES: ReadonlyArray<readonly string[]> = [
  ['googlecloud', 'gcp', 'googlecloudplatform'], ['node', 'nodejs', 'node.js'], ['postgresql', 'postgres'], ['express', 'expressjs'],
];
function skillMatch(label: string, ours: string): boolean {
  const l = skillKey(label);
  const o = skillKey(ours);
  if (l === o || (o.length > 0 && norm(label).split(' ').includes(norm(ours)))) return true;
  if (norm(label).includes(norm(ours)) && norm(ours).length >= 3) return true;
  return SKILL_ALIASES.some((group) => group.includes(l) && group.includes(o));
}

export interface FieldResult {
  field: string;
  ok: boolean;
  got: unknown;
  expected: unknown;
}

export function compare(p: Posting, e: Expected): FieldResult[] {
  const out: FieldResult[] = [];
  const add = (field: string, ok: boolean, got: unknown, expected: unknown): void => {
    out.push({ field, ok, got, expected });
  };
  add('title', nameMatches(p.title, e.titles), p.title, e.titles?.[0] ?? null);
  add('company', companyMatches(p.company, e.companies), p.company, e.companies?.[0] ?? null);
  if (e.seniority !== undefined) add('level', p.level.seniority === e.seniority, p.level.seniority, e.seniority);
  if (e.track !== undefined) add('track', p.level.track === e.track, p.level.track, e.track);
  add('locations', sameSet(p.locations.map(placeKey), e.locations.map(placeKey)), p.locations, e.locations);
  if (e.pay !== undefined) add('pay', payMatches(p.pay, e.pay), p.pay.map((b) => `${b.location ?? '*'} ${b.min}-${b.max ?? ''} ${b.currency}/${b.period}`), e.pay.map((b) => `${b.location ?? '*'} ${b.min}-${b.max ?? ''} ${b.currency}/${b.period}`));
  add('sponsorship', p.sponsorship.stance === e.sponsorship, `${p.sponsorship.stance}${p.sponsorship.evidence ? ` ("${p.sponsorship.evidence.slice(0, 90)}")` : ''}`, e.sponsorship);
  add('minYears', p.requirements.minYears === e.minYears, p.requirements.minYears, e.minYears);
  if (e.degree === null || Degree.safeParse(e.degree).success) add('degree', p.requirements.degree === e.degree, p.requirements.degree, e.degree);
  if (e.workplace !== undefined) add('workplace', p.workplace === e.workplace, p.workplace, e.workplace);
  if (e.employmentType !== undefined) add('employmentType', p.employmentType === e.employmentType, p.employmentType, e.employmentType);
  if (e.posted !== undefined) add('posted', p.posted === e.posted, p.posted, e.posted);
  return out;
}

export interface SkillScore {
  found: number;
  labelled: number;
  recalled: number;
  precise: number;
}

export function scoreSkills(p: Posting, e: Expected): SkillScore {
  const ours = p.requirements.skills;
  return {
    found: ours.length,
    labelled: e.skills.length,
    recalled: e.skills.filter((l) => ours.some((o) => skillMatch(l, o))).length,
    precise: ours.filter((o) => e.skills.some((l) => skillMatch(l, o))).length,
  };
}

async function main(): Promise<void> {
  const dir = path.resolve(process.argv[2] ?? '../shared/corpus');
  const expected = readLabels(dir);
  const tally = new Map<string, { ok: number; total: number }>();
  const misses: string[] = [];
  const unscored: string[] = [];
  const skills: SkillScore = { found: 0, labelled: 0, recalled: 0, precise: 0 };
  for (const e of expected) {
    const file = path.join(dir, e.file);
    if (!existsSync(file)) {
      misses.push(`${e.file}: file missing`);
      continue;
    }
    const posting = await extractFile(file);
    for (const r of compare(posting, e)) {
      const t = tally.get(r.field) ?? { ok: 0, total: 0 };
      t.total++;
      if (r.ok) t.ok++;
      else misses.push(`${e.file} ${r.field}: got ${JSON.stringify(r.got)}, expected ${JSON.stringify(r.expected)}`);
      tally.set(r.field, t);
    }
    if (e.degree !== null && !Degree.safeParse(e.degree).success) unscored.push(`${e.file} degree: label "${e.degree}" is outside the contract's values`);
    const s = scoreSkills(posting, e);
    skills.found += s.found;
    skills.labelled += s.labelled;
    skills.recalled += s.recalled;
    skills.precise += s.precise;
  }
  const pct = (a: number, b: number): string => (b === 0 ? '  n/a' : `${((100 * a) / b).toFixed(1).padStart(5)}%`);
  console.log(`eval: ${expected.length} postings in ${dir}\n`);
  for (const [field, t] of tally) console.log(`${field.padEnd(15)} ${pct(t.ok, t.total)}  (${t.ok}/${t.total})`);
  console.log(`${'skills'.padEnd(15)} recall ${pct(skills.recalled, skills.labelled)}  precision ${pct(skills.precise, skills.found)}`);
  if (misses.length > 0) console.log(`\nmisses (${misses.length}):\n${misses.map((m) => `  ${m}`).join('\n')}`);
  if (unscored.length > 0) console.log(`\nnot scored:\n${unscored.map((m) => `  ${m}`).join('\n')}`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
