import type { Card } from '../card/index.js';
import type { Platform } from '../desk/types.js';
import { describeError } from '../log.js';
import type { Posting } from '../posting.js';
import type { ChannelKind } from '../store/types.js';
import type { AlertMemory, Watch } from './memory.js';
import { WatchIndex } from './watch-index.js';

/** A share the bot just carded: where, by whom, and the posting's names (for "once per posting"). */
export interface SharedPosting {
  platform: Platform;
  team: string;
  channel: string;
  kind: ChannelKind;
  messageId: string;
  user: string;
  userName: string | null;
  /** A link to the shared message, when the platform gives one. */
  link: string | null;
  postingId: string;
  /** Fingerprint of the shared text. */
  textHash: string;
}

/** One DM to send: the card, the share it came from, and which of the person's watches it matched. */
export interface Alert {
  user: string;
  watches: Watch[];
  card: Card;
  posting: Posting;
  share: SharedPosting;
}

/** What a platform does for alerts: say whether a person can see a channel, and send the DM. */
export interface AlertDelivery {
  /** Whether `user` could read the channel the posting was shared in (membership, permissions). */
  canSee(user: string, share: SharedPosting): Promise<boolean>;
  /** DM the alert; false when it could not be sent. */
  send(alert: Alert): Promise<boolean>;
}

export interface AlertsLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/**
 * Watches turned into DMs. After each card, the team's watches (indexed, reloaded only when
 * their version in the store changes) are tried against the posting; each person with a
 * matching watch, other than the sharer, who can see the channel, gets one DM per posting,
 * claimed in the store so edits, reposts and several processes send it once.
 */
export class Alerts {
  private readonly deliveries = new Map<Platform, AlertDelivery>();
  private readonly indexes = new Map<string, { version: string; index: WatchIndex }>();
  private readonly pending = new Set<Promise<unknown>>();

  constructor(
    readonly memory: AlertMemory,
    private readonly log?: AlertsLogger,
  ) {}

  /** A platform's adapter says how to check visibility and send DMs there. */
  connect(platform: Platform, delivery: AlertDelivery): void {
    this.deliveries.set(platform, delivery);
  }

  /** The team's watch index, rebuilt only when another change was saved (by any process). */
  async indexFor(platform: Platform, team: string): Promise<WatchIndex> {
    const key = `${platform}:${team}`;
    const version = await this.memory.watchesVersion(platform, team);
    const cached = this.indexes.get(key);
    if (cached && cached.version === version) return cached.index;
    const record = await this.memory.teamWatches(platform, team);
    const index = new WatchIndex(record.watches, cached?.index);
    this.indexes.set(key, { version: record.version, index });
    return index;
  }

  /** Start alerting for a share in the background; the card does not wait for it. */
  notify(share: SharedPosting, posting: Posting, card: () => Card): void {
    const work = this.afterShare(share, posting, card).catch((err: unknown) => {
      this.log?.warn({ platform: share.platform, channel: share.channel, err: describeError(err) }, 'alerting watchers failed');
      return 0;
    });
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
  }

  /** Resolves once no alert is being worked on (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  /** Alert every watcher a share concerns; how many DMs went out. */
  async afterShare(share: SharedPosting, posting: Posting, cardFor: () => Card): Promise<number> {
    // A DM's share is that person's alone.
    if (share.kind === 'dm') return 0;
    const delivery = this.deliveries.get(share.platform);
    if (!delivery) return 0;
    const index = await this.indexFor(share.platform, share.team);
    if (index.size === 0) return 0;
    const byUser = new Map<string, Watch[]>();
    for (const watch of index.matching(posting)) {
      if (watch.user === share.user) continue;
      byUser.set(watch.user, [...(byUser.get(watch.user) ?? []), watch]);
    }
    let sent = 0;
    let card: Card | undefined;
    for (const [user, watches] of byUser) {
      // Visibility first: a share this person cannot see must not use up their one alert for the posting.
      if (!(await delivery.canSee(user, share))) continue;
      const names = [share.postingId, `msg:${share.channel}:${share.messageId}`, `text:${share.textHash}`];
      if (!(await this.memory.claimAlert(share.platform, user, names))) continue;
      card ??= cardFor();
      if (await delivery.send({ user, watches, card, posting, share })) sent += 1;
      else this.log?.warn({ platform: share.platform, channel: share.channel }, 'could not send an alert DM');
    }
    if (sent > 0) this.log?.info({ platform: share.platform, channel: share.channel, alerts: sent }, 'alerted watchers');
    return sent;
  }
}
