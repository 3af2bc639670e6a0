import { Events, RESTJSONErrorCodes, type MessageReaction, type PartialMessageReaction, type PartialUser, type User } from 'discord.js';
import { once, placeOf, type BotContext } from '../context.js';
import { postFullText } from '../post-full.js';
import { describeError, logEvent } from '../../../src/log.js';
import { isDiscordError, isPermissionError } from '../permissions.js';
import type { Listener } from './listener.js';

/**
 * 📄 on a card or an original posting → the full posting in a thread on that message, once.
 * The message may be a partial (a card from before a restart): the Desk needs only its ids,
 * and it is fetched once the Desk knows the posting.
 */
export async function onReactionAdd(
  ctx: BotContext,
  reaction: MessageReaction | PartialMessageReaction,
  user: User | PartialUser,
): Promise<void> {
  if (user.id === ctx.client.user?.id || user.bot) return;
  const emoji = reaction.emoji.name;
  if (!emoji) return;
  const partial = reaction.message;
  const reply = await ctx.desk.handleReaction({
    ...placeOf(partial),
    messageId: partial.id,
    user: user.id,
    emoji,
  });
  if (reply?.kind !== 'full') return;
  // Once per message: a second 📄 on it (another person) would only repeat what the thread already holds.
  await once(ctx, `full:${partial.channelId}:${partial.id}`, async () => {
    const startedAt = performance.now();
    const message = partial.partial ? await partial.fetch().catch((err: unknown) => gone(ctx, err)) : partial;
    if (!message) return;
    await postFullText(ctx, message, reply.title, reply.text);
    logEvent(ctx.log, { platform: 'discord', kind: 'reaction', outcome: 'full', startedAt, channel: partial.channelId });
  });
}

/** The message was deleted, or the bot lost access to it, between the reaction and the fetch. */
function gone(ctx: BotContext, err: unknown): null {
  if (!isDiscordError(err, RESTJSONErrorCodes.UnknownMessage) && !isPermissionError(err)) throw err;
  ctx.log.debug({ err: describeError(err) }, 'reacted message is gone');
  return null;
}

export const messageReactionAdd: Listener<typeof Events.MessageReactionAdd> = {
  event: Events.MessageReactionAdd,
  run: (ctx, reaction, user) => onReactionAdd(ctx, reaction, user),
};
