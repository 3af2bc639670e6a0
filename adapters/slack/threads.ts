import type { SlackWeb } from './web.js';

/** Remembered thread roots; old entries go first (a Slack thread is rarely reacted to after days). */
const MAX_ENTRIES = 10_000;

/**
 * Where to reply for a reacted-to message. Slack wants a thread's root ts as thread_ts; a
 * reaction names the message it is on (often our card, itself a reply). Roots of messages the
 * app saw are kept in memory; others are asked of Slack once (conversations.replies).
 */
export class ThreadRoots {
  private readonly roots = new Map<string, string>();

  constructor(private readonly web: SlackWeb) {}

  remember(channel: string, ts: string, rootTs: string): void {
    const key = `${channel}:${ts}`;
    this.roots.delete(key);
    this.roots.set(key, rootTs);
    if (this.roots.size > MAX_ENTRIES) {
      const oldest = this.roots.keys().next().value;
      if (oldest !== undefined) this.roots.delete(oldest);
    }
  }

  async rootOf(channel: string, ts: string): Promise<string> {
    const known = this.roots.get(`${channel}:${ts}`);
    if (known) return known;
    try {
      const res = await this.web.call('conversations.replies', () =>
        this.web.client.conversations.replies({ channel, ts, limit: 1 }),
      );
      const first = res.messages?.[0];
      const root = first?.thread_ts ?? first?.ts ?? ts;
      this.remember(channel, ts, root);
      return root;
    } catch (err) {
      // Replying under the message itself still lands near it; say why it may not be threaded.
      this.web.reportFailure('conversations.replies', channel, err);
      return ts;
    }
  }
}
