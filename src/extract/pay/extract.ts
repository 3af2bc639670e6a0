/**
 * Pay bands of one posting, line by line: find money expressions, keep those that are this
 * role's pay (pay wording in the sentence or the block above, no bonus/funding/perk wording
 * next to them, not a count, not in a rail of other jobs), give each an ISO currency and a
 * period, and attach it to the places it is for.
 */
import type { PayBand, PayPeriod } from '../../posting.js';
import {
  PAY_LABEL_BEFORE, PAY_WORDS, POSTING_HEADING, PROJECTION_HEADING, PROJECTION_ROW, RAIL_HEADING, clauseAfter, clauseBefore, isBoardEstimate, isNotPayTopic, isQuantity, isRestatement,
  normaliseLine, notPayAfter, notPayBefore, sentenceSpans,
} from './context.js';
import { isDollarCode, normaliseIsoCode, placeCurrency, resolveCurrency, usdScale } from './currency.js';
import { type MoneyExpression, findExpressions } from './expression.js';
import { impliedPeriod, isPlausible, leadingPeriod } from './period.js';
import { placesFromSuffix, placesForBand } from './attach.js';
import { MAY_NEED_NORMALISING, lastSentence, logicalLines } from './lines.js';

export interface PayFinding { band: PayBand; line: string }

export interface ExtractPayOptions {
  /** Locations already found in the posting, to attach bands to places and read "$". */
  locations?: string[];
  /** The text is a salary field (an ATS's salary description): no pay wording is needed. */
  field?: boolean;
}

type Kind = 'base' | 'total' | null;
interface Candidate { finding: PayFinding; kind: Kind }

/** Whole currency units for salary-sized figures ("$113,400.00" → 113400); hourly cents stay. */
const wholeUnits = (x: number): number => (x >= 1000 ? Math.round(x) : x);

/** A floor read earlier in the sentence ("from $99,500/year …"), which a later "up to $Y" closes. */
interface OpenFloor { sentenceStart: number; indices: number[]; currency: string; period: PayPeriod; min: number }

/** Amounts bare of any currency need a label right before them and a plausible shape. */
const ALLOWED_WORD_AFTER_BARE = /^(?:per|a|an|annually|annual|yearly|monthly|hourly|weekly|daily|gross|net|base|salary|usd|cad|gbp|eur|aud|doe|depending|dependent|based|commensurate|plus|with|or|and|negotiable|pa|lpa|ote|k)$/i;
const HEADING_MAX = 100;
/**
 * Characters either side of an amount that decide whether it is pay (its lead-in, its clause,
 * what follows it). Real clauses are far shorter; without the cap a line of thousands of
 * amounts was reread whole for each one (10,000 "$1 " took 10 s).
 */
const CONTEXT = 300;
const RATE_LABEL = /^\W{0,3}(?:(?:day|daily|hourly|contract|pay)\s+)?rate\s*[:：]/i;
/** A currency symbol or code somewhere on the line (bare numbers also need a pay word, checked apart). */
const MONEY_MARKER = /[$€£¥₹₩₪₺₱円元원]|\b(?:[A-Z]{3}|Rs\.?|kr|zł)\b|LPA|万/;

function kindOf(text: string): Kind {
  if (/\btotal (?:target )?(?:compensation|comp|cash|rewards?|pay)\b|\bOTE\b|on[- ]target/i.test(text)) return 'total';
  if (/\bbase\b/i.test(text)) return 'base';
  return null;
}

function postingCurrencyHints(lines: readonly string[], known: readonly string[]): string[] {
  const hints: string[] = [];
  for (const k of known) {
    const c = placeCurrency(k);
    if (c !== null) hints.push(c);
  }
  if (hints.length > 0) return hints;
  // Without the locations, read short header-like lines (a long sentence names places in passing).
  for (const line of lines) {
    const t = line.trim();
    if (t.length === 0 || t.length > 80 || /[$€£¥₹]|\d{2,}[,.]\d{3}/.test(t)) continue;
    const c = placeCurrency(t);
    if (c !== null) hints.push(c);
  }
  return hints;
}

