import { describe, expect, it } from 'vitest';
import { keepSignal } from '../../src/clean/signals.js';

describe('protected facts', () => {
  it.each([
    ['Cambridge, MA: $158,600 - $181,000 for Senior Machine Learning Engineer', 'pay'],
    ['USD 158,600-181k / year', 'pay'],
    ['Ein Jahresgehalt zwischen 65.000 € und 78.000 €', 'pay'],
    ['Pay Rate: 1099 or W2 Hourly or Salary 85000.00 - 90000.00', 'pay'],
    ['£45k per year plus bonus', 'pay'],
    ['At this time, Capital One will not sponsor a new applicant for employment authorization', 'sponsorship'],
    ['Candidates must be authorized to work in the United States', 'sponsorship'],
    ['Eine gültige Arbeitserlaubnis für Deutschland', 'sponsorship'],
    ['At least 4 years of experience programming with Python', 'years'],
    ['3-5 yrs building data pipelines', 'years'],
    ['minimum of two years of related experience', 'years'],
    ['Al menos 4 años de experiencia', 'years'],
    ['This role is expected to accept applications for a minimum of 5 business days.', 'window'],
  ])('finds the fact in "%s"', (line, kind) => {
    expect(keepSignal(line)).toBe(kind);
  });

  it.each([
    'Try Premium for $0',
    'San Francisco, California Police Code Article 49, Sections 4901-4920',
    'without regard to citizenship, immigration status or national origin',
    'Nashville, TN',
    'Posted on Oct 2, 2025',
  ])('finds none in "%s"', (line) => {
    expect(keepSignal(line)).toBeNull();
  });
});
