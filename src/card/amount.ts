import type { PayBand, PayPeriod } from '../posting.js';

/**
 * Human pay amounts for the card.
 *
 * Period rule (one rule, everywhere): every period is written as a suffix (`/hr`, `/day`,
 * `/wk`, `/mo`, `/yr`) except a yearly band in US dollars, where the year is the convention
 * US readers assume (`$158.6k–$181k`). Elsewhere monthly salaries are common enough (Europe,
 * Latin America, India) that a bare `€60k` would be ambiguous, so `£50k–£60k/yr` keeps it.
 */

/** Symbols written before the amount; a currency not listed is written as its code. */
export const CURRENCY_PREFIX: Readonly<Record<string, string>> = {
  USD: '$',
  EUR: '€',
  GBP: '£',
  JPY: '¥',
  CNY: 'CN¥',
  INR: '₹',
  CAD: 'CA$',
  AUD: 'A$',
  NZD: 'NZ$',
  SGD: 'S$',
  HKD: 'HK$',
  MXN: 'MX$',
  BRL: 'R$',
  KRW: '₩',
  ILS: '₪',
  PHP: '₱',
  NGN: '₦',
  TWD: 'NT$',
};

const PERIOD_SUFFIX: Readonly<Record<PayPeriod, string>> = {
  hour: '/hr',
  day: '/day',
  week: '/wk',
  month: '/mo',
  year: '/yr',
};

/** Notes worth a short tag after the amount; any other note is left to the full posting. */
const NOTE_TAGS: ReadonlyArray<{ pattern: RegExp; tag: string }> = [
  { pattern: /\bOTE\b|\bon[- ]target\b/i, tag: 'OTE' },
  { pattern: /\bequity\b/i, tag: '+ equity' },
];

const UP_TO = /\bup to\b|\bmax(?:imum)?\b/i;

/** Drops trailing zeros: 158.60 → "158.6", 181.0 → "181". */
function trimDecimals(value: number, digits: number): string {
  return String(Number(value.toFixed(digits)));
}

/**
 * `1234567.5` → "1,234,567.5" (en-US grouping; `minFraction` 2 keeps "45.50"). Written out rather
 * than toLocaleString: that loads ICU's number-format data, about 4 MB of the process's memory,
 * for a comma every three digits.
 */
export function groupDigits(value: number, minFraction: 0 | 2 = 0): string {
  // Rounded as written in decimal (2.675 → 2.68), as toLocaleString does; toFixed alone rounds the binary value.
  const cents = Math.round(Number(`${value}e2`));
  const [whole = '', fraction = ''] = (cents / 100).toFixed(2).split('.');
  const kept = minFraction === 2 ? fraction : fraction.replace(/0+$/, '');
  const int = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return kept ? `${int}.${kept}` : int;
}

const grouped = (value: number): string => groupDigits(value);

/** The number part: `158.6k`, `1.25M`, `45`, `45.50`, `12L` (lakh, for rupees). */
export function compactNumber(value: number, currency: string): string {
  if (currency === 'INR' && value >= 100_000) {
    if (value >= 10_000_000 && value % 100_000 === 0) return `${trimDecimals(value / 10_000_000, 2)}Cr`;
    if (value % 1_000 === 0) return `${trimDecimals(value / 100_000, 2)}L`;
    return grouped(value);
  }
  if (value >= 1_000_000 && value % 10_000 === 0) return `${trimDecimals(value / 1_000_000, 2)}M`;
  if (value >= 1_000 && value < 1_000_000) {
    // Only compact when nothing is lost: 158,600 → 158.6k, 158,650 → 158.65k, 158,625 stays.
    if (value % 100 === 0) return `${trimDecimals(value / 1_000, 1)}k`;
    if (value % 10 === 0) return `${trimDecimals(value / 1_000, 2)}k`;
  }
  if (Number.isInteger(value)) return grouped(value);
  return groupDigits(value, 2);
}

export function formatMoney(value: number, currency: string, compact = true): string {
  const prefix = CURRENCY_PREFIX[currency] ?? `${currency} `;
  return `${prefix}${compact ? compactNumber(value, currency) : Number.isInteger(value) ? grouped(value) : groupDigits(value, 2)}`;
}

/** Whether compactNumber writes the value short ("158.6k") rather than in full digits. */
const isCompacted = (value: number, currency: string): boolean => /[kMLC]/.test(compactNumber(value, currency));

/**
 * Both ends of a band in one form: "$155,656–$225,160", never "$155,656–$225.16k". When one end
 * cannot be written short without losing figures, neither is.
 */
function rangeFigure(min: number, max: number, currency: string): string {
  const compact = isCompacted(min, currency) && isCompacted(max, currency);
  return `${formatMoney(min, currency, compact)}–${formatMoney(max, currency, compact)}`;
}

export function periodSuffix(period: PayPeriod, currency: string): string {
  if (period === 'year' && currency === 'USD') return '';
  return PERIOD_SUFFIX[period];
}

/** One band as the card shows it: `$158.6k–$181k`, `$120k+`, `up to €90k/yr`, `$45–$55/hr`. */
export function formatBand(band: Pick<PayBand, 'min' | 'max' | 'currency' | 'period' | 'note'>): string {
  const { min, max, currency, period, note } = band;
  const suffix = periodSuffix(period, currency);
  let figure: string;
  if (note !== null && UP_TO.test(note)) {
    figure = `up to ${formatMoney(max ?? min, currency)}`;
  } else if (max === null) {
    figure = `${formatMoney(min, currency)}+`;
  } else if (max === min) {
    figure = formatMoney(min, currency);
  } else {
    figure = rangeFigure(min, max, currency);
  }
  const tags = note === null ? [] : NOTE_TAGS.filter((t) => t.pattern.test(note)).map((t) => t.tag);
  return [figure + suffix, ...tags].join(' ');
}
