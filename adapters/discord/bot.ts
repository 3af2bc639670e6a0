import { Client, DiscordjsErrorCodes, Events, GatewayIntentBits, Options, Partials, Status, type ClientOptions } from 'discord.js';
import type { Desk } from '../../src/desk/desk.js';
import { discordAlertDelivery, discordDigestDelivery } from './alerts.js';
import { drained, NO_PINGS, type BotContext } from './context.js';
import { registerListeners } from './events/index.js';
import { HintQueue } from './hints.js';
import { describeError, OncePerChannel, silentLogger, type DiscordLogger } from './log.js';
import { errorMessage } from '../../src/errors.js';

/** How long stop() lets events already being handled finish. */
const DRAIN_TIMEOUT_MS = 10_000;

export interface DiscordBotOptions {
  desk: Desk;
  token: string;
  /** REST base URL (DISCORD_API_URL); discord.js also reads the gateway URL from `GET /gateway/bot` there. */
  apiUrl?: string;
  logger?: DiscordLogger;
  /** JOBCARD_READ_BOTS: bot user ids or webhook ids whose postings get cards (never the bot itself). */
  readBots?: readonly string[];
  /**
   * Which shards this process runs. Unset: every shard, as many as Discord recommends in
   * `GET /gateway/bot` (discord.js's 'auto'). With `shardCount` alone: all of that many shards;
   * with both: only the listed ids out of `shardCount` (one process per group of shards).
   */
  shards?: readonly number[];
  shardCount?: number;
}

/** One gateway session's state, as /healthz shows it. */
export interface ShardStatus {
  id: number;
  status: 'ready' | 'connecting' | 'disconnected';
  /** Last heartbeat round trip in ms; -1 before the first. */
  ping: number;
}

export interface DiscordBot {
  client: Client;
  /** Log in and wait for the guilds; rejects with a clear message when Discord refuses the bot. */
  start(): Promise<void>;
  stop(): Promise<void>;
  status(): { ready: boolean; ping: number; shards: ShardStatus[] };
}

/** MessageContent is privileged: without it, guild messages arrive with no text and no attachments. */
export const INTENTS = [
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.GuildMessageReactions,
  GatewayIntentBits.MessageContent,
  GatewayIntentBits.DirectMessages,
  // Without it Discord sends no reaction events from DMs at all: 📄 there would go unheard.
  GatewayIntentBits.DirectMessageReactions,
] as const;

/**
 * What discord.js may keep in memory. By default it keeps 200 messages in every channel it has
 * seen, every member and user who ever spoke, and each guild's emojis, stickers and voice states:
 * memory that grows with the size of the servers and the age of the process. jobcard needs none of
 * it to answer: an event carries its message, a 📄 on an uncached message arrives as a partial and
 * is fetched, and the posting itself is in the store. It does need its own member in each guild
 * (permission checks), so that one is always kept.
 */
export const CACHE: Pick<ClientOptions, 'makeCache' | 'sweepers'> = {
  makeCache: Options.cacheWithLimits({
    ...Options.DefaultMakeCacheSettings,
    // A few recent messages per channel, so a 📄 right after a card needs no fetch.
    MessageManager: 20,
    UserManager: { maxSize: 100, keepOverLimit: (user) => user.id === user.client.user.id },
    GuildMemberManager: { maxSize: 20, keepOverLimit: (member) => member.id === member.client.user.id },
    PresenceManager: 0,
    ReactionUserManager: 0,
    ThreadMemberManager: 0,
    GuildEmojiManager: 0,
    GuildStickerManager: 0,
    VoiceStateManager: 0,
    StageInstanceManager: 0,
    GuildScheduledEventManager: 0,
    GuildInviteManager: 0,
    GuildBanManager: 0,
    AutoModerationRuleManager: 0,
  }),
  sweepers: {
    ...Options.DefaultSweeperSettings,
    // A quiet channel's last messages go too: nothing is kept for long.
    messages: { interval: 300, lifetime: 900 },
  },
};

/** A start-up failure an operator can act on; the message says what to fix. */
export class DiscordStartError extends Error {
  override readonly name = 'DiscordStartError';
}

