/**
 * A cheap "could this text match?" test: one pass over the words of a lower-cased text, each word
 * looked up whole and by its first five letters in a set. A big alternation regex or dozens of
 * `includes` calls cost 40–200 ns a character here; this costs a few.
 */
export type WordGate = (lower: string) => boolean;

const PREFIX = 5;

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45 || c > 127;
}

/** `entries`: whole words, or five-letter prefixes ("oppor" for opportunity, opportunities). */
export function makeWordGate(entries: readonly string[]): WordGate {
  const set = new Set(entries);
  return (lower: string): boolean => {
    let start = -1;
    const n = lower.length;
    for (let i = 0; i <= n; i++) {
      if (i < n && isWordChar(lower.charCodeAt(i))) {
        if (start < 0) start = i;
        continue;
      }
      if (start >= 0) {
        const len = i - start;
        if (set.has(lower.slice(start, start + Math.min(len, PREFIX)))) return true;
        if (len > PREFIX && set.has(lower.slice(start, i))) return true;
        start = -1;
      }
    }
    return false;
  };
}
