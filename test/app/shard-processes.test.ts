import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDiscordWorld, type DiscordWorld } from '../fakes/discord-world.js';
import { testRedis } from '../fakes/stores.js';
import { isMessagePost } from '../adapters/discord/harness.js';
import { ensureBuilt, MAIN_JS } from './build.js';
import { seedText, SEED_003, tempStore, waitUntil, type TempDir } from './helpers.js';

/**
 * Issue 18, Discord sharding "a process per group of shards when asked", as an operator runs it:
 * two `worker` processes of the built app, DISCORD_SHARD_COUNT=2 and DISCORD_SHARDS 0 and 1, on
 * one Redis store, against the gateway stand-in. Each process opens only its shard and reports
 * only it in /healthz; a guild message (shard 1) and a DM (shard 0) each get exactly one card.
 */

interface Worker {
  proc: ChildProcess;
  lines: Array<Record<string, unknown>>;
}

const redis = await testRedis();

describe.skipIf(redis === undefined)('two worker processes, one group of Discord shards each, one Redis store', () => {
  let world: DiscordWorld;
  let tmp: TempDir;
  const workers: Worker[] = [];

  function runWorker(shards: string): Worker {
    const proc = spawn(process.execPath, [MAIN_JS, 'worker'], {
      cwd: tmp.dir,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: tmp.dir,
        PORT: '0',
        STORE_URL: redis!.url,
        DISCORD_TOKEN: world.token,
        DISCORD_APPLICATION_ID: world.applicationId,
        DISCORD_API_URL: world.rest.api,
        DISCORD_SHARD_COUNT: '2',
        DISCORD_SHARDS: shards,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const worker: Worker = { proc, lines: [] };
    let partial = '';
    proc.stdout?.on('data', (chunk: Buffer) => {
      const parts = (partial + chunk.toString('utf8')).split('\n');
      partial = parts.pop() ?? '';
      for (const l of parts) if (l.trim()) worker.lines.push(JSON.parse(l) as Record<string, unknown>);
    });
    workers.push(worker);
    return worker;
  }

  const running = (w: Worker): Promise<Record<string, unknown>> =>
    waitUntil(() => w.lines.find((l) => l['msg'] === 'jobcard running'), 'the "jobcard running" line', 30_000);

  beforeAll(async () => {
    ensureBuilt();
    tmp = tempStore();
    world = await startDiscordWorld({ shards: 2 });
  }, 120_000);

  afterAll(async () => {
    for (const w of workers) w.proc.kill('SIGKILL');
    await world?.close();
    redis?.close();
    tmp?.remove();
  });

  it('each process opens only its shard, /healthz lists it, and each message is carded once', async () => {
    const [zero, one] = [runWorker('0'), runWorker('1')];
    const ports = await Promise.all([zero, one].map(async (w) => Number((await running(w))['port'])));
    expect(world.gateway.shards().sort()).toEqual([[0, 2], [1, 2]]);

    const health = await Promise.all(ports.map(async (port) => (await fetch(`http://127.0.0.1:${port}/healthz`)).json() as Promise<{ discord: { shards: Array<{ id: number; status: string }> } }>));
    expect(health.map((h) => h.discord.shards.map((s) => [s.id, s.status]))).toEqual([[[0, 'ready']], [[1, 'ready']]]);

    const posting = seedText(SEED_003);
    world.post(world.message(posting));
    world.post(world.directMessage(posting));
    await world.rest.waitFor(isMessagePost(world.channelId));
    await world.rest.waitFor(isMessagePost(world.dmChannelId));
    // Long enough for a second card, had both processes taken a message.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(world.rest.calls().filter(isMessagePost(world.channelId))).toHaveLength(1);
    expect(world.rest.calls().filter(isMessagePost(world.dmChannelId))).toHaveLength(1);

    // The guild's events reach shard 1's process, the DM shard 0's: each handled its own.
    const handled = (w: Worker): number => w.lines.filter((l) => l['msg'] === 'event' && l['outcome'] === 'card').length;
    expect([handled(zero), handled(one)]).toEqual([1, 1]);
  }, 120_000);
});
