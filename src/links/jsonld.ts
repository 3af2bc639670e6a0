import type { PayBand, StructuredFacts } from '../posting.js';
import {
  compactFacts, countryName, formatPlace, tidyTitle, formatPostedDate, isRecord, mapEmploymentType, mapPayPeriod, payBand, str,
} from './facts.js';
import { htmlToText, looksLikeHtml, unescapeHtml } from './html.js';
import { parseJsonBounded } from './limits.js';

/**
 * schema.org JobPosting in JSON-LD: the structured block most careers pages and job boards
 * embed for search engines. Found inside arrays, @graph and mainEntity.
 */

export interface JobPostingLd {
  facts: StructuredFacts;
  /** The description as structured text, or null when it has none. */
  description: string | null;
}

/** Parses a JSON-LD script body leniently (CDATA wrappers, HTML comments, raw newlines in strings). */
export function parseJsonLd(body: string): unknown {
  const cleaned = body
    .trim()
    .replace(/^<!--|-->$/g, '')
    .replace(/^\s*\/\/\s*<!\[CDATA\[|\/\/\s*\]\]>\s*$/g, '')
    .trim();
  // A block too deep or too large to walk is skipped like a malformed one: the page is still read.
  try {
    return parseJsonBounded(cleaned);
  } catch (err) {
    if (!(err instanceof SyntaxError)) return null;
    try {
      // Some CMSs put literal newlines and tabs inside strings.
      return parseJsonBounded(cleaned.replace(/[\n\r\t]+/g, ' '));
    } catch {
      return null;
    }
  }
}

function isJobPosting(v: unknown): v is Record<string, unknown> {
  if (!isRecord(v)) return false;
  const t = v['@type'];
  return (Array.isArray(t) ? t : [t]).some((x) => typeof x === 'string' && /(^|[/:])JobPosting$/i.test(x));
}

/** Every JobPosting object inside a parsed JSON-LD value. */
export function findJobPostings(value: unknown, depth = 0): Record<string, unknown>[] {
  if (depth > 6) return [];
  if (Array.isArray(value)) return value.flatMap((v) => findJobPostings(v, depth + 1));
  if (!isRecord(value)) return [];
  if (isJobPosting(value)) return [value];
  return ['@graph', 'mainEntity', 'mainEntityOfPage', 'itemListElement', 'item'].flatMap((k) => findJobPostings(value[k], depth + 1));
}

function decodeText(s: string | null): string | null {
  if (s === null) return null;
  return /&(#\d+|#x[0-9a-f]+|[a-z]+);/i.test(s) ? unescapeHtml(s).trim() : s;
}

function nameOf(v: unknown): string | null {
  if (typeof v === 'string') return decodeText(str(v));
  if (isRecord(v)) return decodeText(str(v.name) ?? str(v.legalName));
  if (Array.isArray(v)) return nameOf(v[0]);
  return null;
}

function asArray(v: unknown): unknown[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

function placeOf(v: unknown): string | null {
  if (typeof v === 'string') return decodeText(str(v));
  if (!isRecord(v)) return null;
  const addr = v.address ?? v;
  if (typeof addr === 'string') return decodeText(str(addr));
  if (!isRecord(addr)) return str(v.name);
  const country = isRecord(addr.addressCountry) ? str(addr.addressCountry.name) : str(addr.addressCountry);
  const place = formatPlace(str(addr.addressLocality), str(addr.addressRegion), country);
  return place ?? str(v.name);
}

function applicantRegions(v: unknown): string[] {
  return asArray(v)
    .map((r) => (isRecord(r) ? str(r.name) : str(r)))
    .filter((r): r is string => r !== null)
    .map((r) => countryName(r) ?? r);
}

function payOf(v: unknown, location: string | null): PayBand[] {
  const bands: PayBand[] = [];
  for (const amount of asArray(v)) {
    if (!isRecord(amount)) continue;
    const currency = str(amount.currency) ?? (isRecord(amount.value) ? str(amount.value.currency) : null);
    const value = amount.value;
    if (isRecord(value)) {
      const period = mapPayPeriod(str(value.unitText)) ?? mapPayPeriod(str(amount.unitText));
      const single = value.value;
      const band = value.minValue !== undefined || value.maxValue !== undefined
        ? payBand(value.minValue, value.maxValue ?? (value.minValue === undefined ? single : undefined), currency, period, location)
        : payBand(single, single, currency, period, location);
      if (band) bands.push(band);
    } else {
      const band = payBand(value ?? amount.minValue, value ?? amount.maxValue, currency, mapPayPeriod(str(amount.unitText)), location);
      if (band) bands.push(band);
    }
  }
  return bands;
}

/** The facts and description of one JobPosting object. */
export function readJobPosting(jp: Record<string, unknown>): JobPostingLd {
  const remote = asArray(jp.jobLocationType).some((t) => typeof t === 'string' && /telecommute|remote/i.test(t));
  const places = asArray(jp.jobLocation).map(placeOf).filter((p): p is string => p !== null);
  const regions = applicantRegions(jp.applicantLocationRequirements);
  const locations = [...places];
  if (remote) {
    if (regions.length) locations.push(...regions.map((r) => `Remote, ${r}`));
    else locations.push('Remote');
  }
  // schema.org gives one salary for the posting: a band that applies wherever the role is.
  const pay = [...payOf(jp.baseSalary, null), ...(jp.baseSalary ? [] : payOf(jp.estimatedSalary, null))];
  const rawDescription = str(jp.description);
  let description: string | null = null;
  if (rawDescription) {
    // Some sites escape the HTML once more inside the JSON string.
    const html = /&lt;\/?[a-z]/i.test(rawDescription) && !/<\/?[a-z]/i.test(rawDescription) ? unescapeHtml(rawDescription) : rawDescription;
    description = looksLikeHtml(html) || /&[a-z#0-9]+;/i.test(html) ? htmlToText(html) : html.trim();
  }
  const facts = compactFacts({
    title: tidyTitle(decodeText(str(jp.title) ?? str(jp.name)), locations),
    company: nameOf(jp.hiringOrganization),
    locations,
    workplace: remote ? 'remote' : null,
    employmentType: mapEmploymentType(jp.employmentType),
    pay,
    posted: formatPostedDate(str(jp.datePosted)),
  });
  return { facts, description };
}

/** The first JobPosting among JSON-LD script bodies, or null. */
export function jobPostingFromScripts(scripts: readonly string[]): JobPostingLd | null {
  for (const body of scripts) {
    const [jp] = findJobPostings(parseJsonLd(body));
    if (jp) return readJobPosting(jp);
  }
  return null;
}
