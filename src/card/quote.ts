import { ELLIPSIS, cutText, oneLine } from './cut.js';

/** Words that carry a sponsorship decision; the quote is centred on the first one found. */
const SPONSORSHIP_KEYS =
  /sponsor|visa|h-?1b|j-?1|\bopt\b|green card|work authori[sz]ation|authori[sz]ed to work|citizenship|citizen|right to work|permanent resident/i;

const MAX_QUOTE = 140;

/**
 * A short quote of the evidence sentence: whole when short, otherwise a window around the
 * words that decided it, marked with "…" where cut.
 */
export function shortQuote(evidence: string | null, max = MAX_QUOTE): string | null {
  if (evidence === null) return null;
  const sentence = oneLine(evidence);
  if (sentence === '') return null;
  if (sentence.length <= max) return sentence;
  const hit = sentence.search(SPONSORSHIP_KEYS);
  if (hit < 0 || hit < max / 2) return cutText(sentence, max);
  // Start a little before the key word, at a word boundary.
  let start = Math.max(0, hit - Math.floor(max / 3));
  const space = sentence.lastIndexOf(' ', start);
  if (space > 0 && start - space < 20) start = space + 1;
  const tail = sentence.slice(start);
  return ELLIPSIS + cutText(tail, max - 1);
}
