import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDiscordBot, type DiscordBot } from '../../../adapters/discord/bot.js';
import { Desk } from '../../../src/desk/index.js';
import { analyzeText } from '../../../src/pipeline.js';
import { DEFAULT_RETENTION, openStore, type JobStore } from '../../../src/store/index.js';
import type { JsonObject, RecordedRequest } from '../../fakes/discord-rest.js';
import { startDiscordWorld, type DiscordWorld } from '../../fakes/discord-world.js';
import { capturingLogger, fixture, isMessagePost, pingsAllowed, sleep, type CapturingLogger } from './harness.js';

/**
 * 📄 after a real restart: the first bot process posts a card and exits, closing its SQLite
 * store; a second process opens the same file with empty discord.js caches and must still
 * answer a reaction on that card, in a guild channel and in a DM.
 */

const POSTING = fixture('short-posting.txt');
const LONG_POSTING = fixture('long-posting.txt');

interface BotProcess {
  bot: DiscordBot;
  log: CapturingLogger;
  stop(): Promise<void>;
}

let world: DiscordWorld | undefined;
let dir = '';
const running: BotProcess[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'jobcard-discord-restart-'));
});

afterEach(async () => {
  vi.restoreAllMocks();
  if (world) expect(pingsAllowed(world.rest.requests)).toEqual([]);
  for (const p of running.splice(0)) await p.stop();
  await world?.close();
  world = undefined;
  rmSync(dir, { recursive: true, force: true });
});

/** One bot process: its own store handle on the file, its own Desk and client. */
async function startProcess(w: DiscordWorld): Promise<BotProcess> {
  const store: JobStore = openStore(`sqlite://${join(dir, 'jobcard.sqlite')}`, DEFAULT_RETENTION);
  const log = capturingLogger();
  const bot = createDiscordBot({ desk: new Desk({ store }), token: w.token, apiUrl: w.rest.api, logger: log });
  await bot.start();
  let stopped = false;
  const proc: BotProcess = {
    bot,
    log,
    async stop(): Promise<void> {
      if (stopped) return;
      stopped = true;
      await bot.stop();
      await store.close();
    },
  };
  running.push(proc);
  return proc;
}

/** Share `message` in the first process and wait for the card; returns the card's id. */
async function shareAndWaitForCard(w: DiscordWorld, message: JsonObject): Promise<string> {
  const channelId = String(message['channel_id']);
  w.post(message);
  const hint = await w.rest.waitFor((r) => r.method === 'PUT' && r.path.startsWith(`/channels/${channelId}/messages/`) && r.path.includes('/reactions/'));
  return /messages\/(\d+)\/reactions/.exec(hint.path)?.[1] as string;
}

/** A world where a first process shares `message` and exits, then a second process on the same store file. */
async function shareThenRestart(message: (w: DiscordWorld) => JsonObject): Promise<{ w: DiscordWorld; shared: JsonObject; cardId: string; second: BotProcess }> {
  world = await startDiscordWorld({ onlyBotMember: true });
  const w = world;
  const first = await startProcess(w);
  const shared = message(w);
  const cardId = await shareAndWaitForCard(w, shared);
  await first.stop();
  return { w, shared, cardId, second: await startProcess(w) };
}

/** The full posting sent as a reply to a message (the card, also a reply to the original, carries an embed). */
const fullTextReplyTo = (channelId: string, messageId: string) => (r: RecordedRequest): boolean =>
  isMessagePost(channelId)(r) &&
  (r.body?.['message_reference'] as JsonObject | undefined)?.['message_id'] === messageId &&
  ((r.body?.['embeds'] as unknown[] | undefined) ?? []).length === 0;

