import { z } from 'zod';
import { AlertMemory } from '../alerts/memory.js';
import type { Platform } from '../desk/types.js';
import { Posting } from '../posting.js';
import { textFingerprint } from '../fingerprint.js';
import type { Entry, KeyValue } from './backend.js';
import { bandKeys, minhash, similarity } from './near-dup.js';
import { SealedRecords, type Sealer } from './sealed.js';
import { channelLogKey, indexBase, recentKey, visibleTo } from './scope.js';
import {
  ShareSchema, TeamEntrySchema, type Known, type MessageRef, type Removed, type Share, type ShareRecord, type Store,
  type TeamEntry, type Viewer,
} from './types.js';

const DAY = 24 * 60 * 60 * 1000;

export interface Retention {
  postingMs: number;
  messageMs: number;
  eventMs: number;
}
export const DEFAULT_RETENTION: Retention = { postingMs: 180 * DAY, messageMs: 180 * DAY, eventMs: DAY };

/** Bounds that keep every record small, whatever a team shares. */
const MAX_SHARES = 50;
const MAX_RECENT = 50;
const MAX_BUCKET = 25;
/**
 * A channel's log (what its digest reads) keeps this many lines an hour: a weekly digest reads
 * 169 hours, at most 16,900 lines, and says "at least" when an hour was full.
 */
export const MAX_LOG_HOUR = 100;
/** The log outlives the longest digest period (a week) by a little, for a run that comes late. */
const LOG_MS = 9 * DAY;
/**
 * The team's search index is kept in segments: a share rewrites only the newest (at most
 * INDEX_SEGMENT entries) and a full one is set aside whole, so a share costs the same whether
 * the team shared ten postings or five hundred. INDEX_SEGMENTS set aside are kept.
 */
const INDEX_SEGMENT = 50;
const INDEX_SEGMENTS = 10;

/** Same text beyond doubt; below it, a near-duplicate must also be the same role. */
const SAME_TEXT = 0.8;
const SAME_ROLE_TEXT = 0.35;

const StoredPosting = z.object({ posting: Posting, signature: z.array(z.number()), savedAt: z.string() });
const Signed = z.object({ signature: z.array(z.number()) });
/** A list of posting ids, or of keys (refs, the index segments set aside). */
const Ids = z.array(z.string());
const Shares = z.array(ShareSchema);
const Entries = z.array(TeamEntrySchema);
const Ref = z.object({ channel: z.string(), messageId: z.string(), role: z.enum(['card', 'full']).optional() });
const Refs = z.array(Ref);
/** The bot's replies to one shared message, at most (a card, a few full-text parts, edits). */
const MAX_REPLIES = 20;

/** What storing a new posting involves: the buckets it joins (read first), its refs, and its writes. */
interface PostingPlan {
  buckets: string[];
  refs: string[];
  writes(currentBuckets: readonly unknown[]): Entry[];
}

export interface StoreLogger {
  warn(obj: object, msg: string): void;
}

/**
 * Everything jobcard remembers, on any KeyValue backend. Keys are prefixed by namespace
 * (posting, key, lsh, msg, refs, event, shares, recent, index, link); every record is
 * validated with zod on read, and a corrupt one is skipped and logged, never a crash.
 */
export class JobStore implements Store {
  readonly alerts: AlertMemory;

  constructor(
    private readonly kv: KeyValue,
    private readonly retention: Retention = DEFAULT_RETENTION,
    private readonly log?: StoreLogger,
  ) {
    this.alerts = new AlertMemory(kv, retention.postingMs);
  }

  /** Read-modify-writes in flight, by key: updates of one key in this process run one after another. */
  private readonly updating = new Map<string, Promise<void>>();

  /**
   * Run `op` after every earlier update of any of `keys` in this process, so concurrent events
   * lose no update. (Waiting only for earlier updates never deadlocks.)
   */
  private exclusive(keys: readonly string[], op: () => Promise<void>): Promise<void> {
    const previous = Promise.all(keys.map((key) => this.updating.get(key)));
    const next = previous.then(op);
    const settled = next.catch(() => undefined);
    for (const key of keys) this.updating.set(key, settled);
    void settled.then(() => {
      for (const key of keys) if (this.updating.get(key) === settled) this.updating.delete(key);
    });
    return next;
  }

