import { isBad } from './badness.js';
import { CODECS, type SingleByteCodec } from './codecs.js';
import { decodeUtf8Variants, utf8SequenceLength } from './utf8.js';

export interface RunRepair {
  text: string;
  codec: string;
}

// Stand for characters the codec cannot encode (never part of a UTF-8 sequence): a
// Latin-range letter or sign, which may be mojibake in another codec, or anything else.
const FOREIGN_LATIN = 0xfe;
const NO_BYTE = 0xff;
const SYNTHETIC = -1;
// What a repaired run may not turn into: controls, private use, unassigned code points.
const IMPLAUSIBLE_RE = /[\p{Cc}\p{Co}\p{Cn}]/u;
// 2-byte UTF-8 leads whose A0 continuation often ends up as a plain space (Â, Ã, Å, Î, Ð, Ù).
const A0_LEADS = new Set([0xc2, 0xc3, 0xc5, 0xce, 0xd0, 0xd9]);
// "Ã " before these is Portuguese "às", "àquele"…: the space itself was the A0 byte.
const A0_WAS_THE_SPACE_RE = /(?: |quele|quela|quilo|s )/y;

/**
 * Repair the runs of mojibake inside a segment that does not re-encode as a whole, such as
 * a line that mixes right accents with Mac Roman mojibake (`Zürich ‚Äì Remote`). This is
 * ftfy's decode_inconsistent_utf8 widened to every codec. Each codec proposes runs: stretches
 * whose bytes form complete UTF-8 sequences, not glued to stray continuation bytes, that look
 * bad on their own and decode to plausible characters. The codec whose runs cover the most
 * text wins (ties go to the likelier codec).
 */
export function bestRunRepair(text: string): RunRepair | null {
  let best: { coverage: number; text: string; codec: string } | null = null;
  for (const c of CODECS) {
    const found = runRepairsWith(text, c);
    if (found.length === 0) continue;
    const coverage = found.reduce((n, r) => n + r.end - r.start, 0);
    if (best === null || coverage > best.coverage) best = { coverage, text: applyRepairs(text, found), codec: c.name };
  }
  return best === null ? null : { text: best.text, codec: best.codec };
}

interface Replacement {
  start: number;
  end: number;
  text: string;
}

function applyRepairs(text: string, repairs: readonly Replacement[]): string {
  let out = '';
  let copied = 0;
  for (const r of repairs) {
    out += text.slice(copied, r.start) + r.text;
    copied = r.end;
  }
  return out + text.slice(copied);
}

/** The segment as bytes in codec `c`, with the index of the character each byte came from. */
function toBytes(text: string, c: SingleByteCodec): { bytes: Uint8Array; source: Int32Array } {
  // A restored A0 can add one byte per space: room for the worst case.
  const bytes = new Uint8Array(text.length * 2);
  const source = new Int32Array(text.length * 2);
  const table = c.byteOf;
  const restoreA0 = c.name !== 'macroman';
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const known = table[unit] ?? -1;
    const b = known >= 0 ? known : unit >= 0x80 && unit < 0x300 ? FOREIGN_LATIN : NO_BYTE;
    const prev = n > 0 ? (bytes[n - 1] ?? 0) : 0;
    if (b === 0x20 && restoreA0 && A0_LEADS.has(prev)) {
      A0_WAS_THE_SPACE_RE.lastIndex = i + 1;
      if (prev === 0xc3 && !A0_WAS_THE_SPACE_RE.test(text)) {
        // "voilÃ le": the A0 was lost and the space is a real space.
        bytes[n] = 0xa0;
        source[n++] = SYNTHETIC;
        bytes[n] = 0x20;
        source[n++] = i;
      } else {
        // "Ã s crianças": the space stands in for the A0 byte.
        bytes[n] = 0xa0;
        source[n++] = i;
      }
      continue;
    }
    bytes[n] = b;
    source[n++] = i;
  }
  return { bytes: bytes.subarray(0, n), source: source.subarray(0, n) };
}

const isContinuation = (b: number | undefined): boolean => b !== undefined && b >= 0x80 && b <= 0xbf;

function runRepairsWith(text: string, c: SingleByteCodec): Replacement[] {
  const { bytes: array, source } = toBytes(text, c);
  const found: Replacement[] = [];
  for (let p = 0; p < array.length; ) {
    let len = utf8SequenceLength(array, p);
    if (len === 0) {
      p++;
      continue;
    }
    const first = p;
    while (len > 0) {
      p += len;
      len = utf8SequenceLength(array, p);
    }
    // A run right after a stray continuation byte, or after a letter this codec cannot
    // encode, belongs to mojibake of another shape: leave it.
    const before = array[first - 1];
    if (isContinuation(before) || before === FOREIGN_LATIN) continue;
    const start = source[first] ?? 0;
    let last = p - 1;
    while (last > first && source[last] === SYNTHETIC) last--;
    const end = (source[last] ?? start) + 1;
    const garbled = text.slice(start, end);
    const decoded = decodeUtf8Variants(array.subarray(first, p));
    if (decoded === null || IMPLAUSIBLE_RE.test(decoded)) continue;
    const restoredA0 = end - start !== p - first || garbled.includes(' ');
    // A run with a restored A0 is judged with its neighbours ("relatifs Ã l’"), since its
    // patterns need the letter before it; any other run must look bad on its own.
    const judged = restoredA0 ? text.slice(Math.max(0, start - 2), end + 1) : garbled;
    if (!isBad(judged)) continue;
    // A synthetic A0 leaves the following space in place.
    found.push({ start, end, text: decoded });
  }
  return found;
}
