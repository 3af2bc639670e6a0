import type { Degree } from '../posting.js';
import { found, type Found } from './found.js';
import { optionalNear, sectionAt, sectionsOf, sentencesOf, withoutOtherJobs, linesOf, type Section } from './text.js';

/**
 * Requirements: the years and degree the role requires (preferred ones don't count) and the
 * basic / preferred qualification lines. The named technologies are in skills.ts.
 */

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, twenty: 20,
};
const NUM = String.raw`(\d{1,2}|${Object.keys(NUMBER_WORDS).join('|')})`;
// "3-5 years", "3 to 5 years", "5+ years", "at least 8 years", "five (5) years", "3–10+ years".
const YEARS = new RegExp(
  String.raw`(?<![\d.,$£€<])${NUM}(?:\s*\(\d{1,2}\))?\s*(?:(?:\+|plus)\s*)?(?:(?:-|–|—|to)\s*${NUM}\s*(?:\+\s*)?)?(?:\+\s*)?(?:or more\s+|or greater\s+)?(?:years?|yrs?)(?:['’]s?)?(?![a-z])`,
  'gi',
);
// What follows "N years" when it is experience: "of experience", "in backend", "building …".
const EXPERIENCE_AFTER = /^\s*(?:['’]s?\s*)?(?:of\s+|in\s+|as\s+|with\s+|working|on-the-job|hands-on|professional|industry|relevant|related|progressive|proven|full[- ]time|practical|work\b|technical|prior|previous|direct|demonstrated|combined|total|solid|commercial|production|post|experience|exp\b|building|developing|designing|leading|managing|programming|doing|writing|delivering|coding|using|\(|\)|of\b|\+|or more|minimum|required|\.|,|$)/i;
// Not experience: ages, company history, durations of programs or contracts.
const NOT_EXPERIENCE = /^\s*(?:in\s+)?(of age|old\b|ago\b|in business|of (our )?history|warranty|guarantee|term\b|rotations?\b|vesting|cliff|of service to)/i;
// "for 25 years" is company history; "looking for 4+ years" is a requirement.
const NOT_BEFORE = /\b((?<!looking |seeking |searching |asking |ask |need |needs |require |requires )for|over the|over|past|last|next|within|every|after|nearly|almost|than|under|since|up to|in the)\s*$/i;
const MINIMUM_BEFORE = /\b(at least|minimum( of)?|min\.?|more than|over|no less than|a minimum of)\s*$/i;

export interface YearsHit {
  years: number;
  line: string;
}

function numberOf(token: string): number | null {
  const n = NUMBER_WORDS[token.toLowerCase()];
  if (n !== undefined) return n;
  const v = Number(token);
  return Number.isFinite(v) ? v : null;
}

// Sections whose years are not requirements: company blurbs, benefits, pay.
const SKIP_KINDS = new Set(['preferred', 'benefits', 'about', 'pay', 'fields']);
// Indeed's structured answers: "Python: 3 years (Required)" / "(Preferred)".
// Korean and Japanese: "경력 9년 이상", "3年以上の経験".
const CJK_YEARS = /(\d{1,2})\s*(?:년|年)\s*(?:이상|以上)/g;
const INDEED_FIELD = /:\s*(\d{1,2})\+?\s*years?\s*\((required|preferred)\)/gi;
// German, French, Spanish, Portuguese and Dutch: "mindestens 5 Jahre Berufserfahrung",
// "3 ans d'expérience minimum", "5 años de experiencia", "3 jaar ervaring".
const FOREIGN_YEARS = /(\d{1,2})\s*(?:\+\s*)?(?:(?:-|–|bis|à|a)\s*)?(?:\d{1,2}\s*)?(?:jahre?n?|ans|années|años|anos|jaar)\s+(?:(?:an|de|mit)\s+|d['’]\s*)?(?:[\wäöüéè-]+\s+){0,2}?(?:[\wäöü]*erfahrung|exp[ée]riences?|experiencia|experiência|ervaring|werkervaring)/gi;
// "N years <domain> experience": the word experience within a few words, in the same clause.
const DOMAIN_EXPERIENCE_AFTER = /^[^.;:,()]{0,45}?\bexp(?:erience|\.)?\b/i;
// "no equivalen a 5 años de experiencia": a figure the sentence denies.
const NEGATED_BEFORE = /\b(?:no|not|nicht|pas|não)\b[^.]{0,25}$/i;
const GUIDANCE = /\b(?:orientativ\w*|a t[ií]tulo orientativo|as a (?:rough )?guide|indicativ\w+ only)\b/i;
// A figure offered instead of a degree ("or 7 years of experience in lieu of a degree") is no minimum.
const INSTEAD_OF_DEGREE = /\b(in lieu of|instead of|in place of|as a substitute for|substitut\w* for)\b/i;

/** Every "N years" of required experience, with its sentence. */
export function requiredYears(text: string, sections: readonly Section[]): YearsHit[] {
  const hits: YearsHit[] = [];
  for (const s of sentencesOf(text)) {
    if (!/years?|yrs?|년|年|jahre|ans\b|années|años|anos|jaar/i.test(s.text)) continue;
    // "Orientativamente … entre 5 y 10 años": a guide, not a requirement.
    if (GUIDANCE.test(s.text)) continue;
    for (const m of s.text.matchAll(CJK_YEARS)) {
      if (!optionalNear(s.text, m.index, m[0].length)) hits.push({ years: Number(m[1]), line: s.text });
    }
    for (const m of s.text.matchAll(FOREIGN_YEARS)) {
      const section = sectionAt(sections, s.start + m.index);
      if (section && SKIP_KINDS.has(section.kind)) continue;
      if (NEGATED_BEFORE.test(s.text.slice(Math.max(0, m.index - 30), m.index))) continue;
      if (!optionalNear(s.text, m.index, m[0].length) && Number(m[1]) <= 40) hits.push({ years: Number(m[1]), line: s.text });
    }
    for (const m of s.text.matchAll(INDEED_FIELD)) {
      if ((m[2] ?? '').toLowerCase() === 'required') hits.push({ years: Number(m[1]), line: s.text });
    }
    if (INDEED_FIELD.test(s.text)) continue;
    for (const m of s.text.matchAll(YEARS)) {
      const idx = m.index;
      // Flattened pastes run sections together: judge the section where the figure sits.
      const section = sectionAt(sections, s.start + idx);
      if (section && SKIP_KINDS.has(section.kind)) continue;
      const before = s.text.slice(Math.max(0, idx - 30), idx);
      const after = s.text.slice(idx + m[0].length, idx + m[0].length + 60);
      if (NOT_BEFORE.test(before) && !MINIMUM_BEFORE.test(before)) continue;
      if (/less than\s*$|(?:<|&lt;)\s*$|under\s*$/i.test(before)) continue;
      // "3 years testing or other development experience": the experience named a few words on.
      if (!EXPERIENCE_AFTER.test(after) && !/experience|exp\b/i.test(before) && !DOMAIN_EXPERIENCE_AFTER.test(after)) continue;
      // "0-5 years of relevant experience" spans freshers to mid-level: no minimum. A narrow
      // "0-2 years" still says the role is entry-level (0), as the shared corpus reads it.
      if (/^(?:0|zero)$/i.test(m[1] ?? '') && m[2] !== undefined && (numberOf(m[2]) ?? 0) >= 4) continue;
      if (NOT_EXPERIENCE.test(after.slice(0, 30)) || /\b(founded|anniversary|established)\b/i.test(before)) continue;
      if (INSTEAD_OF_DEGREE.test(after.slice(0, 50))) continue;
      // A requirement marked optional where it is stated ("… is a plus") does not count.
      if (optionalNear(s.text, idx, m[0].length)) continue;
      const a = numberOf(m[1] ?? '');
      if (a === null || a > 40) continue;
      hits.push({ years: a, line: s.text });
    }
  }
  return hits;
}

// "Software Engineer II: 2+ years …" / "Software Engineer III: 5+ years …": a posting hiring at
// several levels states one requirement per level; the lowest level's is the minimum.
const LEVEL_LED = /^([A-Z][\w .&/-]{0,60}?\b(?:I{1,3}|IV|V|[1-5]|Senior|Sr\.?|Junior|Jr\.?|Staff|Principal|Lead|Associate|Mid(?:-level)?|Entry(?:-level)?))\s*[:–—-]\s/;

export function extractMinYears(text: string): Found<number | null> {
  const body = withoutOtherJobs(text);
  const all = requiredYears(body, sectionsOf(body));
  if (all.length === 0) return found(null, null, null);
  const levelLed = all.filter((h) => LEVEL_LED.test(h.line));
  const levels = new Set(levelLed.map((h) => LEVEL_LED.exec(h.line)?.[1]?.toLowerCase()));
  let hits = all;
  if (levels.size >= 2) {
    const lowest = levelLed.reduce((a, b) => (b.years < a.years ? b : a));
    hits = [...all.filter((h) => !LEVEL_LED.test(h.line)), lowest];
  }
  const best = hits.reduce((a, b) => (b.years > a.years ? b : a));
  return found(best.years, best.line, hits.length > 1 ? `largest of ${hits.length} required figures` : 'required experience');
}

const DEGREES: ReadonlyArray<readonly [RegExp, Degree]> = [
  [/\bassociate['’]?s?(?:['’]s)?\s+(?:degree|of (?:arts|science|applied))|\bassociates? degree|\bassociate['’]?s?\b(?=\s*(?:or|\/)\s*(?:bachelor|higher))/i, 'associate'],
  [/\b(?:A\.A\.S?|A\.S)\.?(?=\s|,)/, 'associate'],
  [/\bbac\s*\+\s*2\b|\bassociate degree in nursing\b|\(ADN\)/i, 'associate'],
  [/\bbac\s*\+\s*5\b/i, 'master'],
  // Tertiary (AU/NZ), German "abgeschlossenes Studium" / "Hochschulabschluss", French Bac+3/4 and licence,
  // Spanish "título profesional" / "licenciatura", Portuguese "graduação", Italian "laurea".
  [/\btertiary (?:qualification|degree|education)\b|\babgeschlossene[sn]?\s+(?:\S+\s+)?(?:hochschul)?studium\b|\bhochschulabschluss\b|\bbac\s*\+\s*[34]\b|\blicence\b|\bt[íi]tulo (?:profesional|universitario)\b|\blicenciatura\b|\bgrado universitario\b|\bgradua[çc][ãa]o\b|\blaurea(?: triennale)?\b/i, 'bachelor'],
  // "undergraduate or graduate degree": the undergraduate one qualifies.
  [/\bundergraduate\b(?=\s+(?:or|and|\/)\s+(?:post)?graduate\b)/i, 'bachelor'],
  // "Masters (MCA/MTech) or BE in CS", "BE/B.Tech": BE only beside other degree names.
  [/\b(?:Masters?|M\.?Tech|MCA|M\.?Sc|MS)\b[^.;]{0,20}?\s(?:or|\/)\s*BE\b|\bBE\s*(?:\/|or)\s*(?:B\.?Tech|M\.?Tech|Masters?|MCA|B\.?Sc)\b|\bBE\s+in\s+[A-Z]/, 'bachelor'],
  // "Degree in Electrical Engineering …", "A degree in Computer Science", "Any Engineering degree".
  [/^\W{0,3}(?:an?\s+)?(?:university\s+|college\s+|relevant\s+|tertiary\s+)?degree\s+(?:in|from)\b|\b(?:engineering|technical|STEM|computer science)\s+degree\b/i, 'bachelor'],
  [/\b[Aa]ny\s+(?:[A-Z][\w&]*\s+){1,2}degree\b/, 'bachelor'],
  // Indian usage: a "graduate" holds a bachelor's ("Graduate in any stream", "Any Graduate").
  [/\bgraduat(?:e|ion) in any (?:stream|discipline|field|specialization)\b|\bany graduate\b/i, 'bachelor'],
  [/\b[Aa]n?\s+(?:university\s+|college\s+|relevant\s+|technical\s+)?degree\s+in\s+[A-Z]/, 'bachelor'],
  [/\bbachelor['’]?s?\b|\bbachelors\b|\bundergraduate degree\b|\b(?:4|four)[- ]year (?:college |university )?degree\b|\buniversity degree\b|\bcollege degree\b|\bbaccalaureate\b|\b2[:.][12] (?:degree|honours)|\b(?:first[- ]class|honours|hons) degree\b/i, 'bachelor'],
  [/\b(?:B\.?S\.?c?|B\.?A\.?|B\.?Eng|B\.?Tech|B\.?E\.)(?=[\s,/)]|$)(?![\s]*(?:Office|Excel|Word))|\b(?:BA|BS)\s*\/\s*(?:BA|BS|MS|MA)\b/, 'bachelor'],
  [/\bmaster['’]?s?\b(?!\s+(?:data|service|agreement|file|class|key))|\bmasters\b|\bgraduate degree\b|\bpostgraduate\b/i, 'master'],
  [/\b(?:M\.?S\.?c?|M\.?A\.?|M\.?Eng|MBA|M\.?Tech)(?=[\s,/)]|$)(?![\s]*(?:Office|Excel|Word|SQL|Teams|Project|Access|Azure|Dynamics))/, 'master'],
  [/\bph\.?\s?d\b|\bdoctor(?:ate|al)\b|\b(?:MD|DO)\s*(?:\/|or)\s*(?:MD|DO)\b|\bM\.D\.|\bD\.O\./i, 'phd'],
];
// A person's own degrees ("He holds a Bachelor of Engineering from VNIT"): a biography, not a requirement.
const SOMEONES_DEGREE = /\b(?:he|she|our (?:founder|co-?founder|ceo|cto)|(?:co-?)?founder)\s+(?:holds|has|earned|received|completed|graduated)\b/i;
const DEGREE_ORDER: readonly Degree[] = ['associate', 'bachelor', 'master', 'phd'];
// A degree mentioned as something the applicant is still studying for is not a requirement.
const STUDYING = /\b(current(ly)? (?:a |an )?(?:student|enrolled|pursuing)|pursuing an?|enrolled in|working towards|rising (junior|senior))\b/i;
// Degree words that sit near a degree claim without being one ("Master data", "MS Office").
const DEGREE_CONTEXT = /\b(b\.?tech|m\.?tech|mca|tertiary|studium|hochschul\w*|bac\s*\+|licence|t[íi]tulo|licenciatura|grado|gradua[çc][ãa]o|laurea|adn|degree|diploma|in (?:computer|engineering|math|statistics|science|a (?:related|quantitative|technical) field|cs\b|stem|economics|physics|business)|or equivalent|or higher|required|education|qualification|graduate)\b|\b(?:BA|BS|MS|MA)\s*\/|\/\s*(?:BA|BS|MS|MA)\b|ph\.?\s?d|bachelor|master['’]s|mba\b|md\b/i;

export function extractDegree(text: string): Found<Degree | null> {
  const body = withoutOtherJobs(text);
  const sections = sectionsOf(body);
  let best: { degree: Degree; line: string } | null = null;
  for (const s of sentencesOf(body)) {
    if (STUDYING.test(s.text) && !/\bgraduat(e|ing) (in|by|with)\b/i.test(s.text)) continue;
    if (SOMEONES_DEGREE.test(s.text)) continue;
    if (!DEGREE_CONTEXT.test(s.text)) continue;
    for (const [re, degree] of DEGREES) {
      const m = re.exec(s.text);
      const section = m === null ? undefined : sectionAt(sections, s.start + m.index);
      if (section && SKIP_KINDS.has(section.kind)) continue;
      if (m === null || optionalNear(s.text, m.index, m[0].length) || /^\s*\(preferred\)/i.test(s.text.slice(m.index + m[0].length, m.index + m[0].length + 40).replace(/^[^()]*/, ''))) continue;
      if (best === null || DEGREE_ORDER.indexOf(degree) < DEGREE_ORDER.indexOf(best.degree)) best = { degree, line: s.text };
      break;
    }
  }
  return best === null ? found(null, null, null) : found(best.degree, best.line, 'lowest degree that qualifies');
}

const BULLET = /^[•\-–*▪●◦·]\s*/;

const INNER_BULLET = /\s+[•▪●◦]\s+/;
/** Page chrome and upsell that sit among the requirements of a copied page. */
const CLUTTER = /^(?:show (?:more|less)|see (?:more|less|how you compare)|apply(?: now)?|save|easy apply|try premium|reactivate premium|get hired faster|\d+ applicants?|promoted|actively recruiting|am i a good fit|tailor my resume|retry premium)\b/i;
// A cut-off piece of a sentence: ends on a joining word ("… Preferred and") or starts mid-sentence.
const DANGLING_END = /\b(?:and|or|with|of|in|to|the|a|an|for|from|by|at|as|including)\s*$|[,:(/&-]\s*$/i;

/**
 * Header fields that sit among the requirements of a flattened page: the job's facts, not what
 * it asks ("Location: Jaipur. Notice Period: …"), and labels answered no ("Direct Reports: No",
 * "US Citizenship Required: No"), which ask nothing.
 */
const JOB_FACT_FIELD = /^(?:(?:work )?location|notice period|direct reports|job type|employment type|salary|pay|compensation|shift|schedule|department|reports to|work ?mode|start date|duration|openings|job id|req(?:uisition)? (?:id|number)|posted|closing date|industry|job function|category)\s*[:：]/i;
const ANSWERED_NO = /^[A-Z][\w/&'’.-]*(?:\s+[\w/&'’.-]+){0,4}\s*[:：?]\s*(?:no|none|n\/a|not (?:required|applicable))\.?$/i;

function isClutterOrFragment(line: string): boolean {
  if (CLUTTER.test(line) || JOB_FACT_FIELD.test(line) || ANSWERED_NO.test(line)) return true;
  if (DANGLING_END.test(line)) return true;
  // "5 experience in a clinical setting": a figure whose unit was cut away.
  return /^\d+\+?\s+(?!years?\b|yrs?\b|\+|%|or\b|to\b|-)[a-z]/.test(line) && !/\byears?\b/i.test(line);
}

/** The qualification lines under basic and preferred headings, cleaned of bullets. */
export function qualificationLines(text: string): { basic: string[]; preferred: string[] } {
  const body = withoutOtherJobs(text);
  const sections = sectionsOf(body);
  const basic: string[] = [];
  const preferred: string[] = [];
  for (const l of linesOf(body)) {
    const section = sectionAt(sections, l.start);
    if (!section || (section.kind !== 'basic' && section.kind !== 'preferred')) continue;
    if (l.start === section.start) continue;
    // Glued bullets ("Python • SQL • 3+ years of AWS") are separate requirements.
    for (const piece of l.text.split(INNER_BULLET)) {
      const line = piece.replace(BULLET, '').trim();
      if (line.length < 3 || line.length > 400 || isClutterOrFragment(line)) continue;
      (section.kind === 'basic' ? basic : preferred).push(line);
    }
  }
  return { basic, preferred };
}
