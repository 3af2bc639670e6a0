import {
  companyFromSlug, compactFacts, composeText, formatPostedDate, isRecord, levelFromLabel, mapEmploymentType, mapPayPeriod, mapWorkplace,
  payBand, placeFromDescriptor, str, type ReadResult,
} from '../facts.js';
import { htmlToText } from '../html.js';
import type { SiteReader } from './types.js';

/** Lever postings API: GET /v0/postings/{site}/{id} (api.eu.lever.co for the EU cluster). */
export const LEVER_API = 'https://api.lever.co';
const LEVER_API_EU = 'https://api.eu.lever.co';

function section(title: string | null, html: string | null): string | null {
  const body = html ? htmlToText(/<li[\s>]/i.test(html) && !/<ul|<ol/i.test(html) ? `<ul>${html}</ul>` : html) : '';
  if (!body) return null;
  return title ? `${title}\n\n${body}` : body;
}

/** The Lever account a posting's own URL names ("spotify" in jobs.lever.co/spotify/…). */
function accountOf(json: Record<string, unknown>): string | null {
  for (const key of ['hostedUrl', 'applyUrl']) {
    const m = /^https?:\/\/jobs(?:\.eu)?\.lever\.co\/([^/?#]+)/i.exec(str(json[key]) ?? '');
    if (m?.[1]) return m[1];
  }
  return null;
}

export const lever: SiteReader = {
  site: 'lever',
  match(url, baseUrl) {
    const host = /^jobs(\.eu)?\.lever\.co$/i.exec(url.hostname);
    const path = /^\/([^/]+)\/([0-9a-f-]{36})/i.exec(url.pathname);
    if (!host || !path?.[1] || !path[2]) return null;
    const base = (baseUrl ?? (host[1] ? LEVER_API_EU : LEVER_API)).replace(/\/$/, '');
    return { apiUrl: `${base}/v0/postings/${encodeURIComponent(path[1])}/${path[2]}`, accept: 'json' };
  },
  recognize(json) {
    return isRecord(json) && typeof json.text === 'string' && isRecord(json.categories) &&
      ('descriptionPlain' in json || 'lists' in json || /lever\.co/.test(str(json.hostedUrl) ?? ''));
  },
  fromJson(json): ReadResult | null {
    if (!isRecord(json) || !isRecord(json.categories)) return null;
    const cat = json.categories;
    const all = Array.isArray(cat.allLocations) ? cat.allLocations.map(str).filter((s): s is string => s !== null) : [];
    const locations = (all.length ? all : [str(cat.location)].filter((s): s is string => s !== null)).map(placeFromDescriptor);
    const salary = isRecord(json.salaryRange) ? json.salaryRange : null;
    const band = salary ? payBand(salary.min, salary.max, salary.currency, mapPayPeriod(str(salary.interval))) : null;
    const level = levelFromLabel(str(cat.level));
    const facts = compactFacts({
      title: str(json.text),
      locations,
      workplace: mapWorkplace(str(json.workplaceType)),
      employmentType: mapEmploymentType(str(cat.commitment)),
      pay: band ? [band] : [],
      posted: formatPostedDate(typeof json.createdAt === 'number' ? json.createdAt : null),
      ...(level ? { level } : {}),
    });
    const lists = Array.isArray(json.lists) ? json.lists.filter(isRecord).map((l) => section(str(l.text), str(l.content))) : [];
    const sections = [
      section(null, str(json.description) ?? str(json.descriptionPlain)),
      ...lists,
      section(null, str(json.salaryDescription) ?? str(json.salaryDescriptionPlain)),
      section(null, str(json.additional) ?? str(json.additionalPlain)),
    ];
    const header = [str(cat.commitment), str(cat.team), str(cat.department)].filter((s): s is string => s !== null);
    // The API never names the company: the account in the posting's URL does, when the text
    // spells it; otherwise it stays unknown (null), for the hosted page to tell, never a guess.
    const company = companyFromSlug(accountOf(json), sections.filter(Boolean).join('\n'));
    const structured = { ...facts, company };
    return { text: composeText(structured, sections, header.slice(0, 1)), structured, site: 'lever' };
  },
};
