import type { DeskReply, MessageRef, Place } from '../../src/desk/index.js';
import type { SlackDeps } from './deps.js';
import { renderCardSlack } from './render/card.js';
import { escapeSlack } from './render/escape.js';
import { renderFullSlack } from './render/full.js';

/** Where a reply goes: a thread in a channel, and the person it answers (for notices). */
export interface ThreadTarget {
  place: Place;
  threadTs: string;
  user: string;
  /** The shared message the reply answers (its card goes when it is deleted). */
  original?: string;
  /** The message a reaction asking for the full text was on. */
  reactedTo?: string;
}

/**
 * Post a Desk reply in a thread: a card (remembered so reactions on it work), the full
 * posting (one message per part, in order), or a notice only the user sees.
 */
export async function postReplyInThread(deps: SlackDeps, target: ThreadTarget, reply: DeskReply): Promise<void> {
  const { place, threadTs, user } = target;
  switch (reply.kind) {
    case 'card': {
      const posted = await deps.web.postInThread(place.channel, threadTs, renderCardSlack(reply.card), 'shrink');
      for (const ts of posted) {
        deps.threads.remember(place.channel, ts, threadTs);
        await deps.desk.rememberReply(place, ts, reply.postingId, target.original);
      }
      return;
    }
    case 'full': {
      const parts: MessageRef[] = [];
      for (const message of renderFullSlack(reply.title, reply.text)) {
        const posted = await deps.web.postInThread(place.channel, threadTs, message, 'split');
        parts.push(...posted.map((ts) => ({ channel: place.channel, messageId: ts })));
        // A part that could not be posted means the rest would read out of order: stop.
        if (posted.length === 0) break;
      }
      // Tied to the posting's message, so deleting the posting deletes its full text too.
      if (target.reactedTo && parts.length > 0) await deps.desk.rememberFullText(place, target.reactedTo, parts, reply.postingId);
      return;
    }
    case 'notice':
    case 'help':
    case 'list':
      await deps.web.postEphemeral(place.channel, user, plainReplyText(reply), threadTs);
      return;
  }
}

/** The text of a reply that is not a card: escaped, so nothing in it can ping or link. */
export function plainReplyText(reply: Extract<DeskReply, { kind: 'notice' | 'help' | 'list' }>): string {
  if (reply.kind === 'list') return [`*${escapeSlack(reply.title)}*`, ...reply.items.map((i) => `• ${escapeSlack(i)}`)].join('\n');
  return escapeSlack(reply.text);
}

/** Delete the bot's replies to a removed posting (or blank them where Slack will not delete them). */
export async function removeReplies(deps: SlackDeps, replies: readonly MessageRef[]): Promise<void> {
  for (const ref of replies) await deps.web.removeMessage(ref.channel, ref.messageId);
}
