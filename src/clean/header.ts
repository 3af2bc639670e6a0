import { FOOTER_RUN_LINES } from './chrome-tables.js';
import { FIELD_LABELS, isHeading, KNOWN_HEADINGS } from './headings.js';
import { isBlank, lineKey, wordCountAtMost } from './lines.js';
import type { RemovalLog } from './removal.js';
import { keepSignal } from './signals.js';

/** Words that make a short line a job title ("Senior Machine Learning Engineer", "Werkstudent (m/w/d)"). */
const ROLE_WORDS =
  /\b(?:engineer|engineering|developer|scientist|manager|director|analyst|designer|architect|intern|internship|specialist|consultant|administrator|lead|head of|vp|vice president|officer|coordinator|representative|technician|researcher|programmer|accountant|nurse|teacher|assistant|executive|strategist|writer|editor|recruiter|product owner|sre|devops|electrician|plumber|mechanic|welder|machinist|carpenter|driver|cook|chef|barista|cashier|clerk|adjuster|hygienist|roaster|lifeguard|operator|supervisor|attendant|caregiver|therapist|pharmacist|paralegal|counselor|counsellor|planner|buyer|receptionist|bartender|installer|inspector|estimator|werkstudent|entwickler|entwicklerin|ingenieur|ingeniera|ingeniero|desarrollador|desarrolladora|analista|gerente)\b|\((?:m\/w\/d|w\/m\/d|f\/m\/d|m\/f\/d|all genders|h\/m|h\/f)\)/i;

/** Lines that follow a title in a job header: location, age, pay, type. */
const META_LINE: readonly RegExp[] = [
  /^posted\b/i,
  /\b(?:\d{1,3}|an?) (?:minute|hour|day|week|month)s? ago\b/i,
  /\b\d{1,3}[dhw] ago\b/i,
  /^(?:full[- ]?time|part[- ]?time|contract|contractor|internship|temporary|permanent|vollzeit|teilzeit|tiempo completo)\b/i,
  /,\s[A-Z]{2}\b/,
  /\b(?:remote|hybrid|on-?site|in-office|remoto|híbrido|presencial|jornada completa|homeoffice)\b/i,
  /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.? \d{1,2},? \d{4}\b/i,
];

const NAV_WORDS: ReadonlySet<string> = new Set(FOOTER_RUN_LINES);

const HEAD_WINDOW = 30;
// Real headers put location, age or pay right under the title (after the company at most).
const META_WINDOW = 4;
const MAX_HEADER_LINES = 12;

function isTitleLike(line: string): boolean {
  const t = line.trim();
  return t.length <= 100 && wordCountAtMost(t, 14) && !/[.!?:;,]$/.test(t) && !isHeading(t) && ROLE_WORDS.test(t);
}

/** A company name line: a few words, no sentence punctuation. */
function isCompanyLike(line: string): boolean {
  const t = line.trim();
  return t.length <= 60 && wordCountAtMost(t, 6) && !/[.!?;]$/.test(t) && !t.includes(':') && (!isHeading(t) || isNameInCapitals(t)) && keepSignal(t) === null;
}

/** "VECTOR TALENT RESOURCES" above "Title: …": a name in capitals, not a section heading or a question. */
function isNameInCapitals(t: string): boolean {
  return t === t.toUpperCase() && !KNOWN_HEADINGS.has(lineKey(t)) && !/^(?:what|why|who|how|where|when|about|our|your|the|join)/i.test(t);
}

function isBulleted(line: string): boolean {
  return /^\s*(?:[•·▪◦●○■►▸➢➤✓✔*+–—-]|\d{1,2}[.)])\s/.test(line);
}

/**
 * Job boards put their own header and marketing above the posting (seed 002: "hero",
 * "WHY PALM BEACH?", a tourism blurb). When a title line is followed by job metadata, the
 * short lines and blurbs above it go, except a company line right above the title.
 */
