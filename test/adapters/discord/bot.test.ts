import { GatewayIntentBits } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createDiscordBot, DiscordStartError } from '../../../adapters/discord/bot.js';
import { Desk } from '../../../src/desk/index.js';
import { MemoryStore } from '../../../src/store/memory.js';
import { startDiscordWorld, type DiscordWorld } from '../../fakes/discord-world.js';
import { fixture, isMessagePost, startHarness, type Harness } from './harness.js';

let h: Harness | undefined;
let world: DiscordWorld | undefined;
afterEach(async () => {
  await h?.close();
  await world?.close();
  h = undefined;
  world = undefined;
});

describe('Discord bot, connection', () => {
  it('connects through the REST base URL, identifies with the six intents and reports ready', async () => {
    h = await startHarness();
    const identify = h.world.gateway.received.find((f) => f.op === 2)?.d as { intents: number; token: string };
    const expected =
      GatewayIntentBits.Guilds | GatewayIntentBits.GuildMessages | GatewayIntentBits.GuildMessageReactions |
      GatewayIntentBits.MessageContent | GatewayIntentBits.DirectMessages | GatewayIntentBits.DirectMessageReactions;
    expect(identify.intents).toBe(expected);
    expect(h.world.rest.requests[0]?.path).toBe('/gateway/bot');
    expect(h.bot.status().ready).toBe(true);
    // Discord recommended one shard (GET /gateway/bot): discord.js's 'auto' runs exactly that.
    expect(h.bot.status().shards).toEqual([{ id: 0, status: 'ready', ping: expect.any(Number) }]);
    expect((identify as unknown as { shard: number[] }).shard).toEqual([0, 1]);
    await h.bot.stop();
    expect(h.bot.status().ready).toBe(false);
  });

  it('refuses to start with a clear message when the token is wrong', async () => {
    world = await startDiscordWorld();
    const bot = createDiscordBot({ desk: new Desk({ store: new MemoryStore() }), token: 'not-the-token', apiUrl: world.rest.api });
    const started = bot.start();
    await expect(started).rejects.toBeInstanceOf(DiscordStartError);
    await expect(started).rejects.toThrow(/DISCORD_TOKEN/);
    await expect(started).rejects.not.toThrow(/not-the-token/);
  });

  it('says how to enable the Message Content intent when Discord refuses it', async () => {
    world = await startDiscordWorld({ refuseIdentify: 4014 });
    const bot = createDiscordBot({ desk: new Desk({ store: new MemoryStore() }), token: world.token, apiUrl: world.rest.api });
    await expect(bot.start()).rejects.toThrow(/Message Content Intent/);
  });

  it('resumes after the gateway drops the connection and keeps answering', async () => {
    h = await startHarness();
    await h.world.gateway.dropConnection(4000);
    await h.world.gateway.waitForSession();
    expect(h.world.gateway.received.some((f) => f.op === 6)).toBe(true);
    h.world.post(h.world.message(fixture('short-posting.txt')));
    await h.world.rest.waitFor(isMessagePost(h.world.channelId));
  });
});

describe('Discord bot, sharding', () => {
  it('runs the two shards Discord recommends, reports each in health, and answers a message on each shard once', async () => {
    h = await startHarness({ shards: 2 });
    const identified = h.world.gateway.received.filter((f) => f.op === 2).map((f) => (f.d as { shard: number[] }).shard);
    expect(identified.sort()).toEqual([[0, 2], [1, 2]]);
    expect(h.world.gateway.shards().sort()).toEqual([[0, 2], [1, 2]]);
    expect(h.bot.status()).toMatchObject({
      ready: true,
      shards: [{ id: 0, status: 'ready', ping: expect.any(Number) }, { id: 1, status: 'ready', ping: expect.any(Number) }],
    });
    // The guild lives on shard 1; the DM comes through shard 0, as Discord routes them. One Desk serves both.
    expect(h.bot.client.guilds.cache.get(h.world.guildId)?.shardId).toBe(1);
    h.world.post(h.world.message(fixture('short-posting.txt')));
    h.world.post(h.world.directMessage(fixture('short-posting.txt')));
    await h.world.rest.waitFor(isMessagePost(h.world.channelId));
    await h.world.rest.waitFor(isMessagePost(h.world.dmChannelId));
    expect(h.world.rest.calls().filter(isMessagePost(h.world.channelId))).toHaveLength(1);
    expect(h.world.rest.calls().filter(isMessagePost(h.world.dmChannelId))).toHaveLength(1);
    await h.bot.stop();
    expect(h.bot.status().shards.map((s) => s.status)).not.toContain('ready');
  });
});

describe('Discord bot, a group of shards per process', () => {
  it('two bots given DISCORD_SHARDS 0 and 1 of 2 each run their own shard and share one Desk', async () => {
    world = await startDiscordWorld({ shards: 2 });
    const desk = new Desk({ store: new MemoryStore() });
    const bots = [0, 1].map((id) => createDiscordBot({ desk, token: world!.token, apiUrl: world!.rest.api, shards: [id], shardCount: 2 }));
    try {
      await Promise.all(bots.map((b) => b.start()));
      expect(world.gateway.shards().sort()).toEqual([[0, 2], [1, 2]]);
      expect(bots.map((b) => b.status().shards.map((s) => [s.id, s.status]))).toEqual([[[0, 'ready']], [[1, 'ready']]]);
      world.post(world.message(fixture('short-posting.txt')));
      world.post(world.directMessage(fixture('short-posting.txt')));
      await world.rest.waitFor(isMessagePost(world.channelId));
      await world.rest.waitFor(isMessagePost(world.dmChannelId));
      expect(world.rest.calls().filter(isMessagePost(world.channelId))).toHaveLength(1);
      expect(world.rest.calls().filter(isMessagePost(world.dmChannelId))).toHaveLength(1);
    } finally {
      await Promise.all(bots.map((b) => b.stop()));
    }
  });
});
