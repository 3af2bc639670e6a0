/**
 * Canonical URLs (one key per posting for dedupe and the link cache) and the test for whether
 * a link shared in passing is a job link worth fetching unasked.
 */

/** Query parameters that only track who clicked where. */
const TRACKING_PARAMS: readonly RegExp[] = [
  /^utm_/i,
  /^(trk|trkinfo|refid|trackingid|gh_src|lever-source|lever-origin|src|source|ref_src)$/i,
  /^(fbclid|gclid|gclsrc|dclid|msclkid|yclid|twclid|li_fat_id|mc_cid|mc_eid|_hsenc|_hsmi|mkt_tok|igshid|si)$/i,
];

const LINKEDIN_HOST = /(^|\.)linkedin\.com$/i;
const LINKEDIN_JOB_PATH = /^\/(?:comm\/)?jobs\/view\/(?:[^/]*?-)?(\d{6,})(?:\/|$)/i;
const LINKEDIN_GUEST_PATH = /^\/jobs-guest\/jobs\/api\/jobPosting\/(\d{6,})/i;

/** The LinkedIn job id a URL points at (view page, slug-id, ?currentJobId=, guest API), or null. */
export function linkedInJobId(url: URL): string | null {
  if (!LINKEDIN_HOST.test(url.hostname)) return null;
  const fromPath = LINKEDIN_JOB_PATH.exec(url.pathname)?.[1] ?? LINKEDIN_GUEST_PATH.exec(url.pathname)?.[1];
  if (fromPath) return fromPath;
  const current = url.searchParams.get('currentJobId');
  return current && /^\d{6,}$/.test(current) && url.pathname.startsWith('/jobs') ? current : null;
}

/** Per-site rewrites: several URLs of one posting become one. */
const SITE_REWRITES: ReadonlyArray<(url: URL) => URL | null> = [
  (url) => {
    const id = linkedInJobId(url);
    return id ? new URL(`https://www.linkedin.com/jobs/view/${id}`) : null;
  },
  // boards.greenhouse.io and job-boards.greenhouse.io serve the same job; the embed form names it by query.
  (url) => {
    if (!/(^|\.)greenhouse\.io$/i.test(url.hostname)) return null;
    const eu = /\.eu\.greenhouse\.io$/i.test(url.hostname);
    const host = eu ? 'job-boards.eu.greenhouse.io' : 'job-boards.greenhouse.io';
    const path = /^\/([^/]+)\/jobs\/(\d+)/.exec(url.pathname);
    if (path && path[1] !== 'embed') return new URL(`https://${host}/${path[1]}/jobs/${path[2]}`);
    const board = url.searchParams.get('for');
    const token = url.searchParams.get('token');
    if (url.pathname.startsWith('/embed/') && board && token && /^\d+$/.test(token)) return new URL(`https://${host}/${board}/jobs/${token}`);
    return null;
  },
  (url) => {
    const m = /^\/([^/]+)\/([0-9a-f-]{36})(?:\/(?:apply)?)?$/i.exec(url.pathname);
    return /^jobs(\.eu)?\.lever\.co$/i.test(url.hostname) && m ? new URL(`https://${url.hostname.toLowerCase()}/${m[1]}/${m[2]}`) : null;
  },
  (url) => {
    const m = /^\/([^/]+)\/([0-9a-f-]{36})(?:\/(?:application)?)?$/i.exec(url.pathname);
    return /^jobs\.ashbyhq\.com$/i.test(url.hostname) && m ? new URL(`https://jobs.ashbyhq.com/${m[1]}/${m[2]}`) : null;
  },
];

/** One URL per posting: tracking parameters, fragments, default ports and trailing slashes dropped. */
export function canonicalizeUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return raw.trim();
  }
  for (const rewrite of SITE_REWRITES) {
    const rewritten = rewrite(url);
    if (rewritten) return rewritten.href;
  }
  url.hash = '';
  url.hostname = url.hostname.toLowerCase().replace(/\.$/, '');
  const kept = [...url.searchParams.entries()].filter(([key]) => !TRACKING_PARAMS.some((re) => re.test(key)));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  url.search = kept.length ? new URLSearchParams(kept).toString() : '';
  if (url.pathname.length > 1) url.pathname = url.pathname.replace(/\/+$/, '');
  return url.href;
}

