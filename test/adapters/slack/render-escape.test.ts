import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutSlack, escapeSlack, slackLink, slackUser } from '../../../adapters/slack/render/escape.js';
import { hostileText } from '../../card/arbitrary.js';
import { expectCut } from '../cut.js';

/** Escaped posting text with our own tokens (links, mentions) between the pieces, as the renderers write it. */
const slackText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: hostileText.map(escapeSlack) },
      { weight: 1, arbitrary: fc.webUrl().map((url) => slackLink(url, 'Apply & read more')) },
      { weight: 1, arbitrary: fc.constantFrom('<@U0FIRST01>', slackUser('W12345678') ?? '') },
    ),
    { maxLength: 8 },
  )
  .map((parts) => parts.join(' '));

describe('escapeSlack', () => {
  it('turns every control character of Slack markup into an entity', () => {
    expect(escapeSlack('<!channel> R&D <@U012ABCDEF>')).toBe('&lt;!channel&gt; R&amp;D &lt;@U012ABCDEF&gt;');
  });
});

describe('cutSlack', () => {
  it('returns text that fits unchanged', () => {
    expect(cutSlack('salary &amp; benefits', 21)).toBe('salary &amp; benefits');
  });

  it('never leaves half an entity', () => {
    expect(cutSlack('salary &amp; benefits', 11)).toBe('salary…');
    expect(cutSlack('&amp;'.repeat(40), 150)).toMatch(/^(&amp;)+…$/);
  });

  it('never leaves half a mention or half a link', () => {
    expect(cutSlack('shared by <@U12345678>', 16)).toBe('shared by…');
    expect(cutSlack('Apply at <https://jobs.example.com/acme/123|Acme careers>', 40)).toBe('Apply at…');
  });

  it('prefers a word boundary near the end, but keeps most of a long word', () => {
    expect(cutSlack('Senior data engineer wanted', 20)).toBe('Senior data…');
    expect(cutSlack('x'.repeat(200), 100)).toBe(`${'x'.repeat(99)}…`);
  });

  it('never splits an emoji into half a surrogate pair', () => {
    const cut = cutSlack('😀'.repeat(10), 6);
    expect(cut).toBe('😀😀…');
  });

  it('keeps within the limit as Slack counts it (UTF-16 units of escaped text, "…" included), with no half entity or token before the "…"', () => {
    fc.assert(
      fc.property(slackText, fc.integer({ min: 1, max: 400 }), (text, limit) => {
        const head = expectCut(text, cutSlack(text, limit), limit);
        if (head === null) return;
        expect(head).not.toMatch(/&[#a-z0-9]*$/i);
        expect(head).not.toMatch(/<[^>]*$/);
      }),
    );
  });
});
