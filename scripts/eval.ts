/**
 * `npm run eval -- DIR`: runs extraction over a folder of labelled postings and prints accuracy
 * per field and the misses. DIR holds `labels.json` (../shared/corpus format) or
 * `expected.json` (../shared/seeds format). Text files are pastes; JSON (ATS API objects) and
 * HTML pages go through the link reader (src/links/read.ts), as links do in the bot.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { cleanPosting } from '../src/clean/index.js';
import { extractPosting } from '../src/extract/index.js';
import { readDocument } from '../src/links/read.js';
import { Degree, type Posting } from '../src/posting.js';

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

/** A labelled file as a Posting: pastes as they are, pages and API answers through the link reader. */
export function extractFile(file: string): Posting {
  const raw = readFileSync(file, 'utf8');
  if (file.endsWith('.txt')) return extractPosting(cleanPosting(raw).text, { source: { kind: 'paste', url: null, site: null } });
  const read = readDocument(raw, { fileName: path.basename(file) });
  return extractPosting(cleanPosting(read.text).text, { structured: read.structured, source: { kind: 'link', url: null, site: read.site } });
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
    const posting = extractFile(file);
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
