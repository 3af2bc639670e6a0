import fc from 'fast-check';
import type { APIEmbed } from 'discord-api-types/v10';
import { describe, expect, it } from 'vitest';
import { renderCardDiscord } from '../../../adapters/discord/render/card.js';
import { DISCORD_LIMITS, embedsTextLength } from '../../../adapters/discord/render/limits.js';
import { buildCard } from '../../../src/card/build.js';
import { context, posting } from '../../card/arbitrary.js';
import { capitalOneSeniorMle, makePosting } from '../../card/make-posting.js';

/** Positions of "<" not escaped by an odd run of backslashes before it. */
function unescapedMentionStarts(text: string): string[] {
  const out: string[] = [];
  const re = /<(@[!&]?|#|\/|t:|a?:)/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const before = /\\*$/.exec(text.slice(0, m.index))?.[0].length ?? 0;
    if (before % 2 === 0) out.push(text.slice(m.index, m.index + 24));
  }
  return out;
}

function markdownTexts(embed: APIEmbed): string[] {
  return [embed.title ?? '', embed.description ?? '', ...(embed.fields ?? []).flatMap((f) => [f.name, f.value])];
}

describe('renderCardDiscord', () => {
  it('renders the card as one embed with pay, sponsorship and requirements fields', () => {
    const msg = renderCardDiscord(buildCard(capitalOneSeniorMle(), {
      sharedBy: { platform: 'discord', id: '123456789012345678', name: 'ana' },
    }));
    expect(msg.allowed_mentions).toEqual({ parse: [] });
    expect(msg.embeds).toHaveLength(1);
    const [embed] = msg.embeds;
    expect(embed?.title).toBe('Senior Machine Learning Engineer');
    expect(embed?.description).toContain('**Capital One** · Senior');
    expect(embed?.description).toContain('Shared by <@123456789012345678>');
    expect(embed?.fields?.map((f) => f.name)).toEqual(['Pay', 'Sponsorship', 'Key requirements']);
    expect(embed?.fields?.[0]?.value).toBe('Cambridge, MA / McLean, VA $158.6k–$181k · Richmond, VA $144.2k–$164.6k');
    expect(embed?.fields?.[1]?.value).toMatch(/^no — \*“At this time/);
    expect(embed?.footer?.text).toBe('Posted 1 week ago · LinkedIn · react 📄 for the full posting');
  });

  it('neutralises @everyone, @here, user, role and channel mentions and markdown from the posting', () => {
    const p = makePosting({
      title: '@everyone **Hiring** <@123456789012345678>',
      company: '<@&123456789012345678> Corp __x__',
      locations: ['<#123456789012345678>'],
      sponsorship: { stance: 'yes', evidence: '@here we sponsor H-1B [apply](https://evil.example) `code`' },
      posted: '@everyone yesterday',
    });
    const [embed] = renderCardDiscord(buildCard(p)).embeds;
    if (embed === undefined) throw new Error('no embed');
    const all = [...markdownTexts(embed), embed.footer?.text ?? ''].join('\n');
    expect(all).not.toMatch(/@(everyone|here)/);
    expect(all).toContain('@\u200beveryone');
    expect(unescapedMentionStarts(all)).toEqual([]);
    expect(embed.title).toBe('@\u200beveryone \\*\\*Hiring\\*\\* \\<@123456789012345678\\>');
    expect(embed.description).toContain('\\<@&123456789012345678\\> Corp \\_\\_x\\_\\_');
    expect(embed.fields?.[1]?.value).toContain('\\[apply\\](https://evil.example) \\`code\\`');
  });

  it('makes the title a link only for an http(s) posting link', () => {
    const linked = renderCardDiscord(buildCard(makePosting({ source: { kind: 'link', url: 'https://jobs.ashbyhq.com/acme/1', site: 'ashby' } })));
    expect(linked.embeds[0]?.url).toBe('https://jobs.ashbyhq.com/acme/1');
    expect(renderCardDiscord(buildCard(makePosting())).embeds[0]?.url).toBeUndefined();
  });

  it('says not stated in fields rather than leaving them empty', () => {
    const [embed] = renderCardDiscord(buildCard(makePosting())).embeds;
    expect(embed?.fields?.map((f) => f.value)).toEqual(['not stated', 'not stated', 'not stated']);
    expect(embed?.description).toContain('Location: not stated');
  });

  it('keeps every rendered card within every embed limit and the 6000 total, pinging nobody', () => {
    fc.assert(
      fc.property(posting, context('discord'), (p, ctx) => {
        const msg = renderCardDiscord(buildCard(p, ctx));
        expect(msg.allowed_mentions.parse).toEqual([]);
        expect(msg.embeds.length).toBeLessThanOrEqual(DISCORD_LIMITS.embeds);
        expect(embedsTextLength(msg.embeds)).toBeLessThanOrEqual(DISCORD_LIMITS.totalEmbedText);
        for (const e of msg.embeds) {
          expect(e.title?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.title);
          expect(e.description?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.description);
          expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.footer);
          expect(e.fields?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.fields);
          for (const f of e.fields ?? []) {
            expect(f.name.length).toBeGreaterThan(0);
            expect(f.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldName);
            expect(f.value.length).toBeGreaterThan(0);
            expect(f.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
          }
          const ours = new Set([ctx.sharedBy?.id, ctx.sharedBefore?.by.id, ctx.sharedBefore?.channelId]);
          for (const start of unescapedMentionStarts(markdownTexts(e).join('\n'))) {
            const id = /^<[@#](\d+)>/.exec(start)?.[1];
            expect(id !== undefined && ours.has(id)).toBe(true);
          }
          expect([...markdownTexts(e), e.footer?.text ?? ''].join('\n')).not.toMatch(/@(everyone|here)/i);
        }
      }),
      { numRuns: 300 },
    );
  });
});
