import { afterEach, describe, expect, it, vi } from 'vitest';
import { analyzeText } from '../../../src/pipeline.js';
import type { JsonObject, RecordedRequest } from '../../fakes/discord-rest.js';
import { PERM, snowflake } from '../../fakes/discord-world.js';
import { fixture, isMessagePost, pingsAllowed, sleep, startHarness, type Harness } from './harness.js';

const POSTING = fixture('short-posting.txt');
const LONG_POSTING = fixture('long-posting.txt');

let h: Harness | undefined;
afterEach(async () => {
  if (h) expect(pingsAllowed(h.world.rest.requests)).toEqual([]);
  await h?.close();
  h = undefined;
});

/** Post a posting (as text, or as message.txt past 2000 characters) and wait for the card; returns both ids. */
async function shareAndWaitForCard(harness: Harness, text: string): Promise<{ originalId: string; cardId: string }> {
  const { world } = harness;
  const message = text.length <= 2000 ? world.message(text) : world.messageTxt(text);
  world.post(message);
  const hint = await world.rest.waitFor((r) => r.method === 'PUT' && r.path.includes('/reactions/'));
  return { originalId: message['id'] as string, cardId: /messages\/(\d+)\/reactions/.exec(hint.path)?.[1] as string };
}

const postsTo = (channelId: string) => (r: RecordedRequest): boolean => isMessagePost(channelId)(r);

