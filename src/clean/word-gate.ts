/**
 * Cheap "could this text match?" tests: one pass over the words of a lower-cased text, each word
 * looked up by a numeric hash of its first five letters and of the whole word. No strings are
 * built, so it costs a few nanoseconds a character, where an alternation regex or dozens of
 * `includes` calls cost 20–200. A hash collision only lets a text through to the real patterns.
 * Words are runs of letters and digits; hyphens separate ("e-verify" is "e" and "verify").
 */
const PREFIX = 5;

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c > 127;
}

function hashOf(word: string): number {
  let h = 0;
  for (let i = 0; i < word.length; i++) h = (Math.imul(h, 31) + word.charCodeAt(i)) | 0;
  return h;
}

/**
 * Calls `hit(hash)` for each word of `lower`: once with the hash of its first five letters and,
 * for longer words, once with the hash of the whole word. Stops early when `hit` returns true.
 */
function scanWords(lower: string, hit: (hash: number) => boolean): boolean {
  const n = lower.length;
  let h = 0;
  let prefix = 0;
  let len = 0;
  for (let i = 0; i <= n; i++) {
    const c = i < n ? lower.charCodeAt(i) : 32;
    if (isWordChar(c)) {
      h = (Math.imul(h, 31) + c) | 0;
      len += 1;
      if (len === PREFIX) prefix = h;
      continue;
    }
    if (len > 0) {
      if (hit(len <= PREFIX ? h : prefix)) return true;
      if (len > PREFIX && hit(h)) return true;
      h = 0;
      len = 0;
    }
  }
  return false;
}

export type WordGate = (lower: string) => boolean;

/** `entries`: whole words, or five-letter prefixes ("oppor" for opportunity, opportunities). */
export function makeWordGate(entries: readonly string[]): WordGate {
  const set = new Set(entries.map(hashOf));
  return (lower: string): boolean => scanWords(lower, (hash) => set.has(hash));
}

/**
 * Which of several word groups occur: returns the indexes of the groups (ascending) one of whose
 * words is in the text. Lets a step run only the patterns that can match.
 */
export function makeWordIndex(groups: readonly (readonly string[])[]): (lower: string) => readonly number[] {
  const byHash = new Map<number, number[]>();
  groups.forEach((words, g) => {
    for (const w of words) {
      const key = hashOf(w);
      const list = byHash.get(key) ?? [];
      if (!list.includes(g)) list.push(g);
      byHash.set(key, list);
    }
  });
  const seen = new Uint8Array(groups.length);
  const none: readonly number[] = [];
  return (lower: string): readonly number[] => {
    // Allocated only on a hit: most lines have none, and this runs once per line.
    let found: number[] | null = null;
    scanWords(lower, (hash) => {
      const list = byHash.get(hash);
      if (list !== undefined) {
        for (const g of list) {
          if (seen[g] === 0) {
            seen[g] = 1;
            (found ??= []).push(g);
          }
        }
      }
      return false;
    });
    if (found === null) return none;
    const hits: number[] = found;
    for (const g of hits) seen[g] = 0;
    return hits.sort((a, b) => a - b);
  };
}
