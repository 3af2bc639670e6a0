import { z } from 'zod';
import type { Platform } from '../desk/types.js';
import type { Posting } from '../posting.js';

export const PlatformSchema = z.enum(['slack', 'discord', 'local']);

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
  /** Words searched: title, company, skills, locations. */
  terms: z.string(),
  channel: z.string(),
  user: z.string(),
  userName: z.string().nullable(),
  at: z.string(),
  link: z.string().nullable(),
});
export type TeamEntry = z.infer<typeof TeamEntrySchema>;

/**
 * Everything the bot remembers. The Desk talks only to this interface; JobStore implements it
 * over any KeyValue backend (memory, SQLite file, Redis, Postgres).
 */
/** The same job stored before: its id, the stored posting, and its first share. */
export interface Known {
  id: string;
  posting: Posting;
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
  getPosting(id: string): Promise<Posting | undefined>;
  /** Map a platform message (the bot's card) to its posting. */
  linkMessage(platform: Platform, channel: string, messageId: string, postingId: string): Promise<void>;
  postingIdForMessage(platform: Platform, channel: string, messageId: string): Promise<string | undefined>;
  /** Atomically claim an event id; false when another delivery (or process) already has it. */
  claimEvent(eventKey: string): Promise<boolean>;
  /** Give a claim back (handling failed), so a retry of the same event can succeed. */
  releaseEvent(eventKey: string): Promise<void>;
  /** The earliest share of a posting, if any. */
  firstShare(postingId: string): Promise<Share | undefined>;
  /** The stored posting that is the same job (same link, same text, or a near-duplicate), with its first share. */
  lookup(posting: Posting, canonicalUrl?: string | null): Promise<Known | undefined>;
  /** Record a share: the posting when new, the message link, the share, and the team's memory. */
  recordShare(record: ShareRecord): Promise<void>;
  recent(platform: Platform, team: string, channel: string, limit: number): Promise<TeamEntry[]>;
  search(platform: Platform, team: string, query: string, limit: number): Promise<TeamEntry[]>;
  /** The link cache: a posting read from a canonical URL, so a link shared twice is fetched once. */
  getLink(canonicalUrl: string): Promise<Posting | undefined>;
  putLink(canonicalUrl: string, posting: Posting, ttlMs: number): Promise<void>;
  /** Remove a posting and everything that points to it. */
  forget(postingId: string): Promise<boolean>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