describe('Discord bot, 📄 after a restart on the same store file', () => {
  it('replies with the full posting under a card it posted in a DM before the restart', async () => {
    const { w, cardId, second } = await shareThenRestart((x) => x.directMessage(POSTING));
    // A fresh process: it has never seen the DM channel, the card or the person.
    expect(second.bot.client.channels.cache.has(w.dmChannelId)).toBe(false);
    expect(second.bot.client.users.cache.has(String(w.member['id']))).toBe(false);
    const sentBefore = w.rest.requests.length;

    w.react(w.dmChannelId, cardId, '📄');
    const reply = await w.rest.waitFor(fullTextReplyTo(w.dmChannelId, cardId));
    expect(w.gateway.withheld).toEqual([]);
    const content = String(reply.body?.['content']);
    expect(content).toMatch(/Full posting/);
    expect(content).toMatch(/Northwind moves freight for 4,000 shippers/);
    expect(content).toMatch(/unable to sponsor/);
    expect(content.length).toBeLessThanOrEqual(2000);
    expect(reply.body?.['allowed_mentions']).toEqual({ parse: [], replied_user: false });
    const after = w.rest.requests.slice(sentBefore);
    // Threads do not exist in DMs: the bot never tried one.
    expect(after.some((r) => r.path.endsWith('/threads'))).toBe(false);
    expect(after.some((r) => r.method === 'GET' && r.path === `/channels/${w.dmChannelId}/messages/${cardId}`)).toBe(true);
    expect(second.log.lines.filter((l) => l.level === 'error')).toEqual([]);
  });

  it('attaches a long posting as a .md file in reply to the original DM after the restart', async () => {
    expect(analyzeText(LONG_POSTING).posting?.text.length).toBeGreaterThan(8000);
    const { w, shared } = await shareThenRestart((x) => x.messageTxt(LONG_POSTING, 'dm'));
    const originalId = String(shared['id']);
    w.react(w.dmChannelId, originalId, '📄');
    const reply = await w.rest.waitFor(fullTextReplyTo(w.dmChannelId, originalId));
    expect(reply.files).toHaveLength(1);
    expect(reply.files[0]?.name).toMatch(/\.md$/);
    const text = Buffer.from(reply.files[0]?.bytes ?? new Uint8Array()).toString('utf8');
    expect(text).toContain('Regional failover for the clinical record.');
    expect(text).toContain('Harbor Health will sponsor employment visas');
    expect(String(reply.body?.['content']).length).toBeLessThanOrEqual(2000);
  });

  it('answers once when the person wrote in the DM again after the restart (discord.js knows the channel then)', async () => {
    const { w, cardId, second } = await shareThenRestart((x) => x.directMessage(POSTING));
    w.post(w.directMessage('thanks!'));
    await vi.waitFor(() => expect(second.bot.client.channels.cache.has(w.dmChannelId)).toBe(true));
    const spy = vi.spyOn(Desk.prototype, 'handleReaction');
    w.react(w.dmChannelId, cardId, '📄');
    await w.rest.waitFor(fullTextReplyTo(w.dmChannelId, cardId));
    await sleep(300);
    // One path handled it (discord.js's event), not both it and the raw-packet fallback.
    expect(spy).toHaveBeenCalledTimes(1);
    expect(w.rest.calls().filter(fullTextReplyTo(w.dmChannelId, cardId))).toHaveLength(1);
  });

  it('fetches nothing for another emoji in an unknown DM', async () => {
    const { w, cardId, second } = await shareThenRestart((x) => x.directMessage(POSTING));
    const spy = vi.spyOn(Desk.prototype, 'handleReaction');
    const before = w.rest.calls().length;
    w.react(w.dmChannelId, cardId, '👍');
    await vi.waitFor(() => expect(spy).toHaveBeenCalledTimes(1));
    await Promise.all(spy.mock.results.map((r) => r.value));
    await sleep(200);
    expect(w.rest.calls().length).toBe(before);
    expect(second.bot.client.channels.cache.has(w.dmChannelId)).toBe(false);
  });

  it('opens a thread with the full posting on a guild card after the restart', async () => {
    const { w, cardId, second } = await shareThenRestart((x) => x.message(POSTING));
    expect(second.bot.client.channels.cache.get(w.channelId)?.isTextBased()).toBe(true);
    w.react(w.channelId, cardId, '📄');
    const post = await w.rest.waitFor(isMessagePost(cardId));
    expect(w.rest.requests.some((r) => r.method === 'POST' && r.path === `/channels/${w.channelId}/messages/${cardId}/threads`)).toBe(true);
    expect(String(post.body?.['content'])).toMatch(/Northwind moves freight for 4,000 shippers/);
  });
});
