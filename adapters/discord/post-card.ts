import { RESTJSONErrorCodes, Routes, type Message, type MessageCreateOptions } from 'discord.js';
import type { Card } from '../../src/card/index.js';
import { renderCardText } from '../../src/card/index.js';
import type { DeskReply, MessageRef } from '../../src/desk/types.js';
import { describeError } from '../../src/log.js';
import { NO_PINGS, placeOf, type BotContext } from './context.js';
import { abilitiesIn, isDiscordError, isPermissionError, type ChannelAbilities } from './permissions.js';
import { renderCardDiscord } from './render/card.js';
import { cutDiscord, escapeDiscord } from './render/escape.js';
import { DISCORD_LIMITS } from './render/limits.js';

type CardReply = Extract<DeskReply, { kind: 'card' }>;
type Payload = Pick<MessageCreateOptions, 'content' | 'embeds'>;

/** The card as an embed. */
export function embedPayload(card: Card): Payload {
  return { embeds: renderCardDiscord(card).embeds };
}

/** The card as plain text, for channels where the bot may not embed links. */
export function textPayload(card: Card): Payload {
  return { content: cutDiscord(escapeDiscord(renderCardText(card, { emoji: 'unicode' })), DISCORD_LIMITS.content) };
}

/**
 * Reply to a posting with its card: an embed where allowed, plain text where Embed Links is
 * missing (known from the cache, or learnt from a 403), and nothing where the bot may not
 * send. Remembers the card so a 📄 on it finds the posting, and adds 📄 as a hint when
 * Discord's request budget has room (see HintQueue).
 */
export async function replyWithCard(ctx: BotContext, original: Message, reply: CardReply): Promise<Message | null> {
  const can = abilitiesIn(original.channel, ctx.client);
  const channelId = original.channelId;
  if (!can.send) {
    ctx.permissionLog.warn(channelId, 'send', 'missing Send Messages: cards are not posted in this channel');
    return null;
  }
  if (!can.embed) ctx.permissionLog.warn(channelId, 'embed', 'missing Embed Links: cards are posted as plain text here');
  let sent = await sendReply(ctx, original, can, can.embed ? embedPayload(reply.card) : textPayload(reply.card));
  if (sent === 'forbidden' && can.embed) {
    ctx.permissionLog.warn(channelId, 'embed', 'Discord refused the embed: cards are posted as plain text here');
    sent = await sendReply(ctx, original, { ...can, embed: false }, textPayload(reply.card));
  }
  if (sent === 'forbidden') {
    ctx.permissionLog.warn(channelId, 'send', 'Discord refused a message: missing permissions in this channel');
    return null;
  }
  // Tied to the original too: deleting or editing the posting reaches its card.
  await ctx.desk.rememberReply(placeOf(original), sent.id, reply.postingId, original.id);
  if (can.react) ctx.hints.add(sent);
  return sent;
}

/** A short plain-text answer to a message (a link that could not be read). */
export async function replyWithText(ctx: BotContext, original: Message, text: string): Promise<Message | null> {
  const can = abilitiesIn(original.channel, ctx.client);
  if (!can.send) return null;
  const sent = await sendReply(ctx, original, can, { content: cutDiscord(text, DISCORD_LIMITS.content) });
  if (sent === 'forbidden') {
    ctx.permissionLog.warn(original.channelId, 'send', 'Discord refused a message: missing permissions in this channel');
    return null;
  }
  return sent;
}

/**
 * Send as a reply to the original when the bot may read history (Discord requires it for
 * replies), else as a plain message in the channel. 'forbidden' when Discord says no.
 */
export async function sendReply(
  ctx: BotContext,
  original: Message,
  can: ChannelAbilities,
  payload: Payload,
): Promise<Message | 'forbidden'> {
  const channel = original.channel;
  if (!channel.isSendable()) return 'forbidden';
  try {
    if (can.reply) {
      try {
        return await original.reply({ ...payload, allowedMentions: NO_PINGS, failIfNotExists: false });
      } catch (err) {
        const cannotReference =
          isDiscordError(err, RESTJSONErrorCodes.CannotReplyWithoutPermissionToReadMessageHistory) ||
          isDiscordError(err, RESTJSONErrorCodes.CannotReferenceAMessageWithoutPermissionToReadMessageHistory);
        if (!cannotReference) throw err;
        ctx.permissionLog.warn(original.channelId, 'history', 'missing Read Message History: answering without a reply reference');
      }
    }
    return await channel.send({ ...payload, allowedMentions: NO_PINGS });
  } catch (err) {
    if (isPermissionError(err)) return 'forbidden';
    throw err;
  }
}

/** What a reply whose posting was removed is edited to, where it cannot be deleted. */
const REMOVED_NOTE = 'The posting this answered was removed.';

/** Edit a card in place for an edited posting (by id: the message need not be cached). False when Discord refused. */
export async function editCard(ctx: BotContext, ref: MessageRef, card: Card): Promise<boolean> {
  for (const payload of [embedPayload(card), textPayload(card)]) {
    try {
      await ctx.client.rest.patch(Routes.channelMessage(ref.channel, ref.messageId), { body: { content: null, embeds: [], ...payload } });
      return true;
    } catch (err) {
      if (!isPermissionError(err)) {
        ctx.log.warn({ channel: ref.channel, err: describeError(err) }, 'could not edit a card');
        return false;
      }
    }
  }
  return false;
}

/**
 * Delete the bot's replies to a removed posting (its card, its full text). A bot may always
 * delete its own messages; should Discord refuse, the message is edited to say the posting was
 * removed, so its text is gone either way.
 */
export async function removeReplies(ctx: BotContext, refs: readonly MessageRef[]): Promise<void> {
  for (const ref of refs) {
    const route = Routes.channelMessage(ref.channel, ref.messageId);
    try {
      await ctx.client.rest.delete(route);
      continue;
    } catch (err) {
      if (isDiscordError(err, RESTJSONErrorCodes.UnknownMessage) || isDiscordError(err, RESTJSONErrorCodes.UnknownChannel)) continue;
      ctx.log.debug({ channel: ref.channel, err: describeError(err) }, 'could not delete a reply: blanking it instead');
    }
    await ctx.client.rest
      .patch(route, { body: { content: REMOVED_NOTE, embeds: [], attachments: [] } })
      .catch((err: unknown) => ctx.log.warn({ channel: ref.channel, err: describeError(err) }, 'could not remove a reply'));
  }
}
