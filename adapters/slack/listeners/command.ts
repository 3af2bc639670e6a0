import { RespondError, type RespondArguments, type SlackCommandMiddlewareArgs } from '@slack/bolt';
import type { DeskReply } from '../../../src/desk/index.js';
import { describeError, logEvent, type EventOutcome } from '../../../src/log.js';
import type { SlackDeps } from '../deps.js';
import { unwrapSlackMarkup } from '../markup.js';
import { renderCardSlack } from '../render/card.js';
import { renderFullSlack } from '../render/full.js';
import { plainReplyText, removeReplies } from '../replies.js';

export const JD_COMMAND = '/jd';

const SORRY = 'Something went wrong on my side while reading that. Please try again in a moment.';

/**
 * `/jd <text or link>`: acknowledged at once (Slack gives three seconds), then the Desk
 * decides: a card in the channel for everyone, or help / a notice for the user alone.
 */
export function onJdCommand(deps: SlackDeps): (args: Pick<SlackCommandMiddlewareArgs, 'command' | 'ack' | 'respond'>) => Promise<void> {
  return async ({ command, ack, respond }) => {
    const startedAt = performance.now();
    await ack();
    let outcome: EventOutcome = 'error';
    try {
      const reply = await deps.desk.handleCommand({
        platform: 'slack',
        team: command.team_id,
        channel: command.channel_id,
        kind: await deps.channels.of(command.channel_id),
        user: command.user_id,
        userName: command.user_name,
        text: unwrapSlackMarkup(command.text ?? ''),
        link: null,
      });
      const messages = commandResponses(reply);
      if (reply.kind === 'card' && messages[0]?.text) {
        deps.ownCards.expect({ platform: 'slack', team: command.team_id, channel: command.channel_id }, messages[0].text, reply.postingId);
      }
      for (const message of messages) await respondWithRetry(respond, message);
      // `/jd forget`: the forgotten share's card and full text go too.
      if (reply.kind === 'notice' && reply.remove) await removeReplies(deps, reply.remove);
      outcome = reply.kind;
    } catch (err) {
      deps.log.error({ channel: command.channel_id, err: describeError(err) }, 'handling /jd failed');
      await respond({ response_type: 'ephemeral', text: SORRY }).catch((e: unknown) =>
        deps.log.warn({ err: describeError(e) }, 'could not tell the user /jd failed'),
      );
    } finally {
      logEvent(deps.log, { platform: 'slack', kind: 'command', outcome, startedAt, channel: command.channel_id });
    }
  };
}

/** The response_url messages for a Desk reply: cards and full texts for the channel, the rest for the user. */
export function commandResponses(reply: DeskReply): RespondArguments[] {
  switch (reply.kind) {
    case 'card': {
      const { text, blocks } = renderCardSlack(reply.card);
      return [{ response_type: 'in_channel', text, blocks, unfurl_links: false, unfurl_media: false }];
    }
    case 'full':
      return renderFullSlack(reply.title, reply.text).map(({ text, blocks }) => ({ response_type: 'in_channel', text, blocks }));
    case 'notice':
    case 'help':
    case 'list':
      return [{ response_type: 'ephemeral', text: plainReplyText(reply) }];
  }
}

/** response_url allows a few posts a minute; one 429 is waited out once. */
async function respondWithRetry(respond: SlackCommandMiddlewareArgs['respond'], message: RespondArguments): Promise<void> {
  try {
    await respond(message);
  } catch (err) {
    if (!(err instanceof RespondError) || err.statusCode !== 429) throw err;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await respond(message);
  }
}
