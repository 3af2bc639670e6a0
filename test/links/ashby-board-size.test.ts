import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLinkReader, type LinkReaderOptions } from '../../src/links/index.js';
import { BoardJobScanner } from '../../src/links/sites/ashby.js';
import type { Resolver } from '../../src/links/ssrf.js';
import { json, startHttpSite, type HttpSite } from '../fakes/http-site.js';

/**
 * A link to one job of a big Ashby board (well-known companies' boards are 3–5 MB, over the
 * fetch cap for a page): the reader streams the board and stops at the job, so it answers with
 * the card and the process grows by far less than the board.
 */

const real = JSON.parse(readFileSync(new URL('../../fixtures/links/real/ashby-ramp-security.json', import.meta.url), 'utf8')) as {
  jobs: Array<Record<string, unknown>>;
};
const template = real.jobs[0] as Record<string, unknown>;
const TARGET_ID = '34413f8d-26bf-4bbc-8ade-eb309a0e2245';
const MB = 1024 * 1024;

/** A board of `bytes` or more: the real job copied under other ids with long descriptions, the linked one near the end. */
function bigBoard(bytes: number): string {
  const filler = '<p>We build the smart infrastructure for finance teams. Ünïcödé “quotes” and \\"escapes\\".</p>'.repeat(120);
  const jobs: Array<Record<string, unknown>> = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const job = { ...template, id, title: `Engineer ${i}`, jobUrl: `https://jobs.ashbyhq.com/ramp/${id}`, descriptionHtml: filler, descriptionPlain: filler };
    size += JSON.stringify(job).length;
    jobs.push(job);
  }
  jobs.splice(jobs.length - 3, 0, template);
  return JSON.stringify({ jobs, apiVersion: '1' });
}

const noDns: Resolver = async () => {
  throw new Error('no DNS in tests');
};

let site: HttpSite;
let options: LinkReaderOptions;
let boardBytes = 0;

beforeAll(async () => {
  site = await startHttpSite();
  const board = bigBoard(5 * MB);
  boardBytes = Buffer.byteLength(board);
  site.route('/posting-api/job-board/ramp', { headers: { 'content-type': 'application/json; charset=utf-8' }, body: Buffer.from(board) });
  site.route('/posting-api/job-board/small', json({ jobs: [{ ...template, jobUrl: `https://jobs.ashbyhq.com/small/${TARGET_ID}` }], apiVersion: '1' }));
  options = { allowPrivate: true, fetch: { resolver: noDns, timeoutMs: 10_000, log: { warn: () => undefined } }, baseUrls: { ashby: site.origin } };
});
afterAll(() => site.close());

describe('a link to a 5 MB Ashby board', () => {
  it('gives its card with memory growth under 50 MB while reading it', async () => {
    expect(boardBytes).toBeGreaterThan(5 * MB);
    // Warm up (modules, JIT, the HTTP client) on a small board first.
    await createLinkReader(options).read(`https://jobs.ashbyhq.com/small/${TARGET_ID}`);
    const before = process.memoryUsage();
    let peakRss = before.rss;
    let peakHeap = before.heapUsed + before.arrayBuffers;
    const sample = (): void => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed + m.arrayBuffers);
    };
    const timer = setInterval(sample, 2);
    const posting = await createLinkReader(options).read(`https://jobs.ashbyhq.com/ramp/${TARGET_ID}`);
    clearInterval(timer);
    sample();
    expect(posting.title).toBe('Security Engineer, Cloud');
    expect(posting.company).toBe('Ramp');
    expect(posting.pay).toMatchObject([{ min: 211400, max: 290600, currency: 'USD', period: 'year' }]);
    expect(posting.workplace).toBe('hybrid');
    const growth = { rssMB: (peakRss - before.rss) / MB, heapMB: (peakHeap - before.heapUsed - before.arrayBuffers) / MB };
    console.log(`ashby 5 MB board (${(boardBytes / MB).toFixed(1)} MB): growth ${JSON.stringify(growth)}`);
    expect(growth.rssMB, JSON.stringify(growth)).toBeLessThan(50);
    expect(growth.heapMB, JSON.stringify(growth)).toBeLessThan(50);
  });

  it('is read chunk by chunk: the scanner finds every job of a board split anywhere', () => {
    const board = JSON.stringify({ apiVersion: '1', jobs: [{ id: 'a', t: 'x"}]{[' }, { id: 'b', nested: { jobs: [1, 2] }, s: 'q\\\\"' }], after: 'jobs' });
    for (const size of [1, 2, 3, 5, 8, 13, 1000]) {
      const seen: string[] = [];
      const scanner = new BoardJobScanner((text) => {
        seen.push((JSON.parse(text) as { id: string }).id);
        return false;
      });
      for (let i = 0; i < board.length; i += size) scanner.push(board.slice(i, i + size));
      expect(seen, `chunks of ${size}`).toEqual(['a', 'b']);
    }
  });

  it('answers "taken down" when the board does not have the job', async () => {
    await expect(createLinkReader(options).read('https://jobs.ashbyhq.com/ramp/11111111-2222-4333-8444-555555555555')).rejects.toThrow(/taken down/);
  });
});
