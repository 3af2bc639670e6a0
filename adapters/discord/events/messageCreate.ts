import { Events, MessageType, type Message, type PartialMessage } from 'discord.js';
import { readTextAttachments, isTextAttachment } from '../attachments.js';
import { once, placeOf, type BotContext } from '../context.js';
import { messageText } from '../markup.js';
import { replyWithCard, replyWithText } from '../post-card.js';
import { logEvent } from '../../../src/log.js';
import type { MessageEvent } from '../../../src/desk/index.js';
import type { Listener } from './listener.js';

/** Message types people write (a forward is a Default message with snapshots); joins, pins and thread starters are not postings. */
const AUTHORED = new Set<MessageType>([MessageType.Default, MessageType.Reply]);

/**
 * Why a message is not read, or null when it is: the bot's own, another bot or webhook not on
 * JOBCARD_READ_BOTS, a system message, a type people do not write, or nothing to read.
 */
export function skipReason(ctx: BotContext, message: Message | PartialMessage): string | null {
  if (message.author?.id === ctx.client.user?.id) return 'own message';
  if (message.system) return 'system message';
  if (message.type !== null && !AUTHORED.has(message.type)) return `message type ${message.type}`;
  const botIds = [message.webhookId, message.applicationId, message.author?.bot ? message.author.id : null].filter((id): id is string => Boolean(id));
  if (botIds.length > 0 && !botIds.some((id) => ctx.readBots.has(id))) return `bot or webhook ${botIds[0]} not on JOBCARD_READ_BOTS`;
  return null;
}

/** A posting pasted, forwarded or attached (message.txt) in a channel or DM → its card as a reply; anything else → silence. */
export async function onMessageCreate(ctx: BotContext, message: Message): Promise<void> {
  const skip = skipReason(ctx, message);
  if (skip) {
    ctx.log.debug({ channel: message.channelId, message: message.id, reason: skip }, 'ignored event');
    return;
  }
  const hasText = messageText(message).trim() !== '';
  if (!hasText && !message.attachments.some(isTextAttachment)) {
    ctx.log.debug({ channel: message.channelId, message: message.id, reason: 'no text' }, 'ignored event');
    return;
  }
  // Chat: decided in microseconds, before the event is claimed in the store.
  if (hasText && !message.attachments.some(isTextAttachment) && ctx.desk.isChat(messageText(message))) {
    ctx.log.debug({ channel: message.channelId, message: message.id, reason: 'chat (fast path)' }, 'ignored event');
    return;
  }
  await once(ctx, `message:${message.id}`, () => answerMessage(ctx, message));
}

/** What the Desk reads of a message: where, who, and its text (content, forwards, embeds). */
export function deskMessage(message: Message): MessageEvent {
  return {
    ...placeOf(message),
    messageId: message.id,
    user: message.author.id,
    userName: message.member?.displayName ?? message.author.displayName,
    text: messageText(message),
    link: message.url,
  };
}

async function answerMessage(ctx: BotContext, message: Message): Promise<void> {
  const startedAt = performance.now();
  const files = await readTextAttachments(message.attachments, ctx.log);
  const reply = await ctx.desk.handleMessage({ ...deskMessage(message), ...(files.length > 0 ? { files } : {}) });
  const kind = files.length > 0 ? 'file' : reply?.kind === 'card' && reply.posting.source.kind === 'link' ? 'link' : 'paste';
  if (!reply) {
    ctx.log.debug({ channel: message.channelId, message: message.id, reason: 'not a posting' }, 'ignored event');
    logEvent(ctx.log, { platform: 'discord', kind, outcome: 'ignored', startedAt, channel: message.channelId });
    return;
  }
  if (reply.kind === 'card') await replyWithCard(ctx, message, reply);
  else if (reply.kind === 'notice') await replyWithText(ctx, message, reply.text);
  logEvent(ctx.log, { platform: 'discord', kind, outcome: reply.kind, startedAt, channel: message.channelId });
}

export const messageCreate: Listener<typeof Events.MessageCreate> = {
  event: Events.MessageCreate,
  run: onMessageCreate,
};
