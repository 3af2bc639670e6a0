import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fix_encoding } from '@photostructure/ftfy';
import { describe, expect, it } from 'vitest';
import { repairMojibake } from '../../src/repair/index.js';
import { GARBLINGS, cleanLines, pairs, repoRoot } from './helpers.js';

// The npm port of ftfy (python-ftfy 6.3.1) as an oracle, line by line as ftfy's fix_text
// segments text: wherever it gets job text right, so must we; where it fails, we may beat it.
const ftfyLine = (text: string): string => text.split('\n').map((l) => fix_encoding(l)).join('\n');

describe('differential against @photostructure/ftfy fix_encoding', () => {
  const lines = cleanLines();

  it('agrees that correct job text needs no repair', () => {
    for (const line of lines) {
      expect(fix_encoding(line)).toBe(line);
      expect(repairMojibake(line).text).toBe(line);
    }
  });

  for (const g of GARBLINGS) {
    it(`repairs every line ftfy repairs, garbled as ${g.name}, and at least as many`, () => {
      let ftfyRight = 0;
      let oursRight = 0;
      for (const line of lines) {
        const input = g.apply(line);
        const theirs = fix_encoding(input);
        const ours = repairMojibake(input).text;
        if (theirs === line) {
          ftfyRight++;
          expect(ours).toBe(line);
        }
        if (ours === line) oursRight++;
      }
      expect(oursRight).toBeGreaterThanOrEqual(ftfyRight);
      expect(oursRight).toBe(lines.length);
    });
  }

  it('beats ftfy on Mac Roman job text, where ftfy misses lines', () => {
    const macroman = GARBLINGS.find((g) => g.name === 'Mac Roman');
    const inputs = lines.map((l) => macroman?.apply(l) ?? l);
    const ftfyRight = inputs.filter((input, i) => fix_encoding(input) === lines[i]).length;
    const oursRight = inputs.filter((input, i) => repairMojibake(input).text === lines[i]).length;
    expect(oursRight).toBe(lines.length);
    expect(ftfyRight).toBeLessThan(oursRight);
  });

  it('beats ftfy on mixed lines and lone symbols, which ftfy leaves garbled or half done', () => {
    const cases = [...pairs('mixed.tsv'), ...pairs('lone-symbols.tsv')];
    const ftfyRight = cases.filter(([input, expected]) => fix_encoding(input) === expected).length;
    const oursRight = cases.filter(([input, expected]) => repairMojibake(input).text === expected).length;
    expect(oursRight).toBe(cases.length);
    expect(ftfyRight).toBeLessThan(cases.length / 2);
  });

  const corpusDir = path.resolve(repoRoot, '../shared/corpus');
  it.skipIf(!existsSync(corpusDir))('agrees with ftfy on every line of the shared corpus of real postings', () => {
    for (const file of readdirSync(corpusDir)) {
      const text = readFileSync(path.join(corpusDir, file), 'utf8');
      expect(repairMojibake(text).text, file).toBe(ftfyLine(text));
    }
  });
});
