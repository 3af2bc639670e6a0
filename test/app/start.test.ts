import { afterEach, describe, expect, it } from 'vitest';
import { startJobcard, type Health, type Running } from '../../app/start.js';
import { loadConfig, type Config } from '../../src/config.js';
import { openStore } from '../../src/store/index.js';
import { startDiscordWorld, type DiscordWorld } from '../fakes/discord-world.js';
import { SlackApiStandIn } from '../fakes/slack-api.js';
import { SlackSocketStandIn } from '../fakes/slack-socket.js';
import { messageEvent, SlackSender, slackEscape } from '../fakes/slack-sign.js';
import { capturingLogger, closedPort, holdingProxy, SEED_003, seedText, tempStore, waitUntil, type HoldingProxy, type TempDir } from './helpers.js';

const SIGNING_SECRET = 'e3b0c44298fc1c149afbf4c8996fb924';
const POSTING = seedText(SEED_003);
const DAY = 24 * 60 * 60 * 1000;

/** Everything a test started, closed in reverse whatever happens. */
const cleanups: Array<() => Promise<unknown> | unknown> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

function configOf(env: Record<string, string>): Config {
  // One core thread, not warmed (but in the warm-up's own test): each test starts a whole
  // jobcard, and a worker's start is most of that on a busy machine.
  return loadConfig({ PORT: '0', LOG_LEVEL: 'info', JOBCARD_CORE_THREADS: '1', JOBCARD_WARM_UP: '0', ...env });
}

async function start(env: Record<string, string>): Promise<{ running: Running; logs: ReturnType<typeof capturingLogger> }> {
  const logs = capturingLogger();
  const running = await startJobcard(configOf(env), logs.log);
  cleanups.push(() => running.stop());
  return { running, logs };
}

async function slackStandIn(): Promise<SlackApiStandIn> {
  const api = await SlackApiStandIn.start();
  cleanups.push(() => api.close());
  return api;
}

async function discordWorld(): Promise<DiscordWorld> {
  const world = await startDiscordWorld();
  cleanups.push(() => world.close());
  return world;
}

function store(): TempDir {
  const tmp = tempStore();
  cleanups.push(() => tmp.remove());
  return tmp;
}

const slackEnv = (api: SlackApiStandIn): Record<string, string> => ({
  SLACK_BOT_TOKEN: api.botToken,
  SLACK_SIGNING_SECRET: SIGNING_SECRET,
  SLACK_API_URL: api.apiUrl,
});

const discordEnv = (world: DiscordWorld): Record<string, string> => ({
  DISCORD_TOKEN: world.token,
  DISCORD_APPLICATION_ID: world.applicationId,
  DISCORD_API_URL: world.rest.api,
});

async function healthz(port: number | null): Promise<{ status: number; body: Health }> {
  const res = await fetch(`http://127.0.0.1:${port}/healthz`);
  return { status: res.status, body: (await res.json()) as Health };
}

const isDiscordCard = (channelId: string) => (r: { method: string; path: string; body: Record<string, unknown> | null }): boolean =>
  r.method === 'POST' && r.path === `/channels/${channelId}/messages` && Array.isArray(r.body?.['embeds']);

describe('startJobcard with no credentials: the playground', () => {
  it('serves the page, answers a paste with a card, and reports health 200 with the store reachable', async () => {
    const tmp = store();
    const { running } = await start({ STORE_URL: tmp.sqliteUrl });
    expect(running.parts).toEqual(['playground']);
    expect(running.port).toBeGreaterThan(0);
    const base = `http://127.0.0.1:${running.port}`;

    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toMatch(/<html/i);

    const share = async (): Promise<Record<string, unknown>> => {
      const res = await fetch(`${base}/api/share`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: POSTING }) });
      expect(res.status).toBe(200);
      return (await res.json()) as Record<string, unknown>;
    };
    const first = await share();
    expect(first['kind']).toBe('card');
    expect(first['sharedBefore']).toBe(false);
    // The same store as the bots: a second paste is recognised.
    expect((await share())['sharedBefore']).toBe(true);

    const health = await healthz(running.port);
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ ok: true, playground: true, store: { reachable: true } });
  });

  it('never writes a store URL password to health', async () => {
    const port = await closedPort();
    const { running } = await start({ STORE_URL: `redis://jobcard:s3cr3t-pw@127.0.0.1:${port}` });
    const raw = await (await fetch(`http://127.0.0.1:${running.port}/healthz`)).text();
    expect(raw).not.toContain('s3cr3t-pw');
  });
});

