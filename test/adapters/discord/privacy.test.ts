import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { KeyValue } from '../../../src/store/backend.js';
import { JobStore } from '../../../src/store/job-store.js';
import { PERM, snowflake } from '../../fakes/discord-world.js';
import type { JsonObject, RecordedRequest } from '../../fakes/discord-rest.js';
import { keysHolding, storeBackends, unique } from '../../fakes/stores.js';
import { fixture, type Harness, sleep, startHarness } from './harness.js';

/**
 * Privacy and the life of a message, end to end: the real discord.js client against the REST and
 * gateway stand-ins, payloads shaped like discord-api-docs' examples (MESSAGE_UPDATE with
 * edited_timestamp, embed-only updates, MESSAGE_DELETE / MESSAGE_DELETE_BULK with ids only,
 * forwards with message_reference.type 1 and message_snapshots, webhook posts), memory on a real
 * SQLite file and a real Redis (and Postgres with POSTGRES_URL).
 */
const SHORT = fixture('short-posting.txt');

const backends = await storeBackends();
afterAll(() => backends.close());

let h: Harness | undefined;
const opened: KeyValue[] = [];
afterEach(async () => {
  await h?.close();
  h = undefined;
  await Promise.all(opened.splice(0).map((kv) => kv.close()));
});

function posting(): { text: string; marker: string } {
  const marker = unique('REF');
  return { text: `${SHORT}\nJob reference: ${marker}`, marker };
}

/** The bot's reply to a message, once it is there (its card, or a notice). */
async function replyTo(world: Harness['world'], channelId: string, originalId: string): Promise<JsonObject> {
  await world.rest.waitFor((r) => r.method === 'POST' && r.path === `/channels/${channelId}/messages` && (r.body?.['message_reference'] as JsonObject | undefined)?.['message_id'] === originalId);
  const found = [...(world.rest.messages.get(channelId)?.values() ?? [])].find(
    (m) => (m['message_reference'] as JsonObject | undefined)?.['message_id'] === originalId,
  );
  if (!found) throw new Error('no reply stored');
  return found;
}

