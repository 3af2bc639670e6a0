import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderCardSlack } from '../../../adapters/slack/render/card.js';
import { SLACK_LIMITS, slackBlockTextLength, type SlackBlock } from '../../../adapters/slack/render/limits.js';
import { buildCard } from '../../../src/card/build.js';
import { context, posting } from '../../card/arbitrary.js';
import { capitalOneSeniorMle, makePosting } from '../../card/make-posting.js';

/** Every text object in the blocks, with the limit that applies to it. */
function texts(blocks: SlackBlock[]): Array<{ text: string; limit: number }> {
  const out: Array<{ text: string; limit: number }> = [];
  for (const b of blocks) {
    if (b.type === 'header') out.push({ text: b.text.text, limit: SLACK_LIMITS.header });
    if (b.type === 'section') {
      if (b.text) out.push({ text: b.text.text, limit: SLACK_LIMITS.sectionText });
      for (const f of b.fields ?? []) out.push({ text: f.text, limit: SLACK_LIMITS.fieldText });
    }
    if (b.type === 'context') {
      for (const e of b.elements) if ('text' in e && typeof e.text === 'string') out.push({ text: e.text, limit: 3000 });
    }
  }
  return out;
}

/** Angle brackets we wrote ourselves: user and channel mentions of the right shape, and links. */
const OUR_TOKEN = /^<(@[UW][A-Z0-9]+|#[CGD][A-Z0-9]+|https?:\/\/[^|<>\s]+\|[^<>]*)>$/;

function assertNoForeignMarkup(text: string): void {
  for (const token of text.match(/<[^>]*>?/g) ?? []) expect(token).toMatch(OUR_TOKEN);
  expect(text).not.toMatch(/&(?!amp;|lt;|gt;)/);
}

describe('renderCardSlack', () => {
  it('renders the card as a header, two sections and a footer', () => {
    const { text, blocks } = renderCardSlack(buildCard(capitalOneSeniorMle(), {
      sharedBy: { platform: 'slack', id: 'U012ABCDEF', name: 'ana' },
    }));
    expect(blocks.map((b) => b.type)).toEqual(['header', 'section', 'section', 'context']);
    expect(JSON.stringify(blocks)).toContain('*Pay:* Cambridge, MA / McLean, VA $158.6k–$181k · Richmond, VA $144.2k–$164.6k');
    expect(JSON.stringify(blocks)).toContain('*Sponsorship:* no — _“At this time');
    expect(JSON.stringify(blocks)).toContain('shared by <@U012ABCDEF>');
    expect(JSON.stringify(blocks)).toContain('react :page_facing_up: for the full posting');
    expect(text).toContain('Senior Machine Learning Engineer · Capital One · Senior');
  });

  it('escapes <!channel>, user mentions and links inside posting text', () => {
    const p = makePosting({
      title: 'Engineer <!channel> & friends',
      company: '<@U0BADBAD1> Corp',
      locations: ['<#C0BAD1234|general>'],
      sponsorship: { stance: 'no', evidence: 'No sponsorship <!here> see <https://evil.example|here>' },
      requirements: { minYears: null, degree: null, skills: ['<!everyone>'], basic: [], preferred: [] },
    });
    const { text, blocks } = renderCardSlack(buildCard(p));
    const all = [text, ...texts(blocks).map((t) => t.text)].join('\n');
    expect(all).not.toContain('<!');
    expect(all).not.toContain('<@U0BADBAD1>');
    expect(all).not.toContain('<https://evil');
    expect(all).toContain('&lt;!channel&gt; &amp; friends');
    expect(all).toContain('&lt;@U0BADBAD1&gt; Corp');
  });

  it('asks Slack not to link-ify names and channels in mrkdwn (verbatim)', () => {
    const { blocks } = renderCardSlack(buildCard(makePosting({ company: 'Join #general @channel' })));
    for (const b of blocks) {
      if (b.type === 'section' && b.text?.type === 'mrkdwn') expect(b.text.verbatim).toBe(true);
    }
  });

  it('links a posting that came from a link, and the first share', () => {
    const card = buildCard(makePosting({ source: { kind: 'link', url: 'https://jobs.lever.co/acme/1?a=1&b=2', site: 'lever' } }), {
      sharedBefore: { by: { platform: 'slack', id: 'U0FIRST01', name: 'bo' }, channelId: 'C0CHAN001', at: '2026-11-20T09:00:00Z', link: 'https://acme.slack.com/archives/C0CHAN001/p1' },
    });
    const json = JSON.stringify(renderCardSlack(card).blocks);
    expect(json).toContain('<https://jobs.lever.co/acme/1?a=1&amp;b=2|Lever>');
    expect(json).toContain('Shared before by <@U0FIRST01> in <#C0CHAN001> on Nov 20, 2026');
  });

  it('cuts a huge title to the 150-character header with "…"', () => {
    const { blocks } = renderCardSlack(buildCard(makePosting({ title: 'Senior Engineer '.repeat(1000) })));
    const header = blocks[0];
    expect(header?.type).toBe('header');
    if (header?.type === 'header') {
      expect(header.text.text.length).toBeLessThanOrEqual(150);
      expect(header.text.text.endsWith('…')).toBe(true);
    }
  });

  it('never cuts an escaped entity in half', () => {
    const { blocks } = renderCardSlack(buildCard(makePosting({ title: '&'.repeat(400) })));
    const header = blocks[0];
    if (header?.type === 'header') expect(header.text.text).toMatch(/^(&amp;)+…$/);
  });

  it('keeps every rendered card within every Slack limit, with nothing from the posting able to ping', () => {
    fc.assert(
      fc.property(posting, context('slack'), (p, ctx) => {
        const { text, blocks } = renderCardSlack(buildCard(p, ctx));
        expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
        expect(text.length).toBeLessThanOrEqual(SLACK_LIMITS.fallbackText);
        expect(text.length).toBeGreaterThan(0);
        for (const t of texts(blocks)) {
          expect(t.text.length).toBeLessThanOrEqual(t.limit);
          expect(t.text.length).toBeGreaterThan(0);
          assertNoForeignMarkup(t.text);
        }
        for (const b of blocks) {
          if (b.type === 'context') expect(b.elements.length).toBeLessThanOrEqual(SLACK_LIMITS.contextElements);
          if (b.type === 'section') expect((b.fields ?? []).length).toBeLessThanOrEqual(SLACK_LIMITS.fields);
        }
        expect(slackBlockTextLength(blocks)).toBeLessThan(SLACK_LIMITS.totalBlockText);
        assertNoForeignMarkup(text);
      }),
      { numRuns: 300 },
    );
  });
});