describe('startJobcard with Slack credentials (HTTP mode)', () => {
  it('serves /healthz on the Slack port: slack up, store reachable, 200; and answers a paste', async () => {
    const api = await slackStandIn();
    const tmp = store();
    const { running, logs } = await start({ ...slackEnv(api), STORE_URL: tmp.sqliteUrl });
    expect(running.parts).toEqual(['slack-http']);

    const health = await healthz(running.port);
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ ok: true, slack: { mode: 'http', up: true }, store: { reachable: true } });
    expect(health.body.discord).toBeUndefined();

    const sender = new SlackSender(`http://127.0.0.1:${running.port}`, SIGNING_SECRET);
    const res = await sender.event(messageEvent({ text: slackEscape(POSTING) }));
    expect(res.status).toBe(200);
    const card = await api.waitFor(() => api.posted[0]);
    expect(card.text.length).toBeGreaterThan(0);
    const event = await waitUntil(() => logs.records.find((r) => r.msg === 'event'), 'the event log line');
    expect(event).toMatchObject({ platform: 'slack', kind: 'paste', outcome: 'card' });
    expect(typeof event['latencyMs']).toBe('number');
  });

  it('warms the core up after start, answering a paste that arrives meanwhile', async () => {
    const api = await slackStandIn();
    const tmp = store();
    const logs = capturingLogger('debug');
    const running = await startJobcard(configOf({ ...slackEnv(api), STORE_URL: tmp.sqliteUrl, LOG_LEVEL: 'debug', JOBCARD_WARM_UP: '1' }), logs.log);
    cleanups.push(() => running.stop());
    const sender = new SlackSender(`http://127.0.0.1:${running.port}`, SIGNING_SECRET);
    expect((await sender.event(messageEvent({ text: slackEscape(POSTING) }))).status).toBe(200);
    await api.waitFor(() => api.posted[0], 30_000);
    const warmed = await waitUntil(() => logs.records.find((r) => r.msg === 'core warmed up'), 'the warm-up log line', 30_000);
    expect(warmed['texts']).toBeGreaterThan(0);
    // Nothing the warm-up does is stored or sent: the store holds the one real share only.
    const memory = openStore(tmp.sqliteUrl, { postingMs: DAY, messageMs: DAY, eventMs: DAY });
    cleanups.push(() => memory.close());
    expect(await memory.recent({ platform: 'slack', team: 'T0TEAM01', channel: 'C0JOBS001', user: 'U0ALICE01', kind: 'public' }, 50)).toHaveLength(1);
    expect(api.posted).toHaveLength(1);
  }, 60_000);

  it('reports 503 when the store is unreachable, and still answers a paste with a card', async () => {
    const api = await slackStandIn();
    const port = await closedPort();
    const { running } = await start({ ...slackEnv(api), STORE_URL: `redis://127.0.0.1:${port}` });

    const health = await healthz(running.port);
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ ok: false, slack: { up: true }, store: { reachable: false } });

    const sender = new SlackSender(`http://127.0.0.1:${running.port}`, SIGNING_SECRET);
    await sender.event(messageEvent({ text: slackEscape(POSTING) }));
    const card = await api.waitFor(() => api.posted[0], 15_000);
    expect(card.blocks.length).toBeGreaterThan(0);
  }, 30_000);

  it('stop() lets a reply in flight finish (health 503 meanwhile), then closes the store', async () => {
    const api = await slackStandIn();
    // Hold chat.postMessage: the card is in flight when stop() is called.
    const proxy: HoldingProxy = await holdingProxy(api.url, /^\/api\/chat\.postMessage/);
    cleanups.push(() => proxy.close());
    const tmp = store();
    const logs = capturingLogger();
    const running = await startJobcard(configOf({ ...slackEnv(api), SLACK_API_URL: `${proxy.url}/api/`, STORE_URL: tmp.sqliteUrl }), logs.log);
    let stopped = false;
    cleanups.push(async () => {
      if (!stopped) await running.stop();
    });

    const sender = new SlackSender(`http://127.0.0.1:${running.port}`, SIGNING_SECRET);
    const original = messageEvent({ text: slackEscape(POSTING) });
    await sender.event(original);
    await waitUntil(() => proxy.held.length > 0, 'the card to be in flight');

    const stopping = running.stop().then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(stopped).toBe(false);
    expect(api.posted).toHaveLength(0);
    // While it drains, health turns 503 so a load balancer sends nothing new.
    const draining = await healthz(running.port);
    expect(draining.status).toBe(503);
    expect(draining.body).toMatchObject({ ok: false, stopping: true });

    proxy.release();
    await stopping;
    expect(api.posted).toHaveLength(1);
    const card = api.posted[0]!;
    // The store is closed once stop() resolves...
    expect((await running.health()).store.reachable).toBe(false);
    // ...and what the reply wrote before it closed is on disk: the card maps back to the posting.
    const reopened = openStore(tmp.sqliteUrl, { postingMs: DAY, messageMs: DAY, eventMs: DAY });
    try {
      const fromCard = await reopened.postingIdForMessage('slack', card.channel, card.ts);
      const fromOriginal = await reopened.postingIdForMessage('slack', card.channel, String(original['ts']));
      expect(fromCard).toBeDefined();
      expect(fromCard).toBe(fromOriginal);
    } finally {
      await reopened.close();
    }
    expect(logs.records.find((r) => r.msg === 'event')).toMatchObject({ outcome: 'card' });
  }, 30_000);
});

