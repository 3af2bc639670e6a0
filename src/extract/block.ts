import { ROLE_NOUNS, SITE_SUFFIX } from './tables/roles.js';
import { linesOf, type Span } from './text.js';

/**
 * The title block: the short lines at the top of a paste before the body starts
 * ("Capital One / Senior Machine Learning Engineer / Cambridge, MA · 1 week ago").
 * Title and company both read it.
 */

export interface TitleBlock {
  lines: Span[];
  /** Index in `lines` of the line that reads as the job title, or -1. */
  titleIndex: number;
}

// Lines that are page furniture, never a title or a company.
export const CHROME_LINE = /^(apply( now)?|save|share|easy apply|promoted( by hirer)?|reposted|actively (hiring|recruiting|reviewing)|be an early applicant|see (how you compare|more)|show (more|less|match details)|about the job|job description|job details|overview|full[- ]time|part[- ]time|contract|internship|temporary|remote|hybrid|on[- ]?site|in[- ]office|new|featured|urgent(ly)? hiring|sign in|log in|join now|back to (jobs|search|results)|view all jobs|hero|menu|home|careers?|jobs)\b[\s!.]*$/i;

const SMALL_WORDS = new Set(['of', 'and', 'for', 'the', 'in', 'at', 'to', 'a', 'an', 'on', 'with', 'or', '&', '-', '–', '/', '|', 'de', 'y', 'und', 'et']);

const SENTENCE_START = /^(we|we're|we are|you|you'll|our|as a|as an|this|the|in this|if you|join|about|at|why|what|how|who|are you|do you|looking|help|please|note|to|for|with|from|by)\b/i;

/** Words in a line that make it a sentence rather than a title. */
const VERBS = /\b(is|are|was|were|will|would|you|your|we|our|has|have|be|been|being|looking|seeking|hiring|join|apply|help|helps|build|builds|can|must|should)\b/i;

/** Whether a short line could be a job title. */
/** "[Lead Developer .Net](https://board/apply/…)": a Markdown link's text, the line itself otherwise. */
export function linkText(line: string): string {
  return MARKDOWN_LINK.exec(line.trim())?.[1] ?? line;
}
const MARKDOWN_LINK = /^\[([^\]]{3,150})\]\([^)\s]{1,500}\)$/;

export function looksLikeTitle(line: string): boolean {
  const t = linkText(line).replace(SITE_SUFFIX, '').trim();
  if (t.length < 3 || t.length > 120) return false;
  if (!ROLE_NOUNS.test(t)) return false;
  if (/^[•\-–*▪●◦]/.test(t)) return false;
  // "Sr.", "Mgr." and "U.S." end a title with an abbreviation's full stop, not a sentence's.
  if (/[.!?]$/.test(t) && !/\b(sr|jr|mgr)\.$|(?:\b[A-Z]\.){2,}$/i.test(t)) return false;
  if (t.endsWith(':')) return false;
  const words = t.split(/\s+/).length;
  if (words > 14) return false;
  if (SENTENCE_START.test(t) && !/^(head of|director|associate|lead)\b/i.test(t)) return false;
  // A label field ("Roles available: 14") is not a title unless it is a title label.
  if (/^[^:]{1,40}:\s/.test(t) && !/^(job title|position title|title|position|role)\s*:/i.test(t)) return false;
  if (VERBS.test(t) && words > 6) return false;
  // A title is mostly capitalised; a run of lower-case words is a sentence or a bullet.
  const lowerWords = t.split(/\s+/).filter((w) => /^[a-z]/.test(w) && !SMALL_WORDS.has(w)).length;
  if (lowerWords > 1 || (lowerWords > 0 && lowerWords >= words / 2)) return false;
  if (CHROME_LINE.test(t)) return false;
  return true;
}

/**
 * A header line that names the role in lower case ("developer", "senior data analyst", as some
 * Indeed pages print it): a few words, the last a role noun, no sentence words.
 */
export function looksLikeLowerCaseTitle(line: string): boolean {
  const t = line.trim();
  if (t.length < 3 || t.length > 50 || !/^[a-z][a-z0-9+#./ &-]*$/.test(t) || VERBS.test(t) || SENTENCE_START.test(t) || CHROME_LINE.test(t)) return false;
  const words = t.split(/\s+/);
  return words.length <= 4 && ROLE_NOUNS.test(words[words.length - 1] ?? '') && !/^(?:a|an|the|need|needs|hiring|wanted)$/.test(words[0] ?? '');
}

const BLOCK_LINES = 14;
// Headings that open the body: the title block is above them.
const BODY_START = /^(about the (job|role|position)|full job description|job description|description|responsibilities|what you('|’)?ll do)\s*:?$/i;
const BLOCK_CHARS = 2500;

/** The top lines of the text up to the body, and which of them is the title. */
export function titleBlockOf(text: string): TitleBlock {
  const lines: Span[] = [];
  for (const l of linesOf(text)) {
    if (l.start > BLOCK_CHARS || lines.length >= BLOCK_LINES) break;
    // The body starts at its first heading ("About the job", "Duties:").
    if (BODY_START.test(l.text) || l.text.endsWith(':')) break;
    lines.push(l);
  }
  const titleIndex = lines.findIndex((l) => looksLikeTitle(l.text));
  return { lines, titleIndex };
}

/** Three or more " | " separators on one line: a field line, not a title with a suffix. */
export const FIELD_LINE = /^[^|\n]+(?:\s\|\s[^|\n]+){3,}$/;

/**
 * A Hacker News "Who is hiring" field line among the first two lines ("Acme (YC S21) | Senior
 * Engineer | Denver, CO | REMOTE | $150k"), with its fields; null when there is none.
 */
export function fieldLineOf(text: string): { line: Span; fields: string[] } | null {
  const line = linesOf(text).slice(0, 2).find((l) => FIELD_LINE.test(l.text));
  return line ? { line, fields: line.text.split(/\s\|\s/) } : null;
}
