/**
 * Views of a posting's text that every field extractor shares: its lines, its sentences and
 * its sections. Every piece is a substring of the text it came from (evidence must quote the
 * posting), and every view works on pasted text whose line breaks were flattened away.
 */

export interface Span {
  text: string;
  start: number;
}

/**
 * Every extractor asks for the same views of the same text: remember the last answer per view
 * (callers must not mutate the arrays they get).
 */
function memoLast<T>(compute: (text: string) => T): (text: string) => T {
  let lastText: string | null = null;
  let last: T | null = null;
  return (text: string): T => {
    if (text !== lastText || last === null) {
      last = compute(text);
      lastText = text;
    }
    return last;
  };
}

/** Non-empty lines, trimmed, with their offsets. */
export const linesOf: (text: string) => Span[] = memoLast(computeLines);
/** Sentences (and bullet items) of the text, trimmed, with their offsets. */
export const sentencesOf: (text: string) => Span[] = memoLast(computeSentences);
/** The text's sections by its headings (see computeSections). */
export const sectionsOf: (text: string) => Section[] = memoLast(computeSections);

function computeLines(text: string): Span[] {
  const out: Span[] = [];
  const re = /[^\r\n]+/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed.length > 0) out.push({ text: trimmed, start: m.index + lead });
  }
  return out;
}

