/**
 * The "badness" heuristic: pairs and triples of characters that are rare in real text but
 * common in mojibake. Nothing is repaired unless one of these matches. The character
 * classes and most patterns are ftfy's (python-ftfy 6.3, ftfy/badness.py, Apache-2.0,
 * Robyn Speer); MAC_ROMAN_PATTERNS are ours, for Mac Roman mojibake that ftfy misses.
 */
import { charsForBytes, codec } from './codecs.js';

const CLASSES: Readonly<Record<string, string>> = {
  // Python's \w, which the pattern after accented letters and punctuation needs.
  word: '\\p{L}\\p{N}_',
  common: '\u00a0\u00ad\u00b7\u00b4\u2013\u2014\u2015\u2026\u2019',
  c1: '\u0080-\u009f',
  bad: '\u00a6\u00a4\u00a8\u00ac\u00af\u00b8\u0192\u02c6\u02c7\u02d8\u02db\u02dc\u2020\u2021\u2030\u2310\u25ca\ufffd\u00aa\u00ba',
  law: '\u00b6\u00a7',
  currency: '\u00a2\u00a3\u00a5\u20a7\u20ac',
  start_punctuation: '\u00a1\u00ab\u00bf\u00a9\u0384\u0385\u2018\u201a\u201c\u201e\u2022\u2039\uf8ff',
  end_punctuation: '\u00ae\u00bb\u02dd\u201d\u203a\u2122',
  numeric:
    '\u00b2\u00b3\u00b9\u00b1\u00bc\u00bd\u00be\u00d7\u00b5\u00f7\u2044\u2202\u2206\u220f\u2211\u221a\u221e\u2229\u222b\u2248\u2260\u2261\u2264\u2265\u2116',
  kaomoji: '\u00d2-\u00d6\u00d9-\u00dc\u00f2-\u00f6\u00f8-\u00fc\u0150\u014c\u016a\u0172\u00b0',
  upper_accented:
    '\u00c0-\u00d1\u00d8\u00dc\u00dd\u0102\u0100\u0104\u0106\u010c\u010e\u0110\u0118\u011a\u0112\u0116\u011e\u0122\u0130\u012a\u0136\u0139\u013d\u0141\u013b\u0143\u0147\u0145\u0152\u0158\u015a\u015e\u0160\u0162\u0164\u016e\u0170\u0178\u0179\u017b\u017d\u0490',
  lower_accented:
    '\u00df\u00e0-\u00f1\u0103\u0105\u0101\u0107\u010d\u010f\u0111\u0119\u011b\u0113\u0117\u011f\u0123\u012f\u012b\u0137\u013a\u013e\u0142\u013c\u0153\u0155\u015b\u015f\u0161\u0165\u00fc\u017a\u017c\u017e\u0491\ufb01\ufb02',
  upper_common: '\u00de\u0391-\u03a9\u0386\u0388\u0389\u038a\u038c\u038e\u038f\u03aa\u03ab\u0401-\u042f',
  lower_common: '\u03b1-\u03c9\u03ac\u03ad\u03ae\u03af\u03b0\u0430-\u045f',
  box: '\u2502\u250c\u2510\u2518\u251c\u2524\u252c\u253c\u2550-\u256c\u2580\u2584\u2588\u258c\u2590\u2591\u2592\u2593',
  // Mac Roman bytes 0x80-0xBF: what UTF-8 continuation bytes turn into when read as Mac Roman.
  mac_continuation: charsForBytes(codec('macroman'), 0x80, 0xbf),
  // The accented letters and the signs among them that mathematics does not use after √ or ≈.
  mac_letters: charsForBytes(codec('macroman'), 0x80, 0x9f) + '\u00b0\u2020\u00a2\u00a3\u00a7\u2022\u00b6\u00df\u00ae\u00a9\u00a8\u00c6\u00d8\u00e6\u00f8',
  // Mac Roman bytes 0xA0-0xBF but ´ (0xAB).
  mac_signs: charsForBytes(codec('macroman'), 0xa0, 0xbf).replace('\u00b4', ''),
  // Windows-1252 bytes 0x80-0xBF (C1 controls where it leaves a byte undefined); the
  // symbols among them leave out the no-break space and soft hyphen, which real text puts
  // after any letter.
  cp1252_continuation: codec('sloppy-windows-1252').high.slice(0, 0x40).join(''),
  cp1252_symbols: codec('sloppy-windows-1252').high.slice(0, 0x40).join('').replace(/[\u00a0\u00ad]/g, ''),
  // ...and leaving out as well the punctuation that real text puts right after a word.
  cp1252_unusual: codec('sloppy-windows-1252')
    .high.slice(0, 0x40)
    .join('')
    .replace(/[\u00a0\u00ad\u2026\u201d\u2019\u201c\u2018\u00bb\u00ab\u203a\u2039\u2013\u2014\u2022\u2122\u00ae\u00a9\u00b0\u00b7\u00b4\u00a8]/g, ''),
};

