import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutDiscord, discordUser, escapeDiscord } from '../../../adapters/discord/render/escape.js';
import { hostileText } from '../../card/arbitrary.js';
import { expectCut } from '../cut.js';

/** Escaped posting text with our own mention tokens between the pieces, as the renderers write it. */
const discordText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: hostileText.map(escapeDiscord) },
      { weight: 1, arbitrary: fc.constant(discordUser('123456789012345678') ?? '') },
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(' '));

describe('cutDiscord', () => {
  it('returns text that fits unchanged', () => {
    expect(cutDiscord('\\*\\*Senior\\*\\* engineer', 30)).toBe('\\*\\*Senior\\*\\* engineer');
  });

  it('never leaves a backslash that would escape the ellipsis', () => {
    expect(cutDiscord('\\*'.repeat(50), 20)).toMatch(/^(\\\*)+…$/);
  });

  it('never leaves half a mention of ours', () => {
    expect(cutDiscord('shared by <@123456789012345678>', 20)).toBe('shared by…');
  });

  it('prefers a word boundary near the end and never splits an emoji', () => {
    expect(cutDiscord('Senior data engineer wanted', 20)).toBe('Senior data…');
    expect(cutDiscord('😀'.repeat(10), 6)).toBe('😀😀…');
  });

  it('keeps within the limit, a prefix of the text, with nothing dangling before the "…"', () => {
    fc.assert(
      fc.property(discordText, fc.integer({ min: 1, max: 400 }), (text, limit) => {
        const head = expectCut(text, cutDiscord(text, limit), limit);
        if (head === null) return;
        expect((/\\+$/.exec(head)?.[0].length ?? 0) % 2).toBe(0);
        expect(head).not.toMatch(/(^|[^\\])<[^>]*$/);
      }),
    );
  });
});
