import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cleanPosting } from '../../src/clean/index.js';
import { extractPosting } from '../../src/extract/index.js';
import type { Posting } from '../../src/posting.js';

/**
 * Postings in formats found by exploratory testing (chat ads, recruiter notes, job-board copies,
 * non-English pages), each asserting the fields a careful reader takes from it.
 */
const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/postings/explore');
const extract = (name: string): Posting => extractPosting(cleanPosting(readFileSync(path.join(dir, name), 'utf8')).text);

describe('Hacker News "Who is hiring" comment', () => {
  const p = extract('hn-who-is-hiring.txt');
  it('takes the title from the role field of the pipe-separated first line', () => {
    expect(p.title).toBe('Senior Backend Engineer (Go)');
    expect(p.level.seniority).toBe('senior');
  });
  it('reads the employment type from a field of that line', () => {
    expect(p.employmentType).toBe('full-time');
  });
  it('keeps the company, pay and sponsorship stance', () => {
    expect(p.company).toBe('Lumenfield');
    expect(p.pay).toMatchObject([{ min: 165000, max: 195000, currency: 'USD', period: 'year' }]);
    expect(p.sponsorship.stance).toBe('no');
  });
});
