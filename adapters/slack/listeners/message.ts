import type { Attachment, EditOutcome, MessageEvent, MessageRef, Place } from '../../../src/desk/index.js';
import { describeError, logEvent, type EventKind, type EventOutcome } from '../../../src/log.js';
import { messageLink, type BotIdentity, type SlackDeps } from '../deps.js';
import { EventEnvelope, MessagePayload, POSTED_SUBTYPES, type ChangedMessage, type MessageAttachment } from '../events.js';
import { unwrapSlackMarkup } from '../markup.js';
import { renderCardSlack } from '../render/card.js';
import { postReplyInThread, removeReplies } from '../replies.js';

/**
 * A message event in a channel or DM the app is in (`message.channels`, `message.groups`,
 * `message.im`, `message.mpim`):
 * - a paste, a text file, a forward or an allowlisted bot's posting → the card in its thread;
 * - an edit (`message_changed`) → a card for a message edited into a posting, the card updated
 *   in place for an edited posting, the card removed for one edited into chat;
 * - a deletion (`message_deleted`, or `message_changed` into a tombstone, which is how Slack
 *   deletes a message with replies such as its card) → the card and full text deleted, the
 *   share forgotten;
 * - anything else → silence, logged at debug with the reason. A redelivered event is answered once.
 */
export function onMessage(deps: SlackDeps): (args: { event: unknown; body: unknown }) => Promise<void> {
  return async ({ event, body }) => {
    const parsed = MessagePayload.safeParse(event);
    if (!parsed.success) {
      deps.log.debug({ reason: 'unreadable message event' }, 'ignored event');
      return;
    }
    const msg = parsed.data;
    const me = deps.identity();
    const envelope = EventEnvelope.safeParse(body).data ?? {};
    const place: Place = {
      platform: 'slack',
      team: envelope.team_id ?? me.teamId ?? '',
      channel: msg.channel,
      kind: deps.channels.fromEvent(msg.channel, msg.channel_type, envelope.is_ext_shared_channel),
    };
    const eventId = envelope.event_id ?? `${msg.channel}:${msg.ts}:${msg.subtype ?? ''}`;
    const ignore = (reason: string): void => deps.log.debug({ channel: msg.channel, ts: msg.ts, subtype: msg.subtype, reason }, 'ignored event');

    if (msg.subtype === 'message_deleted') {
      const ts = msg.deleted_ts ?? msg.previous_message?.ts;
      if (!ts) return ignore('deletion without a message ts');
      return handled(deps, 'delete', place, eventId, () => deleteShare(deps, place, ts));
    }
    if (msg.subtype === 'message_changed') {
      const after = msg.message;
      if (!after) return ignore('edit without the message');
      // A deleted message that had replies stays as a tombstone: for us it is deleted.
      if (after.subtype === 'tombstone') return handled(deps, 'delete', place, eventId, () => deleteShare(deps, place, after.ts));
      if (isOwn(after, me)) return ignore('own message');
      const author = authorOf(after, deps.readBots);
      if ('reason' in author) return ignore(author.reason);
      return handled(deps, 'edit', place, eventId, () => editShare(deps, place, after, author));
    }
    if (isOwn(msg, me)) {
      await rememberOwnCard(deps, msg);
      return ignore('own message');
    }
    if (!POSTED_SUBTYPES.has(msg.subtype)) return ignore(`subtype ${msg.subtype}`);
    const author = authorOf(msg, deps.readBots);
    if ('reason' in author) return ignore(author.reason);
    if (messageText(msg).trim() === '' && !msg.files?.length) return ignore('no text');
    // Chat: decided in microseconds, before the event is claimed in the store.
    if (!msg.files?.length && deps.desk.isChat(messageText(msg))) return ignore('chat (fast path)');
    const kind: EventKind = msg.files?.length ? 'file' : 'paste';
    return handled(deps, kind, place, eventId, async () => {
      const files: Attachment[] = msg.files?.length ? await deps.files.read(msg.files) : [];
      const reply = await deps.desk.handleMessage({ ...messageEvent(deps, place, msg, author), ...(files.length > 0 ? { files } : {}) });
      if (!reply) {
        ignore('not a posting');
        return 'ignored';
      }
      const threadTs = msg.thread_ts ?? msg.ts;
      // A reaction on the original should answer in the same thread as the card.
      deps.threads.remember(msg.channel, msg.ts, threadTs);
      await postReplyInThread(deps, { place, threadTs, user: author.user, original: msg.ts }, reply);
      return reply.kind;
    });
  };
}

type Author = { user: string; userName: string | null };

/**
 * Who a message is from, as the share records it: a person, or a bot, app or integration on
 * JOBCARD_READ_BOTS (matched by bot id, app id or bot user id). Other bots are ignored, with why.
 */
function authorOf(msg: ChangedMessage, readBots: ReadonlySet<string>): Author | { reason: string } {
  const botIds = [msg.bot_id, msg.app_id, msg.bot_profile?.app_id, msg.bot_profile?.id].filter((id): id is string => Boolean(id));
  if (msg.subtype === 'bot_message' || botIds.length > 0) {
    const allowed = [...botIds, msg.user].some((id) => id !== undefined && readBots.has(id));
    if (!allowed) return { reason: `bot ${msg.bot_id ?? msg.app_id ?? 'unknown'} not on JOBCARD_READ_BOTS` };
    return { user: msg.user ?? msg.bot_id ?? msg.app_id ?? 'bot', userName: msg.username ?? msg.bot_profile?.name ?? null };
  }
  if (!msg.user) return { reason: 'no author' };
  return { user: msg.user, userName: null };
}

