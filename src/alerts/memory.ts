import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { KeyValue } from '../store/backend.js';
import { ChannelKindSchema, PlatformSchema } from '../store/types.js';
import { WatchFilter } from './filter.js';

/** One saved filter of one person, in the workspace or server where they set it. */
export const Watch = z.object({
  /** Small and per person (1, 2, 3…): what `/jd unwatch <id>` takes. */
  id: z.number().int().positive(),
  platform: PlatformSchema,
  team: z.string(),
  user: z.string(),
  filter: WatchFilter,
  /** The filter in its canonical form, as listed back. */
  text: z.string(),
  createdAt: z.string(),
});
export type Watch = z.infer<typeof Watch>;

/** Every watch of a workspace or server, with a version that changes on each change (processes reload on it). */
const TeamWatches = z.object({ version: z.string(), watches: z.array(Watch) });
export type TeamWatches = z.infer<typeof TeamWatches>;

export const DigestEvery = z.enum(['daily', 'weekly']);
export type DigestEvery = z.infer<typeof DigestEvery>;

/** A channel's digest: how often, and when it runs next (kept in the store, so restarts keep it). */
export const DigestSchedule = z.object({
  platform: PlatformSchema,
  team: z.string(),
  channel: z.string(),
  kind: ChannelKindSchema,
  every: DigestEvery,
  /** ISO time of the next run. */
  nextAt: z.string(),
  setBy: z.string(),
});
export type DigestSchedule = z.infer<typeof DigestSchedule>;
const ScheduleKeys = z.array(z.string());

/** The most watches one person may keep. */
export const MAX_WATCHES = 10;
/** How long a lock on a shared record lives if its holder dies holding it. */
const LOCK_MS = 5000;
const LOCK_WAIT_MS = 25;
/** How long watches and "this person was alerted to this posting" are kept unless the store says (its retention). */
const DEFAULT_KEEP_MS = 180 * 24 * 60 * 60 * 1000;
/** A digest run's claim outlives the longest period, so a late process never runs it again. */
const DIGEST_CLAIM_MS = 8 * 24 * 60 * 60 * 1000;
const DIGESTS_KEY = 'digests';

export type AddWatch = { ok: true; watch: Watch } | { ok: false; reason: 'too-many' | 'duplicate'; watch?: Watch };

/**
 * What alerts and digests remember, on the store's own backend (SQLite file, Redis, Postgres):
 * watches per workspace or server (one record, changed under a lock that works across
 * processes, its version read on each share so every process sees a change at once), who was
 * alerted to what (claims, so several processes send one DM), and digest schedules with a claim
 * per run.
 */
export class AlertMemory {
  /**
   * `keepMs` is the store's retention (JOBCARD_RETENTION_DAYS): an alert mark lives that long,
   * a team's watches record that long after its last change, and purge() drops each watch
   * saved before the retention's cutoff, like the shares.
   */
  constructor(
    private readonly kv: KeyValue,
    private readonly keepMs: number = DEFAULT_KEEP_MS,
  ) {}

  /** Run `op` holding a lock on `name` (a claim with a short life), across every process on this backend. */
  private async locked<T>(name: string, op: () => Promise<T>): Promise<T> {
    const key = `lock:${name}`;
    const deadline = Date.now() + LOCK_MS * 2;
    while (!(await this.kv.claim(key, LOCK_MS))) {
      if (Date.now() > deadline) throw new Error(`store lock ${name} is held too long`);
      await new Promise((resolve) => setTimeout(resolve, LOCK_WAIT_MS));
    }
    try {
      return await op();
    } finally {
      await this.kv.delete(key);
    }
  }

  private async teamRecord(platform: string, team: string): Promise<TeamWatches> {
    const parsed = TeamWatches.safeParse(await this.kv.get(`watches:${platform}:${team}`));
    return parsed.success ? parsed.data : { version: '', watches: [] };
  }

  /** The version of a team's watches: one small read, made on every share. */
  async watchesVersion(platform: string, team: string): Promise<string> {
    const v = await this.kv.get(`watches-version:${platform}:${team}`);
    return typeof v === 'string' ? v : '';
  }

  async teamWatches(platform: string, team: string): Promise<TeamWatches> {
    return this.teamRecord(platform, team);
  }

  async watchesOf(platform: string, team: string, user: string): Promise<Watch[]> {
    return (await this.teamRecord(platform, team)).watches.filter((w) => w.user === user);
  }

  private async changeWatches(platform: string, team: string, change: (watches: Watch[]) => Watch[] | null): Promise<void> {
    await this.locked(`watches:${platform}:${team}`, async () => {
      const record = await this.teamRecord(platform, team);
      const next = change(record.watches);
      if (next === null) return;
      const version = randomUUID();
      await this.kv.setMany([
        { key: `watches:${platform}:${team}`, value: { version, watches: next }, ttlMs: this.keepMs },
        { key: `watches-version:${platform}:${team}`, value: version, ttlMs: this.keepMs },
      ]);
    });
  }

