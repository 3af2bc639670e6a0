/**
 * Near-duplicate detection with MinHash and LSH: the same job reposted with small edits (a
 * changed sentence, reordered bullets, another location list) shares most of its word
 * shingles. Band keys go into the store, so a lookup is BANDS key reads on any backend.
 */
export const SHINGLE_WORDS = 5;
export const BANDS = 20;
export const ROWS = 3;
const HASHES = BANDS * ROWS;

// Fixed seeds: signatures must be comparable across processes and restarts.
const SEEDS: ReadonlyArray<readonly [number, number]> = Array.from({ length: HASHES }, (_, i) => [
  (Math.imul(i + 1, 0x9e3779b1) | 1) >>> 0,
  Math.imul(i + 7, 0x85ebca6b) >>> 0,
]);

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Word shingles of the text, lower-cased, punctuation and bullet marks ignored. */
export function shingles(text: string): Set<number> {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out = new Set<number>();
  if (words.length < SHINGLE_WORDS) {
    if (words.length > 0) out.add(fnv1a(words.join(' ')));
    return out;
  }
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) out.add(fnv1a(words.slice(i, i + SHINGLE_WORDS).join(' ')));
  return out;
}

export function minhash(text: string): number[] {
  const sig = new Array<number>(HASHES).fill(0xffffffff);
  for (const s of shingles(text)) {
    for (let i = 0; i < HASHES; i++) {
      const [a, b] = SEEDS[i] as readonly [number, number];
      const h = mix((Math.imul(a, s) + b) >>> 0);
      if (h < (sig[i] as number)) sig[i] = h;
    }
  }
  return sig;
}

/** The estimated Jaccard similarity of the two texts' shingle sets. */
export function similarity(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length || a.length === 0) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/** One key per band: two texts that agree on a whole band are candidates. */
export function bandKeys(sig: readonly number[]): string[] {
  const keys: string[] = [];
  for (let band = 0; band < BANDS; band++) {
    const rows = sig.slice(band * ROWS, band * ROWS + ROWS);
    keys.push(`${band}:${rows.map((r) => r.toString(36)).join('.')}`);
  }
  return keys;
}
