import { startDiscordGateway, type DiscordGateway } from './discord-gateway.js';
import { messageObject, type JsonObject } from './discord-message.js';
import { startDiscordRest, type DiscordRest } from './discord-rest.js';

/**
 * A small Discord server for end-to-end tests: one guild, a #jobs text channel, a member who
 * posts, the bot's user and role, a REST stand-in and a gateway stand-in wired together.
 * Payload builders produce what the real gateway sends (snowflake ids, full message objects).
 */

const DISCORD_EPOCH = 1_420_070_400_000n;
let increment = 0n;

/** A snowflake for "now": discord.js reads creation times out of ids. */
export function snowflake(): string {
  increment = (increment + 1n) & 0xfffn;
  return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | (1n << 17n) | increment).toString();
}

/** A snowflake for a guild whose events Discord sends to this shard ((id >> 22) % count). */
function guildOnShard(shard: number, count: number): string {
  const id = BigInt(snowflake());
  const timestamp = id >> 22n;
  const moved = timestamp - (timestamp % BigInt(count)) + BigInt(shard);
  return ((moved << 22n) | (id & 0x3fffffn)).toString();
}

/** Permission bits the tests use (Discord's values). */
export const PERM = {
  ManageChannels: 1n << 4n,
  AddReactions: 1n << 6n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  EmbedLinks: 1n << 14n,
  AttachFiles: 1n << 15n,
  ManageMessages: 1n << 13n,
  ReadMessageHistory: 1n << 16n,
  UseApplicationCommands: 1n << 31n,
  CreatePublicThreads: 1n << 35n,
  SendMessagesInThreads: 1n << 38n,
} as const;

export const BOT_PERMISSIONS =
  PERM.ViewChannel | PERM.SendMessages | PERM.SendMessagesInThreads | PERM.CreatePublicThreads |
  PERM.EmbedLinks | PERM.AttachFiles | PERM.ReadMessageHistory | PERM.AddReactions;

export interface WorldOptions {
  /** Permissions the bot's role grants in the guild (default: exactly the invite's). */
  botPermissions?: bigint;
  /** Denied to the bot's role in #jobs by a channel overwrite. */
  deniedInChannel?: bigint;
  /** Gateway close code on IDENTIFY (4014: the Message Content intent is not enabled). */
  refuseIdentify?: number;
  /**
   * GUILD_CREATE lists only the bot's own member, as Discord does for a bot without the
   * Server Members and Presence intents: the client then knows no other user until an event names them.
   */
  onlyBotMember?: boolean;
  /**
   * The shard count GET /gateway/bot recommends (default 1). With more, the guild is placed on
   * the last shard, so its events and DMs (shard 0) arrive on different sessions.
   */
  shards?: number;
  /** false: the guild belongs to someone else, so the member's view of a channel follows its overwrites (an owner sees every channel). */
  memberOwnsGuild?: boolean;
}

export interface DiscordWorld {
  token: string;
  applicationId: string;
  guildId: string;
  channelId: string;
  /** The member's DM channel with the bot. */
  dmChannelId: string;
  botUser: JsonObject;
  member: JsonObject;
  rest: DiscordRest;
  gateway: DiscordGateway;
  channels: Map<string, JsonObject>;
  /** A MESSAGE_CREATE payload from the member (or another author) in #jobs. */
  message(content: string, extra?: JsonObject): JsonObject;
  /** A MESSAGE_CREATE payload from the member in their DM with the bot (no guild, no member). */
  directMessage(content: string, extra?: JsonObject): JsonObject;
  /**
   * A message whose text comes as message.txt, served from the CDN: what Discord makes of a
   * paste over 2,000 characters; in #jobs, or in the member's DM with the bot.
   */
  messageTxt(text: string, where?: 'guild' | 'dm'): JsonObject;
  /** Dispatch MESSAGE_CREATE and remember the message server-side (so it can be fetched later). */
  post(message: JsonObject): void;
  /**
   * Dispatch MESSAGE_REACTION_ADD from the member on a message, as the gateway sends it: in a
   * guild channel with guild_id and member; in a DM with neither (the user only as user_id).
   */
  react(channelId: string, messageId: string, emoji: string, user?: JsonObject): void;
  /**
   * Dispatch an APPLICATION_COMMAND interaction; returns its id and token. The member's
   * permissions in the channel are View Channel and Send Messages, plus `permissions` (e.g. Manage Channels).
   */
  interact(data: JsonObject, permissions?: bigint): { id: string; token: string };
  /** Another member of the guild (GET /guilds/:g/members/:u and GET /users/:u know them). */
  addMember(username: string): JsonObject;
  /**
   * A text channel in the guild, announced with CHANNEL_CREATE. With `viewers`, a private one:
   * @everyone is denied View Channel, the bot's role and each viewer are allowed it.
   */
  addChannel(name: string, viewers?: readonly JsonObject[]): string;
  /** The DM channel the bot opened with a user (POST /users/@me/channels), if any. */
  dmChannelOf(userId: string): string | undefined;
  close(): Promise<void>;
}

