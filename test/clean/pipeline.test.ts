import { describe, expect, it } from 'vitest';
import { cleanPosting } from '../../src/clean/index.js';
import { readFixture } from './golden.js';

describe('cleanPosting', () => {
  it('explains each removed block with its rule and each repair with before → after', () => {
    const { explain } = cleanPosting(readFixture('seeds', '003-linkedin-capital-one-senior-mle.txt'));
    const steps = new Set(explain.map((e) => e.step));
    expect([...steps]).toEqual(expect.arrayContaining(['repair', 'chrome', 'boilerplate', 'structure']));
    const repair = explain.find((e) => e.step === 'repair' && e.before.includes('You‚Äôll'));
    expect(repair?.after).toContain('You’ll');
    expect(explain.find((e) => e.rule === 'linkedin.similar-jobs')?.after).toBe('');
    expect(explain.find((e) => e.rule === 'criminal-history')?.before).toContain('criminal history');
  });

  it('returns plain text with no trailing or doubled blank lines', () => {
    const { text } = cleanPosting(readFixture('seeds', '002-jobboard-capital-one-senior-mle.txt'));
    expect(text).not.toMatch(/\n{3,}/);
    expect(text).toBe(text.trim());
    expect(text.split('\n').every((l) => l === l.trim())).toBe(true);
  });
});
