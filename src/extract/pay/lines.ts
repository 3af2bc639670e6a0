/**
 * The posting's lines as the scanner reads them: a range that page markup split over three
 * lines is put back together, and each line's `raw` text stays a substring of the posting.
 */
import { sentenceSpans } from './context.js';

/** Lines that need the full normalisation (digits, entities, tags, odd spaces); the rest are context. */
export const MAY_NEED_NORMALISING = /\d|&#?[a-z0-9]+;|<[a-z/]|[\u00a0\u2007\u202f\u2009]/i;
const LONE_AMOUNT = /^\s*(?:[A-Z]{0,3}[$€£¥₹]|[A-Z]{3}\s?)?\s?\d[\d,.]*\s?[kKmM]?\s*(?:[A-Z]{3}\s*)?$/;
const LONE_SEPARATOR = /^\s*(?:-|–|—|−|~|to)\s*$/i;

/**
 * The lines of the text, with a range that page markup split over three lines
 * ("$108,400" / "—" / "$129,600 USD") put back together. `raw` is always a substring of the text.
 */
export function logicalLines(text: string): Array<{ raw: string; joined: boolean }> {
  const starts: number[] = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  const lineAt = (k: number): string => text.slice(starts[k] ?? text.length, (starts[k + 1] ?? text.length + 1) - 1).replace(/\r$/, '');
  const out: Array<{ raw: string; joined: boolean }> = [];
  for (let k = 0; k < starts.length; k++) {
    const line = lineAt(k);
    if (k + 2 < starts.length && LONE_AMOUNT.test(line) && LONE_SEPARATOR.test(lineAt(k + 1)) && /^\s*(?:[A-Z]{0,3}[$€£¥₹]|[A-Z]{3}\s?)?\s?\d/.test(lineAt(k + 2))) {
      const end = (starts[k + 2] ?? 0) + lineAt(k + 2).length;
      out.push({ raw: text.slice(starts[k], end), joined: true });
      k += 2;
      continue;
    }
    out.push({ raw: line, joined: false });
  }
  return out;
}

export function lastSentence(line: string): string {
  const spans = sentenceSpans(line);
  const last = spans.at(-1);
  return last !== undefined ? line.slice(last[0], last[1]) : line;
}

