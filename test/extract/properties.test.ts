import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanPosting } from '../../src/clean/index.js';
import { extractPosting } from '../../src/extract/index.js';
import { Posting } from '../../src/posting.js';

/**
 * Properties that hold for any input: extraction never throws, the result passes the schema,
 * pay bands are sane, and every quoted line is a substring of the text it was given.
 */
const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/postings');
const fixtureTexts = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(path.join(dir, f), 'utf8'));

function checkInvariants(text: string): void {
  const p = extractPosting(text);
  expect(Posting.safeParse(p).success).toBe(true);
  for (const b of p.pay) {
    expect(b.min).toBeGreaterThan(0);
    if (b.max !== null) {
      expect(b.max).toBeGreaterThan(0);
      expect(b.min).toBeLessThanOrEqual(b.max);
    }
  }
  if (p.sponsorship.evidence !== null) expect(text).toContain(p.sponsorship.evidence);
  for (const [field, prov] of Object.entries(p.provenance)) {
    if (prov.line !== null && prov.from === 'text') expect(text, field).toContain(prov.line);
  }
}

// Pieces postings are made of, so random texts hit the extractors' paths, not just noise.
const PIECES = [
  'Senior Software Engineer', 'Capital One', 'Cambridge, MA · 1 week ago', 'Remote (US)', 'Hybrid',
  '$120-150k', '$500-$2k', '$120,000+', '£50,000–£60,000', '€5,000-€6,000 per month', '₹12 LPA', '¥7.5M',
  'up to $90,000', 'between $80,000 and $70,000', 'Negotiable', 'DOE', '10-15 hours/week', 'Travel 80%',
  'We will not sponsor visas (H-1B, OPT).', 'H-1B transfer welcome', 'will consider sponsoring',
  'Basic Qualifications:', 'Preferred Qualifications:', '5+ years of experience', "Bachelor's degree",
  'Python, Go, R and C++', 'Job Application for Data Engineer at Acme', 'Seniority level', 'Mid-Senior level',
  'Employment type', 'Full-time', 'Posted on Oct 2, 2025', '• ', '\n', '\n\n', ': ', '(', ')', '$', '£',
];

describe('extraction invariants', () => {
  it('never throws and always passes the schema on random strings', () => {
    fc.assert(fc.property(fc.string({ maxLength: 400 }), (s) => checkInvariants(s)), { numRuns: 300 });
  });

  it('never throws on random unicode', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => checkInvariants(s)), { numRuns: 200 });
  });

  it('keeps pay sane and evidence quoted on texts built from posting pieces', () => {
    const posting = fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((xs) => xs.join(' '));
    fc.assert(fc.property(posting, (s) => checkInvariants(s)), { numRuns: 300 });
  });

  it('quotes only lines of the cleaned text for every fixture, cleaned or raw', () => {
    for (const raw of fixtureTexts) {
      checkInvariants(cleanPosting(raw).text);
      checkInvariants(raw);
    }
  });

  it('handles huge input without failing', () => {
    const huge = `${fixtureTexts[0] ?? ''}\n`.repeat(400) + 'x'.repeat(300_000);
    expect(huge.length).toBeGreaterThan(400_000);
    checkInvariants(huge);
  });

  it('handles a single enormous line (a flattened page) without failing', () => {
    checkInvariants(`${'Senior Engineer at Acme, Boston, MA. 5+ years of Python. '.repeat(5000)}`);
  });
});
