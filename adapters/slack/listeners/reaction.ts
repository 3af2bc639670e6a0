import { describeError, logEvent, type EventOutcome } from '../../../src/log.js';
import type { SlackDeps } from '../deps.js';
import { EventEnvelope, ReactionPayload } from '../events.js';
import { postReplyInThread } from '../replies.js';

/** Full texts already posted in a thread stay posted once, however many people react. */
const MAX_REMEMBERED = 5_000;

/**
 * `reaction_added`: the full-text emoji (configured in the Desk) on a card or on the original
 * posting → the full cleaned posting in that thread, once per thread.
 */
export function onReactionAdded(deps: SlackDeps): (args: { event: unknown; body: unknown }) => Promise<void> {
  const posted = new Set<string>();
  return async ({ event, body }) => {
    const startedAt = performance.now();
    const parsed = ReactionPayload.safeParse(event);
    if (!parsed.success) return;
    const reaction = parsed.data;
    const { channel, ts } = reaction.item;
    if (reaction.item.type !== 'message' || !channel || !ts) return;
    const me = deps.identity();
    if (reaction.user === me.userId) return;

    const envelope = EventEnvelope.safeParse(body).data ?? {};
    const place = { platform: 'slack' as const, team: envelope.team_id ?? me.teamId ?? '', channel };
    let outcome: EventOutcome = 'ignored';
    const eventId = envelope.event_id ?? `${channel}:${ts}:${reaction.user}:${reaction.reaction}`;
    try {
      if (!(await deps.desk.claimEvent('slack', eventId))) {
        outcome = 'duplicate-event';
        return;
      }
      const reply = await deps.desk.handleReaction({
        ...place,
        messageId: ts,
        user: reaction.user,
        // `thumbsup::skin-tone-2`: the tone is not part of the emoji's meaning.
        emoji: reaction.reaction.replace(/::skin-tone-\d$/, ''),
      });
      if (!reply) return;
      const threadTs = await deps.threads.rootOf(channel, ts);
      if (reply.kind === 'full') {
        const key = `${channel}:${threadTs}:${reply.postingId}`;
        if (posted.has(key)) {
          outcome = 'ignored';
          return;
        }
        posted.add(key);
        if (posted.size > MAX_REMEMBERED) posted.delete(posted.values().next().value as string);
      }
      await postReplyInThread(deps, { place, threadTs, user: reaction.user, reactedTo: ts }, reply);
      outcome = reply.kind;
    } catch (err) {
      outcome = 'error';
      deps.log.error({ channel, ts, err: describeError(err) }, 'handling a Slack reaction failed');
      await deps.desk.releaseEvent('slack', eventId);
    } finally {
      logEvent(deps.log, { platform: 'slack', kind: 'reaction', outcome, startedAt, channel });
    }
  };
}
