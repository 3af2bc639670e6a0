import { RESTJSONErrorCodes, type Message } from 'discord.js';
import { once, placeOf, type BotContext } from './context.js';
import { isDiscordError, isPermissionError } from './permissions.js';
import { postFullText } from './post-full.js';
import { describeError, logEvent } from '../../src/log.js';

/** A reaction someone added, reduced to what deciding on it needs; the message is loaded only if it is wanted. */
export interface ReactionAsk {
  guildId: string | null;
  channelId: string;
  messageId: string;
  userId: string;
  emoji: string;
  /** The reacted message, complete (fetched when the client had only its id). */
  load(): Promise<Message | null>;
}

/**
 * 📄 on a card or an original posting → the full posting, once per message. The Desk needs
 * only ids, so nothing is fetched from Discord for a reaction the Desk does not answer.
 */
export async function answerReaction(ctx: BotContext, ask: ReactionAsk): Promise<void> {
  if (ask.userId === ctx.client.user?.id) return;
  const reply = await ctx.desk.handleReaction({
    ...placeOf(ask),
    messageId: ask.messageId,
    user: ask.userId,
    emoji: ask.emoji,
  });
  if (reply?.kind !== 'full') return;
  // Once per message: a second 📄 on it (another person) would only repeat what was posted.
  await once(ctx, `full:${ask.channelId}:${ask.messageId}`, async () => {
    const startedAt = performance.now();
    const message = await ask.load().catch((err: unknown) => gone(ctx, err));
    if (!message) return;
    const parts = await postFullText(ctx, message, reply.title, reply.text);
    // Tied to the posting's message: deleting the posting deletes its full text too.
    if (parts.length > 0) await ctx.desk.rememberFullText(placeOf(ask), ask.messageId, parts, reply.postingId);
    logEvent(ctx.log, { platform: 'discord', kind: 'reaction', outcome: 'full', startedAt, channel: ask.channelId });
  });
}

/** The message (or its channel) was deleted, or the bot lost access to it, between the reaction and the fetch. */
function gone(ctx: BotContext, err: unknown): null {
  const vanished =
    isDiscordError(err, RESTJSONErrorCodes.UnknownMessage) || isDiscordError(err, RESTJSONErrorCodes.UnknownChannel);
  if (!vanished && !isPermissionError(err)) throw err;
  ctx.log.debug({ err: describeError(err) }, 'reacted message is gone');
  return null;
}
