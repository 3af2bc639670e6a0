import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLinkReader, type LinkReaderOptions } from '../../src/links/index.js';
import { PAGE_MESSAGES } from '../../src/links/limits.js';
import { linkWorkVia, readPage, runLinkStep } from '../../src/links/page.js';
import { CorePool } from '../../src/pool/index.js';
import { userFailure } from './failure.js';
import { html, startHttpSite, type HttpSite } from '../fakes/http-site.js';

const page = (name: string): string => readFileSync(new URL(`../../fixtures/links/pages/${name}`, import.meta.url), 'utf8');
const DEEP = '<!doctype html><html><body>' + '<div>'.repeat(300_000) + 'Senior Engineer</body></html>';

describe('the pure steps of a link read', () => {
  it('reads a fetched page by its content, and a site API answer by its site reader', () => {
    expect(readPage({ text: page('jsonld-graph.html'), url: 'https://careers.example.com/support' })?.structured.title).toBe('Customer Support Specialist');
    // An API that answered HTML where JSON was asked: no posting, not a crash.
    expect(readPage({ text: '<html>error</html>', url: 'https://api.lever.co/v0/postings/x/y', request: { apiUrl: '', accept: 'json' } })).toBeNull();
  });

  it('turns a user error into data a worker thread can send back, and nothing else', () => {
    expect(runLinkStep({ step: 'read-page', job: { text: DEEP, url: 'https://example.com/' } })).toEqual({ ok: false, code: 'too-large', message: PAGE_MESSAGES.tooDeep, status: null });
    expect(runLinkStep({ step: 'company', html: '<title>Senior Data Engineer - Fieldnote</title>', jobTitle: 'Senior Data Engineer' })).toEqual({ ok: true, value: 'Fieldnote' });
  });
});

describe('a link read whose parsing runs in the worker pool', () => {
  let site: HttpSite;
  let pool: CorePool;
  let options: LinkReaderOptions;
  beforeAll(async () => {
    site = await startHttpSite();
    site.route('/careers/senior-product-designer', html(page('careers-no-jsonld.html')));
    site.route('/careers/deep', html(DEEP));
    pool = new CorePool({ threads: 1, warmUpRounds: 0 });
    await pool.ready();
    options = { allowPrivate: true, fetch: { log: { warn: () => undefined } }, work: linkWorkVia((step) => pool.run({ kind: 'link', step })) };
  }, 60_000);
  afterAll(async () => {
    await pool.close();
    await site.close();
  });

  it('reads the posting exactly as in-process', async () => {
    const url = site.url('/careers/senior-product-designer');
    const pooled = await createLinkReader(options).read(url);
    const local = await createLinkReader({ ...options, work: undefined }).read(url);
    expect(pooled).toEqual(local);
    expect(pooled.text).toContain('Run usability studies with municipal finance staff');
  });

  it('brings a parsing refusal back across the thread as the same short user error', async () => {
    expect(await userFailure(createLinkReader(options).read(site.url('/careers/deep')))).toEqual({ code: 'too-large', message: PAGE_MESSAGES.tooDeep });
  });
});