/** ftfy's patterns, in its order; `{name}` is a character class body from CLASSES. */
const FTFY_PATTERNS: readonly string[] = [
  '[{c1}]',
  '[{bad}{lower_accented}{upper_accented}{box}{start_punctuation}{end_punctuation}{currency}{numeric}{law}][{bad}]',
  '[a-zA-Z][{lower_common}{upper_common}][{bad}]',
  '[{bad}][{lower_accented}{upper_accented}{box}{start_punctuation}{end_punctuation}{currency}{numeric}{law}]',
  '[{lower_accented}{lower_common}{box}{end_punctuation}{currency}{numeric}][{upper_accented}]',
  '[{box}{end_punctuation}{currency}{numeric}][{lower_accented}]',
  '[{lower_accented}{box}{end_punctuation}][{currency}]',
  '\\s[{upper_accented}][{currency}]',
  '[{upper_accented}{box}][{numeric}{law}]',
  '[{lower_accented}{upper_accented}{box}{currency}{end_punctuation}][{start_punctuation}][{numeric}]',
  '[{lower_accented}{upper_accented}{currency}{numeric}{box}{law}][{end_punctuation}][{start_punctuation}]',
  '[{currency}{numeric}{box}][{start_punctuation}]',
  '[a-z][{upper_accented}][{start_punctuation}{currency}]',
  '[{box}][{kaomoji}]',
  '[{lower_accented}{upper_accented}{currency}{numeric}{start_punctuation}{end_punctuation}{law}][{box}]',
  '[{box}][{end_punctuation}]',
  '[{lower_accented}{upper_accented}][{start_punctuation}{end_punctuation}][{word}]',
  '[\u0152\u0153][^A-Za-z]',
  '[{upper_accented}]\u00b0',
  '[\u00c2\u00c3\u00ce\u00d0][\u20ac\u0153\u0160\u0161\u00a2\u00a3\u0178\u017e\u00a0\u00ad\u00ae\u00a9\u00b0\u00b7\u00bb{start_punctuation}{end_punctuation}\u2013\u2014\u00b4]',
  '\u00d7[\u00b2\u00b3]',
  '[\u00d8\u00d9][{common}{currency}{bad}{numeric}{start_punctuation}\u0178\u0160\u00ae\u00b0\u00b5\u00bb][\u00d8\u00d9][{common}{currency}{bad}{numeric}{start_punctuation}\u0178\u0160\u00ae\u00b0\u00b5\u00bb]',
  '\u00e0[\u00b2\u00b5\u00b9\u00bc\u00bd\u00be]',
  '\u221a[\u00b1\u2202\u2020\u2260\u00ae\u2122\u00b4\u2264\u2265\u00a5\u00b5\u00f8]',
  '\u2248[\u00b0\u00a2]',
  '\u201a\u00c4[\u00ec\u00ee\u00ef\u00f2\u00f4\u00fa\u00f9\u00fb\u2020\u00b0\u00a2\u03c0]',
  '\u201a[\u00e2\u00f3][\u00e0\u00e4\u00b0\u00ea]',
  '\u0432\u0402',
  '[\u0412\u0413\u0420\u0421][{c1}{bad}{start_punctuation}{end_punctuation}{currency}\u00b0\u00b5][\u0412\u0413\u0420\u0421]',
  '\u0413\u045e\u0412\u0402\u0412.[A-Za-z ]',
  '\u00c3[\u00a0\u00a1]',
  '[a-z]\\s?[\u00c3\u00c2][ ]',
  '^[\u00c3\u00c2][ ]',
  '[a-z.,?!{end_punctuation}]\u00c2[ {start_punctuation}{end_punctuation}]',
  '\u03b2\u20ac[\u2122\u00a0\u0386\u00ad\u00ae\u00b0]',
  '[\u0392\u0393\u039e\u039f][{c1}{bad}{start_punctuation}{end_punctuation}{currency}\u00b0][\u0392\u0393\u039e\u039f]',
  '\u0101\u20ac',
];

