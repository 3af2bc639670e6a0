import { ChannelType, PermissionFlagsBits, type Channel, type Client } from 'discord.js';
import type { Desk } from '../../src/desk/desk.js';
import type { ChannelKind, Place } from '../../src/desk/types.js';
import type { HintQueue } from './hints.js';
import type { DiscordLogger, OncePerChannel } from './log.js';

/** What every listener and command gets: the Desk, the client, and the logs. */
export interface BotContext {
  desk: Desk;
  client: Client;
  log: DiscordLogger;
  /** Missing-permission warnings, once per channel. */
  permissionLog: OncePerChannel;
  /** The 📄 hints waiting for room in Discord's request budget. */
  hints: HintQueue;
  /** Event keys being handled in this process right now (see `once`). */
  inFlight: Set<string>;
  /** The work behind those keys, so stopping can let it finish. */
  work: Set<Promise<void>>;
  /** Set when the bot is stopping: new events are left alone. */
  stopping: boolean;
  /** JOBCARD_READ_BOTS: bot user ids and webhook ids whose postings get cards. */
  readBots: ReadonlySet<string>;
}

/**
 * Run `work` for an event only once: the in-process set stops a burst handled concurrently
 * here, and the Desk's claim stops a replay after a resume or a second bot process.
 */
export async function once(ctx: BotContext, key: string, work: () => Promise<void>): Promise<void> {
  if (ctx.stopping || ctx.inFlight.has(key)) return;
  ctx.inFlight.add(key);
  const run = (async () => {
    if (!(await ctx.desk.claimEvent('discord', key))) return;
    await work();
  })();
  ctx.work.add(run);
  try {
    await run;
  } finally {
    ctx.inFlight.delete(key);
    ctx.work.delete(run);
  }
}

/** Resolves once no event is being handled (or after `ms`, whichever comes first). */
export async function drained(ctx: BotContext, ms: number): Promise<void> {
  const deadline = new Promise((resolve) => setTimeout(resolve, ms).unref());
  const idle = (async () => {
    while (ctx.work.size > 0) await Promise.allSettled([...ctx.work]);
  })();
  await Promise.race([idle, deadline]);
}

/** Every message the bot sends pings nobody, including the author it replies to. */
export const NO_PINGS = { parse: [], repliedUser: false } as const satisfies { parse: []; repliedUser: boolean };

/** The reaction that asks for the full posting, as Discord sends it. */
export const FULL_TEXT_EMOJI = '📄';

/**
 * Where something happened, with who can read the channel (what the bot remembers from there
 * is told only to them): a DM with the bot ('dm'), a channel or thread every member of the
 * server can view ('public'), anything else ('private', also when the channel is unknown).
 */
export function placeOf(where: { guildId: string | null; channelId: string; channel?: Channel | null }): Place {
  return { platform: 'discord', team: where.guildId ?? 'dm', channel: where.channelId, kind: channelKind(where.channel ?? null, where.guildId) };
}

export function channelKind(channel: Channel | null, guildId: string | null): ChannelKind {
  if (!guildId) return channel?.type === ChannelType.GroupDM ? 'private' : 'dm';
  if (!channel || channel.isDMBased() || channel.partial) return 'private';
  if (channel.type === ChannelType.PrivateThread) return 'private';
  const base = channel.isThread() ? channel.parent : channel;
  if (!base || !('permissionsFor' in base)) return 'private';
  const everyone = base.guild.roles.everyone;
  return base.permissionsFor(everyone)?.has(PermissionFlagsBits.ViewChannel) ? 'public' : 'private';
}
