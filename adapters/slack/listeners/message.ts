import type { Attachment } from '../../../src/desk/index.js';
import { describeError, logEvent, type EventOutcome } from '../../../src/log.js';
import { messageLink, type BotIdentity, type SlackDeps } from '../deps.js';
import { EventEnvelope, MessagePayload, POSTED_SUBTYPES } from '../events.js';
import { unwrapSlackMarkup } from '../markup.js';
import { postReplyInThread } from '../replies.js';

/**
 * A message in a channel the app is in (`message.channels`, `message.groups`): a paste or a
 * text file → the card in its thread; anything else → silence. Own messages, other bots,
 * edits, deletions and joins are ignored; a redelivered event is answered once.
 */
export function onMessage(deps: SlackDeps): (args: { event: unknown; body: unknown }) => Promise<void> {
  return async ({ event, body }) => {
    const startedAt = performance.now();
    const parsed = MessagePayload.safeParse(event);
    if (!parsed.success) return;
    const msg = parsed.data;
    const me = deps.identity();
    if (isOwn(msg, me)) {
      await rememberOwnCard(deps, msg);
      return;
    }
    if (!POSTED_SUBTYPES.has(msg.subtype)) return;
    if (msg.bot_id || !msg.user) return;
    if (msg.text.trim() === '' && !msg.files?.length) return;

    const envelope = EventEnvelope.safeParse(body).data ?? {};
    const team = envelope.team_id ?? me.teamId ?? '';
    const place = { platform: 'slack' as const, team, channel: msg.channel };
    let outcome: EventOutcome = 'ignored';
    const eventId = envelope.event_id ?? `${msg.channel}:${msg.ts}`;
    try {
      if (!(await deps.desk.claimEvent('slack', eventId))) {
        outcome = 'duplicate-event';
        return;
      }
      const files: Attachment[] = msg.files?.length ? await deps.files.read(msg.files) : [];
      const reply = await deps.desk.handleMessage({
        ...place,
        messageId: msg.ts,
        user: msg.user,
        text: unwrapSlackMarkup(msg.text),
        ...(files.length > 0 ? { files } : {}),
        link: messageLink(me, msg.channel, msg.ts),
      });
      if (!reply) return;
      const threadTs = msg.thread_ts ?? msg.ts;
      // A reaction on the original should answer in the same thread as the card.
      deps.threads.remember(msg.channel, msg.ts, threadTs);
      await postReplyInThread(deps, { place, threadTs, user: msg.user }, reply);
      outcome = reply.kind;
    } catch (err) {
      // Internal error: logged with context; the channel hears nothing (never chatter).
      outcome = 'error';
      deps.log.error({ channel: msg.channel, ts: msg.ts, err: describeError(err) }, 'handling a Slack message failed');
      // Slack retries an event whose answer failed; the retry may be the delivery that works.
      await deps.desk.releaseEvent('slack', eventId);
    } finally {
      const kind = msg.files?.length ? 'file' : 'paste';
      logEvent(deps.log, { platform: 'slack', kind, outcome, startedAt, channel: msg.channel });
    }
  };
}

function isOwn(msg: MessagePayload, me: BotIdentity): boolean {
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
