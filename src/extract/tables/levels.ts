import type { Seniority, Track } from '../../posting.js';

export interface LevelRule {
  pattern: RegExp;
  seniority: Seniority;
  track: Track;
}

/**
 * Level words in a title, strongest first: the first rule that matches decides, so
 * "Sr. Mgr" is senior-manager before "Sr." is senior, and "Senior Staff" is staff.
 * `MANAGER` names a people manager; IC "manager" jobs (product, project, account) are
 * removed from the title before these rules run (see IC_MANAGER_JOBS).
 */
const MANAGER = String.raw`(?:manager|mgr|management)(?![A-Za-z])`;
export const TITLE_LEVELS: readonly LevelRule[] = [
  { pattern: /\b(intern|internship|co-?op|apprentice(ship)?|trainee|working student|werkstudent(in)?|stagiaire|summer student|praktikant(in)?|becari[oa]|practicante|estagi[aá]ri[oa]|alternant(e)?)(?![\p{L}])|인턴|实习/iu, seniority: 'intern', track: 'ic' },
  { pattern: /\b(s?e?vp|avp|vice[- ]president)\b/i, seniority: 'vp', track: 'manager' },
  { pattern: /\b(chief [a-z ]{0,30}officer|c[teiofd]o|ceo|cto|cfo|coo|cio|cpo|president)\b/i, seniority: 'executive', track: 'manager' },
  { pattern: /\b((senior|sr\.?|associate|executive|managing|group) )?director\b|\bhead of\b/i, seniority: 'director', track: 'manager' },
  { pattern: new RegExp(String.raw`\b(?:senior|sr)\b\.?[\w .,/&-]{0,40}?\b${MANAGER}|\b${MANAGER}\.?\s*(?:ii|2|iii|3)\b|\bgeneral ${MANAGER}`, 'i'), seniority: 'senior-manager', track: 'manager' },
  { pattern: new RegExp(String.raw`\b${MANAGER}|\b(people leader|team leader|supervisor)\b`, 'i'), seniority: 'manager', track: 'manager' },
  { pattern: /\b(distinguished|fellow|principal)\b/i, seniority: 'principal', track: 'ic' },
  // "Member of Technical Staff" is a company's name for every engineer, not the staff rung.
  { pattern: /(?<!technical )\b((senior|sr)\.? )?staff\b(?! accountant| nurse| writer| assistant)/i, seniority: 'staff', track: 'ic' },
  { pattern: /\b((senior|sr)\.? )?(tech(nical)? )?lead\b/i, seniority: 'lead', track: 'ic' },
  // "Pleno" and "Semi Senior" are Brazil's and Latin America's middle rung, before "Senior" can match.
  { pattern: /\b(pleno|semi[- ]?s[eê]nior|ssr)(?![\p{L}\d])/iu, seniority: 'mid', track: 'ic' },
  { pattern: /\b(senior|s[eê]nior|sr\.?|snr\.?|expert|experienced)(?=[\s,/)-]|$)/i, seniority: 'senior', track: 'ic' },
  { pattern: /\b(mid[- ]?level|mid|intermediate|medior)\b/i, seniority: 'mid', track: 'ic' },
  { pattern: /\b(junior|j[uú]nior|jr\.?|associate|entry[- ]level|entry|new grad(uate)?|graduate|early[- ]career)(?=[\s,/)-]|$)/i, seniority: 'entry', track: 'ic' },
];

/**
 * Numbered ladders: "Engineer II", "Developer 2", "SDE III", "L5", "E5", "IC4". The numeral
 * must follow a role noun (or be a ladder code) so "Windows 11" or "Section 2" never count.
 */
