import { describe, expect, it } from 'vitest';
import { parsePayExpression } from '../../../src/extract/pay.js';
import { parseNumber } from '../../../src/extract/pay/amount.js';

describe('parsePayExpression: one salary field', () => {
  const cases: Array<[string, ReturnType<typeof parsePayExpression>]> = [
    ['$120-150k', { min: 120000, max: 150000, currency: 'USD', period: 'year' }],
    ['USD 158,600-181k / year', { min: 158600, max: 181000, currency: 'USD', period: 'year' }],
    ['$60K/yr - $95K/yr', { min: 60000, max: 95000, currency: 'USD', period: 'year' }],
    ['$45 – $55 per hour', { min: 45, max: 55, currency: 'USD', period: 'hour' }],
    ['$54—$60 USD hourly', { min: 54, max: 60, currency: 'USD', period: 'hour' }],
    ['£50,000–£60,000', { min: 50000, max: 60000, currency: 'GBP', period: 'year' }],
    ['€5,000-€6,000 per month', { min: 5000, max: 6000, currency: 'EUR', period: 'month' }],
    ['CA$95,000', { min: 95000, max: 95000, currency: 'CAD', period: 'year' }],
    ['A$1,200 per week', { min: 1200, max: 1200, currency: 'AUD', period: 'week' }],
    ['₹12 LPA', { min: 1200000, max: 1200000, currency: 'INR', period: 'year' }],
    ['₹12L - ₹18L per annum', { min: 1200000, max: 1800000, currency: 'INR', period: 'year' }],
    ['¥7.5M', { min: 7500000, max: 7500000, currency: 'JPY', period: 'year' }],
    ['RMB 30,000 per month', { min: 30000, max: 30000, currency: 'CNY', period: 'month' }],
    ['up to $150,000', { min: 150000, max: 150000, currency: 'USD', period: 'year' }],
    ['$120,000+', { min: 120000, max: null, currency: 'USD', period: 'year' }],
    ['$500-$2k', { min: 500, max: 2000, currency: 'USD', period: 'month' }],
    ['between $100,000 and $120,000', { min: 100000, max: 120000, currency: 'USD', period: 'year' }],
    ['$181,000 - $158,600', { min: 158600, max: 181000, currency: 'USD', period: 'year' }],
    ['$22-$23/hour', { min: 22, max: 23, currency: 'USD', period: 'hour' }],
    ['$650 per day', { min: 650, max: 650, currency: 'USD', period: 'day' }],
    ['140,000 - 180,000', { min: 140000, max: 180000, currency: 'USD', period: 'year' }],
    ['100 000 € brut annuel', { min: 100000, max: 100000, currency: 'EUR', period: 'year' }],
  ];
  for (const [input, want] of cases) {
    it(`reads ${JSON.stringify(input)}`, () => {
      expect(parsePayExpression(input)).toEqual(want);
    });
  }
  it('returns null for counts, percentages and words', () => {
    for (const s of ['10-15 hours per week', '5-7 years of experience', 'Travel 80%', 'Negotiable', 'DOE', '1-4 projects, 250,000 lines', '']) {
      expect(parsePayExpression(s), s).toBeNull();
    }
  });
});

describe('numbers as written', () => {
  it('tells thousands separators from decimal points', () => {
    expect(parseNumber('158,600', false)).toBe(158600);
    expect(parseNumber('85000.00', false)).toBe(85000);
    expect(parseNumber('5.500', true)).toBe(5500);
    expect(parseNumber('1.234,56', true)).toBe(1234.56);
    expect(parseNumber('45,50', true)).toBe(45.5);
    expect(parseNumber('7.5', false)).toBe(7.5);
  });
});