export function stripSiteHeader(lines: string[], log: RemovalLog): string[] {
  const content: number[] = [];
  for (let i = 0; i < lines.length && content.length < HEAD_WINDOW; i++) if (!isBlank(lines[i] ?? '')) content.push(i);
  const titleAt = content.findIndex((i) => isTitleLike(lines[i] ?? ''));
  if (titleAt <= 0) return lines;
  const titleLine = content[titleAt] ?? 0;
  const meta = content.slice(titleAt + 1, titleAt + 1 + META_WINDOW).map((i) => lines[i] ?? '');
  if (!meta.some((l) => keepSignal(l) === 'pay' || META_LINE.some((p) => p.test(l)))) return lines;

  let pre = content.slice(0, titleAt);
  const last = pre[pre.length - 1];
  // The company sits right above the title (LinkedIn) or right below it (Indeed); only one of the two.
  const below = meta[0] ?? '';
  const companyBelow = isCompanyLike(below) && !META_LINE.some((p) => p.test(below)) && keepSignal(below) === null;
  if (last !== undefined && !companyBelow && isCompanyLike(lines[last] ?? '')) pre = pre.slice(0, -1);
  if (pre.length === 0 || pre.length > MAX_HEADER_LINES) return lines;
  for (const i of pre) {
    const l = lines[i] ?? '';
    const key = lineKey(l.trim());
    // A heading that is also a site-menu word ("About us", "Jobs") above the title is navigation.
    if (keepSignal(l) !== null || isBulleted(l) || (KNOWN_HEADINGS.has(key) && !NAV_WORDS.has(key))) return lines;
  }
  // A site header has at least one short label; a lone intro paragraph is the employer's own text.
  if (!pre.some((i) => wordCountAtMost((lines[i] ?? '').trim(), 4))) return lines;

  const drop = new Set(pre);
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (drop.has(i)) log.remove('job-board.site-header', line.trim());
    else if (i < titleLine && isBlank(line)) return;
    else out.push(line);
  });
  log.flush();
  return out;
}

/**
 * List views (LinkedIn's jobs/collections, Indeed's search page) paste the list of job cards
 * (title, company, place, pay, age) before the selected posting. The selected job's title shows
 * twice: as a card in the list and as the posting's own title, followed by its metadata. When a
 * title line recurs with other card titles between, everything above its last showing is the
 * list and goes (a company line right above stays, as in a posting's own header). Bounded: the
 * list is looked for in the first LIST_WINDOW non-blank lines only.
 */
const LIST_WINDOW = 160;
const MIN_OTHER_CARDS = 2;
const MAX_CARD_LINE = 100;

export function dropJobListBeforePosting(lines: string[], log: RemovalLog): string[] {
  const content: number[] = [];
  for (let i = 0; i < lines.length && content.length < LIST_WINDOW; i++) if (!isBlank(lines[i] ?? '')) content.push(i);
  const firstSeen = new Map<string, number>();
  const titles: { key: string; at: number }[] = [];
  let start = -1;
  for (let c = 0; c < content.length; c++) {
    const line = (lines[content[c] ?? 0] ?? '').trim();
    // The list is short lines; the first sentence, paragraph, bullet or section heading ends the search.
    const lineKeyed = lineKey(line);
    // A field label ("Pay", "Job type": a search page's filters) is no section heading.
    const heading = KNOWN_HEADINGS.has(lineKeyed) && !FIELD_LABELS.has(lineKeyed);
    const sentence = /[.!?]$/.test(line) && !wordCountAtMost(line, 7);
    if (line.length > MAX_CARD_LINE || sentence || isBulleted(line) || heading) break;
    if (!isTitleLike(line)) continue;
    const key = lineKeyed;
    const first = firstSeen.get(key);
    if (first === undefined) {
      firstSeen.set(key, c);
      titles.push({ key, at: c });
      continue;
    }
    const others = new Set(titles.filter((t) => t.at > first && t.key !== key).map((t) => t.key));
    const meta = content.slice(c + 1, c + 1 + META_WINDOW).map((i) => lines[i] ?? '');
    if (others.size >= MIN_OTHER_CARDS && meta.some((l) => keepSignal(l) === 'pay' || META_LINE.some((p) => p.test(l)))) start = c;
  }
  if (start <= 0) return lines;
  const startLine = content[start] ?? 0;
  const above = content[start - 1];
  const keepCompany = above !== undefined && isCompanyLike(lines[above] ?? '') && !isTitleLike(lines[above] ?? '') ? above : -1;
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (i >= startLine || i === keepCompany) out.push(line);
    else if (!isBlank(line)) log.remove('job-board.job-list', line.trim());
  });
  log.flush();
  return out;
}

/** In the title block a page often repeats the title and company (sticky header, modal): keep the first. */
const HEAD_LINES = 15;

export function dropRepeatedTitleLines(lines: string[], log: RemovalLog): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  let headLines = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const t = line.trim();
    if (t.length > 0) {
      // The head ends at the first heading, paragraph or sentence, or after a handful of lines.
      headLines += 1;
      const key = lineKey(t);
      // A field label ("Location") is part of the header, not the heading of a section.
      const heading = KNOWN_HEADINGS.has(key) && !FIELD_LABELS.has(key);
      if (t.length > 150 || headLines > HEAD_LINES || heading || (/[.!?]$/.test(t) && !wordCountAtMost(t, 7))) {
        for (let j = i; j < lines.length; j++) out.push(lines[j] ?? '');
        break;
      }
      if (seen.has(key)) {
        log.remove('repeated-title-line', t);
        continue;
      }
      seen.add(key);
    }
    out.push(line);
  }
  log.flush();
  return out;
}
