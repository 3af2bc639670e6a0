import type { Alert, AlertDelivery, SharedPosting } from '../../src/alerts/alerts.js';
import type { Digest } from '../../src/alerts/digest.js';
import type { DigestDelivery } from '../../src/alerts/digests.js';
import { explainFilter } from '../../src/alerts/explain.js';
import type { DigestSchedule } from '../../src/alerts/memory.js';
import type { SlackDeps } from './deps.js';
import { renderCardSlack } from './render/card.js';
import { renderDigestSlack } from './render/digest.js';
import { cutSlack, escapeSlack, slackChannel, slackLink, slackUser } from './render/escape.js';
import { SLACK_LIMITS } from './render/limits.js';

/** Channel members learnt from conversations.members, kept this long (someone who joins waits at most this). */
const MEMBERS_TTL_MS = 5 * 60 * 1000;
const MAX_CHANNELS = 1000;

/**
 * Who is in a channel (conversations.members, every page), remembered a few minutes: a private
 * or Slack Connect channel's posting is alerted only to its members.
 */
export class ChannelMembers {
  private readonly known = new Map<string, { members: Set<string>; at: number }>();

  constructor(
    private readonly deps: Pick<SlackDeps, 'web'>,
    private readonly now: () => number = Date.now,
  ) {}

  async has(channel: string, user: string): Promise<boolean> {
    const hit = this.known.get(channel);
    if (hit && this.now() - hit.at < MEMBERS_TTL_MS) return hit.members.has(user);
    const members = new Set<string>();
    const { web } = this.deps;
    try {
      let cursor: string | undefined;
      do {
        const page = await web.call('conversations.members', () => web.client.conversations.members({ channel, limit: 1000, ...(cursor ? { cursor } : {}) }));
        for (const m of page.members ?? []) members.add(m);
        cursor = page.response_metadata?.next_cursor || undefined;
      } while (cursor);
    } catch (err) {
      // Not knowing who is in a channel, nobody is told of it.
      web.reportFailure('conversations.members', channel, err);
      return false;
    }
    this.known.set(channel, { members, at: this.now() });
    if (this.known.size > MAX_CHANNELS) this.known.delete(this.known.keys().next().value as string);
    return members.has(user);
  }
}

/** The line above the card in an alert DM: which watches matched, who shared it where, and the link. */
export function alertIntro(alert: Alert): string {
  const watches = alert.watches.map((w) => `#${w.id} (${escapeSlack(explainFilter(w.filter).replace(/^Watching: /, ''))})`).join(', ');
  const who = slackUser(alert.share.user) ?? 'someone';
  const where = slackChannel(alert.share.channel) ?? 'a channel';
  const link = alert.share.link ? ` · ${slackLink(alert.share.link, 'see the share')}` : '';
  return cutSlack(`:bell: A posting matching your watch ${watches} was shared by ${who} in ${where}${link}`, SLACK_LIMITS.sectionText);
}

/**
 * Alerts on Slack: a public channel's posting is visible to everyone in its workspace (the
 * watch's own); any other channel's only to its members. The DM is the card with a line above.
 */
export function slackAlertDelivery(deps: SlackDeps, members = new ChannelMembers(deps)): AlertDelivery {
  return {
    async canSee(user: string, share: SharedPosting): Promise<boolean> {
      if (share.kind === 'dm') return false;
      if (share.kind === 'public') return true;
      return members.has(share.channel, user);
    },
    async send(alert: Alert): Promise<boolean> {
      const { web } = deps;
      try {
        const opened = await web.call('conversations.open', () => web.client.conversations.open({ users: alert.user }));
        const channel = opened.channel?.id;
        if (!channel) return false;
        const card = renderCardSlack(alert.card);
        const intro = alertIntro(alert);
        await web.call('chat.postMessage', () =>
          web.client.chat.postMessage({
            channel,
            text: cutSlack(`${intro}\n${card.text}`, SLACK_LIMITS.fallbackText),
            blocks: [{ type: 'section', text: { type: 'mrkdwn', text: intro } }, ...card.blocks],
            unfurl_links: false,
            unfurl_media: false,
          }),
        );
        return true;
      } catch (err) {
        web.reportFailure('chat.postMessage', alert.user, err);
        return false;
      }
    },
  };
}

/** Digests on Slack: one Block Kit message in the channel. */
export function slackDigestDelivery(deps: SlackDeps): DigestDelivery {
  return {
    async post(schedule: DigestSchedule, digest: Digest): Promise<boolean> {
      const { text, blocks } = renderDigestSlack(digest);
      try {
        await deps.web.call('chat.postMessage', () =>
          deps.web.client.chat.postMessage({ channel: schedule.channel, text, blocks, unfurl_links: false, unfurl_media: false }),
        );
        return true;
      } catch (err) {
        deps.web.reportFailure('chat.postMessage', schedule.channel, err);
        return false;
      }
    },
  };
}
