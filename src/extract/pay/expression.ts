/**
 * Money expressions: a single amount or a range of two ("$158,600 - $181,000",
 * "USD 158,600-181k / year", "$60K/yr - $95K/yr", "between $X and $Y", "7.5 to 9 million JPY",
 * "750～900万円"), with the period written right after it and the "+"/"up to"/"from" that
 * make it a floor or a ceiling. Whether it is this role's pay is decided by the caller.
 */
import type { PayPeriod } from '../../posting.js';
import { type AmountToken, findAmounts, hasMarker } from './amount.js';
import { UNSUPPORTED_PERIOD, trailingPeriod } from './period.js';

export interface MoneyExpression {
  start: number;
  end: number;
  /** End of the last amount, before any period written after it (where a count's noun would be). */
  amountEnd: number;
  min: number;
  max: number;
  isRange: boolean;
  /** ISO code written with either amount. */
  code: string | null;
  /** Ambiguous symbol ("$") written when no code was. */
  symbol: string | null;
  /** Whether any currency marker was written at all. */
  marked: boolean;
  /** Whether a magnitude was written (k, million, LPA …). */
  magnitude: boolean;
  /** Period written right after an amount ("/hr", "per month", "a year"), or implied by LPA. */
  period: PayPeriod | null;
  /** "$120,000+", "from $45,000", "starting at": max is open. */
  floor: boolean;
  /** "up to $X": a ceiling only. */
  ceiling: boolean;
  /** Quoted per a period the schema cannot hold ("bi-weekly"). */
  unsupportedPeriod: boolean;
}

// "à" (French), "bis" (German), "tot" (Dutch): the same "to" in the languages the project reads.
const RANGE_SEPARATOR = /^\s*(?:-{1,2}|–|—|−|~|～|〜|tot|to|through|thru|until|till|à|bis)\s*/i;
const AND_SEPARATOR = /^\s*(?:and|&|und|et|y|e|en|och|og|i|a)\s*/i;
/** Filler allowed between an amount and its period ("$82,500 USD a year", "or more per annum"). */
const PERIOD_FILLER = /^(?:\s*(?:,|\(|gross|net|base|before tax(?:es)?|pre-tax|or more|and above|and up|USD|CAD|EUR|GBP|salary|per person|brutto|brut|bruto|brutos|OTE|DOE))*/i;
const FLOOR_BEFORE = /(?:\b(?:from|starting (?:at|from)|starts at|starting (?:salary|pay|wage|rate) (?:is|of)|at least|minimum(?: of)?|min\.?|no less than|upwards of|in excess of)\s*(?::\s*)?)$/i;
const CEILING_BEFORE = /(?:\b(?:up to|upto|maximum(?: of)?|max\.?|not to exceed|no more than)\s*(?::\s*)?)$/i;
const FLOOR_AFTER = /^\s*(?:or more|or higher|and (?:up|above|higher))\b/i;
/**
 * The words before and after an amount that make it a floor, a ceiling or "between … and": a
 * few words, so a window this long holds them, and a line of thousands of amounts is not read
 * whole (a pattern ending in $ is tried from every start) for each one.
 */
const NEAR = 200;

/** Period immediately after an amount, allowing filler words ("$82,500 a year", "9 million JPY or more per annum"). */
function periodAfter(s: string, at: number): { period: PayPeriod; end: number } | null {
  const filler = PERIOD_FILLER.exec(s.slice(at))?.[0] ?? '';
  const p = trailingPeriod(s.slice(at + filler.length));
  if (p) return { period: p.period, end: at + filler.length + p.length };
  const direct = trailingPeriod(s.slice(at));
  return direct ? { period: direct.period, end: at + direct.length } : null;
}

/** Value of a token, borrowing its partner's magnitude when the posting writes it once ("$120-150k"). */
function value(t: AmountToken, partner: AmountToken | null): number {
  if (!t.hasMagnitude && partner?.hasMagnitude && t.raw <= partner.raw && t.raw < 1000) return t.raw * partner.multiplier;
  return t.raw * t.multiplier;
}

function markerOf(a: AmountToken, b: AmountToken | null): { code: string | null; symbol: string | null } {
  const code = a.code ?? b?.code ?? null;
  return { code, symbol: code === null ? a.symbol ?? b?.symbol ?? null : null };
}

/** Every money expression in `s` (one line or segment of normalised text). */
export function findExpressions(s: string): MoneyExpression[] {
  const tokens = findAmounts(s);
  const out: MoneyExpression[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const a = tokens[i];
    if (a === undefined) continue;
    let next = tokens[i + 1] ?? null;
    let afterA = a.end;
    const pa = periodAfter(s, a.end);
    // "$140,000 per year - $165,000 per year": a period on each side of the separator.
    if (pa && next !== null && RANGE_SEPARATOR.test(s.slice(pa.end, next.start))) afterA = pa.end;
    const before = s.slice(Math.max(0, a.start - NEAR), a.start);
    const between = next !== null ? s.slice(afterA, next.start) : '';
    const sepMatch = next !== null ? RANGE_SEPARATOR.exec(between) : null;
    const isBetweenAnd = next !== null && /\b(?:between|zwischen|entre|tra|fra|tussen|mellan|mellom|między)\s*$/i.test(before) && AND_SEPARATOR.exec(between)?.[0].length === between.length;
    // "$113,400.00 $198,400.00": two amounts in the same currency with only a space between, rising.
    const isBarePair = next !== null && /^\s+$/.test(between) && hasMarker(a) && hasMarker(next)
      && (a.code ?? a.symbol) === (next.code ?? next.symbol) && value(next, a) > value(a, next);
    const isRange = next !== null && !a.plus && ((sepMatch !== null && sepMatch[0].length === between.length) || isBetweenAnd || isBarePair);
    const b = isRange ? next : null;
    if (b !== null) i += 1;
    else next = null;
    let lo = value(a, b);
    let hi = b !== null ? value(b, a) : lo;
    if (hi < lo) [lo, hi] = [hi, lo];
    const end = b !== null ? b.end : a.end;
    const tail = periodAfter(s, end);
    const period = tail?.period ?? pa?.period ?? ((a.impliesYear || b?.impliesYear) ? 'year' : null);
    const { code, symbol } = markerOf(a, b);
    const last = b ?? a;
    const floor = b === null && (a.plus || FLOOR_BEFORE.test(before) || FLOOR_AFTER.test(s.slice(tail?.end ?? end)));
    const ceiling = b === null && !floor && CEILING_BEFORE.test(before);
    out.push({
      start: a.start,
      end: Math.max(tail?.end ?? end, last.end),
      amountEnd: last.end,
      min: lo,
      max: hi,
      isRange: b !== null,
      code,
      symbol,
      marked: hasMarker(a) || (b !== null && hasMarker(b)),
      magnitude: a.hasMagnitude || (b?.hasMagnitude ?? false),
      period,
      floor,
      ceiling,
      unsupportedPeriod: tail === null && UNSUPPORTED_PERIOD.test(s.slice(end, end + NEAR).replace(PERIOD_FILLER, '')),
    });
  }
  return out;
}
