import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeWordGate, makeWordIndex } from '../../src/clean/word-gate.js';
import { GATED_PATTERNS, candidatePatterns } from '../../src/clean/boilerplate-tables.js';

describe('word gates', () => {
  it('matches whole words and five-letter prefixes, with hyphens as separators', () => {
    const gate = makeWordGate(['oppor', 'eoe', 'verif']);
    expect(gate('an equal opportunity employer')).toBe(true);
    expect(gate('we are an eoe.')).toBe(true);
    expect(gate('participates in e-verify')).toBe(true);
    expect(gate('we build robots')).toBe(false);
    expect(gate('')).toBe(false);
  });

  it('reports which groups occur', () => {
    const index = makeWordIndex([['fraud'], ['sponsor', 'visa'], ['years']]);
    expect(index('we will sponsor your visa for 3 years')).toEqual([1, 2]);
    expect(index('nothing here')).toEqual([]);
  });

  it('never misses a group a plain word-by-word lookup finds, on any text and any word list', () => {
    const word = fc.stringMatching(/^[a-z0-9é]{1,9}$/);
    fc.assert(
      fc.property(fc.array(fc.array(word, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 40 }), fc.array(word, { maxLength: 30 }), (groups, textWords) => {
        const text = textWords.join(textWords.length % 2 ? ' ' : '-');
        const words = text.split(/[^a-z0-9\u0080-\uffff]+/).filter(Boolean);
        const keys = (w: string): string[] => (w.length > 5 ? [w.slice(0, 5), w] : [w]);
        const expected = groups.flatMap((g, i) => (words.some((w) => keys(w).some((k) => g.includes(k))) ? [i] : []));
        // A hash collision may let a group through that has none of its words (the real
        // patterns run next), but a group whose word is there is never missed.
        const got = makeWordIndex(groups)(text);
        expect(got).toEqual([...got].sort((a, b) => a - b));
        for (const g of expected) expect(got).toContain(g);
        if (expected.length > 0) expect(makeWordGate(groups.flat())(text)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('lets every boilerplate pattern through on a sentence it matches', () => {
    const samples = [
      'capital one is an equal opportunity employer (eoe, including disability/vet).',
      'all qualified applicants will receive consideration for employment without regard to race.',
      'we participate in e-verify.',
      'capital one promotes a drug-free workplace.',
      'we will consider qualified applicants with arrest and conviction records.',
      'if you require a reasonable accommodation, please contact us.',
      'no agencies please.',
      'we do not accept unsolicited resumes from third-party recruiters.',
      'read our applicant privacy notice to learn more.',
      'beware of recruitment fraud: we will never ask you to pay a fee.',
      'capital one does not provide, endorse nor guarantee and is not liable for third-party products.',
      'capital one financial is made up of several different entities.',
      'wir freuen uns über bewerbungen unabhängig von geschlecht und alter.',
      'tus datos personales serán tratados conforme al rgpd.',
    ];
    for (const s of samples) {
      const hits = candidatePatterns(s).filter((i) => GATED_PATTERNS[i]?.pattern.test(s));
      expect(hits.length, s).toBeGreaterThan(0);
    }
  });
});
