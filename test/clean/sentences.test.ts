import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/clean/sentences.js';

const texts = (p: string): string[] => splitSentences(p).map((s) => s.text);

describe('sentence splitting', () => {
  it('splits on full stops followed by a capital and keeps separators so the paragraph rebuilds exactly', () => {
    const p = 'No agencies please. Capital One is an equal opportunity employer.  All good!';
    const s = splitSentences(p);
    expect(s.map((x) => x.text)).toEqual(['No agencies please.', 'Capital One is an equal opportunity employer.', 'All good!']);
    expect(s.map((x) => x.text + x.separator).join('')).toBe(p);
  });

  it('splits sentences glued by a lost space ("5 business days.No agencies")', () => {
    expect(texts('a minimum of 5 business days.No agencies please.')).toEqual(['a minimum of 5 business days.', 'No agencies please.']);
  });

  it('does not split after abbreviations, initials, domains or versions', () => {
    expect(texts('Philippines Service Corp. (COPSSC) is one. Email careers@capitalone.com today.')).toHaveLength(2);
    expect(texts('Experience with Node.js, e.g. Express, and U.S. markets.')).toHaveLength(1);
    expect(texts('Reports to J. Smith on Sr. Mgr matters.')).toHaveLength(1);
  });
});
