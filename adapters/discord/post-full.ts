import {
  RESTJSONErrorCodes, ThreadAutoArchiveDuration, type Message, type ThreadChannel,
} from 'discord.js';
import { splitText } from '../../src/card/index.js';
import type { MessageRef } from '../../src/desk/types.js';
import { NO_PINGS, type BotContext } from './context.js';
import { abilitiesIn, isDiscordError, isPermissionError } from './permissions.js';
import { escapeDiscord } from './render/escape.js';
import { renderFullDiscord } from './render/full.js';
import { DISCORD_LIMITS } from './render/limits.js';
import { sendReply } from './post-card.js';

const THREAD_NAME_MAX = 100;

/**
 * Post the full cleaned posting for a 📄 on `message`: in a thread on that message (an
 * existing one, or a new public thread), or as replies where threads are not allowed.
 * Long postings go as one .md file, or as messages where files may not be attached.
 */
export async function postFullText(ctx: BotContext, message: Message, title: string, text: string): Promise<MessageRef[]> {
  const sent: MessageRef[] = [];
  const thread = await openThread(ctx, message, title);
  const target = thread ?? message.channel;
  if (!target.isSendable()) return sent;
  const can = abilitiesIn(target, ctx.client);
  if (!can.send) {
    ctx.permissionLog.warn(target.id, 'send', 'missing Send Messages: the full posting was not posted here');
    return sent;
  }
  const rendered = renderFullDiscord(title, text);
  let contents: string[];
  const keep = (m: Message | null): boolean => {
    if (m) sent.push({ channel: m.channelId, messageId: m.id });
    return m !== null;
  };
  if (rendered.kind === 'file' && can.attach) {
    const file = { attachment: Buffer.from(rendered.content, 'utf8'), name: rendered.name };
    if (keep(await sendOne(ctx, message, thread, { content: rendered.note, files: [file] }))) return sent;
    ctx.permissionLog.warn(target.id, 'attach', 'Discord refused a file: posting the full text as messages here');
    contents = asMessages(text);
  } else if (rendered.kind === 'file') {
    ctx.permissionLog.warn(target.id, 'attach', 'missing Attach Files: posting the full text as messages here');
    contents = asMessages(text);
  } else {
    contents = rendered.contents;
  }
  for (const content of contents) {
    if (!keep(await sendOne(ctx, message, thread, { content }))) {
      ctx.permissionLog.warn(target.id, 'send', 'Discord refused a message: missing permissions here');
      return sent;
    }
  }
  return sent;
}

/** The long-posting fallback when no file may be attached: escaped chunks within the content limit. */
function asMessages(text: string): string[] {
  return splitText(text.trim(), DISCORD_LIMITS.content, (t) => escapeDiscord(t).length).map(escapeDiscord);
}

interface Outgoing {
  content: string;
  files?: Array<{ attachment: Buffer; name: string }>;
}

/** Send into the thread, or as a reply to the message when there is none. Null when refused. */
async function sendOne(ctx: BotContext, message: Message, thread: ThreadChannel | null, out: Outgoing): Promise<Message | null> {
  if (thread) {
    try {
      return await thread.send({ ...out, allowedMentions: NO_PINGS });
    } catch (err) {
      if (isPermissionError(err)) return null;
      throw err;
    }
  }
  const sent = await sendReply(ctx, message, abilitiesIn(message.channel, ctx.client), out);
  return sent === 'forbidden' ? null : sent;
}

/**
 * The thread on `message`: the one it already has, or a new public thread. Null where
 * threads are not allowed (DMs, a message already inside a thread, missing permissions).
 */
async function openThread(ctx: BotContext, message: Message, title: string): Promise<ThreadChannel | null> {
  const channel = message.channel;
  if (!message.inGuild() || channel.isThread()) return null;
  if (message.hasThread) {
    const existing = message.thread ?? (await fetchThread(ctx, message.id));
    if (existing) return existing;
  }
  if (!abilitiesIn(channel, ctx.client).thread) {
    ctx.permissionLog.warn(message.channelId, 'thread', 'cannot start threads here (Create Public Threads / Send Messages in Threads): replying instead');
    return null;
  }
  try {
    return await message.startThread({
      name: threadName(title),
      autoArchiveDuration: ThreadAutoArchiveDuration.OneDay,
    });
  } catch (err) {
    // Someone opened a thread on this message meanwhile: a message thread shares the message's id.
    if (isDiscordError(err, RESTJSONErrorCodes.ThreadAlreadyCreatedForMessage)) return fetchThread(ctx, message.id);
    if (isPermissionError(err) || isDiscordError(err, RESTJSONErrorCodes.CannotExecuteActionOnThisChannelType)) {
      ctx.permissionLog.warn(message.channelId, 'thread', 'Discord refused a thread here: replying instead');
      return null;
    }
    throw err;
  }
}

async function fetchThread(ctx: BotContext, id: string): Promise<ThreadChannel | null> {
  const channel = await ctx.client.channels.fetch(id).catch(() => null);
  return channel?.isThread() ? channel : null;
}

function threadName(title: string): string {
  const name = title.replace(/\s+/g, ' ').trim() || 'Job posting';
  return name.length <= THREAD_NAME_MAX ? name : `${name.slice(0, THREAD_NAME_MAX - 1).trimEnd()}…`;
}