describe('startJobcard with Discord credentials', () => {
  it('serves /healthz on PORT with the gateway ready and its ping, and answers a paste', async () => {
    const world = await discordWorld();
    const tmp = store();
    const { running } = await start({ ...discordEnv(world), STORE_URL: tmp.sqliteUrl });
    expect(running.parts).toEqual(['discord']);

    const health = await healthz(running.port);
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ ok: true, discord: { ready: true }, store: { reachable: true } });
    expect(typeof health.body.discord?.ping).toBe('number');
    expect(health.body.slack).toBeUndefined();

    world.post(world.message(POSTING));
    const card = await world.rest.waitFor(isDiscordCard(world.channelId));
    expect((card.body?.['embeds'] as unknown[]).length).toBe(1);
  });
});

describe('startJobcard with Slack and Discord in one process', () => {
  it('runs both on one store: health shows both, a paste on each gets a card; Discord is never told of the Slack share, a second Discord paste is', async () => {
    const api = await slackStandIn();
    const world = await discordWorld();
    const tmp = store();
    const { running, logs } = await start({ ...slackEnv(api), ...discordEnv(world), STORE_URL: tmp.sqliteUrl });
    expect([...running.parts].sort()).toEqual(['discord', 'slack-http']);

    const health = await healthz(running.port);
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ ok: true, slack: { mode: 'http', up: true }, discord: { ready: true }, store: { reachable: true } });

    const sender = new SlackSender(`http://127.0.0.1:${running.port}`, SIGNING_SECRET);
    await sender.event(messageEvent({ text: slackEscape(POSTING) }));
    await api.waitFor(() => api.posted[0]);

    world.post(world.message(POSTING));
    const card = await world.rest.waitFor(isDiscordCard(world.channelId));
    // A Slack workspace's share is not the Discord server's to know of (README, "Who is told what").
    expect(JSON.stringify(card.body)).not.toMatch(/shared before/i);
    world.post(world.message(POSTING));
    const again = await waitUntil(() => world.rest.requests.filter(isDiscordCard(world.channelId))[1], 'the second Discord card');
    // One Desk, one store: the second paste in the same server is told of the first.
    expect(JSON.stringify(again.body)).toMatch(/shared before/i);

    const events = await waitUntil(() => {
      const lines = logs.records.filter((r) => r.msg === 'event');
      return lines.length >= 3 ? lines : undefined;
    }, 'three event lines');
    expect(events.map((e) => e['platform']).sort()).toEqual(['discord', 'discord', 'slack']);

    // Stopping takes both down.
    await running.stop();
    await waitUntil(() => world.gateway.connections() === 0, 'the gateway connection to close');
    await expect(fetch(`http://127.0.0.1:${running.port}/healthz`)).rejects.toThrow();
  }, 30_000);
});

