import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchLink, parseRetryAfter, type FetchOptions } from '../../src/links/fetch.js';
import { userFailure } from './failure.js';
import { endless, html, json, redirect, slow, stalledCompressed, startHttpSite, type HttpSite } from '../fakes/http-site.js';

const page = (name: string): Buffer => readFileSync(new URL(`../../fixtures/links/pages/${name}`, import.meta.url));

// The stand-in site is on loopback, so ordinary fetching runs with private addresses allowed.
const OPEN: FetchOptions = { allowPrivate: true, log: { warn: () => undefined } };

let site: HttpSite;
beforeAll(async () => {
  site = await startHttpSite();
  site.route('/job', html('<!doctype html><h1>Data Engineer</h1>'));
  site.route('/cp1252-header', html(page('windows-1252.html'), 'text/html; charset=windows-1252'));
  site.route('/cp1252-meta', html(page('windows-1252.html'), 'text/html'));
  site.route('/sjis', html(page('shift_jis.html'), 'text/html'));
  site.route('/cp1251-undeclared', html(page('windows-1251-no-charset.html'), 'text/html'));
  site.route('/sjis-undeclared', html(page('shift_jis-no-charset.html'), 'text/html'));
  site.route('/no-type', { status: 200, headers: {}, body: '{"title":"Plain JSON"}' });
  site.route('/api.json', json({ title: 'Data Engineer' }));
  site.route('/gzipped', { headers: { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' }, body: gzipSync('<p>Compressed posting</p>') });
  site.route('/r/relative', redirect('../job'));
  site.route('/r/absolute', (_req, res) => {
    res.writeHead(301, { location: site.url('/job') });
    res.end();
  });
  site.route('/r/chain', redirect('/r/relative'));
  site.route('/loop/a', redirect('/loop/b'));
  site.route('/loop/b', redirect('/loop/a'));
  for (let i = 0; i < 7; i++) site.route(`/hop/${i}`, redirect(`/hop/${i + 1}`));
  site.route('/hop/7', html('<p>too far</p>'));
  site.route('/to-login', redirect('/authwall?trk=x&sessionRedirect=%2Fjobs%2F1'));
  site.route('/to-ftp', redirect('ftp://example.com/job'));
  site.route('/gone', { status: 410, headers: { 'content-type': 'text/html' }, body: 'gone' });
  site.route('/private', { status: 401, headers: {}, body: '' });
  site.route('/denied', { status: 403, headers: {}, body: '' });
  site.route('/busy', { status: 429, headers: { 'retry-after': '120' }, body: '' });
  site.route('/broken', { status: 500, headers: {}, body: 'oops' });
  site.route('/pdf', { status: 200, headers: { 'content-type': 'application/pdf' }, body: '%PDF-1.7' });
  site.route('/slow', slow(5_000));
  site.route('/stall-gzip', stalledCompressed('gzip'));
  site.route('/stall-br', stalledCompressed('br'));
  site.route('/stall-deflate', stalledCompressed('deflate'));
  site.route('/corrupt-gzip', { headers: { 'content-type': 'text/html', 'content-encoding': 'gzip' }, body: Buffer.concat([gzipSync('<p>ok</p>').subarray(0, 10), Buffer.alloc(64, 0x41)]) });
  site.route('/huge', endless(50 * 1024 * 1024));
  site.route('/huge-declared', { status: 200, headers: { 'content-type': 'text/html', 'content-length': String(40 * 1024 * 1024) }, body: '' });
});
afterAll(() => site.close());

describe('fetchLink', () => {
  it('fetches a page and reports the final URL and kind', async () => {
    const res = await fetchLink(site.url('/job'), OPEN);
    expect(res).toMatchObject({ status: 200, kind: 'html', url: site.url('/job') });
    expect(res.text).toContain('Data Engineer');
  });

  it('sends a browser-like User-Agent and en-US Accept-Language', async () => {
    let seen: Record<string, string | string[] | undefined> = {};
    site.route('/headers', (req, res) => {
      seen = req.headers;
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('ok');
    });
    await fetchLink(site.url('/headers'), OPEN);
    expect(seen['user-agent']).toMatch(/^Mozilla\/5\.0 .*Chrome\//);
    expect(seen['accept-language']).toMatch(/^en-US/);
  });

  it('decodes a Windows-1252 page by its Content-Type charset', async () => {
    const res = await fetchLink(site.url('/cp1252-header'), OPEN);
    expect(res.text).toContain('Ingénieur logiciel senior – Lyon');
    expect(res.text).toContain('55 000 € – 68 000 €');
    expect(res.text).toContain('l’équipe « Outillage »');
  });

  it('decodes a Windows-1252 page by its http-equiv meta when the header has no charset', async () => {
    const res = await fetchLink(site.url('/cp1252-meta'), OPEN);
    expect(res.charset.toLowerCase()).toBe('windows-1252');
    expect(res.text).toContain('Rémunération');
  });

  it('decodes a Shift_JIS page by its <meta charset>', async () => {
    const res = await fetchLink(site.url('/sjis'), OPEN);
    expect(res.text).toContain('バックエンドエンジニア（東京）');
    expect(res.text).toContain('年収 600万円～900万円');
  });

  it('sniffs JSON when the server sends no Content-Type', async () => {
    const res = await fetchLink(site.url('/no-type'), OPEN);
    expect(res.kind).toBe('json');
  });

  it('detects the charset of a Windows-1251 or Shift_JIS page that declares none, in header or meta', async () => {
    expect((await fetchLink(site.url('/cp1251-undeclared'), OPEN)).text).toContain('Старший разработчик Python — Яндекс');
    expect((await fetchLink(site.url('/sjis-undeclared'), OPEN)).text).toContain('Go または Python での開発経験3年以上');
  });

  it('reads a gzip-compressed body', async () => {
    expect((await fetchLink(site.url('/gzipped'), OPEN)).text).toBe('<p>Compressed posting</p>');
  });

  it('follows relative and absolute redirects', async () => {
    expect((await fetchLink(site.url('/r/relative'), OPEN)).url).toBe(site.url('/job'));
    expect((await fetchLink(site.url('/r/absolute'), OPEN)).url).toBe(site.url('/job'));
    expect((await fetchLink(site.url('/r/chain'), OPEN)).url).toBe(site.url('/job'));
  });

  it('stops a redirect loop', async () => {
    expect(await userFailure(fetchLink(site.url('/loop/a'), OPEN))).toMatchObject({ code: 'fetch-failed', message: expect.stringMatching(/loop/) });
  });

  it('gives up after five redirects', async () => {
    expect(await userFailure(fetchLink(site.url('/hop/0'), OPEN))).toMatchObject({ code: 'fetch-failed', message: expect.stringMatching(/too many/) });
    expect((await fetchLink(site.url('/hop/2'), OPEN)).url).toBe(site.url('/hop/7'));
  });

  it('calls a redirect to a sign-in page a login wall', async () => {
    expect((await userFailure(fetchLink(site.url('/to-login'), OPEN))).code).toBe('login-wall');
    expect((await userFailure(fetchLink(site.url('/private'), OPEN))).code).toBe('login-wall');
  });

  it('refuses a redirect to another scheme', async () => {
    expect((await userFailure(fetchLink(site.url('/to-ftp'), OPEN))).code).toBe('unsupported-scheme');
  });

  it('says a posting was taken down on 404 and 410', async () => {
    expect(await userFailure(fetchLink(site.url('/nowhere'), OPEN))).toMatchObject({ code: 'not-found', message: expect.stringMatching(/taken down/) });
    expect((await userFailure(fetchLink(site.url('/gone'), OPEN))).code).toBe('not-found');
  });

  it('maps 403, 429 and 500 to short user errors', async () => {
    expect((await userFailure(fetchLink(site.url('/denied'), OPEN))).code).toBe('forbidden');
    expect(await userFailure(fetchLink(site.url('/busy'), OPEN))).toMatchObject({ code: 'fetch-failed', message: expect.stringMatching(/rate-limiting/) });
    expect((await userFailure(fetchLink(site.url('/broken'), OPEN))).code).toBe('fetch-failed');
  });

  it('refuses a PDF as no posting', async () => {
    expect((await userFailure(fetchLink(site.url('/pdf'), OPEN))).code).toBe('no-posting-at-link');
  });

  it('refuses a content kind the caller did not ask for', async () => {
    expect((await userFailure(fetchLink(site.url('/api.json'), { ...OPEN, accept: ['html'] }))).code).toBe('no-posting-at-link');
  });

  it('times out a server that stops answering', async () => {
    const started = Date.now();
    expect(await userFailure(fetchLink(site.url('/slow'), { ...OPEN, timeoutMs: 800 }))).toMatchObject({ code: 'timeout' });
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  it.each(['/stall-gzip', '/stall-br', '/stall-deflate'])('ends a compressed body that stalls midway (%s) as a timeout', async (path) => {
    const started = Date.now();
    expect(await userFailure(fetchLink(site.url(path), { ...OPEN, timeoutMs: 800 }))).toMatchObject({ code: 'timeout' });
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  it('ends a stalled compressed body when the caller\'s own deadline passes first', async () => {
    const started = Date.now();
    const failure = userFailure(fetchLink(site.url('/stall-br'), { ...OPEN, timeoutMs: 60_000, signal: AbortSignal.timeout(500) }));
    expect(await failure).toMatchObject({ code: 'timeout' });
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  it('refuses corrupt compressed data with a short error', async () => {
    expect((await userFailure(fetchLink(site.url('/corrupt-gzip'), OPEN))).code).toBe('fetch-failed');
  });

  it('keeps the deadline when DNS never answers', async () => {
    const hang = (): Promise<never> => new Promise(() => undefined);
    expect((await userFailure(fetchLink('http://jobs.example.test/x', { ...OPEN, resolver: hang, timeoutMs: 300 }))).code).toBe('timeout');
  });

  it('cuts a 50 MB streamed body off at the cap', async () => {
    const err = await userFailure(fetchLink(site.url('/huge'), OPEN));
    expect(err.code).toBe('too-large');
  });

  it('refuses a body whose declared length is over the cap without reading it', async () => {
    expect((await userFailure(fetchLink(site.url('/huge-declared'), OPEN))).code).toBe('too-large');
  });

  it('refuses links that are not http or https, and garbage', async () => {
    expect((await userFailure(fetchLink('file:///etc/passwd', OPEN))).code).toBe('unsupported-scheme');
    expect((await userFailure(fetchLink('javascript:alert(1)', OPEN))).code).toBe('unsupported-scheme');
    expect((await userFailure(fetchLink('not a url', OPEN))).code).toBe('bad-url');
    expect((await userFailure(fetchLink('http://user:pw@example.com/', OPEN))).code).toBe('bad-url');
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('120')).toBe(120_000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:30 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(30_000);
    expect(parseRetryAfter('')).toBeNull();
  });
});