export interface LadderRule {
  pattern: RegExp;
  /** Seniority by rung number. */
  rungs: Readonly<Record<number, Seniority>>;
}
const ROMAN: Readonly<Record<string, number>> = { i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6 };
export function rungOf(token: string): number | null {
  const t = token.toLowerCase();
  if (/^\d$/.test(t)) return Number(t);
  return ROMAN[t] ?? null;
}
const ROLE_THEN_RUNG = /\b(?:engineer|developer|scientist|analyst|specialist|administrator|architect|programmer|designer|consultant|technician|researcher|associate|representative|accountant|coordinator)\s+(i{1,3}|iv|v|vi|[1-6])\b(?![.,]\d)/i;
/** A Roman rung II–VI after any word of a title ("Executive Secretary II", "Nurse III"); "I" alone needs a role noun. */
const WORD_THEN_ROMAN = /\b[A-Za-z]{3,}\s+(ii|iii|iv|v|vi)\b(?![.,]?\d)(?!\s*[-–]\s*[A-Z]{2,}\b)/i;
export const LADDERS: readonly LadderRule[] = [
  // Amazon-style SDE ladder: SDE III is senior.
  { pattern: /\bsde[\s-]?(i{1,3}|[1-3])\b/i, rungs: { 1: 'entry', 2: 'mid', 3: 'senior' } },
  // Big-tech level codes: L3/E3 entry … L7/E7 principal.
  { pattern: /\b[LE]([3-8])\b/, rungs: { 3: 'entry', 4: 'mid', 5: 'senior', 6: 'staff', 7: 'principal', 8: 'principal' } },
  { pattern: /\bIC([1-6])\b/, rungs: { 1: 'entry', 2: 'entry', 3: 'mid', 4: 'senior', 5: 'staff', 6: 'principal' } },
  // Title ladders: I entry, II and III mid (III is the middle of most five-rung ladders), IV senior, V staff.
  { pattern: ROLE_THEN_RUNG, rungs: { 1: 'entry', 2: 'mid', 3: 'mid', 4: 'senior', 5: 'staff', 6: 'principal' } },
  { pattern: WORD_THEN_ROMAN, rungs: { 2: 'mid', 3: 'mid', 4: 'senior', 5: 'staff', 6: 'principal' } },
];

/**
 * "Manager" jobs that are individual-contributor roles: their "manager" names the job, not
 * a team to manage. Removed from the title before the level rules run.
 */
export const IC_MANAGER_JOBS = /\b(?:(product|program|programme|project|account|accounts|case|relationship|customer success|community|territory|content|partner|category|brand|campaign|release|delivery|property|office|social media)\s+(manager|mgr\.?|management)|management\s+(accountant|accounting|consultant|analyst|trainee|information systems|scientist|associate))\b/gi;

/**
 * Pay grades that place a role when its title has no level word: US federal GS grades
 * ("GS 12 - 13", "GS-0301-09"): the lowest grade offered decides.
 */
export const PAY_GRADE = /\b(?:GS|GG|GL)[- ]?(?:\d{4}[- ])?(\d{1,2})\b(?!\s*(?:%|years?))/;
export function seniorityFromGrade(grade: number): Seniority | null {
  if (grade < 1 || grade > 15) return null;
  if (grade <= 7) return 'entry';
  if (grade <= 12) return 'mid';
  return 'senior';
}

/** Text (not title) phrases that put the role on the manager track. */
export const MANAGER_TRACK_PHRASES = /\b(people leader|people manager|manage a team of|managing a team of|lead a team of \d+|direct reports?|line manage(ment|r)?|manage and grow (a|the) team|hire and develop|build and lead (a|the) team|responsible for (hiring|managing) (a |the )?team|performance reviews for)\b/i;

/** A higher level named in the same sentence: "from early-career engineers to senior and staff-level" is a range, not entry. */
export const HIGHER_LEVEL_TOO = /\b(?:senior|staff[- ]level|staff engineers?|principal|for those with (?:more )?experience|all (?:experience )?levels|range of (?:experience )?levels|mid[- ]level)\b/i;

