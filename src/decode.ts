import { createRequire } from 'node:module';
import { UserError } from './errors.js';
import { codec, decodeSingleByte } from './repair/codecs.js';

/** Text decoded from bytes, with the encoding that decoded it. */
export interface Decoded {
  text: string;
  /** 'utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'windows-1252', or a charset iconv-lite knows. */
  encoding: string;
}

export interface DecodeOptions {
  /** Inputs over this many bytes are refused ('too-large'). */
  maxBytes?: number;
}

export const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;

// iconv-lite and chardet take a while to load and only bytes in legacy charsets need them.
const require = createRequire(import.meta.url);
let iconvModule: typeof import('iconv-lite') | null = null;
function iconv(): typeof import('iconv-lite') {
  iconvModule ??= require('iconv-lite') as typeof import('iconv-lite');
  return iconvModule;
}
let chardetModule: typeof import('chardet') | null = null;
function chardet(): typeof import('chardet') {
  chardetModule ??= require('chardet') as typeof import('chardet');
  return chardetModule;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
// Browsers map windows-1252's five undefined bytes to C1 controls; iconv-lite maps them to
// U+FFFD (lost for good) and Node 20's TextDecoder('windows-1252') decodes plain Latin-1,
// so the table comes from the repair's codecs, which reconcile the two.
const windows1252 = codec('sloppy-windows-1252');
const decodeWindows1252 = (bytes: Uint8Array): string => decodeSingleByte(bytes, windows1252);

/** File signatures of formats people attach by mistake: none of them is text. */
const BINARY_SIGNATURES: readonly (readonly number[])[] = [
  [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF8
  [0x50, 0x4b, 0x03, 0x04], // zip, docx, xlsx, odt
  [0x50, 0x4b, 0x05, 0x06], // empty zip
  [0x1f, 0x8b], // gzip
  [0x42, 0x5a, 0x68], // bzip2
  [0x37, 0x7a, 0xbc, 0xaf], // 7z
  [0x52, 0x61, 0x72, 0x21], // rar
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0x4d, 0x5a], // Windows executable
  [0xd0, 0xcf, 0x11, 0xe0], // old MS Office (doc, xls)
  [0x49, 0x49, 0x2a, 0x00], // TIFF
  [0x4d, 0x4d, 0x00, 0x2a], // TIFF
  [0x00, 0x00, 0x01, 0x00], // ICO
  [0x1a, 0x45, 0xdf, 0xa3], // Matroska / WebM
  [0x4f, 0x67, 0x67, 0x53], // Ogg
  [0x49, 0x44, 0x33], // MP3 with ID3
  [0x66, 0x4c, 0x61, 0x43], // FLAC
];

/**
 * Decode a pasted or attached file: BOM first (UTF-8, UTF-16 LE/BE), then strict UTF-8, then
 * a legacy charset the bytes clearly are (Windows-1251, Shift_JIS, GBK…), then Windows-1252
 * (what a legacy Windows editor writes). Refuses empty, binary and oversized input with a
 * UserError whose message is fit to show to the person.
 */
export function decodeBytes(bytes: Uint8Array, opts: DecodeOptions = {}): Decoded {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > maxBytes) {
    throw new UserError('too-large', `that file is ${formatMegabytes(bytes.length)}; the limit is ${formatMegabytes(maxBytes)}`);
  }
  if (bytes.length === 0) throw new UserError('empty', 'that input is empty');
  if (hasBinarySignature(bytes)) throw binaryError();
  const decoded = sniffAndDecode(bytes);
  if (isBlank(decoded.text)) throw new UserError('empty', 'that input is empty (only whitespace)');
  if (looksBinary(decoded.text)) throw binaryError();
  return decoded;
}

/**
 * Decode a fetched page with the charset its headers or meta tag declared. A declared
 * charset iconv-lite does not know (or none) falls back to sniffing, as browsers do.
 */