  /** Save a watch for a person: refused past MAX_WATCHES, or when they already watch the same filter. */
  async addWatch(watch: Omit<Watch, 'id'>): Promise<AddWatch> {
    let result: AddWatch = { ok: false, reason: 'too-many' };
    await this.changeWatches(watch.platform, watch.team, (all) => {
      const mine = all.filter((w) => w.user === watch.user);
      const same = mine.find((w) => w.text === watch.text);
      if (same) {
        result = { ok: false, reason: 'duplicate', watch: same };
        return null;
      }
      if (mine.length >= MAX_WATCHES) return null;
      const saved = { ...watch, id: Math.max(0, ...mine.map((w) => w.id)) + 1 };
      result = { ok: true, watch: saved };
      return [...all, saved];
    });
    return result;
  }

  /** Remove one of a person's watches; the removed watch, or undefined when they have none by that id. */
  async removeWatch(platform: string, team: string, user: string, id: number): Promise<Watch | undefined> {
    let removed: Watch | undefined;
    await this.changeWatches(platform, team, (all) => {
      removed = all.find((w) => w.user === user && w.id === id);
      return removed ? all.filter((w) => w !== removed) : null;
    });
    return removed;
  }

  /**
   * Claim "alert `user` to this posting" once: false when they were alerted to it already, by
   * this process or another, through any of its names (the posting, the shared message, its text).
   */
  async claimAlert(platform: string, user: string, names: readonly string[]): Promise<boolean> {
    const keys = names.map((n) => `alerted:${platform}:${user}:${n}`);
    const seen = await this.kv.getMany(keys);
    const won = !seen.some((v) => v !== undefined && v !== null) && (await this.kv.claim(keys[0] as string, this.keepMs));
    // Won or not, every name of this share now stands for the alert: a later edit of this very
    // message (a new text, a new posting id) must find it, whichever process sent the DM.
    await this.kv.setMany(keys.slice(1).map((key) => ({ key, value: 1, ttlMs: this.keepMs })));
    return won;
  }

  async digestOf(platform: string, channel: string): Promise<DigestSchedule | undefined> {
    const parsed = DigestSchedule.safeParse(await this.kv.get(`digest:${platform}:${channel}`));
    return parsed.success ? parsed.data : undefined;
  }

  /** Set a channel's digest (or, with null, stop it). */
  async setDigest(platform: string, channel: string, schedule: DigestSchedule | null): Promise<void> {
    const key = `digest:${platform}:${channel}`;
    await this.locked(DIGESTS_KEY, async () => {
      const keys = ScheduleKeys.safeParse(await this.kv.get(DIGESTS_KEY)).data ?? [];
      const rest = keys.filter((k) => k !== key);
      if (schedule) {
        await this.kv.setMany([{ key, value: schedule }, { key: DIGESTS_KEY, value: [...rest, key] }]);
      } else {
        await this.kv.set(DIGESTS_KEY, rest);
        await this.kv.delete(key);
      }
    });
  }

  /** Every digest schedule (one read for the list, one for the schedules). */
  async digests(): Promise<DigestSchedule[]> {
    const keys = ScheduleKeys.safeParse(await this.kv.get(DIGESTS_KEY)).data ?? [];
    const raws = await this.kv.getMany(keys);
    return raws.flatMap((raw) => {
      const parsed = DigestSchedule.safeParse(raw);
      return parsed.success ? [parsed.data] : [];
    });
  }

  /** Claim one run of a digest (the channel at its scheduled time): only one process gets true. */
  async claimDigestRun(schedule: DigestSchedule): Promise<boolean> {
    return this.kv.claim(`digest-run:${schedule.platform}:${schedule.channel}:${schedule.nextAt}`, DIGEST_CLAIM_MS);
  }

  /** Move a digest on after a run, unless it was changed or stopped meanwhile. */
  async advanceDigest(ran: DigestSchedule, next: DigestSchedule): Promise<void> {
    const key = `digest:${ran.platform}:${ran.channel}`;
    await this.locked(DIGESTS_KEY, async () => {
      const now = DigestSchedule.safeParse(await this.kv.get(key));
      if (!now.success || now.data.nextAt !== ran.nextAt || now.data.every !== ran.every) return;
      await this.kv.set(key, next);
    });
  }

  /** Drop every watch saved before `cutoffMs` (the retention's hourly sweep); how many went. */
  async purge(cutoffMs: number): Promise<number> {
    const cutoff = new Date(cutoffMs).toISOString();
    let dropped = 0;
    for (const key of await this.kv.keys('watches:')) {
      const [, platform, ...rest] = key.split(':');
      const team = rest.join(':');
      if (!platform || !team) continue;
      await this.changeWatches(platform, team, (all) => {
        const left = all.filter((w) => w.createdAt >= cutoff);
        dropped += all.length - left.length;
        return left.length === all.length ? null : left;
      });
    }
    return dropped;
  }

  /**
   * Forget a workspace or server (the app was uninstalled there): its watches, the alert marks
   * of its watchers, and its channels' digest schedules.
   */
  async forgetTeam(platform: string, team: string): Promise<void> {
    const watchers = new Set((await this.teamRecord(platform, team)).watches.map((w) => w.user));
    await this.locked(`watches:${platform}:${team}`, async () => {
      await this.kv.delete(`watches:${platform}:${team}`);
      await this.kv.delete(`watches-version:${platform}:${team}`);
    });
    for (const user of watchers) {
      for (const key of await this.kv.keys(`alerted:${platform}:${user}:`)) await this.kv.delete(key);
    }
    const theirs = (await this.digests()).filter((d) => d.platform === platform && d.team === team);
    for (const schedule of theirs) await this.setDigest(schedule.platform, schedule.channel, null);
  }
}
