import type { Level, Seniority } from '../posting.js';
import { found, type Found } from './found.js';
import {
  ENTRY_TEXT, HIGHER_LEVEL_TOO, IC_MANAGER_JOBS, INTERN_TEXT, LADDERS, MANAGER_TRACK_PHRASES, PAY_GRADE, TITLE_LEVELS, rungOf, seniorityFromGrade,
  seniorityFromYears,
} from './tables/levels.js';
import { linesOf, sectionAt, sectionsOf, sentencesOf, withoutOtherJobs } from './text.js';

/**
 * Seniority and track. The title decides first (table TITLE_LEVELS, then numbered ladders);
 * a source's criteria ("Seniority level: Internship") fill in when the title says nothing;
 * then entry-level wording, then the required years (0–1 entry, 2–5 mid, 6+ senior).
 * "People leader", "manage a team of", "direct reports" in the duties put the role on the
 * manager track.
 */

// "Senior / Staff", "Mid/Senior": the first named level is the one the posting leads with.
const LEVEL_ALTERNATIVES = /\b(senior|sr\.?|staff|principal|mid|junior|jr\.?|lead|intermediate)\s*\/\s*(?:senior|sr\.?|staff|principal|mid|junior|jr\.?|lead|intermediate)\b/i;

interface TitleLevel {
  seniority: Seniority;
  track: Level['track'];
  label: string;
}

export function levelFromTitle(title: string): TitleLevel | null {
  const t = title.replace(LEVEL_ALTERNATIVES, '$1');
  // "Product Manager" names a job; it says nothing about managing people.
  const stripped = t.replace(IC_MANAGER_JOBS, ' ');
  for (const rule of TITLE_LEVELS) {
    const m = rule.pattern.exec(stripped);
    if (!m) continue;
    if (rule.seniority === 'mid' || rule.seniority === 'entry') {
      const ladder = ladderOf(stripped);
      if (ladder) return ladder;
    }
    return { seniority: rule.seniority, track: rule.track, label: m[0].trim() };
  }
  return ladderOf(stripped);
}

function ladderOf(title: string): TitleLevel | null {
  for (const l of LADDERS) {
    const m = l.pattern.exec(title);
    if (!m) continue;
    const rung = rungOf(m[1] ?? '');
    const seniority = rung === null ? undefined : l.rungs[rung];
    if (seniority) return { seniority, track: 'ic', label: m[0].trim() };
  }
  return null;
}

export interface LevelInputs {
  title: string | null;
  /** The line the title was read from (provenance must quote the text). */
  titleLine: string | null;
  text: string;
  minYears: number | null;
  /** A source's own seniority ("Seniority level" criteria), used when the title says nothing. */
  criteria: { seniority: Seniority; label: string; line: string | null } | null;
  internship: boolean;
}

export function extractLevel(inp: LevelInputs): Found<Level> {
  const body = withoutOtherJobs(inp.text);
  const managerLine = managerTrackLine(body);
  const withTrack = (f: Found<Level>): Found<Level> => {
    if (managerLine === null || f.value.track === 'manager') return f;
    // The seniority stays the posting's; only the track changes.
    const seniority = f.value.seniority ?? 'manager';
    if (f.value.seniority === 'intern' || f.value.seniority === 'entry') return f;
    return found({ seniority, track: 'manager', label: f.value.label }, f.line ?? managerLine, `${f.detail ?? ''}; manages people: "${managerLine}"`.replace(/^; /, ''), f.from);
  };

  const isIcManagerJob = inp.title !== null && new RegExp(IC_MANAGER_JOBS.source, 'i').test(inp.title);
  if (inp.title !== null) {
    const t = titleLevel(inp.title, managerLine, inp.minYears);
    if (t) return withTrack(found({ seniority: t.seniority, track: t.track, label: t.label }, inp.titleLine, `title: ${inp.title}`));
  }
  const defaultTrack: Level['track'] = inp.title !== null ? 'ic' : null;
  if (inp.internship) return found({ seniority: 'intern', track: 'ic', label: 'internship' }, null, 'employment type', 'inferred');
  // Students only: "Laufendes Studium", "currently in your final year of university studies".
  const sections = sectionsOf(body);
  for (const s of sentencesOf(body)) {
    if (s.text.length > 400 || ['about', 'benefits', 'preferred'].includes(sectionAt(sections, s.start)?.kind ?? '')) continue;
    const m = INTERN_TEXT.exec(s.text);
    if (m) return found({ seniority: 'intern', track: 'ic', label: m[0] }, s.text, 'student wording', 'inferred');
  }
  // No level in the title (or no title): the role named in a sentence ("The Director of Demand
  // Generation is …", "Looking for a seasoned Java/J2EE Developer Lead", "As a senior operations engineer").
  const prose = levelInProse(body);
  if (prose !== null) return withTrack(found({ seniority: prose.level.seniority, track: prose.level.track, label: prose.level.label }, prose.line, 'role named in a sentence'));
  if (inp.criteria) {
    const c = inp.criteria;
    const track = ['director', 'vp', 'executive', 'manager', 'senior-manager'].includes(c.seniority) ? 'manager' : defaultTrack;
    return withTrack(found({ seniority: c.seniority, track, label: c.label }, c.line, c.line === null ? 'structured:level' : 'source criteria', 'structured'));
  }
  // A pay grade is the employer's own placement of the role, firmer than counted years.
  for (const l of linesOf(body)) {
    if (!/\bG[SGL]\b|\bG[SGL]-\d/.test(l.text)) continue;
    const m = PAY_GRADE.exec(l.text);
    const s = m === null ? null : seniorityFromGrade(Number(m[1]));
    if (m && s) return withTrack(found({ seniority: s, track: defaultTrack, label: m[0] }, l.text, 'pay grade'));
  }
  if (inp.minYears !== null) {
    const s = seniorityFromYears(inp.minYears);
    const label = `${inp.minYears}+ years required`;
    return withTrack(found({ seniority: s, track: isIcManagerJob ? 'ic' : defaultTrack, label }, null, 'required years', 'inferred'));
  }
  for (const s of sentencesOf(body)) {
    const m = ENTRY_TEXT.exec(s.text);
    // "from exceptional early-career engineers to senior and staff-level": a range of levels says none.
    if (m && !HIGHER_LEVEL_TOO.test(s.text.slice(Math.max(0, m.index - 120), m.index + m[0].length + 120))) return found({ seniority: 'entry', track: defaultTrack, label: m[0] }, s.text, 'entry-level wording', 'inferred');
  }
  if (managerLine !== null) return found({ seniority: 'manager', track: 'manager', label: null }, managerLine, 'manages people', 'inferred');
  return found({ seniority: null, track: null, label: null }, null, null);
}

