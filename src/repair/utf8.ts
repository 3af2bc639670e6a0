const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * Length of the well-formed UTF-8 sequence that starts at `i` (2 to 4 bytes, or 6 for a
 * CESU-8 surrogate pair as Java and old MySQL write emoji), or 0 when none starts there.
 * Overlong forms and lone surrogates are not well formed.
 */
export function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const b0 = bytes[i] ?? 0;
  const cont = (k: number, lo = 0x80, hi = 0xbf): boolean => {
    const b = bytes[i + k];
    return b !== undefined && b >= lo && b <= hi;
  };
  if (b0 >= 0xc2 && b0 <= 0xdf) return cont(1) ? 2 : 0;
  if (b0 === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if (b0 === 0xed) {
    if (cont(1, 0x80, 0x9f) && cont(2)) return 3;
    const cesu = cont(1, 0xa0, 0xaf) && cont(2) && bytes[i + 3] === 0xed && cont(4, 0xb0, 0xbf) && cont(5);
    return cesu ? 6 : 0;
  }
  if (b0 >= 0xe1 && b0 <= 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (b0 === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (b0 >= 0xf1 && b0 <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (b0 === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

/**
 * Whether the bytes are UTF-8 (with the variants below), checked without decoding: most
 * candidate codecs fail here, and a failed TextDecoder call costs an exception.
 */
export function isUtf8Variants(bytes: Uint8Array): boolean {
  for (let p = 0; p < bytes.length; ) {
    const b = bytes[p] ?? 0;
    if (b < 0x80) {
      p++;
    } else if (b === 0xc0 && bytes[p + 1] === 0x80) {
      p += 2;
    } else {
      const len = utf8SequenceLength(bytes, p);
      if (len === 0) return false;
      p += len;
    }
  }
  return true;
}

/**
 * Strict UTF-8 decode, accepting the two common variants ftfy accepts: CESU-8 surrogate
 * pairs and Java's C0 80 for NUL. Returns null when the bytes are not UTF-8.
 */
export function decodeUtf8Variants(bytes: Uint8Array): string | null {
  const normalised = bytes.includes(0xed) || bytes.includes(0xc0) ? normaliseVariants(bytes) : bytes;
  if (normalised === null) return null;
  try {
    return strictUtf8.decode(normalised);
  } catch {
    return null;
  }
}

/** Rewrite CESU-8 pairs as 4-byte UTF-8 and C0 80 as 00; null when a variant is malformed. */
function normaliseVariants(bytes: Uint8Array): Uint8Array | null {
  const out: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    if (b === 0xc0) {
      if (bytes[i + 1] !== 0x80) return null;
      out.push(0);
      i++;
    } else if (b === 0xed && utf8SequenceLength(bytes, i) === 6) {
      const hi = 0xd000 | (((bytes[i + 1] ?? 0) & 0x3f) << 6) | ((bytes[i + 2] ?? 0) & 0x3f);
      const lo = 0xd000 | (((bytes[i + 4] ?? 0) & 0x3f) << 6) | ((bytes[i + 5] ?? 0) & 0x3f);
      const cp = 0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00);
      out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 0x3f), 0x80 | ((cp >> 6) & 0x3f), 0x80 | (cp & 0x3f));
      i += 5;
    } else {
      out.push(b);
    }
  }
  return Uint8Array.from(out);
}
