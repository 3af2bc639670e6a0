import { readFileSync } from 'node:fs';
import { createDiscordBot, type DiscordBot } from '../../../adapters/discord/bot.js';
import type { DiscordLogger } from '../../../adapters/discord/log.js';
import { Desk, type LinkReader } from '../../../src/desk/index.js';
import { MemoryStore } from '../../../src/store/memory.js';
import type { Store } from '../../../src/store/types.js';
import type { RecordedRequest } from '../../fakes/discord-rest.js';
import { startDiscordWorld, type DiscordWorld, type WorldOptions } from '../../fakes/discord-world.js';

export const fixture = (name: string): string =>
  readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
export const seed = (name: string): string =>
  readFileSync(new URL(`../../../fixtures/seeds/${name}`, import.meta.url), 'utf8');

/** A logger that keeps what it was told, to check "log once per channel". */
export interface CapturingLogger extends DiscordLogger {
  lines: Array<{ level: string; obj: object; msg: string }>;
}

export function capturingLogger(): CapturingLogger {
  const lines: CapturingLogger['lines'] = [];
  const at = (level: string) => (obj: object, msg: string): void => {
    lines.push({ level, obj, msg });
  };
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export interface Harness {
  world: DiscordWorld;
  desk: Desk;
  store: Store;
  bot: DiscordBot;
  log: CapturingLogger;
  /** Start another bot process on the same world and Desk (a restart: empty caches). */
  restart(): Promise<DiscordBot>;
  close(): Promise<void>;
}

export async function startHarness(opts: WorldOptions & { links?: LinkReader; store?: Store; readBots?: string[]; now?: () => Date } = {}): Promise<Harness> {
  const world = await startDiscordWorld(opts);
  const store = opts.store ?? new MemoryStore();
  const desk = new Desk({ store, ...(opts.links ? { links: opts.links } : {}), ...(opts.now ? { now: opts.now } : {}) });
  const log = capturingLogger();
  const bots: DiscordBot[] = [];
  const launch = async (): Promise<DiscordBot> => {
    const bot = createDiscordBot({ desk, token: world.token, apiUrl: world.rest.api, logger: log, ...(opts.readBots ? { readBots: opts.readBots } : {}) });
    bots.push(bot);
    await bot.start();
    return bot;
  };
  const bot = await launch();
  return {
    world,
    desk,
    store,
    bot,
    log,
    async restart(): Promise<DiscordBot> {
      await bots[bots.length - 1]?.stop();
      return launch();
    },
    async close(): Promise<void> {
      for (const b of bots) await b.stop();
      await world.close();
    },
  };
}

/** Requests that send something into Discord (messages, threads, reactions, interaction answers). */
export function outgoing(requests: readonly RecordedRequest[]): RecordedRequest[] {
  return requests.filter((r) => r.method !== 'GET');
}

export const isMessagePost = (channelId?: string) => (r: RecordedRequest): boolean =>
  r.method === 'POST' && (channelId ? r.path === `/channels/${channelId}/messages` : /^\/channels\/\d+\/messages$/.test(r.path));

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Requests that create or edit a message: channel messages, interaction replies and follow-ups. */
export function messageWrites(requests: readonly RecordedRequest[]): RecordedRequest[] {
  return requests.filter(
    (r) =>
      (r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path)) ||
      (r.method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(r.path) && r.body?.['type'] === 4) ||
      (r.method === 'POST' && /^\/webhooks\/\d+\/[^/]+$/.test(r.path)) ||
      (r.method === 'PATCH' && /^\/webhooks\//.test(r.path)),
  );
}

/** Every message the bot wrote carried allowed_mentions with nothing to parse. */
export function pingsAllowed(requests: readonly RecordedRequest[]): string[] {
  return messageWrites(requests)
    .filter((r) => {
      const body = (r.body?.['type'] === 4 ? r.body['data'] : r.body) as Record<string, unknown> | undefined;
      const allowed = body?.['allowed_mentions'] as { parse?: unknown[] } | undefined;
      return !allowed || !Array.isArray(allowed.parse) || allowed.parse.length > 0;
    })
    .map((r) => `${r.method} ${r.path}`);
}

/** The embed field with this name, from a message body. */
export function field(body: Record<string, unknown> | null, name: RegExp): string | undefined {
  const embeds = (body?.['embeds'] ?? []) as Array<{ fields?: Array<{ name: string; value: string }> }>;
  return embeds[0]?.fields?.find((f) => name.test(f.name))?.value;
}
