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
  /** The same as a flat table over the BMP, -1 where there is no byte: the hot path. */
  byteOf: Int16Array;
  sloppy: boolean;
}

/**
 * Byte 0x80-0xFF → character. Neither source is right alone. Node's TextDecoder follows the
 * WHATWG tables (as browsers and Python do: Mac Roman 0xBD is Ω U+03A9, 0xDB is €, 0xF0 is
 * the Apple logo U+F8FF where emoji start), but Node 20 decodes 'windows-1252' as plain
 * Latin-1. iconv-lite has windows-1252 right but maps undefined bytes to U+FFFD (so \x81
 * \x8d \x8f \x90 \x9d cannot round-trip) and has the old Mac Roman (Ω U+2126, ¤, U+FFFD).
 * So: TextDecoder, unless it gives a C1 control where iconv-lite has a real character;
 * then (sloppy) the Latin-1 character with the same number for what neither defines.
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
  return base.map((fromIconv, i) => {
    const fromWeb = web[i];
    const isC1 = (c: string): boolean => c.charCodeAt(0) >= 0x80 && c.charCodeAt(0) <= 0x9f;
    if (fromWeb !== undefined && fromWeb !== '\ufffd' && !(isC1(fromWeb) && fromIconv !== '\ufffd')) return fromWeb;
    return fromIconv !== '\ufffd' ? fromIconv : String.fromCharCode(i + 0x80);
  });
}

/**
 * Other characters converters write for the same byte (older Apple tables, Greek letters
 * for the look-alike symbols): the encoder accepts them too.
 */
const ALTERNATES: Partial<Record<CodecName, Record<number, number>>> = {
  macroman: { 0x2126: 0xbd, 0x00a4: 0xdb, 0x0394: 0xc6, 0x03bc: 0xb5 },
};

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
  for (const [unit, byte] of Object.entries(ALTERNATES[name] ?? {})) {
    if (!encodeMap.has(Number(unit))) encodeMap.set(Number(unit), byte);
  }
  const byteOf = new Int16Array(0x10000).fill(-1);
  for (const [unit, byte] of encodeMap) byteOf[unit] = byte;
  return { name, high, encodeMap, byteOf, sloppy };
}

export const CODECS: readonly SingleByteCodec[] = CODEC_NAMES.map(buildCodec);

const codecByName = new Map(CODECS.map((c) => [c.name, c]));
export function codec(name: CodecName): SingleByteCodec {
  const found = codecByName.get(name);
  if (!found) throw new Error(`unknown codec ${name}`);
  return found;
}

/** Every character the codec encodes to a byte in [from, to]. */
export function charsForBytes(c: SingleByteCodec, from: number, to: number): string {
  let out = '';
  for (const [unit, byte] of c.encodeMap) if (byte >= from && byte <= to) out += String.fromCharCode(unit);
  return out;
}

let scratch = new Uint8Array(4096);

/**
 * Encode text with a single-byte codec, or null when some character has no byte in it.
 * With `reuse`, the bytes live in a shared buffer, valid until the next such call: the
 * repair tries up to ten codecs per line and would otherwise allocate for each.
 */
export function encodeSingleByte(text: string, c: SingleByteCodec, reuse = false): Uint8Array | null {
  if (reuse && scratch.length < text.length) scratch = new Uint8Array(text.length * 2);
  const out = reuse ? scratch.subarray(0, text.length) : new Uint8Array(text.length);
  const table = c.byteOf;
  for (let i = 0; i < text.length; i++) {
    const b = table[text.charCodeAt(i)] ?? -1;
    if (b < 0) return null;
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
