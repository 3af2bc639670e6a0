import { z } from 'zod';
import type { Platform } from '../desk/types.js';
import { Posting } from '../posting.js';
import { textFingerprint } from '../fingerprint.js';
import type { KeyValue } from './backend.js';
import { bandKeys, minhash, similarity } from './near-dup.js';
import { ShareSchema, TeamEntrySchema, type Share, type Store, type TeamEntry } from './types.js';

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
const MAX_INDEX = 500;
const MAX_BUCKET = 25;

/** Same text beyond doubt; below it, a near-duplicate must also be the same role. */
const SAME_TEXT = 0.8;
const SAME_ROLE_TEXT = 0.35;

const StoredPosting = z.object({ posting: Posting, signature: z.array(z.number()), savedAt: z.string() });
const Ids = z.array(z.string());
const Shares = z.array(ShareSchema);
const Entries = z.array(TeamEntrySchema);

export interface StoreLogger {
  warn(obj: object, msg: string): void;
}

/**
 * Everything jobcard remembers, on any KeyValue backend. Keys are prefixed by namespace
 * (posting, key, lsh, msg, refs, event, shares, recent, index, link); every record is
 * validated with zod on read, and a corrupt one is skipped and logged, never a crash.
 */
export class JobStore implements Store {
  constructor(
    private readonly kv: KeyValue,
    private readonly retention: Retention = DEFAULT_RETENTION,
    private readonly log?: StoreLogger,
  ) {}

  /** Read-modify-writes in flight, by key: updates of one key in this process run one after another. */
  private readonly updating = new Map<string, Promise<void>>();

  /** Run `op` after every earlier update of `key` in this process (so concurrent events lose no update). */
  private exclusive(key: string, op: () => Promise<void>): Promise<void> {
    const previous = this.updating.get(key) ?? Promise.resolve();
    const next = previous.then(op, op);
    const settled = next.catch(() => undefined);
    this.updating.set(key, settled);
    void settled.then(() => {
      if (this.updating.get(key) === settled) this.updating.delete(key);
    });
    return next;
  }

  private async read<T>(key: string, schema: z.ZodType<T>): Promise<T | undefined> {
    const raw = await this.kv.get(key);
    if (raw === undefined || raw === null) return undefined;
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    this.log?.warn({ key, problem: parsed.error.issues[0]?.message }, 'skipping a corrupt or old-format record');
    return undefined;
  }

  async putPosting(id: string, posting: Posting): Promise<void> {
    await this.putSigned(id, posting, minhash(posting.text));
  }

  private async putSigned(id: string, posting: Posting, signature: number[]): Promise<void> {
    await this.kv.set(`posting:${id}`, { posting, signature, savedAt: new Date().toISOString() }, this.retention.postingMs);
  }

  async getPosting(id: string): Promise<Posting | undefined> {
    return (await this.read(`posting:${id}`, StoredPosting))?.posting;
  }

