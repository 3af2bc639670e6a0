import { ashby } from './ashby.js';
import { greenhouse } from './greenhouse.js';
import { lever } from './lever.js';
import { linkedIn } from './linkedin.js';
import { smartRecruiters } from './smartrecruiters.js';
import type { SiteReader } from './types.js';
import { workday } from './workday.js';

export type { Fetcher, SiteReader, SiteRequest } from './types.js';

/** Every site reader, in the order their URL patterns are tried. */
export const SITE_READERS: readonly SiteReader[] = [greenhouse, lever, ashby, workday, smartRecruiters, linkedIn];

export type SiteName = 'greenhouse' | 'lever' | 'ashby' | 'workday' | 'smartrecruiters' | 'linkedin';

/** Site names for pages read without an API, by host: the Posting records where it came from. */
const SITE_BY_HOST: ReadonlyArray<[RegExp, string]> = [
  [/(^|\.)linkedin\.com$/i, 'linkedin'],
  [/(^|\.)greenhouse\.io$/i, 'greenhouse'],
  [/(^|\.)lever\.co$/i, 'lever'],
  [/(^|\.)ashbyhq\.com$/i, 'ashby'],
  [/(^|\.)myworkday(jobs|site)\.com$/i, 'workday'],
  [/(^|\.)smartrecruiters\.com$/i, 'smartrecruiters'],
  [/(^|\.)indeed\.[a-z.]+$/i, 'indeed'],
  [/(^|\.)seek\.(com\.au|co\.nz)$/i, 'seek'],
  [/(^|\.)glassdoor\.[a-z.]+$/i, 'glassdoor'],
  [/(^|\.)builtin[a-z]*\.com$/i, 'builtin'],
  [/(^|\.)workable\.com$/i, 'workable'],
  [/(^|\.)wellfound\.com$/i, 'wellfound'],
  [/(^|\.)ycombinator\.com$/i, 'ycombinator'],
  [/(^|\.)dice\.com$/i, 'dice'],
];

export function siteOfHost(host: string): string | null {
  return SITE_BY_HOST.find(([re]) => re.test(host))?.[1] ?? null;
}