/**
 * Mac Roman mojibake ftfy lets through, which job pages are full of (pasted from a Mac):
 * ‚ (byte E2) followed by two continuation bytes is a UTF-8 punctuation mark, arrow or
 * dingbat (‚Ñ¢ ™, ‚Üí →, ‚úî ✔, ‚úÖ ✅); the Apple logo (byte F0) followed by three is an
 * emoji; Cyrillic turns into dashes each followed by an accented letter or a symbol. Real
 * text does not put two accented letters or symbols straight after ‚, nor alternate them
 * with dashes.
 */
const MAC_ROMAN_PATTERNS: readonly string[] = [
  '\u201a[{mac_continuation}][{mac_continuation}]',
  '\uf8ff[{mac_continuation}][{mac_continuation}][{mac_continuation}]',
  // Other 3-byte leads (E0-EF read as ‡ · „ ‰ Â Ê Á Ë È Í Î Ï Ì Ó Ô) before two continuation
  // bytes: CJK, kana, Hangul, Indic scripts. Real text does not stack three such characters.
  '[\u2021\u00b7\u201e\u2030\u00c2\u00ca\u00c1\u00cb\u00c8\u00cd\u00ce\u00cf\u00cc\u00d4][{mac_continuation}][{mac_continuation}]',
  // Latin-1 signs (C2 A0-BF: ½ ¥ § « …) are ¬ and a sign; not ¬´, a face drawn in ASCII art.
  '\u00ac[{mac_signs}]',
  // Arabic letters and digits (D8, D9) are ÿ or Ÿ before a continuation byte; Vietnamese ư ơ
  // (C6 B0, C6 AF) are ∆∞ and ∆Ø (not ∆°, which is also a change of angle).
  '[\u00ff\u0178][{mac_continuation}]',
  '\u2206[\u221e\u00d8\u2020]',
  // Two Cyrillic letters in a row (UTF-8 leads D0, D1 read as – and —): "–û–±—è".
  '[\u2013\u2014][{mac_continuation}][\u2013\u2014][{mac_continuation}]',
  // Latin letters: √ (C3) before ä é ü ø ú ý…, ƒ (C4) and ≈ (C5) before ą ę ř ś ź ž…; but
  // not the mathematics of √π, √∞, ≈± or ≈π, and √π only right after a letter (pi√π, più).
  '\u221a[{mac_letters}\u2211\u220f\u222b\u03a9]',
  '[A-Za-z]\u221a\u03c0',
  '\u0192[{mac_continuation}]',
  '\u2248[{mac_letters}\u222b\u03a9\u2126\u2211\u220f]',
];

/**
 * Windows-1252 mojibake ftfy lets through: â (E2) before two continuation bytes is ™, an
 * arrow, a bullet or a box (â„¢ ™, â–ª ▪, â—† ◆), never real text; Ä and Å (C4, C5)
 * before a continuation byte and a letter are Latin Extended-A inside a word (Ä…, Å‚);
 * a lone CJK or Hangul character is an accented letter and two signs.
 */
