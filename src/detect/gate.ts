/**
 * The chat fast path: decides in a few microseconds that a short message cannot be a job
 * posting, before any cleaning. Chat is almost all of what a bot in busy channels sees, and
 * the full pass (cleaning, then every detector signal) costs a hundred times more.
 *
 * The decision is sound by construction rather than by tuning: `detectPosting` calls nothing a
 * posting unless one of its core signals (headings, hiring or applying wording, an EEO
 * statement, labelled job fields, a gender marker, a "Company | Role | Place" header) matches,
 * so a text none of those patterns match is not a posting. The gate runs those same patterns,
 * on the raw text, and only where cleaning cannot add such wording: short texts with no markup,
 * no HTML entities and no mojibake (which cleaning would repair into words).
 */
import { POSITIVE_SIGNALS } from './positive.js';

/** Longer texts take the full path: cleaning may restore lines (and so headings) in them. */
export const GATE_MAX_CHARS = 400;

/** What cleaning turns into words: tags and entities, and the lead characters of UTF-8 mojibake. */
const CLEANING_MAY_ADD_WORDS = /[<&\u00c2\u00c3\u00e2\u00c5\u00ef\u201a\u00ac\u0432\u0440\u0441]/;

/** The core signals' own patterns, without the global flag so `test` keeps no state. */
const CORE_PATTERNS: readonly RegExp[] = POSITIVE_SIGNALS.filter((s) => s.core).map((s) => new RegExp(s.pattern.source, s.pattern.flags.replace('g', '')));

/** False only when the text certainly is not a posting; true means "run the full detector". */
export function mightBePosting(text: string): boolean {
  if (text.length > GATE_MAX_CHARS || CLEANING_MAY_ADD_WORDS.test(text)) return true;
  // What cleaning does to a short plain text, so the patterns see what the detector sees: odd
  // spaces become one space and line ends are trimmed ("Benefits:  Bachelor's" fits a header's
  // 80-character field once its double space is gone), and broken lines may be joined into one.
  const lines = text.replace(/\r\n?/g, '\n').replace(/[ \t\u00a0\u2007\u202f]+/g, ' ').replace(/ ?\n ?/g, '\n');
  const joined = lines.replace(/\n+/g, ' ');
  // A "Company | Role | Place" header bounds each field's length, and which lines cleaning joins
  // decides the lengths: two pipes take the full path (chat seldom has them).
  if (text.indexOf('|') !== text.lastIndexOf('|')) return true;
  return CORE_PATTERNS.some((re) => re.test(lines) || re.test(joined));
}
