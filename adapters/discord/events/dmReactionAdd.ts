import { GatewayDispatchEvents, type Message } from 'discord.js';
import { z } from 'zod';
import type { BotContext } from '../context.js';
import { answerReaction } from '../full-text.js';

/**
 * MESSAGE_REACTION_ADD as Discord sends it; from a DM with no guild_id, no member and no
 * channel type: only ids and the emoji.
 */
const DmReactionPacket = z.object({
  t: z.literal(GatewayDispatchEvents.MessageReactionAdd),
  d: z.object({
    user_id: z.string(),
    channel_id: z.string(),
    message_id: z.string(),
    guild_id: z.string().optional(),
    emoji: z.object({ name: z.string().nullable() }),
  }),
});

/**
 * 📄 in a DM whose channel this process has never seen (every DM card after a restart, until
 * the person writes again). discord.js 14 builds a partial DM channel only from a payload that
 * names the channel type or its recipients, which reaction events do not, so it drops the
 * event even with Partials.Channel. The raw packet is read here instead, before discord.js
 * handles it: when the channel is in the cache discord.js emits messageReactionAdd as usual
 * and this does nothing.
 */
export async function onDmReactionPacket(ctx: BotContext, packet: unknown): Promise<void> {
  const parsed = DmReactionPacket.safeParse(packet);
  if (!parsed.success) return;
  const { user_id: userId, channel_id: channelId, message_id: messageId, guild_id: guildId, emoji } = parsed.data.d;
  // A guild reaction finds its channel in the guild's cache; so does a DM discord.js already knows.
  if (guildId !== undefined || !emoji.name || ctx.client.channels.cache.has(channelId)) return;
  await answerReaction(ctx, {
    guildId: null,
    channelId,
    messageId,
    userId,
    emoji: emoji.name,
    load: () => fetchDmMessage(ctx, channelId, messageId),
  });
}

/** GET /channels/:id gives the DM channel (type 1, recipients), which discord.js then keeps; then the message. */
async function fetchDmMessage(ctx: BotContext, channelId: string, messageId: string): Promise<Message | null> {
  const channel = await ctx.client.channels.fetch(channelId);
  if (!channel?.isTextBased()) return null;
  return channel.messages.fetch(messageId);
}
