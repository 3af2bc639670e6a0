import type { Platform } from '../desk/types.js';
import { describeError } from '../log.js';
import type { Store } from '../store/types.js';
import { buildDigest, DIGEST_PERIOD_MS, type Digest } from './digest.js';
import type { AlertMemory, DigestSchedule } from './memory.js';

/** How a platform posts a digest in a channel; false when it could not. */
export interface DigestDelivery {
  post(schedule: DigestSchedule, digest: Digest): Promise<boolean>;
}

export interface DigestsLogger {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
}

/**
 * Channel digests. `runDue` (called every minute by the app, or by a test with its own clock)
 * posts each digest whose time has come, once across every process on the store (a claim per
 * channel and scheduled time), then moves its next time on by whole periods.
 */
export class Digests {
  private readonly deliveries = new Map<Platform, DigestDelivery>();

  constructor(
    private readonly memory: AlertMemory,
    private readonly store: Store,
    private readonly log?: DigestsLogger,
  ) {}

  connect(platform: Platform, delivery: DigestDelivery): void {
    this.deliveries.set(platform, delivery);
  }

  /** The digest a channel would get now for the period just ended (the playground's preview, and each run). */
  async preview(schedule: Pick<DigestSchedule, 'platform' | 'team' | 'channel' | 'kind' | 'every'>, at: Date): Promise<Digest | null> {
    const viewer = { platform: schedule.platform, team: schedule.team, channel: schedule.channel, user: '', kind: schedule.kind };
    const from = new Date(at.getTime() - DIGEST_PERIOD_MS[schedule.every]);
    // Every share of the period from the channel's hourly log, not its recent list (50 lines).
    const { entries, complete } = await this.store.channelShares(viewer, from, at);
    return buildDigest(entries, schedule.every, from, at, complete);
  }

  /** Post every digest due at `now` on the platforms connected here; how many were posted. */
  async runDue(now: Date): Promise<number> {
    let posted = 0;
    for (const schedule of await this.memory.digests()) {
      if (new Date(schedule.nextAt) > now) continue;
      const delivery = this.deliveries.get(schedule.platform);
      if (!delivery) continue;
      if (!(await this.memory.claimDigestRun(schedule))) continue;
      try {
        const digest = await this.preview(schedule, new Date(schedule.nextAt));
        if (digest && (await delivery.post(schedule, digest))) posted += 1;
      } catch (err) {
        this.log?.warn({ platform: schedule.platform, channel: schedule.channel, err: describeError(err) }, 'posting a digest failed');
      }
      await this.memory.advanceDigest(schedule, { ...schedule, nextAt: nextRun(schedule, now).toISOString() });
    }
    if (posted > 0) this.log?.info({ digests: posted }, 'posted digests');
    return posted;
  }
}

/** The first scheduled time after `now`, in whole periods from the last one (a process down for days skips the runs it missed). */
export function nextRun(schedule: Pick<DigestSchedule, 'nextAt' | 'every'>, now: Date): Date {
  const period = DIGEST_PERIOD_MS[schedule.every];
  const last = new Date(schedule.nextAt).getTime();
  const steps = Math.max(1, Math.floor((now.getTime() - last) / period) + 1);
  return new Date(last + steps * period);
}
