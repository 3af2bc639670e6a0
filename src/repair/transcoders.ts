/**
 * Byte-level fixes applied to re-encoded text before it is decoded as UTF-8 (after ftfy's
 * restore_byte_a0 and replace_lossy_sequences). The regexes run on "binary strings",
 * one char per byte, because byte patterns read best that way.
 */

// A UTF-8 lead byte followed by a space that was a non-breaking space (byte A0) before some
// editor or web form collapsed it: Â, Ã (à), Å, Î, Ð, Ù, and 3- and 4-byte leads.
const ALTERED_UTF8_RE =
  /[\xc2\xc3\xc5\xce\xd0\xd9][ ]|[\xe2\xe3][ ][\x80-\x84\x86-\x9f\xa1-\xbf]|[\xe0-\xe3][\x80-\x84\x86-\x9f\xa1-\xbf][ ]|[\xf0][ ][\x80-\xbf][\x80-\xbf]|[\xf0][\x80-\xbf][ ][\x80-\xbf]|[\xf0][\x80-\xbf][\x80-\xbf][ ]/g;
// "Ã " is usually "à" whose A0 byte was lost, except before Portuguese words that take "Ã".
const A_GRAVE_WORD_RE = /\xc3 (?! |quele|quela|quilo|s )/g;

// UTF-8 sequences whose continuation bytes were replaced by "?" or by byte 1A (which the
// sloppy codecs use for U+FFFD): the character is lost, but the mojibake around it is not.
const LOSSY_UTF8_RE =
  /[\xc2-\xdf][\x1a]|[\xc2-\xc3][?]|\xed[\xa0-\xaf][\x1a?]\xed[\xb0-\xbf][\x1a?\x80-\xbf]|\xed[\xa0-\xaf][\x1a?\x80-\xbf]\xed[\xb0-\xbf][\x1a?]|[\xe0-\xef][\x1a?][\x1a\x80-\xbf]|[\xe0-\xef][\x1a\x80-\xbf][\x1a?]|[\xf0-\xf4][\x1a?][\x1a\x80-\xbf][\x1a\x80-\xbf]|[\xf0-\xf4][\x1a\x80-\xbf][\x1a?][\x1a\x80-\xbf]|[\xf0-\xf4][\x1a\x80-\xbf][\x1a\x80-\xbf][\x1a?]|\x1a/g;
const UTF8_REPLACEMENT = '\xef\xbf\xbd';

function toBinary(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}
function fromBinary(s: string): Uint8Array {
  return new Uint8Array(Buffer.from(s, 'latin1'));
}

const A0_LEAD = new Uint8Array(256);
for (const b of [0xc2, 0xc3, 0xc5, 0xce, 0xd0, 0xd9, 0xe0, 0xe1, 0xe2, 0xe3, 0xf0]) A0_LEAD[b] = 1;

/** Cheap test before the regexes: a lead byte with a space among the next three bytes. */
function mayHaveLostA0(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) {
    if (A0_LEAD[bytes[i] ?? 0] && (bytes[i + 1] === 0x20 || bytes[i + 2] === 0x20 || bytes[i + 3] === 0x20)) return true;
  }
  return false;
}

/** Put back byte A0 where a space stands in for it inside a UTF-8 sequence. */
export function restoreByteA0(bytes: Uint8Array): Uint8Array {
  if (!mayHaveLostA0(bytes)) return bytes;
  const before = toBinary(bytes);
  ALTERED_UTF8_RE.lastIndex = 0;
  if (!ALTERED_UTF8_RE.test(before)) return bytes;
  const after = before
    .replace(A_GRAVE_WORD_RE, '\xc3\xa0 ')
    .replace(ALTERED_UTF8_RE, (m) => m.replaceAll(' ', '\xa0'));
  return after === before ? bytes : fromBinary(after);
}

/** Replace UTF-8 sequences that lost bytes with the UTF-8 bytes of U+FFFD. */
export function replaceLossySequences(bytes: Uint8Array): Uint8Array {
  if (!bytes.includes(0x1a) && !bytes.includes(0x3f)) return bytes;
  const before = toBinary(bytes);
  const after = before.replace(LOSSY_UTF8_RE, UTF8_REPLACEMENT);
  return after === before ? bytes : fromBinary(after);
}