  private async read<T>(key: string, schema: z.ZodType<T>): Promise<T | undefined> {
    return this.parse(key, await this.kv.get(key), schema);
  }

  /** A record as read from the backend, validated; a corrupt one is logged and taken as absent. */
  private parse<T>(key: string, raw: unknown, schema: z.ZodType<T>): T | undefined {
    if (raw === undefined || raw === null) return undefined;
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    this.log?.warn({ key, problem: parsed.error.issues[0]?.message }, 'skipping a corrupt or old-format record');
    return undefined;
  }

  async getPosting(id: string): Promise<Posting | undefined> {
    return (await this.read(`posting:${id}`, StoredPosting))?.posting;
  }

  /** Map a platform message (a card the bot posted) to its posting; the ref lets forget() remove it. */
  async linkMessage(platform: Platform, channel: string, messageId: string, postingId: string): Promise<void> {
    const key = `msg:${platform}:${channel}:${messageId}`;
    const refKey = `refs:${postingId}`;
    await this.exclusive([refKey], async () => {
      const refs = this.parse(refKey, await this.kv.get(refKey), Ids) ?? [];
      await this.kv.setMany([{ key, value: postingId, ttlMs: this.retention.messageMs }, ...this.refWrite(refKey, refs, [key])]);
    });
  }

  async postingIdForMessage(platform: Platform, channel: string, messageId: string): Promise<string | undefined> {
    return this.read(`msg:${platform}:${channel}:${messageId}`, z.string());
  }

  async claimEvent(eventKey: string): Promise<boolean> {
    return this.kv.claim(`event:${eventKey}`, this.retention.eventMs);
  }

  async releaseEvent(eventKey: string): Promise<void> {
    await this.kv.delete(`event:${eventKey}`);
  }

  async firstShare(postingId: string): Promise<Share | undefined> {
    return (await this.read(`shares:${postingId}`, Shares))?.[0];
  }

  async shares(postingId: string): Promise<Share[]> {
    return (await this.read(`shares:${postingId}`, Shares)) ?? [];
  }

  /**
   * The same job stored before, with the first share `viewer` may see: found by an exact key
   * (its link, its text), else by MinHash over the LSH buckets. Three reads at most, whatever
   * the store holds. The stored posting comes back only when the share that stored it is
   * visible to the viewer (its text and pay may then be shown).
   */
  async lookup(posting: Posting, canonicalUrl: string | null | undefined, viewer: Viewer): Promise<Known | undefined> {
    const found = await this.kv.getMany(exactKeys(posting, canonicalUrl).map((k) => `key:${k}`));
    const exactIds = [...new Set(found.filter((id): id is string => typeof id === 'string'))];
    let hit: { id: string; posting: Posting; shares: Share[] } | undefined;
    if (exactIds.length > 0) hit = await this.known(exactIds);
    if (!hit) {
      const best = await this.nearest(posting, this.signature(posting.text));
      if (!best) return undefined;
      hit = { ...best, shares: this.parse(`shares:${best.id}`, await this.kv.get(`shares:${best.id}`), Shares) ?? [] };
    }
    const storedBy = hit.shares[0];
    return {
      id: hit.id,
      posting: storedBy && visibleTo(storedBy, viewer) ? hit.posting : undefined,
      firstShare: hit.shares.find((s) => visibleTo(s, viewer)),
    };
  }

  /** The id of a stored posting that is the same job: same link, same text, or a near-duplicate. */
  async findDuplicate(posting: Posting, canonicalUrl?: string | null): Promise<string | undefined> {
    const anyone: Viewer = { platform: 'local', team: '', channel: '', user: '', kind: 'private' };
    return (await this.lookup(posting, canonicalUrl, anyone))?.id;
  }

  /** Store a new posting with the keys that find it again. */
  async remember(postingId: string, posting: Posting, canonicalUrl?: string | null): Promise<void> {
    const plan = this.postingPlan(postingId, posting, canonicalUrl);
    const refKey = `refs:${postingId}`;
    await this.exclusive([refKey, ...plan.buckets], async () => {
      const [refs, ...buckets] = await this.kv.getMany([refKey, ...plan.buckets]);
      await this.kv.setMany([...plan.writes(buckets), ...this.refWrite(refKey, this.parse(refKey, refs, Ids) ?? [], plan.refs)]);
    });
  }

