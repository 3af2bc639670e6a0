import { afterAll, describe, expect, it } from 'vitest';
import { renderDigestDiscord } from '../../adapters/discord/render/digest.js';
import { renderDigestSlack } from '../../adapters/slack/render/digest.js';
import { Digests } from '../../src/alerts/digests.js';
import { MapBackend, type KeyValue } from '../../src/store/backend.js';
import { JobStore, MAX_LOG_HOUR } from '../../src/store/job-store.js';
import type { ChannelKind, Share, TeamEntry } from '../../src/store/types.js';
import { capitalOneSeniorMle } from '../card/make-posting.js';
import { storeBackends, unique, type StoreBackend } from '../fakes/stores.js';

/**
 * A digest reads every share of its channel in the period (the channel's hourly log), not the
 * 50 lines of its recent list: on process memory and each real backend, through the Store.
 */
const backends = await storeBackends();
const list: StoreBackend[] = [{ name: 'memory', open: () => new MapBackend() }, ...backends.list];
afterAll(() => backends.close());

const LEVELS = ['senior', 'staff', null, 'entry'] as const;
const periodEnd = new Date('2026-12-14T09:00:00.000Z');

/** Record share `i` of posting `postingId` in `channel`, made `minutesBefore` the period's end. */
async function share(store: JobStore, team: string, channel: string, i: number, minutesBefore: number, kind: ChannelKind = 'public', postingId = `${channel}-p${i}`): Promise<Share> {
  const posting = { ...capitalOneSeniorMle(), title: `Senior Platform Engineer, Payments Infrastructure and Developer Experience (Team ${i})`, text: `Engineer ${i} at Capital One ${channel} ${'lorem ipsum '.repeat(i % 7)}` };
  const at = new Date(periodEnd.getTime() - minutesBefore * 60_000).toISOString();
  const s: Share = { postingId, platform: 'slack', team, channel, messageId: `${channel}-m${i}`, user: 'U1', userName: null, at, link: null, kind };
  const entry: TeamEntry = {
    postingId, title: posting.title, company: 'Capital One', level: LEVELS[i % LEVELS.length] ?? null, pay: null, payRange: '$150k–$180k', places: 'Remote',
    sponsorship: 'yes', terms: '', channel, user: 'U1', userName: null, at, link: null, kind, team, messageId: s.messageId,
  };
  await store.recordShare({ posting, isNew: true, share: s, entry, team });
  return s;
}

describe.each(list)('digest log on $name', (backend) => {
  function open(): { store: JobStore; kv: KeyValue } {
    const kv = backend.open(unique('digestlog'));
    return { store: new JobStore(kv), kv };
  }

  it('120 postings shared in a week: the digest counts 120, and "and N more" is exactly what it leaves out', async () => {
    const { store } = open();
    try {
      const team = unique('T');
      const channel = unique('C');
      // Spread over the week (several an hour here and there), plus shares it must not count:
      // one before the period, one in another channel, and one posting shared twice (one line).
      for (let i = 0; i < 120; i++) await share(store, team, channel, i, 5 + i * 80);
      await share(store, team, channel, 999, 8 * 24 * 60);
      await share(store, team, unique('C'), 1000, 30);
      await share(store, team, channel, 1001, 10, 'public', `${channel}-p3`);
      const digests = new Digests(store.alerts, store);
      const digest = await digests.preview({ platform: 'slack', team, channel, kind: 'public', every: 'weekly' }, periodEnd);
      if (!digest) throw new Error('expected a digest');
      expect(digest.total).toBe(120);
      expect(digest.complete).toBe(true);
      expect(digest.title).toBe('Job postings digest: 120 shared here this week');
      expect(digest.summary).toMatch(/^120 postings: /);
      expect(digest.groups.reduce((n, g) => n + g.lines.length, 0)).toBe(120);

      const slack = renderDigestSlack(digest);
      const slackShown = slack.blocks.flatMap((b) => (b.type === 'section' ? (b.text?.text.match(/^• /gm) ?? []) : [])).length;
      const slackMore = slack.blocks.map((b) => (b.type === 'context' ? b.elements.map((e) => ('text' in e ? e.text : '')).join('') : '')).join('');
      expect(slackShown).toBeGreaterThan(0);
      expect(slackShown).toBeLessThan(120);
      expect(slackMore).toContain(`and ${120 - slackShown} more`);
      const embed = renderDigestDiscord(digest).embeds[0]!;
      const discordShown = (embed.fields ?? []).reduce((n, f) => n + (f.value.match(/^• /gm) ?? []).length, 0);
      expect(discordShown).toBeGreaterThan(0);
      expect(embed.footer?.text).toBe(`and ${120 - discordShown} more`);
    } finally {
      await store.close();
    }
  });

  it('a forgotten share leaves the digest, and an hour fuller than the log keeps is labelled "at least"', async () => {
    const { store } = open();
    try {
      const team = unique('T');
      const channel = unique('C');
      const shares: Share[] = [];
      // MAX_LOG_HOUR + 5 shares within one hour: the log keeps MAX_LOG_HOUR of them.
      for (let i = 0; i < MAX_LOG_HOUR + 5; i++) shares.push(await share(store, team, channel, i, 30 + (i % 20)));
      const viewer = { platform: 'slack' as const, team, channel, user: '', kind: 'public' as const };
      const from = new Date(periodEnd.getTime() - 24 * 60 * 60 * 1000);
      const full = await store.channelShares(viewer, from, periodEnd);
      expect(full.complete).toBe(false);
      const digest = await new Digests(store.alerts, store).preview({ ...viewer, every: 'daily' }, periodEnd);
      expect(digest?.summary).toMatch(/^At least \d+ postings/);
      expect(digest?.title).toMatch(/^Job postings digest: at least \d+ shared here today$/);

      const last = shares.at(-1)!;
      expect(full.entries.some((e) => e.messageId === last.messageId)).toBe(true);
      await store.forgetShare('slack', { channel, messageId: last.messageId });
      const after = await store.channelShares(viewer, from, periodEnd);
      expect(after.entries.some((e) => e.messageId === last.messageId)).toBe(false);
      expect(after.entries).toHaveLength(full.entries.length - 1);
    } finally {
      await store.close();
    }
  });
});
