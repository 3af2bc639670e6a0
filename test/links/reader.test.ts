import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLinkReader, type LinkReaderOptions } from '../../src/links/index.js';
import type { Resolver } from '../../src/links/ssrf.js';
import { userFailure } from './failure.js';
import { html, json, slow, stalledCompressed, startHttpSite, type HttpSite } from '../fakes/http-site.js';

const api = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../fixtures/links/api/${name}`, import.meta.url), 'utf8'));
const page = (name: string): string => readFileSync(new URL(`../../fixtures/links/pages/${name}`, import.meta.url), 'utf8');

// Every name lookup fails: the readers reach only the stand-in site by its address, never the internet.
const noDns: Resolver = async () => {
  throw new Error('no DNS in tests');
};

let site: HttpSite;
let options: LinkReaderOptions;
const count = (prefix: string): number => site.requests.filter((r) => r.startsWith(prefix)).length;

beforeAll(async () => {
  site = await startHttpSite();
  const base = site.origin;
  options = {
    allowPrivate: true,
    fetch: { resolver: noDns, timeoutMs: 3_000, log: { warn: () => undefined } },
    baseUrls: { greenhouse: base, lever: base, ashby: base, workday: base, smartrecruiters: base, linkedin: base },
    linkedInIntervalMs: 0,
  };
  site.route('/v1/boards/northwindrobotics/jobs/7012345002', json(api('greenhouse-job.json')));
  site.route('/v1/boards/northwindrobotics/jobs/999', json({ status: 404, error: 'Job not found' }, 404));
  site.route('/v0/postings/fieldnote/5b7e2c1a-9d3f-4e21-8a6b-1f0c2d3e4a5b', json(api('lever-posting.json')));
  site.route('/posting-api/job-board/quillstack', json(api('ashby-board.json')));
  site.route('/fieldnote/5b7e2c1a-9d3f-4e21-8a6b-1f0c2d3e4a5b', html('<!doctype html><html><head><title>Fieldnote - Senior Data Engineer</title></head><body></body></html>'));
  site.route('/posting-api/job-board/nosuchboard', json(api('ashby-empty-board.json')));
  site.route('/wday/cxs/blueharbor/BlueHarbor/job/McLean-VA/Lead-Software-Engineer--Payments_R214567', json(api('workday-job.json')));
  site.route('/v1/companies/Alpenwerk/postings/744000098765432', json(api('smartrecruiters-posting.json')));
  site.route('/jobs-guest/jobs/api/jobPosting/4098765432', html(page('linkedin-guest.html')));
  site.route('/jobs-guest/jobs/api/jobPosting/4011111111', { status: 429, headers: { 'content-type': 'text/html' }, body: '' });
  site.route('/careers/support-specialist', html(page('jsonld-graph.html')));
  site.route('/careers/senior-product-designer', html(page('careers-no-jsonld.html')));
  site.route('/blog/how-we-plan', html(page('blog-not-a-job.html')));
  site.route('/careers', html(page('careers-gh-embed.html')));
});
afterAll(() => site.close());

describe('createLinkReader', () => {
  it('reads a Greenhouse link through the job board API with pay transparency', async () => {
    const reader = createLinkReader(options);
    const posting = await reader.read('https://boards.greenhouse.io/northwindrobotics/jobs/7012345002?gh_src=slack');
    expect(site.requests).toContain('/v1/boards/northwindrobotics/jobs/7012345002?pay_transparency=true');
    expect(posting.source).toEqual({ kind: 'link', url: 'https://job-boards.greenhouse.io/northwindrobotics/jobs/7012345002', site: 'greenhouse' });
    expect(posting.title).toBe('Senior Backend Engineer, Order Routing');
    expect(posting.pay.map((b) => [b.location, b.min, b.max])).toEqual([
      ['New York City', 185000, 215000],
      ['Remote (US)', 160000, 190000],
    ]);
    expect(posting.text).toContain('Design and run Go services');
  });

  it.each([
    ['https://jobs.lever.co/fieldnote/5b7e2c1a-9d3f-4e21-8a6b-1f0c2d3e4a5b', 'lever', 'Senior Data Engineer'],
    ['https://jobs.ashbyhq.com/quillstack/7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6', 'ashby', 'Senior Infrastructure Engineer'],
    ['https://blueharbor.wd1.myworkdayjobs.com/en-US/BlueHarbor/job/McLean-VA/Lead-Software-Engineer--Payments_R214567', 'workday', 'Lead Software Engineer, Payments'],
    // The posting's title drops the German gender marker the API keeps in its raw title.
    ['https://jobs.smartrecruiters.com/Alpenwerk/744000098765432-field-service-technician-m-w-d-', 'smartrecruiters', 'Field Service Technician'],
    ['https://www.linkedin.com/jobs/view/staff-machine-learning-engineer-at-harborlight-analytics-4098765432?trk=feed', 'linkedin', 'Staff Machine Learning Engineer'],
  ])('reads %s through its site API', async (url, siteName, title) => {
    const posting = await createLinkReader(options).read(url);
    expect(posting.source.site).toBe(siteName);
    expect(posting.title).toBe(title);
  });

  it('names the company from the hosted page when the ATS API does not', async () => {
    const posting = await createLinkReader(options).read('https://jobs.lever.co/fieldnote/5b7e2c1a-9d3f-4e21-8a6b-1f0c2d3e4a5b');
    expect(posting.company).toBe('Fieldnote');
  });

  it('fetches a link shared twice only once, even at the same moment', async () => {
    const reader = createLinkReader(options);
    const before = count('/v0/postings/fieldnote');
    const url = 'https://jobs.lever.co/fieldnote/5b7e2c1a-9d3f-4e21-8a6b-1f0c2d3e4a5b';
    const [a, b] = await Promise.all([reader.read(url), reader.read(`${url}/apply?lever-source=LinkedIn`)]);
    const c = await reader.read(url);
    expect(a).toBe(b);
    expect(c).toBe(a);
    expect(count('/v0/postings/fieldnote') - before).toBe(1);
  });

  it('says a posting was taken down when its ATS no longer has it', async () => {
    const reader = createLinkReader(options);
    expect(await userFailure(reader.read('https://boards.greenhouse.io/northwindrobotics/jobs/999'))).toMatchObject({ code: 'not-found', message: expect.stringMatching(/taken down/) });
    expect((await userFailure(reader.read('https://jobs.ashbyhq.com/nosuchboard/7d1e2f3a-4b5c-4d6e-8f90-a1b2c3d4e5f6'))).code).toBe('not-found');
  });

  it('backs off LinkedIn after a 429 instead of asking again', async () => {
    const reader = createLinkReader(options);
    const url = 'https://www.linkedin.com/jobs/view/4011111111';
    expect(await userFailure(reader.read(url))).toMatchObject({ code: 'fetch-failed' });
    const asked = count('/jobs-guest/jobs/api/jobPosting/4011111111');
    expect(await userFailure(reader.read('https://www.linkedin.com/jobs/view/4098765432'))).toMatchObject({ code: 'fetch-failed', message: expect.stringMatching(/LinkedIn/) });
    expect(count('/jobs-guest/jobs/api/jobPosting/4011111111')).toBe(asked);
  });

  it('reads a careers page by its JSON-LD, structured facts first', async () => {
    const posting = await createLinkReader(options).read(site.url('/careers/support-specialist?utm_source=slack'));
    expect(posting.source.url).toBe(site.url('/careers/support-specialist'));
    expect(posting).toMatchObject({ title: 'Customer Support Specialist', company: 'Brightpath Learning', workplace: 'remote', employmentType: 'part-time' });
    expect(posting.pay[0]).toMatchObject({ min: 24, max: 28.5, currency: 'USD', period: 'hour' });
  });

  it('reads a careers page without JSON-LD from its text', async () => {
    const posting = await createLinkReader(options).read(site.url('/careers/senior-product-designer'));
    expect(posting.source.site).toBeNull();
    expect(posting.text).toContain('Run usability studies with municipal finance staff');
    expect(posting.text).not.toMatch(/cookies|Pricing/);
  });

  it('follows ?gh_jid= on a company careers page to the Greenhouse API named in its embed', async () => {
    const posting = await createLinkReader(options).read(site.url('/careers?gh_jid=7012345002'));
    expect(posting.source.site).toBe('greenhouse');
    expect(posting.title).toBe('Senior Backend Engineer, Order Routing');
  });

  it('answers "no job posting found" for a page that is not one', async () => {
    expect(await userFailure(createLinkReader(options).read(site.url('/blog/how-we-plan')))).toMatchObject({ code: 'no-posting-at-link', message: 'No job posting found at that link.' });
  });

  it('refuses the stand-in site when private addresses are not allowed', async () => {
    const reader = createLinkReader({ ...options, allowPrivate: false });
    expect(await userFailure(reader.read(site.url('/careers/support-specialist')))).toMatchObject({ code: 'private-address', message: 'Links to private addresses are not fetched.' });
  });

  it('canonicalizes and recognises job links for the Desk', () => {
    const reader = createLinkReader(options);
    expect(reader.canonicalize('https://www.linkedin.com/jobs/search/?currentJobId=4098765432')).toBe('https://www.linkedin.com/jobs/view/4098765432');
    expect(reader.looksLikeJobLink('https://jobs.lever.co/fieldnote/5b7e2c1a-9d3f-4e21-8a6b-1f0c2d3e4a5b')).toBe(true);
  });
});

describe('one deadline for a whole link read', () => {
  /** A log that keeps its lines, to see what an operator would. */
  function keptLog(): { lines: Array<{ level: string; obj: Record<string, unknown>; msg: string }>; info: (o: object, m: string) => void; warn: (o: object, m: string) => void } {
    const lines: Array<{ level: string; obj: Record<string, unknown>; msg: string }> = [];
    return {
      lines,
      info: (obj, msg) => void lines.push({ level: 'info', obj: obj as Record<string, unknown>, msg }),
      warn: (obj, msg) => void lines.push({ level: 'warn', obj: obj as Record<string, unknown>, msg }),
    };
  }

  it('ends a stalled compressed page at the deadline, logs it, and fetches the link afresh when shared again', async () => {
    site.route('/careers/stalling-role', stalledCompressed('gzip'));
    const log = keptLog();
    // The fetcher alone would wait 3 s; the read's own deadline is shorter and covers it.
    const reader = createLinkReader({ ...options, deadlineMs: 700, log });
    const url = site.url('/careers/stalling-role');
    const started = Date.now();
    const [a, b] = await Promise.all([userFailure(reader.read(url)), userFailure(reader.read(url))]);
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(a).toMatchObject({ code: 'timeout', message: 'That link took too long to answer.' });
    expect(b).toEqual(a);
    expect(count('/careers/stalling-role')).toBe(1);
    expect(log.lines).toEqual([{ level: 'warn', obj: expect.objectContaining({ host: '127.0.0.1', code: 'timeout' }), msg: 'link read timed out' }]);

    // The site recovers: the next share is not stuck behind the failed one.
    site.route('/careers/stalling-role', html(page('careers-no-jsonld.html')));
    const posting = await reader.read(url);
    expect(posting.text).toContain('Run usability studies with municipal finance staff');
    expect(count('/careers/stalling-role')).toBe(2);
  });

  it('keeps one deadline across a site API that stalls, without falling back to the page after it', async () => {
    site.route('/v0/postings/slowco/0b7e2c1a-9d3f-4e21-8a6b-1f0c2d3e4a5b', slow(10_000));
    const reader = createLinkReader({ ...options, deadlineMs: 600 });
    const started = Date.now();
    expect((await userFailure(reader.read('https://jobs.lever.co/slowco/0b7e2c1a-9d3f-4e21-8a6b-1f0c2d3e4a5b'))).code).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(count('/slowco/0b7e2c1a')).toBe(0);
  });

  it('settles at the deadline even when the parsing step never answers', async () => {
    const never = new Promise<never>(() => undefined);
    const reader = createLinkReader({ ...options, deadlineMs: 400, work: { readPage: () => never, toPosting: () => never, companyOfPage: () => never } });
    expect((await userFailure(reader.read(site.url('/careers/senior-product-designer')))).code).toBe('timeout');
  });

  it('logs a link that cannot be read at info, with its host and code and never its path', async () => {
    const log = keptLog();
    await userFailure(createLinkReader({ ...options, log }).read(site.url('/blog/how-we-plan?token=s3cret')));
    expect(log.lines).toEqual([{ level: 'info', obj: expect.objectContaining({ host: '127.0.0.1', code: 'no-posting-at-link' }), msg: 'link not read' }]);
    expect(JSON.stringify(log.lines)).not.toMatch(/how-we-plan|s3cret/);
  });
});

describe('memoryLinkCache', () => {
  it('forgets a posting after its time to live and keeps at most maxEntries', async () => {
    const { memoryLinkCache } = await import('../../src/links/index.js');
    let now = 0;
    const cache = memoryLinkCache(1_000, 2, () => now);
    const posting = await createLinkReader(options).read('https://jobs.lever.co/fieldnote/5b7e2c1a-9d3f-4e21-8a6b-1f0c2d3e4a5b');
    cache.set('a', posting);
    now = 999;
    expect(cache.get('a')).toBe(posting);
    now = 1_001;
    expect(cache.get('a')).toBeUndefined();
    cache.set('a', posting);
    cache.set('b', posting);
    cache.set('c', posting);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('c')).toBe(posting);
  });
});
