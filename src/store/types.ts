import { z } from 'zod';
import type { Platform } from '../desk/types.js';
import type { Posting } from '../posting.js';
import type { AlertMemory } from '../alerts/memory.js';

export const PlatformSchema = z.enum(['slack', 'discord', 'local']);

/**
 * Who could see the channel a posting was shared in, which decides who may be told of the share
 * later (see visibleTo): a public channel (the whole workspace or server), a private channel or
 * group DM (its members), a DM with the bot (that person), a Slack Connect channel (its members,
 * from every workspace in it).
 */
export const ChannelKindSchema = z.enum(['public', 'private', 'dm', 'connect']);
export type ChannelKind = z.infer<typeof ChannelKindSchema>;

/** Who shared a posting, where and when; the first share is what "shared before" shows. */
export const ShareSchema = z.object({
  postingId: z.string(),
  platform: PlatformSchema,
  team: z.string(),
  channel: z.string(),
  messageId: z.string(),
  user: z.string(),
  userName: z.string().nullable(),
  /** ISO 8601 time of the share. */
  at: z.string(),
  /** A link to the shared message (Slack permalink, Discord message URL), when known. */
  link: z.string().nullable(),
  /** The channel's audience; absent on shares recorded before scopes, which count as seen in their channel only. */
  kind: ChannelKindSchema.optional(),
  /** Fingerprint of the text this share pasted: an edit that leaves it unchanged needs no new card. */
  textHash: z.string().optional(),
});
export type Share = z.infer<typeof ShareSchema>;

/** One line of team memory: what `/jd recent` and `/jd search` list. */
export const TeamEntrySchema = z.object({
  postingId: z.string(),
  title: z.string().nullable(),
  company: z.string().nullable(),
  level: z.string().nullable(),
  pay: z.string().nullable(),
  sponsorship: z.string(),
  /** The whole pay range across places (`$144.2k–$181k`), for digests; absent on lines written before. */
  payRange: z.string().nullable().optional(),
  /** Where the role is (a few places, or remote), for digests; absent on lines written before. */
  places: z.string().nullable().optional(),
  /** Words searched: title, company, skills, locations. */
  terms: z.string(),
  channel: z.string(),
  user: z.string(),
  userName: z.string().nullable(),
  at: z.string(),
  link: z.string().nullable(),
  /** As on Share: absent on entries written before scopes (seen in their channel only). */
  kind: ChannelKindSchema.optional(),
  team: z.string().optional(),
  /** The shared message, so `/jd forget` and deletes remove this line and no other. */
  messageId: z.string().optional(),
});
export type TeamEntry = z.infer<typeof TeamEntrySchema>;

/**
 * Everything the bot remembers. The Desk talks only to this interface; JobStore implements it
 * over any KeyValue backend (memory, SQLite file, Redis, Postgres).
 */
/** Where a question comes from: memory answers only with shares visible there (visibleTo). */
export interface Viewer {
  platform: Platform;
  team: string;
  channel: string;
  user: string;
  kind: ChannelKind;
}

/** A message in a channel: a card or full text the bot posted, or a shared original. */
export interface MessageRef {
  channel: string;
  messageId: string;
  /** For the bot's replies: a card (edited in place when its posting is edited) or full text. */
  role?: 'card' | 'full' | undefined;
}

/** What removing a share left to do on the platform: the bot's replies to delete. */
export interface Removed {
  postingId: string;
  /** The share that was removed (who shared it, for permission checks made before). */
  share: Share | undefined;
  /** The bot's cards and full-text messages answering the removed message. */
  replies: MessageRef[];
  /** No share holds the posting any more: its text and every key to it are gone. */
  postingGone: boolean;
}

/** The same job stored before: its id, the stored posting, and its first share. */
export interface Known {
  id: string;
  /**
   * The stored posting, only when the share that stored it is visible to the viewer: its pay
   * bands may then be merged into the card. A posting first pasted somewhere the viewer cannot
   * see stays unread.
   */
  posting: Posting | undefined;
  /** The earliest share the viewer may be told of (undefined when none is visible). */
  firstShare: Share | undefined;
}

