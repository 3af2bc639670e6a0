import type { ChannelKind } from '../../src/desk/index.js';
import type { SlackWeb } from './web.js';

/** Channel kinds learnt from conversations.info; kinds rarely change (a channel made private). */
const MAX_ENTRIES = 5_000;
const TTL_MS = 60 * 60 * 1000;

/** What a message event's `channel_type` says about its audience. */
const BY_EVENT_TYPE: Readonly<Record<string, ChannelKind>> = {
  channel: 'public',
  group: 'private',
  mpim: 'private',
  im: 'dm',
};

/**
 * Who can read a Slack channel, which decides who the bot may later tell of a posting shared
 * there. Message events say it themselves (`channel_type`, and `is_ext_shared_channel` on the
 * envelope for Slack Connect); slash commands do not, so the channel is asked about once
 * (conversations.info) and remembered for an hour. Unknown counts as private: the safe side.
 */
export class ChannelKinds {
  private readonly known = new Map<string, { kind: ChannelKind; at: number }>();

  constructor(
    private readonly web: SlackWeb,
    private readonly now: () => number = Date.now,
  ) {}

  /** The kind a message event states, remembered for the commands that follow in that channel. */
  fromEvent(channel: string, channelType: string | undefined, extShared: boolean | undefined): ChannelKind {
    const kind: ChannelKind = extShared ? 'connect' : (channelType && BY_EVENT_TYPE[channelType]) || kindFromId(channel);
    this.remember(channel, kind);
    return kind;
  }

  /** The kind of a channel a command came from: remembered, or asked of Slack. */
  async of(channel: string): Promise<ChannelKind> {
    const hit = this.known.get(channel);
    if (hit && this.now() - hit.at < TTL_MS) return hit.kind;
    try {
      const res = await this.web.call('conversations.info', () => this.web.client.conversations.info({ channel }));
      const c = res.channel ?? {};
      // is_ext_shared marks Slack Connect (is_shared alone may be an Enterprise Grid org share).
      const kind: ChannelKind = c.is_ext_shared || c.is_pending_ext_shared
        ? 'connect'
        : c.is_im
          ? 'dm'
          : c.is_private || c.is_mpim || c.is_group
            ? 'private'
            : 'public';
      this.remember(channel, kind);
      return kind;
    } catch (err) {
      this.web.reportFailure('conversations.info', channel, err);
      return kindFromId(channel);
    }
  }

  private remember(channel: string, kind: ChannelKind): void {
    this.known.delete(channel);
    this.known.set(channel, { kind, at: this.now() });
    if (this.known.size > MAX_ENTRIES) {
      const oldest = this.known.keys().next().value;
      if (oldest !== undefined) this.known.delete(oldest);
    }
  }
}

/** A DM's id starts with D; anything else unknown is taken as private (told only in itself). */
function kindFromId(channel: string): ChannelKind {
  return channel.startsWith('D') ? 'dm' : 'private';
}
