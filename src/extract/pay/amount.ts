/**
 * One written amount: currency marker, number, magnitude ("181k", "7.5 million", "12 LPA",
 * "900万円"). Pure parsing; whether it is pay is decided elsewhere.
 */
import { ISO_CODES, SYMBOLS, normaliseIsoCode, symbolCode } from './currency.js';

export interface AmountToken {
  start: number;
  end: number;
  /** The number as written, before the magnitude. */
  raw: number;
  /** The magnitude multiplier written after it (1 when none). */
  multiplier: number;
  /** Whether a magnitude was written (so a partner without one may borrow it: "$120-150k"). */
  hasMagnitude: boolean;
  /** ISO code when the marker names one; null when ambiguous ("$") or absent. */
  code: string | null;
  /** The ambiguous symbol ("$", "¥", "kr") when that is all there is. */
  symbol: string | null;
  /** "LPA": lakh per annum, a period as well as a magnitude. */
  impliesYear: boolean;
  /** "+" right after the number: a floor ("$120,000+"). */
  plus: boolean;
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// A symbol spelt with letters ("Rs", "RM", "kr") must not be the end of a word ("FIRM 5", "Mrs 2").
const SYMBOL_ALT = [...SYMBOLS].map(([s]) => s).sort((a, b) => b.length - a.length)
  .map((s) => (/^[A-Za-z]/.test(s) ? `(?<![A-Za-z])${escape(s)}` : escape(s))).join('|');
const CODE_ALT = ISO_CODES.join('|');

/** Magnitude words; each with its multiplier. "L"/"LPA"/"lakh" are Indian lakhs (100,000). */
const MAGNITUDES: ReadonlyArray<readonly [RegExp, number, boolean]> = [
  [/^(?:k|K)(?![A-Za-z])/, 1e3, false],
  [/^\s?(?:thousand)\b/i, 1e3, false],
  [/^(?:mm|MM|mn|M|m)(?![A-Za-z])/, 1e6, false],
  [/^\s?(?:million|millions|mil)\b/i, 1e6, false],
  [/^(?:bn|B)(?![A-Za-z])/, 1e9, false],
  [/^\s?(?:billion)\b/i, 1e9, false],
  [/^\s?(?:LPA)\b/, 1e5, true],
  [/^\s?(?:lakhs?|lacs?|L)(?![A-Za-z])(?:\s*(?:per annum|p\.?a\.?)(?![a-z]))?/i, 1e5, false],
  [/^\s?(?:crores?|cr)\b/i, 1e7, false],
  [/^\s?万/, 1e4, false],
  [/^\s?億/, 1e8, false],
  [/^\s?만/, 1e4, false],
  [/^\s?억/, 1e8, false],
];

// Indian lakh grouping ("18,00,000") and Swiss apostrophes ("120'000") come first, before the
// plain forms would stop at their first group.
const NUMBER = String.raw`\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d{1,2})?|\d{1,3}(?:['’]\d{3})+(?:\.\d{1,2})?|\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?|\d+(?:[.,]\d+)?`;
const TOKEN_RE = new RegExp(
  String.raw`(?:(?<code>\b(?:${CODE_ALT}))\s?)?(?<sym>${SYMBOL_ALT})?\s?(?<num>${NUMBER})`,
  'g',
);
/**
 * Currencies written as a word after the figure ("45,000 Euro", "8,000 ringgit"). "Pounds" alone
 * is left out: "lift 50 pounds" is a weight; "pounds sterling" is money.
 */
const CURRENCY_WORDS: Readonly<Record<string, string>> = {
  euros: 'EUR', euro: 'EUR', 'pounds sterling': 'GBP', sterling: 'GBP', dollars: '$', rupees: 'INR', ringgit: 'MYR', reais: 'BRL',
  'złotych': 'PLN', zlotys: 'PLN', zloty: 'PLN', yen: 'JPY', yuan: 'CNY', rand: 'ZAR', dirhams: 'AED', riyals: 'SAR',
};

const SUFFIX_RE = new RegExp(String.raw`^\s?(?:(?<code>(?:${CODE_ALT}))\b|(?<sym>€|£|円|元|원|zł|kr(?![a-z])|₹)|(?<word>${Object.keys(CURRENCY_WORDS).join('|')})(?![\p{L}]))`, 'iu');

/** Parse a number as written, telling thousands separators from decimal points. */
export function parseNumber(written: string, euroStyle: boolean): number {
  const text = written.replace(/['’]/g, '');
  if (/^\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?$/.test(text)) return Number(text.replace(/,/g, ''));
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/.test(text)) return Number(text.replace(/,/g, ''));
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d{1,2})?$/.test(text)) {
    // "5.000" is five thousand in euro style; "1.500" after a dollar sign is more likely 1.5 (k follows).
    if (euroStyle || /\.\d{3}\./.test(text) || text.includes(',')) return Number(text.replace(/\./g, '').replace(',', '.'));
    return Number(text);
  }
  if (/^\d+,\d{1,2}$/.test(text)) return Number(text.replace(',', '.'));
  return Number(text.replace(/,/g, ''));
}

