import { Events, type MessageReaction, type PartialMessageReaction, type PartialUser, type User } from 'discord.js';
import type { BotContext } from '../context.js';
import { answerReaction } from '../full-text.js';
import type { Listener } from './listener.js';

/**
 * 📄 on a card or an original posting → the full posting in a thread on that message.
 * The message may be a partial (a card from before a restart): it is fetched only once
 * the Desk knows the posting. (A DM discord.js has no channel for never gets here: see dmReactionAdd.)
 */
export async function onReactionAdd(
  ctx: BotContext,
  reaction: MessageReaction | PartialMessageReaction,
  user: User | PartialUser,
): Promise<void> {
  // A partial user (uncached, in a DM) has bot = null: only the other end of a DM can be it, and bots do not DM bots.
  if (user.bot) return;
  const emoji = reaction.emoji.name;
  if (!emoji) return;
  const message = reaction.message;
  await answerReaction(ctx, {
    guildId: message.guildId,
    channelId: message.channelId,
    messageId: message.id,
    userId: user.id,
    emoji,
    load: () => (message.partial ? message.fetch() : Promise.resolve(message)),
  });
}

export const messageReactionAdd: Listener<typeof Events.MessageReactionAdd> = {
  event: Events.MessageReactionAdd,
  run: (ctx, reaction, user) => onReactionAdd(ctx, reaction, user),
};