const cardText = (m: JsonObject | RecordedRequest['body']): string => JSON.stringify(m ?? {});
const posts = (world: Harness['world'], channelId: string): RecordedRequest[] =>
  world.rest.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${channelId}/messages`);

describe.each(backends.list)('Discord, end to end, memory on $name', (backend) => {
  async function start(readBots: string[] = []): Promise<{ harness: Harness; kv: KeyValue }> {
    const kv = backend.open();
    opened.push(kv);
    h = await startHarness({ store: new JobStore(kv), readBots });
    return { harness: h, kv };
  }

  /** A private channel in the server: @everyone may not view it, the bot may. */
  function privateChannel(harness: Harness): string {
    const { world } = harness;
    const id = snowflake();
    const allow = PERM.ViewChannel | PERM.SendMessages | PERM.EmbedLinks | PERM.ReadMessageHistory | PERM.AddReactions;
    const channel: JsonObject = {
      id, type: 0, guild_id: world.guildId, name: 'private-jobs', position: 1, parent_id: null, nsfw: false, topic: null, rate_limit_per_user: 0, last_message_id: null,
      permission_overwrites: [
        { id: world.guildId, type: 0, allow: '0', deny: PERM.ViewChannel.toString() },
        { id: world.botUser['id'], type: 1, allow: allow.toString(), deny: '0' },
      ],
    };
    world.channels.set(id, channel);
    world.gateway.dispatch('CHANNEL_CREATE', channel);
    return id;
  }

  it('DM → public and private → public never reveal the first share; the same channel and DM do', async () => {
    const { harness } = await start();
    const { world } = harness;
    const dmShare = posting();
    const inDm = world.directMessage(dmShare.text);
    world.post(inDm);
    // A posting pasted in a DM gets its card there.
    expect(cardText(await replyTo(world, world.dmChannelId, String(inDm['id'])))).toMatch(/Senior Backend Engineer/);
    const pub = world.message(dmShare.text);
    world.post(pub);
    expect(cardText(await replyTo(world, world.channelId, String(pub['id'])))).not.toMatch(/shared before/i);
    const againDm = world.directMessage(dmShare.text);
    world.post(againDm);
    expect(cardText(await replyTo(world, world.dmChannelId, String(againDm['id'])))).toMatch(/shared before/i);

    const privShare = posting();
    const priv = privateChannel(harness);
    await sleep(100);
    const inPriv = world.message(privShare.text, { channel_id: priv });
    world.post(inPriv);
    await replyTo(world, priv, String(inPriv['id']));
    const pubAfterPriv = world.message(privShare.text);
    world.post(pubAfterPriv);
    expect(cardText(await replyTo(world, world.channelId, String(pubAfterPriv['id'])))).not.toMatch(/shared before/i);
    const samePriv = world.message(privShare.text, { channel_id: priv });
    world.post(samePriv);
    expect(cardText(await replyTo(world, priv, String(samePriv['id'])))).toMatch(/shared before/i);
  });

  it('server A → server B never reveals the first share (one store behind both servers)', async () => {
    const { harness, kv } = await start();
    // A second server, answered from the same memory.
    const serverB = await startHarness({ store: new JobStore(kv) });
    try {
      const { text } = posting();
      const inA = harness.world.message(text);
      harness.world.post(inA);
      await replyTo(harness.world, harness.world.channelId, String(inA['id']));
      const inB = serverB.world.message(text);
      serverB.world.post(inB);
      expect(cardText(await replyTo(serverB.world, serverB.world.channelId, String(inB['id'])))).not.toMatch(/shared before/i);
      const againA = harness.world.message(text);
      harness.world.post(againA);
      expect(cardText(await replyTo(harness.world, harness.world.channelId, String(againA['id'])))).toMatch(/shared before/i);
    } finally {
      await serverB.close();
    }
  });

  it('MESSAGE_DELETE and MESSAGE_DELETE_BULK (ids only) delete the card and full text, and the store forgets the text', async () => {
    const { harness, kv } = await start();
    const { world } = harness;
    for (const bulk of [false, true]) {
      const { text, marker } = posting();
      const original = world.message(text);
      world.post(original);
      const card = await replyTo(world, world.channelId, String(original['id']));
      const cardId = String(card['id']);
      // The 📄 hint goes on the card once the card is remembered: react after it, as a person would.
      await world.rest.waitFor((r) => r.method === 'PUT' && r.path.startsWith(`/channels/${world.channelId}/messages/${cardId}/reactions/`));
      world.react(world.channelId, cardId, '📄');
      // The full text goes into a thread on the card (a message thread takes the message's id).
      const full = await world.rest.waitFor((r) => r.method === 'POST' && r.path === `/channels/${cardId}/messages`);
      expect(cardText(full.body)).toMatch(/Full posting/);
      expect(await keysHolding(kv, marker)).not.toEqual([]);
      // The person deletes their posting once the bot has finished answering it (card and full text remembered).
      const repliesKey = `replies:discord:${world.channelId}:${String(original['id'])}`;
      for (let i = 0; i < 50 && ((await kv.get(repliesKey)) as unknown[] | undefined)?.length !== 2; i++) await sleep(50);

      const ids = { channel_id: world.channelId, guild_id: world.guildId };
      if (bulk) world.gateway.dispatch('MESSAGE_DELETE_BULK', { ids: [String(original['id']), snowflake()], ...ids });
      else world.gateway.dispatch('MESSAGE_DELETE', { id: String(original['id']), ...ids });
      await world.rest.waitFor((r) => r.method === 'DELETE' && r.path === `/channels/${world.channelId}/messages/${cardId}`);
      await world.rest.waitFor((r) => r.method === 'DELETE' && r.path.startsWith(`/channels/${cardId}/messages/`));
      expect(world.rest.messages.get(world.channelId)?.has(cardId)).toBe(false);
      expect([...(world.rest.messages.get(cardId)?.values() ?? [])]).toEqual([]);
      expect(await keysHolding(kv, marker)).toEqual([]);

      // 📄 on the removed card's id gets nothing.
      const before = world.rest.requests.length;
      world.react(world.channelId, cardId, '📄');
      await sleep(300);
      expect(world.rest.requests.slice(before).filter((r) => r.method !== 'GET')).toEqual([]);
    }
  });

  it('MESSAGE_UPDATE: edited into a posting → card; an edited posting → the same card edited; a preview added → nothing; edited into chat → card deleted', async () => {
    const { harness } = await start();
    const { world } = harness;
    const { text } = posting();
    const original = world.message('one sec, pasting the job');
    world.post(original);
    await sleep(200);
    expect(posts(world, world.channelId)).toEqual([]);
    const update = (content: string, extra: JsonObject = {}): void => {
      const updated = { ...original, content, edited_timestamp: new Date().toISOString(), ...extra };
      world.rest.addMessage(updated);
      world.gateway.dispatch('MESSAGE_UPDATE', updated);
    };
    update(text);
    const card = await replyTo(world, world.channelId, String(original['id']));
    const cardId = String(card['id']);
    expect(cardText(card)).toMatch(/Senior Backend Engineer/);
    // Edited again once the bot has finished with the first version (its card remembered, the 📄 hint added).
    await world.rest.waitFor((r) => r.method === 'PUT' && r.path.startsWith(`/channels/${world.channelId}/messages/${cardId}/reactions/`));

    update(text.replace('Senior Backend Engineer', 'Staff Backend Engineer'));
    const patch = await world.rest.waitFor((r) => r.method === 'PATCH' && r.path === `/channels/${world.channelId}/messages/${cardId}`);
    expect(cardText(patch.body)).toMatch(/Staff Backend Engineer/);
    expect(posts(world, world.channelId)).toHaveLength(1);

    // Discord adds a link's preview: an update without a new edited_timestamp changes nothing.
    const patchesBefore = world.rest.requests.filter((r) => r.method === 'PATCH').length;
    const sameEdit = String((world.rest.messages.get(world.channelId)?.get(String(original['id'])) ?? {})['edited_timestamp']);
    const preview = { ...original, content: text.replace('Senior Backend Engineer', 'Staff Backend Engineer'), edited_timestamp: sameEdit, embeds: [{ type: 'link', url: 'https://example.com/jobs/1', title: 'Example' }] };
    world.gateway.dispatch('MESSAGE_UPDATE', preview);
    await sleep(300);
    expect(world.rest.requests.filter((r) => r.method === 'PATCH')).toHaveLength(patchesBefore);

    update('never mind, wrong channel');
    await world.rest.waitFor((r) => r.method === 'DELETE' && r.path === `/channels/${world.channelId}/messages/${cardId}`);
  });

  it('an embed-only update (a feed or a link preview that carries the posting) gets a card', async () => {
    const { harness } = await start();
    const { world } = harness;
    const { text } = posting();
    const [title, ...rest] = text.split('\n');
    const original = world.message('https://example.com/jobs/12345');
    world.post(original);
    await sleep(200);
    const withEmbed = { ...original, embeds: [{ type: 'article', url: 'https://example.com/jobs/12345', title, description: rest.join('\n') }] };
    world.rest.addMessage(withEmbed);
    world.gateway.dispatch('MESSAGE_UPDATE', withEmbed);
    expect(cardText(await replyTo(world, world.channelId, String(original['id'])))).toMatch(/Backend Engineer/);
  });

  it('reads a forward (message_snapshots) as the forwarder’s paste', async () => {
    const { harness } = await start();
    const { world } = harness;
    const { text } = posting();
    const source = { channel_id: snowflake(), message_id: snowflake(), guild_id: world.guildId };
    const forward = world.message('', {
      message_reference: { type: 1, ...source },
      message_snapshots: [{ message: { type: 0, content: text, embeds: [], attachments: [], timestamp: new Date().toISOString(), edited_timestamp: null, flags: 0, mentions: [], mention_roles: [] } }],
    });
    world.post(forward);
    const card = await replyTo(world, world.channelId, String(forward['id']));
    expect(cardText(card)).toMatch(/Senior Backend Engineer/);
    expect(cardText(card)).toContain(String(world.member['id']));
  });

  it('an allowlisted bot or webhook gets a card; another bot gets silence, logged at debug with the reason', async () => {
    const feedBot = { id: snowflake(), username: 'jobfeed', discriminator: '0000', global_name: null, avatar: null, bot: true };
    const webhookId = snowflake();
    const { harness } = await start([String(feedBot['id']), webhookId]);
    const { world } = harness;
    const fromFeed = world.message(posting().text, { author: feedBot });
    world.post(fromFeed);
    expect(cardText(await replyTo(world, world.channelId, String(fromFeed['id'])))).toMatch(/Senior Backend Engineer/);
    const hook = world.message(posting().text, { webhook_id: webhookId, author: { id: webhookId, username: 'RSS', discriminator: '0000', avatar: null, bot: true } });
    delete hook['member'];
    world.post(hook);
    await replyTo(world, world.channelId, String(hook['id']));

    const otherBot = { id: snowflake(), username: 'spam', discriminator: '0000', global_name: null, avatar: null, bot: true };
    const fromOther = world.message(posting().text, { author: otherBot });
    world.post(fromOther);
    await sleep(300);
    expect(posts(world, world.channelId)).toHaveLength(2);
    const reasons = harness.log.lines.filter((l) => l.level === 'debug' && l.msg === 'ignored event').map((l) => (l.obj as { reason: string }).reason);
    expect(reasons).toContain(`bot or webhook ${String(otherBot['id'])} not on JOBCARD_READ_BOTS`);
  });
});
