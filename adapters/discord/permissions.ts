import { ChannelType, DiscordAPIError, PermissionFlagsBits, RESTJSONErrorCodes, type Client, type TextBasedChannel } from 'discord.js';

/** What the bot may do in a channel, from the permissions the gateway told it about. */
export interface ChannelAbilities {
  send: boolean;
  embed: boolean;
  attach: boolean;
  /** Reply with a message reference: Discord asks for Read Message History. */
  reply: boolean;
  react: boolean;
  /** Start a public thread on a message and post in it. */
  thread: boolean;
}

const EVERYTHING: ChannelAbilities = { send: true, embed: true, attach: true, reply: true, react: true, thread: false };

/**
 * Abilities in a channel. DMs allow everything but threads; a guild channel whose
 * permissions are not computable from the cache is assumed open, and the send paths
 * fall back when Discord answers Missing Permissions.
 */
export function abilitiesIn(channel: TextBasedChannel, client: Client): ChannelAbilities {
  if (!('guild' in channel) || !client.user) return EVERYTHING;
  const perms = channel.permissionsFor(client.user);
  const isThread = channel.isThread();
  const threadable = !isThread && (channel.type === ChannelType.GuildText || channel.type === ChannelType.GuildAnnouncement);
  if (!perms) return { ...EVERYTHING, thread: threadable };
  const has = (bit: bigint): boolean => perms.has(bit, true);
  const canView = has(PermissionFlagsBits.ViewChannel);
  const send = canView && has(isThread ? PermissionFlagsBits.SendMessagesInThreads : PermissionFlagsBits.SendMessages);
  const history = has(PermissionFlagsBits.ReadMessageHistory);
  return {
    send,
    embed: send && has(PermissionFlagsBits.EmbedLinks),
    attach: send && has(PermissionFlagsBits.AttachFiles),
    reply: send && history,
    react: canView && history && has(PermissionFlagsBits.AddReactions),
    thread:
      threadable &&
      canView &&
      has(PermissionFlagsBits.CreatePublicThreads) &&
      has(PermissionFlagsBits.SendMessagesInThreads),
  };
}

/** Discord said the bot lacks a permission or access: fall back instead of failing. */
export function isPermissionError(err: unknown): boolean {
  return (
    err instanceof DiscordAPIError &&
    (err.code === RESTJSONErrorCodes.MissingPermissions || err.code === RESTJSONErrorCodes.MissingAccess)
  );
}

export function isDiscordError(err: unknown, code: number): boolean {
  return err instanceof DiscordAPIError && err.code === code;
}