/**
 * The text a message brings: what its author wrote, then what it carries: a forwarded message
 * (Slack puts the original in an attachment marked is_share / is_msg_unfurl) and link previews
 * (title and text), read as part of the paste of the person who posted it.
 */
export function messageText(msg: ChangedMessage): string {
  const parts = [msg.text, ...(msg.attachments ?? []).map(attachmentText)];
  return parts.map((p) => unwrapSlackMarkup(p).trim()).filter(Boolean).join('\n\n');
}

function attachmentText(a: MessageAttachment): string {
  if (a.is_share || a.is_msg_unfurl) return [a.pretext, a.text ?? a.fallback].filter(Boolean).join('\n');
  if (a.from_url || a.title) return [a.title, a.text].filter(Boolean).join('\n');
  return '';
}

function messageEvent(deps: SlackDeps, place: Place, msg: ChangedMessage, author: Author): MessageEvent {
  return {
    ...place,
    messageId: msg.ts,
    user: author.user,
    userName: author.userName,
    text: messageText(msg),
    link: messageLink(deps.identity(), place.channel, msg.ts),
  };
}

/** Claim the event, run it, log one line with its outcome; a failure lets Slack's retry through. */
async function handled(deps: SlackDeps, kind: EventKind, place: Place, eventId: string, work: () => Promise<EventOutcome>): Promise<void> {
  const startedAt = performance.now();
  let outcome: EventOutcome = 'ignored';
  try {
    if (!(await deps.desk.claimEvent('slack', eventId))) {
      outcome = 'duplicate-event';
      return;
    }
    outcome = await work();
  } catch (err) {
    // Internal error: logged with context; the channel hears nothing (never chatter).
    outcome = 'error';
    deps.log.error({ channel: place.channel, kind, err: describeError(err) }, 'handling a Slack message failed');
    await deps.desk.releaseEvent('slack', eventId);
  } finally {
    logEvent(deps.log, { platform: 'slack', kind, outcome, startedAt, channel: place.channel });
  }
}

/** A shared message was deleted: delete the bot's replies to it and forget the share. */
async function deleteShare(deps: SlackDeps, place: Place, ts: string): Promise<EventOutcome> {
  const replies = await deps.desk.handleDelete({ ...place, messageId: ts });
  if (!replies) {
    deps.log.debug({ channel: place.channel, ts, reason: 'deleted message had no card' }, 'ignored event');
    return 'ignored';
  }
  await removeReplies(deps, replies);
  return 'removed';
}

/** A message was edited: a new card, the card updated in place, or the card removed (see Desk.handleEdit). */
async function editShare(deps: SlackDeps, place: Place, after: ChangedMessage, author: Author): Promise<EventOutcome> {
  const ev = messageEvent(deps, place, after, author);
  const outcome: EditOutcome = await deps.desk.handleEdit(ev, { userEdit: after.edited !== undefined });
  switch (outcome.action) {
    case 'none':
      deps.log.debug({ channel: place.channel, ts: after.ts, reason: outcome.reason }, 'ignored event');
      return 'ignored';
    case 'post': {
      const threadTs = after.thread_ts ?? after.ts;
      deps.threads.remember(place.channel, after.ts, threadTs);
      await postReplyInThread(deps, { place, threadTs, user: author.user, original: after.ts }, outcome.reply);
      return outcome.reply.kind;
    }
    case 'update': {
      const rendered = renderCardSlack(outcome.reply.card);
      const stale: MessageRef[] = [];
      for (const ref of outcome.messages) {
        if (ref.role === 'full' || !(await deps.web.updateMessage(ref.channel, ref.messageId, rendered))) {
          stale.push(ref);
          continue;
        }
        await deps.desk.rememberReply(place, ref.messageId, outcome.reply.postingId, after.ts);
      }
      // The full text of the posting as it was no longer matches: it goes.
      await removeReplies(deps, stale);
      return 'updated';
    }
    case 'remove':
      await removeReplies(deps, outcome.messages);
      return 'removed';
  }
}

function isOwn(msg: ChangedMessage, me: BotIdentity): boolean {
  return (me.botId !== null && msg.bot_id === me.botId) || (me.userId !== null && msg.user === me.userId);
}

/** The echo of a /jd card: remember its ts so a reaction on it finds the posting. */
async function rememberOwnCard(deps: SlackDeps, msg: MessagePayload): Promise<void> {
  const card = deps.ownCards.take(msg.channel, msg.text);
  if (!card) return;
  try {
    await deps.desk.rememberReply(card.place, msg.ts, card.postingId);
    deps.threads.remember(msg.channel, msg.ts, msg.thread_ts ?? msg.ts);
  } catch (err) {
    deps.log.warn({ channel: msg.channel, err: describeError(err) }, 'could not remember a /jd card');
  }
}
