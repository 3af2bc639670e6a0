import { describe, expect, it } from 'vitest';
import { normaliseNewlines, normaliseSpaces, restoreLineBreaks } from '../../src/clean/normalise.js';
import type { ExplainEntry } from '../../src/clean/types.js';

describe('normalise', () => {
  it('turns CRLF, CR and line separators into newlines and drops zero-width characters', () => {
    const explain: ExplainEntry[] = [];
    expect(normaliseNewlines('a\r\nb\rc\u2028d\u200be\ufeff', explain)).toBe('a\nb\nc\nde');
    expect(explain.map((e) => e.rule)).toEqual(['newlines', 'zero-width']);
    expect(explain[0]?.count).toBe(3);
  });

  it('leaves NBSP, soft hyphens and C1 controls alone before the repair, because mojibake is made of them', () => {
    const garbled = 'Ã\u00ad \u00c2\u00a0 â€\u009d';
    expect(normaliseNewlines(garbled, [])).toBe(garbled);
  });

  it('after the repair, makes NBSP and tabs plain spaces and drops soft hyphens and controls', () => {
    expect(normaliseSpaces('a\u00a0b\tc\u202fd\u00ade\u0007f\u0085g', [])).toBe('a b c def\ng');
  });

  it('restores line breaks a copy flattened into runs of spaces', () => {
    const flat = `Senior Engineer   Duration: Permanent   Location: Remote   ${'We build search for images at scale. '.repeat(6)}`;
    expect(restoreLineBreaks(flat, []).split('\n').slice(0, 3)).toEqual(['Senior Engineer', 'Duration: Permanent', 'Location: Remote']);
    const table = 'Location:     Remote';
    expect(restoreLineBreaks(table, [])).toBe(table);
  });
});