export function decodeWithCharset(bytes: Uint8Array, charset: string): string {
  const bom = sniffBom(bytes);
  // A BOM outranks the declared charset (WHATWG encoding sniffing order).
  if (bom) return bom.text;
  const name = normaliseCharset(charset);
  if (name === 'utf-8') {
    const utf8 = tryStrictUtf8(bytes);
    // Servers often say utf-8 for pages that are not: decode leniently only when it is.
    return utf8 ?? new TextDecoder('utf-8').decode(bytes);
  }
  if (name === 'windows-1252') return decodeWindows1252(bytes);
  // iconv-lite's macintosh has U+FFFD at 0xF0, the Apple logo.
  if (name === 'macintosh') return decodeSingleByte(bytes, codec('macroman'));
  if (name !== null && iconv().encodingExists(name)) return iconv().decode(Buffer.from(bytes), name);
  return sniffAndDecode(bytes).text;
}

/** Map a declared charset label to the decoder we use, or null when we know no such charset. */
export function normaliseCharset(charset: string): string | null {
  const label = charset.trim().replace(/^["']|["']$/g, '').trim().toLowerCase();
  if (label === '') return null;
  const alias = CHARSET_ALIASES[label];
  if (alias) return alias;
  if (/^utf-?8$/.test(label)) return 'utf-8';
  // Browsers decode every Latin-1 label as windows-1252 (WHATWG): pages that say
  // iso-8859-1 routinely use curly quotes from the 0x80-0x9F range.
  if (/^(iso[-_]?8859[-_]?1|latin-?1|l1|us-ascii|ascii|cp1252|x-cp1252|windows-1252|cp819|ibm819)$/.test(label)) {
    return 'windows-1252';
  }
  return iconv().encodingExists(label) ? label : null;
}

const CHARSET_ALIASES: Readonly<Record<string, string>> = {
  'x-sjis': 'shift_jis',
  'shift-jis': 'shift_jis',
  sjis: 'shift_jis',
  'ms_kanji': 'shift_jis',
  'windows-31j': 'cp932',
  'x-euc-jp': 'euc-jp',
  'ks_c_5601-1987': 'euc-kr',
  'ks_c_5601-1989': 'euc-kr',
  'x-gbk': 'gbk',
  gb2312: 'gbk',
  'x-gb2312': 'gbk',
  'big5-hkscs': 'big5hkscs',
  'x-mac-roman': 'macintosh',
  'mac': 'macintosh',
  'x-mac-cyrillic': 'maccyrillic',
  'koi8': 'koi8-r',
};

function sniffAndDecode(bytes: Uint8Array): Decoded {
  const bom = sniffBom(bytes);
  if (bom) return bom;
  // Before UTF-8: UTF-16 text in a Latin script is also valid UTF-8, full of NULs.
  const utf16 = sniffBomlessUtf16(bytes);
  if (utf16) return utf16;
  const utf8 = tryStrictUtf8(bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  const legacy = detectLegacyCharset(bytes);
  if (legacy) return { text: iconv().decode(Buffer.from(bytes), legacy), encoding: legacy };
  return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
}

/** Labels a detector gives Windows-1252 text (and its subsets): the fallback already reads them. */
const WESTERN_LABELS: ReadonlySet<string> = new Set(['windows-1252', 'iso-8859-1', 'iso-8859-15', 'ascii']);
/** A detector's answer below this (chardet's 0–100 scale) is a guess: short texts score 10–20 for anything. */
const MIN_DETECTION_CONFIDENCE = 20;
/** Detection reads a sample: its statistics settle within a few kilobytes of text. */
const DETECTION_SAMPLE_BYTES = 64 * 1024;

/**
 * The legacy charset bytes that are not UTF-8 are in, when a detector is sure and it is not
 * Windows-1252; null otherwise. chardet (ICU's detector: byte n-gram models per language and
 * the multi-byte Asian encodings) rather than jschardet: on job-posting samples it kept every
 * Windows-1252 text (jschardet read English with curly quotes as DOS code pages), and its
 * scores for every candidate let a non-Western answer be required to win clearly: at least
 * MIN_DETECTION_CONFIDENCE and twice the best Western score.
 */
function detectLegacyCharset(bytes: Uint8Array): string | null {
  const sample = detectionSample(bytes);
  if (!sample.some((b) => b >= 0x80)) return null;
  const matches = chardet().analyse(sample).map((m) => ({ name: m.name.toLowerCase(), confidence: m.confidence }));
  // Bytes the detector takes for UTF-8 are UTF-8 with a stray byte: the repair step reads those better.
  if (matches[0]?.name.startsWith('utf')) return null;
  const western = Math.max(0, ...matches.filter((m) => WESTERN_LABELS.has(m.name)).map((m) => m.confidence));
  const best = matches.find((m) => !WESTERN_LABELS.has(m.name) && !/^(utf|iso-2022)/.test(m.name));
  if (!best || best.confidence < MIN_DETECTION_CONFIDENCE || best.confidence < 2 * western) return null;
  const name = normaliseCharset(best.name);
  return name !== null && name !== 'windows-1252' && name !== 'utf-8' && iconv().encodingExists(name) ? name : null;
}

/**
 * The first 64 KB with markup, scripts and styles cut out: their ASCII dilutes a detector's
 * statistics (a Cyrillic page is mostly English tag names). Bytes of 0x80 and up are never
 * '<' or '>' in the ASCII-compatible charsets detected here, so cutting by bytes is safe.
 */
function detectionSample(bytes: Uint8Array): Uint8Array {
  const head = Buffer.from(bytes.subarray(0, DETECTION_SAMPLE_BYTES)).toString('latin1');
  if (!head.includes('<')) return bytes.subarray(0, DETECTION_SAMPLE_BYTES);
  const lower = head.toLowerCase();
  let out = '';
  let at = 0;
  while (at < head.length) {
    const open = head.indexOf('<', at);
    if (open === -1) {
      out += head.slice(at);
      break;
    }
    out += `${head.slice(at, open)} `;
    const close = head.indexOf('>', open);
    if (close === -1) break;
    const raw = /^<(script|style)[\s>]/.exec(lower.slice(open, open + 8))?.[1];
    const end = raw ? lower.indexOf(`</${raw}`, close) : -1;
    at = raw ? (end === -1 ? head.length : end) : close + 1;
  }
  return Buffer.from(out, 'latin1');
}

function sniffBom(bytes: Uint8Array): Decoded | null {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) {
    // A BOM promises UTF-8; a stray invalid byte after it is replaced, not a reason to refuse.
    return { text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (b0 === 0xff && b1 === 0xfe) {
    return { text: new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (b0 === 0xfe && b1 === 0xff) {
    return { text: new TextDecoder('utf-16be', { ignoreBOM: true }).decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  return null;
}

function tryStrictUtf8(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * UTF-16 without a BOM (rare, but some Windows tools write it): text in a Latin script
 * puts a zero in every other byte. Only accepted when the pattern is overwhelming.
 */
function sniffBomlessUtf16(bytes: Uint8Array): Decoded | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < bytes.length; i += 2) {
    if (bytes[i] === 0) zeroEven++;
    if (bytes[i + 1] === 0) zeroOdd++;
  }
  const pairs = bytes.length / 2;
  const encoding = zeroOdd > pairs * 0.6 && zeroEven < pairs * 0.05 ? 'utf-16le'
    : zeroEven > pairs * 0.6 && zeroOdd < pairs * 0.05 ? 'utf-16be' : null;
  if (!encoding) return null;
  try {
    return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes), encoding };
  } catch {
    return null;
  }
}

function hasBinarySignature(bytes: Uint8Array): boolean {
  return BINARY_SIGNATURES.some((sig) => sig.every((b, i) => bytes[i] === b));
}

/**
 * Text has no NULs and few control characters; a binary blob decoded as text has many.
 * Tab, newline, carriage return and form feed are ordinary in pastes.
 */
function looksBinary(text: string): boolean {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f) controls++;
  }
  return controls > 8 && controls > sample.length * 0.02;
}

function isBlank(text: string): boolean {
  return /^[\s\u200b\u200c\u200d\u2060\ufeff]*$/u.test(text);
}

function binaryError(): UserError {
  return new UserError('binary', 'that file is not text (it looks like a PDF, an image or another binary file); paste the posting as text');
}

function formatMegabytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  const mb = bytes / 1024 / 1024;
  const shown = mb >= 10 ? Math.round(mb).toString() : (Math.round(mb * 10) / 10).toString();
  return `${shown} MB`;
}
