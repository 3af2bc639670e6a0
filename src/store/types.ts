import type { Posting } from '../posting.js';
import type { Platform } from '../desk/types.js';

/** Who shared a posting, where and when; the first share is what "shared before" shows. */
export interface Share {
  postingId: string;
  platform: Platform;
  team: string;
  channel: string;
  messageId: string;
  user: string;
  userName: string | null;
  /** ISO 8601 time of the share. */
  at: string;
  /** A link to the shared message (Slack permalink, Discord message URL), when known. */
  link: string | null;
}

/**
 * Everything the bot remembers. The Desk talks only to this interface; the implementations
 * are an in-memory one (tests, playground fallback) and the keyv one (SQLite file by default,
 * Redis or Postgres by STORE_URL).
 */
export interface Store {
  putPosting(id: string, posting: Posting): Promise<void>;
  getPosting(id: string): Promise<Posting | undefined>;
  /** Map a platform message (the original paste or the bot's card) to its posting. */
  linkMessage(platform: Platform, channel: string, messageId: string, postingId: string): Promise<void>;
  postingIdForMessage(platform: Platform, channel: string, messageId: string): Promise<string | undefined>;
  /** Atomically claim an event id; false when another delivery (or process) already has it. */
  claimEvent(eventKey: string): Promise<boolean>;
  addShare(share: Share): Promise<void>;
  /** The earliest share of a posting, if any. */
  firstShare(postingId: string): Promise<Share | undefined>;
  /** The posting id already stored under one of these keys (same link, same text, near-duplicate band keys). */
  findDuplicate(keys: readonly string[]): Promise<string | undefined>;
  rememberKeys(keys: readonly string[], postingId: string): Promise<void>;
  close(): Promise<void>;
}