/**
 * The title's level, except that a "manager" title on a role asking at most two years, with no
 * people to manage in its text, names a job ("Demand Manager", "Service Manager", "(Senior)
 * Promotion & Pricing Manager"): its other level words decide, else the text does.
 */
function titleLevel(title: string, managerLine: string | null, minYears: number | null): TitleLevel | null {
  const t = levelFromTitle(title);
  if (t === null || managerLine !== null || minYears === null || minYears > 2) return t;
  if ((t.seniority !== 'manager' && t.seniority !== 'senior-manager') || !/\b(?:manager|mgr)\b/i.test(t.label)) return t;
  return levelFromTitle(title.replace(/\b(?:manager|mgr)\b\.?/gi, ' '));
}

/** A role phrase a sentence introduces as this job: "looking for a seasoned X", "The X is a key", "As a X,". */
const ROLE_IN_PROSE = /\b(?:(?:looking for|seeking|hiring|searching for)\s+(?:an?|the|our)\s+|^\W{0,3}(?:the|our)\s+(?=(?:[A-Z][\w/&-]*\s+){0,4}?(?:Director|Head|Lead|Manager|VP)\b)|^\W{0,3}as\s+(?:an?|the|our)\s+)((?:[\w/&.#+-]+\s+){0,6}?[\w/&.#+-]+?)(?=\s+(?:with|to|who|is|will|you|for|that|in|at|on)\b|\s*[,.(]|$)/i;

function levelInProse(text: string): { level: { seniority: Seniority; track: Level['track']; label: string }; line: string } | null {
  const sections = sectionsOf(text);
  for (const s of sentencesOf(text)) {
    if (s.text.length > 300) continue;
    const kind = sectionAt(sections, s.start)?.kind;
    if (kind === 'about' || kind === 'benefits' || kind === 'preferred') continue;
    const phrase = ROLE_IN_PROSE.exec(s.text)?.[1];
    if (phrase === undefined) continue;
    // The boss the role reports to is not the role ("reports to the VP of …").
    if (/\breport(?:s|ing)? (?:directly )?to\b/i.test(s.text.slice(0, s.text.indexOf(phrase)))) continue;
    // "an experienced engineer" praises; only a level word in the role's name places it.
    const t = levelFromTitle(phrase.replace(/^(?:(?:experienced|seasoned|talented|motivated|passionate|skilled|highly|strong)\s+)+/i, ''));
    if (t !== null && t.seniority !== 'entry' && t.seniority !== 'mid') return { level: t, line: s.text };
  }
  return null;
}

/** The duty sentence that says the role manages people, if any (not in preferred quals). */
function managerTrackLine(text: string): string | null {
  const sections = sectionsOf(text);
  for (const s of sentencesOf(text)) {
    const m = MANAGER_TRACK_PHRASES.exec(s.text);
    if (!m) continue;
    // A label read by its value: "Direct Reports: No".
    if (/^\s*[:：?]\s*(?:no|none|0|n\/a)\b/i.test(s.text.slice(m.index + m[0].length, m.index + m[0].length + 12))) continue;
    const kind = sectionAt(sections, s.start)?.kind;
    if (kind === 'preferred' || kind === 'about' || kind === 'benefits') continue;
    return s.text;
  }
  return null;
}