function bareNumberIsPay(n: string, before: string, e: MoneyExpression, field: boolean): boolean {
  if (!field && !PAY_LABEL_BEFORE.test(before)) return false;
  // "Rate : 350 /day Inside IR35": a period written on the figure makes a small labelled number a rate.
  if (e.period !== null) return true;
  if (!e.isRange && !e.magnitude && e.max < 1000) return false;
  // A year ("Salary review 2025") is not an amount.
  if (!e.isRange && !e.magnitude && /^(?:19|20)\d{2}$/.test(String(e.max))) return false;
  const word = /^\s*([A-Za-z]+)/.exec(n.slice(e.end))?.[1];
  return word === undefined || ALLOWED_WORD_AFTER_BARE.test(word);
}

/** What a line (with its heading) says about its dollars: read once per line, not once per amount. */
interface LineCurrency { code: string | undefined; superannuation: boolean }

function lineCurrency(context: string): LineCurrency {
  return {
    code: /\b(USD|CAD|AUD|NZD|SGD|HKD|MXN)\b/.exec(context)?.[1],
    superannuation: /\+\s*super(?:annuation)?\b|\bplus super(?:annuation)?\b|\binc(?:l\.?|luding)? super\b/i.test(context),
  };
}

/**
 * The code written with the amount, else a dollar code written on its line or heading
 * ("CAD $119,000 - $246,000, including a base salary of $100,000"), else what its places
 * (or the posting's) imply.
 */
function currencyOf(e: MoneyExpression, line: () => LineCurrency, places: readonly string[], postingHints: () => string[]): string {
  if (e.code !== null) return e.code;
  if (e.symbol === '$' || e.symbol === null) {
    const { code, superannuation } = line();
    if (code !== undefined) return normaliseIsoCode(code);
    // "+ super": superannuation is Australian, so are the dollars beside it.
    if (e.symbol === '$' && superannuation) return 'AUD';
  }
  const bandHints = places.map(placeCurrency).filter((c): c is string => c !== null);
  const currency = resolveCurrency(e.symbol, bandHints, postingHints());
  return e.symbol === '$' && !isDollarCode(currency) ? 'USD' : currency;
}

function decidePeriod(e: MoneyExpression, currency: string, lead: string, heading: string): PayPeriod | null {
  if (e.period !== null) return isPlausible(e.max, currency, e.period) ? e.period : null;
  for (const text of [lead, heading]) {
    const p = leadingPeriod(text);
    if (p !== null && isPlausible(e.max, currency, p) && isPlausible(e.min, currency, p)) return p;
  }
  const implied = impliedPeriod(e.max, currency);
  return implied !== null && isPlausible(e.max, currency, implied) ? implied : null;
}

/** Whether a band's lead-in ties it to the primary location or to the other locations (a Workday pair of ranges). */
function scopeOf(lead: string): 'primary' | 'other' | null {
  const tail = lead.slice(-160);
  const primary = tail.search(/\bprimary (?:work )?location\b/i);
  const other = tail.search(/\bother (?:u\.?s\.? |us |united states )?locations?\b|\ball other (?:u\.?s\.? )?locations?\b/i);
  if (primary < 0 && other < 0) return null;
  return other > primary ? 'other' : 'primary';
}

function noteOf(e: MoneyExpression, kind: Kind, rest: string): string | null {
  const parts: string[] = [];
  if (e.ceiling) parts.push('up to');
  if (e.floor) parts.push('from');
  if (kind === 'base') parts.push('base salary');
  if (kind === 'total') parts.push('total compensation');
  const forWhom = /^\s*(?:(?:USD|CAD|GBP|EUR)\s*)?for\s+((?:the\s+)?[A-Z][^.;|()]{2,80}?)\s*(?:\.\s*)?$/.exec(rest)?.[1];
  if (forWhom !== undefined) parts.push(`for ${forWhom.trim()}`);
  if (/\b(?:DOE|depending on experience|commensurate with experience)\b/i.test(rest)) parts.push('DOE');
  return parts.length > 0 ? parts.join('; ') : null;
}