/** Text phrases that mark an entry-level role when the title has no level word. */
export const ENTRY_TEXT = /\b(entry[- ]level|new grad(uate)?s?\b|recent (college )?graduates?|early[- ]career|just entering the workforce|no (prior )?experience (is )?(required|necessary)|graduate program(me)?)\b/i;

/**
 * The values a source's own level field takes (LinkedIn's and SmartRecruiters' "Mid-Senior
 * level", Brazilian boards' "Nível: Pleno", "Experience level: Entry"), by the word they lead
 * with once " level" is off. Only whole values count: "Experience level: 1 year" is no level.
 */
export const CRITERIA_SENIORITY: ReadonlyArray<readonly [RegExp, Seniority]> = [
  [/^(?:intern(?:ship)?|student|trainee|working student|werkstudent(?:in)?|est[aá]gio|estagi[aá]ri[oa]|pr[aá]cticas|praktikum|stage|stagiaire|apprentice(?:ship)?)$/i, 'intern'],
  [/^(?:entry|entry[- ]level|junior|j[uú]nior|jr\.?|associate|graduate|new grad(?:uate)?|early[- ]career|beginner|d[ée]butant|einsteiger|berufseinsteiger)$/i, 'entry'],
  [/^(?:mid|mid[- ]level|intermediate|medior|pleno|semi[- ]?s[eê]nior|ssr|experienced|professional)$/i, 'mid'],
  [/^(?:mid[- ]senior|senior|s[eê]nior|sr\.?|expert|specialist|especialista)$/i, 'senior'],
  [/^staff$/i, 'staff'],
  [/^principal$/i, 'principal'],
  [/^(?:lead|team lead|tech lead)$/i, 'lead'],
  [/^(?:manager|management)$/i, 'manager'],
  [/^senior manager$/i, 'senior-manager'],
  [/^director$/i, 'director'],
  [/^(?:vp|vice president)$/i, 'vp'],
  [/^(?:executive|c-level)$/i, 'executive'],
];

const RANK: readonly Seniority[] = ['intern', 'entry', 'mid', 'senior', 'staff', 'principal', 'lead', 'manager', 'senior-manager', 'director', 'vp', 'executive'];

/** A criteria value as a seniority ("Mid-Senior level" → senior), or null when it names none. */
export function seniorityOfCriterion(value: string): Seniority | null {
  const word = value.trim().replace(/^[-•*▪●◦]\s*/, '').replace(/\s*\([^)]*\)/g, '').replace(/[\s-]+level$/i, '').replace(/[.:]$/, '').trim();
  return CRITERIA_SENIORITY.find(([re]) => re.test(word))?.[1] ?? null;
}

/** The lower of two levels: a field listing "Pleno" and "Sênior" is open from the lower one. */
export function lowerSeniority(a: Seniority, b: Seniority): Seniority {
  return RANK.indexOf(a) <= RANK.indexOf(b) ? a : b;
}

/**
 * Wording that puts the role among students: they must be studying now ("Laufendes Studium",
 * "currently in your final year of university studies"), or the job is a placement or working-student job.
 */
export const INTERN_TEXT = /\b(?:currently (?:enrolled|studying|pursuing (?:a|an|your) (?:bachelor|master|degree|undergraduate|university))|(?:in )?(?:your |the )?final year of (?:your )?(?:university|undergraduate|bachelor|degree|studies|study)|final[- ]year (?:student|undergraduate)s?|laufende[sn]? (?:studium|bachelor|master)|immatrikuliert|eingeschrieben(?:e|er)? student|working student|werkstudent(?:in)?|(?:industrial|summer|sandwich|year[- ]long|12[- ]month) placement|placement (?:year|student)s?)\b/i;

/** Years of required experience → seniority, when nothing else says. */
export function seniorityFromYears(years: number): Seniority {
  if (years <= 1) return 'entry';
  if (years <= 5) return 'mid';
  return 'senior';
}
