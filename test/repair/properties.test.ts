import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { repairMojibake } from '../../src/repair/index.js';
import { cleanLines, garble } from './helpers.js';

// Words and signs of real postings, recombined: job-like text the fixtures do not contain.
// Left out, because garbled they are also real text and rightly left alone: a one-letter
// Cyrillic or Arabic word ("и" as Mac Roman is "–∏", a dash before a product sign; "٥" as
// Windows-1252 is "Ù¥") and a lone « (Mac Roman "¬´", which ftfy's negatives show is an
// ASCII face). Guillemets come in pairs in real text, and then are repaired.
const LONE_RE = /^[^\p{Script=Cyrillic}\p{Script=Arabic}]*[\p{Script=Cyrillic}\p{Script=Arabic}][^\p{Script=Cyrillic}\p{Script=Arabic}]*$/u;
const WORDS = [
  ...new Set(
    cleanLines()
      .flatMap((l) => l.split(/\s+/))
      .filter((w) => w !== '' && !LONE_RE.test(w))
      .map((w) => (w === '«' ? '« Bonjour »' : w)),
  ),
];
const SIGNS = ['•', '·', '–', '—', '’', '“', '”', '…', '€', '£', '¥', '₹', '±', '°', '™', '®', '©', '→', '✔', '✅', '★', '▪', '🚀', '📍', '💰', '✨', '½', '×', '≥', '§'];
const jobLine = fc
  .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...WORDS) }, { weight: 1, arbitrary: fc.constantFrom(...SIGNS) }), {
    minLength: 3,
    maxLength: 14,
  })
  .map((tokens) => tokens.join(' '));
const jobText = fc.array(jobLine, { minLength: 1, maxLength: 6 }).map((lines) => lines.join('\n'));

describe('repairMojibake properties', () => {
  it('never throws and is idempotent on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 200 }), fc.string({ unit: fc.constantFrom(...'ÃÂâ€™œ¢‚Ä¬∑√©ÅÄ…ƒ≈ ÙØ\u0080\u0093\u009dí\xa0½¸a e'), maxLength: 60 })), (text) => {
        const once = repairMojibake(text).text;
        expect(repairMojibake(once).text).toBe(once);
      }),
      { numRuns: 1000 },
    );
  });

  it('leaves job-like text untouched', () => {
    fc.assert(
      fc.property(jobText, (text) => {
        expect(repairMojibake(text).text).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives back job-like text garbled as Mac Roman or Windows-1252', () => {
    fc.assert(
      fc.property(jobText, fc.constantFrom('macroman', 'sloppy-windows-1252') as fc.Arbitrary<'macroman' | 'sloppy-windows-1252'>, (text, codecName) => {
        expect(repairMojibake(garble(text, codecName)).text).toBe(text);
      }),
      { numRuns: 2000 },
    );
  });
});