describe('Discord bot, 📄 reactions', () => {
  it('posts the full posting in a thread on a card the client never cached (after a restart)', async () => {
    h = await startHarness();
    const { cardId } = await shareAndWaitForCard(h, POSTING);
    const bot = await h.restart();
    expect(bot.client.channels.cache.get(h.world.channelId)?.isTextBased()).toBe(true);
    const sentBefore = h.world.rest.requests.length;

    h.world.react(h.world.channelId, cardId, '📄');
    const threadPost = await h.world.rest.waitFor(postsTo(cardId));
    const after = h.world.rest.requests.slice(sentBefore);
    // The partial message was fetched, then a thread opened on it (a message thread takes the message's id).
    expect(after.some((r) => r.method === 'GET' && r.path === `/channels/${h?.world.channelId}/messages/${cardId}`)).toBe(true);
    const open = after.find((r) => r.method === 'POST' && r.path === `/channels/${h?.world.channelId}/messages/${cardId}/threads`);
    expect(open?.body?.['name']).toMatch(/Senior Backend Engineer/);
    expect(String(open?.body?.['name']).length).toBeLessThanOrEqual(100);

    const content = String(threadPost.body?.['content']);
    expect(content).toMatch(/Full posting/);
    expect(content.length).toBeLessThanOrEqual(2000);
    expect(content).toMatch(/Northwind moves freight for 4,000 shippers/);
    expect(content).toMatch(/unable to sponsor/);
  });

  it('keeps only a few recent messages per channel, and still answers 📄 on a posting it has let go', async () => {
    h = await startHarness();
    const { originalId } = await shareAndWaitForCard(h, POSTING);
    // A busy channel: chatter after the posting pushes it out of discord.js's message cache.
    for (let i = 0; i < 40; i++) h.world.post(h.world.message(`lunch at ${i}?`));
    const channelId = h.world.channelId;
    const channel = h.bot.client.channels.cache.get(channelId);
    if (!channel?.isTextBased()) throw new Error('the test channel is not cached');
    await vi.waitFor(() => expect(channel.messages.cache.size).toBe(20));
    expect(channel.messages.cache.has(originalId)).toBe(false);
    // The bot's own member is kept (permission checks); other authors are not piling up.
    expect(h.bot.client.users.cache.size).toBeLessThanOrEqual(100);

    h.world.react(channelId, originalId, '📄');
    const threadPost = await h.world.rest.waitFor(postsTo(originalId));
    expect(h.world.rest.calls().some((r) => r.method === 'GET' && r.path === `/channels/${channelId}/messages/${originalId}`)).toBe(true);
    expect(String(threadPost.body?.['content'])).toMatch(/unable to sponsor/);
  });

  it('answers 📄 on the original posting too, once however many people ask at the same moment', async () => {
    h = await startHarness();
    const { originalId } = await shareAndWaitForCard(h, POSTING);
    const someoneElse = { id: snowflake(), username: 'sam', discriminator: '0', global_name: 'Sam', avatar: null };
    h.world.react(h.world.channelId, originalId, '📄');
    h.world.react(h.world.channelId, originalId, '📄', someoneElse);
    await h.world.rest.waitFor(postsTo(originalId));
    await sleep(300);
    expect(h.world.rest.calls().filter((r) => r.path.endsWith('/threads'))).toHaveLength(1);
    expect(h.world.rest.calls().filter(postsTo(originalId))).toHaveLength(1);
  });

  it('attaches a posting past 8,000 characters as a .md file instead of a wall of messages', async () => {
    const cleaned = analyzeText(LONG_POSTING).posting!.text;
    expect(cleaned.length).toBeGreaterThan(8000);
    h = await startHarness();
    const { originalId } = await shareAndWaitForCard(h, LONG_POSTING);
    h.world.react(h.world.channelId, originalId, '📄');
    const post = await h.world.rest.waitFor(postsTo(originalId));
    expect(post.files).toHaveLength(1);
    const file = post.files[0];
    expect(file?.name).toMatch(/\.md$/);
    const text = Buffer.from(file?.bytes ?? new Uint8Array()).toString('utf8');
    expect(text).toContain('Regional failover for the clinical record.');
    expect(text).toContain('Harbor Health will sponsor employment visas');
    expect(String(post.body?.['content']).length).toBeLessThanOrEqual(2000);
    expect(h.world.rest.calls().filter(postsTo(originalId))).toHaveLength(1);
  });

  it('splits a posting under 8,000 characters into messages of at most 2,000 on paragraph boundaries', async () => {
    h = await startHarness();
    const text = analyzeText(fixture('long-posting.txt')).posting!.text;
    // Keep the first ~5,000 characters, ending on a paragraph, as its own shorter posting.
    const cut = text.slice(0, text.lastIndexOf('\n\n', 5000));
    const { cardId } = await shareAndWaitForCard(h, cut);
    h.world.react(h.world.channelId, cardId, '📄');
    await h.world.rest.waitFor(postsTo(cardId));
    await vi.waitFor(async () => {
      const posts = h?.world.rest.calls().filter(postsTo(cardId)) ?? [];
      expect(posts.length).toBeGreaterThanOrEqual(3);
    });
    await sleep(300);
    const contents = (h.world.rest.calls().filter(postsTo(cardId))).map((r) => String(r.body?.['content']));
    for (const c of contents) expect(c.length).toBeLessThanOrEqual(2000);
    expect(contents.join('\n')).toContain('What a typical quarter looks like');
  });

  it('replies in the channel where threads are not allowed', async () => {
    h = await startHarness({ deniedInChannel: PERM.CreatePublicThreads });
    const { originalId } = await shareAndWaitForCard(h, POSTING);
    h.world.react(h.world.channelId, originalId, '📄');
    const reply = await h.world.rest.waitFor(
      (r) => isMessagePost(h?.world.channelId)(r) && (r.body?.['message_reference'] as JsonObject | undefined)?.['message_id'] === originalId && /Full posting/.test(String(r.body?.['content'])),
    );
    expect(reply.body?.['allowed_mentions']).toEqual({ parse: [], replied_user: false });
    expect(h.world.rest.calls().some((r) => r.path.endsWith('/threads'))).toBe(false);
    expect(h.log.lines.filter((l) => l.level === 'warn' && /thread/i.test(l.msg))).toHaveLength(1);
  });

  it('ignores other emoji and messages it knows nothing about', async () => {
    h = await startHarness();
    const { cardId } = await shareAndWaitForCard(h, POSTING);
    const before = h.world.rest.calls().length;
    const spy = vi.spyOn(h.desk, 'handleReaction');
    h.world.react(h.world.channelId, cardId, '👍');
    h.world.react(h.world.channelId, snowflake(), '📄');
    await vi.waitFor(() => expect(spy).toHaveBeenCalledTimes(2));
    await Promise.all(spy.mock.results.map((r) => r.value));
    await sleep(200);
    expect(h.world.rest.calls().length).toBe(before);
  });

  it('posts into the thread a message already has instead of opening another', async () => {
    h = await startHarness();
    const { originalId } = await shareAndWaitForCard(h, POSTING);
    // Someone opened a thread on the posting by hand; the bot restarts and learns of it by fetching.
    const thread = { id: originalId, type: 11, guild_id: h.world.guildId, parent_id: h.world.channelId, owner_id: h.world.member['id'], name: 'thoughts?', rate_limit_per_user: 0, message_count: 3, member_count: 2, flags: 0, thread_metadata: { archived: false, auto_archive_duration: 1440, archive_timestamp: new Date().toISOString(), locked: false } };
    h.world.channels.set(originalId, thread);
    const stored = h.world.rest.messages.get(h.world.channelId)?.get(originalId);
    if (stored) Object.assign(stored, { flags: 1 << 5, thread });
    await h.restart();
    h.world.react(h.world.channelId, originalId, '📄');
    const post = await h.world.rest.waitFor(postsTo(originalId));
    expect(String(post.body?.['content'])).toMatch(/Full posting/);
    expect(h.world.rest.calls().some((r) => r.path.endsWith('/threads'))).toBe(false);
  });

  it('shrugs off a 📄 on a card that was deleted meanwhile', async () => {
    h = await startHarness();
    const { cardId } = await shareAndWaitForCard(h, POSTING);
    await h.restart();
    h.world.rest.messages.get(h.world.channelId)?.delete(cardId);
    const before = h.world.rest.calls().length;
    h.world.react(h.world.channelId, cardId, '📄');
    await h.world.rest.waitFor((r) => r.method === 'GET' && r.path.endsWith(`/messages/${cardId}`));
    await sleep(300);
    expect(h.world.rest.calls().slice(before).filter((r) => r.method !== 'GET')).toEqual([]);
    expect(h.log.lines.filter((l) => l.level === 'error')).toEqual([]);
  });

  it('posts a long posting as messages where files may not be attached', async () => {
    h = await startHarness({ deniedInChannel: PERM.AttachFiles });
    const { originalId } = await shareAndWaitForCard(h, LONG_POSTING);
    h.world.react(h.world.channelId, originalId, '📄');
    await h.world.rest.waitFor(postsTo(originalId));
    await vi.waitFor(() => expect(h?.world.rest.calls().filter(postsTo(originalId)).length).toBeGreaterThanOrEqual(5), { timeout: 8000 });
    await sleep(300);
    const posts = h.world.rest.calls().filter(postsTo(originalId));
    for (const p of posts) {
      expect(p.files).toEqual([]);
      expect(String(p.body?.['content']).length).toBeLessThanOrEqual(2000);
    }
    expect(posts.map((p) => String(p.body?.['content'])).join('\n')).toContain('Regional failover for the clinical record.');
    expect(h.log.lines.filter((l) => l.level === 'warn' && /Attach Files/.test(l.msg))).toHaveLength(1);
  });
});