describe('startJobcard with Slack Socket Mode and Discord (the worker)', () => {
  it('connects both, serves /healthz on PORT and answers a paste arriving over the socket', async () => {
    const api = await SlackApiStandIn.start({ appToken: 'xapp-1-A0APP0001-stand-in' });
    cleanups.push(() => api.close());
    const socket = await SlackSocketStandIn.start();
    cleanups.push(() => socket.close());
    api.socketUrl = socket.url;
    const world = await discordWorld();
    const tmp = store();
    const { running } = await start({
      SLACK_BOT_TOKEN: api.botToken, SLACK_APP_TOKEN: api.appToken, SLACK_API_URL: api.apiUrl, ...discordEnv(world), STORE_URL: tmp.sqliteUrl,
    });
    expect([...running.parts].sort()).toEqual(['discord', 'slack-socket']);

    const health = await healthz(running.port);
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ ok: true, slack: { mode: 'socket', up: true }, discord: { ready: true }, store: { reachable: true } });

    socket.send('events_api', { type: 'event_callback', team_id: 'T0TEAM01', event_id: 'Ev0SOCKET01', event: messageEvent({ text: slackEscape(POSTING) }) });
    const card = await api.waitFor(() => api.posted[0]);
    expect(card.blocks.length).toBeGreaterThan(0);
  }, 30_000);
});

describe('startJobcard stopping with a Discord reply in flight', () => {
  // Known gap, reported to the lead: DiscordBot.stop() (adapters/discord/bot.ts) destroys the
  // client at once instead of waiting for replies in flight, as the Slack app's stop() does.
  // Turn this back into it() when it drains.
  it('lets the card being posted finish before closing the store', async () => {
    const world = await discordWorld();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let held = 0;
    // Hold the card's POST: it is in flight when stop() is called.
    world.rest.override('POST', /^\/channels\/\d+\/messages$/, async () => {
      held += 1;
      await gate;
      return null;
    });
    cleanups.push(() => release());
    const tmp = store();
    const logs = capturingLogger();
    const running = await startJobcard(configOf({ ...discordEnv(world), STORE_URL: tmp.sqliteUrl }), logs.log);
    cleanups.push(() => running.stop());

    const original = world.message(POSTING);
    world.post(original);
    await waitUntil(() => held > 0, 'the card to be in flight');
    let stopped = false;
    const stopping = running.stop().then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(logs.records.find((r) => r.msg === 'event')).toMatchObject({ platform: 'discord', outcome: 'card' });
    const reopened = openStore(tmp.sqliteUrl, { postingMs: DAY, messageMs: DAY, eventMs: DAY });
    try {
      expect(await reopened.postingIdForMessage('discord', world.channelId, String(original['id']))).toBeDefined();
    } finally {
      await reopened.close();
    }
  }, 30_000);
});