  /**
   * Record one share: the posting itself when it is new, the message → posting link, the share
   * (the first one is what "shared before" shows) and the team's memory (the channel's recent
   * list, the team's search index). One read and one write, whatever the backend; updates of
   * the same records in this process run one after another, so concurrent events lose nothing.
   */
  async recordShare(record: ShareRecord): Promise<void> {
    const { share, entry } = record;
    const id = share.postingId;
    const msgKey = `msg:${share.platform}:${share.channel}:${share.messageId}`;
    const refKey = `refs:${id}`;
    const sharesKey = `shares:${id}`;
    const recent = recentKey(share.platform, record.team, share.channel, share.kind);
    const log = channelLogKey(share.platform, record.team, share.channel, share.kind, share.at);
    const index = indexKeys(indexBase(share.platform, record.team, share.channel, share.kind));
    const plan = record.isNew ? this.postingPlan(id, record.posting, record.canonicalUrl) : undefined;
    const buckets = plan?.buckets ?? [];
    const read = [refKey, sharesKey, recent, log, index.head, index.segments, ...buckets];
    await this.exclusive(read, async () => {
      const [refsRaw, sharesRaw, recentRaw, logRaw, headRaw, segmentsRaw, ...bucketsRaw] = await this.kv.getMany(read);
      const keep = this.retention.postingMs;
      const writes: Entry[] = [...(plan?.writes(bucketsRaw) ?? []), { key: msgKey, value: id, ttlMs: this.retention.messageMs }];
      const shares = this.parse(sharesKey, sharesRaw, Shares) ?? [];
      if (!shares.some((s) => s.platform === share.platform && s.channel === share.channel && s.messageId === share.messageId)) {
        writes.push({ key: sharesKey, value: [...shares, share].slice(0, MAX_SHARES), ttlMs: keep });
      }
      const sameLine = (e: TeamEntry): boolean => e.postingId === entry.postingId && e.channel === entry.channel;
      const recentList = (this.parse(recent, recentRaw, Entries) ?? []).filter((e) => !sameLine(e));
      writes.push({ key: recent, value: [entry, ...recentList].slice(0, MAX_RECENT), ttlMs: keep });
      const logList = (this.parse(log, logRaw, Entries) ?? []).filter((e) => !sameLine(e));
      writes.push({ key: log, value: [entry, ...logList].slice(0, MAX_LOG_HOUR), ttlMs: Math.min(keep, LOG_MS) });
      const head = (this.parse(index.head, headRaw, Entries) ?? []).filter((e) => !sameLine(e));
      let dropped: string[] = [];
      if (head.length < INDEX_SEGMENT) {
        writes.push({ key: index.head, value: [entry, ...head], ttlMs: keep });
      } else {
        // The newest segment is full: set it aside whole under a key of its own and start a new one.
        const aside = `${index.base}:${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
        const segments = [aside, ...(this.parse(index.segments, segmentsRaw, Ids) ?? [])];
        dropped = segments.slice(INDEX_SEGMENTS);
        writes.push(
          { key: aside, value: head, ttlMs: keep },
          { key: index.segments, value: segments.slice(0, INDEX_SEGMENTS), ttlMs: keep },
          { key: index.head, value: [entry], ttlMs: keep },
        );
      }
      const refs = this.parse(refKey, refsRaw, Ids) ?? [];
      // The index is named by its base key: forget() finds the segment the entry is in by then.
      writes.push(...this.refWrite(refKey, refs, [msgKey, recent, log, index.base, ...(plan?.refs ?? [])]));
      await this.kv.setMany(writes);
      await Promise.all(dropped.map((key) => this.kv.delete(key)));
    });
  }

  async recent(viewer: Viewer, limit: number): Promise<TeamEntry[]> {
    const key = recentKey(viewer.platform, viewer.team, viewer.channel, viewer.kind);
    const entries = (await this.read(key, Entries)) ?? [];
    return entries.filter((e) => visibleTo(scopedEntry(e, viewer.platform, viewer.team), viewer)).slice(0, limit);
  }

  /**
   * Every share made in the viewer's channel from `from` (inclusive) to `to` (exclusive), newest
   * first, from the channel's hourly log: one getMany of the hours in the period (169 for a
   * week). `complete` is false when an hour held more shares than the log keeps (MAX_LOG_HOUR).
   */
  async channelShares(viewer: Viewer, from: Date, to: Date): Promise<{ entries: TeamEntry[]; complete: boolean }> {
    const HOUR = 60 * 60 * 1000;
    const keys: string[] = [];
    for (let t = Math.floor(from.getTime() / HOUR) * HOUR; t < to.getTime(); t += HOUR) {
      keys.push(channelLogKey(viewer.platform, viewer.team, viewer.channel, viewer.kind, new Date(t).toISOString()));
    }
    const [fromIso, toIso] = [from.toISOString(), to.toISOString()];
    let complete = true;
    const entries: TeamEntry[] = [];
    for (const [i, raw] of (await this.kv.getMany(keys)).entries()) {
      const hour = this.parse(keys[i] as string, raw, Entries) ?? [];
      if (hour.length >= MAX_LOG_HOUR) complete = false;
      entries.push(...hour.filter((e) => e.channel === viewer.channel && e.at >= fromIso && e.at < toIso && visibleTo(scopedEntry(e, viewer.platform, viewer.team), viewer)));
    }
    return { entries: entries.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)), complete };
  }

  /**
   * The team's index (and, in a Slack Connect channel, the channel's own), as far as `viewer`
   * may see it: newest first, one line per posting.
   */
  async search(viewer: Viewer, query: string, limit: number): Promise<TeamEntry[]> {
    const words = query.toLowerCase().match(/[\p{L}\p{N}+#.]+/gu) ?? [];
    if (words.length === 0) return [];
    const bases = [`index:${viewer.platform}:${viewer.team}`];
    if (viewer.kind === 'connect') bases.unshift(indexBase(viewer.platform, viewer.team, viewer.channel, 'connect'));
    const entries: TeamEntry[] = [];
    for (const base of bases) {
      const team = base.startsWith(`index:${viewer.platform}:connect:`) ? undefined : viewer.team;
      for (const segment of await this.indexSegments(base)) {
        entries.push(...segment.entries.filter((e) => visibleTo(scopedEntry(e, viewer.platform, team), viewer)));
      }
    }
    const seen = new Set<string>();
    return entries
      .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
      .filter((e) => words.every((w) => e.terms.includes(w)))
      .filter((e) => (seen.has(e.postingId) ? false : (seen.add(e.postingId), true)))
      .slice(0, limit);
  }

  /**
   * The team's index, newest first: the segment being filled, those set aside, and an index
   * in the single-record form earlier versions wrote (kept until it expires). Two reads.
   */
  private async indexSegments(base: string): Promise<Array<{ key: string; entries: TeamEntry[] }>> {
    const index = indexKeys(base);
    const [headRaw, segmentsRaw, legacyRaw] = await this.kv.getMany([index.head, index.segments, index.base]);
    const aside = this.parse(index.segments, segmentsRaw, Ids) ?? [];
    const asideRaw = await this.kv.getMany(aside);
    return [
      { key: index.head, entries: this.parse(index.head, headRaw, Entries) ?? [] },
      ...aside.map((key, i) => ({ key, entries: this.parse(key, asideRaw[i], Entries) ?? [] })),
      { key: index.base, entries: this.parse(index.base, legacyRaw, Entries) ?? [] },
    ];
  }

  /**
   * Map a reply of the bot to its posting (reactions on it find the posting) and to the shared
   * message it answers (deleting that message deletes the reply): three small writes.
   */
  async linkReply(platform: Platform, reply: MessageRef, postingId: string, original?: MessageRef): Promise<void> {
    const key = `msg:${platform}:${reply.channel}:${reply.messageId}`;
    const refKey = `refs:${postingId}`;
    const repliesKey = original ? `replies:${platform}:${original.channel}:${original.messageId}` : undefined;
    const originKey = `origin:${platform}:${reply.channel}:${reply.messageId}`;
    await this.exclusive(repliesKey ? [refKey, repliesKey] : [refKey], async () => {
      const [refsRaw, repliesRaw] = await this.kv.getMany(repliesKey ? [refKey, repliesKey] : [refKey]);
      const refs = this.parse(refKey, refsRaw, Ids) ?? [];
      const writes: Entry[] = [{ key, value: postingId, ttlMs: this.retention.messageMs }];
      if (original && repliesKey) {
        const replies = (this.parse(repliesKey, repliesRaw, Refs) ?? []).filter((r) => !(r.channel === reply.channel && r.messageId === reply.messageId));
        writes.push(
          { key: repliesKey, value: [...replies, reply].slice(-MAX_REPLIES), ttlMs: this.retention.messageMs },
          { key: originKey, value: original, ttlMs: this.retention.messageMs },
        );
      }
      await this.kv.setMany([...writes, ...this.refWrite(refKey, refs, original && repliesKey ? [key, repliesKey, originKey] : [key])]);
    });
  }

  async originalOf(platform: Platform, message: MessageRef): Promise<MessageRef | undefined> {
    const [origin, posting] = await this.kv.getMany([
      `origin:${platform}:${message.channel}:${message.messageId}`,
      `msg:${platform}:${message.channel}:${message.messageId}`,
    ]);
    const parsed = this.parse(`origin:${platform}:${message.channel}:${message.messageId}`, origin, Ref);
    if (parsed) return parsed;
    return typeof posting === 'string' ? message : undefined;
  }

  async shareOf(platform: Platform, message: MessageRef): Promise<Share | undefined> {
    const postingId = await this.read(`msg:${platform}:${message.channel}:${message.messageId}`, z.string());
    if (!postingId) return undefined;
    return (await this.shares(postingId)).find((s) => isShareOf(s, platform, message));
  }

  /**
   * Forget the share `message` made: the share itself, its line in the channel's recent list
   * and the team index, the bot's replies to it (returned, for the adapter to delete), and,
   * when no share of the posting is left, the posting with every key to it.
   */
  async forgetShare(platform: Platform, message: MessageRef): Promise<Removed | undefined> {
    const msgKey = `msg:${platform}:${message.channel}:${message.messageId}`;
    const postingId = await this.read(msgKey, z.string());
    if (!postingId) return undefined;
    const sharesKey = `shares:${postingId}`;
    const before = (await this.read(sharesKey, Shares)) ?? [];
    const share = before.find((s) => isShareOf(s, platform, message));
    const repliesKey = `replies:${platform}:${message.channel}:${message.messageId}`;
    const team = share?.team ?? '';
    const lists = share
      ? await this.expandIndexes([
          recentKey(platform, team, message.channel, share.kind),
          channelLogKey(platform, team, message.channel, share.kind, share.at),
          indexBase(platform, team, message.channel, share.kind),
        ])
      : [];
    const refKey = `refs:${postingId}`;
    let result: Removed | undefined;
    await this.exclusive([refKey, sharesKey, repliesKey, ...lists], async () => {
      const [sharesRaw, repliesRaw, ...listsRaw] = await this.kv.getMany([sharesKey, repliesKey, ...lists]);
      const shares = this.parse(sharesKey, sharesRaw, Shares) ?? [];
      const removed = shares.find((s) => isShareOf(s, platform, message));
      const left = shares.filter((s) => !isShareOf(s, platform, message));
      const replies = this.parse(repliesKey, repliesRaw, Refs) ?? [];
      // A line without a message id (written before) stands for every share in its channel: it
      // goes when the last of them does.
      const stillInChannel = left.some((s) => s.platform === platform && s.channel === message.channel);
      const isLine = (e: TeamEntry): boolean =>
        e.postingId === postingId && (e.messageId === undefined ? e.channel === message.channel && !stillInChannel : e.messageId === message.messageId && e.channel === message.channel);
      const pruned = lists.flatMap((key, i) => {
        const entries = this.parse(key, listsRaw[i], Entries);
        if (!entries?.some(isLine)) return [];
        return [{ key, value: entries.filter((e) => !isLine(e)), ttlMs: this.retention.postingMs }];
      });
      const writes: Entry[] = [...pruned];
      if (left.length > 0 && removed) writes.push({ key: sharesKey, value: left, ttlMs: this.retention.postingMs });
      const gone = [msgKey, repliesKey, ...replies.flatMap((r) => [`msg:${platform}:${r.channel}:${r.messageId}`, `origin:${platform}:${r.channel}:${r.messageId}`])];
      await Promise.all([this.kv.setMany(writes), ...gone.map((key) => this.kv.delete(key))]);
      result = { postingId, share: removed, replies, postingGone: left.length === 0 };
    });
    // The last share gone: the posting's text and every key to it go too (outside the lock above, which forget takes itself).
    if (result?.postingGone) await this.forget(postingId);
    return result;
  }

  /**
   * Drop what is older than the retention: every share made before `cutoffMs` (with its team
   * lines and, when it was the last, its posting), and team lines left from before. Walks the
   * store's shares and team lists: for the hourly sweep, never on an event's path.
   */
  async purge(cutoffMs: number): Promise<number> {
    const cutoff = new Date(cutoffMs).toISOString();
    const { count: purged } = await this.forgetSharesWhere((s) => s.at < cutoff);
    // Watches follow the same retention (their alert marks expire with it).
    await this.alerts.purge(cutoffMs);
    const lists = [...(await this.kv.keys('recent:')), ...(await this.kv.keys('index:'))].filter((k) => !k.endsWith(':segments'));
    for (const key of lists) {
      await this.exclusive([key], async () => {
        const entries = this.parse(key, await this.kv.get(key), Entries);
        if (!entries?.some((e) => e.at < cutoff)) return;
        const left = entries.filter((e) => e.at >= cutoff);
        if (left.length === 0) await this.kv.delete(key);
        else await this.kv.set(key, left, this.retention.postingMs);
      });
    }
    return purged;
  }

  /**
   * Forget everything remembered from one workspace or server (the app was uninstalled there):
   * every share made in it, with the bot's replies and, when no other share holds it, the
   * posting; then its channels' recent lists and its search index. Walks the store's shares,
   * like purge: for a rare event, never on a message's path.
   */
  async forgetTeam(platform: Platform, team: string): Promise<number> {
    const { count, postings } = await this.forgetSharesWhere((s) => s.platform === platform && s.team === team);
    await this.alerts.forgetTeam(platform, team);
    const isTeamList = (key: string): boolean => key.startsWith(`recent:${platform}:${team}:`) || key === `index:${platform}:${team}` || key.startsWith(`index:${platform}:${team}:`);
    const lists = [...(await this.kv.keys(`recent:${platform}:${team}:`)), ...(await this.kv.keys(`index:${platform}:${team}:`)), `index:${platform}:${team}`];
    for (const key of lists) await this.exclusive([key], () => this.kv.delete(key));
    // A posting another workspace still holds keeps its refs, less the lists just deleted.
    for (const postingId of postings) {
      const refKey = `refs:${postingId}`;
      await this.exclusive([refKey], async () => {
        const refs = await this.read(refKey, Ids);
        if (refs?.some(isTeamList)) await this.kv.set(refKey, refs.filter((k) => !isTeamList(k)), this.retention.postingMs);
      });
    }
    return count;
  }

  /** Forget every share `matches` picks (see forgetShare): how many went, and the postings they were of. */
  private async forgetSharesWhere(matches: (share: Share) => boolean): Promise<{ count: number; postings: Set<string> }> {
    let count = 0;
    const postings = new Set<string>();
    for (const key of await this.kv.keys('shares:')) {
      const shares = (await this.read(key, Shares)) ?? [];
      for (const share of shares.filter(matches)) {
        const ref = { channel: share.channel, messageId: share.messageId };
        const removed = await this.forgetShare(share.platform, ref);
        if (!removed) {
          // Its message ref expired already: drop the share from the list directly.
          await this.exclusive([key], async () => {
            const now = (await this.read(key, Shares)) ?? [];
            const left = now.filter((s) => !isShareOf(s, share.platform, ref));
            if (left.length === 0) await this.forget(share.postingId);
            else await this.kv.set(key, left, this.retention.postingMs);
          });
        }
        count += 1;
        postings.add(share.postingId);
      }
    }
    return { count, postings };
  }

  /** Records sealed with `sealer` in this store's backend (secrets such as installations' tokens). */
  sealedRecords(sealer: Sealer): SealedRecords {
    return new SealedRecords(this.kv, sealer);
  }

  async getLink(canonicalUrl: string): Promise<Posting | undefined> {
    return this.read(`link:${canonicalUrl}`, Posting);
  }

  async putLink(canonicalUrl: string, posting: Posting, ttlMs: number): Promise<void> {
    await this.kv.set(`link:${canonicalUrl}`, posting, ttlMs);
  }

  async forget(postingId: string): Promise<boolean> {
    const refKey = `refs:${postingId}`;
    const isList = (key: string): boolean => key.startsWith('recent:') || key.startsWith('index:');
    // The team lists it is on are shared with other postings: lock them against a share being
    // recorded. A team index stands for all its segments.
    const listed = ((await this.read(refKey, Ids)) ?? []).filter(isList);
    const lists = await this.expandIndexes(listed);
    let existed = false;
    await this.exclusive([refKey, `shares:${postingId}`, ...lists], async () => {
      const [stored, refsRaw] = await this.kv.getMany([`posting:${postingId}`, refKey]);
      existed = stored !== undefined && stored !== null;
      const refs = this.parse(refKey, refsRaw, Ids) ?? [];
      const listKeys = await this.expandIndexes(refs.filter(isList));
      const current = await this.kv.getMany(listKeys);
      const pruned = listKeys.flatMap((key, i) => {
        const entries = this.parse(key, current[i], Entries);
        if (!entries?.some((e) => e.postingId === postingId)) return [];
        return [{ key, value: entries.filter((e) => e.postingId !== postingId), ttlMs: this.retention.postingMs }];
      });
      // The link cache holds the posting read from its link: it goes with the posting.
      const linkCache = refs.filter((k) => k.startsWith('key:url:')).map((k) => `link:${k.slice('key:url:'.length)}`);
      const gone = [...refs.filter((k) => !isList(k)), ...linkCache, `posting:${postingId}`, `shares:${postingId}`, refKey];
      await Promise.all([this.kv.setMany(pruned), ...gone.map((key) => this.kv.delete(key))]);
    });
    return existed;
  }

  /**
   * List keys with each team index replaced by all its segments. Refs name an index by its base
   * key; a segment set aside by an earlier version has no segments of its own, which is harmless.
   */
  private async expandIndexes(keys: readonly string[]): Promise<string[]> {
    const out: string[] = [];
    for (const key of keys) {
      if (!key.startsWith('index:')) out.push(key);
      else out.push(...(await this.indexSegments(key)).map((s) => s.key), indexKeys(key).segments);
    }
    return [...new Set(out)];
  }

  async ping(): Promise<void> {
    await this.kv.ping();
  }

  async close(): Promise<void> {
    await this.kv.close();
  }

  /** The write that adds `keys` to a posting's refs (what forget() removes), if any is new. */
  private refWrite(refKey: string, refs: string[], keys: readonly string[]): Entry[] {
    const fresh = keys.filter((k, i) => !refs.includes(k) && keys.indexOf(k) === i);
    return fresh.length === 0 ? [] : [{ key: refKey, value: [...refs, ...fresh], ttlMs: this.retention.postingMs }];
  }

  /** What storing a new posting writes: the record, its exact keys, and its id in each LSH bucket. */
  private postingPlan(id: string, posting: Posting, canonicalUrl?: string | null): PostingPlan {
    const signature = this.signature(posting.text);
    const keep = this.retention.postingMs;
    const exact = exactKeys(posting, canonicalUrl).map((k) => `key:${k}`);
    const buckets = bandKeys(signature).map((band) => `lsh:${band}`);
    return {
      buckets,
      refs: exact,
      writes: (current) => [
        { key: `posting:${id}`, value: { posting, signature, savedAt: new Date().toISOString() }, ttlMs: keep },
        ...exact.map((key) => ({ key, value: id, ttlMs: keep })),
        ...buckets.flatMap((key, i) => {
          const ids = this.parse(key, current[i], Ids) ?? [];
          return ids.includes(id) ? [] : [{ key, value: [id, ...ids].slice(0, MAX_BUCKET), ttlMs: keep }];
        }),
      ],
    };
  }

  /** The first of `ids` still stored, with its shares (one read). */
  private async known(ids: readonly string[]): Promise<{ id: string; posting: Posting; shares: Share[] } | undefined> {
    const raws = await this.kv.getMany(ids.flatMap((id) => [`posting:${id}`, `shares:${id}`]));
    for (const [i, id] of ids.entries()) {
      const stored = this.parse(`posting:${id}`, raws[2 * i], StoredPosting);
      if (stored) return { id, posting: stored.posting, shares: this.parse(`shares:${id}`, raws[2 * i + 1], Shares) ?? [] };
    }
    return undefined;
  }

  /** The stored posting most like this one among those sharing an LSH bucket with it, if it is the same job. */
  private async nearest(posting: Posting, signature: number[]): Promise<{ id: string; posting: Posting } | undefined> {
    const buckets = await this.kv.getMany(bandKeys(signature).map((k) => `lsh:${k}`));
    const candidates = new Set<string>();
    for (const bucket of buckets) {
      const ids = Ids.safeParse(bucket);
      if (ids.success) for (const id of ids.data) candidates.add(id);
    }
    if (candidates.size === 0) return undefined;
    const ids = [...candidates];
    const raws = await this.kv.getMany(ids.map((id) => `posting:${id}`));
    let best: { id: string; posting: Posting; score: number } | undefined;
    for (const [i, id] of ids.entries()) {
      // The signature decides most candidates; the whole record is validated only when the role must be compared.
      const signed = Signed.safeParse(raws[i]);
      if (!signed.success) continue;
      const score = similarity(signature, signed.data.signature);
      if (score < SAME_ROLE_TEXT || (best && score <= best.score)) continue;
      const stored = this.parse(`posting:${id}`, raws[i], StoredPosting);
      if (stored && (score >= SAME_TEXT || sameRole(posting, stored.posting))) best = { id, posting: stored.posting, score };
    }
    return best && { id: best.id, posting: best.posting };
  }

  /** MinHash of a text; the last one is kept, since a share looks a posting up and then stores it. */
  private signature(text: string): number[] {
    if (this.lastSignature?.text !== text) this.lastSignature = { text, signature: minhash(text) };
    return this.lastSignature.signature;
  }
  private lastSignature: { text: string; signature: number[] } | undefined;
}

/** A team's search index (`index:<platform>:<team>`): its base name (and the one-record form of earlier versions), the segment being filled, and the list of those set aside. */
function indexKeys(base: string): { base: string; head: string; segments: string } {
  return { base, head: `${base}:head`, segments: `${base}:segments` };
}

/** Whether a share is the one a message made. */
function isShareOf(share: Share, platform: Platform, message: MessageRef): boolean {
  return share.platform === platform && share.channel === message.channel && share.messageId === message.messageId;
}

/** A team line as visibleTo reads it; the team, when the line has none, is the index's own. */
function scopedEntry(e: TeamEntry, platform: Platform, team: string | undefined): Parameters<typeof visibleTo>[0] {
  return { platform, channel: e.channel, user: e.user, kind: e.kind, team: e.team ?? team };
}

/** The keys of a posting that only an identical one shares: its canonical link and its text. */
export function exactKeys(posting: Posting, canonicalUrl?: string | null): string[] {
  const keys = [`text:${textFingerprint(posting.text)}`];
  const url = canonicalUrl ?? posting.source.url;
  if (url) keys.unshift(`url:${url}`);
  return keys;
}

function words(s: string | null): Set<string> {
  const normalized = (s ?? '').toLowerCase().replace(/\bsr\b\.?/g, 'senior').replace(/\bmgr\b\.?/g, 'manager');
  return new Set(normalized.match(/[\p{L}\p{N}]+/gu) ?? []);
}

/** The same company and (nearly) the same title: one role, perhaps posted for other places. */
export function sameRole(a: Posting, b: Posting): boolean {
  if (!a.title || !b.title) return false;
  // A Senior and a Lead opening on one team share most of their text, but they are two jobs.
  if (a.level.seniority !== b.level.seniority || a.level.track !== b.level.track) return false;
  const ca = [...words(a.company)].join(' ');
  const cb = [...words(b.company)].join(' ');
  if (ca && cb && ca !== cb) return false;
  const ta = words(a.title);
  const tb = words(b.title);
  let common = 0;
  for (const w of ta) if (tb.has(w)) common++;
  return common / Math.max(ta.size, tb.size) >= 0.75;
}
