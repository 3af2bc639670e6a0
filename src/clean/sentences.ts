/**
 * Split a paragraph into sentences, keeping each sentence's trailing separator so the paragraph
 * can be rebuilt exactly. A linear scan: no regex over the whole paragraph.
 */
export interface Sentence {
  text: string;
  /** What followed the sentence in the paragraph (spaces, or '' when glued: "days.No agencies"). */
  separator: string;
}

const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'e.g', 'i.e', 'etc', 'inc', 'ltd', 'llc', 'corp', 'co', 'sr', 'jr', 'dr', 'mr', 'mrs', 'ms', 'st', 'no', 'vs', 'approx',
  'dept', 'u.s', 'u.k', 'e.u', 'incl', 'min', 'max', 'nr', 'z.b', 'bzw', 'ca', 'ggf', 'usw', 'p.ej', 'sra', 'sta',
]);

function isUpperStart(ch: string | undefined): boolean {
  return ch !== undefined && /[\p{Lu}"“'‘(¿¡0-9]/u.test(ch);
}

/** The word just before position `dot` (exclusive), lower-cased, for the abbreviation check. */
function wordBefore(text: string, dot: number): string {
  let start = dot;
  while (start > 0 && start > dot - 12 && /[\p{L}.]/u.test(text[start - 1] ?? '')) start -= 1;
  return text.slice(start, dot).toLowerCase();
}

export function splitSentences(paragraph: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const n = paragraph.length;
  for (let i = 0; i < n; i++) {
    const ch = paragraph[i];
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    // Closing quotes/brackets stay with the sentence.
    let end = i + 1;
    while (end < n && /["”’')\]]/.test(paragraph[end] ?? '')) end += 1;
    let next = end;
    while (next < n && paragraph[next] === ' ') next += 1;
    if (next >= n) break;
    const spaced = next > end;
    if (spaced) {
      if (!isUpperStart(paragraph[next])) continue;
    } else {
      // Glued sentences ("5 business days.No agencies"): lower-case word, dot, capitalised word.
      const before = paragraph[i - 1] ?? '';
      const after = paragraph.slice(next, next + 2);
      if (ch !== '.' || !/\p{Ll}/u.test(before) || !/^\p{Lu}\p{Ll}/u.test(after)) continue;
      if (/\p{L}\.\p{L}/u.test(paragraph.slice(Math.max(0, i - 3), i + 1))) continue;
    }
    if (ch === '.') {
      const word = wordBefore(paragraph, i);
      if (ABBREVIATIONS.has(word) || /^\p{Lu}$/u.test(paragraph.slice(i - 1, i)) && word.length === 1) continue;
    }
    out.push({ text: paragraph.slice(start, end), separator: paragraph.slice(end, next) });
    start = next;
    i = next - 1;
  }
  if (start < n) out.push({ text: paragraph.slice(start), separator: '' });
  return out;
}
