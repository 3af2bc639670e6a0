import {
  companyFromSlug, compactFacts, composeText, formatPostedDate, isRecord, mapEmploymentType, mapWorkplace, placeFromDescriptor, str,
  withoutEntityCode, type ReadResult,
} from '../facts.js';
import { htmlToText } from '../html.js';
import type { SiteReader } from './types.js';

/**
 * Workday: the page is a JavaScript app; its data comes from /wday/cxs/{tenant}/{site}/job/…
 * on the same host. Two URL forms:
 *   {tenant}.wdN.myworkdayjobs.com/[locale/]{site}/job/{location}/{title}_{req}
 *   wdN.myworkdaysite.com/[locale/]recruiting/{tenant}/{site}/job/{location}/{title}_{req}
 */
const LOCALE = /^[a-z]{2}(-[A-Z]{2})?$/;

function jobPath(rest: string[]): string | null {
  // "details/Title_R123" is a short form of "job/…/Title_R123": the API takes "job/Title_R123".
  const i = rest.findIndex((s) => s === 'job' || s === 'details');
  if (i < 0 || i === rest.length - 1) return null;
  return `job/${rest.slice(i + 1).join('/')}`;
}

/** The tenant a posting's own URL names ("nvidia" in nvidia.wd5.myworkdayjobs.com). */
function tenantOf(externalUrl: string | null): string | null {
  if (!externalUrl) return null;
  try {
    const url = new URL(externalUrl);
    return /^([\w-]+)\.wd\d+\.myworkdayjobs\.com$/i.exec(url.hostname)?.[1] ??
      (/\.myworkdaysite\.com$/i.test(url.hostname) ? (/^\/(?:[a-z]{2}-[A-Z]{2}\/)?recruiting\/([\w-]+)\//.exec(url.pathname)?.[1] ?? null) : null);
  } catch {
    return null;
  }
}

/**
 * The employer: `hiringOrganization.name` is the legal entity with a company code ("IL00
 * Mellanox Technologies, Ltd." hires for NVIDIA), so the brand the tenant names wins when the
 * posting's text spells it; else the entity's name without its code.
 */
function companyOf(json: Record<string, unknown>, info: Record<string, unknown>, body: string): string | null {
  const entity = withoutEntityCode(isRecord(json.hiringOrganization) ? str(json.hiringOrganization.name) : null);
  const brand = companyFromSlug(tenantOf(str(info.externalUrl)), body);
  // "Blue Harbor Bank" for tenant "blueharbor": the entity's own name is the fuller brand.
  if (brand && entity && entity.toLowerCase().startsWith(brand.toLowerCase())) return entity;
  return brand ?? entity;
}

// "Telecommuting Options: Onsite", "Remote Type: Hybrid": the description's own field line,
// read only when the answer has no remoteType.
const WORKPLACE_LINE = /\b(?:telecommuting options?|remote type|work(?:place)? type|work arrangement|location type)\s*:\s*(on-?site|remote|hybrid|in[- ]office|fully remote)\b/i;

function workplaceOf(info: Record<string, unknown>, body: string, locations: string[]): ReturnType<typeof mapWorkplace> {
  const field = mapWorkplace(str(info.remoteType));
  if (field) return field;
  const line = WORKPLACE_LINE.exec(body)?.[1];
  if (line) return mapWorkplace(line.replace(/^fully /i, ''));
  // Every place a home-worker or remote descriptor ("Homeworker - UK"): the role is remote.
  if (locations.length > 0 && locations.every((l) => /^remote\b/i.test(l))) return 'remote';
  return null;
}

export const workday: SiteReader = {
  site: 'workday',
  match(url, baseUrl) {
    const segments = url.pathname.split('/').filter(Boolean);
    if (segments[0] && LOCALE.test(segments[0])) segments.shift();
    let tenant: string | undefined;
    let site: string | undefined;
    let rest: string[] = [];
    const jobs = /^([\w-]+)\.(wd\d+|wd\d+-impl)\.myworkdayjobs\.com$/i.exec(url.hostname);
    if (jobs) {
      tenant = jobs[1];
      site = segments[0];
      rest = segments.slice(1);
    } else if (/^(wd\d+|wd\d+-impl)\.myworkdaysite\.com$/i.test(url.hostname) && segments[0] === 'recruiting') {
      tenant = segments[1];
      site = segments[2];
      rest = segments.slice(3);
    }
    const path = jobPath(rest);
    if (!tenant || !site || !path) return null;
    const base = (baseUrl ?? url.origin).replace(/\/$/, '');
    return { apiUrl: `${base}/wday/cxs/${tenant}/${site}/${path}`, accept: 'json' };
  },
  recognize(json) {
    return isRecord(json) && isRecord(json.jobPostingInfo) && typeof json.jobPostingInfo.title === 'string';
  },
  fromJson(json): ReadResult | null {
    if (!isRecord(json) || !isRecord(json.jobPostingInfo)) return null;
    const info = json.jobPostingInfo;
    const extra = Array.isArray(info.additionalLocations) ? info.additionalLocations.map(str) : [];
    const locations = [str(info.location), ...extra].filter((s): s is string => s !== null).map(placeFromDescriptor);
    const body = htmlToText(str(info.jobDescription) ?? '');
    // postedOn is relative ("Posted 3 Days Ago"); startDate is the calendar date it went up.
    const posted = formatPostedDate(str(info.startDate)) ?? str(info.postedOn)?.replace(/^posted\s+/i, '') ?? null;
    const facts = compactFacts({
      title: str(info.title),
      company: companyOf(json, info, body),
      locations,
      workplace: workplaceOf(info, body, locations),
      employmentType: mapEmploymentType(str(info.timeType)),
      posted,
    });
    const header = [str(info.timeType), str(info.jobReqId) ? `Req ${str(info.jobReqId)}` : null];
    return { text: composeText(facts, [body], header), structured: facts, site: 'workday' };
  },
};
