import { Events, MessageType, type Message } from 'discord.js';
import { readTextAttachments, isTextAttachment } from '../attachments.js';
import { once, placeOf, type BotContext } from '../context.js';
import { messageText } from '../markup.js';
import { replyWithCard, replyWithText } from '../post-card.js';
import { logEvent } from '../../../src/log.js';
import type { Listener } from './listener.js';

/** Message types people write; joins, pins and thread starters are not postings. */
const AUTHORED = new Set<MessageType>([MessageType.Default, MessageType.Reply]);

/** A posting pasted (or attached as message.txt) in a channel → its card as a reply; anything else → silence. */
export async function onMessageCreate(ctx: BotContext, message: Message): Promise<void> {
  if (message.author.bot || message.author.id === ctx.client.user?.id || message.webhookId || message.system) return;
  if (!AUTHORED.has(message.type)) return;
  const hasText = message.content.trim() !== '';
  if (!hasText && !message.attachments.some(isTextAttachment)) return;
  await once(ctx, `message:${message.id}`, () => answerMessage(ctx, message));
}

async function answerMessage(ctx: BotContext, message: Message): Promise<void> {
  const startedAt = performance.now();
  const files = await readTextAttachments(message.attachments, ctx.log);
  const reply = await ctx.desk.handleMessage({
    ...placeOf(message),
    messageId: message.id,
    user: message.author.id,
    userName: message.member?.displayName ?? message.author.displayName,
    text: messageText(message),
    ...(files.length > 0 ? { files } : {}),
    link: message.url,
  });
  if (!reply) return;
  if (reply.kind === 'card') await replyWithCard(ctx, message, reply);
  else if (reply.kind === 'notice') await replyWithText(ctx, message, reply.text);
  const kind = files.length > 0 ? 'file' : reply.kind === 'card' && reply.posting.source.kind === 'link' ? 'link' : 'paste';
  logEvent(ctx.log, { platform: 'discord', kind, outcome: reply.kind, startedAt, channel: message.channelId });
}

export const messageCreate: Listener<typeof Events.MessageCreate> = {
  event: Events.MessageCreate,
  run: onMessageCreate,
};
