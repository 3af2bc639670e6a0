import type { PayPeriod } from '../../posting.js';
import { usdScale } from './currency.js';

/**
 * Period wording as data. TRAILING forms follow an amount ("$45/hr", "€5,000 per month",
 * "$82,500 a year"); LEADING forms name the period before it ("Hourly Rate", "Annual salary",
 * "年収"). A trailing form is what the posting says about that amount; a leading one can be
 * a heading over several figures, so it is checked for plausibility before it is believed.
 */
const TRAILING: ReadonlyArray<readonly [RegExp, PayPeriod]> = [
  [/^\s*(?:\/\s*|per\s+|an?\s+|each\s+|p\/?)(?:hour|hr|h)\b\.?/i, 'hour'],
  [/^\s*(?:hourly|ph)\b/i, 'hour'],
  [/^\s*(?:\/\s*|per\s+|an?\s+|p\/?)(?:day|d)\b/i, 'day'],
  [/^\s*(?:daily|per\s+diem(?=\s+rate))\b/i, 'day'],
  [/^\s*(?:\/\s*|per\s+|an?\s+|p\/?)(?:week|wk|w)\b\.?/i, 'week'],
  [/^\s*weekly\b/i, 'week'],
  [/^\s*(?:\/\s*|per\s+|an?\s+)(?:month|mo|mth)\b\.?/i, 'month'],
  [/^\s*(?:monthly|p\.?\s?m\.(?!\w)|pcm)\b/i, 'month'],
  [/^\s*(?:\/\s*|per\s+|an?\s+)(?:year|yr|annum|y)\b\.?/i, 'year'],
  [/^\s*(?:annually|annual|yearly|p\.?\s?a\.?(?![a-z])|pa\b)/i, 'year'],
  [/^\s*(?:pro Jahr|par an|al año|por año|jährlich|annuel(?:le)?|anual(?:es)?)(?![\p{L}])/iu, 'year'],
  [/^\s*(?:pro Monat|par mois|al mes|por mes|monatlich|mensuel(?:le)?|mensual(?:es)?)(?![\p{L}])/iu, 'month'],
  [/^\s*(?:pro Stunde|par heure|por hora)(?![\p{L}])/iu, 'hour'],
  [/^\s*(?:pro Tag|par jour|al día|por día)(?![\p{L}])/iu, 'day'],
  [/^\s*(?:\/|per\s+|a\s+)?(?:年|年収)/, 'year'],
  [/^\s*(?:\/|per\s+)?月/, 'month'],
  [/^\s*(?:\/|per\s+)?時間?/, 'hour'],
];

/** Period words that lead an amount (or head a pay block). Checked in order, last match wins. */
const LEADING: ReadonlyArray<readonly [RegExp, PayPeriod]> = [
  [/\b(?:hourly|per hour|hour rate|an hour)\b|時給/i, 'hour'],
  [/\b(?:daily rate|day rate|per day)\b|日給/i, 'day'],
  [/\b(?:weekly|per week)\b/i, 'week'],
  [/\b(?:monthly|per month|month(?:ly)? salary)\b|月給|月収|月薪|월급/i, 'month'],
  [/\b(?:annual|annually|yearly|per year|per annum|annualized|annualised)\b|年収|年俸|年薪|연봉/i, 'year'],
];

/** Periods the schema has no word for ("bi-weekly", "semi-monthly"): a band quoted so is left out rather than misread. */
export const UNSUPPORTED_PERIOD = /^\s*(?:\/\s*|per\s+|a\s+)?(?:bi-?weekly|semi-?monthly|fortnight(?:ly)?|bi-?monthly|per pay period|per shift|per visit|per session|per project|per assignment)\b/i;

const LEADING_GLOBAL = LEADING.map(([re, period]) => [new RegExp(re.source, `${re.flags}g`), period] as const);

/** The trailing period at the start of `after`, with the length it used. */
export function trailingPeriod(after: string): { period: PayPeriod; length: number } | null {
  for (const [re, period] of TRAILING) {
    const m = re.exec(after);
    if (m) return { period, length: m[0].length };
  }
  return null;
}

/** The period a lead-in ("Hourly Compensation:") names; the one closest to the amount wins. */
export function leadingPeriod(before: string): PayPeriod | null {
  let best: { at: number; period: PayPeriod } | null = null;
  for (const [global, period] of LEADING_GLOBAL) {
    for (const m of before.matchAll(global)) {
      if (best === null || m.index > best.at) best = { at: m.index, period };
    }
  }
  return best?.period ?? null;
}

/** Plausible amounts per period in rough US dollars: a stated period outside them is a misreading. */
const PLAUSIBLE: Record<PayPeriod, readonly [number, number]> = {
  hour: [3, 1500],
  day: [30, 10000],
  week: [150, 40000],
  month: [300, 200000],
  year: [3000, 10_000_000],
};

export function isPlausible(amount: number, currency: string, period: PayPeriod): boolean {
  const usd = usdScale(amount, currency);
  const [lo, hi] = PLAUSIBLE[period];
  return usd >= lo && usd <= hi;
}

/**
 * The period of an amount whose posting states none. Our rule: 10,000 dollars' worth or more
 * is a year (salaries are quoted yearly); 1,000 to 10,000 is a month (the usual monthly
 * quote in Europe and Asia); 5 to 200 is an hour (typical hourly rates); anything between
 * (200 to 1,000: a day rate? a weekly wage?) is left undecided and the band is dropped.
 */
export function impliedPeriod(maxAmount: number, currency: string): PayPeriod | null {
  const usd = usdScale(maxAmount, currency);
  if (usd >= 10_000) return 'year';
  if (usd >= 1_000) return 'month';
  if (usd >= 5 && usd <= 200) return 'hour';
  return null;
}

/** Multiply to reach a yearly figure (full-time: 2080 hours, 260 days, 52 weeks). */
export const PER_YEAR: Record<PayPeriod, number> = { hour: 2080, day: 260, week: 52, month: 12, year: 1 };