  async linkMessage(platform: Platform, channel: string, messageId: string, postingId: string): Promise<void> {
    const key = `msg:${platform}:${channel}:${messageId}`;
    await Promise.all([this.kv.set(key, postingId, this.retention.messageMs), this.addRef(postingId, key)]);
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

  async addShare(share: Share): Promise<void> {
    const key = `shares:${share.postingId}`;
    await this.exclusive(key, async () => {
      const shares = (await this.read(key, Shares)) ?? [];
      if (shares.some((s) => s.platform === share.platform && s.channel === share.channel && s.messageId === share.messageId)) return;
      shares.push(share);
      await this.kv.set(key, shares.slice(0, MAX_SHARES), this.retention.postingMs);
    });
  }

  async firstShare(postingId: string): Promise<Share | undefined> {
    return (await this.read(`shares:${postingId}`, Shares))?.[0];
  }

  async findDuplicate(posting: Posting, canonicalUrl?: string | null): Promise<string | undefined> {
    const exact = exactKeys(posting, canonicalUrl);
    const found = await this.kv.getMany(exact.map((k) => `key:${k}`));
    for (const id of found) if (typeof id === 'string' && (await this.kv.get(`posting:${id}`)) !== undefined) return id;

    const signature = minhash(posting.text);
    const buckets = await this.kv.getMany(bandKeys(signature).map((k) => `lsh:${k}`));
    const candidates = new Set<string>();
    for (const bucket of buckets) {
      const ids = Ids.safeParse(bucket);
      if (ids.success) for (const id of ids.data) candidates.add(id);
    }
    let best: { id: string; score: number } | undefined;
    for (const id of candidates) {
      const stored = await this.read(`posting:${id}`, StoredPosting);
      if (!stored) continue;
      const score = similarity(signature, stored.signature);
      const same = score >= SAME_TEXT || (score >= SAME_ROLE_TEXT && sameRole(posting, stored.posting));
      if (same && (!best || score > best.score)) best = { id, score };
    }
    return best?.id;
  }

  async remember(postingId: string, posting: Posting, canonicalUrl?: string | null): Promise<void> {
    // One signature for the stored record and its band keys: MinHash over a long posting is the costly part.
    const signature = minhash(posting.text);
    const keys = exactKeys(posting, canonicalUrl).map((k) => `key:${k}`);
    const bands = bandKeys(signature).map((band) => `lsh:${band}`);
    const buckets = await this.kv.getMany(bands);
    // Writes to distinct keys, sent together: one round of waiting instead of two dozen.
    await Promise.all([
      this.putSigned(postingId, posting, signature),
      ...keys.map((key) => this.kv.set(key, postingId, this.retention.postingMs)),
      ...bands.map((key, i) => {
        const parsed = Ids.safeParse(buckets[i] ?? []);
        const ids = parsed.success ? parsed.data : [];
        return ids.includes(postingId) ? undefined : this.kv.set(key, [postingId, ...ids].slice(0, MAX_BUCKET), this.retention.postingMs);
      }),
    ]);
    await this.addRef(postingId, ...keys);
  }

  async addToTeam(entry: TeamEntry, platform: Platform, team: string): Promise<void> {
    const recentKey = `recent:${platform}:${team}:${entry.channel}`;
    const indexKey = `index:${platform}:${team}`;
    const lists = [[recentKey, MAX_RECENT], [indexKey, MAX_INDEX]] as const;
    await Promise.all([
      ...lists.map(([key, bound]) =>
        this.exclusive(key, async () => {
          const entries = ((await this.read(key, Entries)) ?? []).filter((e) => !(e.postingId === entry.postingId && e.channel === entry.channel));
          entries.unshift(entry);
          await this.kv.set(key, entries.slice(0, bound), this.retention.postingMs);
        }),
      ),
      this.addRef(entry.postingId, recentKey, indexKey),
    ]);
  }

  async recent(platform: Platform, team: string, channel: string, limit: number): Promise<TeamEntry[]> {
    return ((await this.read(`recent:${platform}:${team}:${channel}`, Entries)) ?? []).slice(0, limit);
  }

  async search(platform: Platform, team: string, query: string, limit: number): Promise<TeamEntry[]> {
    const words = query.toLowerCase().match(/[\p{L}\p{N}+#.]+/gu) ?? [];
    if (words.length === 0) return [];
    const entries = (await this.read(`index:${platform}:${team}`, Entries)) ?? [];
    const seen = new Set<string>();
    return entries
      .filter((e) => words.every((w) => e.terms.includes(w)))
      .filter((e) => (seen.has(e.postingId) ? false : (seen.add(e.postingId), true)))
      .slice(0, limit);
  }

  async getLink(canonicalUrl: string): Promise<Posting | undefined> {
    return this.read(`link:${canonicalUrl}`, Posting);
  }

  async putLink(canonicalUrl: string, posting: Posting, ttlMs: number): Promise<void> {
    await this.kv.set(`link:${canonicalUrl}`, posting, ttlMs);
  }

  async forget(postingId: string): Promise<boolean> {
    const stored = await this.kv.get(`posting:${postingId}`);
    const refs = (await this.read(`refs:${postingId}`, Ids)) ?? [];
    for (const key of refs) {
      if (key.startsWith('recent:') || key.startsWith('index:')) {
        const entries = (await this.read(key, Entries)) ?? [];
        await this.kv.set(key, entries.filter((e) => e.postingId !== postingId), this.retention.postingMs);
      } else {
        await this.kv.delete(key);
      }
    }
    for (const key of [`posting:${postingId}`, `shares:${postingId}`, `refs:${postingId}`]) await this.kv.delete(key);
    return stored !== undefined;
  }

  async ping(): Promise<void> {
    await this.kv.ping();
  }

  async close(): Promise<void> {
    await this.kv.close();
  }

  /** Keys that point at a posting, so forgetting it removes them too. */
  private addRef(postingId: string, ...keys: string[]): Promise<void> {
    const refKey = `refs:${postingId}`;
    return this.exclusive(refKey, async () => {
      const refs = (await this.read(refKey, Ids)) ?? [];
      const fresh = keys.filter((k) => !refs.includes(k));
      if (fresh.length === 0) return;
      await this.kv.set(refKey, [...refs, ...fresh], this.retention.postingMs);
    });
  }
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
