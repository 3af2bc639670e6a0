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

// Node 20's TextDecoder decodes 'windows-1252' as plain Latin-1 (and iconv-lite maps its five
// undefined bytes to U+FFFD), and has no cp437: those two tables are written out here.
// Windows-1252 0x80-0x9F; the undefined 81 8D 8F 90 9D stay C1 controls, as in browsers.
const WINDOWS_1252_80_9F =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
// IBM PC code page 437, 0x80-0xFF.
const CP437_HIGH =
  '\u00c7\u00fc\u00e9\u00e2\u00e4\u00e0\u00e5\u00e7\u00ea\u00eb\u00e8\u00ef\u00ee\u00ec\u00c4\u00c5' +
  '\u00c9\u00e6\u00c6\u00f4\u00f6\u00f2\u00fb\u00f9\u00ff\u00d6\u00dc\u00a2\u00a3\u00a5\u20a7\u0192' +
  '\u00e1\u00ed\u00f3\u00fa\u00f1\u00d1\u00aa\u00ba\u00bf\u2310\u00ac\u00bd\u00bc\u00a1\u00ab\u00bb' +
  '\u2591\u2592\u2593\u2502\u2524\u2561\u2562\u2556\u2555\u2563\u2551\u2557\u255d\u255c\u255b\u2510' +
  '\u2514\u2534\u252c\u251c\u2500\u253c\u255e\u255f\u255a\u2554\u2569\u2566\u2560\u2550\u256c\u2567' +
  '\u2568\u2564\u2565\u2559\u2558\u2552\u2553\u256b\u256a\u2518\u250c\u2588\u2584\u258c\u2590\u2580' +
  '\u03b1\u00df\u0393\u03c0\u03a3\u03c3\u00b5\u03c4\u03a6\u0398\u03a9\u03b4\u221e\u03c6\u03b5\u2229' +
  '\u2261\u00b1\u2265\u2264\u2320\u2321\u00f7\u2248\u00b0\u2219\u00b7\u221a\u207f\u00b2\u25a0\u00a0';

/**
 * Byte 0x80-0xFF → character. The other tables come from Node's TextDecoder, which follows
 * WHATWG as browsers and Python do (Mac Roman 0xBD is Ω U+03A9, 0xDB €, 0xF0 the Apple logo
 * U+F8FF where emoji start; iconv-lite has U+2126, ¤ and U+FFFD there). Sloppy: a byte the
 * codec leaves undefined stands for the Latin-1 character with the same number.
 */
function highTable(name: CodecName): string[] {
  const latin1 = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i + 0x80));
  if (name === 'latin-1') return latin1;
  if (name === 'cp437') return Array.from(CP437_HIGH);
  if (name === 'sloppy-windows-1252') return [...Array.from(WINDOWS_1252_80_9F), ...latin1.slice(0x20)];
  const label = name === 'macroman' ? 'macintosh' : name.replace(/^sloppy-/, '');
  const decoded = Array.from(new TextDecoder(label).decode(Uint8Array.from(latin1, (c) => c.charCodeAt(0))));
  if (decoded.length !== 128) throw new Error(`codec table for ${name} has ${decoded.length} entries`);
  return decoded.map((c, i) => (c === '\ufffd' ? (latin1[i] ?? c) : c));
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
