import { describe, expect, it } from 'vitest';
import { canonicalizeUrl, linkedInJobId, looksLikeJobLink } from '../../src/links/canonical.js';

describe('canonicalizeUrl', () => {
  it('drops tracking parameters and keeps the rest in a stable order', () => {
    expect(canonicalizeUrl('https://careers.acme.com/jobs/123?utm_source=slack&utm_medium=x&b=2&a=1&gh_src=abc&src=LinkedIn#apply')).toBe(
      'https://careers.acme.com/jobs/123?a=1&b=2',
    );
    expect(canonicalizeUrl('https://acme.com/careers/?gh_jid=4567&trk=feed&refId=x&trackingId=y')).toBe('https://acme.com/careers?gh_jid=4567');
  });

  it('reduces every LinkedIn job URL to /jobs/view/ID', () => {
    const want = 'https://www.linkedin.com/jobs/view/4012345678';
    expect(canonicalizeUrl('https://www.linkedin.com/jobs/view/senior-ml-engineer-at-capital-one-4012345678/?trk=public_jobs&refId=abc')).toBe(want);
    expect(canonicalizeUrl('https://au.linkedin.com/jobs/view/4012345678')).toBe(want);
    expect(canonicalizeUrl('https://www.linkedin.com/jobs/search/?currentJobId=4012345678&keywords=ml')).toBe(want);
    expect(canonicalizeUrl('https://www.linkedin.com/jobs/collections/recommended/?currentJobId=4012345678')).toBe(want);
    expect(canonicalizeUrl('https://www.linkedin.com/comm/jobs/view/4012345678')).toBe(want);
  });

  it('gives the two Greenhouse hosts and the embed form one URL', () => {
    const want = 'https://job-boards.greenhouse.io/acme/jobs/4001234002';
    expect(canonicalizeUrl('https://boards.greenhouse.io/acme/jobs/4001234002?gh_src=x')).toBe(want);
    expect(canonicalizeUrl('https://job-boards.greenhouse.io/acme/jobs/4001234002')).toBe(want);
    expect(canonicalizeUrl('https://boards.greenhouse.io/embed/job_app?for=acme&token=4001234002')).toBe(want);
  });

  it('drops the apply page suffix on Lever and Ashby', () => {
    expect(canonicalizeUrl('https://jobs.lever.co/acme/3414ba28-35f7-45d3-8e13-35c883959635/apply?lever-source=LinkedIn')).toBe(
      'https://jobs.lever.co/acme/3414ba28-35f7-45d3-8e13-35c883959635',
    );
    expect(canonicalizeUrl('https://jobs.ashbyhq.com/acme/cd5ae036-0223-427a-b038-ba16ef9dcb32/application')).toBe(
      'https://jobs.ashbyhq.com/acme/cd5ae036-0223-427a-b038-ba16ef9dcb32',
    );
  });

  it('is idempotent', () => {
    for (const u of ['https://Acme.com:443/Jobs/1/?utm_x=1', 'https://www.linkedin.com/jobs/view/x-4012345678', 'http://a.example/b?z=1&y=2']) {
      expect(canonicalizeUrl(canonicalizeUrl(u))).toBe(canonicalizeUrl(u));
    }
  });
});

describe('linkedInJobId', () => {
  it('ignores LinkedIn pages that are not one job', () => {
    expect(linkedInJobId(new URL('https://www.linkedin.com/feed/update/urn:li:activity:7000000000000'))).toBeNull();
    expect(linkedInJobId(new URL('https://www.linkedin.com/company/acme/jobs/'))).toBeNull();
  });
});

describe('looksLikeJobLink', () => {
  it.each([
    'https://boards.greenhouse.io/acme/jobs/4001234002',
    'https://jobs.lever.co/acme/3414ba28-35f7-45d3-8e13-35c883959635',
    'https://jobs.ashbyhq.com/acme/cd5ae036-0223-427a-b038-ba16ef9dcb32',
    'https://acme.wd5.myworkdayjobs.com/en-US/External/job/Austin-TX/Data-Engineer_R12345',
    'https://jobs.smartrecruiters.com/Acme/743999912345678-data-engineer',
    'https://www.linkedin.com/jobs/view/4012345678',
    'https://www.linkedin.com/jobs/search/?currentJobId=4012345678',
    'https://www.acme.com/careers/senior-data-engineer',
    'https://acme.com/about/careers?gh_jid=4567',
    'https://careers.acme.com/senior-data-engineer-12',
    'https://au.indeed.com/viewjob?jk=abc123',
    'https://www.seek.com.au/job/87654321',
  ])('fetches %s', (url) => {
    expect(looksLikeJobLink(url)).toBe(true);
  });

  it.each([
    'https://www.linkedin.com/feed/update/urn:li:activity:7000000000000',
    'https://github.com/acme/app/actions/runs/1/job/2',
    'https://docs.google.com/document/d/abc/edit',
    'https://www.acme.com/blog/how-we-hire',
    'https://www.acme.com/careers',
    'https://boards.greenhouse.io/acme',
    'https://example.com/',
    'ftp://example.com/jobs/1',
    'not a link',
  ])('leaves %s alone', (url) => {
    expect(looksLikeJobLink(url)).toBe(false);
  });
});
