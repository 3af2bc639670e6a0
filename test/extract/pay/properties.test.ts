import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractPay, parsePayExpression } from '../../../src/extract/pay.js';
import { PayBand } from '../../../src/posting.js';

/** Pieces postings are made of, so random texts hit the money paths and not only noise. */
const PIECES = [
  'Salary:', 'Pay range', 'Compensation', 'per hour', '/yr', 'a year', 'per month', 'up to', 'between', 'and', 'from',
  '$', '£', '€', '¥', '₹', 'CA$', 'A$', 'USD', 'EUR', 'k', 'K', 'M', 'LPA', '万円', '+', '-', '–', '—', 'to', ':', '|', '\n', '\n\n',
  '•', '(', ')', '.', ',', '401(k)', 'bonus', 'stipend', 'funding', 'hours', '%', 'Cambridge, MA', 'Remote (US)', 'UK', 'Spain',
  'More jobs', 'United States Salary Range', 'Hourly Rate', '&mdash;', '&lt;span&gt;', '0', '5', '12', '45.50', '158,600', '1.234,56', '7.5',
];
const textArb = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 6 }), fc.integer({ min: 0, max: 2_000_000 }).map(String)), { maxLength: 40 })
  .map((parts) => parts.join(' '));

describe('pay extraction properties', () => {
  it('never throws, and every band passes the schema with min ≤ max and positive amounts', () => {
    fc.assert(fc.property(textArb, fc.array(fc.constantFrom('Cambridge, MA', 'Toronto, ON', 'Remote, US', 'London, UK'), { maxLength: 3 }), (text, locations) => {
      for (const f of extractPay(text, { locations })) {
        expect(PayBand.safeParse(f.band).success).toBe(true);
        expect(f.band.min).toBeGreaterThan(0);
        if (f.band.max !== null) expect(f.band.min).toBeLessThanOrEqual(f.band.max);
        expect(text.includes(f.line)).toBe(true);
      }
    }), { numRuns: 400 });
  });
  it('parsePayExpression never throws and returns ordered positive amounts', () => {
    fc.assert(fc.property(textArb, (s) => {
      const p = parsePayExpression(s);
      if (p !== null) {
        expect(p.min).toBeGreaterThan(0);
        if (p.max !== null) expect(p.min).toBeLessThanOrEqual(p.max);
        expect(p.currency).toMatch(/^[A-Z]{3}$/);
      }
    }), { numRuns: 400 });
  });
  it('survives any unicode text', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => {
      expect(() => extractPay(s)).not.toThrow();
    }), { numRuns: 200 });
  });
});
