import { afterEach, describe, expect, it } from 'vitest';
import { startJobcard } from '../../app/start.js';
import { loadConfig } from '../../src/config.js';
import { openStore, DEFAULT_RETENTION } from '../../src/store/index.js';
import type { JsonObject, RecordedRequest } from '../fakes/discord-rest.js';
import { PERM, snowflake, startDiscordWorld } from '../fakes/discord-world.js';
import { capturingLogger, SEED_003, seedText, tempStore, waitUntil } from './helpers.js';

/**
 * The digest timer of a started jobcard (app/start.ts), with nothing calling runDue by hand:
 * the real discord.js client against the stand-ins, memory in a SQLite file, the app's clock
 * moved to the digest's time and its tick made short.
 */
const cleanups: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

const jd = (text: string): JsonObject => ({ id: snowflake(), name: 'jd', type: 1, options: [{ name: 'text', type: 3, value: text }] });
const followUp = (token: string) => (r: RecordedRequest): boolean => r.method === 'POST' && r.path.endsWith(`/${token}`);
const embedTitle = (r: RecordedRequest): string => String((r.body?.['embeds'] as Array<{ title?: string }> | undefined)?.[0]?.title ?? '');
const isDigest = (channel: string) => (r: RecordedRequest): boolean =>
  r.method === 'POST' && r.path === `/channels/${channel}/messages` && embedTitle(r).startsWith('Job postings digest');

describe('the digest timer of a started app', () => {
  it('posts a due digest by itself, once, and not again on the following ticks', async () => {
    const world = await startDiscordWorld();
    cleanups.push(() => world.close());
    const tmp = tempStore();
    cleanups.push(() => tmp.remove());
    let clock = new Date('2026-12-07T09:00:00.000Z');
    let reads = 0;
    const now = (): Date => {
      reads += 1;
      return clock;
    };
    const config = loadConfig({
      PORT: '0', LOG_LEVEL: 'info', JOBCARD_CORE_THREADS: '1', JOBCARD_WARM_UP: '0', STORE_URL: tmp.sqliteUrl,
      DISCORD_TOKEN: world.token, DISCORD_APPLICATION_ID: world.applicationId, DISCORD_API_URL: world.rest.api,
    });
    const running = await startJobcard(config, capturingLogger().log, { now, digestTickMs: 40 });
    cleanups.push(() => running.stop());

    const { token } = world.interact(jd('digest weekly'), PERM.ManageChannels);
    const note = await world.rest.waitFor(followUp(token));
    expect(String(note.body?.['content'])).toMatch(/weekly digest.*2026-12-14 09:00 UTC/);
    clock = new Date('2026-12-09T15:00:00.000Z');
    world.post(world.message(seedText(SEED_003)));
    await world.rest.waitFor((r) => r.method === 'POST' && r.path === `/channels/${world.channelId}/messages` && Array.isArray(r.body?.['embeds']) && !isDigest(world.channelId)(r));
    // Ticks before the digest's time post nothing.
    const before = reads;
    await waitUntil(() => reads >= before + 3, 'three ticks before the digest is due');
    expect(world.rest.requests.filter(isDigest(world.channelId))).toHaveLength(0);

    clock = new Date('2026-12-14T09:00:05.000Z');
    const digest = await world.rest.waitFor(isDigest(world.channelId), 20_000);
    expect(embedTitle(digest)).toBe('Job postings digest: 1 shared here this week');
    // Its next time is a week on, in the store (a second connection to the same file reads it).
    const reader = openStore(tmp.sqliteUrl, DEFAULT_RETENTION);
    cleanups.push(() => reader.close());
    for (let tries = 0; (await reader.alerts.digestOf('discord', world.channelId))?.nextAt !== '2026-12-21T09:00:00.000Z'; tries++) {
      if (tries > 500) throw new Error('the digest did not move on a week');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const after = reads;
    await waitUntil(() => reads >= after + 5, 'five more ticks');
    expect(world.rest.requests.filter(isDigest(world.channelId))).toHaveLength(1);
  }, 60_000);
});