export function extractPayBands(text: string, opts: ExtractPayOptions = {}): PayFinding[] {
  const known = opts.locations ?? [];
  const field = opts.field ?? false;
  const lines = text.split(/\r?\n/);
  // Read only when a "$" or a bare number needs it: scanning every line for places is the costly part.
  let postingHintsCache: string[] | null = null;
  const postingHints = (): string[] => (postingHintsCache ??= postingCurrencyHints(lines, known));
  const candidates: Candidate[] = [];
  /** The last few non-blank lines: their text and whether they were about pay. */
  const recent: Array<{ norm: string; pay: boolean; money: boolean; projection: boolean }> = [];

  let inRail = false;
  for (const { raw, joined } of logicalLines(text)) {
    // Only lines with a digit or markup need the full normalisation; the rest are context.
    const n = joined ? normaliseLine(raw.replace(/\s*\r?\n\s*/g, ' ')) : MAY_NEED_NORMALISING.test(raw) ? normaliseLine(raw) : raw;
    if (n.trim() === '') continue;
    // A rail of other jobs runs until the posting's own text resumes (a heading of its own or a paragraph).
    if (n.length < 80 && RAIL_HEADING.test(n)) { inRail = true; continue; }
    if (inRail && (n.length >= 200 || POSTING_HEADING.test(n))) inRail = false;
    if (inRail) continue;
    // An income projection (a row by year, or figures under "Income potential") is not the pay.
    if (/\d/.test(n) && (PROJECTION_ROW.test(n) || (recent.slice(-3).some((r) => r.projection) && !PAY_WORDS.test(n)))) {
      recent.push({ norm: n, pay: false, money: true, projection: true });
      if (recent.length > 4) recent.shift();
      continue;
    }
    // "Rate : 350 /day Inside IR35": a contract rate labelled as plain "Rate" is pay too.
    const isPayLine = PAY_WORDS.test(n) || RATE_LABEL.test(n);
    const exprs = /\d/.test(n) && (field || isPayLine || MONEY_MARKER.test(n)) ? findExpressions(n) : [];
    const headingLine = recent.at(-1);
    const heading = headingLine !== undefined && !headingLine.money && headingLine.norm.length <= HEADING_MAX ? headingLine.norm : '';
    // A lead-in line ending with ":" introduces the figures below it ("… in the locations of San Francisco, New York, Seattle is:").
    const leadInLine = headingLine !== undefined && !headingLine.money && /:\s*$/.test(headingLine.norm) ? lastSentence(headingLine.norm) : heading;
    const payAbove = field || recent.slice(-3).some((r) => r.pay);
    const spans = exprs.length > 0 ? sentenceSpans(n) : [];
    let lineCurrencyCache: LineCurrency | null = null;
    const thisLineCurrency = (): LineCurrency => (lineCurrencyCache ??= lineCurrency(`${n} ${heading}`));
    // Whether each sentence has pay wording, asked once per sentence (expressions come in order).
    const payWordsIn = new Map<number, boolean>();
    let span = 0;
    let accepted = false;
    let openFloor: OpenFloor | null = null;
    let prevEnd = 0;
    let lastAcceptedEnd = -1;
    for (const e of exprs) {
      // "$50,000 - $60,000 per year ($24.04 - $28.85 per hour)": the bracket restates the band before it.
      if (lastAcceptedEnd >= 0 && /^\s*[([]\s*$/.test(n.slice(lastAcceptedEnd, e.start))) continue;
      while (span < spans.length - 1 && e.start >= (spans[span]?.[1] ?? 0)) span++;
      const [sStart, sEnd] = spans[span] ?? [0, n.length];
      const from = Math.max(sStart, prevEnd > sStart ? prevEnd : sStart);
      const leadStart = Math.max(sStart, e.start - CONTEXT);
      const afterEnd = Math.min(sEnd, e.end + CONTEXT);
      // A place written right after this amount ("… in Seattle, WA and from …") is this amount's, not the next one's.
      const suffix = placesFromSuffix(n.slice(e.end, afterEnd), known);
      prevEnd = e.end + suffix.length;
      const lead = n.slice(leadStart, e.start);
      if (!(e.min > 0) || isQuantity(n.slice(e.amountEnd)) || e.unsupportedPeriod) continue;
      if (notPayBefore(clauseBefore(n, from, e.start)) || notPayAfter(clauseAfter(n, e.end, afterEnd))) continue;
      if (isRestatement(lead) || isBoardEstimate(n.slice(e.end))) continue;
      const bandLike = n.length <= 160 || e.start - sStart < 60;
      if (!e.marked) {
        if (!bareNumberIsPay(n, lead, e, field)) continue;
      }
      const prefix = n.slice(from, e.start);
      const named = placesForBand({ prefix, suffixPlaces: suffix.places, heading, lead, leadInLine, known });
      // Workday's "… in the primary location is $X" / "… for other US locations is $Y": the first is the posting's first place.
      const scope = scopeOf(`${lead} ${heading}`);
      const places = named.length === 0 && scope === 'primary' && known[0] !== undefined ? [known[0]] : named;
      // Pay wording in the sentence (or right after the amount: "$100K–$130K base"), a period on
      // the amount, a short line in or under a pay block, "Place: range", or a range on a short line.
      let sentencePay = payWordsIn.get(sStart);
      if (sentencePay === undefined) payWordsIn.set(sStart, (sentencePay = PAY_WORDS.test(n.slice(sStart, sEnd))));
      const salaryWords = sentencePay || /^\s*(?:base|gross|OTE|TC|total comp)\b/i.test(n.slice(e.end));
      // A benefit named after the amount's own clause ("$21.50/hr, plus a $2/hr night differential") is another figure's topic.
      const ownTopic = n.slice(leadStart, e.end) + clauseAfter(n, e.end, afterEnd);
      const payContext = field || salaryWords || (!isNotPayTopic(ownTopic)
        && (e.period !== null || (bandLike && (payAbove || isPayLine)) || (places.length > 0 && e.isRange)
          // A range on a short line ("Acme | Senior Engineer | Remote | $160k-$200k + equity") reads as its pay.
          || (e.isRange && n.length <= 200)
          // A line, or one field of a "|" line, that leads with the figure and says little else
          // ("R$ 18.000,00 na modalidade PJ", "Cardbox | $60k part-time (20hr/wk) | Remote").
          || (e.marked && e.start - sStart <= 2 && n.slice(sStart, sEnd).trim().length <= 60 && !/\d|\+/.test(n.slice(e.end, sEnd).replace(/\([^()]*\)/g, ''))
            && usdScale(e.min, currencyOf(e, thisLineCurrency, places, postingHints)) >= 500)
          // A chat message on one long line: "… fully remote, 120-150k USD depending on experience."
          || (e.isRange && e.marked && e.magnitude && e.min >= 10000 && !notPayAfter(n.slice(e.end)))));
      if (e.marked && !payContext) continue;

      const currency = currencyOf(e, thisLineCurrency, places, postingHints);
      const period = decidePeriod(e, currency, lead, heading);
      if (period === null) continue;
      const kind = kindOf(clauseBefore(n, from, e.start)) ?? kindOf(lead) ?? kindOf(leadInLine);
      // "ranges from $99,500/year in our lowest market up to $200,000/year in our highest": one band.
      // "The starting salary is $85,000. Employees may earn up to $110,000 with experience.": a ceiling in the next sentence closes it too.
      if (openFloor !== null && (openFloor.sentenceStart === sStart || e.ceiling) && !e.isRange && (e.ceiling || /\bto\s*$/i.test(n.slice(Math.max(0, e.start - 12), e.start)))
        && openFloor.currency === currency && openFloor.period === period && e.max > openFloor.min) {
        for (const i of openFloor.indices) {
          const c = candidates[i];
          if (c === undefined) continue;
          c.finding.band.max = wholeUnits(e.max);
          c.finding.band.note = withoutOpenEnds(c.finding.band.note);
        }
        openFloor = null;
        accepted = true;
        lastAcceptedEnd = e.end;
        continue;
      }
      const band: Omit<PayBand, 'location'> = {
        min: wholeUnits(e.min),
        max: e.floor ? null : wholeUnits(e.max),
        currency,
        period,
        note: [noteOf(e, kind, n.slice(e.end, afterEnd)), scope === 'other' ? 'other US locations' : null].filter(Boolean).join('; ') || null,
      };
      const indices: number[] = [];
      for (const location of places.length > 0 ? places : [null]) {
        indices.push(candidates.length);
        candidates.push({ finding: { band: { location, ...band }, line: raw }, kind });
      }
      openFloor = e.floor && !e.isRange ? { sentenceStart: sStart, indices, currency, period, min: e.min } : null;
      accepted = true;
      lastAcceptedEnd = e.end;
    }
    recent.push({ norm: n, pay: accepted || isPayLine, money: exprs.length > 0, projection: exprs.length === 0 && n.length <= HEADING_MAX && PROJECTION_HEADING.test(n) });
    if (recent.length > 4) recent.shift();
  }
  return dedupe(candidates);
}

/** A note without the "from"/"up to" of a floor that a ceiling has closed. */
function withoutOpenEnds(note: string | null): string | null {
  const parts = (note ?? '').split('; ').filter((p) => p !== '' && p !== 'from' && p !== 'up to');
  return parts.length > 0 ? parts.join('; ') : null;
}

/** A band with no place spanning exactly the lowest and highest placed bands is their summary (a job board's top line). */
function isEnvelopeOfPlaced(b: PayBand, candidates: Candidate[]): boolean {
  const placed = candidates.map((c) => c.finding.band).filter((p) => p.location !== null && p.currency === b.currency && p.period === b.period);
  if (new Set(placed.map(valueKey)).size < 2) return false;
  const lo = Math.min(...placed.map((p) => p.min));
  const hi = Math.max(...placed.map((p) => p.max ?? p.min));
  return b.min === lo && b.max === hi;
}

/** Trailing zeros of a figure's whole units: how rounded it is (70,700 → 2, 70,696 → 0). */
function roundness(x: number): number {
  let n = Math.round(x);
  let zeros = 0;
  while (n > 0 && n % 10 === 0 && zeros < 9) { n /= 10; zeros++; }
  return zeros;
}

const near = (a: number, b: number): boolean => Math.abs(a - b) <= 0.01 * Math.max(a, b);

/**
 * A page's rounded summary of a band it also states exactly ("$70.7k–$124.2k" above
 * "$70,696.34–$124,230.14"): the same band, shown once, in its exact figures.
 */
function isRoundingOfAnother(b: PayBand, candidates: Candidate[]): boolean {
  if (b.max === null) return false;
  const bMax = b.max;
  return candidates.some(({ finding: { band: o } }) => o !== b && o.max !== null && o.currency === b.currency && o.period === b.period
    && (o.location === b.location || b.location === null || o.location === null)
    && (o.min !== b.min || o.max !== bMax) && near(o.min, b.min) && near(o.max, bMax)
    && roundness(o.min) + roundness(o.max) < roundness(b.min) + roundness(bMax));
}

const valueKey = (b: PayBand): string => `${b.min}|${b.max}|${b.currency}|${b.period}`;

/**
 * One band per place and value. A band with no place that repeats a placed one is the
 * summary of it ("USD 158,600-181k / year" above the per-city lines); a total-compensation
 * band gives way to the base band stated for the same place.
 */
function dedupe(candidates: Candidate[]): PayFinding[] {
  const seen = new Set<string>();
  const placedValues = new Set(candidates.filter((c) => c.finding.band.location !== null).map((c) => valueKey(c.finding.band)));
  const baseAt = new Set(candidates.filter((c) => c.kind === 'base').map((c) => c.finding.band.location ?? ''));
  // "Total Comp: $150,000-180,000 … Base Salary: $136,000-164,000 … Compensation Range: $150K - $180K":
  // a figure that repeats the total-compensation one is that total again.
  const totalValues = new Set(candidates.filter((c) => c.kind === 'total').map((c) => valueKey(c.finding.band)));
  const out: PayFinding[] = [];
  for (const c of candidates) {
    const b = c.finding.band;
    if (b.location === null && placedValues.has(valueKey(b))) continue;
    if (b.location === null && isEnvelopeOfPlaced(b, candidates)) continue;
    if ((c.kind === 'total' || (c.kind === null && totalValues.has(valueKey(b)))) && baseAt.has(b.location ?? '')) continue;
    if (isRoundingOfAnother(b, candidates)) continue;
    const key = `${b.location ?? ''}|${valueKey(b)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(c.finding);
  }
  return out;
}
