import type { PayBand } from '../../posting.js';
import {
  amountsOf, cityList, compactFacts, composeText, currencyOf, formatPostedDate, isRecord, mapEmploymentType, mapPayPeriod,
  mapWorkplace, payBand, periodBySize, placeFromBandTitle, str, type ReadResult,
} from '../facts.js';
import { findAll, findFirst, hasClass, htmlToText, innerText, parseHtml, unescapeHtml, type HtmlElement } from '../html.js';
import type { SiteReader } from './types.js';

/** Greenhouse job board API: GET /v1/boards/{board}/jobs/{id}?pay_transparency=true. */
export const GREENHOUSE_API = 'https://boards-api.greenhouse.io';
const GREENHOUSE_API_EU = 'https://boards-api.eu.greenhouse.io';

const BOARD_HOST = /^(boards|job-boards)(\.eu)?\.greenhouse\.io$/i;

export function greenhouseApiUrl(board: string, id: string, base: string): string {
  return `${base.replace(/\/$/, '')}/v1/boards/${encodeURIComponent(board)}/jobs/${encodeURIComponent(id)}?pay_transparency=true`;
}

/** The board token a company careers page embeds (its Greenhouse iframe or script). */
export function boardTokenInPage(html: string): string | null {
  const m =
    /greenhouse\.io\/embed\/job_(?:board|app)(?:\/js)?\?(?:[^"'<>]*?&(?:amp;)?)?for=([\w-]+)/i.exec(html) ??
    /(?:job-boards|boards)(?:\.eu)?\.greenhouse\.io\/(?!embed\b)([\w-]+)/i.exec(html) ??
    /boards-api(?:\.eu)?\.greenhouse\.io\/v1\/boards\/([\w-]+)/i.exec(html);
  return m?.[1] ?? null;
}

function bandsFromRanges(ranges: unknown[]): PayBand[] {
  const bands: PayBand[] = [];
  for (const r of ranges) {
    if (!isRecord(r)) continue;
    const title = str(r.title);
    const blurb = `${str(r.blurb) ?? ''} ${str(r.description) ?? ''} ${title ?? ''}`;
    const min = typeof r.min_cents === 'number' ? r.min_cents / 100 : null;
    const max = typeof r.max_cents === 'number' ? r.max_cents / 100 : null;
    const period = /\bhour(ly)?\b|per hour/i.test(blurb) ? 'hour' : mapPayPeriod(str(r.unit)) ?? null;
    const place = ranges.length > 1 ? placeFromBandTitle(title) : null;
    const band = payBand(min, max, str(r.currency_type), period ?? periodBySize(max ?? min ?? 0), place, title);
    if (band) bands.push(band);
  }
  return bands;
}

/** The pay-transparency block Greenhouse renders into `content` when the API was asked without the flag. */
function bandsFromContent(doc: ReturnType<typeof parseHtml>): PayBand[] {
  const block = findFirst(doc, (el) => hasClass(el, 'content-pay-transparency'));
  if (!block) return [];
  const blurb = innerText(block);
  const ranges = findAll(block, (el) => hasClass(el, 'pay-range'));
  const titles = findAll(block, (el) => hasClass(el, 'title'));
  const bands: PayBand[] = [];
  ranges.forEach((range: HtmlElement, i) => {
    const text = innerText(range);
    const amounts = amountsOf(text);
    const title = titles[i] ? innerText(titles[i] as HtmlElement) : null;
    const period = /\bhour(ly)?\b|per hour/i.test(`${text} ${blurb}`) ? 'hour' : null;
    const band = payBand(amounts[0], amounts[1] ?? amounts[0], currencyOf(text), period, ranges.length > 1 ? placeFromBandTitle(title) : null, title);
    if (band) bands.push(band);
  });
  return bands;
}

function metadataValue(meta: unknown, name: RegExp): string | null {
  if (!Array.isArray(meta)) return null;
  for (const m of meta) {
    if (!isRecord(m) || !name.test(str(m.name) ?? '')) continue;
    const v = m.value;
    if (Array.isArray(v)) return v.map(str).filter(Boolean).join(', ') || null;
    return str(v);
  }
  return null;
}

function splitLocations(name: string | null): string[] {
  if (!name) return [];
  return name
    .split(/\s*(?:;|\||\bor\b|\/(?=\s))\s*/)
    .map((s) => s.trim())
    .filter(Boolean)
    // "Seattle, San Francisco, New York City": three cities, not one city with its region.
    .flatMap((s) => cityList(s) ?? [s]);
}

export const greenhouse: SiteReader = {
  site: 'greenhouse',
  match(url, baseUrl) {
    const eu = /\.eu\.greenhouse\.io$/i.test(url.hostname);
    const base = baseUrl ?? (eu ? GREENHOUSE_API_EU : GREENHOUSE_API);
    if (BOARD_HOST.test(url.hostname)) {
      const path = /^\/([\w-]+)\/jobs\/(\d+)/.exec(url.pathname);
      if (path?.[1] && path[2] && path[1] !== 'embed') return { apiUrl: greenhouseApiUrl(path[1], path[2], base), accept: 'json' };
      const board = url.searchParams.get('for');
      const token = url.searchParams.get('token');
      if (board && token && /^\d+$/.test(token)) return { apiUrl: greenhouseApiUrl(board, token, base), accept: 'json' };
    }
    return null;
  },
  recognize(json) {
    return isRecord(json) && typeof json.content === 'string' && typeof json.title === 'string' &&
      ('internal_job_id' in json || 'requisition_id' in json || /greenhouse\.io/.test(str(json.absolute_url) ?? ''));
  },
  fromJson(json): ReadResult | null {
    if (!isRecord(json) || typeof json.content !== 'string') return null;
    // The API sends `content` HTML-entity-escaped: unescape once, then parse it as HTML.
    const html = /&lt;[a-z/]/i.test(json.content) ? unescapeHtml(json.content) : json.content;
    const doc = parseHtml(html);
    const locationName = isRecord(json.location) ? str(json.location.name) : null;
    const locations = splitLocations(locationName);
    const ranges = Array.isArray(json.pay_input_ranges) ? json.pay_input_ranges : [];
    const pay = ranges.length ? bandsFromRanges(ranges) : bandsFromContent(doc);
    const workplace = mapWorkplace(metadataValue(json.metadata, /workplace|remote|location type|work type/i)) ??
      (/\bremote\b/i.test(locationName ?? '') ? 'remote' : /\bhybrid\b/i.test(locationName ?? '') ? 'hybrid' : null);
    const facts = compactFacts({
      title: str(json.title),
      company: str(json.company_name),
      locations,
      workplace,
      employmentType: mapEmploymentType(metadataValue(json.metadata, /employment type|time type|job type|commitment/i)),
      pay,
      // The date it went up, not the date someone last edited it.
      posted: formatPostedDate(str(json.first_published) ?? str(json.updated_at)),
    });
    return { text: composeText(facts, [htmlToText(doc)]), structured: facts, site: 'greenhouse' };
  },
};

/** The gh_jid a company careers page carries in its URL, or null. */
export function greenhouseJobIdOf(url: URL): string | null {
  const id = url.searchParams.get('gh_jid');
  return id && /^\d+$/.test(id) ? id : null;
}