/** One share to record (Store.recordShare). */
export interface ShareRecord {
  posting: Posting;
  canonicalUrl?: string | null;
  /** No earlier copy was found: the posting and the keys that find it again are stored too. */
  isNew: boolean;
  share: Share;
  /** The share's line in the team's memory (recent list, search index). */
  entry: TeamEntry;
  team: string;
}

/**
 * Everything the bot remembers. The Desk talks only to this interface; JobStore implements it
 * over any KeyValue backend (memory, SQLite file, Redis, Postgres). A shared posting costs one
 * claim, one lookup and one recordShare: a handful of round trips, however much is remembered.
 */
export interface Store {
  /** Watches, alert claims and digest schedules (src/alerts), on the same backend. */
  readonly alerts: AlertMemory;
  getPosting(id: string): Promise<Posting | undefined>;
  /** Map a platform message (the bot's card) to its posting. */
  linkMessage(platform: Platform, channel: string, messageId: string, postingId: string): Promise<void>;
  postingIdForMessage(platform: Platform, channel: string, messageId: string): Promise<string | undefined>;
  /** Atomically claim an event id; false when another delivery (or process) already has it. */
  claimEvent(eventKey: string): Promise<boolean>;
  /** Give a claim back (handling failed), so a retry of the same event can succeed. */
  releaseEvent(eventKey: string): Promise<void>;
  /** The earliest share of a posting, if any (every share, whoever may see it: for permission checks). */
  firstShare(postingId: string): Promise<Share | undefined>;
  /** Every share of a posting, oldest first. */
  shares(postingId: string): Promise<Share[]>;
  /**
   * The stored posting that is the same job (same link, same text, or a near-duplicate), with
   * its first share visible to `viewer` (see visibleTo).
   */
  lookup(posting: Posting, canonicalUrl: string | null | undefined, viewer: Viewer): Promise<Known | undefined>;
  /** Record a share: the posting when new, the message link, the share, and the team's memory. */
  recordShare(record: ShareRecord): Promise<void>;
  /** The channel's latest shares (what `/jd recent` lists), as far as `viewer` may see them. */
  recent(viewer: Viewer, limit: number): Promise<TeamEntry[]>;
  /**
   * Every share made in the viewer's channel in [from, to), newest first (a digest's period);
   * `complete` is false when the channel shared more in some hour than is kept for this.
   */
  channelShares(viewer: Viewer, from: Date, to: Date): Promise<{ entries: TeamEntry[]; complete: boolean }>;
  /** Shares matching every word of `query` that `viewer` may see, newest first. */
  search(viewer: Viewer, query: string, limit: number): Promise<TeamEntry[]>;
  /**
   * Map a reply the bot posted (card, full text) to its posting and, when known, to the shared
   * message it answers, so deleting that message deletes the reply too.
   */
  linkReply(platform: Platform, reply: MessageRef, postingId: string, original?: MessageRef): Promise<void>;
  /** The shared message a reply of the bot answers (itself when it is an original), if known. */
  originalOf(platform: Platform, message: MessageRef): Promise<MessageRef | undefined>;
  /** The share a shared message made, if it is remembered. */
  shareOf(platform: Platform, message: MessageRef): Promise<Share | undefined>;
  /**
   * Forget the share a message made: its lines in the team's memory, the bot's replies to it,
   * and, once no share holds the posting, the posting's text and every key to it.
   */
  forgetShare(platform: Platform, message: MessageRef): Promise<Removed | undefined>;
  /** Forget every share made in one workspace or server, and its team lists (the app was uninstalled there); how many shares went. */
  forgetTeam(platform: Platform, team: string): Promise<number>;
  /** Drop every share, team line and posting older than `cutoffMs` (ms since the epoch); how many shares went. */
  purge(cutoffMs: number): Promise<number>;
  /** The link cache: a posting read from a canonical URL, so a link shared twice is fetched once. */
  getLink(canonicalUrl: string): Promise<Posting | undefined>;
  putLink(canonicalUrl: string, posting: Posting, ttlMs: number): Promise<void>;
  /** Remove a posting and everything that points to it. */
  forget(postingId: string): Promise<boolean>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
