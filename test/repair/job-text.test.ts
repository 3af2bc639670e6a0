import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isBad } from '../../src/repair/badness.js';
import { repairMojibake } from '../../src/repair/index.js';
import { GARBLINGS, cleanFixtures, cleanLines, fixturesDir, garble, pairs } from './helpers.js';

describe('repairMojibake on job text', () => {
  it.each(cleanFixtures().map((f) => [f.name, f.text] as const))(
    'leaves correct text in %s untouched (accents, scripts, emoji, ±, °, €, ™)',
    (_name, text) => {
      expect(repairMojibake(text)).toEqual({ text, repairs: [] });
    },
  );

  for (const g of GARBLINGS) {
    it(`restores every fixture line garbled as ${g.name}`, () => {
      const failures = cleanLines()
        .map((line) => ({ line, input: g.apply(line) }))
        .filter(({ line, input }) => repairMojibake(input).text !== line);
      expect(failures).toEqual([]);
    });
  }

  it('restores whole fixture files garbled as Mac Roman and Windows-1252', () => {
    for (const { text } of cleanFixtures()) {
      expect(repairMojibake(garble(text, 'macroman')).text).toBe(text);
      expect(repairMojibake(garble(text, 'sloppy-windows-1252')).text).toBe(text);
    }
  });

  it.each(pairs('mixed.tsv'))('repairs only the garbled runs of a mixed line: %s', (input, expected) => {
    expect(repairMojibake(input).text).toBe(expected);
  });

  it.each(pairs('lone-symbols.tsv'))('repairs a lone Mac Roman symbol: %s', (input, expected) => {
    expect(repairMojibake(input).text).toBe(expected);
  });

  it('repairs only the garbled lines of a paste that mixes clean and garbled lines', () => {
    const clean = cleanFixtures().find((f) => f.name === 'en.txt')?.text ?? '';
    const lines = clean.split('\n');
    const mixed = lines.map((l, i) => (i % 3 === 1 ? garble(l, 'macroman') : l)).join('\n');
    const result = repairMojibake(mixed);
    expect(result.text).toBe(clean);
    const garbledWithAccents = lines.filter((l, i) => i % 3 === 1 && /[^\x00-\x7f]/.test(l));
    expect(result.repairs.length).toBeGreaterThanOrEqual(garbledWithAccents.length);
    expect(new Set(result.repairs.map((r) => r.codec))).toEqual(new Set(['macroman']));
  });

  it('reports each repair word by word, with the codec it was garbled through', () => {
    const result = repairMojibake('Cambridge, MA ¬∑ 1 week ago\nYou‚Äôll lead ‚Äî and you‚Äôll ship.\nAll good here.');
    expect(result.text).toBe('Cambridge, MA · 1 week ago\nYou’ll lead — and you’ll ship.\nAll good here.');
    expect(result.repairs).toEqual([
      { before: '¬∑', after: '·', codec: 'macroman' },
      { before: 'You‚Äôll', after: 'You’ll', codec: 'macroman' },
      { before: '‚Äî', after: '—', codec: 'macroman' },
      { before: 'you‚Äôll', after: 'you’ll', codec: 'macroman' },
    ]);
  });

  it('names both layers of double mojibake', () => {
    const result = repairMojibake('The Mona Lisa doesnÃƒÂ¢Ã¢â€šÂ¬Ã¢â€žÂ¢t have eyebrows.');
    expect(result.text).toBe('The Mona Lisa doesn’t have eyebrows.');
    expect(result.repairs).toEqual([
      { before: 'doesnÃƒÂ¢Ã¢â€šÂ¬Ã¢â€žÂ¢t', after: 'doesn’t', codec: 'sloppy-windows-1252 + sloppy-windows-1252 + sloppy-windows-1252' },
    ]);
  });

  it('keeps Windows line endings and blank lines as they are', () => {
    expect(repairMojibake('You‚Äôll\r\n\r\nCafé\r\n').text).toBe('You’ll\r\n\r\nCafé\r\n');
  });
});

describe('seed 003 (a real LinkedIn page pasted through Mac Roman)', () => {
  const seed = readFileSync(path.join(fixturesDir, 'seed-003-linkedin-macroman.txt'), 'utf8');
  const repaired = repairMojibake(seed).text;
  const lines = repaired.split('\n');

  it('repairs the posting text and the language list', () => {
    expect(lines).toContain('Cambridge, MA · 1 week ago · 36 people clicked apply');
    expect(lines).toContain('Promoted by hirer • Responses managed off LinkedIn');
    expect(lines).toContain('What you’ll do in the role: ');
    expect(lines).toContain('Bachelor’s degree');
    expect(lines).toContain('… more');
    for (const name of ['Ελληνικά (Greek)', 'Русский (Russian)', 'Українська (Ukrainian)', 'فارسی (Persian)', 'עברית (Hebrew)', '简体中文 (Chinese (Simplified))', '日本語 (Japanese)', '한국어 (Korean)', 'Tiếng Việt (Vietnamese)', 'Čeština (Czech)', 'हिंदी (Hindi)']) {
      expect(lines).toContain(name);
    }
    expect(lines).toContain('New Grad Data Scientist/Engineer (Health Tech Startup) 🤓');
  });

  it('leaves no mojibake behind and changes nothing else', () => {
    expect(lines.filter((l) => isBad(l) || /‚Ä|¬∑|√/.test(l))).toEqual([]);
    const before = seed.split('\n');
    expect(lines).toHaveLength(before.length);
    before.forEach((line, i) => {
      if (!/[^\x00-\x7f]/.test(line)) expect(lines[i]).toBe(line);
    });
  });
});
