import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBad, matchesBadnessPatterns } from '../../src/repair/badness.js';
import { codec } from '../../src/repair/codecs.js';

// Characters mojibake is made of (every codec's high half), the scripts it is confused with,
// and ASCII, so that random strings hit the patterns often.
const ALPHABET = [
  ...new Set([
    ...['macroman', 'sloppy-windows-1252', 'sloppy-windows-1251', 'sloppy-windows-1253', 'cp437'].flatMap((n) =>
      codec(n as Parameters<typeof codec>[0]).high,
    ),
    ...'abcxyzABC .,!?\'-ЂўВГРСвΒΓΞΟβāéü’•–—…€™→✔日本語한국',
  ]),
];

describe('badness heuristic', () => {
  it('gives the same answer with and without its cheap pre-test', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...ALPHABET), maxLength: 12 }), (text) => {
        expect(isBad(text)).toBe(matchesBadnessPatterns(text));
      }),
      { numRuns: 20000 },
    );
  });

  it('flags Mac Roman and Windows-1252 mojibake and not the characters it is made from', () => {
    for (const bad of ['You‚Äôll', '¬∑', 'Acme‚Ñ¢', 'â€™', 'Ã©tÃ©', '–û–±—è', 'ê²°']) expect(isBad(bad)).toBe(true);
    for (const good of ['You’ll', '·', 'Acme™', 'été', 'Обя', '결', 'Brontë…”', '(-1/2)! = √π', '2012—∞']) expect(isBad(good)).toBe(false);
  });
});