/** Hosts whose links are job postings (applicant tracking systems and job boards), with the path a posting has there. */
const JOB_HOSTS: ReadonlyArray<{ host: RegExp; path?: RegExp }> = [
  { host: /(^|\.)greenhouse\.io$/i, path: /\/jobs\/\d+|\/embed\/job_app/i },
  { host: /^jobs(\.eu)?\.lever\.co$/i, path: /^\/[^/]+\/[0-9a-f-]{36}/i },
  { host: /^jobs\.ashbyhq\.com$/i, path: /^\/[^/]+\/[0-9a-f-]{36}/i },
  { host: /\.myworkdayjobs\.com$/i, path: /\/job\//i },
  { host: /\.myworkdaysite\.com$/i, path: /\/job\//i },
  { host: /^(jobs|careers)\.smartrecruiters\.com$/i, path: /^\/[^/]+\/\d+/ },
  { host: /(^|\.)workable\.com$/i, path: /\/j\/|\/jobs?\//i },
  { host: /(^|\.)jobvite\.com$/i, path: /\/job\//i },
  { host: /(^|\.)icims\.com$/i, path: /\/jobs\/\d+/i },
  { host: /(^|\.)bamboohr\.com$/i, path: /\/careers\/\d+/i },
  { host: /(^|\.)recruitee\.com$/i, path: /\/o\//i },
  { host: /(^|\.)breezy\.hr$/i, path: /\/p\//i },
  { host: /(^|\.)teamtailor\.com$/i, path: /\/jobs\/\d+/i },
  { host: /(^|\.)jobs\.personio\.(de|com)$/i, path: /\/job\/\d+/i },
  { host: /(^|\.)applytojob\.com$/i, path: /\/apply\//i },
  { host: /(^|\.)taleo\.net$/i, path: /jobdetail|requisition/i },
  { host: /(^|\.)oraclecloud\.com$/i, path: /\/job\/\d+/i },
  { host: /(^|\.)successfactors\.(com|eu)$/i, path: /career/i },
  { host: /(^|\.)rippling(-ats)?\.com$/i, path: /\/jobs?\//i },
  { host: /(^|\.)wellfound\.com$/i, path: /\/jobs\/\d+/i },
  { host: /(^|\.)ycombinator\.com$/i, path: /\/jobs\//i },
  { host: /(^|\.)indeed\.[a-z.]+$/i, path: /\/viewjob|\/rc\/clk|\/job\//i },
  { host: /(^|\.)glassdoor\.[a-z.]+$/i, path: /\/job-listing\//i },
  { host: /(^|\.)seek\.(com\.au|co\.nz)$/i, path: /\/job\/\d+/i },
  { host: /(^|\.)builtin[a-z]*\.com$/i, path: /\/job\//i },
  { host: /(^|\.)dice\.com$/i, path: /\/job-detail\//i },
  { host: /(^|\.)welcometothejungle\.com$/i, path: /\/jobs\//i },
  { host: /(^|\.)otta\.com$/i, path: /\/jobs\//i },
  { host: /(^|\.)stepstone\.[a-z.]+$/i, path: /stellenangebote|\/job/i },
];

/** Hosts whose paths say "job" for other reasons (CI jobs, documents, chat). */
const NOT_JOB_HOSTS: readonly RegExp[] = [
  /(^|\.)(github|gitlab|bitbucket)\.(com|org|io)$/i,
  /(^|\.)(circleci|travis-ci|buildkite|jenkins)\.[a-z]+$/i,
  /(^|\.)(docs|drive|sheets)\.google\.com$/i,
  /(^|\.)(slack|discord|discordapp|zoom|notion|figma|youtube|youtu)\.[a-z]+$/i,
  /(^|\.)(twitter|x|facebook|instagram|reddit|medium)\.com$/i,
];

/** Path segments and query keys that name a job page on a company's own careers site. */
const JOB_PATH_WORDS = /(^|[/_.-])(jobs?|careers?|positions?|openings?|vacanc(y|ies)|job-?posting|requisitions?|opportunit(y|ies)|join-us|work-with-us|stellen(angebote)?|emplois?|empleos?|vagas?|vacatures?)([/_.-]|$)/i;
const JOB_QUERY_KEYS = /^(gh_jid|jobid|job_id|jid|jobreqid|reqid|requisitionid|postingid|lever-via|ashby_jid)$/i;

/** Whether a URL shared in passing looks like a job posting worth fetching. */
export function looksLikeJobLink(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  const host = url.hostname;
  if (LINKEDIN_HOST.test(host)) return linkedInJobId(url) !== null;
  const known = JOB_HOSTS.find((h) => h.host.test(host));
  if (known) return !known.path || known.path.test(url.pathname + url.search);
  if (NOT_JOB_HOSTS.some((re) => re.test(host))) return false;
  if ([...url.searchParams.keys()].some((k) => JOB_QUERY_KEYS.test(k))) return true;
  // careers.example.com/anything, or /careers/…, /jobs/… on a company site; a bare /careers index is not one posting.
  const path = url.pathname.replace(/\/+$/, '');
  if (/^(careers?|jobs?|apply|talent|recruiting|work)\./i.test(host) && path.split('/').filter(Boolean).length >= 1) return true;
  const segments = path.split('/').filter(Boolean);
  return segments.length >= 2 && JOB_PATH_WORDS.test(path);
}
