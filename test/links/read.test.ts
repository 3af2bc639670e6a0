import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { PAGE_MESSAGES } from '../../src/links/limits.js';
import { readDocument, sniffDocumentKind } from '../../src/links/read.js';
import { userFailure } from './failure.js';

const fixture = (path: string): Buffer => readFileSync(new URL(`../../fixtures/links/${path}`, import.meta.url));

describe('readDocument', () => {
  it('recognises each API answer by its content, whatever the file is called', () => {
    const cases: Array<[string, string]> = [
      ['api/greenhouse-job.json', 'greenhouse'],
      ['api/lever-posting.json', 'lever'],
      ['api/workday-job.json', 'workday'],
      ['api/smartrecruiters-posting.json', 'smartrecruiters'],
    ];
    for (const [path, site] of cases) {
      const read = readDocument(fixture(path).toString('utf8'), { fileName: 'download.txt' });
      expect(read.site).toBe(site);
      expect(read.structured.title).toBeTruthy();
    }
  });

  it('picks one job out of an Ashby board by the id in its URL', () => {
    const read = readDocument(fixture('api/ashby-board.json'), { url: 'https://jobs.ashbyhq.com/quillstack/0c8f6f4e-2b1d-4c3a-9e7f-5a6b7c8d9e01' });
    expect(read.structured.title).toBe('Platform Engineer');
  });

  it('reads a saved LinkedIn guest page with the LinkedIn reader', () => {
    const read = readDocument(fixture('pages/linkedin-guest.html'));
    expect(read.site).toBe('linkedin');
    expect(read.structured.company).toBe('Harborlight Analytics');
  });

  it('reads JSON-LD from a saved page and uses its description as the text', () => {
    const read = readDocument(fixture('pages/jsonld-graph.html'), { url: 'https://brightpath.example/careers/support-specialist' });
    expect(read.structured.pay?.[0]).toMatchObject({ min: 24, max: 28.5, period: 'hour' });
    expect(read.text.split('\n')[0]).toBe('Customer Support Specialist');
    expect(read.text).toContain('• 2+ years in a customer support role');
    expect(read.text).not.toContain('© 2026');
  });

  it('reads a page without JSON-LD as its main text', () => {
    const read = readDocument(fixture('pages/careers-no-jsonld.html'));
    expect(read.structured).toEqual({});
    expect(read.text).toContain('• 5+ years of product design experience');
  });

  it('decodes saved bytes by the page’s own meta charset', () => {
    expect(readDocument(fixture('pages/shift_jis.html')).text).toContain('• Go または Python での開発経験3年以上');
    const cp1252 = iconv.encode('<!doctype html><meta charset="windows-1252"><p>Café – 5 ans</p>', 'windows-1252');
    expect(readDocument(cp1252).text).toContain('Café');
  });

  it('passes plain text through untouched', () => {
    const text = 'Senior Engineer\nAcme\n\nWe are hiring.';
    expect(readDocument(text)).toEqual({ text, structured: {}, site: null });
  });

  it.each([
    ['an array nested 100k deep', '['.repeat(100_000) + ']'.repeat(100_000)],
    ['an object nested 100k deep', '{"jobs":'.repeat(100_000) + '1' + '}'.repeat(100_000)],
    ['a one-job list nested 1,000 deep', '['.repeat(1_000) + '{"title":"x"}' + ']'.repeat(1_000)],
    ['a page of 300k unclosed <div>', '<!doctype html><html><body>' + '<div>'.repeat(300_000) + 'Senior Engineer</body></html>'],
    ['a page nested 20k deep', '<!doctype html><html><body>' + '<span>'.repeat(20_000) + 'x' + '</span>'.repeat(20_000) + '</body></html>'],
  ])('refuses %s as too deeply nested, with no stack overflow', async (_name, content) => {
    expect(await userFailure(Promise.resolve().then(() => readDocument(content)))).toEqual({ code: 'too-large', message: PAGE_MESSAGES.tooDeep });
  });

  it('tells pages, JSON and text apart', () => {
    expect(sniffDocumentKind('\ufeff{"a":1}')).toBe('json');
    expect(sniffDocumentKind('{not json, a paste in braces}')).toBe('text');
    expect(sniffDocumentKind('<!DOCTYPE html><html></html>')).toBe('html');
    expect(sniffDocumentKind('<section class="x"><h2>Title</h2></section>')).toBe('html');
    expect(sniffDocumentKind('<3 this job\nSenior Engineer')).toBe('text');
  });
});

describe('job boards read by their marked fields', () => {
  it('reads a SEEK page from its data-automation fields and nothing around them', () => {
    const read = readDocument(fixture('pages/seek-job.html'));
    expect(read.site).toBe('seek');
    expect(read.structured).toEqual({
      title: 'Graduate Civil Engineer',
      company: 'Keystone Infrastructure Pty Ltd',
      locations: ['Brisbane QLD (Hybrid)'],
      workplace: 'hybrid',
      employmentType: 'full-time',
    });
    expect(read.text).toContain('Salary: $78,000 – $85,000 + super');
    expect(read.text).toContain('• Full Australian working rights; we are unable to sponsor visas');
    expect(read.text).not.toMatch(/Unlock job insights|Quick apply|Privacy/);
  });
});

describe('board lists saved whole', () => {
  it('picks the job a URL names out of a Greenhouse list answer', () => {
    const job = JSON.parse(fixture('api/greenhouse-job.json').toString('utf8')) as Record<string, unknown>;
    const other = { ...job, id: 7000000001, title: 'Office Manager' };
    const list = JSON.stringify({ jobs: [other, job], meta: { total: 2 } });
    expect(readDocument(list, { url: 'https://job-boards.greenhouse.io/northwindrobotics/jobs/7012345002' }).structured.title).toBe('Senior Backend Engineer, Order Routing');
    expect(readDocument(JSON.stringify({ jobs: [job] })).structured.title).toBe('Senior Backend Engineer, Order Routing');
  });
});