// A sentence ends at ". ", "! ", "? " before a capital/digit/bullet, at a bullet, or at a line end.
const SENTENCE_BREAK = /(?<=[.!?])\s+(?=[A-Z0-9"“(•\-*])|\s*[•▪●◦]\s*|\s{3,}/g;
// Abbreviations after which a full stop does not end a sentence.
const NO_BREAK_AFTER = /(?:\b(?:Sr|Jr|Mr|Ms|Mrs|Dr|St|Ste|Mt|Ft|Inc|Co|Corp|Ltd|vs|etc|e\.g|i\.e|U\.S|No|approx|incl|Mgr|Dept|Ph\.D|B\.S|M\.S|B\.A|M\.A)\.|\b[A-Z]\.)$/;

function computeSentences(text: string): Span[] {
  const out: Span[] = [];
  for (const line of linesOf(text)) {
    let from = 0;
    SENTENCE_BREAK.lastIndex = 0;
    const s = line.text;
    for (let m = SENTENCE_BREAK.exec(s); m !== null; m = SENTENCE_BREAK.exec(s)) {
      if (m[0].length === 0) {
        SENTENCE_BREAK.lastIndex++;
        continue;
      }
      const before = s.slice(from, m.index);
      if (/\.$/.test(before) && NO_BREAK_AFTER.test(before)) continue;
      pushTrimmed(out, s.slice(from, m.index), line.start + from);
      from = m.index + m[0].length;
    }
    pushTrimmed(out, s.slice(from), line.start + from);
  }
  return out;
}

function pushTrimmed(out: Span[], piece: string, start: number): void {
  const lead = piece.length - piece.trimStart().length;
  const t = piece.trim();
  if (t.length > 0) out.push({ text: t, start: start + lead });
}

export type SectionKind = 'basic' | 'preferred' | 'duties' | 'benefits' | 'pay' | 'about' | 'fields' | 'other';

export interface Section {
  heading: string | null;
  kind: SectionKind;
  start: number;
  end: number;
}

/**
 * Heading words and the kind of section they open. Order matters: the first pattern that
 * matches a heading decides (so "Preferred Qualifications" is preferred before "Qualifications"
 * is basic).
 */
const HEADING_KINDS: ReadonlyArray<readonly [RegExp, SectionKind]> = [
  // Job-board filter fields, not requirements ("Experience level: 1 year").
  [/^(experience level|schedule|shift|compensation package|supplemental pay|work location|job type|benefits pulled from|application question)/i, 'fields'],
  [/\b(preferred|desired|nice[- ]to[- ]haves?|bonus( points)?|pluses|plus points|good to have|ideal(ly)?|extra credit|it'?s a plus|would be (a )?plus|not required|additional qualifications|even better|better still|we'?d love|deseable|deseables|valorable|se valora|un plus|atouts?|wünschenswert|von vorteil|idealerweise)\b/i, 'preferred'],
  [/\b(basic|minimum|required|essential|mandatory|must[- ]haves?|requirements?|qualifications?|what you('|’)?ll need|what you need|what we('|’)?re looking for|what we are looking for|who you are|about you|you have|you bring|your profile|profile|profil|anforderungen|what you have|you('|’)?ll bring|you will bring|what you bring|what we need|you might be a fit|skills|experience|you should have|to be successful|we('|’)?re looking for|looking for|requisitos|requerimientos|perfil|exigences|compétences requises|requisiti|vereisten|wymagania|was du mitbringst|was sie mitbringen)\b/i, 'basic'],
  [/\b(compensation|salary|pay( range| transparency)?|base pay|total rewards|pay rate)\b/i, 'pay'],
  [/\b(benefits|perks|what we offer|why (join|work)|we offer|what you('|’)?ll get|what('|’)?s in it|ofrecemos|beneficios|wir bieten|avantages|nous offrons)\b/i, 'benefits'],
  [/\b(responsibilities|what you('|’)?ll do|what you will do|you will|you('|’)?ll|your tasks|tasks|aufgaben|duties|the role|your role|in this role|day[- ]to[- ]day|your impact|what you will work on|job description|overview|summary|about the (role|job|position|team)|responsabilidades|funciones|missions|vos missions)\b/i, 'duties'],
  [/\b(about (us|the company)|who we are|our (company|mission|story)|equal (employment )?opportunity|eeo|company description)\b|^about\b/i, 'about'],
];

/** A line that reads as a heading: short, no sentence punctuation, maybe ending in ':'. */
function headingOf(line: string): string | null {
  const t = line.replace(/^[#*_\s]+|[*_\s]+$/g, '');
  if (t.length === 0 || t.length > 70) return null;
  if (/^[•\-–▪●◦*]/.test(line)) return null;
  const words = t.split(/\s+/).length;
  if (t.endsWith(':')) return words <= 9 ? t.slice(0, -1).trim() : null;
  if (/[.!?,;]$/.test(t) || words > 8) return null;
  return t;
}

/** The kind of section a heading opens, or null when the words are no known heading. */
export function kindOf(heading: string): SectionKind | null {
  for (const [re, kind] of HEADING_KINDS) if (re.test(heading)) return kind;
  return null;
}

// Inline headings in flattened text: "REQUIREMENTS:", "Preferred Qualifications:" mid-line.
const INLINE_HEADING = /(?:^|\s)((?:[A-Z][A-Za-z'’]*|[A-Z]{2,})(?:[ /&-]+(?:[A-Za-z'’]+)){0,4}):(?=\s)/g;

/**
 * Splits the text into sections by its headings (own-line headings, and "Heading:" labels
 * inside flattened lines). Text before the first heading is an 'other' section.
 */
function computeSections(text: string): Section[] {
  const marks: { heading: string; kind: SectionKind; at: number }[] = [];
  for (const line of linesOf(text)) {
    const h = headingOf(line.text);
    const kind = h === null ? null : kindOf(h);
    if (h !== null && kind !== null) {
      marks.push({ heading: h, kind, at: line.start });
      continue;
    }
    // An unknown heading ends a company blurb ("Who we are" … "Your profile"), so the blurb
    // does not swallow the requirements after it.
    if (h !== null && (line.text.endsWith(':') || /^(?:[A-Z][\w'’&-]*(?![\w'’&-])\s*){1,5}$/.test(h)) && marks[marks.length - 1]?.kind === 'about') {
      marks.push({ heading: h, kind: 'other', at: line.start });
      continue;
    }
    INLINE_HEADING.lastIndex = 0;
    for (let m = INLINE_HEADING.exec(line.text); m !== null; m = INLINE_HEADING.exec(line.text)) {
      const head = m[1] ?? '';
      const k = kindOf(head);
      // Inline labels count only when they read as section names, not "Salary: $X" fields.
      if (k !== null && k !== 'pay' && head.split(/\s+/).length <= 5) {
        marks.push({ heading: head, kind: k, at: line.start + m.index + (m[0].length - head.length - 1) });
      }
    }
  }
  marks.sort((a, b) => a.at - b.at);
  const out: Section[] = [];
  let prevEnd = 0;
  let prev: { heading: string | null; kind: SectionKind } = { heading: null, kind: 'other' };
  for (const mk of marks) {
    if (mk.at > prevEnd || out.length === 0) out.push({ ...prev, start: prevEnd, end: mk.at });
    prevEnd = mk.at;
    prev = { heading: mk.heading, kind: mk.kind };
  }
  out.push({ ...prev, start: prevEnd, end: text.length });
  return out.filter((s) => s.end > s.start || s.heading !== null);
}

/** The section that holds the offset. */
export function sectionAt(sections: readonly Section[], at: number): Section | undefined {
  for (const s of sections) if (at >= s.start && at < s.end) return s;
  return sections[sections.length - 1];
}

// Words that mark a single requirement as optional wherever it appears.
export const PREFERRED_WORDS = /\b(preferred|preferably|nice[- ]to[- ]have|a plus|is a plus|bonus|ideally|desired|desirable|advantageous|an advantage|not required|pluses?)\b/i;

/** Cuts text at the start of a job board's rail of other jobs, so they never count. */
export const withoutOtherJobs: (text: string) => string = memoLast(computeWithoutOtherJobs);

function computeWithoutOtherJobs(text: string): string {
  const m = /^\s*(similar jobs|more jobs|people also viewed|jobs you may be interested in|recommended jobs|other jobs (at|like)|explore more jobs|similar searches|more searches)\b.*$/im.exec(text);
  return m === null ? text : text.slice(0, m.index);
}

/** Whether words near a match mark it optional ("… is a plus", "preferred: …"). */
export function optionalNear(sentence: string, index: number, length: number): boolean {
  // Only the clause of the match: "Bachelor's degree …; MBA a plus" keeps the degree required,
  // and "2+ years in support, ideally in SaaS" qualifies the detail, not the requirement.
  const before = sentence.slice(Math.max(0, index - 50), index).replace(/^.*;/, '');
  let after = sentence.slice(index + length, index + length + 70).replace(/;.*$/, '').replace(/,\s*(?:ideally|preferably)\s+(?:in|with|at|within|from|using|on|for)\b.*$/i, '');
  // "… (ADN) required, BSN preferred": a "required" said first settles this requirement.
  const req = /\brequired\b/i.exec(after);
  const pref = PREFERRED_WORDS.exec(after);
  if (req && pref && req.index < pref.index) after = after.slice(0, req.index + req[0].length);
  const near = `${before}\u0000${after}`;
  if (!PREFERRED_WORDS.test(near)) return false;
  // "… degree required", "Must have: …" right at the match outweigh a nearby "preferred".
  return !/^\W{0,3}(?:\w+\s+){0,2}(?:is\s+)?required\b/i.test(after) && !/\b(must have|required:|minimum( of)?)\W{0,3}$/i.test(before);
}
