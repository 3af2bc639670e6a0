import { describe, expect, it } from 'vitest';
import { renderDigestDiscord } from '../../adapters/discord/render/digest.js';
import { embedTextLength } from '../../adapters/discord/render/limits.js';
import { renderDigestSlack } from '../../adapters/slack/render/digest.js';
import { SLACK_LIMITS, slackBlockTextLength } from '../../adapters/slack/render/limits.js';
import { buildDigest } from '../../src/alerts/digest.js';
import { digestCommand } from '../../src/alerts/commands.js';
import { AlertMemory } from '../../src/alerts/memory.js';
import { MapBackend } from '../../src/store/backend.js';
import type { TeamEntry } from '../../src/store/types.js';
import { messageLimitErrors } from '../fakes/discord-rest.js';

const LEVELS = ['senior', 'staff', null, 'entry', 'director'];

function entry(i: number, title: string, at: string): TeamEntry {
  return {
    postingId: `p${i}`, title, company: 'Acme <!channel> & Co', level: LEVELS[i % LEVELS.length] ?? null, pay: null, payRange: '$150k–$180k',
    places: 'New York, NY / Remote', sponsorship: i % 2 ? 'yes' : 'unstated', terms: '', channel: 'C1', user: 'U1', userName: null, at,
    link: `https://acme.slack.com/archives/C1/p17000000000${String(i).padStart(5, '0')}`, kind: 'public', team: 'T1', messageId: `m${i}`,
  };
}

const from = new Date('2026-12-01T00:00:00Z');
const to = new Date('2026-12-08T00:00:00Z');
const at = (i: number): string => new Date(from.getTime() + i * 60_000).toISOString();

describe('digests', () => {
  it('one line per posting in the period, grouped by level senior-most first, newest first, with counts', () => {
    const entries = [entry(0, 'Senior A', at(1)), entry(1, 'Staff B', at(2)), entry(5, 'Senior C', at(3)), entry(5, 'Senior C again', at(4)), entry(9, 'Old', '2026-11-01T00:00:00.000Z')];
    const digest = buildDigest(entries, 'weekly', from, to);
    expect(digest?.summary).toBe('3 postings: 1 staff, 2 senior');
    expect(digest?.groups.map((g) => [g.level, g.lines.map((l) => l.text.split(' · ')[0])])).toEqual([
      ['Staff', ['Staff B']],
      ['Senior', ['Senior C again', 'Senior A']],
    ]);
    expect(digest?.groups[1]?.lines[0]?.text).toBe('Senior C again · Acme <!channel> & Co · New York, NY / Remote · $150k–$180k · sponsors visas');
    expect(buildDigest(entries, 'daily', new Date('2026-12-20T00:00:00Z'), new Date('2026-12-21T00:00:00Z'))).toBeNull();
  });

  it('a week of 300 postings with hostile long titles stays within Slack and Discord limits and says how many more', () => {
    const hostile = (i: number): string => `${'Principal *Engineer* <@U123> '.repeat(40)}#${i}`;
    const digest = buildDigest(Array.from({ length: 300 }, (_, i) => entry(i, hostile(i), at(i))), 'weekly', from, to);
    if (!digest) throw new Error('expected a digest');
    const slack = renderDigestSlack(digest);
    expect(slack.blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
    expect(slackBlockTextLength(slack.blocks)).toBeLessThanOrEqual(SLACK_LIMITS.totalBlockText);
    for (const b of slack.blocks) if (b.type === 'section') expect(b.text?.text.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    const slackShown = slack.blocks.flatMap((b) => (b.type === 'section' ? (b.text?.text.match(/^• /gm) ?? []) : [])).length;
    const slackMore = slack.blocks.map((b) => (b.type === 'context' ? b.elements.map((e) => ('text' in e ? e.text : '')).join('') : '')).join('');
    expect(slackMore).toContain(`and ${300 - slackShown} more`);
    expect(slack.blocks.map((b) => JSON.stringify(b)).join('')).not.toMatch(/<@U123>|<!channel>/);

    const discord = renderDigestDiscord(digest);
    expect(messageLimitErrors(discord as unknown as Record<string, unknown>)).toEqual([]);
    const embed = discord.embeds[0]!;
    expect(embedTextLength(embed)).toBeLessThanOrEqual(6000);
    const discordShown = (embed.fields ?? []).reduce((n, f) => n + (f.value.match(/^• /gm) ?? []).length, 0);
    expect(embed.footer?.text).toBe(`and ${300 - discordShown} more`);
    expect(discordShown).toBeGreaterThan(5);
    // Every level keeps its newest postings before any level shows many.
    expect(embed.fields?.map((f) => f.name.replace(/ \(\d+\)$/, ''))).toEqual(['Director', 'Staff', 'Senior', 'Entry', 'Level not stated']);
  });

  it('/jd digest: weekly, daily or off in a channel; a DM or another word gets the right form', async () => {
    const memory = new AlertMemory(new MapBackend());
    const now = new Date('2026-12-07T09:00:00Z');
    const ev = { platform: 'slack' as const, team: 'T1', channel: 'C1', kind: 'public' as const, user: 'U1', text: '' };
    expect((await digestCommand(memory, ev, 'daily', now)).kind).toBe('notice');
    expect((await memory.digestOf('slack', 'C1'))?.nextAt).toBe('2026-12-08T09:00:00.000Z');
    const asked = await digestCommand(memory, ev, 'sometimes', now);
    expect(asked.kind === 'notice' && asked.text).toMatch(/gets a daily digest; the next one is due 2026-12-08 09:00 UTC\. Use `\/jd digest weekly`/);
    const dm = await digestCommand(memory, { ...ev, channel: 'D1', kind: 'dm' }, 'weekly', now);
    expect(dm.kind === 'notice' && dm.text).toMatch(/Digests are for channels/);
    await digestCommand(memory, ev, 'off', now);
    expect(await memory.digests()).toEqual([]);
  });
});
