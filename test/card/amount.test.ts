import { describe, expect, it } from 'vitest';
import { formatBand, groupDigits } from '../../src/card/amount.js';
import type { PayBand } from '../../src/posting.js';

type Band = Pick<PayBand, 'min' | 'max' | 'currency' | 'period' | 'note'>;
const b = (min: number, max: number | null, currency = 'USD', period: PayBand['period'] = 'year', note: string | null = null): Band =>
  ({ min, max, currency, period, note });

const TABLE: Array<[string, Band, string]> = [
  ['a yearly USD band, year implied', b(158600, 181000), '$158.6k–$181k'],
  ['round thousands', b(120000, 150000), '$120k–$150k'],
  ['an hourly band', b(45, 55, 'USD', 'hour'), '$45–$55/hr'],
  ['cents on an hourly rate', b(22.5, 30, 'USD', 'hour'), '$22.50–$30/hr'],
  ['a yearly pound band keeps /yr', b(50000, 60000, 'GBP'), '£50k–£60k/yr'],
  ['a monthly euro band', b(5000, 6000, 'EUR', 'month'), '€5k–€6k/mo'],
  ['a floor', b(120000, null), '$120k+'],
  ['"up to" from the note', b(90000, 90000, 'USD', 'year', 'up to'), 'up to $90k'],
  ['a single figure', b(75000, 75000), '$75k'],
  ['a daily contract rate', b(500, 650, 'GBP', 'day'), '£500–£650/day'],
  ['a weekly band', b(1200, 1500, 'USD', 'week'), '$1.2k–$1.5k/wk'],
  ['Canadian dollars', b(110000, 130000, 'CAD'), 'CA$110k–CA$130k/yr'],
  ['Australian dollars', b(140000, 160000, 'AUD'), 'A$140k–A$160k/yr'],
  ['yen in millions', b(7500000, 9000000, 'JPY'), '¥7.5M–¥9M/yr'],
  ['rupees in lakh', b(1200000, 1800000, 'INR'), '₹12L–₹18L/yr'],
  ['a currency with no symbol', b(90000, 110000, 'CHF'), 'CHF 90k–CHF 110k/yr'],
  // One form for both ends (issue 17: "$155,656–$225.16k" read as two formats in one band).
  ['odd amounts kept exact, both ends alike', b(158625, 181000), '$158,625–$181,000'],
  ['a band whose one end cannot be short', b(155656, 225160), '$155,656–$225,160'],
  ['a page\'s exact band', b(70696, 124230), '$70,696–$124,230'],
  ['a monthly band across a thousand', b(950, 1200, 'EUR', 'month'), '€950–€1,200/mo'],
  ['tens kept exact', b(158650, 181000), '$158.65k–$181k'],
  ['on-target earnings tagged', b(150000, 200000, 'USD', 'year', 'OTE'), '$150k–$200k OTE'],
];

describe('formatBand', () => {
  it.each(TABLE)('formats %s', (_name, band, expected) => {
    expect(formatBand(band)).toBe(expected);
  });
});

describe('groupDigits', () => {
  it('writes numbers as en-US toLocaleString does, for amounts with up to two decimals', () => {
    const values = [0, 7, 45, 999, 1000, 12345, 158625, 1234567, 987654321, 45.5, 22.05, 0.99, 1234.5, 99999.99, 1000000.1];
    for (let i = 0; i < 2000; i++) values.push(Math.floor(((i * 7919) % 1000003) * 1013.7) / 100);
    for (const v of values) {
      expect(groupDigits(v)).toBe(v.toLocaleString('en-US', { maximumFractionDigits: 2 }));
      expect(groupDigits(v, 2)).toBe(v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
    }
  });

  it('rounds a third decimal as it is written, not as the binary value falls', () => {
    expect(groupDigits(1.005)).toBe('1.01');
    expect(groupDigits(2.675, 2)).toBe('2.68');
  });
});