export function createDiscordBot(opts: DiscordBotOptions): DiscordBot {
  const log = opts.logger ?? silentLogger;
  const client = new Client({
    intents: [...INTENTS],
    // Reactions on messages from before a restart arrive only as partials; in a DM the person
    // reacting may be unknown too (no member object there), hence User.
    partials: [Partials.Message, Partials.Channel, Partials.Reaction, Partials.User],
    allowedMentions: NO_PINGS,
    ...CACHE,
    failIfNotExists: false,
    ...(opts.apiUrl ? { rest: { api: opts.apiUrl } } : {}),
    ...shardOptions(opts),
  });
  const permissionLog = new OncePerChannel(log);
  const hints = new HintQueue(client, log, permissionLog);
  const ctx: BotContext = {
    desk: opts.desk, client, log, permissionLog, hints, inFlight: new Set(), work: new Set(), stopping: false, readBots: new Set(opts.readBots ?? []),
  };
  registerListeners(client, ctx);
  // Alerts and digests (issue 19): visibility from the server's permissions, DMs, digests by channel id.
  opts.desk.alerts.connect('discord', discordAlertDelivery(ctx));
  opts.desk.digests.connect('discord', discordDigestDelivery(ctx));
  client.on(Events.Error, (err) => log.error({ err: describeError(err) }, 'Discord client error'));
  client.on(Events.Warn, (message) => log.warn({ message }, 'Discord client warning'));
  client.on(Events.ShardDisconnect, (event, shard) => log.warn({ code: event.code, shard }, 'Discord gateway closed for good'));
  let stopping = false;
  // discord.js reports its own shutdown as a reconnect; only a live bot's reconnects are news.
  client.on(Events.ShardReconnecting, (shard) => {
    if (!stopping) log.info({ shard }, 'Discord gateway reconnecting');
  });
  client.on(Events.ShardResume, (shard, replayed) => log.info({ shard, replayed }, 'Discord gateway resumed'));

  return {
    client,
    async start(): Promise<void> {
      const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
      try {
        await client.login(opts.token);
      } catch (err) {
        await client.destroy().catch(() => undefined);
        throw startError(err);
      }
      if (!client.isReady()) await ready;
      log.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'Discord bot ready');
    },
    async stop(): Promise<void> {
      // Stop taking events, let the replies in hand finish, then leave the gateway.
      stopping = true;
      ctx.stopping = true;
      await drained(ctx, DRAIN_TIMEOUT_MS);
      hints.stop();
      await client.destroy();
    },
    status: () => ({ ready: client.isReady(), ping: client.ws.ping, shards: shardStates(client) }),
  };
}

/**
 * discord.js's own sharding: 'auto' asks Discord for the count; a fixed count or list comes from
 * the operator (DISCORD_SHARD_COUNT, DISCORD_SHARDS). All shards of a process share one Desk.
 */
export function shardOptions(opts: Pick<DiscordBotOptions, 'shards' | 'shardCount'>): Pick<ClientOptions, 'shards' | 'shardCount'> {
  if (opts.shards?.length) return { shards: [...opts.shards], shardCount: opts.shardCount ?? Math.max(...opts.shards) + 1 };
  if (opts.shardCount) return { shards: Array.from({ length: opts.shardCount }, (_, i) => i), shardCount: opts.shardCount };
  return { shards: 'auto' };
}

/** discord.js's nine shard states, folded into the three an operator acts on. */
const SHARD_STATE: Record<number, ShardStatus['status']> = {
  [Status.Ready]: 'ready',
  [Status.Connecting]: 'connecting',
  [Status.Reconnecting]: 'connecting',
  [Status.Nearly]: 'connecting',
  [Status.WaitingForGuilds]: 'connecting',
  [Status.Identifying]: 'connecting',
  [Status.Resuming]: 'connecting',
  [Status.Idle]: 'disconnected',
  [Status.Disconnected]: 'disconnected',
};

function shardStates(client: Client): ShardStatus[] {
  return [...client.ws.shards.values()]
    .map((shard) => ({ id: shard.id, status: SHARD_STATE[shard.status] ?? 'disconnected', ping: shard.ping }))
    .sort((a, b) => a.id - b.id);
}

/** Turn discord.js's start-up failures into one line saying what to do. */
export function startError(err: unknown): DiscordStartError {
  const code = (err as { code?: unknown } | null)?.code;
  const message = errorMessage(err);
  if (code === DiscordjsErrorCodes.TokenMissing) {
    return new DiscordStartError('DISCORD_TOKEN is empty: copy the bot token from the Developer Portal (Bot → Reset Token).');
  }
  if (code === DiscordjsErrorCodes.TokenInvalid || /authentication failed/i.test(message)) {
    return new DiscordStartError(
      'Discord rejected DISCORD_TOKEN (401): it is wrong or was reset. Copy a new one from the Developer Portal (Bot → Reset Token).',
    );
  }
  if (/disallowed intents/i.test(message)) {
    return new DiscordStartError(
      'Discord refused the Message Content intent: enable it in the Developer Portal (Bot → Privileged Gateway Intents → Message Content Intent).',
    );
  }
  return new DiscordStartError(`Could not connect to Discord: ${message}`);
}
