import iconv from 'iconv-lite';

/**
 * The single-byte codecs that UTF-8 text is commonly misread as, in the order ftfy tries
 * them (most likely first). "sloppy" codecs decode the bytes a codec leaves undefined as
 * the C1 control or Latin-1 character with the same number, as browsers do, and encode
 * U+FFFD as byte 0x1A so that lossy mojibake can still be recognised.
 */
export const CODEC_NAMES = [
  'latin-1',
  'sloppy-windows-1252',
  'sloppy-windows-1251',
  'sloppy-windows-1250',
  'sloppy-windows-1253',
  'sloppy-windows-1254',
  'sloppy-windows-1257',
  'iso-8859-2',
  'macroman',
  'cp437',
] as const;
export type CodecName = (typeof CODEC_NAMES)[number];

export interface SingleByteCodec {
  name: CodecName;
  /** Character (UTF-16 code unit) for each byte 0x80-0xFF. */
  high: readonly string[];
  /** Code unit → byte for every character the codec can produce. */
  encodeMap: Map<number, number>;
  sloppy: boolean;
}

/**
 * Byte 0x80-0xFF → character. iconv-lite's tables are the base, but neither source is
 * right alone: iconv-lite maps undefined bytes to U+FFFD (so windows-1252's \x81 \x8d \x8f
 * \x90 \x9d cannot round-trip) and has U+FFFD at macintosh 0xF0, where Mac Roman has the
 * Apple logo U+F8FF (emoji start there); Node 20's TextDecoder gets those right but decodes
 * 'windows-1252' as plain Latin-1. So: iconv-lite, then TextDecoder for its holes, then
 * (sloppy) the Latin-1 character with the same number.
 */
function highTable(name: CodecName): string[] {
  const bytes = new Uint8Array(128).map((_, i) => i + 0x80);
  if (name === 'latin-1') return Array.from(String.fromCharCode(...bytes));
  const label = name === 'macroman' ? 'macintosh' : name.replace(/^sloppy-/, '');
  const base = Array.from(iconv.decode(Buffer.from(bytes), label));
  let web: string[] = [];
  try {
    web = Array.from(new TextDecoder(label).decode(bytes));
  } catch {
    // cp437 is not a WHATWG encoding; iconv-lite's table is complete for it.
  }
  if (base.length !== 128) throw new Error(`codec table for ${name} has ${base.length} entries`);
  return base.map((c, i) => {
    if (c !== '\ufffd') return c;
    const fallback = web[i];
    return fallback !== undefined && fallback !== '\ufffd' ? fallback : String.fromCharCode(i + 0x80);
  });
}

function buildCodec(name: CodecName): SingleByteCodec {
  const high = highTable(name);
  const sloppy = name.startsWith('sloppy-');
  const encodeMap = new Map<number, number>();
  for (let b = 0; b < 0x80; b++) encodeMap.set(b, b);
  if (sloppy) {
    // ftfy's sloppy codecs decode 0x1A as U+FFFD, so U+FFFD encodes back to 0x1A.
    encodeMap.delete(0x1a);
    encodeMap.set(0xfffd, 0x1a);
  }
  high.forEach((c, i) => {
    if (!encodeMap.has(c.charCodeAt(0))) encodeMap.set(c.charCodeAt(0), i + 0x80);
  });
  return { name, high, encodeMap, sloppy };
}

export const CODECS: readonly SingleByteCodec[] = CODEC_NAMES.map(buildCodec);

const codecByName = new Map(CODECS.map((c) => [c.name, c]));
export function codec(name: CodecName): SingleByteCodec {
  const found = codecByName.get(name);
  if (!found) throw new Error(`unknown codec ${name}`);
  return found;
}

/** Encode text with a single-byte codec, or null when some character has no byte in it. */
export function encodeSingleByte(text: string, c: SingleByteCodec): Uint8Array | null {
  const out = new Uint8Array(text.length);
  const map = c.encodeMap;
  for (let i = 0; i < text.length; i++) {
    const b = map.get(text.charCodeAt(i));
    if (b === undefined) return null;
    out[i] = b;
  }
  return out;
}

/**
 * Decode bytes with a single-byte codec, as a browser or editor would (byte 1A stays a
 * control character; only the repair's own encoder treats it as U+FFFD).
 */
export function decodeSingleByte(bytes: Uint8Array, c: SingleByteCodec): string {
  const units = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    units[i] = b < 0x80 ? b : (c.high[b - 0x80] ?? '\ufffd').charCodeAt(0);
  }
  let out = '';
  // fromCharCode takes its arguments on the stack: go in slices.
  for (let i = 0; i < units.length; i += 8192) out += String.fromCharCode(...units.subarray(i, i + 8192));
  return out;
}
