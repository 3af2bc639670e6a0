/**
 * Pay extraction: every pay band for the role, per place, in the currency and period the
 * posting states. See src/extract/pay/ for the parts (amounts, currencies, periods, context
 * filters, places).
 *
 * Semantics we chose (the schema needs min > 0 and max null only for a floor):
 * - a single figure ("Salary: $80,000", "$40/hour") → min = max;
 * - a floor ("$120,000+", "from $45,000", "starting at") → max null, note "from";
 * - a ceiling ("up to $150,000") → min = max = the ceiling, note "up to";
 * - a range written backwards is put right (min ≤ max);
 * - amounts stay in the posting's period. With no period written: 10,000 dollars' worth or
 *   more is a year, 1,000–10,000 a month, 5–200 an hour; between 200 and 1,000 is undecided
 *   and dropped. A period word leading the figure or heading its block ("Hourly Rate") is used
 *   when the amounts are plausible for it.
 * - "$" is US dollars unless the band's place (or all of the posting's places) are in another
 *   dollar country; a bare number takes the currency its places agree on, else USD.
 */
import type { PayBand } from '../posting.js';
import { isQuantity, normaliseLine, notPayAfter, notPayBefore } from './pay/context.js';
import { resolveCurrency } from './pay/currency.js';
import { findExpressions } from './pay/expression.js';
import { type ExtractPayOptions, type PayFinding, extractPayBands } from './pay/extract.js';
import { impliedPeriod, isPlausible, leadingPeriod } from './pay/period.js';

export type { PayFinding, ExtractPayOptions } from './pay/extract.js';

/** Every pay band of the posting `text` (cleaned or raw), each with the line it came from. */
export function extractPay(text: string, opts: ExtractPayOptions = {}): PayFinding[] {
  return extractPayBands(text, opts);
}

export interface PayExpression {
  min: number;
  max: number | null;
  currency: string;
  period: PayBand['period'];
}

/**
 * One money expression or range, as found in a salary field ("$120-150k" → 120000..150000
 * USD year). The first amount that is not a count or a perk decides; null when there is none.
 */
export function parsePayExpression(s: string): PayExpression | null {
  const n = normaliseLine(s.replace(/\s*\n\s*/g, ' '));
  for (const e of findExpressions(n)) {
    if (isQuantity(n.slice(e.amountEnd)) || notPayBefore(n.slice(Math.max(0, e.start - 40), e.start)) || notPayAfter(n.slice(e.end))) continue;
    // A bare number must be the whole field, not a count ("250,000 lines").
    if (!e.marked && /^\s*[A-Za-z]/.test(n.slice(e.end)) && !/^\s*(?:per|a|an|annually|yearly|monthly|hourly|k)\b/i.test(n.slice(e.end))) continue;
    const currency = e.code ?? resolveCurrency(e.symbol, [], []);
    const lead = leadingPeriod(n.slice(Math.max(0, e.start - 300), e.start));
    const period = e.period ?? (lead !== null && isPlausible(e.max, currency, lead) ? lead : impliedPeriod(e.max, currency));
    if (period === null || !(e.min > 0)) continue;
    return { min: e.min, max: e.floor ? null : e.max, currency, period };
  }
  return null;
}