export async function startDiscordWorld(opts: WorldOptions = {}): Promise<DiscordWorld> {
  const token = 'MTA5ODc2NTQzMjEwOTg3NjU0Mw.GstandIn.stand-in-token-for-tests';
  const applicationId = snowflake();
  const guildId = guildOnShard((opts.shards ?? 1) - 1, opts.shards ?? 1);
  const channelId = snowflake();
  const botRoleId = snowflake();
  const botUser: JsonObject = { id: applicationId, username: 'jobcard', discriminator: '0', global_name: null, avatar: null, bot: true };
  const member: JsonObject = { id: snowflake(), username: 'dana', discriminator: '0', global_name: 'Dana', avatar: null };
  const ownerId = snowflake();
  const joinedAt = new Date().toISOString();
  const channels = new Map<string, JsonObject>();
  const jobs: JsonObject = {
    id: channelId,
    type: 0,
    guild_id: guildId,
    name: 'jobs',
    position: 0,
    parent_id: null,
    nsfw: false,
    topic: null,
    rate_limit_per_user: 0,
    last_message_id: null,
    permission_overwrites: opts.deniedInChannel
      ? [{ id: botRoleId, type: 0, allow: '0', deny: opts.deniedInChannel.toString() }]
      : [],
  };
  channels.set(channelId, jobs);
  const dmChannelId = snowflake();
  channels.set(dmChannelId, { id: dmChannelId, type: 1, last_message_id: null, recipients: [member], flags: 0 });
  let gatewayUrl = '';
  const rest = await startDiscordRest({
    botUser,
    applicationId,
    gatewayUrl: () => gatewayUrl,
    tokens: [token],
    ...(opts.shards ? { shards: opts.shards } : {}),
    channels,
    newId: snowflake,
  });
  const guild = (): JsonObject => ({
    id: guildId,
    name: 'Job hunters',
    icon: null,
    owner_id: opts.memberOwnsGuild === false ? ownerId : member['id'],
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    mfa_level: 0,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    preferred_locale: 'en-US',
    nsfw_level: 0,
    features: [],
    emojis: [],
    stickers: [],
    roles: [
      role(guildId, '@everyone', 0, PERM.ViewChannel | PERM.ReadMessageHistory | PERM.UseApplicationCommands),
      role(botRoleId, 'jobcard', 1, opts.botPermissions ?? BOT_PERMISSIONS, true),
    ],
    members: [
      { user: botUser, roles: [botRoleId], joined_at: joinedAt, deaf: false, mute: false, flags: 0 },
      ...(opts.onlyBotMember ? [] : [{ user: member, roles: [], joined_at: joinedAt, deaf: false, mute: false, flags: 0 }]),
    ],
    channels: [...channels.values()].filter((c) => c['type'] !== 11).map(({ guild_id: _g, ...c }) => c),
    threads: [],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    member_count: 2,
    large: false,
    unavailable: false,
    joined_at: joinedAt,
  });
  const gateway = await startDiscordGateway({
    ready: () => ({
      v: 10,
      user: botUser,
      guilds: [{ id: guildId, unavailable: true }],
      session_id: `session-${snowflake()}`,
      application: { id: applicationId, flags: 0 },
    }),
    guilds: () => [guild()],
    ...(opts.refuseIdentify ? { refuseIdentify: opts.refuseIdentify } : {}),
  });
  gatewayUrl = gateway.url;

  const people = new Map<string, JsonObject>([[String(member['id']), member]]);
  const dms = new Map<string, string>([[String(member['id']), dmChannelId]]);
  const memberObject = (user: JsonObject): JsonObject => ({ user, roles: [], joined_at: joinedAt, deaf: false, mute: false, flags: 0 });
  rest.override('GET', /^\/guilds\/(\d+)\/members\/(\d+)$/, (_req, [g, u]) => {
    const user = people.get(u as string);
    return g === guildId && user ? { status: 200, json: memberObject(user) } : { status: 404, json: { code: 10007, message: 'Unknown Member' } };
  });
  rest.override('GET', /^\/users\/(\d+)$/, (_req, [u]) => {
    const user = people.get(u as string);
    return user ? { status: 200, json: user } : { status: 404, json: { code: 10013, message: 'Unknown User' } };
  });
  rest.override('POST', /^\/users\/@me\/channels$/, (req) => {
    const recipient = String(req.body?.['recipient_id'] ?? '');
    const user = people.get(recipient);
    if (!user) return { status: 400, json: { code: 50033, message: 'Invalid Recipient(s)' } };
    const id = dms.get(recipient) ?? snowflake();
    dms.set(recipient, id);
    const dm: JsonObject = { id, type: 1, last_message_id: null, recipients: [user], flags: 0 };
    channels.set(id, dm);
    return { status: 200, json: dm };
  });

  let interactions = 0;
  const message = (content: string, extra: JsonObject = {}): JsonObject =>
    messageObject({
      id: snowflake(),
      channel_id: channelId,
      channel_type: 0,
      guild_id: guildId,
      author: member,
      member: { roles: [], joined_at: joinedAt, deaf: false, mute: false, flags: 0 },
      content,
      ...extra,
    });

  const directMessage = (content: string, extra: JsonObject = {}): JsonObject => {
    // The gateway names the channel type on MESSAGE_CREATE; discord.js builds the (uncached) DM channel from it.
    const { guild_id: _g, member: _m, ...rest } = message(content, { channel_id: dmChannelId, channel_type: 1, ...extra });
    return rest;
  };

  const messageTxt = (text: string, where: 'guild' | 'dm' = 'guild'): JsonObject => {
    const id = snowflake();
    const bytes = Buffer.from(text, 'utf8');
    const url = rest.serveAttachment(where === 'dm' ? dmChannelId : channelId, id, 'message.txt', bytes, 'text/plain; charset=utf-8');
    const attachments = [{ id, filename: 'message.txt', size: bytes.length, url, proxy_url: url, content_type: 'text/plain; charset=utf-8' }];
    return where === 'dm' ? directMessage('', { attachments }) : message('', { attachments });
  };

  return {
    token,
    applicationId,
    directMessage,
    messageTxt,
    guildId,
    channelId,
    dmChannelId,
    botUser,
    member,
    rest,
    gateway,
    channels,
    message,
    post(msg: JsonObject): void {
      rest.addMessage(msg);
      gateway.dispatch('MESSAGE_CREATE', msg);
    },
    react(inChannel: string, messageId: string, emoji: string, user: JsonObject = member): void {
      const author = (rest.messages.get(inChannel)?.get(messageId)?.['author'] as JsonObject | undefined)?.['id'];
      const inDm = channels.get(inChannel)?.['type'] === 1;
      gateway.dispatch('MESSAGE_REACTION_ADD', {
        user_id: user['id'],
        channel_id: inChannel,
        message_id: messageId,
        ...(inDm ? {} : { guild_id: guildId, member: { user, roles: [], joined_at: joinedAt, deaf: false, mute: false, flags: 0 } }),
        emoji: { id: null, name: emoji },
        ...(author ? { message_author_id: author } : {}),
        burst: false,
        burst_colors: [],
        type: 0,
      });
    },
    interact(data: JsonObject, permissions = 0n): { id: string; token: string } {
      const id = snowflake();
      const itoken = `token-${channelId}-${++interactions}`;
      gateway.dispatch('INTERACTION_CREATE', {
        id,
        application_id: applicationId,
        type: 2,
        data,
        guild_id: guildId,
        channel_id: channelId,
        channel: { ...jobs },
        member: { user: member, roles: [], joined_at: joinedAt, deaf: false, mute: false, flags: 0, permissions: (PERM.ViewChannel | PERM.SendMessages | permissions).toString() },
        token: itoken,
        version: 1,
        app_permissions: (opts.botPermissions ?? BOT_PERMISSIONS).toString(),
        locale: 'en-US',
        guild_locale: 'en-US',
        entitlements: [],
        authorizing_integration_owners: { '0': guildId },
        context: 0,
      });
      return { id, token: itoken };
    },
    addMember(username: string): JsonObject {
      const user: JsonObject = { id: snowflake(), username, discriminator: '0', global_name: username, avatar: null };
      people.set(String(user['id']), user);
      return user;
    },
    addChannel(name: string, viewers?: readonly JsonObject[]): string {
      const id = snowflake();
      const view = PERM.ViewChannel.toString();
      const channel: JsonObject = {
        ...jobs,
        id,
        name,
        position: channels.size,
        permission_overwrites: viewers
          ? [
              { id: guildId, type: 0, allow: '0', deny: view },
              { id: botRoleId, type: 0, allow: view, deny: '0' },
              ...viewers.map((v) => ({ id: v['id'], type: 1, allow: view, deny: '0' })),
            ]
          : [],
      };
      channels.set(id, channel);
      gateway.dispatch('CHANNEL_CREATE', channel);
      return id;
    },
    dmChannelOf: (userId: string) => dms.get(userId),
    async close(): Promise<void> {
      await gateway.close();
      await rest.close();
    },
  };
}

function role(id: string, name: string, position: number, permissions: bigint, managed = false): JsonObject {
  return {
    id,
    name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions: permissions.toString(),
    managed,
    mentionable: false,
    flags: 0,
  };
}