const CP1252_PATTERNS: readonly string[] = [
  '\u00e2[{cp1252_symbols}][{cp1252_continuation}]',
  '[\u00c4\u00c5][{cp1252_symbols}][a-z]',
  '[a-z][\u00c4\u00c5][{cp1252_symbols}]',
  // Other 3-byte leads (à-ï) before an unusual sign and a continuation byte: CJK, Hangul,
  // kana, Indic scripts (ê²° for 결). Not "Brontë…”": a word may end in ë before … and ”.
  '[\u00e0-\u00ef][{cp1252_unusual}][{cp1252_continuation}]',
  '[\u00e0-\u00ef][{cp1252_continuation}][{cp1252_unusual}]',
  // Latin-1 signs are Â and the sign (Â¥, Â½); Š before a lowercase letter is Å and a no-break
  // space (Å koda); Å before one is Ã… (Ã…rhus).
  '\u00c2[\u00a1-\u00ac\u00ae-\u00bf]',
  '\u00c5\u00a0[a-z]',
  '\u00c3\u2026[a-z]',
  // æ (E6, the commonest CJK lead) is rarely the last letter of a word, so any two
  // continuation bytes after it are a CJK character (æ–° for 新).
  '\u00e6[{cp1252_continuation}][{cp1252_continuation}]',
  // Vietnamese letters with two marks (U+1EC0-1EFF: ới, ế, ộ) are á» and a continuation byte.
  '\u00e1\u00bb[{cp1252_continuation}]',
];

function expand(pattern: string): string {
  return pattern.replace(/\{(\w+)\}/g, (_m, key: string) => {
    const body = CLASSES[key];
    if (body === undefined) throw new Error(`unknown character class ${key}`);
    return body;
  });
}

const BADNESS_SOURCE = [...FTFY_PATTERNS, ...MAC_ROMAN_PATTERNS, ...CP1252_PATTERNS].map(expand).join('|');
const BADNESS_RE = new RegExp(BADNESS_SOURCE, 'u');

/**
 * Every pattern above needs two non-ASCII characters side by side, one of them from the
 * mojibake alphabet below (Latin-1 and Latin Extended-A, punctuation, currency and maths
 * signs, box drawing, the Apple logo…), or one of the lone triggers (C1 controls, Œ œ Â Ã).
 * Clean lines fail this cheap test: a lone ’ • or é between ASCII words, and runs of
 * Cyrillic, Greek, CJK, Hangul, Arabic or Vietnamese letters, which are not in the alphabet.
 */
const MOJIBAKE_ALPHABET =
  '\u0080-\u017f\u0192\u02c6-\u02dd\u0384\u0385\u0402\u045e\u0490\u0491\u2010-\u2044\u20a7\u20ac\u2116\u2122\u2126\u2202-\u2265\u2310\u2500-\u25ff\uf8ff\ufb01\ufb02\ufffd';
const MAYBE_BAD_RE = new RegExp(
  `[${MOJIBAKE_ALPHABET}][\\u0080-\\uffff]|[\\u0080-\\uffff][${MOJIBAKE_ALPHABET}]|[\\u0080-\\u009f\\u0152\\u0153\\u00c2\\u00c3]`,
  'g',
);
// No pattern starts more than two characters before its first such pair or trigger.
const MAX_LEAD = 2;
const BADNESS_AT_RE = new RegExp(BADNESS_SOURCE, 'uy');

/** The full heuristic without the cheap pre-test (tests check the pre-test never misses). */
export function matchesBadnessPatterns(text: string): boolean {
  return BADNESS_RE.test(text);
}

/**
 * True when the text contains a character sequence that is likely mojibake. The patterns
 * are tried only where the pre-test matches, so a long clean line costs one cheap scan.
 */
export function isBad(text: string): boolean {
  const scan = MAYBE_BAD_RE;
  scan.lastIndex = 0;
  let tried = -1;
  for (let m = scan.exec(text); m !== null; m = scan.exec(text)) {
    for (let start = Math.max(tried + 1, m.index - MAX_LEAD); start <= m.index; start++) {
      BADNESS_AT_RE.lastIndex = start;
      if (BADNESS_AT_RE.test(text)) return true;
    }
    tried = m.index;
    // Overlapping: the pair that starts at the next character is a candidate too.
    scan.lastIndex = m.index + 1;
  }
  return false;
}
