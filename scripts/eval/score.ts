/**
 * Scoring one Posting against its label, field by field, the way a job seeker reads the card:
 * a field is right, left blank ("not stated" shown while the posting says it), or confidently
 * wrong (a value shown, and wrong). The last is the one that costs trust, so it is counted
 * apart.
 */
import { Degree, type Posting } from '../../src/posting.js';
import type { Expected, ExpectedBand } from './labels.js';

export type Outcome = 'right' | 'blank' | 'wrong';

export interface FieldResult {
  field: string;
  outcome: Outcome;
  got: unknown;
  expected: unknown;
}

/** The fields a card shows; a card needs no correction when every one of them is right. */
export const CARD_FIELDS = ['title', 'company', 'level', 'locations', 'workplace', 'pay', 'sponsorship', 'minYears', 'degree'] as const;

// ---- comparing values ------------------------------------------------------------------

const norm = (s: string): string =>
  s.toLowerCase().replace(/&/g, ' and ').replace(/\bsr\b\.?/g, 'senior').replace(/\bjr\b\.?/g, 'junior').replace(/[^a-z0-9+#]+/g, ' ').trim();

const nameKey = (s: string): string => norm(s).replace(/^the /, '').replace(/ (inc|llc|ltd|corp|co)$/, '');

function nameMatches(got: string | null, alts: string[] | null): boolean {
  if (alts === null) return got === null;
  if (got === null) return false;
  const g = nameKey(got);
  return alts.some((a) => nameKey(a) === g);
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

const COUNTRY_WORDS = /^(united states|usa|us|united kingdom|uk|canada|australia|japan|spain|netherlands|germany|france|india|ireland|italy|south korea|korea)$/;

/** A place reduced to what a reader compares: "remote", or its city, or its country. */
export function placeKey(place: string): string {
  const p = place.toLowerCase();
  if (/\bremote\b/.test(p)) return 'remote';
  const first = (p.replace(/\([^)]*\)/g, '').split(',')[0] ?? '').replace(/\b\d{4,5}\b/g, '').replace(/\b(vic|nsw|qld|ca|ny|on|bc)\b\s*$/, '').trim();
  if (COUNTRY_WORDS.test(first)) return `country:${first === 'uk' ? 'united kingdom' : first === 'usa' || first === 'us' ? 'united states' : first}`;
  return first;
}

function sameSet(a: string[], b: string[]): boolean {
  const A = new Set(a);
  const B = new Set(b);
  return A.size === B.size && [...A].every((x) => B.has(x));
}

const sameAmounts = (g: Posting['pay'][number], e: ExpectedBand): boolean =>
  g.min === e.min && g.max === e.max && g.currency === e.currency && g.period === e.period;

/** Every labelled band found (at its place when both name one), and no band the label lacks. */
export function payMatches(got: Posting['pay'], expected: ExpectedBand[]): boolean {
  const used = new Set<number>();
  for (const e of expected) {
    const i = got.findIndex((g, k) =>
      !used.has(k) && sameAmounts(g, e) && (g.location === null || e.location === null || placeKey(g.location) === placeKey(e.location)));
    if (i < 0) return false;
    used.add(i);
  }
  // A shared band may be listed once per place, so extra copies of a labelled band are fine.
  return got.every((g) => expected.some((e) => sameAmounts(g, e)));
}

// ---- outcomes --------------------------------------------------------------------------

/** What the card shows when it has nothing for a field: the field is then "left blank". */
const BLANK: Readonly<Record<string, (p: Posting) => boolean>> = {
  title: (p) => p.title === null,
  company: (p) => p.company === null,
  level: (p) => p.level.seniority === null,
  track: (p) => p.level.track === null,
  locations: (p) => p.locations.length === 0,
  pay: (p) => p.pay.length === 0,
  sponsorship: (p) => p.sponsorship.stance === 'unstated',
  minYears: (p) => p.requirements.minYears === null,
  degree: (p) => p.requirements.degree === null,
  workplace: (p) => p.workplace === null,
  employmentType: (p) => p.employmentType === null,
  posted: (p) => p.posted === null,
};

export function outcomeOf(field: string, ok: boolean, p: Posting): Outcome {
  if (ok) return 'right';
  return BLANK[field]?.(p) === true ? 'blank' : 'wrong';
}

const showBand = (b: { location: string | null; min: number; max: number | null; currency: string; period: string }): string =>
  `${b.location ?? '*'} ${b.min}-${b.max ?? ''} ${b.currency}/${b.period}`;

/** Every scored field of one posting. Fields a label format does not carry are not scored. */
export function compare(p: Posting, e: Expected): FieldResult[] {
  const out: FieldResult[] = [];
  const add = (field: string, ok: boolean, got: unknown, expected: unknown): void => {
    out.push({ field, outcome: outcomeOf(field, ok, p), got, expected });
  };
  add('title', nameMatches(p.title, e.titles), p.title, e.titles?.[0] ?? null);
  add('company', companyMatches(p.company, e.companies), p.company, e.companies?.[0] ?? null);
  if (e.seniority !== undefined) add('level', p.level.seniority === e.seniority, p.level.seniority, e.seniority);
  if (e.track !== undefined) add('track', p.level.track === e.track, p.level.track, e.track);
  add('locations', sameSet(p.locations.map(placeKey), e.locations.map(placeKey)), p.locations, e.locations);
  if (e.workplace !== undefined) add('workplace', p.workplace === e.workplace, p.workplace, e.workplace);
  if (e.pay !== undefined) add('pay', payMatches(p.pay, e.pay), p.pay.map(showBand), e.pay.map(showBand));
  add('sponsorship', p.sponsorship.stance === e.sponsorship, `${p.sponsorship.stance}${p.sponsorship.evidence ? ` ("${p.sponsorship.evidence.slice(0, 90)}")` : ''}`, e.sponsorship);
  add('minYears', p.requirements.minYears === e.minYears, p.requirements.minYears, e.minYears);
  if (e.degree === null || Degree.safeParse(e.degree).success) add('degree', p.requirements.degree === e.degree, p.requirements.degree, e.degree);
  if (e.employmentType !== undefined) add('employmentType', p.employmentType === e.employmentType, p.employmentType, e.employmentType);
  if (e.posted !== undefined) add('posted', p.posted === e.posted, p.posted, e.posted);
  return out;
}

/** True when every card field the label scores came out right. */
export function needsNoCorrection(results: FieldResult[]): boolean {
  const card: readonly string[] = CARD_FIELDS;
  return results.filter((r) => card.includes(r.field)).every((r) => r.outcome === 'right');
}

// ---- skills ----------------------------------------------------------------------------

export interface SkillScore {
  found: number;
  labelled: number;
  recalled: number;
  precise: number;
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

export function scoreSkills(p: Posting, e: Expected): SkillScore {
  const ours = p.requirements.skills;
  return {
    found: ours.length,
    labelled: e.skills.length,
    recalled: e.skills.filter((l) => ours.some((o) => skillMatch(l, o))).length,
    precise: ours.filter((o) => e.skills.some((l) => skillMatch(l, o))).length,
  };
}

// ---- totals ----------------------------------------------------------------------------

export interface FieldTally {
  right: number;
  blank: number;
  wrong: number;
}

export interface Summary {
  postings: number;
  fields: Map<string, FieldTally>;
  /** Postings whose card fields are all right. */
  noCorrection: number;
  skills: SkillScore;
}

export function emptySummary(): Summary {
  return { postings: 0, fields: new Map(), noCorrection: 0, skills: { found: 0, labelled: 0, recalled: 0, precise: 0 } };
}

/** Adds one posting's results to the totals. */
export function tallyPosting(summary: Summary, results: FieldResult[], skills: SkillScore): void {
  summary.postings++;
  for (const r of results) {
    const t = summary.fields.get(r.field) ?? { right: 0, blank: 0, wrong: 0 };
    t[r.outcome]++;
    summary.fields.set(r.field, t);
  }
  if (needsNoCorrection(results)) summary.noCorrection++;
  summary.skills.found += skills.found;
  summary.skills.labelled += skills.labelled;
  summary.skills.recalled += skills.recalled;
  summary.skills.precise += skills.precise;
}

/** Confidently wrong fields over all scored fields. */
export function confidentlyWrong(summary: Summary): { wrong: number; total: number } {
  let wrong = 0;
  let total = 0;
  for (const t of summary.fields.values()) {
    wrong += t.wrong;
    total += t.right + t.blank + t.wrong;
  }
  return { wrong, total };
}