const EURO_STYLE = new Set(['EUR', 'PLN', 'SEK', 'NOK', 'DKK', 'CHF', 'BRL', 'TRY', 'CZK', 'HUF', 'RON', 'ARS', 'CLP', 'COP', 'IDR', 'VND']);

/** Every amount written in `s`, left to right. */
export function findAmounts(s: string): AmountToken[] {
  const out: AmountToken[] = [];
  for (const m of s.matchAll(TOKEN_RE)) {
    const g = m.groups ?? {};
    const numText = g['num'] ?? '';
    let start = m.index;
    const numStart = m.index + m[0].length - numText.length;
    // A digit or letter glued before the number makes it part of another token (P-972, H1B, ISO27001).
    const prev = s[numStart - 1] ?? '';
    // An identifier such as "PAY-1432" or "R-204118" is not an amount either.
    const glued = g['sym'] === undefined && g['code'] === undefined && (/[A-Za-z0-9_]/.test(prev) || /(?:^|[^\d])[A-Za-z]-$/.test(s.slice(Math.max(0, numStart - 3), numStart)));
    if (glued) continue;
    let end = m.index + m[0].length;
    let code = g['code'] !== undefined ? normaliseIsoCode(g['code']) : null;
    let symbol: string | null = null;
    if (g['sym'] !== undefined) {
      const c = symbolCode(g['sym']);
      if (c !== null) code = code ?? c;
      else if (code === null) symbol = g['sym'];
    }
    if (g['code'] === undefined && g['sym'] === undefined) start = numStart;
    let multiplier = 1;
    let hasMagnitude = false;
    let impliesYear = false;
    const rest = s.slice(end);
    for (const [re, mult, year] of MAGNITUDES) {
      const mm = re.exec(rest);
      if (mm) {
        multiplier = mult;
        hasMagnitude = true;
        impliesYear = year || /per annum|p\.?a\.?/i.test(mm[0]);
        end += mm[0].length;
        break;
      }
    }
    const suffix = SUFFIX_RE.exec(s.slice(end));
    if (suffix?.groups) {
      const sc = suffix.groups['code'];
      const word = suffix.groups['word'] !== undefined ? CURRENCY_WORDS[suffix.groups['word'].toLowerCase()] : undefined;
      // Only a code in capitals counts ("50,000 usd" is fine, "5 eur" too; "3 try" is a verb).
      const ss = word === '$' ? '$' : suffix.groups['sym'];
      const resolved = sc !== undefined ? (sc === sc.toUpperCase() ? normaliseIsoCode(sc) : null) : word !== undefined && word !== '$' ? word : ss !== undefined ? symbolCode(ss) : null;
      if (resolved !== null) { code = resolved; symbol = null; end += suffix[0].length; }
      else if (ss !== undefined && code === null) { symbol = ss; end += suffix[0].length; }
    }
    // Lakh amounts are Indian rupees even when no marker is written ("12 LPA").
    if (code === null && symbol === null && (impliesYear || multiplier === 1e5 || multiplier === 1e7)) code = 'INR';
    // 만 / 억 are Korean units (원 usually follows); 万 / 億 Japanese (or Chinese), 円 usually follows.
    if (code === null && symbol === null && (multiplier === 1e4 || multiplier === 1e8)) code = /[만억]/.test(s.slice(m.index, end)) ? 'KRW' : 'JPY';
    // "60.000" is sixty thousand unless a magnitude follows ("7.500 million"): money is not written to three decimals.
    const euro = (code !== null && EURO_STYLE.has(code)) || (!hasMagnitude && /^\d{1,3}\.\d{3}$/.test(numText));
    const raw = parseNumber(numText, euro);
    if (!Number.isFinite(raw)) continue;
    const plus = s[end] === '+';
    if (plus) end += 1;
    out.push({ start, end, raw, multiplier, hasMagnitude, code, symbol, impliesYear, plus });
  }
  return out;
}

export function hasMarker(t: AmountToken): boolean {
  return t.code !== null || t.symbol !== null;
}
