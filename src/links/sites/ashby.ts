import type { PayBand } from '../../posting.js';
import {
  compactFacts, composeText, formatPlace, formatPostedDate, isRecord, mapEmploymentType, mapPayPeriod, mapWorkplace,
  payBand, placeFromBandTitle, str, type ReadResult,
} from '../facts.js';
import { htmlToText } from '../html.js';
import type { SiteReader, SiteRequest } from './types.js';

/** Ashby public job board API: GET /posting-api/job-board/{board}?includeCompensation=true answers the whole board. */
export const ASHBY_API = 'https://api.ashbyhq.com';

function salaryBands(components: unknown, place: string | null, note: string | null): PayBand[] {
  if (!Array.isArray(components)) return [];
  return components
    .filter(isRecord)
    .filter((c) => /salary|hourly|wage/i.test(str(c.compensationType) ?? ''))
    .map((c) => payBand(c.minValue, c.maxValue, str(c.currencyCode), mapPayPeriod(str(c.interval)), place, note))
    .filter((b): b is PayBand => b !== null);
}

function payOf(comp: unknown): PayBand[] {
  if (!isRecord(comp)) return [];
  const tiers = Array.isArray(comp.compensationTiers) ? comp.compensationTiers.filter(isRecord) : [];
  const fromTiers = tiers.flatMap((t) => {
    const title = str(t.title);
    return salaryBands(t.components, tiers.length > 1 ? placeFromBandTitle(title) : null, title);
  });
  return fromTiers.length ? fromTiers : salaryBands(comp.summaryComponents, null, null);
}

function locationsOf(job: Record<string, unknown>, remote: boolean): string[] {
  const names = [str(job.location), ...(Array.isArray(job.secondaryLocations) ? job.secondaryLocations.map((l) => (isRecord(l) ? str(l.location) : str(l))) : [])]
    .filter((s): s is string => s !== null);
  if (!names.length && isRecord(job.address) && isRecord(job.address.postalAddress)) {
    const a = job.address.postalAddress;
    const place = formatPlace(str(a.addressLocality), str(a.addressRegion), str(a.addressCountry));
    if (place) names.push(place);
  }
  // "North America" on a remote role means "remote, from North America".
  return names.map((n) => (remote && !/remote/i.test(n) ? `Remote, ${n}` : n));
}

function isAshbyJob(v: unknown): v is Record<string, unknown> {
  return isRecord(v) && typeof v.title === 'string' && ('descriptionHtml' in v || 'descriptionPlain' in v) && ('jobUrl' in v || 'isListed' in v || 'employmentType' in v);
}

function jobFromBoard(json: unknown, want?: SiteRequest): Record<string, unknown> | null {
  if (isAshbyJob(json)) return json;
  if (!isRecord(json) || !Array.isArray(json.jobs)) return null;
  const jobs = json.jobs.filter(isAshbyJob);
  if (want?.jobId) return jobs.find((j) => str(j.id)?.toLowerCase() === want.jobId?.toLowerCase()) ?? null;
  return jobs.length === 1 ? (jobs[0] ?? null) : null;
}

export const ashby: SiteReader = {
  site: 'ashby',
  match(url, baseUrl) {
    if (!/^jobs\.ashbyhq\.com$/i.test(url.hostname)) return null;
    const path = /^\/([^/]+)\/([0-9a-f-]{36})/i.exec(url.pathname);
    if (!path?.[1] || !path[2]) return null;
    const base = (baseUrl ?? ASHBY_API).replace(/\/$/, '');
    return { apiUrl: `${base}/posting-api/job-board/${encodeURIComponent(decodeURIComponent(path[1]))}?includeCompensation=true`, accept: 'json', jobId: path[2] };
  },
  recognize(json) {
    return isAshbyJob(json) || (isRecord(json) && Array.isArray(json.jobs) && (json.jobs.length === 0 ? 'apiVersion' in json : isAshbyJob(json.jobs[0])));
  },
  fromJson(json, want): ReadResult | null {
    const job = jobFromBoard(json, want);
    if (!job) return null;
    const workplace = mapWorkplace(str(job.workplaceType)) ?? (job.isRemote === true ? 'remote' : null);
    const facts = compactFacts({
      title: str(job.title),
      locations: locationsOf(job, workplace === 'remote'),
      workplace,
      employmentType: mapEmploymentType(str(job.employmentType)),
      pay: payOf(job.compensation),
      posted: formatPostedDate(str(job.publishedAt)),
    });
    const body = str(job.descriptionHtml) ? htmlToText(str(job.descriptionHtml) ?? '') : str(job.descriptionPlain);
    const comp = isRecord(job.compensation) ? str(job.compensation.compensationTierSummary) : null;
    return { text: composeText(facts, [body, comp ? `Compensation: ${comp}` : null]), structured: facts, site: 'ashby' };
  },
};
