import {
  compactFacts, composeText, countryName, formatPlace, formatPostedDate, isRecord, levelFromLabel, mapEmploymentType, mapPayPeriod,
  payBand, str, type ReadResult,
} from '../facts.js';
import { htmlToText } from '../html.js';
import type { SiteReader } from './types.js';

/**
 * SmartRecruiters posting detail API: GET /v1/companies/{company}/postings/{id} (the list
 * API has no description). Posting pages: jobs.smartrecruiters.com/{company}/{id}-{slug}.
 */
export const SMARTRECRUITERS_API = 'https://api.smartrecruiters.com';

const SECTION_ORDER = ['companyDescription', 'jobDescription', 'qualifications', 'additionalInformation'];

// Arrangement words SmartRecruiters accounts type into the city or region field ("Poland, Remote, Poland").
const ARRANGEMENT = /^(remote|hybrid|on-?site|home ?based|anywhere)$/i;

/**
 * The posting's place from its parts (city, region, country code), not `fullLocation`, which
 * keeps empty parts and repeats ("Singapore, , Singapore", "Frankfurt, , Germany"); a remote
 * posting says so in the place ("Remote, Poland").
 */
function placesOf(loc: Record<string, unknown>, remote: boolean): string[] {
  const country = countryName(str(loc.country));
  const part = (v: unknown): string | null => {
    const p = str(v);
    return p && !ARRANGEMENT.test(p) && p.toLowerCase() !== country?.toLowerCase() ? p : null;
  };
  const place = formatPlace(part(loc.city), part(loc.region), str(loc.country)) ?? str(loc.fullLocation);
  if (!remote) return place ? [place] : [];
  // A remote job with only a country (the city field held "Poland" or "Remote") is remote from that country.
  if (!part(loc.city)) return [country ? `Remote, ${/^united states$/i.test(country) ? 'US' : country}` : 'Remote'];
  return [place, /^united states$/i.test(country ?? '') ? 'Remote, US' : country ? `Remote, ${country}` : 'Remote'].filter((s): s is string => s !== null);
}

export const smartRecruiters: SiteReader = {
  site: 'smartrecruiters',
  match(url, baseUrl) {
    if (!/^(jobs|careers)\.smartrecruiters\.com$/i.test(url.hostname)) return null;
    const path = /^\/([^/]+)\/(?:job\/)?(\d{6,})/i.exec(url.pathname);
    if (!path?.[1] || !path[2]) return null;
    const base = (baseUrl ?? SMARTRECRUITERS_API).replace(/\/$/, '');
    return { apiUrl: `${base}/v1/companies/${encodeURIComponent(decodeURIComponent(path[1]))}/postings/${path[2]}`, accept: 'json' };
  },
  recognize(json) {
    return isRecord(json) && isRecord(json.jobAd) && isRecord(json.jobAd.sections) && typeof json.name === 'string';
  },
  fromJson(json): ReadResult | null {
    if (!isRecord(json) || !isRecord(json.jobAd) || !isRecord(json.jobAd.sections)) return null;
    const loc = isRecord(json.location) ? json.location : {};
    const remote = loc.remote === true;
    const hybrid = loc.hybrid === true;
    const locations = placesOf(loc, remote);
    const experience = isRecord(json.experienceLevel) ? str(json.experienceLevel.label) : null;
    const level = levelFromLabel(experience);
    const comp = isRecord(json.compensation) ? json.compensation : null;
    const band = comp ? payBand(comp.min, comp.max, str(comp.currency), mapPayPeriod(str(comp.period) ?? str(comp.interval))) : null;
    const facts = compactFacts({
      title: str(json.name),
      company: isRecord(json.company) ? str(json.company.name) : null,
      locations,
      workplace: remote ? 'remote' : hybrid ? 'hybrid' : null,
      employmentType: mapEmploymentType(isRecord(json.typeOfEmployment) ? str(json.typeOfEmployment.label) ?? str(json.typeOfEmployment.id) : null),
      pay: band ? [band] : [],
      posted: formatPostedDate(str(json.releasedDate)),
      ...(level ? { level } : {}),
    });
    const sections = json.jobAd.sections;
    const keys = [...SECTION_ORDER, ...Object.keys(sections).filter((k) => !SECTION_ORDER.includes(k))];
    const body = keys.map((k) => {
      const s = sections[k];
      if (!isRecord(s)) return null;
      const text = htmlToText(str(s.text) ?? '');
      if (!text) return null;
      const title = str(s.title);
      return title ? `${title}\n\n${text}` : text;
    });
    const header = [isRecord(json.typeOfEmployment) ? str(json.typeOfEmployment.label) : null, experience];
    return { text: composeText(facts, body, header), structured: facts, site: 'smartrecruiters' };
  },
};
